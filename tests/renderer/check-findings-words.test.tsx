// review25 F22: a vault-check finding whose values the core sends as English words (the name of a
// check pass that damage stopped, CHECK_PASS_STOPPED; the SQLite type of a missing schema object,
// SCHEMA_MISSING) reads wholly in the reader's language: «Una parte de la verificación (key
// floors)» and «el objeto table records» were English inside Spanish. Every pass name the check
// can send has wording in both languages.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import en from '../../locales/en/ui.json';
import es from '../../locales/es/ui.json';
import { checkFindingText } from '../../renderer/settings/check-findings';
import { createI18n } from '../../renderer/i18n/setup';

/** The pass names check.ts gives guard(...), read as text (the renderer tests load no vault). */
function passNames(): string[] {
  const source = readFileSync(join(__dirname, '../../src/vault/check.ts'), 'utf8');
  return [...new Set([...source.matchAll(/guard\(\s*'([a-z -]+)'/g)].map((m) => m[1]!))];
}

function wording(language: 'en' | 'es', finding: Parameters<typeof checkFindingText>[0]) {
  const i18n = createI18n({ language });
  return checkFindingText(finding, i18n.t.bind(i18n), (key) => i18n.exists(key)).text;
}

test('every pass name of the check has English and Spanish wording', () => {
  const names = passNames();
  expect(names.length).toBeGreaterThan(15);
  for (const name of names) {
    expect({ name, en: (en.settings.checkSteps as Record<string, string>)[name] }).toEqual({
      name,
      en: expect.any(String),
    });
    expect({ name, es: (es.settings.checkSteps as Record<string, string>)[name] }).toEqual({
      name,
      es: expect.any(String),
    });
  }
});

test('Spanish: a stopped pass and a missing table are named in Spanish', () => {
  const stopped = wording('es', {
    kind: 'sqlite',
    id: 'check:key floors',
    code: 'CHECK_PASS_STOPPED',
    values: { step: 'key floors' },
    detail: 'the key floors part of the check stopped',
  });
  expect(stopped).toContain('(versiones vigentes de las claves)');
  expect(stopped).not.toContain('key floors');
  const table = wording('es', {
    kind: 'sqlite',
    id: 'table:unlock_attempts',
    code: 'SCHEMA_MISSING',
    values: { type: 'table', name: 'unlock_attempts' },
    detail: 'table unlock_attempts is missing',
  });
  expect(table).toContain('la tabla unlock_attempts');
  expect(table).not.toMatch(/\btable\b/);
  // English keeps its own words.
  expect(
    wording('en', {
      kind: 'sqlite',
      id: 'check:audit log',
      code: 'CHECK_PASS_STOPPED',
      values: { step: 'audit log' },
      detail: 'x',
    }),
  ).toContain('(audit log)');
});
