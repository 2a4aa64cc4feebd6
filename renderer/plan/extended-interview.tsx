// Extended (multi-session) interviews on the plan screen: one session (the default), the first
// session of an extended interview of n sessions, or a session that continues an earlier one of
// this case. Earlier sessions are named by date, time, interviewer and their place ("session 1
// of 3"), never by content. What fits is worked out here from the earlier session's summary so
// the plan shows "session k of n" and the later-session rules before anything is written; the
// core checks the same rules again at sessions.start (src/interview/extended.ts).
import { useTranslation } from 'react-i18next';
import {
  extendedSessionGuidance,
  extendedSessionLimits,
  type ExtendedSessionGuidance,
} from '../../src/protocols';
import { useApp, type SignedInUser } from '../app/app-context';
import { formatDateTime } from '../common/format';
import { staffName } from '../common/staff-name';
import { protocolName } from '../common/session-label';
// Listed sessions (sessions.list); a sessions.get result is one too.
import type { SessionSummary } from '../cases/types';
import { HearthTopicNote, SourceLabel } from '../sources/source-label';

export type ExtendedChoice =
  | { kind: 'single' }
  | { kind: 'first'; planned: number }
  | { kind: 'continues'; previousSessionId: string };

export const SINGLE: ExtendedChoice = { kind: 'single' };

/** The rules the core applies (extended.ts), by the name its errors give in `fields`. */
export type LinkProblem =
  'notLinked' | 'notLinkedSealed' | 'previousOpen' | 'complete' | 'otherProtocol' | 'none';

/** The `sessions.start` field for a choice, or a problem that blocks the start. */
export type Continuation =
  | { kind: 'single' }
  | {
      kind: 'linked';
      index: number;
      planned: number;
      request: { plannedSessions: number; previousSessionId?: string };
    }
  | { kind: 'problem'; problem: LinkProblem };

/**
 * Where a choice puts the new session. `earlier`: the live sessions of this case. Mirrors
 * extendedLinkBody: same protocol, the earlier session linked and sealed, its series not complete.
 */
export function continuationOf(
  choice: ExtendedChoice,
  earlier: readonly SessionSummary[],
  protocolId: string,
): Continuation {
  if (choice.kind === 'single') return { kind: 'single' };
  if (choice.kind === 'first')
    return {
      kind: 'linked',
      index: 1,
      planned: choice.planned,
      request: { plannedSessions: choice.planned },
    };
  const prev = earlier.find((s) => s.sessionId === choice.previousSessionId);
  if (!prev) return { kind: 'problem', problem: 'none' };
  if (prev.protocolId !== protocolId) return { kind: 'problem', problem: 'otherProtocol' };
  if (!prev.extended)
    return {
      kind: 'problem',
      problem: prev.status === 'sealed' ? 'notLinkedSealed' : 'notLinked',
    };
  if (prev.extended.index >= prev.extended.planned) return { kind: 'problem', problem: 'complete' };
  // A later session begins after the earlier one has ended and been sealed.
  if (prev.status !== 'sealed') return { kind: 'problem', problem: 'previousOpen' };
  return {
    kind: 'linked',
    index: prev.extended.index + 1,
    planned: prev.extended.planned,
    request: { plannedSessions: prev.extended.planned, previousSessionId: prev.sessionId },
  };
}

/**
 * The choice kept when the protocol changes: one session for a protocol without an extended
 * model, a planned count within the new protocol's limit (a count never silently exceeds it).
 */
export function keptFor(choice: ExtendedChoice, protocolId: string): ExtendedChoice {
  const limits = extendedSessionLimits(protocolId);
  if (!limits) return SINGLE;
  if (choice.kind === 'first' && choice.planned > limits.maxSessions)
    return { kind: 'first', planned: limits.maxSessions };
  return choice;
}

/** The earlier session to offer first: the latest one whose series can go on, else the latest. */
export function defaultEarlier(earlier: readonly SessionSummary[]): string | undefined {
  const open = earlier.filter((s) => s.extended && s.extended.index < s.extended.planned);
  return (open.at(-1) ?? earlier.at(-1))?.sessionId;
}

/** "29 Nov 2026, 10:44 · Ada Admin (ada) · session 1 of 3 · sealed": never the content. */
function earlierLabel(
  s: SessionSummary,
  t: (key: string, vars?: Record<string, unknown>) => string,
  uiLanguage: string,
  signedIn: SignedInUser,
): string {
  const place = s.extended
    ? t('plan.extended.place', { index: s.extended.index, planned: s.extended.planned })
    : t('plan.extended.singlePlace');
  return [
    formatDateTime(s.startedAt, uiLanguage),
    staffName(s.interviewer, signedIn),
    place,
    s.status === 'sealed' ? t('plan.extended.sealed') : t('plan.extended.open'),
  ].join(' · ');
}

export function ExtendedInterviewField({
  protocolId,
  earlier,
  value,
  continuation,
  onChange,
}: {
  protocolId: string;
  earlier: readonly SessionSummary[];
  value: ExtendedChoice;
  continuation: Continuation;
  onChange: (next: ExtendedChoice) => void;
}) {
  const { t, i18n } = useTranslation('protocolsUi');
  const ui = useTranslation();
  const { user } = useApp();
  const limits = extendedSessionLimits(protocolId);
  const name = protocolName(protocolId, i18n.language);
  if (!limits)
    return (
      <fieldset className="quiet-box">
        <legend>{t('plan.extended.title')}</legend>
        <p className="field-hint">{t('plan.extended.notOffered', { protocol: name })}</p>
      </fieldset>
    );
  const counts = Array.from({ length: limits.maxSessions - 1 }, (_, i) => i + 2);
  const firstEarlier = defaultEarlier(earlier);
  const problem = continuation.kind === 'problem' ? continuation.problem : null;
  return (
    <fieldset className="quiet-box">
      <legend>{t('plan.extended.title')}</legend>
      <p className="field-hint">{t('plan.extended.explain')}</p>
      <div className="check">
        <input
          type="radio"
          id="plan-ext-single"
          name="plan-ext"
          checked={value.kind === 'single'}
          onChange={() => onChange(SINGLE)}
        />
        <label htmlFor="plan-ext-single">{t('plan.extended.single')}</label>
      </div>
      <div className="check">
        <input
          type="radio"
          id="plan-ext-first"
          name="plan-ext"
          checked={value.kind === 'first'}
          onChange={() => onChange({ kind: 'first', planned: limits.defaultSessions })}
        />
        <label htmlFor="plan-ext-first">{t('plan.extended.first')}</label>
      </div>
      {value.kind === 'first' ? (
        <div className="field">
          <label htmlFor="plan-ext-count">{t('plan.extended.count')}</label>
          <select
            id="plan-ext-count"
            value={value.planned}
            onChange={(e) => onChange({ kind: 'first', planned: Number(e.target.value) })}
          >
            {counts.map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
          </select>
          <p className="field-hint">
            {t('plan.extended.countHint', { protocol: name, max: limits.maxSessions })}
          </p>
        </div>
      ) : null}
      <div className="check">
        <input
          type="radio"
          id="plan-ext-continues"
          name="plan-ext"
          checked={value.kind === 'continues'}
          disabled={firstEarlier === undefined}
          aria-describedby={firstEarlier === undefined ? 'plan-ext-none' : undefined}
          onChange={() =>
            firstEarlier !== undefined &&
            onChange({ kind: 'continues', previousSessionId: firstEarlier })
          }
        />
        <label htmlFor="plan-ext-continues">{t('plan.extended.continues')}</label>
      </div>
      {firstEarlier === undefined ? (
        <p id="plan-ext-none" className="field-hint">
          {t('plan.extended.noEarlier')}
        </p>
      ) : null}
      {value.kind === 'continues' ? (
        <fieldset
          className="plan-ext-earlier"
          aria-describedby={problem ? 'plan-ext-problem' : undefined}
        >
          <legend>{t('plan.extended.earlier')}</legend>
          {earlier.map((s) => (
            <div className="check" key={s.sessionId}>
              <input
                type="radio"
                id={`plan-ext-earlier-${s.sessionId}`}
                name="plan-ext-earlier"
                value={s.sessionId}
                checked={value.previousSessionId === s.sessionId}
                onChange={() => onChange({ kind: 'continues', previousSessionId: s.sessionId })}
              />
              <label htmlFor={`plan-ext-earlier-${s.sessionId}`}>
                {earlierLabel(s, t, i18n.language, user)}
              </label>
            </div>
          ))}
        </fieldset>
      ) : null}
      {problem ? (
        <div id="plan-ext-problem" className="notice" role="status" aria-live="polite">
          <p className="notice-what">{ui.t(`fieldErrors.extended.${problem}.what`)}</p>
          <p className="notice-next">{ui.t(`fieldErrors.extended.${problem}.next`)}</p>
        </div>
      ) : null}
    </fieldset>
  );
}

/**
 * "Session 2 of 3" in the plan preview: this session's focus and the protocol's rules for later
 * sessions, each with its source. The session's own phases, prompts and cautions follow in the
 * plan preview below (planSessionAt), so they are not listed twice.
 */
export function ExtendedPreview({ guidance }: { guidance: ExtendedSessionGuidance }) {
  const { t } = useTranslation('protocolsUi');
  return (
    <section className="quiet-box" aria-labelledby="plan-ext-heading">
      <h3 id="plan-ext-heading">
        {t('plan.extended.heading', { index: guidance.index, planned: guidance.planned })}
      </h3>
      <p>{guidance.focus}</p>
      <SourceLabel source={guidance.source} shortMark />
      {guidance.rules.length > 0 ? (
        <>
          <p className="field-hint">{t('plan.extended.rules')}</p>
          <ul className="warning-preview">
            {guidance.rules.map((r) => (
              <li key={r.id}>
                {r.text} <SourceLabel source={r.source} shortMark />
              </li>
            ))}
          </ul>
          <HearthTopicNote sources={[guidance.source, ...guidance.rules.map((r) => r.source)]} />
        </>
      ) : null}
    </section>
  );
}

/** The guidance for a linked continuation, or null (single session, a problem, no plan). */
export function guidanceFor(
  continuation: Continuation,
  protocolId: string,
  ageYears: number,
  language: string,
): ExtendedSessionGuidance | null {
  if (continuation.kind !== 'linked') return null;
  try {
    return extendedSessionGuidance(
      protocolId,
      ageYears,
      language,
      continuation.index,
      continuation.planned,
    );
  } catch {
    return null;
  }
}
