// Audit 19e, B19e-2: the timeline under the seal box ("I have reviewed the timeline") showed a
// child turn's rendering only, with no "interpreted" mark and no verbatim own-language words, and
// a decision row with a bare text (for a decline, its reason), never saying what was decided, on
// which suggestion, or who suggested it. The review before the seal is the last chance to catch a
// typo in the words that will be sealed, so it shows them as the transcript prints them.
import { render, screen, within } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { createI18n } from '../../renderer/i18n/setup';
import { TimelineTable } from '../../renderer/finish/timeline-table';

const base = { at: '2026-11-30T17:00:00.000Z', recordingOffsetMs: null, recordingOffset: null };
const SUGG = `sugg_${'a'.repeat(32)}`;
const SUGG2 = `sugg_${'b'.repeat(32)}`;
const SUGG3 = `sugg_${'c'.repeat(32)}`;
const SUGG4 = `sugg_${'d'.repeat(32)}`;

const events = [
  {
    ...base,
    seq: 5,
    type: 'note' as const,
    elapsedMs: 60_000,
    kind: 'child' as const,
    text: 'My boyfriend took my phone at the party.',
    interpreted: true,
    original: { text: 'Mi novio me quitó el celular en la fiesta.', language: 'es' },
  },
  {
    ...base,
    seq: 6,
    type: 'observer-suggestion' as const,
    elapsedMs: 120_000,
    suggestionId: SUGG,
    observerRole: 'prosecutor' as const,
    observerName: 'ADA Chen',
    text: 'Did he sell pictures of you online?',
  },
  {
    ...base,
    seq: 7,
    type: 'observer-suggestion' as const,
    elapsedMs: 130_000,
    suggestionId: SUGG2,
    observerRole: 'cps' as const,
    text: 'Tell me more about the money.',
  },
  {
    ...base,
    seq: 8,
    type: 'observer-suggestion' as const,
    elapsedMs: 140_000,
    suggestionId: SUGG3,
    observerRole: 'law-enforcement' as const,
    observerName: 'Det. Ruiz',
    text: 'Was he your pimp?',
  },
  {
    ...base,
    seq: 9,
    type: 'observer-suggestion' as const,
    elapsedMs: 150_000,
    suggestionId: SUGG4,
    observerRole: 'advocate' as const,
    text: 'Where do you live now?',
  },
  {
    ...base,
    seq: 10,
    type: 'observer-decision' as const,
    elapsedMs: 200_000,
    suggestionId: SUGG,
    decision: 'rephrased' as const,
    text: 'Tell me more about making money.',
    atBreak: true,
  },
  {
    ...base,
    seq: 11,
    type: 'observer-decision' as const,
    elapsedMs: 210_000,
    suggestionId: SUGG3,
    decision: 'declined' as const,
    reason: 'A label the child has not used.',
    atBreak: true,
  },
  {
    ...base,
    seq: 12,
    type: 'observer-decision' as const,
    elapsedMs: 220_000,
    suggestionId: SUGG2,
    decision: 'accepted' as const,
    text: 'Tell me more about the money.',
    atBreak: true,
  },
  {
    ...base,
    seq: 13,
    type: 'observer-decision' as const,
    elapsedMs: 900_000,
    suggestionId: SUGG4,
    decision: 'undecided' as const,
    reason: 'Not reached before the end.',
    atBreak: false,
  },
  {
    ...base,
    seq: 14,
    type: 'note' as const,
    elapsedMs: 300_000,
    kind: 'question' as const,
    text: 'Tell me more about making money.',
    interpreted: true,
    original: { text: 'Cuéntame más sobre hacer dinero.', language: 'es' },
    suggestionId: SUGG,
  },
];

function show(language: 'en' | 'es') {
  const missing: string[] = [];
  const i18n = createI18n({ language, onMissingKey: (_l, key) => missing.push(key) });
  render(
    <I18nextProvider i18n={i18n}>
      <TimelineTable events={events} titles={new Map()} />
    </I18nextProvider>,
  );
  const rows = within(screen.getByRole('table')).getAllByRole('row').slice(1);
  const row = (i: number) => (rows[i]?.textContent ?? '').replace(/\s+/g, ' ');
  return { row, missing };
}

test('en: interpreted turns, verbatim own words, who suggested, and each decision with its suggestion', () => {
  const { row, missing } = show('en');
  expect(missing).toEqual([]);
  expect(row(0)).toContain('interpreted');
  expect(row(0)).toContain(
    "Child's own words (Spanish), verbatim: «Mi novio me quitó el celular en la fiesta.»",
  );
  expect(row(1)).toContain('Did he sell pictures of you online?');
  expect(row(1)).toContain('Suggested by Prosecutor, ADA Chen');
  expect(row(2)).toContain('Suggested by Child protective services');
  expect(row(5)).toContain(
    'On the suggestion of Prosecutor, ADA Chen (2:00): «Did he sell pictures of you online?»',
  );
  expect(row(5)).toContain('Rephrased → «Tell me more about making money.» At the break.');
  expect(row(6)).toContain('On the suggestion of Law enforcement, Det. Ruiz (2:20)');
  expect(row(6)).toContain('Declined. Reason: A label the child has not used.');
  expect(row(7)).toContain('Accepted, to be asked as written: «Tell me more about the money.»');
  expect(row(8)).toContain('Victim advocate');
  expect(row(8)).toContain('Left undecided. Reason: Not reached before the end.');
  expect(row(8)).not.toContain('At the break');
  expect(row(9)).toContain('interpreted');
  expect(row(9)).toContain("Interpreter's rendering (Spanish): «Cuéntame más sobre hacer dinero.»");
  expect(row(9)).toContain('Asks the suggestion of Prosecutor, ADA Chen (2:00)');
  // The own words are marked with their language for screen readers.
  expect(screen.getByText('«Mi novio me quitó el celular en la fiesta.»')).toHaveAttribute(
    'lang',
    'es',
  );
});

test('es: the same review in Spanish', () => {
  const { row, missing } = show('es');
  expect(missing).toEqual([]);
  expect(row(0)).toContain('interpretado');
  expect(row(0)).toContain(
    'Palabras propias de la persona entrevistada (español), textuales: «Mi novio me quitó el celular en la fiesta.»',
  );
  expect(row(1)).toContain('Sugerida por: Fiscalía, ADA Chen');
  expect(row(5)).toContain('Sobre la sugerencia de Fiscalía, ADA Chen (2:00)');
  expect(row(5)).toContain('Reformulada → «Tell me more about making money.» En el descanso.');
  expect(row(6)).toContain('Rechazada. Motivo: A label the child has not used.');
  expect(row(7)).toContain('Aceptada, se preguntará tal como está');
  expect(row(8)).toContain('Sin decidir. Motivo: Not reached before the end.');
  expect(row(9)).toContain(
    'Versión de la persona intérprete (español): «Cuéntame más sobre hacer dinero.»',
  );
  expect(row(9)).toContain('Corresponde a la sugerencia de Fiscalía, ADA Chen (2:00)');
});

test.each([
  ['en', "Child's own words (Not known), verbatim: «Mi padrote dijo que tenía que hacer dinero.»"],
  [
    'es',
    'Palabras propias de la persona entrevistada (No se sabe), textuales: «Mi padrote dijo que tenía que hacer dinero.»',
  ],
] as const)(
  '%s: own words whose language is "Not known" read as the select does, never "root" (B19f-2)',
  (language, line) => {
    const i18n = createI18n({ language });
    const words = 'Mi padrote dijo que tenía que hacer dinero.';
    render(
      <I18nextProvider i18n={i18n}>
        <TimelineTable
          events={[{ ...events[0]!, original: { text: words, language: 'und' } }]}
          titles={new Map()}
        />
      </I18nextProvider>,
    );
    const row = within(screen.getByRole('table')).getAllByRole('row')[1]?.textContent ?? '';
    expect(row.replace(/\s+/g, ' ')).toContain(line);
    expect(row).not.toMatch(/root|\(und\)/);
    // No language is claimed for words whose language is not known.
    expect(screen.getByText(`«${words}»`)).not.toHaveAttribute('lang');
  },
);
