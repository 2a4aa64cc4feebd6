// The coach on the interpreter's rendering of a question, in the rendering's own language, while
// it is typed beside the question (audit 19c, B19c-11). The break queue codes a decided wording's
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
  const coding = useMemo(
    () => (language && text.trim() !== '' ? classifyQuestion(text, language, context) : null),
    [text, language, context],
  );
  if (!coding) return null;
  return (
    <p
      className={coding.recommended ? 'field-hint rendering-hint' : 'notice rendering-hint'}
      data-testid="rendering-hint"
      aria-live="polite"
    >
      {t('observers.coachRendering', {
        language: languageName(languageTag, i18n.language),
        verdict: coding.recommended
          ? t('observers.coachOk', { reason: coding.reason })
          : t('observers.coachWarn', { reason: coding.reason }),
      })}
    </p>
  );
}
