// One Spanish word for "vault" (sec61): the es locale used «bóveda» in about 140 strings and
// «almacén» in 5 (check findings and the CERTIFICATE_MISSING sign-in refusal), so one screen
// could name the same file two ways. «bóveda» is the word; no Spanish file a user sees says
// «almacén».
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const DIR = join(__dirname, '../../locales/es');
const OTHER = /almac[eé]n/i;

test('the pattern finds the other word (the check can fail)', () => {
  expect(OTHER.test('verificación del almacén')).toBe(true);
  expect(OTHER.test('Almacen')).toBe(true);
  expect(OTHER.test('verificación de la bóveda')).toBe(false);
});

test('every Spanish locale file names the vault «bóveda», never «almacén»', () => {
  const files = readdirSync(DIR).filter((f) => f.endsWith('.json'));
  expect(files.length).toBeGreaterThan(5);
  const hits = files.filter((f) => OTHER.test(readFileSync(join(DIR, f), 'utf8')));
  expect(hits).toEqual([]);
  expect(readFileSync(join(DIR, 'ui.json'), 'utf8')).toMatch(/bóveda/);
});
