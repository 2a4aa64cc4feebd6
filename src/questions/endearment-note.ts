// The practice note on an endearment used as address (coach43, review28 M6). The coach takes
// "honey", "sweetie", «mi amor», «mi reina», «preciosa», «mija» out of the utterance before coding
// it (endearments.ts, coach41): the code stays, and this note tells the interviewer to call the
// child by name. Hearth's practice note, labelled as Hearth's; no source is claimed (review28: a
// trainer's practice in a recorded forensic interview, not protocol text). Pure.
import { endearmentIn } from './endearments';
import type { Language } from './types';

const NOTE: Record<Language, string> = {
  en: 'Term of endearment (“{cue}”): call the child by name (Hearth’s practice note).',
  es: 'Palabra cariñosa (“{cue}”): llame a la persona entrevistada por su nombre (nota de práctica de Hearth).',
};

/**
 * The practice note for an utterance, or undefined when it has no endearment used as address.
 * @param text the utterance as typed. @param language its language.
 * @param explainIn the language of the note (the interviewer's).
 */
export function endearmentNote(
  text: string,
  language: Language,
  explainIn: Language = language,
): string | undefined {
  const word = endearmentIn(text, language);
  return word === undefined ? undefined : NOTE[explainIn].replace('{cue}', word);
}
