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

  // Every Spanish file a user or a child sees. `frameWords` in training.json is a list the
  // question coach uses to recognise a question's frame (a trainee may type "vosotros"); it is
  // matched against input, never shown, so it is the one place a Spain-only word may appear.
  it.each(['ui', 'menu', 'team', 'protocols-ui', 'training-ui', 'training', 'source-sections'])(
    'the %s texts use no Spain-only words',
    (name) => {
      const findings = spainOnlyFindings(join(DIR, `${name}.json`)).filter(
        (finding) => !finding.startsWith('frameWords.'),
      );
      expect(findings).toEqual([]);
    },
  );
});
