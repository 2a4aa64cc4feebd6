// A later session of an extended interview on the live screen: "Session k of n", the session's
// focus and the protocol's rules for later sessions (each with its source), and the continuity
// summary of the earlier sealed sessions (sessions.continuity): the topics marked in the child's
// words, the child's words as recorded, the phases covered and what remains. Closed by default,
// one line high, so the note box keeps its room; nothing here is inferred or reworded, and the
// reconnect line is only ever filled with a topic the child said (reconnectLine).
import { memo, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { reconnectLine, type SessionPlan } from '../../src/protocols';
import type { ChannelResponse, CoreError } from '../bridge/client';
import { useClient } from '../bridge/context';
import { ErrorNotice } from '../common/error-notice';
import { formatDateTime, formatDuration } from '../common/format';
import { SourceLabel } from '../sources/source-label';

type Continuity = ChannelResponse<'sessions.continuity'>;
type EarlierSession = Continuity['sessions'][number];

/** Fetches the continuity summary once per session (later sessions only). */
function useContinuity(
  sessionId: string,
  later: boolean,
): { value: Continuity | null; error: CoreError | null; reload: () => void } {
  const client = useClient();
  const [value, setValue] = useState<Continuity | null>(null);
  const [error, setError] = useState<CoreError | null>(null);
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    if (!later) return undefined;
    let live = true;
    void client.call('sessions.continuity', { sessionId }).then((r) => {
      if (!live) return;
      if (r.ok) {
        setValue(r.value);
        setError(null);
      } else setError(r.error);
    });
    return () => {
      live = false;
    };
  }, [client, sessionId, later, attempt]);
  return { value, error, reload: () => setAttempt((n) => n + 1) };
}

/**
 * Shown only for a session of an extended interview (plan.extended). `onUseLine` puts a filled
 * reconnect line into the note box as a question, for the interviewer to read and send.
 */
export const ContinuityPanel = memo(function ContinuityPanel({
  sessionId,
  plan,
  onUseLine,
}: {
  sessionId: string;
  plan: SessionPlan;
  onUseLine: (text: string) => void;
}) {
  const { t } = useTranslation();
  const place = plan.extended;
  const later = (place?.index ?? 1) > 1;
  const continuity = useContinuity(sessionId, later);
  const session = plan.sessions[0];
  if (!place || !session) return null;
  const earlier = continuity.value?.sessions ?? [];
  return (
    <details className="continuity quiet-box" data-testid="continuity">
      <summary>
        <strong>{t('live.extended.place', { index: place.index, planned: place.planned })}</strong>
        {later && continuity.value
          ? ` · ${t('live.extended.earlier', { count: earlier.length })}`
          : null}
      </summary>
      <div className="continuity-body">
        <p>
          {session.focus} <SourceLabel compact source={session.source} />
        </p>
        <ErrorNotice error={continuity.error} onRetry={continuity.reload} />
        {later && continuity.value && earlier.length === 0 ? (
          <p className="field-hint">{t('live.extended.noneReadable')}</p>
        ) : null}
        {earlier.map((s) => (
          <EarlierSessionView key={s.sessionId} s={s} plan={plan} onUseLine={onUseLine} />
        ))}
        {place.rules.length > 0 ? (
          <>
            <h3>{t('live.extended.rules')}</h3>
            <ul className="continuity-rules">
              {place.rules.map((r) => (
                <li key={r.id}>
                  {r.text} <SourceLabel compact source={r.source} />
                </li>
              ))}
            </ul>
          </>
        ) : null}
        {later ? (
          <p className="field-hint">
            {place.planned > place.index
              ? t('live.extended.after', { count: place.planned - place.index })
              : t('live.extended.lastSession')}
          </p>
        ) : null}
      </div>
    </details>
  );
});

function EarlierSessionView({
  s,
  plan,
  onUseLine,
}: {
  s: EarlierSession;
  plan: SessionPlan;
  onUseLine: (text: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const headingId = `continuity-${s.sessionId}`;
  return (
    <section className="continuity-session" aria-labelledby={headingId}>
      <h3 id={headingId}>
        {t('live.extended.sessionHeading', {
          index: s.index,
          when: formatDateTime(s.startedAt, i18n.language),
          interviewer: s.interviewer,
        })}
      </h3>
      <h4>{t('live.extended.topics')}</h4>
      {s.topics.length === 0 ? (
        <p className="field-hint">{t('live.extended.noTopics')}</p>
      ) : (
        <ul className="chips">
          {s.topics.map((topic) => {
            const line = reconnectLine(plan, topic);
            return (
              <li key={topic}>
                {line ? (
                  <button
                    type="button"
                    className="chip"
                    onClick={() => onUseLine(line.text)}
                    aria-label={t('live.extended.useTopic', { topic })}
                    title={line.text}
                  >
                    {topic}
                  </button>
                ) : (
                  <span className="chip">{topic}</span>
                )}
              </li>
            );
          })}
        </ul>
      )}
      <h4>{t('live.extended.childWords')}</h4>
      {s.childWords.length === 0 ? (
        <p className="field-hint">{t('live.extended.noChildWords')}</p>
      ) : (
        <ol className="continuity-words">
          {s.childWords.map((w, i) => (
            <li key={i}>
              <span className="time">{formatDuration(w.elapsedMs)}</span> “{w.text}”
              {w.original ? (
                <span className="original">
                  {' '}
                  {t('live.extended.original', {
                    language: w.original.language,
                    text: w.original.text,
                  })}
                </span>
              ) : null}
            </li>
          ))}
        </ol>
      )}
      <h4>{t('live.extended.covered')}</h4>
      <p>{s.phasesCovered.map((p) => p.title).join(' · ') || t('live.extended.nothing')}</p>
      <h4>{t('live.extended.remains')}</h4>
      {s.phasesNotReached.length === 0 && s.leftOpen.length === 0 ? (
        <p className="field-hint">{t('live.extended.nothingRemains')}</p>
      ) : (
        <ul>
          {s.phasesNotReached.map((p) => (
            <li key={`phase-${p.id}`}>
              {t(p.optional ? 'live.extended.notReachedOptional' : 'live.extended.notReached', {
                title: p.title,
              })}
            </li>
          ))}
          {s.leftOpen.map((o, i) => (
            <li key={`open-${i}`}>
              {o.phaseTitle}: {o.label}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
