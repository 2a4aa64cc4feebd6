// Finish: review the whole timeline, then seal. Sealing is explained in plain words before it
// happens; after it, the record cannot change and only addenda (dated, signed by the author)
// can be added.
import { useCallback, useEffect, useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChannelResponse, CoreError } from '../bridge/client';
import { useClient } from '../bridge/context';
import { useApp } from '../app/app-context';
import { UnreadableSessionsNotice } from '../common/unreadable-sessions';
import { ErrorNotice } from '../common/error-notice';
import { formatDuration } from '../common/format';
import { nextPlannedSession } from '../common/next-session';
import { planOfSession } from '../common/session-plan';
import { ScreenHeading } from '../common/heading';
import type { SessionSummary } from '../live/use-session';
import type { SessionSummary as ListedSession } from '../cases/types';
import { RecordingFingerprint } from '../export/recording-fingerprint';
import { TimelineTable } from './timeline-table';
import { eventWhat, renderFact, type Translate } from '../../src/export/verify-facts';
import { HandoffStep } from './handoff-step';
import { PendingSuggestionsStep } from './pending-suggestions-step';

type TimelineEvent = ChannelResponse<'sessions.timeline'>['events'][number];
type WithheldEvent = NonNullable<ChannelResponse<'sessions.timeline'>['withheld']>[number];

/** An event written after the seal by someone other than the interviewer (no text). */
interface AfterSealShown {
  seq: number;
  by: string;
  at: string;
  type: string;
  kind?: string | undefined;
}

export function FinishScreen({ sessionId }: { sessionId: string }) {
  const { t } = useTranslation();
  // The event's type and kind are codes ("media-aid", "mdt"): worded from the verifier's catalog,
  // as `hearth verify` words the same events in its WRITTEN AFTER THE SEAL finding.
  const { t: tVerify } = useTranslation('verify');
  const verifyT: Translate = (key, options) => tVerify(key, options ?? {});
  const client = useClient();
  const { go } = useApp();
  const [summary, setSummary] = useState<SessionSummary | null>(null);
  const [events, setEvents] = useState<TimelineEvent[]>([]);
  // Events sealed for other roles (sec52): shown as placeholder rows in the timeline.
  const [withheld, setWithheld] = useState<WithheldEvent[]>([]);
  const [error, setError] = useState<CoreError | null>(null);
  const [understood, setUnderstood] = useState(false);
  const [sealing, setSealing] = useState(false);
  const [head, setHead] = useState<string | null>(null);
  const [verified, setVerified] = useState<boolean | null>(null);
  // Events others wrote after the seal (red team round 10, R10-14): named, outside the record.
  const [afterSeal, setAfterSeal] = useState<AfterSealShown[]>([]);
  const [addendum, setAddendum] = useState('');
  const [addendumError, setAddendumError] = useState<CoreError | null>(null);
  /** The case's live sessions, to tell whether the next session of the series is still to plan. */
  const [caseSessions, setCaseSessions] = useState<ListedSession[]>([]);
  /** Other interviews of the case that could not be read (R25-1): the next session may be wrong. */
  const [unreadableSiblings, setUnreadableSiblings] = useState(0);
  /** The end-of-interview hand-off step: shown first, until saved or skipped. */
  const [handoff, setHandoff] = useState<'open' | 'saved' | 'skipped'>('open');
  /** Observer suggestions still waiting: the seal waits until each is decided or left undecided. */
  const [pendingSuggestions, setPendingSuggestions] = useState(0);

  const load = useCallback(async () => {
    const [got, timeline] = await Promise.all([
      client.call('sessions.get', { sessionId }),
      client.call('sessions.timeline', { sessionId }),
    ]);
    if (!got.ok) return setError(got.error);
    if (!timeline.ok) return setError(timeline.error);
    setError(null);
    setSummary(got.value);
    setEvents(timeline.value.events);
    setWithheld(timeline.value.withheld ?? []);
    // Events sealed for other roles (sec52): this sign-in cannot recompute the seal, which is
    // not a failure of the record; say so instead of running a check that cannot pass.
    if (got.value.status === 'sealed' && (got.value.withheldEvents ?? []).length > 0) {
      setVerified(null);
    } else if (got.value.status === 'sealed') {
      const check = await client.call('sessions.verify', { sessionId });
      setVerified(check.ok ? check.value.ok : null);
      const after = check.ok ? (check.value.writtenAfterSeal ?? []) : [];
      setAfterSeal(after);
      // Only events written after the seal: the sealed record itself verified.
      if (check.ok && after.length > 0 && (check.value.foreignEvents ?? []).length === 0)
        setVerified(true);
      const caseId = got.value.caseId;
      if (got.value.extended && caseId) {
        const listed = await client.call('sessions.list', { caseId, mode: 'live' });
        if (listed.ok) {
          setCaseSessions(listed.value.sessions);
          setUnreadableSiblings(listed.value.unreadable?.length ?? 0);
        }
      }
    }
  }, [client, sessionId]);

  useEffect(() => {
    void load();
  }, [load]);

  const seal = async () => {
    setSealing(true);
    const result = await client.call('sessions.finalize', { sessionId });
    setSealing(false);
    if (!result.ok) return setError(result.error);
    setHead(result.value.head);
    await load();
  };

  const addAddendum = async (e: FormEvent) => {
    e.preventDefault();
    if (addendum.trim() === '') return;
    const result = await client.call('sessions.addAddendum', { sessionId, text: addendum });
    // On failure the text stays in the box.
    if (!result.ok) return setAddendumError(result.error);
    setAddendumError(null);
    setAddendum('');
    await load();
  };

  const titles = useMemo(() => {
    const map = new Map<string, string>();
    if (!summary) return map;
    // Without a plan the ids are shown as they are. Session k of an extended interview has
    // its own session's phases (a later session's "reconnect").
    for (const phase of planOfSession(summary)?.sessions.flatMap((x) => x.phases) ?? []) {
      map.set(phase.id, phase.title);
      for (const item of phase.checklist) map.set(`item:${item.id}`, item.label);
    }
    return map;
  }, [summary]);
  const coach = useMemo(
    () => ({
      language: summary?.language.toLowerCase().startsWith('es')
        ? ('es' as const)
        : ('en' as const),
      childWords: events.flatMap((e) =>
        e.type === 'note' && e.kind === 'child' && e.text !== undefined && !e.superseded
          ? [e.text, ...(e.original ? [e.original.text] : [])]
          : [],
      ),
      childAgeYears: summary?.ageYears ?? 0,
    }),
    [summary, events],
  );
  const onPending = useCallback(
    (n: number) => {
      setPendingSuggestions(n);
      // A decision is a sealed event: the timeline below shows it.
      void client.call('sessions.timeline', { sessionId }).then((r) => {
        if (r.ok) setEvents(r.value.events);
      });
    },
    [client, sessionId],
  );
  const sealed = summary?.status === 'sealed';
  const last = events[events.length - 1];
  const next = summary ? nextPlannedSession(summary, caseSessions) : null;
  return (
    <section className="screen">
      <ScreenHeading>{sealed ? t('finish.sealedTitle') : t('finish.title')}</ScreenHeading>
      <ErrorNotice error={error} onRetry={() => void load()} />
      <UnreadableSessionsNotice count={unreadableSiblings} where="finish" />
      {summary ? (
        <p className="lead">
          {t('finish.summary', {
            count: events.length + withheld.length,
            duration: formatDuration(last?.elapsedMs ?? 0),
          })}
        </p>
      ) : null}
      {summary && !sealed && summary.caseId && handoff === 'open' ? (
        <HandoffStep
          caseId={summary.caseId}
          sessionId={sessionId}
          onDone={(saved) => setHandoff(saved ? 'saved' : 'skipped')}
        />
      ) : null}
      {handoff !== 'open' && !sealed ? (
        <p className="quiet-box" role="status">
          {t(handoff === 'saved' ? 'team:handoffStep.saved' : 'team:handoffStep.skipped')}
        </p>
      ) : null}
      {summary && !sealed ? (
        <PendingSuggestionsStep sessionId={sessionId} coach={coach} onPending={onPending} />
      ) : null}
      {summary && !sealed ? <RecordingFingerprint sessionId={sessionId} /> : null}
      {summary && !sealed ? (
        <section className="panel seal-panel" aria-labelledby="seal-heading">
          <h2 id="seal-heading">{t('finish.sealHeading')}</h2>
          <p>{t('finish.sealExplain1')}</p>
          <p>{t('finish.sealExplain2')}</p>
          <div className="check">
            <input
              id="seal-understood"
              type="checkbox"
              checked={understood}
              onChange={(e) => setUnderstood(e.target.checked)}
            />
            <label htmlFor="seal-understood">{t('finish.sealConfirm')}</label>
          </div>
          {pendingSuggestions > 0 ? (
            <p className="notice" role="status">
              {t('team:pendingStep.sealBlocked')}
            </p>
          ) : null}
          <div className="actions">
            <button
              type="button"
              className="button-primary"
              disabled={!understood || sealing || pendingSuggestions > 0}
              onClick={() => void seal()}
            >
              {sealing ? t('finish.sealing') : t('finish.seal')}
            </button>
            <button
              type="button"
              className="button-quiet"
              onClick={() => go({ name: 'live', sessionId })}
            >
              {t('finish.backToInterview')}
            </button>
          </div>
        </section>
      ) : null}
      {sealed ? (
        <section className="panel" aria-labelledby="sealed-heading">
          <h2 id="sealed-heading">{t('finish.sealedHeading')}</h2>
          <p role="status">
            {verified === true
              ? t('finish.verifiedOk')
              : verified === false
                ? t('finish.verifiedBad')
                : (summary?.withheldEvents ?? []).length > 0
                  ? t('finish.withheld.cannotVerify')
                  : t('finish.sealedAt')}
          </p>
          {afterSeal.length > 0 ? (
            <div role="alert" className="warning">
              <p>{t('finish.writtenAfterSeal')}</p>
              <ul>
                {afterSeal.map((e) => (
                  <li key={e.seq}>
                    {t('finish.writtenAfterSealItem', {
                      seq: e.seq,
                      what: renderFact(verifyT, eventWhat(e.type, e.kind)),
                      by: e.by,
                      at: e.at,
                    })}
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
          {summary?.extended ? (
            <p>
              {t('finish.sealedPlace', {
                index: summary.extended.index,
                planned: summary.extended.planned,
              })}
              {next ? ` ${t('finish.nextPlanned', { index: next.index })}` : ''}
            </p>
          ) : null}
          {head ? (
            <p className="fingerprint">
              {t('finish.head')} <code>{head}</code>
            </p>
          ) : null}
          <div className="actions">
            <button
              type="button"
              className="button-primary"
              onClick={() => go({ name: 'report', sessionId })}
            >
              {t('finish.openReport')}
            </button>
            <button
              type="button"
              className="button-quiet"
              onClick={() => go({ name: 'export', sessionId })}
            >
              {t('finish.export')}
            </button>
            {next && summary?.caseId ? (
              <button
                type="button"
                className="button-quiet"
                onClick={() =>
                  go({ name: 'plan', caseId: summary.caseId ?? '', continueFrom: sessionId })
                }
              >
                {t('finish.planNext', { index: next.index })}
              </button>
            ) : null}
          </div>
          <form onSubmit={(e) => void addAddendum(e)} className="addendum">
            <label htmlFor="addendum-text">{t('finish.addendumLabel')}</label>
            <p id="addendum-hint" className="field-hint">
              {t('finish.addendumHint')}
            </p>
            <textarea
              id="addendum-text"
              rows={3}
              value={addendum}
              aria-describedby="addendum-hint"
              onChange={(e) => setAddendum(e.target.value)}
            />
            <ErrorNotice error={addendumError} />
            <button type="submit" className="button-quiet" disabled={addendum.trim() === ''}>
              {t('finish.addAddendum')}
            </button>
          </form>
        </section>
      ) : null}
      <TimelineTable events={events} titles={titles} withheld={withheld} />
    </section>
  );
}
