// Rendition versions: a bundle names what its transcript.txt/.pdf were rendered with, the
// verifier re-renders with exactly that, and a bundle from a renderer this verifier cannot
// reproduce (an older Hearth, or a newer one) gets a clear "not re-rendered" verdict: never a
// bare TXT/PDF_MISMATCH, never a silent VALID.
import { wordFacts } from '../../../src/export/verify-words';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { initCrypto } from '../../../src/crypto';
import {
  buildBundle,
  DEFAULT_CHOICES,
  parseTrustedKey,
  verifyBundleFiles,
  type BundleFiles,
} from '../../../src/export';
import { canonicalJson } from '../../../src/export/canonical-json';
import { RENDITION_VERSION } from '../../../src/export/rendition';
import { syntheticTranscript } from '../../fixtures/export/synthetic';
import { bytes, cloneFiles, CONTEXT, makeBundle, resign, text, trustedKeyOf } from './helpers';

// Written by Hearth at commit c162550 (before rendition versions were recorded), with that
// commit's own export code; synthetic data only.
const LEGACY = join(__dirname, '../../fixtures/export/legacy-v1-bundle');

function legacyBundle(): BundleFiles {
  const dir = join(LEGACY, 'bundle');
  return new Map(readdirSync(dir).map((n) => [n, new Uint8Array(readFileSync(join(dir, n)))]));
}
const legacyKey = () => parseTrustedKey(readFileSync(join(LEGACY, 'centre.pub'), 'utf8'))!;

beforeAll(async () => {
  await initCrypto();
});

test('a bundle exported by the previous Hearth verifies, saying plainly that its renditions were not re-rendered', async () => {
  const files = legacyBundle();
  expect(JSON.parse(text(files.get('manifest.json'))).rendition).toBeUndefined();
  const verdict = await verifyBundleFiles(files, legacyKey());
  if (!verdict.valid) throw new Error(`${verdict.failure}: ${verdict.reason}`);
  expect(verdict.rendition).toMatchObject({ version: 1, reRendered: false });
  // First thing a reader sees among the caveats: what was and was not checked, and what to do.
  expect(verdict.notProven[0]).toMatch(
    /^RENDITIONS NOT RE-RENDERED: transcript\.json and the sealed chain were verified, but transcript\.txt and transcript\.pdf were written with rendition version 1 .*NOT compared.*Next step: verify the bundle with a Hearth version .* or read transcript\.json/,
  );
  expect(verdict.proven.join('\n')).not.toMatch(/renditions of transcript\.json/);
  expect(verdict.proven[0]).toMatch(/the 18 events of the sealed record recompute/);
});

test('the legacy bundle is still checked everywhere else: a changed transcript.json is rejected', async () => {
  const files = cloneFiles(legacyBundle());
  const doc = JSON.parse(text(files.get('transcript.json'))) as {
    events: Array<{ kind?: string; text?: string }>;
  };
  const child = doc.events.find((e) => e.kind === 'child')!;
  child.text = 'Otra cosa.';
  files.set('transcript.json', bytes(canonicalJson(doc)));
  const unsigned = await verifyBundleFiles(files, legacyKey());
  expect(unsigned).toMatchObject({ valid: false, failure: 'HASH_MISMATCH' });
});

test('a new bundle names its rendition and is re-rendered byte for byte', async () => {
  const b = await makeBundle();
  const m = JSON.parse(text(b.files.get('manifest.json'))) as { rendition: unknown };
  expect(m.rendition).toEqual({
    version: RENDITION_VERSION,
    language: 'es',
    utcOffsetMinutes: expect.any(Number) as number,
  });
  const verdict = await verifyBundleFiles(b.files, b.key);
  if (!verdict.valid) throw new Error(verdict.reason);
  expect(verdict.rendition.reRendered).toBe(true);
  expect(verdict.proven.join('\n')).toMatch(
    new RegExp(
      `re-rendered with rendition version ${RENDITION_VERSION}, language "es", local times at UTC[+−]\\d\\d:\\d\\d, and compared byte for byte`,
    ),
  );
  // Still byte for byte: one changed byte of the txt (re-signed) is a mismatch.
  const files = cloneFiles(b.files);
  files.set('transcript.txt', bytes(text(files.get('transcript.txt')).replace('Sala', 'Salа')));
  const fingerprintFixed = resign(files, b.signer);
  const forged = await verifyBundleFiles(fingerprintFixed, b.key);
  expect(forged.valid).toBe(false);
});

test('a rendition version newer than this verifier: verified except the renditions, and says which version to use', async () => {
  const b = await makeBundle();
  const files = cloneFiles(b.files);
  const m = JSON.parse(text(files.get('manifest.json'))) as { rendition: { version: number } };
  const newer = RENDITION_VERSION + 1;
  m.rendition.version = newer;
  files.set('manifest.json', bytes(canonicalJson(m)));
  const verdict = await verifyBundleFiles(resign(files, b.signer), b.key);
  if (!verdict.valid) throw new Error(verdict.reason);
  expect(verdict.rendition).toMatchObject({ version: newer, reRendered: false });
  expect(verdict.notProven[0]).toMatch(
    new RegExp(
      `^MADE BY A NEWER HEARTH: the readable transcript was not re-rendered; update Hearth to re-render it\\. This bundle uses rendition version ${newer}; this Hearth knows up to rendition version ${RENDITION_VERSION}\\..*NOT compared.*read transcript\\.json`,
    ),
  );
  expect(verdict.notProvenFacts[0]?.code).toBe('newerHearth');
  expect(wordFacts(verdict.notProvenFacts, 'es')[0]).toMatch(
    new RegExp(
      `^CREADO CON UNA VERSIÓN MÁS RECIENTE DE HEARTH: la transcripción legible no se volvió a generar; actualice Hearth para volver a generarla\\. Este paquete usa la versión de presentación ${newer}`,
    ),
  );
});

test('a Spanish interview is rendered in Spanish, with local time, its UTC offset and the date where it changes', async () => {
  const { input, interviewerKey, centreKey } = syntheticTranscript({
    notes: 12,
    turns: 2,
    durationMs: 20 * 60 * 1000,
    seed: 5,
  });
  // 09:30 UTC at UTC−09:40 is 23:50 the day before: midnight falls inside the interview (an
  // offset chosen for that; real ones are whole or half hours, the arithmetic is the same).
  const built = await buildBundle(
    input,
    DEFAULT_CHOICES,
    { ...CONTEXT, utcOffsetMinutes: -580 },
    { username: 'ivan', displayName: 'Iván Muñoz', ...interviewerKey },
  );
  const txt = text(built.files.get('transcript.txt'));
  expect(txt).toMatch(/^TRANSCRIPCIÓN SELLADA DE ENTREVISTA DE HEARTH\n/);
  // Labels padded to the widest (rendition 8: "Valor final de la cadena sellada").
  expect(txt).toMatch(/\nIdioma de la entrevista: +español, con intérprete\n/);
  expect(txt).toMatch(/\nInicio de la sesión: +2026-03-03 23:50:00 \(UTC−09:40\)\n/);
  // Rendition 10 (train31): the Spanish role is «Servicios de Protección Infantil», without the
  // English acronym (versions 3-9 keep «(CPS)», frozen).
  expect(txt).toContain(
    'Det. Sofía Peña (Detective); Álvaro Ibáñez (Servicios de Protección Infantil); Intérprete',
  );
  expect(txt).not.toContain('(CPS)');
  expect(txt).toMatch(/--- 2026-03-03 ---\n#1 {2}23:50:00/);
  expect(txt).toMatch(/--- 2026-03-04 ---\n#\d+ {2}00:\d\d:\d\d/);
  expect(txt).toContain('(23 eventos); 2 adendas posteriores al sellado');
  expect(txt).not.toContain('adendas posteriores al sellado posteriores');
  expect(txt).not.toMatch(/\bUTC wall clock|Session started|addenda\b/);
  expect(txt).not.toMatch(/\b(vale|móvil|ordenador|coche|vosotros)\b/);
  const verdict = await verifyBundleFiles(built.files, trustedKeyOf(centreKey));
  if (!verdict.valid) throw new Error(verdict.reason);
  expect(verdict.rendition).toEqual({
    version: RENDITION_VERSION,
    language: 'es',
    utcOffsetMinutes: -580,
    reRendered: true,
  });
});
