// A quiet hint of the question's type while it is typed. For option-posing and suggestive
// questions it offers an open invitation instead (Alt+I puts it in the box). No colour alarm,
// no sound: the child must not notice anything.
import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { classifyQuestion, type ClassifyContext } from '../../src/questions';

export function QuestionHint({
  text,
  language,
  context,
  onSuggestion,
}: {
  text: string;
  language: 'en' | 'es';
  context: ClassifyContext;
  onSuggestion: (suggestion: string | null) => void;
}) {
  const { t } = useTranslation();
  const coding = useMemo(
    () => (text.trim() === '' ? null : classifyQuestion(text, language, context)),
    [text, language, context],
  );
  const suggestion = coding && !coding.recommended ? (coding.suggestion ?? null) : null;
  useEffect(() => onSuggestion(suggestion), [suggestion, onSuggestion]);

  return (
    <div
      id="question-hint"
      className="question-hint"
      aria-live="polite"
      data-testid="question-hint"
    >
      {coding ? (
        <>
          {/* What to do comes first (type, then "Try instead"), why after it in smaller type:
              on a short window the actionable lines sit right under the note box. */}
          <p className={coding.recommended ? 'hint-ok' : 'hint-care'}>
            <span className="hint-type">{t(`questionTypes.${coding.type}`)}</span>
          </p>
          {suggestion ? (
            <p className="hint-suggestion">
              {t('live.tryInstead')} <q>{suggestion}</q> <kbd>{t('live.altKey', { key: 'I' })}</kbd>
            </p>
          ) : null}
          {coding.recommended ? null : <p className="hint-reason">{coding.reason}</p>}
          {coding.practiceNote ? (
            <p className="hint-context" data-testid="hint-practice-note">
              {coding.practiceNote}
            </p>
          ) : null}
          {coding.contextNote ? (
            <p className="hint-context" data-testid="hint-context">
              {coding.contextNote}
            </p>
          ) : null}
        </>
      ) : null}
    </div>
  );
}
