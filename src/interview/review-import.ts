// Imported transcripts: a recorded interview brought in for review (question coding, quality
// report) is stored as a read-only `review` session, all its turns in one transaction.
import { can, getCase, HearthError, newId } from '../vault';
import { CURRENT_CHAIN_VERSION, genesisHash } from './chain';
import { SessionClock } from './clock';
import type { SessionEvent, SessionMeta, SpeakerMappingEntry } from './events';
import { initialState } from './state';
import type { Loaded, SessionContext } from './session-context';

export interface ReviewImport {
  caseId?: string;
  language: 'en' | 'es';
  ageYears?: number;
  title?: string;
  /** The confirmed label-to-role mapping, stored with the review (encrypted). */
  speakerMapping?: SpeakerMappingEntry[];
  turns: Array<{
    speaker: 'interviewer' | 'child' | 'interpreter' | 'other';
    text: string;
    /** Offset in the recording; absent for untimed transcripts (stored as null, not 0). */
    startMs?: number;
  }>;
}

const NOTE_KIND_OF_SPEAKER = {
  interviewer: 'question',
  child: 'child',
  interpreter: 'interpreter',
  other: 'observation',
} as const;

/** SessionService.importReview: see there. */
export function importReview(
  ctx: SessionContext,
  input: ReviewImport,
): { sessionId: string; turns: number } {
  const user = ctx.user();
  if (!can(user.role, 'cases.read'))
    throw new HearthError(
      'FORBIDDEN',
      `Your role (${user.role}) does not allow importing transcripts.`,
    );
  let ageYears = input.ageYears ?? 0;
  if (input.caseId) ageYears = getCase(ctx.vault, input.caseId).childAgeYears;
  const sessionId = newId('sess');
  const startedAt = ctx.nowIso();
  const meta: SessionMeta = {
    sessionId,
    ...(input.caseId ? { caseId: input.caseId } : {}),
    mode: 'review',
    protocolId: 'none',
    ageYears,
    language: input.language,
    interviewer: user.username,
    observers: [],
    ...(input.title ? { title: input.title } : {}),
    ...(input.speakerMapping?.length ? { speakerMapping: input.speakerMapping } : {}),
    startedAt,
    status: 'active',
    version: 1,
  };
  const state = initialState(meta, genesisHash(sessionId));
  const events: SessionEvent[] = [
    {
      type: 'session-started',
      chain: CURRENT_CHAIN_VERSION,
      sessionId,
      ...(meta.caseId ? { caseId: meta.caseId } : {}),
      mode: 'review',
      protocolId: 'none',
      ageYears,
      language: meta.language,
      observers: [],
      seq: 1,
      at: startedAt,
      elapsedMs: 0,
      recordingOffsetMs: null,
      by: user.username,
    },
  ];
  let lastMs = 0;
  for (const turn of input.turns) {
    lastMs = Math.max(lastMs, turn.startMs ?? lastMs);
    events.push({
      type: 'note',
      noteId: newId('note'),
      kind: NOTE_KIND_OF_SPEAKER[turn.speaker],
      text: turn.text,
      version: 1,
      seq: events.length + 1,
      at: startedAt,
      elapsedMs: lastMs,
      recordingOffsetMs: turn.startMs ?? null,
      by: user.username,
    });
  }
  const loaded: Loaded = {
    state,
    plan: undefined,
    clock: new SessionClock(ctx.clocks, Date.parse(startedAt), lastMs),
    resumed: true,
    summarySeq: 0,
  };
  ctx.commitNewSession(loaded, 'questions.importTranscript', events, {
    turns: input.turns.length,
  });
  return { sessionId, turns: input.turns.length };
}
