// Trainers write their own scenarios: the child's age, alias, personality, the hidden memory
// (facts in order) and the lures a suggestive interviewer might plant. The form checks the
// contract's own schema before saving and lists problems in plain language; what was typed
// stays exactly as typed.
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { channels } from '../../src/api/contract';
import type { CoreError } from '../bridge/client';
import { useClient } from '../bridge/context';
import { ErrorNotice } from '../common/error-notice';
import {
  CATEGORIES,
  CENTRALITIES,
  describeIssues,
  emptyFact,
  emptyForm,
  emptyLure,
  formFrom,
  scenarioFrom,
  type FactRow,
  type FormProblem,
  type FormState,
  type LureRow,
} from './scenario-fields';
import { asTrainingLanguage, ROW, TRAINING_LANGUAGES, type TrainingLanguage } from './types';

/** Focuses a form control by id and brings it into view. */
function focusField(id: string): void {
  const el = document.getElementById(id);
  if (!el) return;
  el.scrollIntoView?.({ block: 'center' });
  el.focus();
}

export function ScenarioForm({
  scenarioId: initialId,
  language: initialLanguage,
  copy,
  onDone,
}: {
  scenarioId?: string;
  language?: TrainingLanguage;
  /** Built-ins cannot be changed: editing one saves a new trainer-written copy. */
  copy: boolean;
  onDone: () => void;
}) {
  const { t, i18n } = useTranslation('trainingUi');
  const client = useClient();
  const [form, setForm] = useState<FormState>(() =>
    emptyForm(initialLanguage ?? asTrainingLanguage(i18n.language)),
  );
  const [scenarioId, setScenarioId] = useState<string | undefined>(copy ? undefined : initialId);
  const [loading, setLoading] = useState(initialId !== undefined);
  const [problems, setProblems] = useState<FormProblem[]>([]);
  const [error, setError] = useState<CoreError | null>(null);
  const [saving, setSaving] = useState(false);
  const [savedVersion, setSavedVersion] = useState<number | null>(null);
  const problemsRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!initialId) return;
    void client
      .call('training.getScenario', {
        scenarioId: initialId,
        language: initialLanguage ?? asTrainingLanguage(i18n.language),
      })
      .then((r) => {
        setLoading(false);
        if (r.ok) setForm(formFrom(r.value.scenario));
        else setError(r.error);
      });
  }, [client, initialId, initialLanguage, i18n.language]);

  const set = <K extends keyof FormState>(key: K, value: FormState[K]) => {
    setSavedVersion(null);
    setForm((f) => ({ ...f, [key]: value }));
  };
  const setFact = (i: number, patch: Partial<FactRow>) =>
    set(
      'facts',
      form.facts.map((f, j) => (j === i ? { ...f, ...patch } : f)),
    );
  const setLure = (i: number, patch: Partial<LureRow>) =>
    set(
      'lures',
      form.lures.map((l, j) => (j === i ? { ...l, ...patch } : l)),
    );

  const save = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    setSavedVersion(null);
    const scenario = scenarioFrom(form, scenarioId);
    const checked = channels['training.saveScenario'].request.safeParse({ scenario });
    if (!checked.success) {
      setProblems(describeIssues(t, checked.error.issues));
      requestAnimationFrame(() => problemsRef.current?.focus());
      return;
    }
    setProblems([]);
    setSaving(true);
    const r = await client.call('training.saveScenario', { scenario });
    setSaving(false);
    if (r.ok) {
      setScenarioId(r.value.scenarioId);
      setSavedVersion(r.value.version);
    } else setError(r.error);
  };

  if (loading) return <p>{t('loading')}</p>;

  return (
    <form
      className="scenario-form"
      onSubmit={(e) => void save(e)}
      aria-labelledby="form-heading"
      noValidate
    >
      <h2 id="form-heading">
        {scenarioId ? t('form.editHeading', { title: form.title }) : t('form.heading')}
      </h2>
      <p className="field-hint">{t('form.intro')}</p>
      {problems.length > 0 ? (
        <div
          className="notice"
          role="status"
          tabIndex={-1}
          ref={problemsRef}
          data-testid="form-problems"
        >
          <p className="notice-what">{t('form.problems')}</p>
          <ul>
            {problems.map((p) => (
              <li key={p.text}>
                {p.fieldId ? (
                  // A link to the control: following it focuses the field (the app's own routes
                  // use the URL hash, so the default jump is not taken).
                  <a
                    href={`#${p.fieldId}`}
                    onClick={(e) => {
                      e.preventDefault();
                      focusField(p.fieldId!);
                    }}
                  >
                    {p.text}
                  </a>
                ) : (
                  p.text
                )}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <ErrorNotice error={error} />
      <div className="grid-2">
        <div className="field">
          <label htmlFor="sc-language">{t('form.language')}</label>
          <select
            id="sc-language"
            value={form.language}
            disabled={scenarioId !== undefined}
            onChange={(e) => set('language', asTrainingLanguage(e.target.value))}
          >
            {TRAINING_LANGUAGES.map((l) => (
              <option key={l} value={l}>
                {t(`picker.languages.${l}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="sc-title">{t('form.title')}</label>
          <input id="sc-title" value={form.title} onChange={(e) => set('title', e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor="sc-age">{t('form.age')}</label>
          <input
            id="sc-age"
            type="number"
            min={3}
            max={17}
            value={form.ageYears}
            onChange={(e) => set('ageYears', e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor="sc-alias">{t('form.alias')}</label>
          <input id="sc-alias" value={form.alias} onChange={(e) => set('alias', e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor="sc-personality">{t('form.personality')}</label>
          <select
            id="sc-personality"
            value={form.personality}
            onChange={(e) =>
              set('personality', e.target.value === 'reluctant' ? 'reluctant' : 'talkative')
            }
          >
            <option value="talkative">{t('picker.talkative')}</option>
            <option value="reluctant">{t('picker.reluctant')}</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor="sc-reluctance">{t('form.reluctance')}</label>
          <input
            id="sc-reluctance"
            inputMode="decimal"
            aria-describedby="sc-reluctance-hint"
            value={form.reluctance}
            onChange={(e) => set('reluctance', e.target.value)}
          />
          <p className="field-hint" id="sc-reluctance-hint">
            {t('form.reluctanceHint')}
          </p>
        </div>
        <div className="field">
          <label htmlFor="sc-outcome">{t('form.outcome')}</label>
          <select
            id="sc-outcome"
            value={form.outcome}
            onChange={(e) =>
              set('outcome', e.target.value === 'nothing-happened' ? 'nothing-happened' : 'event')
            }
          >
            <option value="event">{t('form.outcomes.event')}</option>
            <option value="nothing-happened">{t('form.outcomes.nothing-happened')}</option>
          </select>
        </div>
      </div>
      <div className="field">
        <label htmlFor="sc-summary">{t('form.summary')}</label>
        <textarea
          id="sc-summary"
          rows={3}
          value={form.summary}
          onChange={(e) => set('summary', e.target.value)}
        />
      </div>
      <div className="field">
        <label htmlFor="sc-rapport">{t('form.rapport')}</label>
        <textarea
          id="sc-rapport"
          rows={3}
          value={form.rapport}
          onChange={(e) => set('rapport', e.target.value)}
        />
      </div>

      <fieldset className="panel">
        <legend>{t('form.practice')}</legend>
        <p className="field-hint">{t('form.practiceHint')}</p>
        {form.practice.map((f, i) => {
          const n = i + 1;
          const setPractice = (patch: Partial<FactRow>) =>
            set(
              'practice',
              form.practice.map((p, j) => (j === i ? { ...p, ...patch } : p)),
            );
          return (
            <div className="grid-2" key={i} role="group" aria-label={t('form.practiceFact', { n })}>
              <div className="field">
                <label htmlFor={`practice-text-${n}`}>{t('form.practiceText', { n })}</label>
                <input
                  id={`practice-text-${n}`}
                  value={f.text}
                  onChange={(e) => setPractice({ text: e.target.value })}
                />
              </div>
              <div className="field">
                <label htmlFor={`practice-kw-${n}`}>{t('form.practiceKeywords', { n })}</label>
                <input
                  id={`practice-kw-${n}`}
                  value={f.keywords}
                  onChange={(e) => setPractice({ keywords: e.target.value })}
                />
              </div>
            </div>
          );
        })}
        <div className="actions">
          <button
            type="button"
            className="button-quiet"
            onClick={() => set('practice', [...form.practice, emptyFact()])}
          >
            {t('form.addPractice')}
          </button>
          {form.practice.length > 0 ? (
            <button
              type="button"
              className="button-quiet"
              onClick={() => set('practice', form.practice.slice(0, -1))}
            >
              {t('form.removePractice', { n: form.practice.length })}
            </button>
          ) : null}
        </div>
      </fieldset>

      <fieldset className="panel">
        <legend>{t('form.facts')}</legend>
        {form.facts.map((f, i) => {
          const n = i + 1;
          return (
            <div
              className="scenario-row"
              style={ROW}
              key={i}
              role="group"
              aria-label={t('form.fact', { n })}
            >
              <div className="field">
                <label htmlFor={`fact-text-${n}`}>{t('form.factText', { n })}</label>
                <input
                  id={`fact-text-${n}`}
                  value={f.text}
                  onChange={(e) => setFact(i, { text: e.target.value })}
                />
              </div>
              <div className="grid-2">
                <div className="field">
                  <label htmlFor={`fact-cat-${n}`}>{t('form.category', { n })}</label>
                  <select
                    id={`fact-cat-${n}`}
                    value={f.category}
                    onChange={(e) =>
                      setFact(i, {
                        category: CATEGORIES.find((c) => c === e.target.value) ?? 'what',
                      })
                    }
                  >
                    {CATEGORIES.map((c) => (
                      <option key={c} value={c}>
                        {t(`form.categories.${c}`)}
                      </option>
                    ))}
                  </select>
                </div>
                <div className="field">
                  <label htmlFor={`fact-cen-${n}`}>{t('form.centrality', { n })}</label>
                  <select
                    id={`fact-cen-${n}`}
                    value={f.centrality}
                    onChange={(e) =>
                      setFact(i, {
                        centrality: CENTRALITIES.find((c) => c === e.target.value) ?? 'central',
                      })
                    }
                  >
                    {CENTRALITIES.map((c) => (
                      <option key={c} value={c}>
                        {t(`form.centralities.${c}`)}
                      </option>
                    ))}
                  </select>
                </div>
              </div>
              <div className="field">
                <label htmlFor={`fact-kw-${n}`}>{t('form.keywords', { n })}</label>
                <input
                  id={`fact-kw-${n}`}
                  value={f.keywords}
                  onChange={(e) => setFact(i, { keywords: e.target.value })}
                />
              </div>
              <div className="field">
                <label htmlFor={`fact-retold-${n}`}>{t('form.retold', { n })}</label>
                <input
                  id={`fact-retold-${n}`}
                  aria-describedby={`fact-retold-hint-${n}`}
                  value={f.retold}
                  onChange={(e) => setFact(i, { retold: e.target.value })}
                />
                <p className="field-hint" id={`fact-retold-hint-${n}`}>
                  {t('form.retoldHint')}
                </p>
              </div>
              <button
                type="button"
                className="button-quiet small"
                onClick={() =>
                  set(
                    'facts',
                    form.facts.filter((_, j) => j !== i),
                  )
                }
              >
                {t('form.removeFact', { n })}
              </button>
            </div>
          );
        })}
        <button
          type="button"
          className="button-quiet"
          onClick={() => set('facts', [...form.facts, emptyFact()])}
        >
          {t('form.addFact')}
        </button>
      </fieldset>

      <fieldset className="panel">
        <legend>{t('form.lures')}</legend>
        {form.lures.map((l, i) => {
          const n = i + 1;
          return (
            <div className="scenario-row" style={ROW} key={i}>
              <div className="field">
                <label htmlFor={`lure-text-${n}`}>{t('form.lureText', { n })}</label>
                <input
                  id={`lure-text-${n}`}
                  value={l.text}
                  onChange={(e) => setLure(i, { text: e.target.value })}
                />
              </div>
              <div className="field">
                <label htmlFor={`lure-kw-${n}`}>{t('form.lureKeywords', { n })}</label>
                <input
                  id={`lure-kw-${n}`}
                  value={l.keywords}
                  onChange={(e) => setLure(i, { keywords: e.target.value })}
                />
              </div>
              <button
                type="button"
                className="button-quiet small"
                onClick={() =>
                  set(
                    'lures',
                    form.lures.filter((_, j) => j !== i),
                  )
                }
              >
                {t('form.removeLure', { n })}
              </button>
            </div>
          );
        })}
        <button
          type="button"
          className="button-quiet"
          onClick={() => set('lures', [...form.lures, emptyLure()])}
        >
          {t('form.addLure')}
        </button>
      </fieldset>

      <div className="actions">
        <button type="submit" className="button-primary" disabled={saving}>
          {saving ? t('form.saving') : t('form.save')}
        </button>
        <button type="button" className="button-quiet" onClick={onDone}>
          {t('form.cancel')}
        </button>
        {savedVersion !== null ? (
          <span role="status" data-testid="scenario-saved">
            {t('form.saved', { version: savedVersion })}
          </span>
        ) : null}
      </div>
    </form>
  );
}
