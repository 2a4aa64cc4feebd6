// Hearth's Spanish is Latin American (es-419) for US centres. This lists Spain-only words in
// a Spanish locale file. The protocol texts (this area) must have none; the other files
// are reported by spanish-report.ts, with what to use instead, for their owners.
import { join } from 'node:path';
import { PATTERNS, spainOnlyFindings } from './spanish-words';

const DIR = join(__dirname, '../../../locales/es');

describe('Latin American Spanish (es-419)', () => {
  it('finds the words it looks for (the check can fail)', () => {
    expect(PATTERNS.find(([w]) => w === 'zumo')![1].test('¿Quieres un zumo?')).toBe(true);
    expect(PATTERNS.find(([w]) => w === 'coche')![1].test('la cochera')).toBe(false);
    expect(PATTERNS.find(([w]) => w === 'vale')![1].test('Vale.')).toBe(true);
    expect(PATTERNS.find(([w]) => w === 'vale')![1].test('valiente')).toBe(false);
  });

  it('the protocol texts use no Spain-only words', () => {
    expect(spainOnlyFindings(join(DIR, 'protocols.json'))).toEqual([]);
  });

  // The other Spanish files (training.json: #18, ui.json: the lead) are listed by
  // `npx tsx tests/unit/protocols/spanish-report.ts`; they are not this to fail.
});
