// A trainee's progress across practice interviews (trainers choose among their trainees), with
// a printable PDF report written by the core (numbers only, no transcript text).
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChannelResponse, CoreError } from '../bridge/client';
import { useClient } from '../bridge/context';
import { ErrorNotice } from '../common/error-notice';
import { savedFileError } from '../common/errors';
import { ProgressChart } from './progress-chart';
import { TrainingSettingsForm } from './settings-form';
import { asTrainingLanguage, BADGE, type TraineeProgress } from './types';

type Saved = ChannelResponse<'training.progressReport'>;

/** A point whose numbers are not the stored ones as checked (R15-2, R16-4, R19-2). */
const notChecked = (s: TraineeProgress['sessions'][number]): boolean =>
  s.feedbackCheck !== undefined || s.setupCheck === 'scenario-unverifiable';

export function ProgressView({
  onOpen,
  onReview,
}: {
  /** Opens the stored feedback (and any trainer review) of one practice interview. */
  onOpen?: (sessionId: string) => void;
  /** Trainers: annotate one interview for its trainee. */
  onReview?: ((sessionId: string, trainee: string) => void) | undefined;
}) {
  const { t, i18n } = useTranslation('trainingUi');
  const client = useClient();
  const [trainees, setTrainees] = useState<TraineeProgress[] | null>(null);
  const [chosen, setChosen] = useState('');
  const [error, setError] = useState<CoreError | null>(null);
  const [path, setPath] = useState('');
  const [pathProblem, setPathProblem] = useState(false);
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState<Saved | null>(null);

  const load = useCallback(() => {
    setError(null);
    void client.call('training.progress', {}).then((r) => {
      if (!r.ok) return setError(r.error);
      setTrainees(r.value.trainees);
      setChosen((c) => c || (r.value.trainees[0]?.trainee ?? ''));
    });
  }, [client]);
  useEffect(load, [load]);

  const progress = trainees?.find((p) => p.trainee === chosen) ?? null;

  const save = async (e: FormEvent) => {
    e.preventDefault();
    setSaved(null);
    if (!path.trim().toLowerCase().endsWith('.pdf')) return setPathProblem(true);
    setPathProblem(false);
    setSaving(true);
    setError(null);
    const r = await client.call('training.progressReport', {
      trainee: chosen,
      outPath: path.trim(),
      language: asTrainingLanguage(i18n.language),
    });
    setSaving(false);
    if (r.ok) setSaved(r.value);
    else setError(savedFileError(r.error));
  };

  return (
    <section aria-labelledby="progress-heading">
      <p className="tag practice-badge" style={BADGE}>
        {t('practiceBadge')}
      </p>
      <h2 id="progress-heading">{t('progress.heading')}</h2>
      <ErrorNotice error={error} onRetry={trainees ? undefined : load} />
      {trainees === null && !error ? <p>{t('loading')}</p> : null}
      {onReview ? <TrainingSettingsForm /> : null}
      {trainees && trainees.length > 1 ? (
        <div className="field">
          <label htmlFor="progress-trainee">{t('progress.trainee')}</label>
          <select id="progress-trainee" value={chosen} onChange={(e) => setChosen(e.target.value)}>
            {trainees.map((p) => (
              <option key={p.trainee} value={p.trainee}>
                {p.displayName === p.trainee ? p.trainee : `${p.displayName} (${p.trainee})`}
              </option>
            ))}
          </select>
        </div>
      ) : null}
      {trainees && trainees.length === 1 && progress ? (
        // Whose progress this is, as the PDF names it: display name and user name (a trainer
        // with one trainee saw no name at all; issue #18, child20).
        <p data-testid="progress-trainee-name">
          {t('progress.trainee')}:{' '}
          {progress.displayName && progress.displayName !== progress.trainee
            ? `${progress.displayName} (${progress.trainee})`
            : progress.trainee}
        </p>
      ) : null}
      {trainees && (!progress || progress.sessions.length === 0) ? (
        <p className="empty">{t('progress.none')}</p>
      ) : null}
      {progress && progress.inProgress > 0 ? (
        <p className="field-hint">{t('progress.inProgress', { count: progress.inProgress })}</p>
      ) : null}
      {progress && progress.sessions.some(notChecked) ? (
        // Not the trainee's scores as stored: recomputed or not re-checked (R15-2, R16-4); a
        // setup whose scenario version is no longer kept cannot be re-checked either (R19-2).
        <p className="field-hint" role="note">
          {t('progress.feedbackNotChecked', {
            count: progress.sessions.filter(notChecked).length,
          })}
        </p>
      ) : null}
      {progress && progress.sessions.some((s) => s.setupCheck === 'scenario-changed') ? (
        // R19-2: the setup's scenario copy was changed; the numbers are the real scenario's.
        <p className="field-hint" role="note" data-testid="setup-changed">
          {t('progress.setupChanged', {
            count: progress.sessions.filter((s) => s.setupCheck === 'scenario-changed').length,
          })}
        </p>
      ) : null}
      {progress && progress.sessions.some((s) => s.storedNotCheckable) ? (
        // R17-5: feedback tagged as an older coach: the chart shows this build's recomputed numbers.
        <p className="field-hint" role="note" data-testid="recomputed-older">
          {t('progress.recomputedOlder', {
            count: progress.sessions.filter((s) => s.storedNotCheckable).length,
          })}
        </p>
      ) : null}
      {progress && progress.sessions.length > 0 ? (
        <>
          <ProgressChart
            progress={progress}
            {...(onOpen ? { onOpen } : {})}
            {...(onReview
              ? { onReview: (id: string) => onReview(id, progress.displayName || progress.trainee) }
              : {})}
          />
          <form
            className="panel"
            style={{ marginTop: '1.5rem' }}
            onSubmit={(e) => void save(e)}
            aria-labelledby="report-heading"
          >
            <h3 id="report-heading">{t('progress.report')}</h3>
            <div className="field">
              <label htmlFor="report-path">{t('progress.reportPath')}</label>
              <input
                id="report-path"
                value={path}
                spellCheck={false}
                aria-describedby="report-path-hint"
                aria-invalid={pathProblem || undefined}
                onChange={(e) => setPath(e.target.value)}
              />
              <p id="report-path-hint" className="field-hint">
                {pathProblem ? t('progress.reportNeedsPdf') : t('progress.reportHint')}
              </p>
            </div>
            <button
              type="submit"
              className="button-primary"
              disabled={saving || path.trim() === ''}
            >
              {saving ? t('progress.saving') : t('progress.save')}
            </button>
            {saved ? (
              <p className="quiet-box" role="status" data-testid="report-saved">
                {t('progress.saved', {
                  path: saved.path,
                  pages: saved.pages,
                  sessions: saved.sessions,
                })}
              </p>
            ) : null}
          </form>
        </>
      ) : null}
    </section>
  );
}
