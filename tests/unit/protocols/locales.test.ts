// The locale files are the only place protocol text lives. These tests walk both catalogs and
// every protocol definition so that a missing, empty or orphaned key fails the build.
import { BAND_PROFILES } from '../../../src/protocols/age-bands';
import {
  catalogFor,
  catalogProblems,
  hasText,
  isVariantNode,
  leafPaths,
  placeholdersOf,
  REFERENCE_LANGUAGE,
  VARIANT_KEYS,
  type CatalogNode,
} from '../../../src/protocols/catalog';
import { PROTOCOLS as OFFERED, WITHDRAWN_PROTOCOLS } from '../../../src/protocols/definitions';
import {
  ADAPTATION_KEY,
  CLOSE_WARMLY_KEY,
  ENGINE_TEXT_KEYS,
  INTERPRETED_WARNING_KEY,
  INTERVIEWER_PLACEHOLDER_KEY,
  LANGUAGE_NAME_KEY,
  SINGLE_SESSION_FOCUS_KEY,
} from '../../../src/protocols/plan';
import { AGE_BANDS, type AgeBand } from '../../../src/protocols/types';
import { EXTENDED_RULE_KEYS } from '../../../src/protocols/extended';
import en from '../../../locales/en/protocols.json';
import es from '../../../locales/es/protocols.json';

const LOCALES: Record<string, CatalogNode> = { en, es };
// Withdrawn structures still render old sessions: their texts must be complete too.
const PROTOCOLS = [...OFFERED, ...WITHDRAWN_PROTOCOLS];

/** Every (key, bands) pair the definitions and the engine can ask for. */
function referencedKeys(): Map<string, Set<AgeBand>> {
  const refs = new Map<string, Set<AgeBand>>();
  const add = (key: string, bands: readonly AgeBand[]): void => {
    const set = refs.get(key) ?? new Set<AgeBand>();
    bands.forEach((b) => set.add(b));
    refs.set(key, set);
  };
  for (const p of PROTOCOLS) {
    const bandsOf = (only?: readonly AgeBand[]): AgeBand[] =>
      p.ageBands.filter((b) => only === undefined || only.includes(b));
    add(p.nameKey, p.ageBands);
    add(p.summaryKey, p.ageBands);
    add(p.media.textKey, p.ageBands);
    for (const ph of p.phases) {
      add(ph.titleKey, p.ageBands);
      add(ph.goalKey, p.ageBands);
      ph.warningKeys.forEach((k) => add(k, p.ageBands));
      (ph.bandWarnings ?? []).forEach((w) => add(w.key, bandsOf(w.bands)));
      ph.prompts.forEach((pr) => add(pr.key, bandsOf(pr.bands)));
      ph.checklist.forEach((c) => add(c.key, bandsOf(c.bands)));
    }
    p.supportivePrompts.forEach((pr) => add(pr.key, bandsOf(pr.bands)));
    if (p.multiSession) {
      const m = p.multiSession;
      [m.firstFocusKey, m.middleFocusKey, m.lastFocusKey].forEach((k) => add(k, p.ageBands));
    }
  }
  for (const profile of Object.values(BAND_PROFILES)) {
    add(profile.labelKey, [profile.band]);
    [...profile.languageKeys, ...profile.warningKeys].forEach((k) => add(k, [profile.band]));
  }
  Object.values(ENGINE_TEXT_KEYS).forEach((k) => add(k, AGE_BANDS));
  [
    LANGUAGE_NAME_KEY,
    INTERVIEWER_PLACEHOLDER_KEY,
    SINGLE_SESSION_FOCUS_KEY,
    CLOSE_WARMLY_KEY,
    INTERPRETED_WARNING_KEY,
  ].forEach((k) => add(k, AGE_BANDS));
  add(ADAPTATION_KEY, ['3-5']);
  EXTENDED_RULE_KEYS.forEach((k) => add(k, AGE_BANDS));
  // Section descriptions (Hearth's and the documents') live in source-sections.json and are
  // checked by source-sections.test.ts.
  return refs;
}

/** Catalog keys as the definitions name them: a per-band variant object is one key. */
function logicalKeys(node: CatalogNode, prefix = ''): string[] {
  return Object.entries(node).flatMap(([k, v]) => {
    const path = prefix ? `${prefix}.${k}` : k;
    if (typeof v === 'string' || isVariantNode(v)) return [path];
    return logicalKeys(v, path);
  });
}

function valueAt(node: CatalogNode, path: string): unknown {
  return path.split('.').reduce<unknown>((cur, part) => {
    return typeof cur === 'object' && cur !== null ? (cur as CatalogNode)[part] : undefined;
  }, node);
}

describe('protocol locale catalogs', () => {
  const refs = referencedKeys();

  it('reference a realistic amount of text (the walk is not vacuous)', () => {
    expect(refs.size).toBeGreaterThan(150);
    expect(leafPaths(en).length).toBeGreaterThan(250);
  });

  it.each(Object.keys(LOCALES))(
    '%s: every referenced key resolves, non-empty, for each band it is used in',
    (lang) => {
      const missing: string[] = [];
      for (const [key, bands] of refs) {
        for (const band of bands) if (!hasText(lang, key, band)) missing.push(`${key} (${band})`);
      }
      expect(missing).toEqual([]);
    },
  );

  it.each(Object.keys(LOCALES))('%s: has no empty strings anywhere', (lang) => {
    const catalog = LOCALES[lang]!;
    const empty = leafPaths(catalog).filter((p) => String(valueAt(catalog, p)).trim() === '');
    expect(empty).toEqual([]);
  });

  it('en and es have exactly the same keys, including per-band variants', () => {
    expect(leafPaths(es).sort()).toEqual(leafPaths(en).sort());
    expect(catalogProblems(es, en)).toEqual([]);
  });

  it('placeholders agree between languages', () => {
    for (const path of leafPaths(en)) {
      expect([path, placeholdersOf(String(valueAt(es, path)))]).toEqual([
        path,
        placeholdersOf(String(valueAt(en, path))),
      ]);
    }
  });

  it('has no orphaned text: every catalog key is used by a definition or the engine', () => {
    const orphans = logicalKeys(en).filter((k) => !refs.has(k));
    expect(orphans).toEqual([]);
  });

  it('variant objects only use known variant names and always cover every band', () => {
    const bad: string[] = [];
    const walk = (node: CatalogNode, prefix: string): void => {
      for (const [k, v] of Object.entries(node)) {
        if (typeof v === 'string') continue;
        const path = prefix ? `${prefix}.${k}` : k;
        if (isVariantNode(v)) {
          const covers = 'default' in v || AGE_BANDS.every((b) => b in v);
          if (!covers) bad.push(path);
        } else {
          if (Object.keys(v).some((key) => VARIANT_KEYS.includes(key))) bad.push(path);
          walk(v, path);
        }
      }
    };
    walk(en, '');
    expect(bad).toEqual([]);
  });

  it('the runtime registry holds the same catalogs the files contain', () => {
    expect(catalogFor(REFERENCE_LANGUAGE)).toEqual(en);
    expect(catalogFor('es')).toEqual(es);
  });

  it('detects a key missing from a catalog, an empty string and a placeholder mismatch', () => {
    const broken = structuredClone(es) as CatalogNode;
    (broken.engine as CatalogNode).pairedInvitation = 'Cuéntame más.';
    (broken.prompts as { intro: CatalogNode }).intro.interpreter = ' ';
    delete (broken.checklist as CatalogNode).family;
    const problems = catalogProblems(broken, en);
    expect(problems).toEqual(expect.arrayContaining(['prompts.intro.interpreter: empty']));
    const fixedEmpty = structuredClone<CatalogNode>(broken);
    (fixedEmpty.prompts as { intro: CatalogNode }).intro.interpreter = 'x';
    const problems2 = catalogProblems(fixedEmpty, en);
    expect(problems2).toContain('checklist.family.described: missing');
    expect(problems2.some((p) => p.startsWith('engine.pairedInvitation: placeholders'))).toBe(true);
  });
});
