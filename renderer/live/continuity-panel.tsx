// A later session of an extended interview on the live screen: "Session k of n", the session's
// focus and the protocol's rules for later sessions (each with its source), and the continuity
// summary of the earlier sealed sessions (sessions.continuity): the words the child said first
// (and the kept keywords held back, with why), the child's words as recorded, the questions
// already asked with the child's answers (no-repeat rule), the phases covered and what was not
// reached, for the record and never as gaps to close. Closed by default, one line high, so the
// note box keeps its room; nothing here is inferred or reworded, and the reconnect line is only
// ever filled with a word the child said first, in the child's own phrase (reconnectLine).
import { memo, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { reconnectLine, type SessionPlan } from '../../src/protocols';
import type { ChannelResponse, CoreError } from '../bridge/client';
import { useClient } from '../bridge/context';
import { ErrorNotice } from '../common/error-notice';
import { formatDateTime, formatDuration } from '../common/format';
import { SourceLabel } from '../sources/source-label';
import { notToRepeat } from './guidance-panel';
import type { CarriedIn } from './entries';

export type Continuity = ChannelResponse<'sessions.continuity'>;
type EarlierSession = Continuity['sessions'][number];

/** A prompt asked in an earlier session: which session, and the child's answer if recorded. */
export interface AskedBefore {
  index: number;
  answer?: string;
}

/**
 * The protocol prompts asked in the earlier sessions, by prompt id (the latest session that asked
 * each), for marking them in this session's prompt list (no-repeat rule).
 */
export function promptsAskedBefore(
  continuity: Continuity | null,
): ReadonlyMap<string, AskedBefore> {
  const out = new Map<string, AskedBefore>();
  for (const s of continuity?.sessions ?? [])
    for (const q of s.questionsAsked)
      if (q.promptId)
        out.set(q.promptId, {
          index: s.index,
          ...(q.answer !== undefined ? { answer: q.answer } : {}),
        });
  return out;
}

/** A word the child said first in an earlier session, with the reconnect line it fills. */
export interface EarlierTopic {
  /** The child's phrase around the kept word ("the basement"), else the kept word. */
  label: string;
  /** 1-based session the child said it in. */
  session: number;
  /** The protocol's reconnect line filled with the child's words (reconnectLine), cited. */
  line: string;
}

/**
 * The words the child said first in the earlier sessions (continuity topics), newest session
 * first, each with its filled reconnect line, for the side column's "The child's words" chips
 * (newcomer 6, #8). Empty for session 1, an unreadable summary, or a plan with no reconnect
 * prompt. Only topics are used: held keywords (said first by the interviewer, or no longer in the
 * child's words) never become a chip.
 */
export function earlierTopics(continuity: Continuity | null, plan: SessionPlan): EarlierTopic[] {
  const out: EarlierTopic[] = [];
  const seen = new Set<string>();
  for (const s of [...(continuity?.sessions ?? [])].sort((a, b) => b.index - a.index))
    for (const topic of s.topics) {
      const line = reconnectLine(plan, topic);
      const label = topic.phrase ?? topic.keyword;
      if (!line || seen.has(label.toLowerCase())) continue;
      seen.add(label.toLowerCase());
      out.push({ label, session: s.index, line: line.text });
    }
  return out;
}

/**
 * The reluctance this session starts with, carried from an earlier session (sessions.continuity:
 * the session whose "Child reluctant" still stands, src/interview/reluctance.ts), or null: this
 * session's guidance starts with it (supportive prompts from the first phase on) until the
 * interviewer presses "Reluctance ended".
 */
export function reluctantEarlierSession(continuity: Continuity | null): CarriedIn | null {
  const r = continuity?.reluctance;
  return r ? { session: r.session, startedAt: r.startedAt } : null;
}

export type ContinuityState = {
  value: Continuity | null;
  error: CoreError | null;
  reload: () => void;
};

/** Fetches the continuity summary once per session (later sessions only). */
export function useContinuity(sessionId: string, later: boolean): ContinuityState {
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
  continuity,
  plan,
  onUseLine,
}: {
  /** useContinuity's state, shared with the prompt list (which marks prompts asked before). */
  continuity: ContinuityState;
  plan: SessionPlan;
  onUseLine: (text: string) => void;
}) {
  const { t } = useTranslation();
  const panel = useRef<HTMLDetailsElement>(null);
  const place = plan.extended;
  const later = (place?.index ?? 1) > 1;
  const session = plan.sessions[0];
  if (!place || !session) return null;
  const earlier = continuity.value?.sessions ?? [];
  return (
    <details
      className="continuity quiet-box"
      data-testid="continuity"
      ref={panel}
      // Closed after the side column was scrolled down inside it, the column would stay scrolled
      // and cut its first action button at the top edge, under the phase banner (newcomer 7,
      // finding 7): closing brings the panel's title, the column's top, back into view.
      onToggle={(e) => {
        if (!e.currentTarget.open)
          e.currentTarget.querySelector('summary')?.scrollIntoView?.({ block: 'nearest' });
      }}
    >
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
          <details className="continuity-fold">
            <summary>{t('live.extended.rulesFold', { count: place.rules.length })}</summary>
            <ul className="continuity-rules">
              {place.rules.map((r) => (
                <li key={r.id}>
                  {r.text} <SourceLabel compact source={r.source} />
                </li>
              ))}
            </ul>
          </details>
        ) : null}
        {later ? (
          <p className="field-hint">
            {place.planned > place.index
              ? t('live.extended.after', { count: place.planned - place.index })
              : t('live.extended.lastSession')}
          </p>
        ) : null}
        <button
          type="button"
          className="button-quiet small"
          onClick={() => {
            const details = panel.current;
            if (!details) return;
            details.open = false;
            details.querySelector('summary')?.focus();
          }}
        >
          {t('live.extended.close')}
        </button>
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
      {s.reluctanceNoted.length > 0 ? (
        <p className="continuity-reluctance" data-testid="continuity-reluctance">
          {t('live.extended.reluctanceNoted', {
            index: s.index,
            times: s.reluctanceNoted
              .map((r) =>
                r.phaseTitle
                  ? t('live.extended.reluctanceAt', {
                      at: formatDuration(r.elapsedMs),
                      phase: r.phaseTitle,
                    })
                  : formatDuration(r.elapsedMs),
              )
              .join(' · '),
          })}
        </p>
      ) : null}
      <h4>{t('live.extended.topics')}</h4>
      {s.topics.length === 0 ? (
        <p className="field-hint">{t('live.extended.noTopics')}</p>
      ) : (
        <ul className="chips">
          {s.topics.map((topic) => {
            const line = reconnectLine(plan, topic);
            const label = topic.phrase ?? topic.keyword;
            return (
              <li key={topic.keyword}>
                {line ? (
                  <button
                    type="button"
                    className="chip"
                    onClick={() => onUseLine(line.text)}
                    aria-label={t('live.extended.useTopic', { topic: label })}
                    title={line.text}
                  >
                    {t('live.extended.topicButton', { topic: label })}
                  </button>
                ) : (
                  <span className="chip">{label}</span>
                )}
              </li>
            );
          })}
        </ul>
      )}
      {s.topicsHeld.length > 0 ? (
        <details className="continuity-fold">
          <summary>{t('live.extended.heldFold', { count: s.topicsHeld.length })}</summary>
          <p className="field-hint">{t('live.extended.heldTopics')}</p>
          <ul className="continuity-held">
            {s.topicsHeld.map((h) => (
              <li key={h.keyword}>
                {h.reason === 'interviewer-first'
                  ? t(
                      h.interviewerSession !== undefined
                        ? 'live.extended.heldInterviewerFirstEarlier'
                        : 'live.extended.heldInterviewerFirst',
                      {
                        keyword: h.keyword,
                        at: formatDuration(h.interviewerAtMs ?? 0),
                        session: h.interviewerSession,
                      },
                    )
                  : t('live.extended.heldNotInWords', { keyword: h.keyword })}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
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
      <NotReached s={s} />
      {s.questionsAsked.length === 0 ? (
        <>
          <h4>{t('live.extended.asked')}</h4>
          <p className="field-hint">{t('live.extended.noneAsked')}</p>
        </>
      ) : (
        <details className="continuity-fold">
          <summary>{t('live.extended.askedFold', { count: s.questionsAsked.length })}</summary>
          <ol className="continuity-asked">
            {s.questionsAsked.map((q, i) => (
              <li key={i}>
                <span className="time">{formatDuration(q.elapsedMs)}</span> “{q.text}”
                {q.promptId ? ` (${t('live.extended.protocolPrompt')})` : null}
                {notToRepeat({ kind: q.questionType, lastResort: false })
                  ? ` · ${t('live.extended.doNotRepeat')}`
                  : null}
                {' · '}
                <span className="answer">
                  {q.answer !== undefined
                    ? t('live.extended.answer', { text: q.answer })
                    : t('live.extended.noAnswer')}
                </span>
              </li>
            ))}
          </ol>
        </details>
      )}
      <p>
        <span className="continuity-label">{t('live.extended.covered')}:</span>{' '}
        {s.phasesCovered.map((p) => p.title).join(' · ') || t('live.extended.nothing')}
      </p>
    </section>
  );
}

/** What an earlier session did not reach: for the record, with the rule that nothing is pressed. */
function NotReached({ s }: { s: EarlierSession }) {
  const { t } = useTranslation();
  // Only which phases were entered is known: the lines say nothing about what the child told.
  const substantive = s.phasesNotReached.filter((p) => p.substantive && !p.teamBreak);
  const teamBreak = s.phasesNotReached.filter((p) => p.teamBreak);
  const other = s.phasesNotReached.filter((p) => !p.substantive && !p.teamBreak);
  return (
    <>
      <h4>{t('live.extended.remains')}</h4>
      {s.phasesNotReached.length === 0 && s.leftOpen.length === 0 ? (
        <p className="field-hint">{t('live.extended.nothingRemains')}</p>
      ) : (
        <>
          <p className="field-hint">{t('live.extended.remainsRule')}</p>
          <ul className="continuity-not-reached">
            {substantive.length > 0 ? (
              <li key="substantive">
                {t('live.extended.notReachedSubstantive', {
                  index: s.index,
                  titles: substantive.map((p) => p.title).join(' · '),
                })}
              </li>
            ) : null}
            {teamBreak.map((p) => (
              <li key={`break-${p.id}`}>
                {t('live.extended.notReachedBreak', { title: p.title })}
              </li>
            ))}
            {other.map((p) => (
              <li key={`phase-${p.id}`}>
                {t(p.optional ? 'live.extended.notReachedOptional' : 'live.extended.notReached', {
                  title: p.title,
                })}
              </li>
            ))}
            {s.leftOpen.map((o, i) => (
              <li key={`open-${i}`}>
                {t('live.extended.leftOpen', { phase: o.phaseTitle, label: o.label })}
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}
