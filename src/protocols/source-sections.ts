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

/** A language's wording table: `sections` by English description, and the topic template. */
export interface SectionWordings {
  /** "{{topic}} (...)": how a Hearth-named topic reads (see HEARTH_TOPIC_SUFFIX). */
  hearthTopic: string;
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
 * The marker a Hearth-named topic carries in `language`: what follows the topic in its wording
 * (" (topic: Hearth's summary…)" in English). The live screen, short of room, shows it once as
 * a short mark with this text as the explanation instead of under every line.
 */
export function hearthTopicMarker(language: Language): string {
  const table = WORDINGS.get(language);
  return table ? interpolate(table.hearthTopic, { topic: '' }) : HEARTH_TOPIC_SUFFIX;
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
