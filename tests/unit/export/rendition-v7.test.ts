// Rendition 7 (audit 19c): the PDF's "Left out by choice" names what was left out by kind
// (B19c-4: withheld observer suggestions and decisions were called "notes of kinds not
// included"); an interpreted turn with no own words takes the case's child language, not "?"
// (B19c-7); a corrected note counts as one interpreted turn (B19c-8); a child turn's heading
// names its text as a rendering and the bracketed line as the child's own words (B19c-9).
// Version 6 stays frozen: a bundle main exported with it re-renders byte for byte.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { initCrypto } from '../../../src/crypto';
import {
  buildBundle,
  DEFAULT_CHOICES,
  parseTrustedKey,
  verifyBundleFiles,
  type BundleFiles,
} from '../../../src/export';
import { describeEvent } from '../../../src/export/format';
import { RENDITION_VERSION } from '../../../src/export/rendition';
import { interpretationSummary, teamWording } from '../../../src/export/team';
import { wordsFor } from '../../../src/export/words';
import { syntheticTranscript } from '../../fixtures/export/synthetic';
import { CONTEXT, text, trustedKeyOf } from './helpers';

// Exported by main's code at aac971b (rendition 6), before version 7: a Spanish interview of a
// child who speaks English, with the interpreted edges the audit found (synthetic data;
// syntheticTranscript({ notes: 14, addenda: 1, seed: 19, extras, interpretedEdges })).
const V6 = join(__dirname, '../../fixtures/export/v6-bundle');

function v6Bundle(): BundleFiles {
  const dir = join(V6, 'bundle');
  return new Map(readdirSync(dir).map((n) => [n, new Uint8Array(readFileSync(join(dir, n)))]));
}

/** The PDF's text with its line breaks and spacing folded (pdftotext). */
function pdfText(pdf: Uint8Array | undefined): string {
  const dir = mkdtempSync(join(tmpdir(), 'hearth-v7-'));
  try {
    writeFileSync(join(dir, 't.pdf'), pdf ?? new Uint8Array());
    return execFileSync('pdftotext', [join(dir, 't.pdf'), '-'], { encoding: 'utf8' }).replace(
      /\s+/g,
      ' ',
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

beforeAll(async () => {
  await initCrypto();
});

test('a version-6 bundle still re-renders byte for byte and prints what it printed', async () => {
  const files = v6Bundle();
  const key = parseTrustedKey(readFileSync(join(V6, 'centre.pub'), 'utf8'))!;
  const verdict = await verifyBundleFiles(files, key);
  if (!verdict.valid) throw new Error(`${verdict.failure}: ${verdict.reason}`);
  expect(verdict.rendition).toEqual({
    version: 6,
    language: 'es',
    utcOffsetMinutes: -300,
    reRendered: true,
  });
  const txt = text(files.get('transcript.txt'));
  expect(txt).toContain(
    'Interpretación: 1 turno del entrevistador/a español→inglés; 3 turnos del niño o la niña inglés→español; 1 turno del entrevistador/a español→?;',
  );
  expect(txt).toContain('Niño/a (palabras del niño o la niña (inglés), textuales)');
  expect(pdfText(files.get('transcript.pdf'))).toContain(
    'Omitido por decisión 2 eventos: notas de tipos no incluidos en esta exportación',
  );
}, 600_000);

test('version 7 and on (written now as 8): the left-out line by kind, the child’s language, one count per turn, the headings (es)', async () => {
  const { input, interviewerKey, centreKey } = syntheticTranscript({
    notes: 14,
    turns: 0,
    addenda: 1,
    durationMs: 20 * 60 * 1000,
    seed: 19,
    extras: true,
    interpretedEdges: true,
  });
  const built = await buildBundle(
    input,
    DEFAULT_CHOICES,
    { ...CONTEXT, utcOffsetMinutes: -300 },
    { username: 'ivan', displayName: 'Iván Muñoz', ...interviewerKey },
  );
  const verdict = await verifyBundleFiles(built.files, trustedKeyOf(centreKey));
  if (!verdict.valid) throw new Error(`${verdict.failure}: ${verdict.reason}`);
  expect(verdict.rendition).toMatchObject({ version: RENDITION_VERSION, reRendered: true });
  const txt = text(built.files.get('transcript.txt'));
  // B19c-7 and B19c-8: the question with no rendering typed goes to the case's child language
  // (English), and the corrected child turn counts once (2 child turns, not 3).
  expect(txt).toContain(
    // Rendition 8 (E11-15): "de quien entrevista", not "del entrevistador/a".
    'Turnos interpretados: 2 turnos de quien entrevista español→inglés; 2 turnos de la persona entrevistada inglés→español;',
  );
  expect(txt).not.toContain('→?');
  // B19c-9: the heading names the Spanish text as a rendering; the bracket, the own words.
  // B19e-7: the mark agrees with what it marks: "turno interpretado", a question "interpretada".
  expect(txt).toContain(
    // Rendition 10 (train28): «Persona entrevistada», not «Niño/a».
    'Persona entrevistada (turno interpretado; versión de la persona intérprete en español)',
  );
  expect(txt).toMatch(/Pregunta de quien entrevista \(interpretada\)/);
  expect(txt).not.toMatch(/\(interpretado[;)]/);
  expect(txt).toContain('Persona entrevistada (versión de quien entrevista, en español)');
  expect(txt).toContain(
    // Rendition 9 (B19g-6): the language after a comma, no bracket in a bracket.
    '[palabras propias de la persona entrevistada, inglés, textuales] We went to the mall.',
  );
  expect(txt).not.toContain('palabras del niño o la niña');
  // B19c-4: the PDF says what was left out: the observer queue, not notes (rendition 9,
  // B19g-5: once, in "Omitido al exportar").
  const pdf = pdfText(built.files.get('transcript.pdf'));
  expect(pdf).toContain(
    'Omitido al exportar 2 eventos: 1 decisión sobre una sugerencia de una persona observadora, 1 sugerencia de una persona observadora, por decisión de ivan (tipos de nota incluidos en esta exportación:',
  );
  expect(pdf).not.toContain('Omitido por decisión');
  expect(pdf).not.toContain('notas de tipos no incluidos');
}, 600_000);

// English wording, on the renderer's own functions: version 7 and the frozen version 6.
describe('English: version 7 and version 6 side by side', () => {
  const events = [
    { seq: 1, kind: 'question', interpreted: true, text: 'What happened?' },
    {
      seq: 2,
      kind: 'child',
      interpreted: true,
      text: 'He took my phone.',
      original: { text: 'Me quitó el teléfono.', language: 'es' },
    },
    {
      seq: 3,
      kind: 'child',
      interpreted: true,
      version: 2,
      replacesSeq: 2,
      text: 'He took my cell phone.',
      original: { text: 'Me quitó el teléfono.', language: 'es' },
    },
    {
      seq: 4,
      kind: 'child',
      text: 'We went to the mall.',
      original: { text: 'Fuimos al mall.', language: 'es' },
    },
  ];
  const doc = {
    events,
    case: { language: 'es' },
    session: { language: 'en', observers: [{ role: 'interpreter', name: 'M' }] },
  } as unknown as Parameters<typeof interpretationSummary>[0];
  const words = (version: number) => wordsFor({ version, language: 'en', utcOffsetMinutes: 0 });
  const headings = (version: number) =>
    events.map((e) => {
      const d = describeEvent(
        words(version),
        { ...e, type: 'note', at: '', elapsedMs: 0, recordingOffsetMs: null } as never,
        new Map(),
        undefined,
        undefined,
        'en',
      );
      return `${d.label} | ${d.body.replace(/\n/g, ' / ')}`;
    });

  test('the interpreted-turns line', () => {
    expect(interpretationSummary(doc, teamWording(words(7)))).toBe(
      'Interpreted: 1 interviewer turn English→Spanish; 1 child turn Spanish→English; interpreter: M (briefing not recorded as completed).',
    );
    expect(interpretationSummary(doc, teamWording(words(6)))).toBe(
      'Interpreted: 1 interviewer turn English→?; 2 child turns Spanish→English; interpreter: M (briefing not recorded as completed).',
    );
    // No child language known (or the interview's own): said so, never "?".
    const unknown = { ...doc, case: {} } as typeof doc;
    expect(interpretationSummary(unknown, teamWording(words(7)))).toContain(
      '1 interviewer turn English→language not recorded',
    );
  });

  test('the headings', () => {
    expect(headings(7)).toEqual([
      'Interviewer question (interpreted) | What happened?',
      "Child (interpreted; interpreter's rendering in English) | He took my phone. / [child's own words (Spanish), verbatim] Me quitó el teléfono.",
      "Child (interpreted; interpreter's rendering in English) (version 2, corrects #2) | He took my cell phone. / [child's own words (Spanish), verbatim] Me quitó el teléfono.",
      "Child (interviewer's rendering in English) | We went to the mall. / [child's own words (Spanish), verbatim] Fuimos al mall.",
    ]);
    expect(headings(6)).toEqual([
      'Interviewer question (interpreted) | What happened?',
      "Child (interpreted; child's words (Spanish), verbatim) | He took my phone. / [child's words (Spanish), verbatim] Me quitó el teléfono.",
      "Child (interpreted; child's words (Spanish), verbatim) (version 2, corrects #2) | He took my cell phone. / [child's words (Spanish), verbatim] Me quitó el teléfono.",
      "Child (child's words (Spanish), verbatim) | We went to the mall. / [child's words (Spanish), verbatim] Fuimos al mall.",
    ]);
  });
});
