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
  /**
   * What to show when a catalog has no key for `code` (a role or kind this Hearth lacks): words,
   * or a fact worded in its place (an event type a newer Hearth wrote, see eventWhat).
   */
  fallback?: string | Fact;
}

/** Builds a fact. */
export function fact(
  code: string,
  params?: Record<string, FactParam>,
  fallback?: string | Fact,
): Fact {
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
  const fallback = typeof f.fallback === 'object' ? renderFact(t, f.fallback) : f.fallback;
  return t(`facts.${f.code}`, { ...values, defaultValue: fallback ?? f.code });
}

/**
 * An event named for a sentence about it ("team (MDT) note", "media aid"), from the session's
 * event type and, for a note, its kind: `facts.events.<type>` and `facts.kinds.<kind>`. The
 * types are codes ("media-aid"); a reader of the verdict or the finish screen gets words in
 * their language. A type or kind this Hearth has no words for (written by a newer Hearth) is
 * said to be unknown, with its code quoted, instead of the bare code standing in for a word.
 */
export function eventWhat(type: string, kind?: string): Fact {
  if (type !== 'note' || kind === undefined)
    return fact(`events.${type}`, undefined, fact('eventUnknown', { type }));
  return fact('eventNote', {
    kind: fact(`kinds.${kind}`, undefined, fact('noteKindUnknown', { kind })),
  });
}
