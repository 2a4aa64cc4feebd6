// The line under a media-aid event from rendition 8 (practitioner review 11, P11-8): the phase
// the aid was recorded in (sealed with the event), the number of the stance's sealed source in
// the Sources list, and "before anything the child said" when no child turn comes before it in
// the chain, so a reader can tell whether an "only after a verbal disclosure" stance was met.
// Everything is read from the sealed chain in transcript.json, so the verifier re-renders it.
// Rendition 7 and older print no such line (their wording and layout are frozen).
import type { SessionEvent } from '../interview';
import { visibleText } from '../vault';
import type { CitedSources } from './cited-sources';
import type { TranscriptDocument } from './document';
import type { Words } from './words';

/** True when a child turn (shown, or withheld by the export's choices) precedes `seq`. */
function childTurnBefore(doc: TranscriptDocument, seq: number): boolean {
  return doc.chain.entries.some((entry) => {
    if (entry.seq >= seq) return false;
    if ('event' in entry) {
      const e = entry.event as { type?: unknown; kind?: unknown };
      return e.type === 'note' && e.kind === 'child';
    }
    // A withheld child turn still counts: the export left out its words, not the fact of it.
    return 'withheld' in entry && entry.withheld.kind === 'child';
  });
}

/** The phase titles by id, the first phase (entered without an event) included. */
export function mediaPhaseTitles(doc: TranscriptDocument): Map<string, string> {
  const titles = new Map(doc.phases.map((p) => [p.phaseId, p.title]));
  if (doc.firstPhase !== undefined && !titles.has(doc.firstPhase.phaseId))
    titles.set(doc.firstPhase.phaseId, doc.firstPhase.title);
  return titles;
}

/**
 * "Phase: Introductions; source of the protocol stance [5]; before anything the child said"
 * for the media-aid event `chained` (version 8 on), or undefined for any other event or rendition.
 * An older event without a sealed phase or source says "phase not recorded" / "... not recorded".
 */
export function mediaAidLine(
  w: Words,
  doc: TranscriptDocument,
  refs: CitedSources | undefined,
  titles: Map<string, string>,
  chained: SessionEvent | undefined,
): string | undefined {
  if (w.version < 8 || chained === undefined || chained.type !== 'media-aid') return undefined;
  const phaseId = typeof chained.phaseId === 'string' ? chained.phaseId : undefined;
  const n = refs?.media.get(chained.seq);
  return [
    phaseId === undefined
      ? w.t('mediaAidPhaseNotRecorded')
      : // A phase the plan does not name is the writer's string: shown with controls visible.
        w.t('mediaAidPhase', { phase: titles.get(phaseId) ?? visibleText(phaseId, false) }),
    n === undefined ? w.t('mediaAidStanceSourceNotRecorded') : w.t('mediaAidStanceSource', { n }),
    ...(childTurnBefore(doc, chained.seq) ? [] : [w.t('mediaAidBeforeChild')]),
  ].join('; ');
}
