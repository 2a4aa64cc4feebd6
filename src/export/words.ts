// The renditions' wording (locales/<lang>/transcript.json) and local-time formatting. Pure and
// deterministic: the output depends only on the rendition (language, UTC offset) recorded in
// the manifest, never on the computer's locale or time zone, so the verifier reproduces it.
import type enWords from '../../locales/en/transcript.json';
import v2En from './frozen-wording/v2.en.json';
import v2Es from './frozen-wording/v2.es.json';
import v3En from './frozen-wording/v3.en.json';
import v3Es from './frozen-wording/v3.es.json';
import v4En from './frozen-wording/v4.en.json';
import v4Es from './frozen-wording/v4.es.json';
import v5En from './frozen-wording/v5.en.json';
import v5Es from './frozen-wording/v5.es.json';
import v6En from './frozen-wording/v6.en.json';
import v6Es from './frozen-wording/v6.es.json';
import v7En from './frozen-wording/v7.en.json';
import v7Es from './frozen-wording/v7.es.json';
import v8En from './frozen-wording/v8.en.json';
import v8Es from './frozen-wording/v8.es.json';
import v9En from './frozen-wording/v9.en.json';
import v9Es from './frozen-wording/v9.es.json';
import v10En from './frozen-wording/v10.en.json';
import v10Es from './frozen-wording/v10.es.json';
import type { Rendition, RenditionLanguage } from './rendition';

type Catalog = typeof enWords;

/**
 * Each rendition version renders with the wording frozen when it shipped, so a bundle re-renders
 * byte for byte however locales/<lang>/transcript.json changes later (a Spanish wording fix once
 * broke every version-2 bundle). Version 2's catalog predates some event types; an event it has
 * no words for cannot occur in a version-2 bundle, and takes version 3's words. A test keeps
 * locales/<lang>/transcript.json equal to the current version's frozen copy: changing rendition
 * wording means a new version and a new frozen copy.
 */
const V10: Record<RenditionLanguage, Catalog> = { en: v10En, es: v10Es };
// Version 10 (train28, issue #18) words the Spanish labels without a slash and without presuming
// a gender: «Persona entrevistada (alias)», «Persona entrevistada» for a child turn, «Reticencia
// de la persona entrevistada», «Persona entrevistadora», «Persona observadora», «Personas
// observadoras», «firmada por quien la escribió», and «la persona entrevistada» wherever a line
// names the child (fix25t amended 10 before it was released: review25 F7, F8) (version 9:
// «Niño/a (alias)», «Niño/a», «Niño o niña reticente», «Entrevistador/a», «Observador/a», «su
// autor/a»); train31 (also before release) names the CPS observer role «Servicios de Protección
// Infantil», without the English acronym «(CPS)» that version 9 prints; English is version 9's. v9.<lang>.json stays a whole catalog
// of its own, so version-9 bundles re-render byte for byte.
const V9: Record<RenditionLanguage, Catalog> = { en: over(v10En, v9En), es: over(v10Es, v9Es) };
// Version 9 added the own-words language names (languageNames, teamLanguageWithCode) and the
// observers who joined from behind the glass (observer-joined); every other key is version 8's
// own, so version-8 bundles re-render byte for byte. The names table is a key of its own, never
// merged into 8's `languages`: a merged table would name in version 8 what it printed as a code.
const V8: Record<RenditionLanguage, Catalog> = { en: over(v9En, v8En), es: over(v9Es, v8Es) };
// Version 8 added the events written after the seal (issue #15: afterSeal*), "interpretada" for
// an interpreted question (teamInterpretedQuestion) and took the es-419 review of rendition 7
// (es11: E11-3/4/15..21); every other key is version 7's own, so version-7 bundles re-render
// byte for byte. A key added to version 8 only needs adding to v8.<lang>.json (and
// locales/<lang>/transcript.json, equal to it): version 7 takes it from there.
const V7: Record<RenditionLanguage, Catalog> = { en: over(V8.en, v7En), es: over(V8.es, v7Es) };
// Version 7 added the left-out line by event kind, the renderings' headings and "language not
// recorded" (audit 19c: B19c-4, B19c-7, B19c-9) and reworded the child's own words; every other
// key is version 6's own, so version-6 bundles re-render byte for byte.
const V6: Record<RenditionLanguage, Catalog> = { en: over(v7En, v6En), es: over(v7Es, v6Es) };
// Version 6 added the sources wording (P8-16) and the observer-queue wording of issue #19's audit
// (B19-1/2/4/8/12); every other key is version 5's own, so version-5 bundles re-render byte for byte.
const V5: Record<RenditionLanguage, Catalog> = { en: over(v6En, v5En), es: over(v6Es, v5Es) };
// Version 5 added the foreign-event wording (R8-D) and the interpreter header wording; every
// other key is version 4's own, so version-4 bundles re-render byte for byte.
const V4: Record<RenditionLanguage, Catalog> = { en: over(V5.en, v4En), es: over(V5.es, v4Es) };
// Event types added after a version shipped (reluctance-noted) cannot occur in its bundles; the
// older catalog takes the newer one's words for them, and keeps its own for everything else.
const V3: Record<RenditionLanguage, Catalog> = { en: over(V4.en, v3En), es: over(V4.es, v3Es) };
const V2: Record<RenditionLanguage, Catalog> = {
  en: over(V3.en, v2En),
  es: over(V3.es, v2Es),
};

/** `older` over `newer`, one level deep (tables keep newer ids the older catalog lacks). */
function over(newer: object, older: object): Catalog {
  const merged: Record<string, unknown> = { ...newer };
  for (const [key, value] of Object.entries(older)) {
    const base = (newer as Record<string, unknown>)[key];
    merged[key] =
      typeof value === 'object' && value !== null && typeof base === 'object' && base !== null
        ? { ...base, ...value }
        : value;
  }
  return merged as Catalog;
}

function catalogFor(language: RenditionLanguage, version: number): Catalog {
  return (
    version >= 10
      ? V10
      : version >= 9
        ? V9
        : version >= 8
          ? V8
          : version >= 7
            ? V7
            : version >= 6
              ? V6
              : version >= 5
                ? V5
                : version >= 4
                  ? V4
                  : version >= 3
                    ? V3
                    : V2
  )[language];
}

type Vars = Record<string, string | number>;
type PluralNoun =
  | 'event'
  | 'addendum'
  | 'note'
  | 'turn'
  | 'questionTurn'
  | 'childTurn'
  | 'otherTurn'
  | 'addendumAfter'
  | 'observerSuggestionEvent'
  | 'observerDecisionEvent'
  | 'ageYear'
  | 'ageMonth';
type Flat = { [K in keyof Catalog]: Catalog[K] extends string ? K : never }[keyof Catalog];

function fill(template: string, vars: Vars): string {
  return template.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(vars[name] ?? ''));
}

/** Wording and time formatting for one rendition. */
export interface Words {
  readonly language: RenditionLanguage;
  /**
   * The rendition version (2: frozen wording; 3: every phrase localized, first phase shown; 4:
   * every PDF text wrapped within the margins, es-419 review terms; 5: the interpreter in the
   * header follows the sealed session, one language direction per language, "descanso"; 6: the
   * sources sealed with each phase and scripted prompt (cited-sources.ts); each observer decision
   * names its suggestion, "at the break" only when one was open, "not decided" counted, withheld
   * observer events counted as events with plural forms; 7: header values on one line, the
   * renderings' headings; 8: the events written after the seal named, es-419 review of 7; 9: the
   * own-words languages named from a frozen table, observers who joined from behind the glass).
   */
  readonly version: number;
  /** A phrase by key, with {{name}} filled in. */
  t(key: Flat, vars?: Vars): string;
  /** "1 addendum" / "2 addenda" (English and Spanish: one for 1, other otherwise). */
  count(noun: PluralNoun, count: number, vars?: Vars): string;
  /** Plain words for an event type, a note kind or a question type (id in words if unknown). */
  event(type: string): string;
  kind(kind: string): string;
  coding(type: string): string;
  /** A decision on an observer suggestion in words ("rephrased" -> "reformulada"). */
  decision(decision: string): string;
  /** An id in words from one of the catalog's tables (id in words if unknown). */
  lookup(
    table:
      | 'afterSealKinds'
      | 'afterSealTypes'
      | 'mediaActions'
      | 'mediaAids'
      | 'mediaStances'
      | 'subtypes'
      | 'withheldTypes',
    id: string,
  ): string;
  /** True when `table` has words for `id`. */
  has(table: 'afterSealTypes' | 'subtypes' | 'withheldTypes', id: string): boolean;
  /** An observer role in words ("law-enforcement" -> "Law enforcement"/"Policía"). */
  role(role: string): string;
  /** The interview language's name ("es" -> "Spanish"/"español"); the tag when unnamed. */
  languageName(tag: string): string;
  /** True when this rendition's table names `tag`'s language (Mam's Spanish name is "mam"). */
  knowsLanguage(tag: string): boolean;
  /** "UTC−05:00". */
  readonly offset: string;
  /** "2026-03-04" in local time. */
  date(iso: string): string;
  /** "10:15:02" in local time. */
  time(iso: string): string;
  /** "2026-03-04 10:15:02 (UTC−05:00)". */
  dateTime(iso: string): string;
}

/** Plain words for an id the vault stores ("session-started" -> "Session started"). */
export function plainWords(id: string): string {
  const words = id.replace(/[-_]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** "UTC+00:00", "UTC−05:00" (U+2212 minus, as printed offsets are written). */
export function offsetText(minutes: number): string {
  const abs = Math.abs(minutes);
  const hh = String(Math.floor(abs / 60)).padStart(2, '0');
  const mm = String(abs % 60).padStart(2, '0');
  return `UTC${minutes < 0 ? '\u2212' : '+'}${hh}:${mm}`;
}

/** The wording of a rendition (its language must be one RENDITION_LANGUAGES names). */
export function wordsFor(
  r: Pick<Rendition, 'language' | 'utcOffsetMinutes'> & { version?: number },
): Words {
  const language = r.language as RenditionLanguage;
  const c = catalogFor(language, r.version ?? 2);
  const local = (iso: string) =>
    new Date(Date.parse(iso) + r.utcOffsetMinutes * 60_000).toISOString();
  const lookup = (table: Record<string, string>, id: string) => table[id] ?? plainWords(id);
  const offset = offsetText(r.utcOffsetMinutes);
  // From version 9 the frozen table of every language the own-words select offers.
  const languageTable: Record<string, string> =
    (r.version ?? 2) >= 9 ? c.languageNames : c.languages;
  const primaryOf = (tag: string) => tag.toLowerCase().split('-')[0] ?? tag;
  return {
    language,
    version: r.version ?? 2,
    offset,
    t: (key, vars = {}) => fill(c[key], vars),
    count: (noun, count, vars = {}) =>
      fill(c.plural[`${noun}_${count === 1 ? 'one' : 'other'}`], { ...vars, count }),
    event: (type) => lookup(c.events, type),
    kind: (kind) => lookup(c.kinds, kind),
    coding: (type) => lookup(c.codings, type).toLowerCase(),
    role: (role) => lookup(c.roles, role),
    decision: (d) => lookup(c.decisions, d),
    lookup: (table, id) => lookup(c[table], id),
    has: (table, id) => Object.hasOwn(c[table], id),
    languageName: (tag) => languageTable[primaryOf(tag)] ?? tag,
    knowsLanguage: (tag) => Object.hasOwn(languageTable, primaryOf(tag)),
    date: (iso) => local(iso).slice(0, 10),
    time: (iso) => local(iso).slice(11, 19),
    dateTime: (iso) => `${local(iso).slice(0, 10)} ${local(iso).slice(11, 19)} (${offset})`,
  };
}
