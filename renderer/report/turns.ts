// Timeline → turns for the quality report: the interviewer's question notes and the child's
// words, in order, with the phase each belongs to. Superseded versions and addenda are left out.
import type { Turn } from '../../src/questions';
import type { ChannelResponse } from '../bridge/client';

type TimelineEvent = ChannelResponse<'sessions.timeline'>['events'][number];

/**
 * @param options.review an imported transcript: its turns carry the transcript's own times
 *   (recordingOffsetMs) or none at all, never the moment of import
 */
export function turnsFromTimeline(
  events: readonly TimelineEvent[],
  options: { review?: boolean } = {},
): Turn[] {
  const turns: Turn[] = [];
  let phaseId: string | undefined;
  for (const e of events) {
    if (e.type === 'phase-entered' && e.phaseId) phaseId = e.phaseId;
    if (e.type !== 'note' || e.superseded || e.afterSeal || !e.text) continue;
    if (e.kind !== 'question' && e.kind !== 'child') continue;
    turns.push({
      speaker: e.kind === 'question' ? 'interviewer' : 'child',
      text: e.text,
      // A child turn's own-language words are part of what the child said (childSaidOf).
      ...(e.kind === 'child' && e.original ? { original: e.original } : {}),
      ...(options.review
        ? e.recordingOffsetMs !== null && e.recordingOffsetMs !== undefined
          ? { startMs: e.recordingOffsetMs }
          : {}
        : { startMs: e.elapsedMs }),
      ...(phaseId ? { phaseId } : {}),
    });
  }
  return turns;
}
