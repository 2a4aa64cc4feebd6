// Create or edit a case. In allegation-blind mode the allegation is recorded by someone else
// and hidden from the interviewer until after the interview: editing never reveals it.
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CoreError } from '../bridge/client';
import { useApp } from '../app/app-context';
import { useClient } from '../bridge/context';
import { ErrorNotice } from '../common/error-notice';
import { Field } from '../common/field';
import { CHILD_LANGUAGES, languageName, needsInterpreter } from './child-languages';

/** No forensic interview protocol covers children under 3 (NICHD, Ten Step, NCAC, ABE). */
const MIN_AGE = 3;
/** Under 6, a few months make a developmental difference: the age is kept in years and months. */
const MONTHS_UNDER = 6;

interface Draft {
  reference: string;
  childAlias: string;
  childAgeYears: string;
  childAgeMonths: string;
  language: string;
  interpreterNeeded: boolean;
  allegationBlind: boolean;
  allegationSummary: string;
}

const EMPTY: Draft = {
  reference: '',
  childAlias: '',
  childAgeYears: '',
  childAgeMonths: '',
  language: 'en',
  interpreterNeeded: false,
  allegationBlind: false,
  allegationSummary: '',
};

export function CaseForm({
  caseId,
  onDone,
  onCancel,
}: {
  caseId?: string;
  onDone: () => void;
  onCancel: () => void;
}) {
  const { t, i18n } = useTranslation();
  const client = useClient();
  const mayMakeBlind = useApp().user.role === 'admin';
  // A new case starts in the UI language: staff working in Spanish most often see Spanish-speaking
  // children, and an English default made Spanish installs plan English interviews unawares.
  const [draft, setDraft] = useState<Draft>(() => ({
    ...EMPTY,
    language: i18n.language === 'es' ? 'es' : 'en',
  }));
  const [allegationHidden, setAllegationHidden] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [error, setError] = useState<CoreError | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (!caseId) return;
    void client.call('cases.get', { caseId }).then((result) => {
      if (!result.ok) return setError(result.error);
      const c = result.value;
      setAllegationHidden(c.allegationHidden);
      setDraft({
        reference: c.reference,
        childAlias: c.childAlias,
        childAgeYears: String(c.childAgeYears),
        childAgeMonths: c.childAgeYears < MONTHS_UNDER ? String(c.childAgeMonths) : '',
        language: c.language,
        interpreterNeeded: c.interpreterNeeded,
        allegationBlind: c.allegationBlind,
        allegationSummary: c.allegationSummary ?? '',
      });
    });
  }, [client, caseId]);

  const uiLanguage = i18n.language === 'es' ? 'es' : 'en';
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) =>
    setDraft((d) => ({ ...d, [key]: value }));
  const setLanguage = (language: string) =>
    // A child whose language differs from the interviewer's (the UI language) needs an
    // interpreter; the interviewer can still change the box (the planning record then asks why).
    setDraft((d) => ({
      ...d,
      language,
      interpreterNeeded: needsInterpreter(language, uiLanguage),
    }));
  const ageNumber = Number(draft.childAgeYears);
  const showMonths = draft.childAgeYears !== '' && ageNumber >= MIN_AGE && ageNumber < MONTHS_UNDER;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const age = Number(draft.childAgeYears);
    const months = draft.childAgeMonths === '' ? 0 : Number(draft.childAgeMonths);
    if (draft.reference.trim() === '') return setProblem(t('caseForm.problemReference'));
    if (draft.childAlias.trim() === '') return setProblem(t('caseForm.problemAlias'));
    if (draft.childAgeYears === '' || !Number.isInteger(age) || age < 0 || age > 17)
      return setProblem(t('caseForm.problemAge'));
    if (age < MIN_AGE) return setProblem(t('caseForm.problemUnderThree'));
    if (age < MONTHS_UNDER && (!Number.isInteger(months) || months < 0 || months > 11))
      return setProblem(t('caseForm.problemMonths'));
    setProblem(null);
    setBusy(true);
    const fields = {
      reference: draft.reference.trim(),
      childAlias: draft.childAlias.trim(),
      childAgeYears: age,
      childAgeMonths: age < MONTHS_UNDER ? months : 0,
      language: draft.language,
      interpreterNeeded: draft.interpreterNeeded,
      allegationBlind: draft.allegationBlind,
      // A hidden allegation is never sent back: the interviewer cannot see (or overwrite) it.
      ...(allegationHidden ? {} : { allegationSummary: draft.allegationSummary }),
    };
    const result = caseId
      ? await client.call('cases.update', { caseId, patch: fields })
      : await client.call('cases.create', fields);
    setBusy(false);
    // The form keeps every typed value when saving fails.
    if (!result.ok) return setError(result.error);
    onDone();
  };

  return (
    <form className="panel" onSubmit={(e) => void submit(e)} noValidate>
      <h2>{caseId ? t('caseForm.editTitle') : t('caseForm.createTitle')}</h2>
      <div className="grid-2">
        <Field
          label={t('caseForm.reference')}
          value={draft.reference}
          onChange={(e) => set('reference', e.target.value)}
        />
        <Field
          label={t('caseForm.alias')}
          hint={t('caseForm.aliasHint')}
          value={draft.childAlias}
          onChange={(e) => set('childAlias', e.target.value)}
        />
        <Field
          label={t('caseForm.age')}
          hint={t('caseForm.ageHint')}
          type="number"
          min={MIN_AGE}
          max={17}
          inputMode="numeric"
          value={draft.childAgeYears}
          onChange={(e) => set('childAgeYears', e.target.value)}
        />
        {showMonths ? (
          <Field
            label={t('caseForm.months')}
            type="number"
            min={0}
            max={11}
            inputMode="numeric"
            value={draft.childAgeMonths}
            onChange={(e) => set('childAgeMonths', e.target.value)}
          />
        ) : null}
        <div className="field">
          <label htmlFor="case-language">{t('caseForm.language')}</label>
          <select
            id="case-language"
            value={draft.language}
            onChange={(e) => setLanguage(e.target.value)}
          >
            {CHILD_LANGUAGES.map((code) => (
              <option key={code} value={code}>
                {languageName(code, uiLanguage)}
              </option>
            ))}
          </select>
        </div>
      </div>
      <div className="check">
        <input
          id="case-interpreter"
          type="checkbox"
          checked={draft.interpreterNeeded}
          onChange={(e) => set('interpreterNeeded', e.target.checked)}
        />
        <label htmlFor="case-interpreter">{t('caseForm.interpreter')}</label>
      </div>
      {needsInterpreter(draft.language, uiLanguage) ? (
        <p className="field-hint">
          {t('caseForm.interpreterHint', {
            language: languageName(draft.language, uiLanguage),
            interviewer: languageName(uiLanguage, uiLanguage),
          })}
        </p>
      ) : null}
      <div className="check">
        <input
          id="case-blind"
          type="checkbox"
          checked={draft.allegationBlind}
          // Only an admin holds the key a blind allegation is kept under (R24-8): others see the
          // setting, cannot change it, and read who can.
          disabled={!mayMakeBlind}
          aria-describedby="case-blind-hint"
          onChange={(e) => set('allegationBlind', e.target.checked)}
        />
        <label htmlFor="case-blind">{t('caseForm.blind')}</label>
      </div>
      <p id="case-blind-hint" className="field-hint">
        {t('caseForm.blindHint')}
        {mayMakeBlind ? null : ` ${t('caseForm.blindAdminOnly')}`}
      </p>
      {allegationHidden ? (
        <p className="quiet-box">{t('caseForm.allegationHidden')}</p>
      ) : (
        <div className="field">
          <label htmlFor="case-allegation">{t('caseForm.allegation')}</label>
          <textarea
            id="case-allegation"
            rows={3}
            value={draft.allegationSummary}
            onChange={(e) => set('allegationSummary', e.target.value)}
          />
        </div>
      )}
      {problem ? (
        <p className="notice" role="status">
          {problem}
        </p>
      ) : null}
      <ErrorNotice error={error} />
      <div className="actions">
        <button type="submit" className="button-primary" disabled={busy}>
          {caseId ? t('caseForm.save') : t('caseForm.create')}
        </button>
        <button type="button" className="button-quiet" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
