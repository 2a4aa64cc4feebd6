// Hearth's descriptions of the sections it cites ("Phase one: ground rules", "Offering a break"),
// in the reader's language. The definitions cite each section in English; that English string is
// the canonical, language-neutral form (it is what a reviewer checks against the document) and
// the key of locales/<lang>/source-sections.json. Keying by the English text, not by an id, is
// deliberate: when someone rewords a section the old Spanish stops matching and a test fails,
// instead of a stale wording staying on screen. Document titles and citations are never
// translated: they name a publication.
import esSections from '../../locales/es/source-sections.json';
import { interpolate } from './catalog';
import type { Language } from './types';

/** What hearthTopic() appends to a topic Hearth names in a source without numbered sections. */
export const HEARTH_TOPIC_SUFFIX =
  ' (topic: Hearth\u2019s summary of the source, not a section of it)';

/**
 * What notVerified() appends to a section named after a document Hearth has not read in full
 * (practitioner review 10, P10-1/P10-12): the heading is the one secondary descriptions give, so
 * the label says it was not checked against the document instead of reading as a quotation.
 */
export const NOT_VERIFIED_SUFFIX = ' (not verified against the full text)';

/**
 * The words by which a section says the prompt's wording is Hearth's, not the document's
 * ("Phase one: ground rules (ABE gives no script; wording Hearth’s, after NICHD and Lyon)").
 */
export const HEARTH_WORDING = 'wording Hearth’s';

/** A language's wording table: `sections` by English description, and the topic template. */
export interface SectionWordings {
  /** "{{topic}} (...)": how a Hearth-named topic reads (see HEARTH_TOPIC_SUFFIX). */
  hearthTopic: string;
  /** "{{section}} (...)": how a section not verified against the full text reads. */
  notVerified: string;
  sections: Readonly<Record<string, string>>;
  /** Hearth's notes on documents (SourceDocument.note), by English note. */
  notes: Readonly<Record<string, string>>;
}

const WORDINGS = new Map<Language, SectionWordings>([['es', esSections]]);

/** The English description of a Hearth-named topic; the suffix marks it as Hearth's summary. */
export function hearthTopic(topic: string): string {
  return `${topic}${HEARTH_TOPIC_SUFFIX}`;
}

/**
 * Whether a section description says how far it can be trusted: a Hearth-named topic, a
 * section not verified against the full text, or wording that is Hearth's. Every citation of a
 * document Hearth has not read in full must carry one (tests/unit/protocols/citation-markers.test.ts).
 */
export function hasSourceMarker(section: string): boolean {
  return (
    section.endsWith(HEARTH_TOPIC_SUFFIX) ||
    section.endsWith(NOT_VERIFIED_SUFFIX) ||
    section.includes(HEARTH_WORDING)
  );
}

/**
 * A section of a document Hearth knows only from secondary descriptions: the label says it was
 * not verified against the full text. A section that already says what it is (a Hearth topic,
 * Hearth's wording) is returned unchanged, so it is never marked twice.
 */
export function notVerified(section: string): string {
  return hasSourceMarker(section) ? section : `${section}${NOT_VERIFIED_SUFFIX}`;
}

/**
 * The marker a Hearth-named topic carries in `language`: what follows the topic in its wording
 * (" (topic: Hearth's summary…)" in English). The live screen, short of room, shows it once as
 * a short mark with this text as the explanation instead of under every line.
 */
export function hearthTopicMarker(language: Language): string {
  const table = WORDINGS.get(language);
  return table ? interpolate(table.hearthTopic, { topic: '' }) : HEARTH_TOPIC_SUFFIX;
}

/**
 * The marker a section Hearth has not verified against the full text carries in `language`
 * (" (not verified against the full text)" in English): the live screen shows it as a short
 * mark, with this text for screen readers, so it does not wrap every source line (session 10).
 */
export function notVerifiedMarker(language: Language): string {
  const table = WORDINGS.get(language);
  return table ? interpolate(table.notVerified, { section: '' }) : NOT_VERIFIED_SUFFIX;
}

/** The wording table for a language other than English (undefined when it has none). */
export function sectionWordings(language: Language): SectionWordings | undefined {
  return WORDINGS.get(language);
}

/**
 * The section description `english` (as cited in src/protocols) in `language`, or undefined
 * when that language has no wording for it. English returns it unchanged. A Hearth-named topic
 * is worded as the topic plus the language's own "Hearth's summary" marker.
 */
export function sectionWording(language: Language, english: string): string | undefined {
  if (language === 'en') return english;
  const table = WORDINGS.get(language);
  if (!table) return undefined;
  if (english.endsWith(HEARTH_TOPIC_SUFFIX)) {
    const topic = table.sections[english.slice(0, -HEARTH_TOPIC_SUFFIX.length)];
    return topic === undefined ? undefined : interpolate(table.hearthTopic, { topic });
  }
  if (english.endsWith(NOT_VERIFIED_SUFFIX)) {
    const section = table.sections[english.slice(0, -NOT_VERIFIED_SUFFIX.length)];
    return section === undefined ? undefined : interpolate(table.notVerified, { section });
  }
  return table.sections[english];
}

/**
 * What a reader of `language` sees for the section `english`: its wording there, else the
 * English (a language added without a wording table still shows a true, if English, source;
 * tests/unit/protocols/source-sections.test.ts keeps Spanish complete).
 */
export function sectionIn(language: Language, english: string): string {
  return sectionWording(language, english) ?? english;
}

/**
 * Hearth's note on a document (SourceDocument.note, English) in `language`: its wording there,
 * else the English (tests/unit/protocols/source-sections.test.ts keeps Spanish complete). Keyed
 * by the English note, like the sections, so a reworded note cannot keep a stale translation.
 */
export function documentNoteIn(language: Language, english: string): string {
  if (language === 'en') return english;
  return WORDINGS.get(language)?.notes[english] ?? english;
}
