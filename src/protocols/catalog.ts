// Locale catalogs for protocol text. All wording lives in locales/<lang>/protocols.json; this
// module only looks keys up. A value is either a string or a per-age-band variant object
// ({ "default": "...", "3-5": "..." }), so a band changes wording without changing code.
import enCatalog from '../../locales/en/protocols.json';
import esCatalog from '../../locales/es/protocols.json';
import { ProtocolError } from './errors';
import { AGE_BANDS, type AgeBand, type Language } from './types';

export interface CatalogNode {
  [key: string]: CatalogNode | string;
}

export const VARIANT_KEYS: readonly string[] = ['default', ...AGE_BANDS];

/** The reference catalog every other language must match key for key. */
export const REFERENCE_LANGUAGE = 'en';

const catalogs = new Map<Language, CatalogNode>([
  ['en', enCatalog],
  ['es', esCatalog],
]);

const LANGUAGE_PATTERN = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;

export function supportedLanguages(): Language[] {
  return [...catalogs.keys()];
}

export function catalogFor(language: Language): CatalogNode {
  const catalog = typeof language === 'string' ? catalogs.get(language) : undefined;
  if (!catalog) {
    throw new ProtocolError(
      'UNSUPPORTED_LANGUAGE',
      `No protocol texts for language "${String(language)}"`,
      {
        language,
        supported: supportedLanguages(),
      },
    );
  }
  return catalog;
}

/** True when the node is a per-band variant object rather than a namespace. */
export function isVariantNode(node: CatalogNode): boolean {
  const keys = Object.keys(node);
  return keys.length > 0 && keys.every((k) => VARIANT_KEYS.includes(k));
}

function lookup(catalog: CatalogNode, key: string): CatalogNode | string | undefined {
  let node: CatalogNode | string | undefined = catalog;
  for (const part of key.split('.')) {
    if (node === undefined || typeof node === 'string') return undefined;
    node = node[part];
  }
  return node;
}

/** True when `key` resolves to non-empty text for `band` (or for every band when omitted). */
export function hasText(language: Language, key: string, band?: AgeBand): boolean {
  const bands = band ? [band] : AGE_BANDS;
  const catalog = catalogs.get(language);
  if (!catalog) return false;
  return bands.every((b) => {
    const value = pick(lookup(catalog, key), b);
    return value !== undefined && value.trim() !== '';
  });
}

function pick(node: CatalogNode | string | undefined, band: AgeBand): string | undefined {
  if (node === undefined || typeof node === 'string') return node;
  if (!isVariantNode(node)) return undefined;
  const value = node[band] ?? node['default'];
  return typeof value === 'string' ? value : undefined;
}

/** Replaces {{name}} placeholders; a placeholder without a value is an error, never left in. */
export function interpolate(template: string, vars: Readonly<Record<string, string>>): string {
  return template.replace(/\{\{\s*([a-zA-Z0-9_]+)\s*\}\}/g, (_match, name: string) => {
    const value = vars[name];
    if (value === undefined) {
      throw new ProtocolError('MISSING_TEXT', `No value for placeholder {{${name}}}`, {
        placeholder: name,
      });
    }
    return value;
  });
}

export function placeholdersOf(template: string): string[] {
  return [...template.matchAll(/\{\{\s*([a-zA-Z0-9_]+)\s*\}\}/g)].map((m) => m[1] ?? '').sort();
}

/** Like text(), but leaves {{placeholders}} for a later interpolate() (engine templates). */
export function template(language: Language, key: string, band: AgeBand): string {
  const value = pick(lookup(catalogFor(language), key), band);
  if (value === undefined || value.trim() === '') {
    throw new ProtocolError(
      'MISSING_TEXT',
      `Missing protocol text "${key}" (${language}, ${band})`,
      {
        key,
        language,
        band,
      },
    );
  }
  return value;
}

/**
 * The text for `key` in `language`, in its `band` wording. Throws MISSING_TEXT rather than
 * returning a key or an empty string: a plan with a hole in it must never reach an interviewer.
 */
export function text(
  language: Language,
  key: string,
  band: AgeBand,
  vars: Readonly<Record<string, string>> = {},
): string {
  return interpolate(template(language, key, band), vars);
}

/** Every leaf path of a catalog; a variant object counts as one leaf per variant key. */
export function leafPaths(node: CatalogNode, prefix = ''): string[] {
  const out: string[] = [];
  for (const [k, v] of Object.entries(node)) {
    const path = prefix ? `${prefix}.${k}` : k;
    if (typeof v === 'string') out.push(path);
    else out.push(...leafPaths(v, path));
  }
  return out;
}

function leafValue(node: CatalogNode, path: string): unknown {
  let cur: unknown = node;
  for (const part of path.split('.')) {
    if (typeof cur !== 'object' || cur === null) return undefined;
    cur = (cur as Record<string, unknown>)[part];
  }
  return cur;
}

/** Problems that make `candidate` unusable next to the reference catalog (empty when fine). */
export function catalogProblems(candidate: unknown, reference: CatalogNode): string[] {
  if (typeof candidate !== 'object' || candidate === null || Array.isArray(candidate)) {
    return ['catalog is not an object'];
  }
  const problems: string[] = [];
  const walk = (node: unknown, prefix: string): void => {
    if (typeof node !== 'object' || node === null || Array.isArray(node)) {
      problems.push(`${prefix}: not a string or object`);
      return;
    }
    for (const [k, v] of Object.entries(node as Record<string, unknown>)) {
      const path = prefix ? `${prefix}.${k}` : k;
      if (typeof v === 'string') {
        if (v.trim() === '') problems.push(`${path}: empty`);
      } else walk(v, path);
    }
  };
  walk(candidate, '');
  if (problems.length > 0) return problems;
  const cat = candidate as CatalogNode;
  const refPaths = new Set(leafPaths(reference));
  const candPaths = new Set(leafPaths(cat));
  for (const p of refPaths) {
    if (!candPaths.has(p)) problems.push(`${p}: missing`);
    else {
      const a = placeholdersOf(String(leafValue(reference, p))).join(',');
      const b = placeholdersOf(String(leafValue(cat, p))).join(',');
      if (a !== b) problems.push(`${p}: placeholders {${b}} differ from reference {${a}}`);
    }
  }
  for (const p of candPaths) if (!refPaths.has(p)) problems.push(`${p}: not in reference`);
  return problems;
}

/**
 * Adds (or replaces) a language from its parsed protocols.json, so a third language is a
 * data-only change for the host that loads the file. Incomplete catalogs are refused whole.
 */
export function registerProtocolLocale(language: Language, catalog: unknown): void {
  if (typeof language !== 'string' || !LANGUAGE_PATTERN.test(language)) {
    throw new ProtocolError(
      'UNSUPPORTED_LANGUAGE',
      `"${String(language)}" is not a language code`,
      {
        language,
      },
    );
  }
  const problems = catalogProblems(catalog, catalogFor(REFERENCE_LANGUAGE));
  if (problems.length > 0) {
    throw new ProtocolError(
      'INVALID_CATALOG',
      `Protocol texts for "${language}" are incomplete: ${problems.slice(0, 5).join('; ')}`,
      { language, problems },
    );
  }
  catalogs.set(language, catalog as CatalogNode);
}
