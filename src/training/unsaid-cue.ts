// A cued invitation about something the child never said ("Tell me more about the guard.",
// «Cuéntame más sobre el hombre.» when no guard or man was mentioned nor was there): the cue
// the trainee used is the interviewer's, not the child's (practitioner review R18-8). Children
// who do not take up such a detail ask what is meant ("What guard?", «¿Cuál señor?») or say it
// was not there; how often they correct a wrong premise follows the rate at which they correct a
// wrong summary (research.ts DISTORTION_UNCORRECTED: Roberts & Lamb 1999). The reading of the
// cue is Hearth's own.
import type { TrainingLanguage } from './types';
import { fold } from './wh-kind';

/** "Tell me (more) about the X", «Cuéntame (más) sobre el X», as the last sentence (folded). */
const CUED: Readonly<Record<TrainingLanguage, RegExp>> = {
  en: /(?:^|[.!?]\s+)(?:(?:and|so|now|okay),? )?(?:tell me|talk to me) (?:more |everything |some more )?about (the|that|this|your|his|her|a|an) ((?:[\p{L}'-]+ ){0,2}[\p{L}'-]+)\s*[.!?]*\s*$/u,
  es: /(?:^|[.!?]\s+)(?:(?:y|ahora|bueno),? )?(?:cuentame|platicame|hablame) (?:mas |todo |un poco mas )?(?:sobre|de|acerca de) (el|la|los|las|ese|esa|tu|su) ((?:[\p{L}]+ ){0,2}[\p{L}]+)\s*[.!?]*\s*$/u,
};

/** The thing a cued invitation names, in the interviewer's words as typed, with its gender. */
export interface CuedThing {
  /** The noun phrase without its determiner ("guard", «señor»), as typed. */
  thing: string;
  /** Spanish grammatical gender from the determiner; English: 'm'. */
  gender: 'm' | 'f';
}

/**
 * The thing a cued invitation's last sentence asks about ("Tell me more about the guard." ->
 * guard), or undefined when the prompt is no such invitation.
 * @param text the interviewer's words as typed.
 */
export function cuedThing(text: string, language: TrainingLanguage): CuedThing | undefined {
  const folded = fold(text);
  const m = CUED[language].exec(folded);
  if (!m?.[2]) return undefined;
  // The same words as typed: the pattern ends the text, so they are its last words.
  const k = m[2].split(' ').length;
  const typed = text
    .trim()
    .replace(/[.!?\s]+$/u, '')
    .split(/\s+/u)
    .slice(-k)
    .join(' ');
  const det = m[1] ?? '';
  return { thing: typed, gender: /^(?:la|las|esa)$/u.test(det) ? 'f' : 'm' };
}
