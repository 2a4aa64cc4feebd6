// Interview languages with protocol texts and a question coach (both exist for en and es).
export const INTERVIEW_LANGUAGES = ['en', 'es'] as const;
export type InterviewLanguage = (typeof INTERVIEW_LANGUAGES)[number];

export function asInterviewLanguage(value: string): InterviewLanguage {
  return value === 'es' ? 'es' : 'en';
}

/**
 * The interview language a plan starts with: the child's language recorded on the case when
 * Hearth interviews in it, else the UI language (a child language such as Mam is interviewed
 * through an interpreter in the interviewer's language; an empty case language means unset).
 */
export function defaultInterviewLanguage(
  caseLanguage: string,
  uiLanguage: string,
): InterviewLanguage {
  return (INTERVIEW_LANGUAGES as readonly string[]).includes(caseLanguage)
    ? (caseLanguage as InterviewLanguage)
    : asInterviewLanguage(uiLanguage);
}
