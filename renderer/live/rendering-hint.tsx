// The coach on the interpreter's rendering of a question, coded in the rendering's own language
// (explained in the UI's), while it is typed beside the question (audit 19c, B19c-11). The break queue codes a decided wording's
// rendering the same way (src/interview/observers.ts renderingVerdict), with the same context:
// a leading rendering ("¿Él te tocó?" for "Tell me what happened") is caught live as it is there.
// Shown only for a question whose own-words field holds words in a language the coach codes.
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { classifyQuestion, isLanguage, type ClassifyContext } from '../../src/questions';
import { languageName } from '../cases/child-languages';

/** "es-MX" → "es" when the coach codes it, else undefined. */
export function coachLanguageOfTag(tag: string): 'en' | 'es' | undefined {
  const base = tag.toLowerCase().split(/[-_]/)[0] ?? '';
  return isLanguage(base) ? base : undefined;
}

export function RenderingHint({
  text,
  languageTag,
  context,
}: {
  /** The rendering as typed (empty: no hint). */
  text: string;
  /** Its BCP-47 tag, as chosen beside it. */
  languageTag: string;
  context: ClassifyContext;
}) {
  const { t, i18n } = useTranslation('team');
  const language = coachLanguageOfTag(languageTag);
  // Coded in the rendering's language, explained in the interviewer's (the UI's): an English
  // interviewer reads why "¿Él te tocó?" is leading in English (audit 19d, B19d-3).
  const explainIn = coachLanguageOfTag(i18n.language) ?? 'en';
  const coding = useMemo(
    () =>
      language && text.trim() !== '' ? classifyQuestion(text, language, context, explainIn) : null,
    [text, language, context, explainIn],
  );
  if (!coding) return null;
  return (
    <p
      className={coding.recommended ? 'field-hint rendering-hint' : 'notice rendering-hint'}
      data-testid="rendering-hint"
      aria-live="polite"
    >
      {/* One "Coach" prefix, the reason in the interviewer's language (B19d-3). */}
      {t(coding.recommended ? 'observers.coachRenderingOk' : 'observers.coachRenderingWarn', {
        language: languageName(languageTag, i18n.language),
        reason: coding.reason,
      })}
    </p>
  );
}
