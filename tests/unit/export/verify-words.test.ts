// The verify report's words: one catalog per language with the same keys, every fact a verdict
// states worded in Spanish (no code shown in place of words, no English sentence left), and the
// CLI's language picked from --lang, else LC_ALL / LC_MESSAGES / LANG, else English.
import enVerify from '../../../locales/en/verify.json';
import esVerify from '../../../locales/es/verify.json';
import { initCrypto } from '../../../src/crypto';
import { verifyBundleFiles, DEFAULT_CHOICES } from '../../../src/export';
import { fact, factList, renderFact, type Fact } from '../../../src/export/verify-facts';
import { verifyLanguage, verifyTranslator, wordFacts } from '../../../src/export/verify-words';
import { makeBundle } from './helpers';

function keys(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix];
  return Object.entries(value).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
}

/** Every fact code used, nested facts included. */
function codes(facts: Fact[]): string[] {
  const out: string[] = [];
  const walk = (f: Fact) => {
    out.push(f.code);
    for (const p of Object.values(f.params ?? {})) {
      if (typeof p === 'object' && 'code' in p) walk(p);
      else if (typeof p === 'object')
        for (const item of p.list) if (typeof item !== 'string') walk(item);
    }
  };
  facts.forEach(walk);
  return out;
}

beforeAll(async () => {
  await initCrypto();
});

test('the English and Spanish catalogs have exactly the same keys', () => {
  expect(keys(esVerify).sort()).toEqual(keys(enVerify).sort());
});

test('every fact of a verdict (withheld notes, addenda, custody) has words in both languages', async () => {
  const b = await makeBundle({
    choices: { ...DEFAULT_CHOICES, noteKinds: ['question', 'child'], includePlanningRecord: false },
  });
  const verdict = await verifyBundleFiles(b.files, b.key);
  if (!verdict.valid) throw new Error(verdict.reason);
  const all = [...verdict.provenFacts, ...verdict.notProvenFacts];
  const en = verifyTranslator('en');
  const es = verifyTranslator('es');
  for (const code of codes(all)) {
    const key = `facts.${code}`;
    // A plural fact has _one/_other keys; the translator with count finds either.
    expect(en(key, { count: 2, defaultValue: '∅' })).not.toBe('∅');
    expect(es(key, { count: 2, defaultValue: '∅' })).not.toBe('∅');
  }
  // The English words are the verdict's proven/notProven (one wording, not two).
  expect(wordFacts(verdict.provenFacts, 'en')).toEqual(verdict.proven);
  const spanish = wordFacts(all, 'es').join('\n');
  expect(spanish).toMatch(
    /^Sellado por Iván Muñoz \(ivan, persona entrevistadora, con certificado de la clave del centro/,
  );
  // ui30: the roles and the child are named without slash forms or a presumed gender, as
  // rendition 10 names them («persona entrevistadora», «la persona entrevistada»).
  expect(spanish).not.toMatch(/\p{L}\/(?:a|as)\b|\bniñ[oa]s?\b/u);
  expect(spanish).not.toMatch(/\b(Sealed|Exported|Custody|withheld|Chain version)\b/);
});

test('plurals and lists: one addendum / two addenda, in each language', () => {
  const en = verifyTranslator('en');
  const es = verifyTranslator('es');
  const one = fact('addenda', { count: 1, authors: factList(['ana']) });
  const two = fact('addenda', { count: 2, authors: factList(['ana', 'luis']) });
  expect(renderFact(en, one)).toMatch(/^1 addendum after the seal.*: ana\.$/);
  expect(renderFact(en, two)).toMatch(/^2 addenda after the seal.*: ana, luis\.$/);
  expect(renderFact(es, one)).toMatch(/^1 adenda después del sellado, encadenada y firmada/);
  expect(renderFact(es, two)).toMatch(
    /^2 adendas después del sellado, cada una encadenada y firmada/,
  );
  // A code this Hearth has no words for shows its fallback, never an empty line.
  expect(renderFact(es, fact('roles.auditor', undefined, 'auditor'))).toBe('auditor');
});

test('report language: --lang wins, then LC_ALL, LC_MESSAGES, LANG; unknown explicit value is refused', () => {
  expect(verifyLanguage(undefined, {})).toBe('en');
  expect(verifyLanguage(undefined, { LANG: 'es_MX.UTF-8' })).toBe('es');
  expect(verifyLanguage(undefined, { LANG: 'es_MX.UTF-8', LC_ALL: 'C' })).toBe('en');
  expect(verifyLanguage(undefined, { LC_MESSAGES: 'es_US', LANG: 'en_US.UTF-8' })).toBe('es');
  expect(verifyLanguage(undefined, { LANG: 'fr_FR.UTF-8' })).toBe('en');
  expect(verifyLanguage('es', { LANG: 'en_US' })).toBe('es');
  expect(verifyLanguage('es-419', {})).toBe('es');
  expect(verifyLanguage('fr', {})).toBeUndefined();
});
