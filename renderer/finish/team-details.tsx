// What the timeline under the seal box shows of the team's part in a turn (audit 19e, B19e-2):
// the interviewer attests to reviewing it before sealing, so it shows what the seal covers and
// the transcript prints: the interpreted mark, the own-language words verbatim (the child's, or
// the interpreter's rendering of a question), who suggested each question, and what was decided
// on each suggestion (accepted, rephrased and how, declined and why, left undecided).
import { useTranslation } from 'react-i18next';
import type { ChannelResponse } from '../bridge/client';
import { formatDuration } from '../common/format';
import { langAttribute, useSpokenLanguageName } from '../common/language-select';

type TimelineEvent = ChannelResponse<'sessions.timeline'>['events'][number];

/** The session's suggestions by id, so a decision or a question can name the one it is about. */
export function suggestionsOf(events: readonly TimelineEvent[]): Map<string, TimelineEvent> {
  const byId = new Map<string, TimelineEvent>();
  for (const e of events)
    if (e.type === 'observer-suggestion' && e.suggestionId) byId.set(e.suggestionId, e);
  return byId;
}

function useWho() {
  const { t } = useTranslation('team');
  return (s: TimelineEvent): string => {
    const role = s.observerRole ? t(`observers.roles.${s.observerRole}`) : '';
    return s.observerName ? t('timeline.who', { role, name: s.observerName }) : role;
  };
}

/** The "interpreted" mark of a spoken turn, for the Event column. */
export function InterpretedTag({ event }: { event: TimelineEvent }) {
  const { t } = useTranslation('team');
  return event.interpreted ? <span className="tag">{t('interpreted.badge')}</span> : null;
}

/** A note's own-language words, verbatim, under its text: exactly what is sealed. */
function OwnWords({ event }: { event: TimelineEvent }) {
  const { t } = useTranslation('team');
  const nameOf = useSpokenLanguageName();
  if (!event.original) return null;
  const language = nameOf(event.original.language);
  const label =
    event.kind === 'question'
      ? t('timeline.rendering', { language })
      : event.kind === 'child'
        ? t('timeline.ownWordsChild', { language })
        : t('timeline.ownWords', { language });
  return (
    <span className="timeline-detail">
      {label}: <span lang={langAttribute(event.original.language)}>«{event.original.text}»</span>
    </span>
  );
}

/** A decision's cell: which suggestion (who, when, its words), and what was decided. */
function DecisionText({
  event,
  suggestions,
}: {
  event: TimelineEvent;
  suggestions: ReadonlyMap<string, TimelineEvent>;
}) {
  const { t } = useTranslation('team');
  const who = useWho();
  const on = event.suggestionId ? suggestions.get(event.suggestionId) : undefined;
  const text = event.text ?? '';
  const reason = event.reason ?? '';
  const what =
    event.decision === 'declined'
      ? t('timeline.declined', { reason })
      : event.decision === 'rephrased'
        ? t('timeline.rephrased', { text })
        : event.decision === 'accepted'
          ? t('timeline.accepted', { text })
          : t('timeline.undecided');
  // A reason given with anything but a decline: why it is asked despite the coach, or left open.
  const why = event.decision !== 'declined' && reason ? t('timeline.reason', { reason }) : null;
  return (
    <>
      <span className="timeline-detail">
        {on
          ? t('timeline.onSuggestion', {
              who: who(on),
              time: formatDuration(on.elapsedMs),
              text: on.text ?? '',
            })
          : t('timeline.onUnknown')}
      </span>
      <span className="timeline-detail">
        {what}
        {why ? ` ${why}` : ''}
        {event.atBreak ? ` ${t('timeline.atBreak')}` : ''}
      </span>
    </>
  );
}

/** Whether a row's Text cell is TeamDetails (else its plain text stands alone). */
export function hasTeamDetails(
  event: TimelineEvent,
  suggestions: ReadonlyMap<string, TimelineEvent>,
): boolean {
  if (
    event.type === 'observer-decision' ||
    event.type === 'observer-suggestion' ||
    event.type === 'observer-joined'
  )
    return true;
  return (
    event.type === 'note' &&
    (event.original !== undefined ||
      (event.suggestionId !== undefined && suggestions.has(event.suggestionId)))
  );
}

/** The Text cell of a row for which hasTeamDetails holds: its text and the team's part. */
export function TeamDetails({
  event,
  suggestions,
}: {
  event: TimelineEvent;
  suggestions: ReadonlyMap<string, TimelineEvent>;
}) {
  const { t } = useTranslation('team');
  const who = useWho();
  if (event.type === 'observer-decision')
    return <DecisionText event={event} suggestions={suggestions} />;
  if (event.type === 'observer-suggestion')
    return (
      <>
        <span className="timeline-detail">{event.text}</span>
        <span className="timeline-detail">{t('timeline.suggestedBy', { who: who(event) })}</span>
      </>
    );
  // Who joined from behind the glass (B19e-6), as the seal keeps it: role, and name if given.
  if (event.type === 'observer-joined')
    return <span className="timeline-detail">{t('timeline.joined', { who: who(event) })}</span>;
  const asks = event.suggestionId ? suggestions.get(event.suggestionId) : undefined;
  return (
    <>
      <span className="timeline-detail">{event.text}</span>
      <OwnWords event={event} />
      {asks ? (
        <span className="timeline-detail">
          {t('timeline.asks', { who: who(asks), time: formatDuration(asks.elapsedMs) })}
        </span>
      ) : null}
    </>
  );
}
