// The session's record in order, with session time and recording offset. The interviewer attests
// to reviewing it before the seal, so interpreted turns, own-language words and the team's
// suggestions and decisions show as the seal keeps them (team-details.tsx, B19e-2).
import { useTranslation } from 'react-i18next';
import type { ChannelResponse } from '../bridge/client';
import { formatDuration } from '../common/format';
import { hasTeamDetails, InterpretedTag, suggestionsOf, TeamDetails } from './team-details';

type TimelineEvent = ChannelResponse<'sessions.timeline'>['events'][number];

export function TimelineTable({
  events,
  titles,
}: {
  events: readonly TimelineEvent[];
  /** Phase and checklist item ids to their titles in the interview language. */
  titles: ReadonlyMap<string, string>;
}) {
  const { t } = useTranslation();
  const suggestions = suggestionsOf(events);
  if (events.length === 0) return null;
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
          {events.map((e) => (
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
          ))}
        </tbody>
      </table>
    </section>
  );
}
