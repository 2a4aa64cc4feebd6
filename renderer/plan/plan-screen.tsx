// Plan: protocol, age band (confirmed), interview language, observers and room, with a preview
// of the phases. Planning is pure (src/protocols), so the preview updates instantly.
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  ageBandFor,
  isProtocolError,
  listProtocols,
  planSession,
  type SessionPlan,
} from '../../src/protocols';
import type { CoreError } from '../bridge/client';
import { useClient } from '../bridge/context';
import { useApp } from '../app/app-context';
import type { CaseView } from '../cases/types';
import { ErrorNotice } from '../common/error-notice';
import { Field } from '../common/field';
import { ScreenHeading } from '../common/heading';
import { asInterviewLanguage, INTERVIEW_LANGUAGES, type InterviewLanguage } from './languages';
import { ObserverList, type Observer } from './observer-list';
import { PlanningPanel } from '../planning/planning-panel';

const DEFAULT_PROTOCOL = 'nichd';

export function PlanScreen({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const client = useClient();
  const { go } = useApp();
  const [theCase, setCase] = useState<CaseView | null>(null);
  const [error, setError] = useState<CoreError | null>(null);
  const [protocolId, setProtocolId] = useState(DEFAULT_PROTOCOL);
  const [language, setLanguage] = useState<InterviewLanguage>('en');
  const [bandConfirmed, setBandConfirmed] = useState(false);
  const [observers, setObservers] = useState<Observer[]>([]);
  const [room, setRoom] = useState('');
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    void client.call('cases.get', { caseId }).then((result) => {
      if (!result.ok) return setError(result.error);
      setCase(result.value);
      setLanguage(asInterviewLanguage(result.value.language));
    });
  }, [client, caseId]);

  const protocols = useMemo(() => listProtocols(language), [language]);
  const age = theCase?.childAgeYears ?? null;
  const band = useMemo(() => {
    try {
      return age === null ? null : ageBandFor(age);
    } catch {
      return null;
    }
  }, [age]);

  const planned = useMemo((): { plan: SessionPlan } | { problem: string } | null => {
    if (!theCase || age === null) return null;
    try {
      return {
        plan: planSession(protocolId, age, language, {
          allegationBlind: theCase.allegationBlind,
          interpreter: theCase.interpreterNeeded,
        }),
      };
    } catch (e) {
      const code = isProtocolError(e) ? e.code : 'OTHER';
      return { problem: code === 'UNSUPPORTED_AGE' ? t('plan.unsupportedAge') : t('plan.noPlan') };
    }
  }, [theCase, age, protocolId, language, t]);

  const start = async () => {
    if (!theCase || !planned || !('plan' in planned)) return;
    setBusy(true);
    const named = observers.map((o) => ({
      role: o.role,
      ...(o.name.trim() ? { name: o.name.trim() } : {}),
    }));
    const result = await client.call('sessions.start', {
      caseId,
      protocolId,
      mode: 'live',
      language,
      observers: named,
      ...(room.trim() ? { room: room.trim() } : {}),
    });
    setBusy(false);
    if (!result.ok) return setError(result.error);
    go({
      name: 'live',
      sessionId: result.value.sessionId,
      planOptions: {
        allegationBlind: theCase.allegationBlind,
        interpreter: theCase.interpreterNeeded,
      },
    });
  };

  if (!theCase) {
    return (
      <section className="screen">
        <ScreenHeading>{t('plan.title')}</ScreenHeading>
        {error ? <ErrorNotice error={error} /> : <p>{t('common.loading')}</p>}
      </section>
    );
  }

  const plan = planned && 'plan' in planned ? planned.plan : null;
  return (
    <section className="screen">
      <ScreenHeading>{t('plan.title')}</ScreenHeading>
      <p className="lead">
        {t('plan.forCase', { reference: theCase.reference, alias: theCase.childAlias })}
      </p>
      <div className="plan-layout">
        <div className="panel">
          <div className="field">
            <label htmlFor="plan-protocol">{t('plan.protocol')}</label>
            <select
              id="plan-protocol"
              value={protocolId}
              onChange={(e) => setProtocolId(e.target.value)}
            >
              {protocols.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="plan-language">{t('plan.language')}</label>
            <select
              id="plan-language"
              value={language}
              onChange={(e) => setLanguage(asInterviewLanguage(e.target.value))}
            >
              {INTERVIEW_LANGUAGES.map((code) => (
                <option key={code} value={code}>
                  {t(`languages.${code}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="quiet-box">
            <p>
              {band
                ? t('plan.band', { age: theCase.childAgeYears, band: plan?.band.label ?? band })
                : t('plan.unsupportedAge')}
            </p>
            {plan ? (
              <p className="field-hint">
                {t('plan.breakEvery', { minutes: Math.round(plan.breakIntervalMs / 60_000) })}
              </p>
            ) : null}
            <div className="check">
              <input
                id="plan-band-ok"
                type="checkbox"
                checked={bandConfirmed}
                onChange={(e) => setBandConfirmed(e.target.checked)}
              />
              <label htmlFor="plan-band-ok">{t('plan.confirmBand')}</label>
            </div>
          </div>
          <ObserverList observers={observers} onChange={setObservers} />
          <Field label={t('plan.room')} value={room} onChange={(e) => setRoom(e.target.value)} />
          <ErrorNotice error={error} />
          <button
            type="button"
            className="button-primary"
            disabled={!plan || !bandConfirmed || busy}
            onClick={() => void start()}
          >
            {t('plan.start')}
          </button>
          {!bandConfirmed ? <p className="field-hint">{t('plan.confirmFirst')}</p> : null}
        </div>
        <section className="panel" aria-labelledby="phase-preview">
          <h2 id="phase-preview">{t('plan.preview')}</h2>
          {planned && 'problem' in planned ? <p className="notice">{planned.problem}</p> : null}
          {plan ? (
            <ol className="phase-preview">
              {plan.sessions[0]?.phases.map((phase) => (
                <li key={phase.id}>
                  <strong>{phase.title}</strong>
                  {phase.optional ? <span className="tag">{t('plan.optional')}</span> : null}
                  <span className="phase-goal">{phase.goal}</span>
                </li>
              ))}
            </ol>
          ) : null}
        </section>
      </div>
      <PlanningPanel caseId={caseId} childAgeYears={theCase.childAgeYears} />
    </section>
  );
}
