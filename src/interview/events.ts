// What a session event holds inside its ciphertext. Every event is append-only: corrections
// are new `note` events with a higher version that point at the one they replace.
import type { KeptPlanOptions } from '../protocols';
import type { ExtendedLinkBody } from './extended';
import type { MediaEventBody } from './media';
import type { SealedSource } from './sealed-sources';

export type NoteKind = 'question' | 'child' | 'observation' | 'mdt' | 'interpreter';
export type SessionMode = 'live' | 'practice' | 'review';
export type ObserverRole =
  'law-enforcement' | 'cps' | 'prosecutor' | 'advocate' | 'medical' | 'interpreter' | 'other';

/** An observer as given at session start and kept in the session's (encrypted) metadata. */
export interface Observer {
  role: ObserverRole;
  name?: string;
  /**
   * Interpreter only: when the interpreter briefing of the case's planning record was completed
   * and by whom, copied into the session at its start (src/interview/planning.ts).
   */
  briefingCompleted?: { at: string; by: string };
}

/**
 * An observer as the sealed `session-started` event lists them: the name only as its salted
 * digest (name-commitment.ts), so a bundle can leave it out and still verify. `name` is found
 * only in sessions started before name commitments (their chain must recompute as it was).
 */
export type SealedObserver = Omit<Observer, 'name'> & {
  nameCommitment?: string;
  /** Sessions started before name commitments only: the name in the clear. */
  name?: string;
};

/** Words as the child (or interpreter) said them, in their own language: never translated. */
export interface OriginalWords {
  text: string;
  /** Language code of `text` ("es", "pt", "es-MX"...). */
  language: string;
}

/**
 * A question an observer behind the glass suggests. The format does not depend on where it was
 * typed: `origin.device` is 'local' for this machine's observer panel; a second device joining
 * later writes its own id and its own clock's `submittedAt`, and the host appends the event
 * unchanged (its `at` and `by` are the host's, as for every event). Decisions refer to `suggestionId`, never to a sequence number.
 * A named suggestion carries only `nameCommitment`; the device sends the name's disclosure
 * (name + salt, name-commitment.ts) beside the event, and the host stores it in the session's name
 * records after checking that it hashes to the commitment (disclosureMatches).
 */
export interface ObserverSuggestionBody {
  type: 'observer-suggestion';
  /** 'sugg_' + 32 hex, random: unique across devices. */
  suggestionId: string;
  role: ObserverRole;
  /**
   * The salted digest of the observer's name, when they gave one (name-commitment.ts); the name
   * and salt are in the session's name records, disclosed at export only when names are chosen.
   */
  nameCommitment?: string;
  /** Sessions recorded before name commitments only: the name in the clear. */
  name?: string;
  text: string;
  /** Where it was typed; `submittedAt` is that device's clock (absent for 'local': `at` is it). */
  origin: { device: string; submittedAt?: string };
}

/**
 * An observer behind the glass not on the session's observer list, recorded as joined when their
 * first suggestion arrives (audit 19e, B19e-6: people who sent suggestions were observers). The
 * core writes it just before that suggestion, for a role and name (case and spacing aside) that
 * neither the sealed start nor an earlier `observer-joined` lists; a nameless suggestion matches
 * any listed observer of its role. Never withheld by the observer-queue choice (it holds no
 * suggestion text), so every copy's header can list who watched; the name only as its salted
 * digest, disclosed when the export includes names. Sessions recorded before it have none.
 */
export interface ObserverJoinedBody {
  type: 'observer-joined';
  role: ObserverRole;
  /** The salted digest of the name given with the suggestion (name-commitment.ts), if any. */
  nameCommitment?: string;
  /** The suggestion whose arrival showed them behind the glass. */
  suggestionId: string;
  origin: { device: string };
}

/**
 * The interviewer's decision at the break (Hearth's own record of it; Newlin et al. 2015: the
 * interviewer decides, and the recording is the record of what was asked). 'accepted' means
 * "will ask as written"; whether it was then asked is read from the question notes that follow.
 * 'undecided': the interviewer chose at the seal to leave it undecided ("not reached before the
 * end"), so the record says why it was not asked (issue #19 audit B19-4).
 */
export type ObserverDecision = 'accepted' | 'rephrased' | 'declined' | 'undecided';
/** Sessions recorded before the rename hold 'asked', which meant 'accepted' (decided, not asked). */
export type StoredObserverDecision = ObserverDecision | 'asked';

/** Reads a stored decision in today's terms ('asked' was the old name of 'accepted'). */
export function decisionOf(stored: StoredObserverDecision): ObserverDecision {
  return stored === 'asked' ? 'accepted' : stored;
}

/** The question coach's verdict on the wording that was asked (src/questions classifyQuestion). */
export interface CoachVerdict {
  type: string;
  subtype: string;
  recommended: boolean;
  reason: string;
}

/** What the interviewer did with one suggestion, usually at the break. */
export interface ObserverDecisionBody {
  type: 'observer-decision';
  suggestionId: string;
  decision: StoredObserverDecision;
  /** The wording the interviewer will ask (accepted: the suggestion's; rephrased: the new one). */
  text?: string;
  /**
   * Why it was declined (required then); why it is asked although the coach does not recommend
   * the wording or its rendering (required then); else an optional note.
   */
  reason?: string;
  /** The coach's verdict on `text`, in the session's language. */
  coach?: CoachVerdict;
  /** The interpreter's rendering agreed at the break, in the child's language, if recorded. */
  rendering?: OriginalWords;
  /** The coach's verdict on `rendering`, in its own language (only for a language it supports). */
  renderingCoach?: CoachVerdict;
  /**
   * Whether a break was open when the decision was recorded (B19-12). Every decision recorded
   * since Hearth links questions to suggestions carries it; its absence marks an older decision,
   * whose "asked afterwards" can only be judged by wording (see observers.ts askedIn).
   */
  atBreak?: boolean;
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
      /** 2: chain links event digests; 3: links kind and digest (chain.ts); absent in older sessions. */
      chain?: 2 | 3;
      sessionId: string;
      caseId?: string;
      mode: SessionMode;
      protocolId: string;
      ageYears: number;
      language: string;
      /** Names as salted digests (name-commitment.ts); in the clear in older sessions. */
      observers: SealedObserver[];
      room?: string;
      /** The plan screen's choices (SessionPlanOptions), sealed from the first event. */
      planOptions?: SessionPlanOptions;
      /**
       * The phase the session starts in (entered without a phase-entered event) with its source
       * as the plan named it at the start (sealed-sources.ts). Absent in sessions started before
       * Hearth sealed sources, and in imported transcripts (no plan).
       */
      firstPhase?: { phaseId: string; source: SealedSource };
      /**
       * Present (true) when the session started on an allegation-blind case: the plan stays
       * blind for the whole session whatever the rewritable case record says later (R12-3).
       * Absent when the case was not blind, and in sessions started before Hearth sealed it.
       */
      allegationBlind?: true;
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
      /**
       * Interpreted turn. A question: `text` is the interviewer's words and `original` what the
       * interpreter said to the child. A child turn: `text` is the interpreter's rendering in
       * the interview's language and `original` the child's own words, verbatim.
       */
      interpreted?: boolean;
      /** Question: the interpreter's rendering; child: the child's own words, verbatim. */
      original?: OriginalWords;
      /**
       * A question: the planned prompt the interviewer picked with Use (e.g. 'transition.why'),
       * as worded or with its blanks filled. Absent in notes typed freely and in notes written
       * before Hearth recorded it (practitioner review 7, P7-2), so it is optional.
       */
      promptId?: string;
      /**
       * With promptId: that prompt's source as the plan named it when the question was saved
       * (sealed-sources.ts), so the transcript cites what was in force. Absent in notes written
       * before Hearth sealed sources.
       */
      promptSource?: SealedSource;
      /**
       * A question: the observer suggestion it asks (accepted or rephrased at the break), linked
       * by the interviewer's "Use this wording" action (B19-1). Absent in questions typed freely
       * and in notes written before Hearth recorded the link. Also set by Hearth on a question
       * typed with exactly the decided wording (case, spacing and punctuation aside) of one
       * suggestion still waiting to be asked; `suggestionLinkedBy` then says so (B19e-1).
       */
      suggestionId?: string;
      /** 'wording': the link above was made by matching the typed wording, not by the button. */
      suggestionLinkedBy?: 'wording';
    }
  | ObserverSuggestionBody
  | ObserverJoinedBody
  | ObserverDecisionBody
  /** `source`: the phase's source as the plan named it (absent in older sessions). */
  | { type: 'phase-entered'; phaseId: string; source?: SealedSource }
  | { type: 'checklist-item-done'; phaseId: string; itemId: string }
  | { type: 'break-started'; reason: string }
  | { type: 'break-ended'; reason?: string }
  | { type: 'distress-observed'; text?: string }
  /**
   * The interviewer noted that the child is reluctant (holds back, "I don't know", silence), in
   * the phase the session was in. The guidance withholds escalating prompts and offers support
   * while it holds; later sessions of an extended interview see it in their continuity summary.
   */
  | { type: 'reluctance-noted'; phaseId?: string }
  /**
   * The interviewer withdrew the latest `reluctance-noted` of this session (a mistaken "Child
   * reluctant" press, undone from the live screen's Undo line). The noted event stays in the
   * chain; this one says it was withdrawn and when, as a corrected note keeps both versions.
   */
  | { type: 'reluctance-withdrawn'; phaseId?: string }
  /**
   * The interviewer recorded that the child's reluctance ended (the live screen's "Reluctance
   * ended"), in the phase the session was in: every standing "Child reluctant" of this session,
   * and reluctance carried from an earlier session, no longer holds (reluctance.ts). The presses
   * stay in the chain. `fromSession`: the reluctance ended was carried from that earlier session
   * of the extended interview (no press of this session stood), so the record says where it
   * came from.
   */
  | { type: 'reluctance-ended'; phaseId?: string; fromSession?: number }
  /**
   * The interviewer recorded, when it happened, that the child named the person (in the phase the
   * session was in). Its time is the one fact that makes Ten Step's putative-confession option
   * defensible: the guidance offers that prompt only after this event (practitioner review 8, P8-2).
   */
  | { type: 'person-named'; phaseId?: string }
  /**
   * The latest `person-named` of this session withdrawn (a mistaken press, undone from the live
   * screen's Undo line). The named event stays in the chain, as for `reluctance-withdrawn`.
   */
  | { type: 'person-named-withdrawn'; phaseId?: string }
  /** An aid used, or the recorded decision not to use one (media.ts). */
  | MediaEventBody
  /** This session's place in an extended (multi-session) interview (extended.ts). */
  | ExtendedLinkBody
  | { type: 'recording-marker'; marker: 'started' | 'restarted' }
  /**
   * The recording's fingerprint, added before sealing so the seal covers it: SHA-256 (hex) of
   * the video file's bytes, its size in bytes and its file name (no folder).
   */
  | {
      type: 'recording-fingerprint';
      sha256: string;
      bytes: number;
      /**
       * A label the interviewer chose (e.g. "Camera 1"). The video's file name is not stored by
       * default: it can hold the child's name. Absent: the recording is unnamed.
       */
      label?: string;
      /** Older sessions only: the file name as typed (kept so their chains still recompute). */
      fileName?: string;
    }
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
      /**
       * Events before the seal written by someone other than the interviewer (R8-D), ascending
       * seq; present only when there are any (the seal statement is then `hearth.seal.v2`).
       */
      foreignEvents?: Array<{ seq: number; by: string }>;
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
/** One speaker label of an imported transcript and the role it was given. */
export interface SpeakerMappingEntry {
  label: string;
  role: 'interviewer' | 'child' | 'interpreter' | 'other';
  turns: number;
  chosenBy: 'reviewer' | 'hearth';
}

/**
 * The plan choices made on the plan screen that the case does not hold, kept with the session so a
 * resumed session (after a lock, a restart, or opened from the case) plans exactly as it started:
 * Hearth's break-reminder minutes (null: off) and Ten Step's putative-confession decision (who
 * decided; offered only after the child names the person in this interview). Sealed in the
 * session-started event and kept in the encrypted session record; absent in older sessions.
 */
export type SessionPlanOptions = KeptPlanOptions;

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
  /**
   * Imported transcripts: each speaker label as written, the role it was given, how many turns
   * it has and whether the reviewer chose the role or Hearth recognised the label. Labels are
   * often names: kept only here, in the encrypted session record, and never in errors or logs.
   */
  speakerMapping?: SpeakerMappingEntry[];
  /** The plan screen's choices for this session (SessionPlanOptions); absent in older sessions. */
  planOptions?: SessionPlanOptions;
  startedAt: string;
  status: 'active' | 'sealed';
  sealedAt?: string;
  version: number;
}
