// An insider's forgery kit, for the insider-forgery tests: it rewrites a genuine bundle the way
// a staff member with Hearth's own code and their own signing key could (transcript.json, its
// renditions, custody, manifest, SHA256SUMS and its signature all made consistent again), so
// that each test isolates the one check that must still catch the attack.
import { sha256 } from '../../../src/crypto';
import {
  canonicalJson,
  deriveKeyId,
  encodePublicKey,
  keyFingerprint,
  keyIdText,
  signMessage,
  type BundleFiles,
  type Manifest,
  type TranscriptDocument,
} from '../../../src/export';
import {
  bundleFingerprint,
  pdfStamp,
  renderSums,
  renderVerifyText,
  trustedComment,
  untrustedComment,
} from '../../../src/export/bundle';
import { buildCustody, type ChainedEntry } from '../../../src/export/custody';
import { renderPdf } from '../../../src/export/pdf';
import { renderText } from '../../../src/export/text';
import { renditionOf, type Rendition } from '../../../src/export/rendition';
import type { CertificatesFile } from '../../../src/export/trust';

const enc = new TextEncoder();
const dec = new TextDecoder();
const hex = (b: Uint8Array) => Buffer.from(sha256(b)).toString('hex');

export interface ForgerKey {
  username: string;
  displayName: string;
  role: 'admin' | 'interviewer' | 'trainer' | 'reviewer';
  publicKey: Uint8Array;
  secretKey: Uint8Array;
}

export function readJson<T>(files: BundleFiles, name: string): T {
  return JSON.parse(dec.decode(files.get(name))) as T;
}

/**
 * Re-derives every file downstream of transcript.json (and certificates.json) and re-signs
 * SHA256SUMS with `signer`. `pdf` replaces the honest rendition when given.
 */
export async function forge(
  genuine: BundleFiles,
  signer: ForgerKey,
  change: {
    doc?: (doc: TranscriptDocument) => void;
    certificates?: (file: CertificatesFile) => void;
    pdf?: (
      doc: TranscriptDocument,
      stamp: ReturnType<typeof pdfStamp>,
      rendition: Rendition,
    ) => Promise<Uint8Array> | Uint8Array;
  },
): Promise<BundleFiles> {
  const files: BundleFiles = new Map([...genuine].map(([n, b]) => [n, Uint8Array.from(b)]));
  const doc = readJson<TranscriptDocument>(files, 'transcript.json');
  change.doc?.(doc);
  doc.export.exportedBy = signer.username;
  doc.export.exportedByName = signer.displayName;
  doc.withheld.byChoiceOf = signer.username;
  const certs = readJson<CertificatesFile>(files, 'certificates.json');
  change.certificates?.(certs);
  const json = enc.encode(canonicalJson(doc));
  const rendition = renditionOf(readJson<Manifest>(files, 'manifest.json'));
  const text = enc.encode(renderText(doc, rendition));
  const entries = dec
    .decode(files.get('custody.jsonl'))
    .trimEnd()
    .split('\n')
    .map((l) => JSON.parse(l) as ChainedEntry)
    .map(({ prev: _prev, ...e }) => e);
  const last = entries[entries.length - 1]!;
  last.transcriptSha256 = hex(json);
  last.actor = signer.username;
  const custody = buildCustody(entries);
  const custodyBytes = enc.encode(custody.text);
  const m = readJson<Manifest>(files, 'manifest.json');
  const keyId = deriveKeyId(signer.publicKey);
  m.exportedBy = signer.username;
  m.signer = {
    username: signer.username,
    displayName: signer.displayName,
    publicKey: Buffer.from(signer.publicKey).toString('hex'),
    keyId: keyIdText(keyId),
    fingerprint: keyFingerprint(signer.publicKey),
    role: signer.role as 'admin',
    publicKeyLine: encodePublicKey({ keyId, publicKey: signer.publicKey }).split('\n')[1]!,
  };
  m.sealHead = doc.seal.head;
  m.custodyHead = custody.head;
  m.bundleFingerprint = bundleFingerprint(m.vaultId, m.sessionId, {
    custody: custodyBytes,
    json,
    text,
  });
  const stamp = pdfStamp(m.bundleFingerprint, m.signer.fingerprint, m.signer.displayName);
  files.set('transcript.json', json);
  files.set('transcript.txt', text);
  files.set('custody.jsonl', custodyBytes);
  files.set('certificates.json', enc.encode(canonicalJson(certs)));
  files.set(
    'transcript.pdf',
    change.pdf ? await change.pdf(doc, stamp, rendition) : await renderPdf(doc, stamp, rendition),
  );
  files.set('VERIFY.txt', enc.encode(renderVerifyText(m)));
  for (const name of Object.keys(m.files)) {
    const bytes = files.get(name)!;
    m.files[name] = { sha256: hex(bytes), size: bytes.length };
  }
  const manifestBytes = enc.encode(canonicalJson(m));
  files.set('manifest.json', manifestBytes);
  const sums = enc.encode(renderSums(files));
  files.set('SHA256SUMS', sums);
  files.set(
    'SHA256SUMS.minisig',
    enc.encode(
      signMessage(
        sums,
        signer.secretKey,
        keyId,
        untrustedComment(keyId),
        trustedComment(m, hex(manifestBytes)),
      ),
    ),
  );
  return files;
}
