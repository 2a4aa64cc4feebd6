// Sentences of a child's turn, for quoting the child back whole ("You said, “His name is Mr.
// Dan.”"), never cut at an abbreviation or mid-sentence. Intl.Segmenter (sentence granularity,
// Unicode UAX #29) does the splitting; V8's ICU build applies no abbreviation suppressions ("Mr.",
// "Sr.", "Dra." end a sentence for it, and the "-u-ss-standard" extension is ignored), so a
// segment ending in a known title or an initial is joined to the next one. The lists are Hearth's:
// titles and abbreviations a child or interviewer writes before a name or a place.
import type { Language } from './types';

const ABBREVIATIONS: Readonly<Record<Language, ReadonlySet<string>>> = {
  en: new Set([
    'mr',
    'mrs',
    'ms',
    'dr',
    'st',
    'jr',
    'sr',
    'prof',
    'mt',
    'ft',
    'sgt',
    'det',
    'lt',
    'capt',
    'rev',
    'vs',
  ]),
  es: new Set([
    'sr',
    'sra',
    'srta',
    'sres',
    'dr',
    'dra',
    'lic',
    'prof',
    'profa',
    'ing',
    'mtro',
    'mtra',
    'sto',
    'sta',
    'ud',
    'uds',
    'av',
    'col',
  ]),
};

const segmenters = new Map<Language, Intl.Segmenter>();

function segmenter(language: Language): Intl.Segmenter {
  let s = segmenters.get(language);
  if (!s) {
    s = new Intl.Segmenter(language, { granularity: 'sentence' });
    segmenters.set(language, s);
  }
  return s;
}

/** Whether a segment ends in a title or an initial that does not end the sentence. */
function endsInAbbreviation(segment: string, language: Language): boolean {
  const m = /(?:^|[\s(¿¡"“'])([\p{L}]+)\.\s*$/u.exec(segment);
  if (!m) return false;
  const word = (m[1] ?? '').toLowerCase();
  // A single capital letter is an initial ("J. Smith"); "I." or "a." ends a sentence.
  if (word.length === 1)
    return (
      /\p{Lu}/u.test(m[1] ?? '') && word !== 'i' && word !== 'a' && word !== 'y' && word !== 'o'
    );
  return ABBREVIATIONS[language].has(word);
}

/**
 * The sentences of `text`, trimmed, in order: "A man came. His name is Mr. Dan." gives ["A man
 * came.", "His name is Mr. Dan."]; "Se llama el Sr. Dan." stays one sentence. Text without
 * sentence punctuation is one sentence. Empty or blank text gives [].
 * @param language the text's language (selects the abbreviation list).
 */
export function sentencesOf(text: string, language: Language): string[] {
  const out: string[] = [];
  let pending = '';
  for (const { segment } of segmenter(language).segment(text)) {
    pending += segment;
    if (endsInAbbreviation(pending, language)) continue;
    if (pending.trim().length > 0) out.push(pending.trim());
    pending = '';
  }
  if (pending.trim().length > 0) out.push(pending.trim());
  return out;
}
