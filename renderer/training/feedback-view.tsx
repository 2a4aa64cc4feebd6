// Feedback right after a practice interview, in NICHD terms: goals first (what to do next
// time), then the headline (invitation share in the substantive phase beside option-posing and
// suggestive counts; directives apart), the conclusion check, the NICHD indicators, the trainer's
// review when there is one, the questions to ask differently, phases, what the child remembered
// and every false detail with the question that introduced it. Plain text and tables.
import { useTranslation } from 'react-i18next';
import { QUESTION_TYPES } from '../../src/questions';
import { Headline, Indicators } from './indicators';
import { HardQuestions } from './hard-questions';
import { ReviewPanel } from './review-panel';
import { BADGE, BARE_LIST, childContext, percent, type Feedback, type StoredScores } from './types';

export function FeedbackView({
  feedback,
  sessionId,
  onAgain,
  onProgress,
  onSecondSession,
  storedNotCheckable,
}: {
  feedback: Feedback;
  sessionId?: string;
  /**
   * The stored headline numbers when `feedback` was recomputed by this version of Hearth
   * because the stored one's tag names an older coach (R17-5): shown apart, as not checkable.
   */
  storedNotCheckable?: StoredScores;
  onAgain: () => void;
  onProgress: () => void;
  /** Starts the next session with the same child. */
  onSecondSession?: () => void;
}) {
  const { t } = useTranslation('trainingUi');
  const { t: tUi } = useTranslation();
  const typeName = (type: string) => tUi(`questionTypes.${type}`);
  const m = feedback.measures;
  return (
    <section aria-labelledby="feedback-heading" className="feedback">
      <p className="tag practice-badge" style={BADGE}>
        {t('practiceBadge')}
      </p>
      <h2 id="feedback-heading">
        {t('feedback.heading', { title: feedback.scenarioTitle })}
        {(feedback.session ?? 1) > 1 ? ` · ${t('feedback.sessionN', { n: feedback.session })}` : ''}
      </h2>

      <section className="panel" aria-labelledby="goals-heading">
        <h3 id="goals-heading">{t('feedback.goals')}</h3>
        <ol data-testid="goals">
          {feedback.goals.map((g) => (
            <li key={g.id}>{g.text}</li>
          ))}
        </ol>
        {feedback.notToday && onSecondSession ? (
          <p>
            <button type="button" className="button-primary" onClick={onSecondSession}>
              {t('feedback.secondSession')}
            </button>
          </p>
        ) : null}
      </section>

      <section aria-labelledby="figures-heading">
        <h3 id="figures-heading">{t('feedback.figures')}</h3>
        {storedNotCheckable ? (
          // R17-5: the numbers below are this build's; the stored ones cannot be checked.
          <p className="field-hint" role="note" data-testid="recomputed-note">
            {t('feedback.recomputedByThisVersion')}{' '}
            {t('feedback.asStoredNotCheckable', {
              invitation: percent(storedNotCheckable.invitationShare),
              recommended: percent(storedNotCheckable.recommendedShare),
              optionPosing: storedNotCheckable.optionPosing,
              suggestive: storedNotCheckable.suggestive,
            })}
          </p>
        ) : null}
        {m ? <Headline measures={m} /> : null}
        <dl className="report-figures" data-testid="figures">
          <div>
            <dt>{t('feedback.factsElicited')}</dt>
            <dd>
              {t('feedback.factsOf', {
                count: feedback.trueFactsElicited,
                total: feedback.trueFactsTotal,
              })}
            </dd>
          </div>
          <div>
            <dt>{t('feedback.falseDetailsCount')}</dt>
            <dd>{feedback.falseDetails.length}</dd>
          </div>
          <div>
            <dt>{t('feedback.recommendedShare')}</dt>
            <dd>{percent(feedback.recommendedShare)}%</dd>
          </div>
          <div>
            <dt>{t('feedback.questions')}</dt>
            <dd>{feedback.questions}</dd>
          </div>
        </dl>
      </section>

      {feedback.conclusion ? (
        <section
          className="panel"
          aria-labelledby="conclusion-heading"
          data-testid="conclusion-feedback"
        >
          <h3 id="conclusion-heading">{t('conclusion.heading')}</h3>
          <p>
            {t('conclusion.yours')}{' '}
            <strong>{t(`conclusion.options.${feedback.conclusion.chosen}`)}</strong>
          </p>
          <p>{feedback.conclusion.explanation}</p>
        </section>
      ) : null}

      <div className="grid-2">
        {m ? <Indicators measures={m} ageYears={feedback.ageYears} /> : null}
        {sessionId ? <ReviewPanel sessionId={sessionId} /> : null}
      </div>

      <section aria-labelledby="false-heading">
        <h3 id="false-heading">{t('feedback.falseDetails')}</h3>
        {feedback.falseDetails.length === 0 ? (
          <p>{t('feedback.noFalseDetails')}</p>
        ) : (
          <ul className="plain-list" style={BARE_LIST} data-testid="false-details">
            {feedback.falseDetails.map((d, i) => (
              <li key={i} className="panel">
                <p>
                  <strong>{d.detail}</strong>
                </p>
                <p>
                  {t('feedback.introducedBy', { n: d.questionNumber })} <q>{d.question}</q> (
                  {typeName(d.questionType)}; {t(`feedback.sources.${d.source}`)}
                  {d.lure ? `; ${t('feedback.lure')}` : ''})
                </p>
              </li>
            ))}
          </ul>
        )}
      </section>

      {feedback.introducedDetails && feedback.introducedDetails.length > 0 ? (
        <section aria-labelledby="introduced-heading" data-testid="introduced-details">
          <h3 id="introduced-heading">{t('feedback.trueIntroduced')}</h3>
          <p>{t('feedback.trueIntroducedNote')}</p>
          <ul className="plain-list" style={BARE_LIST}>
            {feedback.introducedDetails.map((d, i) => (
              <li key={i} className="panel">
                <p>
                  <strong>{d.detail}</strong>
                </p>
                <p>
                  {t('feedback.trueIntroducedItem', { n: d.questionNumber })} <q>{d.question}</q> (
                  {typeName(d.questionType)})
                </p>
                <p>
                  {t('feedback.trueIntroducedFact')} <q>{d.fact}</q>
                </p>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <HardQuestions feedback={feedback} />

      <section aria-labelledby="flagged-heading">
        <h3 id="flagged-heading">{t('feedback.flagged')}</h3>
        {feedback.flagged.length === 0 ? (
          <p>{t('feedback.noFlagged')}</p>
        ) : (
          <ul className="plain-list" style={BARE_LIST} data-testid="flagged">
            {feedback.flagged.map((f) => (
              <li key={f.questionNumber} className="flagged">
                <p className="flagged-text">
                  {t('feedback.questionN', { n: f.questionNumber })}: <q>{f.text}</q>
                </p>
                <p>
                  {typeName(f.type)} · {f.reason}
                </p>
                {f.suggestion ? (
                  <p className="hint-suggestion">
                    {t('feedback.tryInstead')} <q>{f.suggestion}</q>
                  </p>
                ) : null}
              </li>
            ))}
          </ul>
        )}
      </section>

      <div className="grid-2">
        <table className="compact">
          <caption>{t('feedback.counts')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('feedback.type')}</th>
              <th scope="col">{t('feedback.count')}</th>
            </tr>
          </thead>
          <tbody>
            {QUESTION_TYPES.map((type) => (
              <tr key={type}>
                <th scope="row">{typeName(type)}</th>
                <td>{feedback.counts[type] ?? 0}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <table className="compact">
          <caption>{t('feedback.phases')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('feedback.phase')}</th>
              <th scope="col">{t('feedback.status')}</th>
            </tr>
          </thead>
          <tbody>
            {feedback.phases.map((p) => (
              <tr key={p.phaseId}>
                <th scope="row">{p.title}</th>
                <td>{t(`feedback.statuses.${p.status}`)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <section aria-labelledby="facts-heading">
        <h3 id="facts-heading">
          {t('feedback.facts', {
            context: childContext(feedback.childGender, feedback.ageYears),
          })}
        </h3>
        {feedback.acrossSessions ? (
          <p className="panel" data-testid="across-sessions">
            {feedback.acrossSessions.note}
          </p>
        ) : null}
        <ul className="plain-list" style={BARE_LIST}>
          {feedback.facts.map((f) => (
            <li key={f.id}>
              <span className="tag">
                {f.elicited
                  ? t('feedback.factTold')
                  : f.toldEarlier
                    ? t('feedback.factToldEarlier')
                    : t('feedback.factNotTold')}
              </span>{' '}
              {f.text} <span className="field-hint">({t(`feedback.${f.centrality}`)})</span>
              {f.toldDifferently ? (
                <span className="field-hint">
                  {' '}
                  · {t('feedback.toldDifferently')} <q>{f.toldDifferently}</q>
                </span>
              ) : null}
            </li>
          ))}
        </ul>
      </section>

      <div className="actions">
        <button type="button" className="button-primary" onClick={onProgress}>
          {t('feedback.seeProgress')}
        </button>
        <button type="button" className="button-quiet" onClick={onAgain}>
          {t('feedback.again')}
        </button>
        {!feedback.notToday && onSecondSession ? (
          <button type="button" className="button-quiet" onClick={onSecondSession}>
            {t('feedback.secondSession')}
          </button>
        ) : null}
      </div>
    </section>
  );
}
