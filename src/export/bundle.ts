// Assembles a sealed bundle in memory: every file's bytes by name. Writing it to disk (atomic)
// or encrypting it is separate, and the verifier takes the same in-memory map, so the fuzz tests
// can mutate bundles without touching the disk.
import { sha256 } from '../crypto';
import { canonicalJson, canonicalJsonBytes } from './canonical-json';
import { buildCustody, withClockSteps, type CustodyEntry } from './custody';
import {
  buildDocument,
  validateInput,
  type ExportChoices,
  type ExportContext,
  type TranscriptDocument,
} from './document';
import { fromUtf8, groupHex, toHex, utf8 } from './encoding';
import { BundleError } from './errors';
import { checkSealedRecord } from './sealed-record';
import { certificatesFile, checkTrust, EVIDENCE_ROLES } from './trust';
import { visibleText } from '../vault';
import { deriveKeyId, encodePublicKey, keyFingerprint, keyIdText, signMessage } from './minisign';
import type { TranscriptInput } from './model';
import { renderPdf } from './pdf';
import {
  localUtcOffsetMinutes,
  RENDITION_VERSION,
  renditionLanguage,
  type Rendition,
} from './rendition';
import { renderText } from './text';
import { checkSeal } from './seal';
import { HearthError } from '../vault';
import type { z } from 'zod';
import type { manifestSchema } from './schema';

export type Manifest = z.infer<typeof manifestSchema>;
export type BundleFiles = Map<string, Uint8Array>;

export const BUNDLE_FORMAT = 'hearth.bundle.v1';
/** Files covered by the manifest (and SHA256SUMS, with the manifest itself). */
export const CONTENT_FILES = [
  'VERIFY.txt',
  'certificates.json',
  'custody.jsonl',
  'staff-keys.txt',
  'staff-keys.txt.minisig',
  'transcript.json',
  'transcript.pdf',
  'transcript.txt',
] as const;
export const SUMMED_FILES = [...CONTENT_FILES, 'manifest.json'].sort();
/** Files every bundle holds. */
export const BUNDLE_FILES = [...SUMMED_FILES, 'SHA256SUMS', 'SHA256SUMS.minisig'].sort();
/**
 * The case's planning record, only when the export choices include it (default out): its own
 * file, never inside the transcript. It is the exporter's copy of a case record (not part of the
 * sealed interview), covered by the manifest and the signed SHA256SUMS like every content file.
 */
export const PLANNING_FILE = 'planning-record.json';
/** Every name a bundle may hold: what readers of folders and zips accept. */
export const READABLE_FILES = [...BUNDLE_FILES, PLANNING_FILE].sort();

/** The content files (covered by the manifest) of a bundle exported with these choices. */
export function contentFilesFor(choices: Pick<ExportChoices, 'includePlanningRecord'>): string[] {
  return [
    ...CONTENT_FILES,
    ...(choices.includePlanningRecord === true ? [PLANNING_FILE] : []),
  ].sort();
}

/** The files SHA256SUMS lists for these choices: the content files and the manifest, sorted. */
export function summedFilesFor(choices: Pick<ExportChoices, 'includePlanningRecord'>): string[] {
  return [...contentFilesFor(choices), 'manifest.json'].sort();
}

export interface Signer {
  username: string;
  displayName: string;
  /** Ed25519 secret key, 64 bytes; the caller wipes it. */
  secretKey: Uint8Array;
  publicKey: Uint8Array;
}

export type ProgressFn = (step: string, percent: number) => void;

const hexSha = (bytes: Uint8Array) => toHex(sha256(bytes));

/** The bundle fingerprint: what the PDF prints on every page, so it cannot cover the PDF itself. */
export function bundleFingerprint(
  vaultId: string,
  sessionId: string,
  files: { custody: Uint8Array; json: Uint8Array; text: Uint8Array },
): string {
  return hexSha(
    canonicalJsonBytes({
      format: 'hearth.bundle-fingerprint.v1',
      vaultId,
      sessionId,
      'custody.jsonl': hexSha(files.custody),
      'transcript.json': hexSha(files.json),
      'transcript.txt': hexSha(files.text),
    }),
  );
}

/** The minisign untrusted comment: fixed, so the verifier can insist on it. */
export function untrustedComment(keyId: Uint8Array): string {
  return `hearth sealed bundle signature, key id ${keyIdText(keyId)}`;
}

/** The minisign trusted comment: signed, printed by `minisign -V`, re-derived by the verifier. */
export function trustedComment(manifest: Manifest, manifestSha256: string): string {
  return [
    'hearth-bundle-v1',
    `session:${manifest.sessionId}`,
    `fingerprint:${manifest.bundleFingerprint}`,
    `manifest-sha256:${manifestSha256}`,
    `signer:${manifest.signer.username}`,
    `exported:${manifest.exportedAt}`,
    `export-number:${manifest.exportNumber}`,
    `addenda:${manifest.addendaCount}`,
  ].join(' ');
}

export function renderSums(files: BundleFiles): string {
  return summedFilesFor({ includePlanningRecord: files.has(PLANNING_FILE) })
    .map((name) => `${hexSha(files.get(name) ?? new Uint8Array())}  ${name}\n`)
    .join('');
}

/** One line of staff-keys.txt: the exporter's minisign key, role, user name (display name after). */
export function staffKeyLinePrefix(m: Manifest): string {
  return `${m.signer.publicKeyLine} ${m.signer.role} ${m.signer.username} `;
}

/**
 * VERIFY.txt: for a person, how to check this bundle with Hearth or with stock tools only, what
 * each step proves and what it does not, and how to recompute the chain head without Hearth.
 */
export function renderVerifyText(m: Manifest): string {
  const line = staffKeyLinePrefix(m);
  return [
    'HOW TO VERIFY THIS SEALED TRANSCRIPT BUNDLE',
    '',
    `Session:            ${m.sessionId}`,
    `Export number:      ${m.exportNumber} of this session (a higher number is a later export)`,
    `Addenda included:   ${m.addendaCount}`,
    `Bundle fingerprint: ${groupHex(m.bundleFingerprint)}`,
    `Exported by:        ${visibleText(m.signer.displayName)} (${m.signer.username}, ${m.signer.role})`,
    `Exporter key id:    ${m.signer.keyId}`,
    `Centre key id:      ${m.centreKeyId}`,
    '',
    "You need one key: the centre's public key (centre.pub), obtained from the centre itself",
    'and its fingerprint confirmed with them by phone or in person. Nothing in this folder can',
    'replace it: anyone who changed the bundle could also change a key shipped inside it.',
    '',
    'WITH HEARTH (checks everything below, and more):',
    '  hearth verify THIS_FOLDER --key centre.pub',
    "It proves who sealed the interview (the interviewer's certified key), that the events shown",
    'recompute to the sealed chain head, every addendum, what was withheld and by whose choice,',
    'that transcript.txt and transcript.pdf say exactly what transcript.json says, and who exported.',
    '',
    'WITH STOCK TOOLS ONLY (minisign, GNU coreutils): this VERIFY.txt is itself written by the',
    "exporter: check its commands against the copy in Hearth's README before you run them.",
    'Save centre.pub next to this folder',
    '(not inside it), then run these commands inside this folder:',
    '  1. minisign -Vm staff-keys.txt -p ../centre.pub',
    "     Proves staff-keys.txt is the centre's list of certified staff keys.",
    `  2. grep -c -F '${line}' staff-keys.txt`,
    "     Must print 1: the exporter's key is on the centre's list, with this role. The role in",
    '     the line above must be interviewer or admin: trainer and reviewer keys are never valid',
    '     on evidence, whatever else checks out.',
    `  3. minisign -Vm SHA256SUMS -P ${m.signer.publicKeyLine}`,
    "     Proves the exporter's certified key signed SHA256SUMS. Its trusted comment names the",
    '     session, the export number, the addenda count and the SHA-256 of manifest.json.',
    '  4. sha256sum -c SHA256SUMS',
    '     Proves every file listed is unchanged since the exporter signed.',
    '  5. ls -A | LC_ALL=C sort',
    `     Must print exactly these ${BUNDLE_FILES.length} names: sha256sum -c does not see extra files.`,
    ...BUNDLE_FILES.map((name) => `       ${name}`),
    'What the stock tools do NOT prove: that the interviewer sealed these events (the seal is an',
    "Ed25519 signature inside transcript.json, checked against the interviewer's certificate in",
    'certificates.json), that transcript.pdf says what transcript.json says, or that nothing',
    'was withheld beyond what the export choices state. hearth verify checks those.',
    '',
    'RECOMPUTING THE CHAIN HEAD WITHOUT HEARTH (chain version 2):',
    '  JCS means RFC 8785 canonical JSON, UTF-8. || is byte concatenation; hashes are raw 32 bytes.',
    '  h0 = SHA-256("hearth.session-chain.v1" || 0x00 || session id)',
    '  For each entry of transcript.json "chain"."entries", in order (seq 1, 2, ...):',
    '    d = SHA-256(JCS(entry.event)) for a shown event, or d = entry.digest for a withheld one',
    '    h = SHA-256(h || d)',
    '  After entry number seal.eventCount, h must equal seal.head. The interviewer signed, with',
    '  Ed25519, the bytes "hearth.seal.v1" LF JCS({sessionId, head, eventCount, sealedAt, signer,',
    '  signerPublicKey}) (values from the "sealed" event that follows); each addendum signed',
    '  "hearth.addendum.v1" LF JCS({sessionId, seq, at, author, text, head}) with the head before it.',
    '  Certificates are signed by the centre key as "hearth.certificate.v1" LF JCS(statement).',
    '',
  ].join('\n');
}

export interface BuiltBundle {
  files: BundleFiles;
  manifest: Manifest;
  fingerprint: string;
  document: TranscriptDocument;
}

/**
 * Builds a sealed bundle in memory. Refuses (TAMPERED, INVALID_INPUT or FORBIDDEN with the
 * verifier's reason) anything the verifier would reject, so an export either verifies or is
 * not written.
 */
export async function buildBundle(
  rawInput: TranscriptInput,
  choices: ExportChoices,
  context: ExportContext,
  signer: Signer,
  progress: ProgressFn = () => undefined,
): Promise<BuiltBundle> {
  progress('checking the sealed session', 5);
  const input = validateInput(rawInput);
  const sealProblem = checkSeal(input);
  if (sealProblem !== undefined)
    throw new HearthError('TAMPERED', `The session cannot be exported: ${sealProblem}.`);
  const signerHex = toHex(signer.publicKey);
  const signerCert = input.trust.certificates.find(
    (r) => r.certificate.statement.publicKey === signerHex && !r.withdrawal,
  )?.certificate;
  if (!signerCert)
    throw new HearthError(
      'FORBIDDEN',
      'Your signing key has no certificate from the centre key: ask an admin to unlock the vault once, then export again.',
    );
  if (!EVIDENCE_ROLES.includes(signerCert.statement.role))
    throw new HearthError(
      'FORBIDDEN',
      `A ${signerCert.statement.role}'s key cannot sign evidence.`,
    );
  // Round-trip through canonical JSON so the PDF and text render exactly what transcript.json
  // holds (NFC strings, no undefined fields).
  const document = JSON.parse(
    canonicalJson(buildDocument(input, choices, context)),
  ) as TranscriptDocument;
  if (checkSeal(document) !== undefined)
    throw new HearthError(
      'INVALID_INPUT',
      'The session holds signed text that is not in Unicode normal form (NFC); it cannot be exported as signed.',
    );
  const centre = Uint8Array.from(Buffer.from(input.trust.centrePublicKey, 'hex'));
  const centreKey = { keyId: deriveKeyId(centre), publicKey: centre };
  const signedKeys = new Set([signerHex, input.seal.signerPublicKey]);
  for (const a of input.addenda) if (a.authorPublicKey) signedKeys.add(a.authorPublicKey);
  const certificates = utf8(
    canonicalJson(certificatesFile(input.trust.centreKeyId, input.trust.certificates, signedKeys)),
  );
  const staffKeys = utf8(input.trust.staffKeys.text);
  const staffSig = utf8(input.trust.staffKeys.minisig);
  try {
    checkSealedRecord(document, checkTrust(centreKey, fromUtf8(certificates), staffKeys, staffSig));
  } catch (error) {
    if (error instanceof BundleError)
      throw new HearthError(
        'TAMPERED',
        `The session cannot be exported as evidence: ${error.message}.`,
      );
    throw error;
  }
  progress('writing transcript.json and transcript.txt', 15);
  // Everything the renditions depend on besides transcript.json, recorded in the manifest so
  // that the verifier re-renders with the same wording, language and offset.
  const rendition: Rendition = {
    version: RENDITION_VERSION,
    language: renditionLanguage(document.session.language),
    utcOffsetMinutes: context.utcOffsetMinutes ?? localUtcOffsetMinutes(document.session.startedAt),
  };
  const json = canonicalJsonBytes(document);
  const text = utf8(renderText(document, rendition));
  const custodyEntries: CustodyEntry[] = [
    ...input.custody.map((c, i) => ({
      seq: i + 1,
      action: c.action,
      at: c.at,
      actor: c.actor,
      ...(c.note !== undefined ? { reason: c.note } : {}),
      ...(c.foreignEvents !== undefined ? { foreignEvents: c.foreignEvents } : {}),
      ...(c.event !== undefined ? { event: c.event } : {}),
    })),
    {
      seq: input.custody.length + 1,
      action: 'exported',
      at: context.exportedAt,
      actor: context.exportedBy,
      to: context.to,
      ...(context.reason !== undefined ? { reason: context.reason } : {}),
      transcriptSha256: hexSha(json),
    },
  ];
  const custody = buildCustody(withClockSteps(custodyEntries));
  const custodyBytes = utf8(custody.text);
  const fingerprint = bundleFingerprint(input.vaultId, input.sessionId, {
    custody: custodyBytes,
    json,
    text,
  });
  const keyId = deriveKeyId(signer.publicKey);
  const signerFingerprint = keyFingerprint(signer.publicKey);
  progress('rendering transcript.pdf', 30);
  const pdf = await renderPdf(
    document,
    pdfStamp(fingerprint, signerFingerprint, signer.displayName),
    rendition,
  );
  progress('signing', 90);
  const manifestBase: Omit<Manifest, 'files'> = {
    format: BUNDLE_FORMAT,
    vaultId: input.vaultId,
    sessionId: input.sessionId,
    sealedAt: input.session.sealedAt,
    sealedBy: input.session.sealedBy,
    sealHead: input.seal.head,
    exportedAt: context.exportedAt,
    exportedBy: context.exportedBy,
    exportNumber: context.exportNumber,
    addendaCount: input.addenda.length,
    signer: {
      username: signer.username,
      displayName: signer.displayName,
      publicKey: signerHex,
      keyId: keyIdText(keyId),
      fingerprint: signerFingerprint,
      role: signerCert.statement.role as 'admin' | 'interviewer',
      publicKeyLine: encodePublicKey({ keyId, publicKey: signer.publicKey }).split(
        '\n',
      )[1] as string,
    },
    centreKeyId: input.trust.centreKeyId,
    custodyHead: custody.head,
    bundleFingerprint: fingerprint,
    choices,
    rendition,
    ...(input.extended ? { extendedInterview: input.extended } : {}),
  };
  const files: BundleFiles = new Map();
  files.set('transcript.json', json);
  files.set('transcript.txt', text);
  files.set('transcript.pdf', pdf);
  files.set('custody.jsonl', custodyBytes);
  files.set('certificates.json', certificates);
  files.set('staff-keys.txt', staffKeys);
  files.set('staff-keys.txt.minisig', staffSig);
  files.set('VERIFY.txt', utf8(renderVerifyText({ ...manifestBase, files: {} })));
  if (choices.includePlanningRecord === true)
    files.set(PLANNING_FILE, planningFile(input, context, choices.includeObserverNames));
  const manifest: Manifest = {
    ...manifestBase,
    files: Object.fromEntries(
      contentFilesFor(choices).map((name) => {
        const bytes = files.get(name) as Uint8Array;
        return [name, { sha256: hexSha(bytes), size: bytes.length }];
      }),
    ),
  };
  const manifestBytes = utf8(canonicalJson(manifest));
  files.set('manifest.json', manifestBytes);
  const sums = utf8(renderSums(files));
  files.set('SHA256SUMS', sums);
  files.set(
    'SHA256SUMS.minisig',
    utf8(
      signMessage(
        sums,
        signer.secretKey,
        keyId,
        untrustedComment(keyId),
        trustedComment(manifest, hexSha(manifestBytes)),
      ),
    ),
  );
  progress('bundle ready', 95);
  return { files, manifest, fingerprint, document };
}

/**
 * planning-record.json: the case's planning record as the exporter could read it, in canonical
 * JSON. Refused (INVALID_INPUT) when the choice asks for it and the caller supplied none, so a
 * bundle never claims a record it does not hold. With observer names left out, the interpreter's
 * name is left out of it too (the names-off promise covers the interpreter).
 */
function planningFile(
  input: TranscriptInput,
  context: ExportContext,
  includeNames: boolean,
): Uint8Array {
  if (input.planningRecord === undefined)
    throw new HearthError(
      'INVALID_INPUT',
      'The export choices include the planning record but none was supplied: export again, or leave the planning record out.',
    );
  return canonicalJsonBytes({
    format: 'hearth.planning-record.v1',
    note: 'The case planning record as kept before the interview. It is not part of the sealed interview record: the exporter included it by choice.',
    sessionId: input.sessionId,
    exportedBy: context.exportedBy,
    exportedAt: context.exportedAt,
    record: includeNames ? input.planningRecord : withoutInterpreterName(input.planningRecord),
  });
}

/** The planning record without the interpreter's name (observer names left out at export). */
function withoutInterpreterName(record: Record<string, unknown>): Record<string, unknown> {
  const interpreter = record.interpreter;
  if (typeof interpreter !== 'object' || interpreter === null) return record;
  const { name: _name, ...rest } = interpreter as Record<string, unknown>;
  return { ...record, interpreter: rest };
}

/** What every PDF page prints: the bundle fingerprint and who exported it. */
export function pdfStamp(bundleFingerprint: string, signerFingerprint: string, signerName: string) {
  return { bundleFingerprint, signerFingerprint, signerName };
}
