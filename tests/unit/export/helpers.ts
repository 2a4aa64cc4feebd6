// Shared by the export tests: a small valid bundle in memory, its trusted key, and a way to
// re-sign a modified bundle with the signer's own key (to test checks past the signature).
import { createHash } from 'node:crypto';
import type { SignKeyPair } from '../../../src/crypto';
import {
  buildBundle,
  DEFAULT_CHOICES,
  deriveKeyId,
  keyIdText,
  signMessage,
  type BundleFiles,
  type ExportChoices,
  type MinisignPublicKey,
  type TranscriptInput,
} from '../../../src/export';
import { canonicalJson } from '../../../src/export/canonical-json';
import { syntheticTranscript } from '../../fixtures/export/synthetic';

export const CONTEXT = {
  exportedAt: '2026-03-05T10:00:00.000Z',
  exportedBy: 'ivan',
  exportedByName: 'Iván Muñoz',
  to: 'an unencrypted bundle folder',
  reason: 'Solicitud de la fiscalía',
  exportNumber: 1,
};

export interface TestBundle {
  files: BundleFiles;
  signer: SignKeyPair;
  /** The centre key (what a prosecutor pins) and its pair, for tests that certify keys. */
  key: MinisignPublicKey;
  centreKey: SignKeyPair;
  fingerprint: string;
  input: TranscriptInput;
}

export function trustedKeyOf(pair: SignKeyPair): MinisignPublicKey {
  return { keyId: deriveKeyId(pair.publicKey), publicKey: pair.publicKey };
}

export async function makeBundle(
  options: {
    notes?: number;
    turns?: number;
    signer?: SignKeyPair;
    choices?: ExportChoices;
    seed?: number;
  } = {},
): Promise<TestBundle> {
  const { input, interviewerKey, centreKey } = syntheticTranscript({
    notes: options.notes ?? 12,
    turns: options.turns ?? 6,
    durationMs: 20 * 60 * 1000,
    seed: options.seed ?? 3,
    ...(options.signer ? { interviewerKey: options.signer } : {}),
  });
  // The interviewer exports their own session: their key is the certified one.
  const signer = interviewerKey;
  const built = await buildBundle(input, options.choices ?? DEFAULT_CHOICES, CONTEXT, {
    username: 'ivan',
    displayName: 'Iván Muñoz',
    ...signer,
  });
  return {
    files: built.files,
    signer,
    key: trustedKeyOf(centreKey),
    centreKey,
    fingerprint: built.fingerprint,
    input,
  };
}

export function cloneFiles(files: BundleFiles): BundleFiles {
  return new Map([...files].map(([n, b]) => [n, Uint8Array.from(b)]));
}

const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

/**
 * Recomputes SHA256SUMS and signs it with the bundle's own key, keeping the trusted comment:
 * what a malicious holder of the signing key (or a buggy writer) could produce.
 */
export function resign(files: BundleFiles, signer: SignKeyPair): BundleFiles {
  const out = cloneFiles(files);
  // Keep manifest.json's file list in step too, so later checks are the ones exercised.
  const manifest = JSON.parse(text(out.get('manifest.json'))) as {
    files: Record<string, { sha256: string; size: number }>;
  };
  for (const name of Object.keys(manifest.files))
    if (out.has(name))
      manifest.files[name] = { sha256: sha(out.get(name)!), size: out.get(name)!.length };
  out.set('manifest.json', bytes(canonicalJson(manifest)));
  const names = [...out.keys()]
    .filter((n) => n !== 'SHA256SUMS' && n !== 'SHA256SUMS.minisig')
    .sort();
  const sums = new TextEncoder().encode(names.map((n) => `${sha(out.get(n)!)}  ${n}\n`).join(''));
  out.set('SHA256SUMS', sums);
  const manifestSha = sha(out.get('manifest.json')!);
  const old = new TextDecoder().decode(files.get('SHA256SUMS.minisig')).split('\n')[2]!;
  const trusted = old
    .replace(/^trusted comment: /, '')
    .replace(/manifest-sha256:[0-9a-f]{64}/, `manifest-sha256:${manifestSha}`);
  const keyId = deriveKeyId(signer.publicKey);
  out.set(
    'SHA256SUMS.minisig',
    new TextEncoder().encode(
      signMessage(
        sums,
        signer.secretKey,
        keyId,
        `hearth sealed bundle signature, key id ${keyIdText(keyId)}`,
        trusted,
      ),
    ),
  );
  return out;
}

export const text = (b: Uint8Array | undefined) => new TextDecoder().decode(b);
export const bytes = (s: string) => new TextEncoder().encode(s);
