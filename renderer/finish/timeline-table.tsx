// The session's record in order, with session time and recording offset. The interviewer attests
// to reviewing it before the seal, so interpreted turns, own-language words and the team's
// suggestions and decisions show as the seal keeps them (team-details.tsx, B19e-2).
import { useTranslation } from 'react-i18next';
import type { ChannelResponse } from '../bridge/client';
import { formatDuration } from '../common/format';
import { hasTeamDetails, InterpretedTag, suggestionsOf, TeamDetails } from './team-details';

type TimelineEvent = ChannelResponse<'sessions.timeline'>['events'][number];
type WithheldEvent = NonNullable<ChannelResponse<'sessions.timeline'>['withheld']>[number];

/**
 * A placeholder row for an event sealed for other roles (sec52): where it sits, who wrote it and
 * who can read it. Its own time, kind and words are inside the sealed record; the time shown is
 * the event before it's.
 */
function WithheldRow({ event }: { event: WithheldEvent }) {
  const { t } = useTranslation();
  const roles = event.readableBy.roles.map((r) => t(`roles.${r}`));
  const named = event.readableBy.users.length
    ? [t('finish.withheld.byName', { names: event.readableBy.users.join(', ') })]
    : [];
  return (
    <tr className="withheld" data-seq={event.seq}>
      <td>
        {event.afterElapsedMs === undefined
          ? '–'
          : t('finish.withheld.after', { time: formatDuration(event.afterElapsedMs) })}
      </td>
      <td>–</td>
      <td>
        <span className="tag">{t('finish.withheld.event')}</span>
      </td>
      <td className="timeline-text">
        {t('finish.withheld.readers', { who: [...roles, ...named].join('; ') })}{' '}
        {t('finish.withheld.writtenBy', { name: event.writtenBy, entry: event.auditEntry })}
      </td>
    </tr>
  );
}

export function TimelineTable({
  events,
  titles,
  withheld = [],
}: {
  events: readonly TimelineEvent[];
  /** Events sealed for other roles (sec52): placeholder rows in their place. */
  withheld?: readonly WithheldEvent[];
  /** Phase and checklist item ids to their titles in the interview language. */
  titles: ReadonlyMap<string, string>;
}) {
  const { t } = useTranslation();
  const suggestions = suggestionsOf(events);
  if (events.length === 0 && withheld.length === 0) return null;
  const rows: Array<{ seq: number; event?: TimelineEvent; withheld?: WithheldEvent }> = [
    ...events.map((event) => ({ seq: event.seq, event })),
    ...withheld.map((w) => ({ seq: w.seq, withheld: w })),
  ].sort((a, b) => a.seq - b.seq);
  const plainText = (e: TimelineEvent): string =>
    (e.media
      ? `${t(`live.media.actions.${e.media.action}`)}: ${t(`live.media.aids.${e.media.aid}`)}${e.text ? ` — ${e.text}` : ''}`
      : undefined) ??
    e.text ??
    (e.itemId ? titles.get(`item:${e.itemId}`) : undefined) ??
    (e.phaseId ? (titles.get(e.phaseId) ?? e.phaseId) : undefined) ??
    e.reason ??
    '';
  return (
    <section aria-labelledby="timeline-heading">
      <h2 id="timeline-heading">{t('finish.timeline')}</h2>
      {withheld.length > 0 ? (
        <p className="quiet-box">{t('finish.withheld.summary', { count: withheld.length })}</p>
      ) : null}
      <table className="timeline">
        <thead>
          <tr>
            <th scope="col">{t('finish.colSession')}</th>
            <th scope="col">{t('finish.colRecording')}</th>
            <th scope="col">{t('finish.colEvent')}</th>
            <th scope="col">{t('finish.colText')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map(({ seq, event: e, withheld: w }) =>
            w || !e ? (
              <WithheldRow key={seq} event={w!} />
            ) : (
              <tr key={e.seq} className={e.superseded ? 'superseded' : undefined}>
                <td>{formatDuration(e.elapsedMs)}</td>
                <td>{e.recordingOffset ?? '–'}</td>
                <td>
                  {e.type === 'note' && e.kind ? t(`noteKinds.${e.kind}`) : t(`events.${e.type}`)}
                  <InterpretedTag event={e} />
                  {e.afterSeal ? <span className="tag">{t('finish.afterSeal')}</span> : null}
                  {e.superseded ? <span className="tag">{t('finish.replaced')}</span> : null}
                  {e.version && e.version > 1 ? (
                    <span className="tag">{t('live.corrected')}</span>
                  ) : null}
                </td>
                <td className="timeline-text">
                  {hasTeamDetails(e, suggestions) ? (
                    <TeamDetails event={e} suggestions={suggestions} />
                  ) : (
                    plainText(e)
                  )}
                </td>
              </tr>
            ),
          )}
        </tbody>
      </table>
    </section>
  );
}
