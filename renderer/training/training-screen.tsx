// Training: practice interviews against a simulated child, feedback after each one, progress
// across them, and (for trainers) scenario writing. One screen with a few views held in state:
// the route stays { name: 'training' }, so nothing here touches the app's navigation.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApp } from '../app/app-context';
import { ScreenHeading } from '../common/heading';
import { FeedbackView } from './feedback-view';
import { PracticeInterview } from './practice-interview';
import { ProgressView } from './progress-view';
import { ReviewView } from './review-view';
import { ScenarioForm } from './scenario-form';
import { ScenarioPicker } from './scenario-picker';
import { useClient } from '../bridge/context';
import { ErrorNotice } from '../common/error-notice';
import type { CoreError } from '../bridge/client';
import {
  canAuthor,
  CURRENT_TAB,
  randomSeed,
  type ChildGender,
  type Feedback,
  type StoredScores,
  type TrainingLanguage,
} from './types';

type View =
  | { name: 'picker' }
  | { name: 'practice'; sessionId: string; title: string; gender?: ChildGender }
  | { name: 'feedback'; feedback: Feedback; sessionId: string; storedNotCheckable?: StoredScores }
  | { name: 'progress' }
  | { name: 'review'; sessionId: string; trainee: string }
  | { name: 'form'; scenarioId?: string; language?: TrainingLanguage; copy?: boolean };

export function TrainingScreen() {
  const { t } = useTranslation('trainingUi');
  const { user } = useApp();
  const [view, setView] = useState<View>({ name: 'picker' });
  const [error, setError] = useState<CoreError | null>(null);
  const client = useClient();
  const author = canAuthor(user.role);

  /** The next session with the same simulated child (after "not today", or to continue). */
  const secondSession = async (previous: string, feedback: Feedback) => {
    setError(null);
    const r = await client.call('training.start', {
      scenarioId: feedback.scenarioId,
      seed: randomSeed(),
      language: feedback.language,
      continues: previous,
    });
    if (!r.ok) return setError(r.error);
    setView({
      name: 'practice',
      sessionId: r.value.sessionId,
      title: feedback.scenarioTitle,
      ...(feedback.childGender ? { gender: feedback.childGender } : {}),
    });
  };
  const openFeedback = async (sessionId: string) => {
    setError(null);
    const r = await client.call('training.feedback', { sessionId });
    if (!r.ok) return setError(r.error);
    setView({
      name: 'feedback',
      feedback: r.value.feedback,
      sessionId,
      ...(r.value.storedNotCheckable ? { storedNotCheckable: r.value.storedNotCheckable } : {}),
    });
  };

  // During a practice interview the tabs are hidden: leaving mid-way is done by finishing.
  const tabs =
    view.name === 'practice' ? null : (
      <nav aria-label={t('tabs.label')} className="toolbar">
        <button
          type="button"
          className="button-quiet"
          aria-current={view.name === 'picker' || view.name === 'feedback' ? 'page' : undefined}
          style={view.name === 'picker' || view.name === 'feedback' ? CURRENT_TAB : undefined}
          onClick={() => setView({ name: 'picker' })}
        >
          {t('tabs.practise')}
        </button>
        <button
          type="button"
          className="button-quiet"
          aria-current={view.name === 'progress' || view.name === 'review' ? 'page' : undefined}
          style={view.name === 'progress' || view.name === 'review' ? CURRENT_TAB : undefined}
          onClick={() => setView({ name: 'progress' })}
        >
          {t('tabs.progress')}
        </button>
        {author ? (
          <button
            type="button"
            className="button-quiet"
            aria-current={view.name === 'form' ? 'page' : undefined}
            style={view.name === 'form' ? CURRENT_TAB : undefined}
            onClick={() => setView({ name: 'form' })}
          >
            {t('tabs.scenarios')}
          </button>
        ) : null}
      </nav>
    );

  return (
    <section className="screen training">
      {view.name === 'practice' ? null : (
        <>
          <ScreenHeading>{t('title')}</ScreenHeading>
          <p className="lead">{t('intro')}</p>
        </>
      )}
      {tabs}
      {view.name === 'picker' ? (
        <ScenarioPicker
          author={author}
          onStarted={(sessionId, title, gender) =>
            setView({ name: 'practice', sessionId, title, ...(gender ? { gender } : {}) })
          }
          onEdit={(scenarioId, language, copy) =>
            setView({ name: 'form', scenarioId, language, copy })
          }
        />
      ) : null}
      {view.name === 'practice' ? (
        <PracticeInterview
          key={view.sessionId}
          sessionId={view.sessionId}
          title={view.title}
          {...(view.gender ? { gender: view.gender } : {})}
          onFinished={(feedback) =>
            setView({ name: 'feedback', feedback, sessionId: view.sessionId })
          }
        />
      ) : null}
      {view.name === 'feedback' ? (
        <FeedbackView
          feedback={view.feedback}
          sessionId={view.sessionId}
          {...(view.storedNotCheckable ? { storedNotCheckable: view.storedNotCheckable } : {})}
          onAgain={() => setView({ name: 'picker' })}
          onProgress={() => setView({ name: 'progress' })}
          onSecondSession={() => void secondSession(view.sessionId, view.feedback)}
        />
      ) : null}
      <ErrorNotice error={error} />
      {view.name === 'progress' ? (
        <ProgressView
          onOpen={(sessionId) => void openFeedback(sessionId)}
          onReview={
            author
              ? (sessionId, trainee) => setView({ name: 'review', sessionId, trainee })
              : undefined
          }
        />
      ) : null}
      {view.name === 'review' ? (
        <ReviewView
          sessionId={view.sessionId}
          trainee={view.trainee}
          onDone={() => setView({ name: 'progress' })}
        />
      ) : null}
      {view.name === 'form' ? (
        <ScenarioForm
          key={`${view.scenarioId ?? 'new'}-${String(view.copy)}`}
          {...(view.scenarioId ? { scenarioId: view.scenarioId } : {})}
          {...(view.language ? { language: view.language } : {})}
          copy={view.copy ?? false}
          onDone={() => setView({ name: 'picker' })}
        />
      ) : null}
    </section>
  );
}
