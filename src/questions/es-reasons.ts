// The reason shown for the Spanish forms coach42 keeps apart (issue #16 item 8): a plural person
// word the child said only in the singular, and the child's words said back with another subject
// pronoun. The code (type, subtype) is decided by the classifier as before; this only names
// which of the two made it, so the interviewer sees why (es-forms.ts, vocabulary.ts). Pure.
import type { Decision } from './decision';
import type { Lexicon } from './lexicon';
import { normalise } from './text';
import type { ClassifyContext } from './types';
import { childVocabulary, echoesChild, morePersons, type ChildVocabulary } from './vocabulary';
import { subjectPronouns } from './es-forms';

/**
 * `d` with the reason key (and cue) of a Spanish number or pronoun shift when one decided it;
 * `d` itself otherwise (English, no child words, any other decision).
 * @param text the utterance as coded (the classifier's bounded text).
 */
export function withSpanishFormReason(
  d: Decision,
  text: string,
  lex: Lexicon,
  context: ClassifyContext | undefined,
): Decision {
  if (lex.language !== 'es' || !context?.childWords || context.childWords.length === 0) return d;
  const vocab = childVocabulary(context.childWords, lex);
  if (d.type === 'suggestive' && (d.subtype === 'new-detail' || d.subtype === 'presumptive')) {
    const first = normalise(d.cue.split(', ')[0] ?? '');
    if (first && !first.includes(' ') && morePersons(first, vocab, lex))
      return { ...d, reasonKey: 'morePersons' };
    return d;
  }
  if (d.type === 'option-posing' && d.subtype === 'yes-no') return otherSubject(d, text, vocab);
  return d;
}

// «¿Ella te abrazó?» after «él me abrazó»: a restatement but for the pronoun.
function otherSubject(d: Decision, text: string, vocab: ChildVocabulary): Decision {
  const claim = normalise(text)
    .replace(/[¿?¡!.]+/g, ' ')
    .trim();
  if (!echoesChild(claim, vocab, 'es', true) || echoesChild(claim, vocab, 'es')) return d;
  const pronoun = /\b(?:el|ella|ellos|ellas)\b/.exec(claim)?.[0];
  if (pronoun === undefined || subjectPronouns(claim) === '') return d;
  return { ...d, reasonKey: 'otherSubject', cue: pronoun };
}
