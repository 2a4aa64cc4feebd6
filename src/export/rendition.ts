// Rendition versions. transcript.txt and transcript.pdf are re-rendered by the verifier from
// transcript.json and compared byte for byte, so every input of the renderer is recorded in the
// signed manifest: the rendition version (the wording and layout), the language and the UTC
// offset used for local times. A wording change is a new version; the verifier re-renders with
// the version a bundle names and, for a version it cannot reproduce (older bundles, or a newer
// Hearth), says plainly that the renditions were not re-rendered instead of calling them a
// mismatch.
import type { Manifest } from './bundle';
import { fact, type Fact } from './verify-facts';

/** Rendition parameters, as recorded in manifest.json `rendition`. */
export interface Rendition {
  /** 2 is the first recorded version; bundles without the field are version 1. */
  version: number;
  /** The language of the renditions (the interview's language): "en" or "es". */
  language: string;
  /** Minutes east of UTC used for local times (e.g. -300 for UTC−05:00). */
  utcOffsetMinutes: number;
}

/**
 * The version this Hearth writes. 10 (train28, issue #18): the Spanish labels carry no slash and
 * presume no gender: the child's alias and a child turn are «Persona entrevistada (alias)» /
 * «Persona entrevistada» (version 9: «Niño/a (alias)», «Niño/a»), the reluctance note
 * «Reticencia de la persona entrevistada», the interviewer «Persona entrevistadora», an observer
 * «Persona observadora» (the header «Personas observadoras»), an addendum «firmada por quien la
 * escribió», and every line that names the child says «la persona entrevistada» (fix25t amended
 * 10 before its release, review25 F7/F8: it had kept «niño o la niña» and «observadores»); layout and every other word are
 * version 9's, and version 9's bundles re-render with their own words. Also in 10 (ui30, before
 * release): a timeline row recorded in the phase the session starts in (no phase-entered event)
 * names that phase by its sealed title, not its id (format.ts rowPhaseTitles).
 * 9 (issue #19, audits 19e/19f): an own-words language is named from a frozen table of every
 * language the live select offers (frozen wording `languageNames`), with its code when it is not English or Spanish ("Mam (mam)", never "language code “mam”");
 * the header's observers add those who joined from behind the glass (a sealed
 * `observer-joined` event, written when a suggestion comes from a role and name not on the
 * session's list; B19e-6), roles always, names only when the export includes them. Version 8's
 * wording and layout stay as they were. 8 (issue #15 and the es-419 review es11): a section after the
 * addenda names each event written after the seal by someone other than the interviewer
 * (transcript.json v5 `afterSeal`: writer, stated time, kind; never its content) and says it is
 * not part of the sealed transcript (src/export/after-seal.ts); an interpreted question says
 * "interpretada" in Spanish (B19e-7); the Spanish wording takes the review's findings on
 * rendition 7 (E11-3/4/15..21: "hace la pregunta sugerida", "Malestar observado", "quien hizo la
 * entrevista", "Valor final de la cadena sellada", curly quotes...). Version 7's wording and
 * layout stay as they were. 7 (audit 19c and red team round 11): a line feed in a
 * one-line header value (room, observers, case reference, reason...) prints as [U+000A] like every
 * other control and separator (R11-5, format.ts oneLine), so a value can no longer print a header
 * line of its own; the PDF's "Left out by choice" line names what
 * was left out by kind (withheld observer suggestions and decisions were called "notes of kinds
 * not included", B19c-4); an interpreted turn with no own words recorded takes the other language
 * from the case's child language ("English→Spanish", not "English→?"; "language not recorded"
 * when unknown, B19c-7); the interpreted-turns line counts a corrected note once (B19c-8); a child
 * turn's heading names its text as the interpreter's (or, without an interpreter, the
 * interviewer's) rendering in the interview language, and the bracketed line as the child's own
 * words, verbatim (B19c-9; Spanish: "la persona entrevistada"). Version 6's wording and layout
 * stay as they were. 6: the sources sealed with each phase and scripted prompt
 * (practitioner review 8, P8-16; src/export/cited-sources.ts): a "[n]" after each phase, a
 * "Scripted prompt <id>, source [n]" line under a question asked with Use, and a Sources
 * section listing each source once with the documents' full references (or saying that the
 * record seals none). Also in 6, the observer queue (issue #19 audit B19): each decision names the suggestion it decides ("on observer suggestion #7 (Law enforcement)"), says "at the break" only when the sealed decision records a break open; a question asked with "Use this wording" says which suggestion it asks; the header counts suggestions not decided and labels "not asked afterwards" judged by wording for decisions older than the link; withheld observer events are counted as events with proper plural forms. Version 5's wording and layout stay as they were. 5: events the seal names as written by someone other than the
 * interviewer (transcript.json v3 `seal.foreignEvents`, red team round 8, R8-D) are listed in the
 * header ("Written by others") and marked under their timeline line ("!! FOREIGN_EVENT: written
 * by ..."), in the txt and the PDF (since red team round 9, R9-4/R9-5, from the verifier's own
 * list, export/foreign-writers.ts: also the events a seal without a list leaves unnamed, "Not
 * named by the seal", and withheld events whose writer the bundle cannot show, "Writer not
 * shown"; a genuine record's renditions are unchanged by this); the header's "interpreter present" follows the sealed
 * session (an interpreter observer or an interpreted turn) as well as the case's flag; the
 * interpreted-turns line groups directions by language name, so "es" and "es-MX" are one
 * "Spanish→English" entry; the Spanish wording says "descanso" for the break, as the screen does.
 * 4: every text of the PDF is wrapped within its column and the
 * page margins (phase titles, names, reasons, the page header, imported-transcript speakers;
 * unbroken strings such as ids and URLs are broken by character), and the Spanish wording takes
 * the es-419 review's terms ("Resumen de la alegación", "declarativa sugestiva"). Version 3's
 * layout and wording stay as they were, so its bundles re-render byte for byte. 3: every phrase of a Spanish rendition is Spanish (team
 * summaries, event details, the export's "to" line; locales/<lang>/transcript.json) and the
 * first phase, which the session starts in without a `phase-entered` event, is printed from
 * transcript.json `firstPhase`. Version 2's wording stays as it was (frozen), so bundles exported
 * with it still re-render byte for byte.
 */
export const RENDITION_VERSION = 10;
/** Versions this verifier can reproduce byte for byte. */
export const REPRODUCIBLE_VERSIONS: readonly number[] = [2, 3, 4, 5, 6, 7, 8, 9, 10];
/** Languages the version-2 to -10 renderers have wording for (locales/<lang>/transcript.json). */
export const RENDITION_LANGUAGES = ['en', 'es'] as const;
export type RenditionLanguage = (typeof RENDITION_LANGUAGES)[number];

/** Bundles exported before rendition versions were recorded. */
export const LEGACY_VERSION = 1;

/** The rendition language for an interview language tag ("es-419" -> "es"; unknown -> "en"). */
export function renditionLanguage(interviewLanguage: string): RenditionLanguage {
  const base = interviewLanguage.toLowerCase().split('-')[0];
  return (RENDITION_LANGUAGES as readonly string[]).includes(base ?? '')
    ? (base as RenditionLanguage)
    : 'en';
}

/**
 * The UTC offset, in minutes east of UTC, of this computer's time zone at `iso` (the session
 * start): recorded once per export so every local time in the renditions uses the same offset.
 */
export function localUtcOffsetMinutes(iso: string): number {
  const minutes = -new Date(iso).getTimezoneOffset();
  return Object.is(minutes, -0) ? 0 : minutes;
}

/** The rendition a bundle's manifest names (version 1 when it names none). */
export function renditionOf(m: Manifest): Rendition {
  return m.rendition ?? { version: LEGACY_VERSION, language: 'en', utcOffsetMinutes: 0 };
}

/** True when this verifier can re-render `r` byte for byte. */
export function canReproduce(r: Rendition): boolean {
  return (
    REPRODUCIBLE_VERSIONS.includes(r.version) &&
    (RENDITION_LANGUAGES as readonly string[]).includes(r.language) &&
    Number.isInteger(r.utcOffsetMinutes) &&
    Math.abs(r.utcOffsetMinutes) <= 14 * 60
  );
}

/**
 * The fact a verdict gives when the renditions were not re-rendered: what was verified, what was
 * not, and the next step. A newer Hearth's rendition gets its own fact (update Hearth); an older
 * or unknown one says which Hearth renders it. Words: locales/<lang>/verify.json.
 */
export function notReRenderedFact(r: Rendition): Fact {
  if (r.version > RENDITION_VERSION)
    return fact('newerHearth', {
      what: fact('newerRendition', { version: r.version }),
      known: fact('newerRendition', { version: RENDITION_VERSION }),
    });
  const legacy = r.version === LEGACY_VERSION;
  return fact('notReRendered', {
    which: legacy
      ? fact('renditionLegacy')
      : fact('renditionOther', { version: r.version, language: r.language }),
    next: legacy ? fact('renditionLegacyNext') : fact('renditionVersion', { version: r.version }),
  });
}
