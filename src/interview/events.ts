// What a session event holds inside its ciphertext. Every event is append-only: corrections
// are new `note` events with a higher version that point at the one they replace.
export type NoteKind = 'question' | 'child' | 'observation' | 'mdt' | 'interpreter';
export type SessionMode = 'live' | 'practice' | 'review';
export type ObserverRole =
  'law-enforcement' | 'cps' | 'prosecutor' | 'advocate' | 'medical' | 'interpreter' | 'other';

export interface Observer {
  role: ObserverRole;
  name?: string;
}

interface EventBase {
  seq: number;
  /** Wall-clock time, UTC ISO 8601 with milliseconds. */
  at: string;
  /** Monotonic time since the session started. */
  elapsedMs: number;
  /** Offset into the CAC recording (from the latest recording marker), or null before one. */
  recordingOffsetMs: number | null;
  /** Who caused the event. */
  by: string;
}

export type SessionEventBody =
  | {
      type: 'session-started';
      /** 2 for sessions whose chain links event digests (chain.ts); absent in older sessions. */
      chain?: 2;
      sessionId: string;
      caseId?: string;
      mode: SessionMode;
      protocolId: string;
      ageYears: number;
      language: string;
      observers: Observer[];
      room?: string;
    }
  | {
      type: 'note';
      noteId: string;
      kind: NoteKind;
      text: string;
      version: number;
      replacesSeq?: number;
      keywords?: string[];
      reason?: string;
    }
  | { type: 'phase-entered'; phaseId: string }
  | { type: 'checklist-item-done'; phaseId: string; itemId: string }
  | { type: 'break-started'; reason: string }
  | { type: 'break-ended'; reason?: string }
  | { type: 'distress-observed'; text?: string }
  | { type: 'recording-marker'; marker: 'started' | 'restarted' }
  | { type: 'paused'; reason?: string }
  | { type: 'resumed'; reason?: string }
  /** Added on resume when the process holding the session died: when the last event was written. */
  | { type: 'interrupted'; lastEventSeq: number; lastElapsedMs: number }
  | {
      type: 'sealed';
      head: string;
      eventCount: number;
      signer: string;
      signerPublicKey: string;
      signature: string;
    }
  | {
      type: 'addendum';
      text: string;
      /** Chain head over every event before this addendum, signed with the text. */
      head: string;
      signerPublicKey: string;
      signature: string;
    };

export type SessionEvent = EventBase & SessionEventBody;
export type SessionEventType = SessionEvent['type'];

/** The session's own record (besides its events): who, what, which case. */
export interface SessionMeta {
  sessionId: string;
  caseId?: string;
  mode: SessionMode;
  protocolId: string;
  ageYears: number;
  language: string;
  interviewer: string;
  observers: Observer[];
  room?: string;
  /** Imported transcripts (review sessions): the name the reviewer gave it. */
  title?: string;
  startedAt: string;
  status: 'active' | 'sealed';
  sealedAt?: string;
  version: number;
}
