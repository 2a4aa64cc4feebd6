// The verifier's sentences as data. A verdict states what it proves and does not prove as facts
// `{ code, params }`; the words live in locales/<lang>/verify.json under `facts.<code>`, so the
// CLI (--lang) and the app (UI language) word the same facts in English or Spanish, and a new
// sentence is just a new code plus a key in each catalog. Codes are a stable, machine-readable
// contract (`hearth verify --json` prints them); the English words may improve, codes do not.
//
// Pure: no I/O and no i18next import, so the renderer (which may import only this file of
// src/export, see eslint.config.mjs) words facts with its own i18next instance.

/** A parameter: plain text or a number, a nested fact, or a list (joined in the language). */
export type FactParam = string | number | Fact | FactList;

/** A list parameter: items joined with the catalog's `list.<join>` (", ", " and ", "; "). */
export interface FactList {
  list: Array<string | Fact>;
  join: 'separator' | 'and' | 'semicolon';
}

/** One sentence or phrase of a verdict, by catalog code (`facts.<code>`), with its values. */
export interface Fact {
  code: string;
  params?: Record<string, FactParam>;
  /** Words to show when a catalog has no key for `code` (a role or kind this Hearth lacks). */
  fallback?: string;
}

/** Builds a fact. */
export function fact(code: string, params?: Record<string, FactParam>, fallback?: string): Fact {
  return {
    code,
    ...(params !== undefined ? { params } : {}),
    ...(fallback !== undefined ? { fallback } : {}),
  };
}

/** A list parameter (see FactList). */
export function factList(
  list: Array<string | Fact>,
  join: FactList['join'] = 'separator',
): FactList {
  return { list, join };
}

/**
 * An i18next-style translate function bound to the `verify` namespace: `key` is a path in
 * locales/<lang>/verify.json; `options` carries the interpolation values, `count` for plurals
 * (`_one` / `_other`) and `defaultValue`.
 */
export type Translate = (key: string, options?: Record<string, unknown>) => string;

function isFact(p: FactParam): p is Fact {
  return typeof p === 'object' && 'code' in p;
}

function param(t: Translate, p: FactParam): string | number {
  if (typeof p === 'string' || typeof p === 'number') return p;
  if (isFact(p)) return renderFact(t, p);
  return p.list
    .map((item) => (typeof item === 'string' ? item : renderFact(t, item)))
    .join(t(`list.${p.join}`));
}

/**
 * The words for `f` in the language of `t`: nested facts and lists are worded first. A code the
 * catalog lacks shows `f.fallback`, else the code itself (never an empty line).
 */
export function renderFact(t: Translate, f: Fact): string {
  const values: Record<string, unknown> = {};
  for (const [name, p] of Object.entries(f.params ?? {})) values[name] = param(t, p);
  return t(`facts.${f.code}`, { ...values, defaultValue: f.fallback ?? f.code });
}
