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
import { groupHex, toHex, utf8 } from './encoding';
import { deriveKeyId, encodePublicKey, keyFingerprint, keyIdText, signMessage } from './minisign';
import type { TranscriptInput } from './model';
import { renderPdf } from './pdf';
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
  'custody.jsonl',
  'signer.pub',
  'transcript.json',
  'transcript.pdf',
  'transcript.txt',
] as const;
export const SUMMED_FILES = [...CONTENT_FILES, 'manifest.json'].sort();
export const BUNDLE_FILES = [...SUMMED_FILES, 'SHA256SUMS', 'SHA256SUMS.minisig'].sort();

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
  return SUMMED_FILES.map(
    (name) => `${hexSha(files.get(name) ?? new Uint8Array())}  ${name}\n`,
  ).join('');
}

export function renderVerifyText(m: Manifest): string {
  return [
    'HOW TO VERIFY THIS SEALED TRANSCRIPT BUNDLE',
    '',
    `Session:            ${m.sessionId}`,
    `Export number:      ${m.exportNumber} of this session (a higher number is a later export)`,
    `Addenda included:   ${m.addendaCount}`,
    `Bundle fingerprint: ${groupHex(m.bundleFingerprint)}`,
    `Signed by:          ${m.signer.displayName} (${m.signer.username})`,
    `Signer key id:      ${m.signer.keyId}`,
    `Signer fingerprint: ${m.signer.fingerprint}`,
    '',
    "First obtain the signer's public key from the agency's published key list, and confirm its",
    'fingerprint with the agency by phone or in person. signer.pub in this folder is only a',
    'convenience copy: anyone who changed the bundle could also have changed it.',
    '',
    'With Hearth:',
    '  hearth verify THIS_FOLDER --key AGENCY_KEY_FILE.pub',
    '',
    'Without Hearth (minisign and GNU coreutils), inside this folder:',
    '  minisign -Vm SHA256SUMS -P RWQ...(the key line from the agency)',
    '  sha256sum -c SHA256SUMS',
    'Both must succeed. minisign prints a trusted comment naming the session, the bundle',
    'fingerprint and the SHA-256 of manifest.json; check the fingerprint matches the one',
    'printed on every page of transcript.pdf. The folder must hold exactly these files:',
    `  ${BUNDLE_FILES.join(', ')}`,
    '',
  ].join('\n');
}

export interface BuiltBundle {
  files: BundleFiles;
  manifest: Manifest;
  fingerprint: string;
  document: TranscriptDocument;
}

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
  // Round-trip through canonical JSON so the PDF and text render exactly what transcript.json
  // holds (NFC strings, no undefined fields).
  const document = JSON.parse(
    canonicalJson(buildDocument(input, choices, context)),
  ) as TranscriptDocument;
  // The verifier checks the signatures over the NFC text transcript.json holds: refuse here a
  // session whose signed text would no longer verify once normalised, rather than ship it.
  if (checkSeal(document) !== undefined)
    throw new HearthError(
      'INVALID_INPUT',
      'The session holds signed text that is not in Unicode normal form (NFC); it cannot be exported as signed.',
    );
  progress('writing transcript.json and transcript.txt', 15);
  const json = canonicalJsonBytes(document);
  const text = utf8(renderText(document));
  const custodyEntries: CustodyEntry[] = [
    ...input.custody.map((c, i) => ({
      seq: i + 1,
      action: c.action,
      at: c.at,
      actor: c.actor,
      ...(c.note !== undefined ? { reason: c.note } : {}),
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
  const pdf = await renderPdf(document, {
    bundleFingerprint: fingerprint,
    signerFingerprint,
    signerName: signer.displayName,
  });
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
      publicKey: toHex(signer.publicKey),
      keyId: keyIdText(keyId),
      fingerprint: signerFingerprint,
    },
    custodyHead: custody.head,
    bundleFingerprint: fingerprint,
    choices,
  };
  const files: BundleFiles = new Map();
  files.set('transcript.json', json);
  files.set('transcript.txt', text);
  files.set('transcript.pdf', pdf);
  files.set('custody.jsonl', custodyBytes);
  files.set('signer.pub', utf8(encodePublicKey({ keyId, publicKey: signer.publicKey })));
  files.set('VERIFY.txt', utf8(renderVerifyText({ ...manifestBase, files: {} })));
  const manifest: Manifest = {
    ...manifestBase,
    files: Object.fromEntries(
      CONTENT_FILES.map((name) => {
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
