// Interview languages with protocol texts and a question coach (both exist for en and es).
export const INTERVIEW_LANGUAGES = ['en', 'es'] as const;
export type InterviewLanguage = (typeof INTERVIEW_LANGUAGES)[number];

export function asInterviewLanguage(value: string): InterviewLanguage {
  return value === 'es' ? 'es' : 'en';
}
