// The sealed event chain as a bundle carries it, and the views derived from it. The export and
// the verifier use the same pure functions: transcript.json's timeline, seal and addenda are
// what these functions make of its chain, so a verifier re-derives them and compares.
//
// A chain entry is either the event exactly as it was chained (the stored session event), or,
// for an event the export leaves out, its seq, type, note kind and digest (sha256 of its RFC
// 8785 form): enough to recompute every chain head (src/interview/chain.ts), and to say what was
// withheld, never what it said. In a version-3 chain the type and kind are part of the link, so
// they are proven by the seal; in a version-2 chain they are the exporter's label.
import {
  chainVersionOf,
  eventDigest,
  eventKindOf,
  extendedLinkText,
  genesisHash,
  linkDigest,
  linkKindDigest,
  mediaEventText,
  nextHash,
  type ChainVersion,
  type SessionEvent,
} from '../interview';
import type { Addendum, SealInfo, TimelineEvent } from './model';
import { NO_NAMES, teamFields } from './team';
import { groupHex } from './encoding';

export interface ShownEntry {
  seq: number;
  event: SessionEvent;
}

export interface WithheldEntry {
  seq: number;
  withheld: { type: string; kind?: string };
  /** Hex SHA-256 of the event's RFC 8785 form. */
  digest: string;
}

export type ChainEntry = ShownEntry | WithheldEntry;

export const isWithheld = (e: ChainEntry): e is WithheldEntry => 'withheld' in e;

/** Chain entries for an export: every event in full except those `withhold` picks. */
export function chainEntries(
  events: SessionEvent[],
  withhold: (event: SessionEvent) => boolean,
): ChainEntry[] {
  return events.map((event) =>
    withhold(event)
      ? {
          seq: event.seq,
          withheld: eventKindOf(event),
          digest: eventDigest(event),
        }
      : { seq: event.seq, event },
  );
}

/**
 * Heads after each entry: heads[i] is the head over entries 0..i. Throws ChainError when the
 * entries are not numbered 1..n, when a shown event's seq disagrees with its entry, or when an
 * entry is withheld from a version-1 chain (which links event bytes, not digests).
 */
export function recomputeHeads(
  sessionId: string,
  entries: ChainEntry[],
): { version: ChainVersion; heads: string[] } {
  const first = entries[0];
  const version = chainVersionOf(first && !isWithheld(first) ? first.event : undefined);
  let head = genesisHash(sessionId);
  const heads: string[] = [];
  entries.forEach((entry, i) => {
    if (entry.seq !== i + 1) throw new ChainError(`chain entry ${i + 1} is numbered ${entry.seq}`);
    if (isWithheld(entry)) {
      if (version === 1)
        throw new ChainError('an event is withheld from a chain that links event bytes');
      if (!/^[0-9a-f]{64}$/.test(entry.digest))
        throw new ChainError(`chain entry ${entry.seq} has a malformed digest`);
      head =
        version === 3
          ? linkKindDigest(head, entry.withheld, entry.digest)
          : linkDigest(head, entry.digest);
    } else {
      if (entry.event.seq !== entry.seq)
        throw new ChainError(`chain entry ${entry.seq} holds event ${entry.event.seq}`);
      head = nextHash(head, entry.event, version);
    }
    heads.push(head);
  });
  return { version, heads };
}

export class ChainError extends Error {
  override name = 'ChainError';
}

/**
 * A session event as the transcript timeline shows it (no coding: that is added separately).
 * `names`: the names the export discloses, by commitment (names.ts; none when left out).
 */
export function timelineEvent(
  event: SessionEvent,
  names: ReadonlyMap<string, string> = NO_NAMES,
): TimelineEvent {
  const base: TimelineEvent = {
    seq: event.seq,
    type: event.type,
    at: event.at,
    elapsedMs: event.elapsedMs,
    recordingOffsetMs: event.recordingOffsetMs,
  };
  switch (event.type) {
    case 'note':
      return {
        ...base,
        kind: event.kind,
        text: event.text,
        version: event.version,
        ...(event.replacesSeq !== undefined ? { replacesSeq: event.replacesSeq } : {}),
        ...(event.keywords ? { keywords: event.keywords } : {}),
        ...(event.reason ? { reason: event.reason } : {}),
        ...teamFields(event),
      };
    case 'observer-suggestion':
    case 'observer-joined':
    case 'observer-decision':
      return { ...base, ...teamFields(event, names) };
    case 'phase-entered':
      return { ...base, phaseId: event.phaseId };
    case 'checklist-item-done':
      return { ...base, phaseId: event.phaseId, reason: event.itemId };
    case 'break-started':
      return { ...base, reason: event.reason };
    case 'break-ended':
    case 'paused':
    case 'resumed':
      return event.reason ? { ...base, reason: event.reason } : base;
    case 'distress-observed':
      return event.text ? { ...base, text: event.text } : base;
    case 'reluctance-noted':
    case 'reluctance-withdrawn':
    case 'reluctance-ended':
    case 'person-named':
    case 'person-named-withdrawn':
      return event.phaseId ? { ...base, phaseId: event.phaseId } : base;
    case 'extended-link':
      return { ...base, text: extendedLinkText(event) };
    case 'media-aid':
      return {
        ...base,
        text: mediaEventText(event),
        ...(event.note ? { reason: event.note } : {}),
      };
    case 'recording-marker':
      return {
        ...base,
        reason: event.marker === 'started' ? 'recording started' : 'recording restarted',
      };
    case 'interrupted':
      return { ...base, reason: `process ended after event ${event.lastEventSeq}` };
    case 'recording-fingerprint':
      return {
        ...base,
        text: `${event.label ?? event.fileName ?? 'unnamed recording'}, ${event.bytes} bytes, SHA-256 ${groupHex(event.sha256)}`,
      };
    case 'session-started':
    case 'sealed':
    case 'addendum':
      return base;
  }
}

export type SealedEvent = SessionEvent & { type: 'sealed' };
export type AddendumEvent = SessionEvent & { type: 'addendum' };

/** The seal as transcript.json shows it. */
export function sealInfo(sealed: SealedEvent): SealInfo {
  return {
    head: sealed.head,
    eventCount: sealed.eventCount,
    signature: sealed.signature,
    signerPublicKey: sealed.signerPublicKey,
    ...(sealed.foreignEvents && sealed.foreignEvents.length > 0
      ? { foreignEvents: sealed.foreignEvents.map((f) => ({ seq: f.seq, by: f.by })) }
      : {}),
  };
}

/** An addendum as transcript.json shows it. */
export function addendumInfo(a: AddendumEvent): Addendum {
  return {
    seq: a.seq,
    at: a.at,
    author: a.by,
    text: a.text,
    signature: a.signature,
    head: a.head,
    authorPublicKey: a.signerPublicKey,
  };
}
