// Questions that were too hard for the simulated child's age (src/training/understanding.ts):
// the question, the feature that made it hard, what the child did, and a simpler open prompt
// built only from the child's words or neutral protocol wording. Plain text.
import { useTranslation } from 'react-i18next';
import { BARE_LIST, childContext, type Feedback } from './types';

export function HardQuestions({ feedback }: { feedback: Feedback }) {
  const { t } = useTranslation('trainingUi');
  // Feedback stored before this section existed has no entry: show nothing rather than "none".
  if (!feedback.hardQuestions) return null;
  // "La niña dijo «no entiendo»" where the scenario gives the child's gender (es).
  const context = childContext(feedback.childGender, feedback.ageYears);
  return (
    <section aria-labelledby="hard-heading">
      <h3 id="hard-heading">{t('feedback.hard')}</h3>
      {feedback.hardQuestions.length === 0 ? (
        <p>{t('feedback.noHard')}</p>
      ) : (
        <ul className="plain-list" style={BARE_LIST} data-testid="hard-questions">
          {feedback.hardQuestions.map((q) => (
            <li key={q.questionNumber} className="flagged">
              <p className="flagged-text">
                {t('feedback.questionN', { n: q.questionNumber })}: <q>{q.text}</q>
              </p>
              <p>
                <strong>
                  {q.childSaidNotUnderstood
                    ? t('feedback.hardSaid', { context })
                    : t('feedback.hardAnswered', { context })}
                </strong>
                . {q.why} {q.effect}
              </p>
              <p className="hint-suggestion">
                {t('feedback.simpler')} <q>{q.alternative}</q>
              </p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
