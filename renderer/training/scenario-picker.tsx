// Choose a scenario (built-in or trainer-written) and start a practice interview with a fresh
// random seed. The hidden memory is never shown here: only title, age and personality.
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useClient } from '../bridge/context';
import type { CoreError } from '../bridge/client';
import { ErrorNotice } from '../common/error-notice';
import {
  asTrainingLanguage,
  BARE_LIST,
  NARROW_FIELD,
  randomSeed,
  TRAINING_LANGUAGES,
  type ChildGender,
  type ScenarioSummary,
  type TrainingLanguage,
} from './types';

export function ScenarioPicker({
  author,
  onStarted,
  onEdit,
}: {
  author: boolean;
  /** The new session, the scenario's title and the child's gender when it gives one. */
  onStarted: (sessionId: string, title: string, gender?: ChildGender) => void;
  onEdit: (scenarioId: string, language: TrainingLanguage, copy: boolean) => void;
}) {
  const { t, i18n } = useTranslation('trainingUi');
  const client = useClient();
  const [language, setLanguage] = useState<TrainingLanguage>(asTrainingLanguage(i18n.language));
  const [scenarios, setScenarios] = useState<ScenarioSummary[] | null>(null);
  const [error, setError] = useState<CoreError | null>(null);
  const [starting, setStarting] = useState(false);
  // Trainers and admins: trainer scenarios their authors did not sign were left out (R19-3).
  const [withheld, setWithheld] = useState(false);

  const load = useCallback(() => {
    setError(null);
    void client.call('training.scenarios', { language }).then((r) => {
      if (r.ok) {
        setScenarios(r.value.scenarios);
        setWithheld(r.value.withheld !== undefined);
      } else setError(r.error);
    });
  }, [client, language]);
  useEffect(load, [load]);

  const start = async (s: ScenarioSummary) => {
    setStarting(true);
    setError(null);
    const r = await client.call('training.start', {
      scenarioId: s.id,
      seed: randomSeed(),
      language,
    });
    setStarting(false);
    if (r.ok) onStarted(r.value.sessionId, s.title, s.gender);
    else setError(r.error);
  };

  return (
    <section aria-labelledby="picker-heading">
      <h2 id="picker-heading">{t('picker.heading')}</h2>
      <p className="muted">{t('picker.unknownOutcome')}</p>
      {withheld ? (
        <p className="field-hint" role="note" data-testid="scenarios-withheld">
          {t('picker.withheld')}
        </p>
      ) : null}
      <div className="field" style={NARROW_FIELD}>
        <label htmlFor="training-language">{t('picker.language')}</label>
        <select
          id="training-language"
          value={language}
          onChange={(e) => setLanguage(asTrainingLanguage(e.target.value))}
        >
          {TRAINING_LANGUAGES.map((l) => (
            <option key={l} value={l}>
              {t(`picker.languages.${l}`)}
            </option>
          ))}
        </select>
      </div>
      <ErrorNotice error={error} onRetry={scenarios ? undefined : load} />
      {starting ? <p role="status">{t('picker.starting')}</p> : null}
      {scenarios === null && !error ? <p>{t('loading')}</p> : null}
      {scenarios?.length === 0 ? <p className="empty">{t('picker.none')}</p> : null}
      <ul className="plain-list scenario-list" style={BARE_LIST}>
        {(scenarios ?? []).map((s) => (
          <li key={s.id} className="panel">
            <h3>{s.title}</h3>
            <p>
              <span className="tag">
                {s.builtIn ? t('picker.builtIn') : t('picker.trainerWritten')}
              </span>{' '}
              {t('picker.age', { age: s.ageYears })} · {t(`picker.${s.personality}`)} ·{' '}
              {t('picker.facts', { count: s.factCount })}
            </p>
            {author && s.summary ? <p className="field-hint">{s.summary}</p> : null}
            <div className="row-actions">
              <button
                type="button"
                className="button-primary"
                disabled={starting}
                aria-label={t('picker.start', { title: s.title })}
                onClick={() => void start(s)}
              >
                {t('picker.startShort')}
              </button>
              {author ? (
                <button
                  type="button"
                  className="button-quiet"
                  aria-label={
                    s.builtIn
                      ? t('picker.copy', { title: s.title })
                      : t('picker.edit', { title: s.title })
                  }
                  onClick={() => onEdit(s.id, language, s.builtIn)}
                >
                  {s.builtIn ? t('picker.copyShort') : t('picker.editShort')}
                </button>
              ) : null}
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
