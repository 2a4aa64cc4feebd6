// The rapport prompt for a pleasant event ("Tell me about something fun that happened to you in
// the last few days.", «Cuéntame sobre algo divertido que te pasó en los últimos días.»): the
// revised NICHD protocol (2014) asks in rapport for a recent event and then trains episodic
// narrative on that event (Hershkowitz, Lamb & Katz 2014 compare the revised and the standard
// protocol). The simulated child answers it by naming its practice event (practitioner review
// R18-1), so a trainee can go on with narrative practice about that event. The cue lists are
// Hearth's own.
import { fold } from './wh-kind';
import type { TrainingLanguage } from './types';

const PLEASANT: Readonly<Record<TrainingLanguage, RegExp>> = {
  en: /\bsomething (?:else )?(?:fun|good|nice|special|cool)\b|\bfun (?:that )?(?:happened|you did)\b/u,
  es: /\balgo (?:mas |otro )?(?:divertido|bonito|padre|chido|especial)\b/u,
};

/** Whether a rapport prompt asks for a recent pleasant event. */
export function asksPleasantEvent(text: string, language: TrainingLanguage): boolean {
  return PLEASANT[language].test(fold(text));
}

/** An invitation's imperative form ("Tell me...", «Cuéntame...», «Platícame...»). */
const INVITATION_FORM: Readonly<Record<TrainingLanguage, RegExp>> = {
  en: /^\W*(?:(?:and|so|now|okay|ok),? )?(?:please )?(?:tell me|describe|explain)\b/u,
  es: /^\W*(?:(?:y|ahora|bueno|entonces),? )?(?:cuentame|cuentenme|platicame|dime todo|describeme|explicame)\b/u,
};

/**
 * Whether the prompt is an invitation in form ("Tell me everything that happened on Saturday"),
 * whatever the coach codes it: the child tells, it does not first say "Yes."/"Sí.", which
 * answers a yes/no question nobody asked (R18-1).
 */
export function invitationForm(text: string, language: TrainingLanguage): boolean {
  return INVITATION_FORM[language].test(fold(text));
}
