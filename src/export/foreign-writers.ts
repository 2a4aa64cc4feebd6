// Who, other than the interviewer, wrote into the sealed record of a bundle: the one list the
// verifier's findings and the txt/PDF marks are both made from (red team round 9, R9-4/R9-5;
// before, the renditions marked only the events the seal's own list names, so a record sealed
// without a list showed a colleague's note as ordinary text while the verifier reported it).
// A pure reading of transcript.json; sealed-record.ts checks the list against the chain first.
import type { TranscriptDocument } from './document';
import { isWithheld, type ChainEntry } from './chain-view';
import type { Words } from './words';

/** One event of the sealed record written by someone other than the interviewer. */
export interface ForeignWriter {
  seq: number;
  /** The writer: as the seal names it when it does, else the event's own `by`. */
  by: string;
  /** The export left the event itself out (then only the seal can name its writer). */
  withheld: boolean;
  /**
   * Whether the interviewer's signed seal names the event (hearth.seal.v2, R8-D). False for a
   * record sealed without a list (hearth.seal.v1: before round 8, or a modified client), where
   * the writer is read from the event's `by`, which the sealed head commits to.
   */
  named: boolean;
  /**
   * The writer the event itself claims, when the seal names someone else: a colleague's client
   * wrote it claiming to be another user; the seal names the certified signer of its audit entry
   * (red team round 9, R9-7).
   */
  claimed?: string;
}

export interface ForeignWriters {
  events: ForeignWriter[];
  /**
   * Withheld events whose writer this bundle cannot show: listed when the seal names no writer
   * and events others wrote are shown (so others did write into this record), empty otherwise.
   */
  unknownWithheld: number[];
}

/**
 * The events of `doc`'s sealed record (1..seal.eventCount) written by someone other than the
 * interviewer (the writer of the session's start, `session-started`): the seal's signed list,
 * plus every shown event whose `by` is not the interviewer that the seal does not name. Pure: no
 * check that the list is consistent (the verifier's `checkForeignEvents` does that first).
 */
export function foreignWritersOf(doc: TranscriptDocument): ForeignWriters {
  const entries = doc.chain.entries as ChainEntry[];
  const first = entries[0];
  const interviewer =
    first && !isWithheld(first) ? first.event.by : doc.session.interviewer.username;
  const named = new Map((doc.seal.foreignEvents ?? []).map((f) => [f.seq, f.by]));
  const events: ForeignWriter[] = [];
  const withheldUnnamed: number[] = [];
  for (const e of entries.slice(0, doc.seal.eventCount)) {
    const writer = named.get(e.seq);
    if (isWithheld(e)) {
      if (writer !== undefined)
        events.push({ seq: e.seq, by: writer, withheld: true, named: true });
      else withheldUnnamed.push(e.seq);
      continue;
    }
    const by = e.event.by;
    if (writer !== undefined)
      events.push({
        seq: e.seq,
        by: writer,
        withheld: false,
        named: true,
        ...(by !== writer ? { claimed: by } : {}),
      });
    else if (by !== interviewer) events.push({ seq: e.seq, by, withheld: false, named: false });
  }
  const othersWrote = events.some((f) => !f.named);
  return { events, unknownWithheld: othersWrote ? withheldUnnamed : [] };
}

/** What the txt and PDF show of the events others wrote (renderers' input; rendition >= 5). */
export interface ForeignMarks {
  /** "#seq writer" of each event the seal names (header "Written by others"). */
  named: string[];
  /** "#seq writer" of each shown event the seal does not name (header "Not named by the seal"). */
  unnamed: string[];
  /** "#seq" of each withheld event whose writer the bundle cannot show. */
  unknown: string[];
  /** Per shown event: the words of its mark under its timeline line. */
  marks: Map<number, { who: string; claimed?: string }>;
}

/**
 * The marks a rendition of `version` prints. From version 5 on they come from the same list the
 * verifier reports (`foreignWritersOf`: the seal's list and, for a seal without one, the chain's
 * `by`), so a reader of the txt or PDF sees every event the verifier names (R9-4, R9-5). A record
 * the genuine app sealed gives exactly the seal's list, so its renditions are unchanged. Before
 * version 5 a rendition shows only the seal's own list, as it always did.
 */
export function foreignMarksOf(doc: TranscriptDocument, version: number): ForeignMarks {
  const list =
    version >= 5
      ? foreignWritersOf(doc)
      : {
          events: (doc.seal.foreignEvents ?? []).map((f) => ({
            ...f,
            withheld: false,
            named: true,
          })),
          unknownWithheld: [],
        };
  const marks = new Map<number, { who: string; claimed?: string }>();
  const withheld = new Set(doc.omittedEventSeqs);
  for (const f of list.events)
    if (!withheld.has(f.seq))
      marks.set(f.seq, {
        who: f.by,
        ...('claimed' in f && f.claimed !== undefined ? { claimed: f.claimed } : {}),
      });
  const line = (f: { seq: number; by: string }) => `#${f.seq} ${f.by}`;
  return {
    named: list.events.filter((f) => f.named).map(line),
    unnamed: list.events.filter((f) => !f.named).map(line),
    unknown: list.unknownWithheld.map((seq) => `#${seq}`),
    marks,
  };
}

/** The header fields (label, value) of `m`, in the txt's and PDF's order; none when empty. */
export function foreignHeaderFields(w: Words, m: ForeignMarks): Array<[string, string]> {
  const fields: Array<[string, string]> = [];
  if (m.named.length > 0)
    fields.push([w.t('foreignEvents'), w.t('foreignEventsList', { list: m.named.join(', ') })]);
  if (m.unnamed.length > 0)
    fields.push([
      w.t('foreignEventsUnnamed'),
      w.t('foreignEventsUnnamedList', { list: m.unnamed.join(', ') }),
    ]);
  if (m.unknown.length > 0)
    fields.push([
      w.t('foreignWritersUnknown'),
      w.t('foreignWritersUnknownList', { list: m.unknown.join(', ') }),
    ]);
  return fields;
}

/** The mark printed under a foreign event's timeline line. */
export function foreignMarkText(w: Words, mark: { who: string; claimed?: string }): string {
  return mark.claimed !== undefined
    ? w.t('foreignEventMarkClaimed', { who: mark.who, claimed: mark.claimed })
    : w.t('foreignEventMark', { who: mark.who });
}
