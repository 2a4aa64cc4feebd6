// The strict verifier. Takes a bundle as an in-memory map of file name to bytes (the folder
// reader and the decryptor both produce one) and the centre's public key, the one key a
// prosecutor pins, and returns a typed verdict: valid, with what is proven in words, or invalid
// with the first reason found and its code. It never throws for anything in the bundle.
// Order: file set, centre certificates and staff list, the exporter's signature, file hashes,
// manifest and custody, the sealed record (chain, seal, addenda, omissions), renditions.
import { sha256 } from '../crypto';
import { canonicalJson } from './canonical-json';
import { checkCustody, withClockSteps } from './custody';
import type { TranscriptDocument } from './document';
import { bytesEqual, fromUtf8, groupHex, toHex } from './encoding';
import { BundleError, type VerifyFailure } from './errors';
import {
  deriveKeyId,
  encodePublicKey,
  keyFingerprint,
  keyIdText,
  parseSignature,
  verifySignature,
  type MinisignPublicKey,
  type MinisignSignature,
} from './minisign';
import {
  nameProblems,
  publicKeyFingerprint,
  visibleText,
  type Certificate,
  type NameProblem,
} from '../vault';
import { eventWhat, fact, factList, type Fact } from './verify-facts';
import { wordFacts } from './verify-words';
import {
  IDENTITY_NOT_CHECKED,
  identityNotProven,
  staffListsToUse,
  staffListUsedFact,
  type StaffListsUsed,
} from './identity';
import { pdfHasPages, renderPdf } from './pdf';
import { checkSealedRecord } from './sealed-record';
import { certificateByKeyId, certifiedSigner, checkTrust, type TrustedKeys } from './trust';
import { documentSchema, manifestSchema } from './schema';
import type { z } from 'zod';
import {
  BUNDLE_FORMAT_VERSION,
  CHAIN_VERSION,
  TRANSCRIPT_FORMAT_VERSION,
  formatVersion,
  knownFieldsOnly,
} from './forward';
import { renderText } from './text';
import { offsetText } from './words';
import {
  RENDITION_VERSION,
  canReproduce,
  notReRenderedFact,
  renditionOf,
  type Rendition,
} from './rendition';
import {
  BUNDLE_FILES,
  BUNDLE_FORMAT,
  PLANNING_FILE,
  READABLE_FILES,
  contentFilesFor,
  summedFilesFor,
  bundleFingerprint,
  pdfStamp,
  renderVerifyText,
  staffKeyLinePrefix,
  trustedComment,
  untrustedComment,
  type BundleFiles,
  type Manifest,
} from './bundle';

import { MAX_FILE_BYTES } from './limits';
import { recordingsOf, type RecordingFingerprint } from './recording';
import type { ChainEntry } from './chain-view';
import { extendedPlaceOf, type BundleExtendedPlace } from './extended-set';

export interface VerifiedBundle {
  valid: true;
  /** The exporter: whose certified key signed SHA256SUMS. */
  signer: { username: string; displayName: string; keyId: string; fingerprint: string };
  sessionId: string;
  fingerprint: string;
  sealedAt: string;
  /** Whose certified key sealed the interview (the interviewer). */
  sealedBy: { username: string; displayName: string };
  /** Events left out at export, by note kind (empty: nothing withheld). */
  withheld: Record<string, number>;
  /** The recordings the sealed record names (SHA-256, size, file name). */
  recordings: RecordingFingerprint[];
  exportedAt: string;
  exportedBy: string;
  exportNumber: number;
  addendaCount: number;
  /**
   * The rendition the manifest names, and whether transcript.txt/.pdf were re-rendered and
   * compared (false: a version this verifier cannot reproduce; `notProven` says so first).
   */
  rendition: Rendition & { reRendered: boolean };
  files: string[];
  trustedComment: string;
  /** What the bundle proves, in English sentences a prosecutor can read out (= provenFacts). */
  proven: string[];
  /** What it does not prove, in English (= notProvenFacts). */
  notProven: string[];
  /**
   * The same sentences as facts (stable codes and values; words per language in
   * locales/<lang>/verify.json, see verify-facts.ts): the CLI's --lang and the app word these.
   */
  provenFacts: Fact[];
  notProvenFacts: Fact[];
  /** Its place in an extended interview (sealed link + the exporter's list; extended-set.ts). */
  extended?: BundleExtendedPlace;
  /**
   * Events of the sealed record written by someone other than the interviewer (red team round
   * 8, R8-D), ascending seq: `by` is the writer's username, `displayName` their certified name
   * when a certificate in the bundle names them, `withheld` whether the export left the event
   * itself out. Empty for an interview only its interviewer wrote. The bundle still verifies
   * (signatures and integrity hold), but each is a finding (`findings`), never a silent pass.
   */
  foreignEvents: Array<{ seq: number; by: string; displayName?: string; withheld: boolean }>;
  /**
   * What a reader must see before anything else (code FOREIGN_EVENT, one per event), in English
   * (`findings`) and as facts (`findingFacts`; words per language in locales/<lang>/verify.json).
   */
  findings: string[];
  findingFacts: Fact[];
}

export interface RejectedBundle {
  valid: false;
  failure: VerifyFailure;
  reason: string;
}

/**
 * The content verified, but a signer is not on the staff list the caller pinned (identity.ts):
 * not valid. `reason` gives the NOT PROVEN sentences and what to do; the other fields say what
 * the content would prove had the signers been genuine.
 */
export interface UnprovenBundle extends Omit<VerifiedBundle, 'valid'> {
  valid: false;
  failure: 'IDENTITY_NOT_PROVEN';
  reason: string;
}

export type Verdict = VerifiedBundle | RejectedBundle | UnprovenBundle;

/** The key under which a left-out planning record is counted in a verdict's withheld map. */
export const PLANNING_WITHHELD = 'planning-record';

/** What a bundle's planning-record choice means, for the verdict's proven list. */
function planningFacts(included: boolean | undefined): Fact[] {
  if (included === true) return [fact('planningIncluded')];
  if (included === false) return [fact('planningLeftOut')];
  return [];
}

const fail = (failure: VerifyFailure, reason: string): never => {
  throw new BundleError(failure, reason);
};

const hexSha = (b: Uint8Array) => toHex(sha256(b));

function text(files: BundleFiles, name: string): string {
  try {
    return fromUtf8(files.get(name) ?? new Uint8Array());
  } catch {
    return fail('BAD_FORMAT', `${name} is not valid UTF-8`);
  }
}

function checkFileSet(files: BundleFiles): void {
  const names = [...files.keys()].sort();
  const missing = BUNDLE_FILES.filter((n) => !files.has(n));
  const extra = names.filter((n) => !READABLE_FILES.includes(n));
  for (const n of names) {
    if (n.includes('/') || n.includes('\\') || n === '..' || n === '.' || n.includes('\0'))
      fail('PATH_TRICK', 'A file name in the bundle contains a path');
  }
  if (missing.length > 0 || extra.length > 0) {
    const parts = [
      missing.length > 0 ? `missing: ${missing.join(', ')}` : '',
      extra.length > 0 ? `unexpected: ${extra.length} file(s)` : '',
    ].filter(Boolean);
    fail('FILE_SET', `The bundle does not hold exactly the expected files (${parts.join('; ')})`);
  }
  for (const [name, bytes] of files)
    if (bytes.length > MAX_FILE_BYTES) fail('TOO_LARGE', `${name} is larger than a bundle allows`);
}

/** SHA256SUMS: exactly one "<64 hex>  <name>" line per summed file, sorted, LF-terminated. */
function parseSums(sums: string, planningPresent: boolean): Map<string, string> {
  // Which optional file the manifest's choices call for is checked once the manifest is
  // authenticated; here the list must match the files present.
  const expected = summedFilesFor({ includePlanningRecord: planningPresent });
  const lines = sums.endsWith('\n') ? sums.slice(0, -1).split('\n') : [];
  if (lines.length !== expected.length)
    fail('BAD_FORMAT', 'SHA256SUMS does not list exactly the bundle files');
  const out = new Map<string, string>();
  lines.forEach((line, i) => {
    const m = /^([0-9a-f]{64}) {2}(.+)$/.exec(line);
    if (!m || m[2] !== expected[i]) fail('BAD_FORMAT', `SHA256SUMS line ${i + 1} is not valid`);
    out.set(m![2] as string, m![1] as string);
  });
  return out;
}

function parseJson(name: string, source: string): unknown {
  let parsed: unknown;
  try {
    parsed = JSON.parse(source);
  } catch {
    return fail('BAD_FORMAT', `${name} is not valid JSON`);
  }
  let canonical = '';
  try {
    canonical = canonicalJson(parsed);
  } catch {
    fail('BAD_FORMAT', `${name} is not canonical JSON`);
  }
  if (canonical !== source) fail('BAD_FORMAT', `${name} is not canonical JSON`);
  return parsed;
}

/** SHA256SUMS.minisig: parsed strictly, signed by a key the centre certified for exporting. */
function checkExporter(
  files: BundleFiles,
  trust: TrustedKeys,
): { sig: MinisignSignature; cert: Certificate } {
  let sig: MinisignSignature;
  try {
    sig = parseSignature(text(files, 'SHA256SUMS.minisig'));
  } catch {
    return fail('BAD_FORMAT', 'SHA256SUMS.minisig is not a valid minisign signature file');
  }
  const found = certificateByKeyId(trust, sig.keyId);
  if (!found)
    return fail(
      'EXPORTER_NOT_CERTIFIED',
      `SHA256SUMS is signed by key ${keyIdText(sig.keyId)}, which the centre has not certified`,
    );
  const verdict = verifySignature(files.get('SHA256SUMS') as Uint8Array, sig, found.key);
  if (!verdict.ok)
    fail(
      'BAD_SIGNATURE',
      verdict.reason === 'GLOBAL_SIGNATURE'
        ? 'The trusted comment of SHA256SUMS.minisig was altered (global signature invalid)'
        : 'The signature over SHA256SUMS is not valid: SHA256SUMS or its signature was altered',
    );
  // minisign does not sign the untrusted comment; Hearth writes a fixed one, so that no byte of
  // the bundle can change unnoticed.
  if (sig.untrustedComment !== untrustedComment(found.key.keyId))
    fail('INCONSISTENT', 'The untrusted comment of SHA256SUMS.minisig was changed');
  return { sig, cert: found.cert };
}

const when = (iso: string) => iso.replace('T', ' ').replace(/\.\d{3}Z$/, ' UTC');
const who = (c: Certificate): Fact =>
  fact('who', {
    name: visibleText(c.statement.displayName),
    username: c.statement.username,
    role: fact(`roles.${c.statement.role}`, undefined, c.statement.role),
    centreKeyId: c.statement.centreKeyId,
    issuedAt: when(c.statement.issuedAt),
  });

/** What a prosecutor may pin besides the centre key. */
export interface VerifyOptions {
  /**
   * staff-keys.txt as pinned earlier (`hearth keys staff`; the caller checks its minisig with
   * the centre key), one or several: the newest is used, and the bundle's own list when newer
   * still can withdraw keys from it (`staffListsFor`): a signer whose key is not on it, or on it under another role or name,
   * makes the verdict IDENTITY_NOT_PROVEN (identity.ts); without it, `notProven` says that who
   * signed was not checked against a staff list.
   */
  pinnedStaffList?: string | readonly string[];
}

/**
 * The staff lists identity is checked against (identity.ts `staffListsToUse`): the newest pinned
 * list, and the bundle's own staff-keys.txt when it is newer (it can only withdraw keys), or
 * undefined when none was pinned (the bundle's list alone is the exporter's choice).
 */
function staffListsFor(files: BundleFiles, options: VerifyOptions): StaffListsUsed | undefined {
  const pinned = options.pinnedStaffList;
  if (pinned === undefined) return undefined;
  const texts = typeof pinned === 'string' ? [pinned] : pinned;
  if (texts.length === 0) return undefined;
  return staffListsToUse(texts, fromUtf8(files.get('staff-keys.txt') as Uint8Array));
}

async function verifyOrThrow(
  files: BundleFiles,
  centre: MinisignPublicKey,
  options: VerifyOptions = {},
): Promise<VerifiedBundle | UnprovenBundle> {
  checkFileSet(files);
  const trust = checkTrust(
    centre,
    text(files, 'certificates.json'),
    files.get('staff-keys.txt') as Uint8Array,
    files.get('staff-keys.txt.minisig') as Uint8Array,
  );
  const { sig, cert: found } = checkExporter(files, trust);
  // The same check as the sealer's (role, withdrawal); the export time is self-declared, so any
  // withdrawal of the exporter's key in the bundle rejects it.
  const exporter = certifiedSigner(trust, found.statement.publicKey, {
    what: 'export (SHA256SUMS)',
    missing: 'EXPORTER_NOT_CERTIFIED',
    role: 'EXPORTER_ROLE',
    withdrawn: 'EXPORTER_WITHDRAWN',
  });
  const summed = summedFilesFor({ includePlanningRecord: files.has(PLANNING_FILE) });
  const sums = parseSums(text(files, 'SHA256SUMS'), files.has(PLANNING_FILE));
  for (const name of summed) {
    if (hexSha(files.get(name) as Uint8Array) !== sums.get(name))
      fail('HASH_MISMATCH', `${name} does not match its SHA-256 in SHA256SUMS (it was changed)`);
  }
  // Past this point every byte is the exporter's; what follows checks that the exporter's bundle
  // is the interviewer's sealed record, complete, and rendered faithfully.
  const manifestText = text(files, 'manifest.json');
  const manifestJson = parseJson('manifest.json', manifestText);
  const manifestFields = isObject(manifestJson) ? manifestJson : {};
  const bundleVersion = formatVersion(manifestFields.format, 'hearth.bundle');
  if (bundleVersion !== undefined && bundleVersion > BUNDLE_FORMAT_VERSION)
    fail(
      'NEWER_VERSION',
      `manifest.json names bundle format v${bundleVersion}, newer than this Hearth reads (v${BUNDLE_FORMAT_VERSION}). The exporter's signature and the file hashes were verified, but nothing else was checked. Update Hearth to check this bundle`,
    );
  // A manifest that names a newer rendition is read for the fields this Hearth knows; the
  // others are named in the verdict (forward.ts).
  const newerRendition = (() => {
    const r = manifestFields.rendition;
    return isObject(r) && typeof r.version === 'number' && r.version > RENDITION_VERSION;
  })();
  const unknownFields: string[] = [];
  const m: Manifest = readKnown(
    manifestSchema,
    manifestJson,
    newerRendition,
    'manifest.json',
    unknownFields,
    () => fail('BAD_FORMAT', 'manifest.json does not have the bundle fields'),
  );
  if (m.format !== BUNDLE_FORMAT) fail('BAD_FORMAT', 'Unknown bundle format');
  const listed = Object.keys(m.files).sort();
  const content = contentFilesFor(m.choices);
  if (files.has(PLANNING_FILE) !== (m.choices.includePlanningRecord === true))
    fail(
      'INCONSISTENT',
      files.has(PLANNING_FILE)
        ? 'The bundle holds planning-record.json although its export choices leave the planning record out'
        : 'The export choices include the planning record but planning-record.json is missing',
    );
  if (listed.join('\n') !== content.join('\n'))
    fail('INCONSISTENT', 'manifest.json does not list exactly the bundle files');
  for (const name of content) {
    const entry = m.files[name];
    const bytes = files.get(name) as Uint8Array;
    if (!entry || entry.sha256 !== sums.get(name) || entry.size !== bytes.length)
      fail('INCONSISTENT', `manifest.json and SHA256SUMS disagree about ${name}`);
  }
  if (sig.trustedComment !== trustedComment(m, sums.get('manifest.json') as string))
    fail('INCONSISTENT', 'The signed trusted comment does not match manifest.json');
  const exporterKey = Uint8Array.from(Buffer.from(exporter.statement.publicKey, 'hex'));
  if (
    m.signer.publicKey !== exporter.statement.publicKey ||
    m.signer.username !== exporter.statement.username ||
    m.signer.displayName !== exporter.statement.displayName ||
    m.signer.role !== exporter.statement.role ||
    m.signer.keyId !== keyIdText(deriveKeyId(exporterKey)) ||
    m.signer.fingerprint !== keyFingerprint(exporterKey) ||
    m.signer.publicKeyLine !==
      encodePublicKey({ keyId: deriveKeyId(exporterKey), publicKey: exporterKey }).split('\n')[1] ||
    m.exportedBy !== exporter.statement.username ||
    m.centreKeyId !== keyIdText(deriveKeyId(centre.publicKey))
  )
    fail('INCONSISTENT', "manifest.json's exporter differs from the exporter's certificate");
  if (
    fromUtf8(files.get('staff-keys.txt') as Uint8Array)
      .split('\n')
      .filter((l) => l.startsWith(staffKeyLinePrefix(m))).length !== 1
  )
    fail(
      'STAFF_LIST_INVALID',
      "The exporter's key is not on the centre's staff key list with its role",
    );
  // VERIFY.txt is a rendition of the manifest too: a newer Hearth may word it differently.
  if (!newerRendition && text(files, 'VERIFY.txt') !== renderVerifyText(m))
    fail('INCONSISTENT', 'VERIFY.txt does not match manifest.json');

  const custody = checkCustody(text(files, 'custody.jsonl'));
  if (!custody.ok) return fail('CUSTODY_BROKEN', custody.reason);
  if (custody.head !== m.custodyHead)
    fail('CUSTODY_BROKEN', 'The custody chain head does not match manifest.json');
  const first = custody.entries[0];
  const last = custody.entries[custody.entries.length - 1];
  if (!first || first.action !== 'sealed' || !last || last.action !== 'exported')
    fail(
      'CUSTODY_BROKEN',
      'The custody chain must start with the sealing and end with this export',
    );
  if (
    last!.at !== m.exportedAt ||
    last!.actor !== m.exportedBy ||
    last!.transcriptSha256 !== m.files['transcript.json']?.sha256 ||
    first!.at !== m.sealedAt ||
    first!.actor !== m.sealedBy
  )
    fail('INCONSISTENT', 'The custody chain and manifest.json disagree');
  // A clock set back is recorded as a fact (clockSteppedBackMs), never a break in custody; the
  // fact itself must be the one the times show.
  const stepped = withClockSteps(custody.entries);
  custody.entries.forEach((e, i) => {
    if (e.clockSteppedBackMs !== stepped[i]?.clockSteppedBackMs)
      fail('INCONSISTENT', `Custody entry ${i + 1} records a clock step its times do not show`);
  });

  const docText = text(files, 'transcript.json');
  const docJson = parseJson('transcript.json', docText);
  const docFields = isObject(docJson) ? docJson : {};
  const docVersion = formatVersion(docFields.format, 'hearth.transcript');
  const chainVersion = isObject(docFields.chain) ? docFields.chain.version : undefined;
  if (
    (docVersion !== undefined && docVersion > TRANSCRIPT_FORMAT_VERSION) ||
    (typeof chainVersion === 'number' && chainVersion > CHAIN_VERSION)
  )
    fail(
      'NEWER_VERSION',
      `transcript.json is ${docVersion !== undefined && docVersion > TRANSCRIPT_FORMAT_VERSION ? `format v${docVersion}` : `chain version ${String(chainVersion)}`}, newer than this Hearth reads. The certificates, the exporter's signature, the file hashes and the custody chain were verified, but the sealed record was not checked. Update Hearth to check it`,
    );
  const firstUnknown = unknownFields.length;
  const doc: TranscriptDocument = readKnown(
    documentSchema,
    docJson,
    newerRendition,
    'transcript.json',
    unknownFields,
    () => fail('BAD_FORMAT', 'transcript.json does not have the transcript fields'),
  );
  const newerDocFields = unknownFields.length > firstUnknown;
  if (
    doc.vaultId !== m.vaultId ||
    doc.sessionId !== m.sessionId ||
    doc.session.sealedAt !== m.sealedAt ||
    doc.session.sealedBy !== m.sealedBy ||
    doc.seal.head !== m.sealHead ||
    doc.export.exportedAt !== m.exportedAt ||
    doc.export.exportedBy !== m.exportedBy ||
    doc.export.exportedByName !== exporter.statement.displayName ||
    doc.export.exportNumber !== m.exportNumber ||
    canonicalJson(doc.choices) !== canonicalJson(m.choices)
  )
    fail('INCONSISTENT', 'transcript.json and manifest.json disagree');
  const record = newerDocFields
    ? newerRecord(() => checkSealedRecord(doc, trust))
    : checkSealedRecord(doc, trust);
  // The custody record names every event written after the seal by others, as transcript.json
  // does, in chain order (R10-14).
  const custodyAfterSeal = custody.entries
    .filter((e) => e.action === 'written-after-seal')
    .map((e) => afterSealLine(e.event?.seq, e.actor, e.at, e.event?.type, e.event?.kind));
  const docAfterSeal = (doc.afterSeal ?? []).map((f) =>
    afterSealLine(f.seq, f.by, f.at, f.type, f.kind),
  );
  if (canonicalJson(custodyAfterSeal) !== canonicalJson(docAfterSeal))
    fail(
      'INCONSISTENT',
      'The custody record and transcript.json name different events written after the seal',
    );
  // The custody record's sealing entry names the same events the seal names (R8-D).
  if (canonicalJson(first!.foreignEvents ?? []) !== canonicalJson(doc.seal.foreignEvents ?? []))
    fail(
      'INCONSISTENT',
      "The custody record's sealing entry and the seal name different events written by others",
    );
  const displayNameOf = (username: string) =>
    [...trust.byKey.values()].find((c) => c.statement.username === username)?.statement.displayName;
  const nameOf = (username: string) => {
    const name = displayNameOf(username);
    return name !== undefined ? `${name} (${username})` : username;
  };
  const foreignEvents = record.foreignEvents.map(({ seq, by, withheld }) => {
    const name = displayNameOf(by);
    return { seq, by, withheld, ...(name !== undefined ? { displayName: name } : {}) };
  });
  const interviewer = doc.session.interviewer.username;
  // Worded by what the bundle shows: named by the seal or only by the chain (R9-4), the event's
  // own claim when the seal names its signer instead (R9-7), withheld writers unknown (R9-5).
  const findingFacts = [
    ...record.foreignEvents.map((f) =>
      fact(
        f.withheld
          ? 'foreignEventWithheld'
          : !f.named
            ? 'foreignEventUnnamed'
            : f.claimed !== undefined
              ? 'foreignEventClaimed'
              : 'foreignEvent',
        {
          seq: f.seq,
          writer: nameOf(f.by),
          interviewer,
          ...(f.claimed !== undefined ? { claimed: f.claimed } : {}),
        },
      ),
    ),
    ...record.unknownWithheld.map((seq) => fact('foreignWriterUnknown', { seq, interviewer })),
    // Written after the seal by others (R10-14): outside the sealed record, named.
    ...record.afterSeal.map((f) =>
      fact('writtenAfterSeal', {
        seq: f.seq,
        writer: nameOf(f.by),
        interviewer,
        at: f.at,
        what: eventWhat(f.type, f.kind),
      }),
    ),
  ];
  if (doc.export.addendaCount !== m.addendaCount || doc.addenda.length !== m.addendaCount)
    fail(
      'ADDENDA_COUNT',
      `The bundle states ${m.addendaCount} addenda; transcript.json holds ${doc.addenda.length}`,
    );
  if (doc.session.interviewer.displayName !== record.sealer.statement.displayName)
    fail(
      'INCONSISTENT',
      'transcript.json names the interviewer differently from their certificate',
    );

  const rendition = renditionOf(m);
  // The first phase is printed only from rendition version 3: in an older rendition it would be
  // data no reader of the txt or PDF sees.
  if (doc.firstPhase !== undefined && rendition.version < 3)
    fail(
      'INCONSISTENT',
      `transcript.json names a first phase, which rendition version ${rendition.version} does not show`,
    );
  const reproducible = canReproduce(rendition);
  if (reproducible && text(files, 'transcript.txt') !== renderText(doc, rendition))
    fail('TXT_MISMATCH', 'transcript.txt is not the rendition of transcript.json');
  const fingerprint = bundleFingerprint(m.vaultId, m.sessionId, {
    custody: files.get('custody.jsonl') as Uint8Array,
    json: files.get('transcript.json') as Uint8Array,
    text: files.get('transcript.txt') as Uint8Array,
  });
  if (fingerprint !== m.bundleFingerprint)
    fail('INCONSISTENT', 'The bundle fingerprint in manifest.json is wrong');
  if (reproducible) await checkPdf(files, doc, m, fingerprint, rendition);
  const kinds = Object.entries(record.withheld.byKind).map(([k, n]) =>
    fact('withheldKind', { count: n, kind: fact(`kinds.${k}`, undefined, k) }),
  );
  const steps = custody.entries.filter((e) => e.clockSteppedBackMs !== undefined);
  const extended = extendedPlaceOf(doc.chain.entries as ChainEntry[], record.eventCount, m);
  const usedList = staffListsFor(files, options);
  const verified: VerifiedBundle = {
    valid: true,
    ...(extended ? { extended } : {}),
    signer: {
      username: m.signer.username,
      displayName: m.signer.displayName,
      keyId: m.signer.keyId,
      fingerprint: m.signer.fingerprint,
    },
    sessionId: m.sessionId,
    fingerprint: m.bundleFingerprint,
    sealedAt: m.sealedAt,
    sealedBy: {
      username: record.sealer.statement.username,
      displayName: record.sealer.statement.displayName,
    },
    withheld: {
      ...record.withheld.byKind,
      // Bundles exported since the choice existed state it; older ones say nothing either way.
      ...(m.choices.includePlanningRecord === false ? { [PLANNING_WITHHELD]: 1 } : {}),
    },
    recordings: recordingsOf(doc.chain.entries as ChainEntry[], record.eventCount),
    exportedAt: m.exportedAt,
    exportedBy: m.exportedBy,
    exportNumber: m.exportNumber,
    addendaCount: m.addendaCount,
    rendition: { ...rendition, reRendered: reproducible },
    files: [...files.keys()].sort(),
    trustedComment: sig.trustedComment,
    foreignEvents,
    findings: wordFacts(findingFacts, 'en'),
    findingFacts,
    ...wordedFacts(
      [
        fact('sealed', { who: who(record.sealer), at: when(m.sealedAt), count: record.eventCount }),
        // A prosecutor holding one bundle must learn that others belong with it (newcomer 5, F2).
        ...(extended
          ? [
              fact('extendedPlace', {
                index: extended.index,
                planned: extended.planned,
                listed: extended.listed.length,
              }),
            ]
          : []),
        ...record.legacy,
        fact('exported', { who: who(exporter), at: when(m.exportedAt), number: m.exportNumber }),
        ...(usedList ? [staffListUsedFact(usedList)] : []),
        m.addendaCount === 0
          ? fact('addendaNone')
          : fact('addenda', {
              count: m.addendaCount,
              authors: factList(record.addendumAuthors.map((c) => c.statement.username)),
            }),
        kinds.length === 0
          ? fact('withheldNone')
          : fact(doc.chain.version === 3 ? 'withheldKindsCommitted' : 'withheld', {
              kinds: factList(kinds),
              by: doc.withheld.byChoiceOf,
            }),
        fact(`chainV${doc.chain.version}`),
        ...planningFacts(m.choices.includePlanningRecord),
        ...(reproducible
          ? [
              fact('reRendered', {
                version: rendition.version,
                language: rendition.language,
                offset: offsetText(rendition.utcOffsetMinutes),
              }),
            ]
          : []),
        steps.length > 0
          ? fact('custodyClockStepped', {
              entries: custody.entries.length,
              count: steps.length,
              steps: factList(steps.map((e) => String(e.seq))),
            })
          : fact('custody', { count: custody.entries.length }),
      ],
      [
        ...(reproducible ? [] : [notReRenderedFact(rendition)]),
        ...(unknownFields.length > 0
          ? [fact('newerFields', { fields: factList(unknownFields), count: unknownFields.length })]
          : []),
        ...(usedList === undefined ? [fact(IDENTITY_NOT_CHECKED)] : []),
        ...nameWarningFacts([record.sealer, exporter, ...record.addendumAuthors]),
        fact('caseDetailsNotSealed'),
        fact('laterAddendum'),
        ...(doc.chain.version === 3
          ? []
          : [
              fact('kindsNotCommitted', { version: doc.chain.version }),
              // What a start older than version 3 leaves unchecked (sealed-record.ts, R12-7).
              fact('startNotCompared', { version: doc.chain.version }),
            ]),
        fact('centreTrust'),
        // What only the vault checks (R13-1; sec27): the bundle carries no audit log.
        fact('vaultChecksNotCarried'),
        fact('notesNotComplete'),
      ],
    ),
  };
  if (usedList === undefined) return verified;
  const unproven = identityNotProven(usedList, [
    { what: 'sealing', cert: record.sealer, signedAt: m.sealedAt },
    ...record.addendumAuthors.map((cert) => ({ what: 'addendum' as const, cert })),
    { what: 'exporting', cert: exporter, signedAt: m.exportedAt },
  ]);
  if (unproven.length === 0) return verified;
  return {
    ...verified,
    valid: false,
    failure: 'IDENTITY_NOT_PROVEN',
    reason: wordFacts(unproven, 'en').join(' '),
    // The NOT PROVEN facts first, then what the content does not prove anyway.
    ...wordedFacts(verified.provenFacts, [...unproven, ...verified.notProvenFacts]),
  };
}

/** Re-renders the PDF and compares it byte for byte (PDF_INCOMPLETE / PDF_MISMATCH). */
async function checkPdf(
  files: BundleFiles,
  doc: TranscriptDocument,
  m: Manifest,
  fingerprint: string,
  rendition: Rendition,
): Promise<void> {
  const pdf = files.get('transcript.pdf') as Uint8Array;
  const expectedPdf = await renderPdf(
    doc,
    pdfStamp(fingerprint, m.signer.fingerprint, m.signer.displayName),
    rendition,
  );
  if (bytesEqual(pdf, expectedPdf)) return;
  // Bytes first: a PDF that holds the true rendition plus anything appended (an incremental
  // update after %%EOF) is a mismatch, whatever its pages show.
  const startsWithRendition =
    pdf.length > expectedPdf.length && bytesEqual(pdf.subarray(0, expectedPdf.length), expectedPdf);
  if (!startsWithRendition && !(await pdfHasPages(pdf)))
    fail('PDF_INCOMPLETE', 'transcript.pdf is not a complete PDF with pages');
  fail(
    'PDF_MISMATCH',
    'transcript.pdf is not the rendition of transcript.json: re-rendered from transcript.json, the PDF differs (it may say something else)',
  );
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Parses `json` with the strict `schema`. When the bundle names a newer rendition (`newer`), a
 * value the strict schema refuses is read again for the fields this Hearth knows, and the
 * unknown ones are appended to `unknown` as "file: path". Otherwise (or if that fails too),
 * `refuse` (a BAD_FORMAT failure).
 */
function readKnown<T>(
  schema: z.ZodType<T>,
  json: unknown,
  newer: boolean,
  file: string,
  unknown: string[],
  refuse: () => never,
): T {
  const strict = schema.safeParse(json);
  if (strict.success) return strict.data;
  if (!newer) return refuse();
  const found: string[] = [];
  const known = schema.safeParse(knownFieldsOnly(schema, json, found));
  if (!known.success) return refuse();
  unknown.push(...found.map((f) => `${file}: ${f}`));
  return known.data;
}

/**
 * The sealed-record check of a newer Hearth's transcript.json read without its unknown fields:
 * if it fails, the fields this Hearth could not read may be why, so the verdict is NEWER_VERSION
 * (not proven: update Hearth), never a claim that the record was altered.
 */
function newerRecord<T>(check: () => T): T {
  try {
    return check();
  } catch (error) {
    if (!(error instanceof BundleError)) throw error;
    return fail(
      'NEWER_VERSION',
      `transcript.json was written by a newer Hearth with fields this Hearth does not know, and its sealed record could not be checked without them (${error.message}). The certificates, the exporter's signature and the file hashes were verified. Update Hearth to check the sealed record`,
    );
  }
}

/** The verdict's proven / notProven facts, with their English words (`proven`, `notProven`). */
function wordedFacts(
  provenFacts: Fact[],
  notProvenFacts: Fact[],
): Pick<VerifiedBundle, 'proven' | 'notProven' | 'provenFacts' | 'notProvenFacts'> {
  return {
    proven: wordFacts(provenFacts, 'en'),
    notProven: wordFacts(notProvenFacts, 'en'),
    provenFacts,
    notProvenFacts,
  };
}

/** Words for one reason a name may mislead (see nameProblems in src/vault). */
function nameProblemFact(p: NameProblem): Fact {
  if (p.kind === 'hidden') return fact('nameHidden', { codePoints: factList(p.codePoints) });
  if (p.kind === 'notNfc') return fact('nameNotNfc');
  return fact('nameMixedScripts', {
    scripts: factList(
      p.scripts.map((s) => fact(`scripts.${s}`, undefined, s)),
      'and',
    ),
  });
}

/**
 * NAME WARNING facts for certified names that may not be what they seem (mixed scripts, hidden
 * characters, not NFC): the person is identified by key fingerprint and user name, not by how
 * the display name looks.
 */
function nameWarningFacts(certs: Certificate[]): Fact[] {
  const seen = new Set<string>();
  const out: Fact[] = [];
  for (const c of certs) {
    const { username, displayName, publicKey } = c.statement;
    if (seen.has(publicKey)) continue;
    seen.add(publicKey);
    for (const name of [displayName, username]) {
      const problems = nameProblems(name);
      if (problems.length > 0)
        out.push(
          fact('nameWarning', {
            name: visibleText(name),
            username: visibleText(username),
            problems: factList(problems.map(nameProblemFact), 'semicolon'),
            fingerprint: publicKeyFingerprint(publicKey),
          }),
        );
    }
  }
  return out;
}

/**
 * Verifies an in-memory bundle against the centre's public key (the one key a prosecutor pins).
 * Never throws for any bundle content: every failure is a typed verdict.
 */
export async function verifyBundleFiles(
  files: BundleFiles,
  centreKey: MinisignPublicKey,
  options: VerifyOptions = {},
): Promise<Verdict> {
  try {
    return await verifyOrThrow(files, centreKey, options);
  } catch (error) {
    if (error instanceof BundleError)
      return { valid: false, failure: error.failure, reason: error.message };
    // A parse path not anticipated above: still a typed rejection, never an exception.
    return {
      valid: false,
      failure: 'BAD_FORMAT',
      reason: 'The bundle could not be read as a Hearth bundle',
    };
  }
}

/** Short grouped form used in summaries. */
export function displayFingerprint(hex: string): string {
  return groupHex(hex);
}

/** One event written after the seal, as custody and transcript.json must both state it. */
function afterSealLine(
  seq: number | undefined,
  by: string,
  at: string,
  type: string | undefined,
  kind: string | undefined,
): string {
  return `${String(seq)}\u0000${by}\u0000${at}\u0000${String(type)}\u0000${kind ?? ''}`;
}
