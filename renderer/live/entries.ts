// What happened in a session, as the live screen holds it: the events the vault confirmed plus
// the ones still on their way (optimistic). The interviewer never waits for the vault; an entry
// that failed to save keeps its text and can be retried.
import type { GuidanceEvent, MediaAction, MediaAid, QuestionType } from '../../src/protocols';
import {
  answeredOf,
  childSaidOf,
  classifyQuestion,
  liveChildContext,
  withEarlierSessions,
} from '../../src/questions';
import type { AnsweredQuestion } from '../../src/questions';
import type { ChannelResponse, CoreError } from '../bridge/client';

export type NoteKind = 'question' | 'child' | 'observation' | 'mdt' | 'interpreter';
export const NOTE_KINDS: readonly NoteKind[] = [
  'question',
  'child',
  'observation',
  'mdt',
  'interpreter',
];

export type Op =
  | {
      type: 'note';
      kind: NoteKind;
      text: string;
      keywords?: string[];
      interpreted?: boolean;
      original?: { text: string; language: string };
      /** A question put in the box with a suggested prompt's Use: that prompt's id. */
      promptId?: string;
      /** A question put in the box with an observer suggestion's "Use this wording". */
      suggestionId?: string;
    }
  | { type: 'phase-entered'; phaseId: string }
  | { type: 'checklist-item-done'; phaseId: string; itemId: string }
  | { type: 'break-started'; reason: string }
  | { type: 'break-ended' }
  | { type: 'distress-observed' }
  | { type: 'reluctance-noted' }
  | { type: 'reluctance-withdrawn' }
  | { type: 'reluctance-ended' }
  | { type: 'person-named' }
  | { type: 'person-named-withdrawn' }
  | { type: 'media-aid'; action: MediaAction; aid: MediaAid; note?: string }
  | { type: 'paused'; reason?: string }
  | { type: 'resumed' }
  | { type: 'recording-marker' };

/** Reluctance carried into this session: the earlier session's number and start (ISO 8601). */
export interface CarriedIn {
  session: number;
  startedAt: string;
}

export type EntryStatus = 'saving' | 'saved' | 'failed';

export interface Entry {
  key: string;
  op: Op;
  status: EntryStatus;
  /** Session time: the vault's once acknowledged, our estimate before. */
  elapsedMs: number;
  recordingOffsetMs: number | null;
  at?: string;
  error?: CoreError;
  /** For notes: the vault's id once acknowledged (corrections refer to it). */
  noteId?: string;
  /** For notes: 2 and up once corrected. */
  version?: number;
  /**
   * A question saved without the suggestion link it named: an earlier question already asks
   * that suggestion (the core's `suggestionNotLinked`, B19f-5). Shown under the note.
   */
  notLinked?: boolean;
}

type TimelineEvent = ChannelResponse<'sessions.timeline'>['events'][number];

function opOf(e: TimelineEvent): Op | null {
  switch (e.type) {
    case 'note':
      if (e.superseded || !e.kind || e.text === undefined) return null;
      return {
        type: 'note',
        kind: e.kind,
        text: e.text,
        ...(e.keywords && e.keywords.length > 0 ? { keywords: e.keywords } : {}),
        ...(e.interpreted ? { interpreted: true } : {}),
        ...(e.original ? { original: e.original } : {}),
        ...(e.promptId ? { promptId: e.promptId } : {}),
      };
    case 'phase-entered':
      return e.phaseId ? { type: 'phase-entered', phaseId: e.phaseId } : null;
    case 'checklist-item-done':
      return e.itemId && e.phaseId
        ? { type: 'checklist-item-done', phaseId: e.phaseId, itemId: e.itemId }
        : null;
    case 'break-started':
      return { type: 'break-started', reason: e.reason ?? '' };
    case 'break-ended':
      return { type: 'break-ended' };
    case 'distress-observed':
      return { type: 'distress-observed' };
    case 'reluctance-noted':
      return { type: 'reluctance-noted' };
    case 'reluctance-withdrawn':
      return { type: 'reluctance-withdrawn' };
    case 'reluctance-ended':
      return { type: 'reluctance-ended' };
    case 'person-named':
      return { type: 'person-named' };
    case 'person-named-withdrawn':
      return { type: 'person-named-withdrawn' };
    // A lock pauses the session and the next write after the unlock resumes it: the core's
    // own markers, not the interviewer's pause, so they never show the session as paused.
    case 'paused':
      if (e.reason === 'vault-locked') return null;
      return e.reason ? { type: 'paused', reason: e.reason } : { type: 'paused' };
    case 'resumed':
      return e.reason === 'vault-unlocked' ? null : { type: 'resumed' };
    case 'recording-marker':
      return { type: 'recording-marker' };
    default:
      return null;
  }
}

export function entriesFromTimeline(events: readonly TimelineEvent[]): Entry[] {
  const out: Entry[] = [];
  for (const e of events) {
    const op = opOf(e);
    if (!op) continue;
    out.push({
      key: `seq-${e.seq}`,
      op,
      status: 'saved',
      elapsedMs: e.elapsedMs,
      recordingOffsetMs: e.recordingOffsetMs,
      at: e.at,
      ...(e.noteId ? { noteId: e.noteId } : {}),
      ...(e.version ? { version: e.version } : {}),
    });
  }
  return out;
}

// Classification is pure and cached per entry: the reducer re-runs every second, the
// classifier should run once per note (and again once an extended interview's earlier words
// arrive: the cache is kept per list of earlier words).
const NO_EARLIER_WORDS: readonly string[] = [];
const codingCaches = new WeakMap<readonly string[], WeakMap<Op, QuestionType>>();
function questionTypeOf(
  op: Extract<Op, { type: 'note' }>,
  language: 'en' | 'es',
  childWords: readonly string[],
  questionsBefore: number,
  earlierWords: readonly string[],
): QuestionType {
  let cache = codingCaches.get(earlierWords);
  if (!cache) codingCaches.set(earlierWords, (cache = new WeakMap()));
  let type = cache.get(op);
  if (type === undefined) {
    // Coded with what the child had said before it (in an extended interview, the earlier
    // sessions too), as the live hint and the report code it; a session that types no child
    // turns is coded without the presumption checks.
    type = classifyQuestion(
      op.text,
      language,
      withEarlierSessions(liveChildContext(childWords.slice(), questionsBefore), earlierWords),
    ).type;
    cache.set(op, type);
  }
  return type;
}

/**
 * The entries as the guidance reducer's events, each question with its coded type.
 * `earlierWords`: the child turns of the earlier sessions of this extended interview
 * (sessions.earlierChildWords), part of the coach's context; none for a single session.
 * `reluctantInSession`: the earlier session of this extended interview whose "Child reluctant"
 * still stands (sessions.continuity `reluctance`: its number and start), carried in at the start
 * so the guidance offers support from the first phase on; null when none does.
 */
export function guidanceEvents(
  entries: readonly Entry[],
  language: 'en' | 'es',
  sealed: boolean,
  earlierWords: readonly string[] = NO_EARLIER_WORDS,
  reluctantInSession: CarriedIn | null = null,
): GuidanceEvent[] {
  const events: GuidanceEvent[] = [{ type: 'session-started', elapsedMs: 0 }];
  if (reluctantInSession !== null)
    events.push({
      type: 'reluctance-noted',
      elapsedMs: 0,
      earlierSession: reluctantInSession.session,
      earlierStartedAt: reluctantInSession.startedAt,
    });
  let last = 0;
  const childSaid: string[] = [];
  let questionsBefore = 0;
  for (const entry of entries) {
    // Optimistic estimates can be a few ms out of order; the reducer wants monotonic time.
    const elapsedMs = Math.max(last, entry.elapsedMs);
    last = elapsedMs;
    const op = entry.op;
    switch (op.type) {
      case 'note':
        events.push({
          type: 'note',
          elapsedMs,
          noteKind: op.kind,
          text: op.text,
          ...(op.keywords ? { keywords: op.keywords } : {}),
          // A used prompt drops out of "Suggested next" (the reducer's used set).
          ...(op.promptId ? { promptId: op.promptId } : {}),
          ...(op.kind === 'question'
            ? {
                questionType: questionTypeOf(
                  op,
                  language,
                  childSaid,
                  questionsBefore,
                  earlierWords,
                ),
              }
            : {}),
        });
        if (op.kind === 'child') childSaid.push(...childSaidOf(op));
        if (op.kind === 'question') questionsBefore++;
        break;
      case 'phase-entered':
        events.push({ type: 'phase-entered', elapsedMs, phaseId: op.phaseId });
        break;
      case 'checklist-item-done':
        events.push({
          type: 'checklist-item-done',
          elapsedMs,
          phaseId: op.phaseId,
          itemId: op.itemId,
        });
        break;
      case 'break-started':
        events.push({ type: 'break-started', elapsedMs });
        break;
      case 'break-ended':
        events.push({ type: 'break-ended', elapsedMs });
        break;
      case 'reluctance-noted':
        events.push({ type: 'reluctance-noted', elapsedMs });
        break;
      case 'reluctance-withdrawn':
        events.push({ type: 'reluctance-withdrawn', elapsedMs });
        break;
      case 'reluctance-ended':
        events.push({ type: 'reluctance-ended', elapsedMs });
        break;
      // The child named the person: opens Ten Step's putative-confession gate (P8-2).
      case 'person-named':
        events.push({ type: 'person-named', elapsedMs });
        break;
      case 'person-named-withdrawn':
        events.push({ type: 'person-named-withdrawn', elapsedMs });
        break;
      case 'media-aid':
      case 'recording-marker':
      case 'distress-observed':
      case 'paused':
      case 'resumed':
        break;
    }
  }
  if (sealed) events.push({ type: 'session-ended', elapsedMs: last });
  return events;
}

/** How many interviewer questions the entries hold (for liveChildContext). */
export function questionCountOf(entries: readonly Entry[]): number {
  let n = 0;
  for (const e of entries) if (e.op.type === 'note' && e.op.kind === 'question') n++;
  return n;
}

/**
 * What the child has said so far, for the question coach: every child note's text and its
 * own-language words (interpreted or code-switched; childSaidOf, as the break queue and the report
 * take them), then the keywords kept from other notes. The coach checks what a question assumes
 * against these words.
 */
export function childWordsOf(entries: readonly Entry[], keywords: readonly string[]): string[] {
  const out: string[] = [];
  for (const e of entries)
    if (e.op.type === 'note' && e.op.kind === 'child') out.push(...childSaidOf(e.op));
  return [...out, ...keywords];
}

/**
 * The session's questions with the child's replies typed after them, for the coach's
 * asked-and-answered check (src/questions/asked-answered.ts): question notes are the
 * interviewer's turns, child notes the replies; other notes are skipped.
 */
export function answeredOfEntries(entries: readonly Entry[]): AnsweredQuestion[] {
  return answeredOf(
    entries.flatMap((e) =>
      e.op.type === 'note' && (e.op.kind === 'question' || e.op.kind === 'child')
        ? [{ speaker: e.op.kind === 'question' ? 'interviewer' : 'child', text: e.op.text }]
        : [],
    ),
  );
}

/** The child's keywords in order of first use (the vault's list plus unsaved ones). */
export function keywordsOf(entries: readonly Entry[], known: readonly string[]): string[] {
  const seen = new Set(known.map((k) => k.toLocaleLowerCase()));
  const out = [...known];
  for (const e of entries) {
    if (e.op.type !== 'note' || !e.op.keywords) continue;
    for (const k of e.op.keywords) {
      const folded = k.toLocaleLowerCase();
      if (!seen.has(folded)) {
        seen.add(folded);
        out.push(k);
      }
    }
  }
  return out;
}

/** Whether the session is paused now (the last pause not yet followed by a resume). */
export function isPaused(entries: readonly Entry[]): boolean {
  for (let i = entries.length - 1; i >= 0; i--) {
    const type = entries[i]?.op.type;
    if (type === 'paused') return true;
    if (type === 'resumed') return false;
  }
  return false;
}

/** Session time (ms) at which the current break started, or null when not on a break. */
export function breakStartedAtMs(entries: readonly Entry[]): number | null {
  for (let i = entries.length - 1; i >= 0; i--) {
    const entry = entries[i];
    if (entry?.op.type === 'break-started') return entry.elapsedMs;
    if (entry?.op.type === 'break-ended') return null;
  }
  return null;
}
