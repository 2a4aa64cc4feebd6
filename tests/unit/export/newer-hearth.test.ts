// Forward compatibility: a bundle written by a newer Hearth (a newer rendition version whose
// transcript.json and manifest.json carry fields this Hearth does not know) is built here by this
// Hearth's own writer with a newer rendition version and extra fields patched in (an isolated
// module registry, so the verifier below is the unpatched one). It must verify everything it can
// (certificates, signatures, hashes, custody, the sealed chain) and say "made by a newer Hearth",
// naming the unknown fields, never fail at the schema check. A newer transcript or chain format,
// which this Hearth cannot read at all, is NEWER_VERSION (not proven), never "tampered".
import { initCrypto } from '../../../src/crypto';
import {
  DEFAULT_CHOICES,
  verifyBundleFiles,
  type BundleFiles,
  type MinisignPublicKey,
} from '../../../src/export';
import { canonicalJson } from '../../../src/export/canonical-json';
import { RENDITION_VERSION } from '../../../src/export/rendition';
import { wordFacts } from '../../../src/export/verify-words';
import { syntheticTranscript } from '../../fixtures/export/synthetic';
import { bytes, cloneFiles, CONTEXT, resign, text, trustedKeyOf } from './helpers';
import type { SignKeyPair } from '../../../src/crypto';
import type * as CryptoModule from '../../../src/crypto';
import type * as BundleModule from '../../../src/export/bundle';

type Writer = typeof BundleModule;
type Crypto = typeof CryptoModule;

// One past the version this Hearth writes (was the literal 10 until rendition 10 shipped, train28).
const NEWER = RENDITION_VERSION + 1;

/** A bundle as a Hearth with rendition version 10 and a new transcript field would write it. */
async function newerBundle(
  extra: Record<string, unknown>,
  renditionVersion = NEWER,
): Promise<{ files: BundleFiles; key: MinisignPublicKey; signer: SignKeyPair }> {
  const { input, interviewerKey, centreKey } = syntheticTranscript({
    notes: 8,
    turns: 4,
    durationMs: 15 * 60 * 1000,
    seed: 11,
  });
  let files: BundleFiles | undefined;
  await new Promise<void>((done, failed) => {
    jest.isolateModules(() => {
      const actualRendition = jest.requireActual<Record<string, unknown>>(
        '../../../src/export/rendition',
      );
      jest.doMock('../../../src/export/rendition', () => ({
        ...actualRendition,
        RENDITION_VERSION: renditionVersion,
      }));
      const actualDocument = jest.requireActual<{ buildDocument: (...a: unknown[]) => object }>(
        '../../../src/export/document',
      );
      jest.doMock('../../../src/export/document', () => ({
        ...actualDocument,
        buildDocument: (...args: unknown[]) => ({
          ...actualDocument.buildDocument(...args),
          ...extra,
        }),
      }));
      const writer = jest.requireActual<Writer>('../../../src/export/bundle');
      // The isolated registry has its own copy of the crypto module: initialise it too.
      const crypto = jest.requireActual<Crypto>('../../../src/crypto');
      crypto
        .initCrypto()
        .then(() =>
          writer.buildBundle(input, DEFAULT_CHOICES, CONTEXT, {
            username: 'ivan',
            displayName: 'Iván Muñoz',
            ...interviewerKey,
          }),
        )
        .then((built) => {
          files = built.files;
          done();
        }, failed);
    });
  });
  return { files: files!, key: trustedKeyOf(centreKey), signer: interviewerKey };
}

beforeAll(async () => {
  await initCrypto();
});

test('a newer rendition with transcript.json fields this Hearth does not know: verified, "made by a newer Hearth", fields named', async () => {
  const { files, key } = await newerBundle({ readingAids: { pictograms: true } });
  const doc = JSON.parse(text(files.get('transcript.json'))) as Record<string, unknown>;
  expect(doc.readingAids).toEqual({ pictograms: true });
  const verdict = await verifyBundleFiles(files, key);
  if (!verdict.valid) throw new Error(`${verdict.failure}: ${verdict.reason}`);
  expect(verdict.rendition).toMatchObject({ version: NEWER, reRendered: false });
  // Signatures and fingerprints are still what the verdict states.
  expect(verdict.fingerprint).toMatch(/^[0-9a-f]{64}$/);
  expect(verdict.proven[0]).toMatch(
    /^Sealed by Iván Muñoz .* events of the sealed record recompute/,
  );
  expect(verdict.notProvenFacts.map((f) => f.code).slice(0, 2)).toEqual([
    'newerHearth',
    'newerFields',
  ]);
  expect(verdict.notProven[0]).toMatch(
    /^MADE BY A NEWER HEARTH: the readable transcript was not re-rendered; update Hearth to re-render it\./,
  );
  expect(verdict.notProven[1]).toContain('transcript.json: readingAids');
  const es = wordFacts(verdict.notProvenFacts, 'es');
  expect(es[0]).toMatch(/^CREADO CON UNA VERSIÓN MÁS RECIENTE DE HEARTH: .*actualice Hearth/);
  expect(es[1]).toContain('transcript.json: readingAids');
});

test('the newer bundle is still checked: a changed sealed note is refused, not excused as "newer"', async () => {
  const { files, key, signer } = await newerBundle({ readingAids: { pictograms: true } });
  const forged = cloneFiles(files);
  const doc = JSON.parse(text(forged.get('transcript.json'))) as {
    events: Array<{ kind?: string; text?: string }>;
  };
  const child = doc.events.find((e) => e.kind === 'child')!;
  child.text = 'Otra cosa.';
  forged.set('transcript.json', bytes(canonicalJson(doc)));
  // Unsigned change: the hash check catches it before anything else.
  expect(await verifyBundleFiles(forged, key)).toMatchObject({
    valid: false,
    failure: 'HASH_MISMATCH',
  });
  // Re-signed by the exporter: still not valid.
  const resigned = await verifyBundleFiles(resign(forged, signer), key);
  expect(resigned.valid).toBe(false);
});

test('without a newer rendition, an unknown transcript.json field is still a format error (nothing hides in a signed file)', async () => {
  // This Hearth's own rendition version, with a field it does not know: no leniency.
  const { files, key } = await newerBundle({ hidden: 'x' }, 3);
  expect(await verifyBundleFiles(files, key)).toEqual({
    valid: false,
    failure: 'BAD_FORMAT',
    reason: 'transcript.json does not have the transcript fields',
  });
});

test('a transcript format this Hearth cannot read at all: NEWER_VERSION with the next step, never a crash or "tampered"', async () => {
  // v5 (events written after the seal, R10-14) is this Hearth's own now: v6 is the unknown one.
  const { files, key } = await newerBundle({ format: 'hearth.transcript.v6' });
  const verdict = await verifyBundleFiles(files, key);
  expect(verdict).toMatchObject({ valid: false, failure: 'NEWER_VERSION' });
  if (verdict.valid) return;
  expect(verdict.reason).toMatch(/newer than this Hearth reads.*Update Hearth/);
});
