// The strict verifier. Takes a bundle as an in-memory map of file name to bytes (the folder
// reader and the decryptor both produce one) and one trusted signer key, and returns a typed
// verdict: valid with who signed and what, or invalid with the first reason found. It never
// throws for anything in the bundle; every parse is guarded.
import { sha256 } from '../crypto';
import { canonicalJson } from './canonical-json';
import { checkCustody, withClockSteps } from './custody';
import type { TranscriptDocument } from './document';
import { bytesEqual, fromUtf8, groupHex, toHex } from './encoding';
import { BundleError, type VerifyFailure } from './errors';
import {
  encodePublicKey,
  keyFingerprint,
  keyIdText,
  parsePublicKey,
  parseSignature,
  verifySignature,
  type MinisignPublicKey,
} from './minisign';
import { documentSchema, manifestSchema } from './schema';
import { checkSeal } from './seal';
import { renderText } from './text';
import {
  BUNDLE_FILES,
  BUNDLE_FORMAT,
  CONTENT_FILES,
  SUMMED_FILES,
  bundleFingerprint,
  renderVerifyText,
  trustedComment,
  untrustedComment,
  type BundleFiles,
  type Manifest,
} from './bundle';

import { MAX_FILE_BYTES } from './limits';

export interface VerifiedBundle {
  valid: true;
  signer: { username: string; displayName: string; keyId: string; fingerprint: string };
  sessionId: string;
  fingerprint: string;
  sealedAt: string;
  exportedAt: string;
  exportedBy: string;
  files: string[];
  trustedComment: string;
}

export interface RejectedBundle {
  valid: false;
  failure: VerifyFailure;
  reason: string;
}

export type Verdict = VerifiedBundle | RejectedBundle;

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
  const extra = names.filter((n) => !BUNDLE_FILES.includes(n));
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
function parseSums(sums: string): Map<string, string> {
  const expected = SUMMED_FILES.map((n) => n);
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

function checkSigner(
  files: BundleFiles,
  key: MinisignPublicKey,
): ReturnType<typeof parseSignature> {
  let sig: ReturnType<typeof parseSignature>;
  try {
    sig = parseSignature(text(files, 'SHA256SUMS.minisig'));
  } catch (error) {
    if (error instanceof BundleError) throw error;
    return fail('BAD_FORMAT', 'SHA256SUMS.minisig is not a valid minisign signature');
  }
  const sums = files.get('SHA256SUMS') as Uint8Array;
  const verdict = verifySignature(sums, sig, key);
  if (verdict.ok) {
    // minisign does not sign the untrusted comment; Hearth writes a fixed one, so that no
    // byte of the bundle can change unnoticed.
    if (sig.untrustedComment !== untrustedComment(key.keyId))
      fail('INCONSISTENT', 'The untrusted comment of SHA256SUMS.minisig was changed');
    return sig;
  }
  // Name the key that did sign, when the convenience copy says so, to help the person checking.
  let signedBy: MinisignPublicKey | undefined;
  try {
    signedBy = parsePublicKey(text(files, 'signer.pub'));
  } catch {
    signedBy = undefined;
  }
  if (verdict.reason === 'KEY_ID' || (signedBy && !bytesEqual(signedBy.publicKey, key.publicKey))) {
    if (signedBy && verifySignature(sums, sig, signedBy).ok)
      fail(
        'UNTRUSTED_SIGNER',
        `The bundle is signed by key ${keyIdText(signedBy.keyId)} (fingerprint ${keyFingerprint(signedBy.publicKey)}), not by the trusted key ${keyIdText(key.keyId)}`,
      );
    if (verdict.reason === 'KEY_ID')
      fail(
        'UNTRUSTED_SIGNER',
        `The signature names key id ${keyIdText(sig.keyId)}, not the trusted key ${keyIdText(key.keyId)}`,
      );
  }
  return fail(
    'BAD_SIGNATURE',
    verdict.reason === 'GLOBAL_SIGNATURE'
      ? 'The trusted comment of SHA256SUMS.minisig was altered (global signature invalid)'
      : 'The signature over SHA256SUMS is not valid: SHA256SUMS or its signature was altered',
  );
}

function verifyOrThrow(files: BundleFiles, key: MinisignPublicKey): VerifiedBundle {
  checkFileSet(files);
  const sig = checkSigner(files, key);
  const sums = parseSums(text(files, 'SHA256SUMS'));
  for (const name of SUMMED_FILES) {
    if (hexSha(files.get(name) as Uint8Array) !== sums.get(name))
      fail('HASH_MISMATCH', `${name} does not match its SHA-256 in SHA256SUMS (it was changed)`);
  }
  // Past this point every byte is the signer's; what follows catches a signer's inconsistency
  // (a bug or a forged-but-validly-signed bundle), so that "valid" means every part agrees.
  const manifestText = text(files, 'manifest.json');
  const parsedManifest = manifestSchema.safeParse(parseJson('manifest.json', manifestText));
  if (!parsedManifest.success)
    return fail('BAD_FORMAT', 'manifest.json does not have the bundle fields');
  const m: Manifest = parsedManifest.data;
  if (m.format !== BUNDLE_FORMAT) fail('BAD_FORMAT', 'Unknown bundle format');
  const listed = Object.keys(m.files).sort();
  if (listed.join('\n') !== [...CONTENT_FILES].sort().join('\n'))
    fail('INCONSISTENT', 'manifest.json does not list exactly the bundle files');
  for (const name of CONTENT_FILES) {
    const entry = m.files[name];
    const bytes = files.get(name) as Uint8Array;
    if (!entry || entry.sha256 !== sums.get(name) || entry.size !== bytes.length)
      fail('INCONSISTENT', `manifest.json and SHA256SUMS disagree about ${name}`);
  }
  if (sig.trustedComment !== trustedComment(m, sums.get('manifest.json') as string))
    fail('INCONSISTENT', 'The signed trusted comment does not match manifest.json');
  if (m.signer.publicKey !== toHex(key.publicKey) || m.signer.keyId !== keyIdText(key.keyId))
    fail('INCONSISTENT', 'manifest.json names a different signer key');
  if (m.signer.fingerprint !== keyFingerprint(key.publicKey))
    fail('INCONSISTENT', 'manifest.json gives a wrong signer fingerprint');
  if (text(files, 'signer.pub') !== encodePublicKey(key))
    fail('INCONSISTENT', 'signer.pub is not exactly the signing key file');
  if (text(files, 'VERIFY.txt') !== renderVerifyText(m))
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
  const parsedDoc = documentSchema.safeParse(parseJson('transcript.json', docText));
  if (!parsedDoc.success)
    return fail('BAD_FORMAT', 'transcript.json does not have the transcript fields');
  const doc: TranscriptDocument = parsedDoc.data;
  if (
    doc.vaultId !== m.vaultId ||
    doc.sessionId !== m.sessionId ||
    doc.session.sealedAt !== m.sealedAt ||
    doc.session.sealedBy !== m.sealedBy ||
    doc.seal.head !== m.sealHead ||
    doc.export.exportedAt !== m.exportedAt ||
    doc.export.exportedBy !== m.exportedBy ||
    doc.export.exportNumber !== m.exportNumber ||
    doc.export.addendaCount !== m.addendaCount ||
    doc.addenda.length !== m.addendaCount ||
    canonicalJson(doc.choices) !== canonicalJson(m.choices)
  )
    fail('INCONSISTENT', 'transcript.json and manifest.json disagree');
  // Every sealed event is either shown or listed as deliberately left out, in order.
  const shown = doc.events.map((e) => e.seq);
  const omitted = new Set(doc.omittedEventSeqs);
  let nextShown = 0;
  for (let seq = 1; seq <= doc.seal.eventCount; seq++) {
    if (omitted.has(seq)) continue;
    if (shown[nextShown] !== seq)
      fail('INCONSISTENT', `transcript.json does not account for sealed event ${seq}`);
    nextShown++;
  }
  if (nextShown !== shown.length || omitted.size + shown.length !== doc.seal.eventCount)
    fail('INCONSISTENT', 'transcript.json lists events outside the sealed record');
  const sealProblem = checkSeal(doc);
  if (sealProblem !== undefined) fail('SEAL_INVALID', `In transcript.json, ${sealProblem}`);
  if (text(files, 'transcript.txt') !== renderText(doc))
    fail('INCONSISTENT', 'transcript.txt is not the rendition of transcript.json');
  const fingerprint = bundleFingerprint(m.vaultId, m.sessionId, {
    custody: files.get('custody.jsonl') as Uint8Array,
    json: files.get('transcript.json') as Uint8Array,
    text: files.get('transcript.txt') as Uint8Array,
  });
  if (fingerprint !== m.bundleFingerprint)
    fail('INCONSISTENT', 'The bundle fingerprint in manifest.json is wrong');
  const pdf = files.get('transcript.pdf') as Uint8Array;
  const head = Buffer.from(pdf.subarray(0, 5)).toString('latin1');
  const tail = Buffer.from(pdf.subarray(Math.max(0, pdf.length - 1024))).toString('latin1');
  if (head !== '%PDF-' || !tail.includes('%%EOF'))
    fail('BAD_FORMAT', 'transcript.pdf is not a complete PDF');

  return {
    valid: true,
    signer: {
      username: m.signer.username,
      displayName: m.signer.displayName,
      keyId: m.signer.keyId,
      fingerprint: m.signer.fingerprint,
    },
    sessionId: m.sessionId,
    fingerprint: m.bundleFingerprint,
    sealedAt: m.sealedAt,
    exportedAt: m.exportedAt,
    exportedBy: m.exportedBy,
    files: [...BUNDLE_FILES],
    trustedComment: sig.trustedComment,
  };
}

/** Verifies an in-memory bundle against one trusted key. Never throws for any bundle content. */
export function verifyBundleFiles(files: BundleFiles, trustedKey: MinisignPublicKey): Verdict {
  try {
    return verifyOrThrow(files, trustedKey);
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
