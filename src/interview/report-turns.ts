// A session's events as the question coach's turns: the latest version of every interviewer
// question and child's-words note, in order, with the phase it was asked in. Observations,
// MDT and interpreter notes are not utterances of the interview and are left out. A child turn
// keeps its own-language original (interpreted or code-switched), part of what the child said for
// the coach (src/questions/child-said.ts; audit 19c, B19c-2).
import type { Turn } from '../questions';
import type { SessionEvent } from './events';

/**
 * The coach's turns of a session's events (see above): the latest version of each question and
 * child note, in the order first written, a child turn with its own-language original.
 */
export function turnsOf(events: readonly SessionEvent[]): Turn[] {
  const latest = new Map<string, SessionEvent & { type: 'note' }>();
  const firstSeq = new Map<string, number>();
  const phaseAtSeq = new Map<number, string>();
  let phase: string | undefined;
  // An imported transcript's times are its own; an untimed one has none (not 0:00 for all).
  let review = false;
  for (const event of events) {
    if (event.type === 'session-started') review = event.mode === 'review';
    if (event.type === 'phase-entered') phase = event.phaseId;
    if (event.type !== 'note') continue;
    latest.set(event.noteId, event);
    if (!firstSeq.has(event.noteId)) {
      firstSeq.set(event.noteId, event.seq);
      if (phase !== undefined) phaseAtSeq.set(event.seq, phase);
    }
  }
  const turns: Turn[] = [];
  const ordered = [...latest.entries()].sort(
    (a, b) => (firstSeq.get(a[0]) ?? 0) - (firstSeq.get(b[0]) ?? 0),
  );
  for (const [noteId, note] of ordered) {
    if (note.kind !== 'question' && note.kind !== 'child') continue;
    const seq = firstSeq.get(noteId) ?? note.seq;
    const phaseId = phaseAtSeq.get(seq);
    turns.push({
      speaker: note.kind === 'question' ? 'interviewer' : 'child',
      text: note.text,
      ...(note.kind === 'child' && note.original ? { original: note.original } : {}),
      ...(review
        ? note.recordingOffsetMs !== null
          ? { startMs: note.recordingOffsetMs }
          : {}
        : { startMs: note.recordingOffsetMs ?? note.elapsedMs }),
      ...(phaseId !== undefined ? { phaseId } : {}),
    });
  }
  return turns;
}
