// The export's input: everything a sealed session contributes to a bundle, as plain JSON.
// The export never reads src/interview directly; an adapter (src/export/source.ts) builds this
// from a sealed session, so the bundle format does not change when the session storage does.
// Every time is an ISO 8601 UTC string with milliseconds ("2026-03-04T10:15:02.123Z"); every
// key, hash and signature is lower-case hex. Free text may be any Unicode: the export
// normalises it to NFC.

import type { ExtendedSeriesRecord, NameDisclosure, SessionEvent } from '../interview';
import type { Certificate, Withdrawal } from '../vault';

/** Bumped when a field's meaning changes; the adapter writes the version it was written for. */
export const TRANSCRIPT_INPUT_VERSION = 1;

export type SessionMode = 'live' | 'practice' | 'review';

/** The note kinds of `sessions.addNote`. */
export const NOTE_KINDS = ['question', 'child', 'observation', 'mdt', 'interpreter'] as const;
export type NoteKind = (typeof NOTE_KINDS)[number];

/** Event types of the session timeline. Unknown types are still exported, verbatim. */
export type EventType =
  | 'note'
  | 'note-edited'
  | 'phase-entered'
  | 'checklist-item-done'
  | 'break-started'
  | 'break-ended'
  | 'distress-observed'
  | 'recording-marker'
  | 'recording-fingerprint'
  | 'paused'
  | 'resumed'
  | 'interrupted'
  | (string & {});

export interface CaseInfo {
  /** Vault case id ("case_<32 hex>"). */
  caseId: string;
  /** The agency's case reference (e.g. "CAC-2026-0142"); omitted when not permitted. */
  reference?: string;
  /** The child's alias as recorded on the case (never the legal name). */
  childAlias?: string;
  childAgeYears?: number;
  childAgeMonths?: number;
  /** Language of the interview with the child ("es", "en"...). */
  language?: string;
  interpreterNeeded?: boolean;
  /** The MDT's allegation summary; the export drops it unless the user includes it. */
  allegationSummary?: string;
}

export interface Observer {
  /** e.g. "detective", "cps", "prosecutor", "mdt", "interpreter", "support". */
  role: string;
  name?: string;
  /** Interpreter: when the case's interpreter briefing was completed, copied at session start. */
  briefingCompleted?: { at: string; by: string };
}

export interface SessionInfo {
  /** Protocol id from src/protocols (e.g. "nichd-revised") and its display name. */
  protocolId: string;
  protocolName: string;
  /** The age band id used for guidance (e.g. "6-8"). */
  ageBand: string;
  /** Language the interview was conducted in. */
  language: string;
  interviewer: { username: string; displayName: string };
  observers: Observer[];
  /** Room or location label, e.g. "Interview room 2". */
  room?: string;
  startedAt: string;
  /** When the recording (video) started: recording offsets count from here. */
  recordingStartedAt?: string;
  sealedAt: string;
  /** Username of the user who sealed the session. */
  sealedBy: string;
}

export interface PhaseEntry {
  phaseId: string;
  /** Phase title in the session's language, e.g. "Rapport". */
  title: string;
  enteredAt: string;
  /** Milliseconds from session start. */
  elapsedMs: number;
}

export interface QuestionCoding {
  /** From src/questions: e.g. "invitation", "directive", "option-posing", "suggestive". */
  type: string;
  subtype: string;
  recommended: boolean;
}

export interface TimelineEvent {
  /** 1-based position in the sealed session's event chain; strictly increasing. */
  seq: number;
  type: EventType;
  at: string;
  /** Milliseconds from session start (monotonic clock; not derived from `at`). */
  elapsedMs: number;
  /** Milliseconds from recordingStartedAt; null before the recording started or without one. */
  recordingOffsetMs: number | null;
  /** For notes: what the note records. */
  kind?: NoteKind;
  text?: string;
  /** For notes: 1 for the original; edits are new events with version > 1 and replacesSeq. */
  version?: number;
  /** For an edited note: the seq of the event it supersedes (the original stays in the chain). */
  replacesSeq?: number;
  /** Keywords tagged on a note (e.g. "disclosure"). */
  keywords?: string[];
  /** For phase-entered (and optionally any event): the phase it belongs to. */
  phaseId?: string;
  /** For breaks, pauses and interruptions: why (free text or a code). */
  reason?: string;
  /** For question notes, when coding was computed. Exported only when the user asks for it. */
  coding?: QuestionCoding;
  /** Notes: rendered by the interpreter (issue #19, see team.ts). */
  interpreted?: boolean;
  /** Notes: the speaker's own-language words, verbatim. */
  original?: { text: string; language: string };
  /** Question notes: the observer suggestion this question asks (linked with "Use this wording"). */
  asksSuggestionId?: string;
  /** Observer suggestions and decisions (exported only when the queue is chosen). */
  observer?: {
    suggestionId: string;
    role?: string;
    name?: string;
    decision?: 'accepted' | 'rephrased' | 'declined' | 'undecided';
    /** Decisions: whether a break was open when it was recorded (absent in older records). */
    atBreak?: boolean;
    coachRecommended?: boolean;
    /** The coach's verdict on the interpreter's rendering agreed at the break, if coded. */
    renderingCoachRecommended?: boolean;
    /** Suggestions: the user signed in at the station where it was typed. */
    enteredBy?: string;
  };
}

export interface SealInfo {
  /** Head (hex) of the session's event hash chain at sealing. */
  head: string;
  /** Number of events covered by the head. */
  eventCount: number;
  /** Ed25519 signature (hex) over src/interview's sealStatement() (see seal.ts: sealMessage). */
  signature: string;
  /** The interviewer's Ed25519 public key (hex, 32 bytes). */
  signerPublicKey: string;
  /**
   * Events before the seal written by someone other than the interviewer (red team round 8,
   * R8-D), ascending seq, as the seal names them (signed with it, `hearth.seal.v2`). Present
   * only when there are any; such a transcript.json is format v3.
   */
  foreignEvents?: Array<{ seq: number; by: string }>;
}

/** An event written after the seal by someone other than the sealer (names only, no text). */
export interface AfterSealInfo {
  seq: number;
  by: string;
  /** The time the event states (its writer's client chose it). */
  at: string;
  type: string;
  kind?: NoteKind;
}

export interface Addendum {
  /** The addendum's event seq in the session chain (after the seal: > seal.eventCount). */
  seq: number;
  at: string;
  /** Username of the author. */
  author: string;
  text: string;
  /** Ed25519 signature (hex) over src/interview's addendumStatement() (seal.ts: addendumMessage). */
  signature: string;
  /** Head (hex) of the session chain the addendum was written after (as signed). */
  head: string;
  /** The author's public key (hex); when present, the export and verifier check the signature. */
  authorPublicKey?: string;
}

export interface ImportedTurn {
  /** "interviewer" | "child" | "interpreter" | other label from the imported file. */
  speaker: string;
  text: string;
  /** Offset into the recording in ms, when the source file had times. */
  startMs?: number;
  endMs?: number;
  coding?: QuestionCoding;
}

export interface ImportedTranscript {
  /** "vtt" | "srt" | "text". */
  format: string;
  /** sha256 (hex) of the imported file as received. */
  sourceSha256: string;
  importedAt: string;
  importedBy: string;
  turns: ImportedTurn[];
}

/** Custody so far (inside the vault): at least the sealing. The export appends its own entry. */
export interface CustodyInput {
  action: 'sealed' | 'addendum' | 'exported' | (string & {});
  at: string;
  actor: string;
  /** Free text, e.g. "end of interview". */
  note?: string;
  /** On the sealing entry: the events others wrote that the seal names (SealInfo.foreignEvents). */
  foreignEvents?: Array<{ seq: number; by: string }>;
  /** On a `written-after-seal` entry: the event (R10-14; its writer is `actor`). */
  event?: { seq: number; type: string; kind?: NoteKind };
}

/** What the centre key vouches for, as the vault holds it at export (see trust.ts). */
export interface TrustInput {
  /** minisign key id text of the centre key. */
  centreKeyId: string;
  /** The centre's Ed25519 public key, hex. */
  centrePublicKey: string;
  /** Every certificate record of the vault; the bundle keeps those of the keys that signed. */
  certificates: Array<{ certificate: Certificate; withdrawal?: Withdrawal }>;
  /** The centre-signed staff key list: staff-keys.txt and its .minisig. */
  staffKeys: { text: string; minisig: string };
}

export interface TranscriptInput {
  inputVersion: number;
  /** Vault id (hex, 16 bytes). */
  vaultId: string;
  /** Session id as used by `sessions.*`. */
  sessionId: string;
  /** Only 'live' sessions are evidence; 'practice' is refused; 'review' sessions are refused too. */
  mode: SessionMode;
  case: CaseInfo;
  session: SessionInfo;
  phases: PhaseEntry[];
  /**
   * The phase the session starts in (the plan's first phase): interviewers rarely announce it,
   * so no `phase-entered` event records it. Shown from rendition version 3; the exporter's
   * statement from the protocol plan (the plan is not in the bundle).
   */
  firstPhase?: { phaseId: string; title: string };
  /**
   * Every event the seal covers (seq 1..seal.eventCount), in order: notes, note versions,
   * phases, breaks... The 'sealed' event itself goes in `seal`, later 'addendum' events in
   * `addenda`. Text as stored (NFC, as the interview module writes it).
   */
  events: TimelineEvent[];
  seal: SealInfo;
  /** Written after the seal, in order. */
  addenda: Addendum[];
  importedTranscript?: ImportedTranscript;
  /**
   * The case's planning record (src/interview/planning.ts, as the exporter may read it). Only
   * bundled, as planning-record.json, when the export choices include it.
   */
  planningRecord?: Record<string, unknown>;
  custody: CustodyInput[];
  /**
   * Events someone other than the sealer wrote after the seal that are not addenda (red team
   * round 10, R10-14), ascending seq: withheld from the bundle's chain, named in transcript.json
   * (`afterSeal`) and custody. Absent when none.
   */
  writtenAfterSeal?: AfterSealInfo[];
  /**
   * Every stored event of the session (seq 1..last: the sealed record, the seal event, then each
   * addendum) exactly as it was chained, so transcript.json can carry the chain (chain-view.ts).
   */
  chain: SessionEvent[];
  /**
   * Every name the chain commits to (src/interview/name-commitment.ts), with its salt, from the
   * session's name records. The bundle discloses those of shown events only when observer names
   * are chosen (names.ts); sessions sealed before name commitments have none.
   */
  nameDisclosures?: NameDisclosure[];
  trust: TrustInput;
  /**
   * The extended interview this session belongs to, as the vault held it at export: every linked
   * session with its seal head (manifest.json `extendedInterview`). Absent for a single session.
   */
  extended?: ExtendedSeriesRecord;
}
