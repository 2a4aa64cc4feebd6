// Interview sessions: timestamped notes, phases, breaks, recording marker, sealing, addenda.
// Every event is an append-only sealed record; acknowledgements come after the commit.
import { z } from 'zod';
import { MEDIA_ACTIONS, MEDIA_AIDS, MEDIA_STANCES } from '../../protocols';
import { QUESTION_TYPES } from '../../questions';
import { caseId, isoTime, pageInfo, pageRequest, spokenLanguage } from './common';

export const sessionId = z.string().regex(/^sess_[0-9a-f]{32}$/, 'Session id is not valid');
export const noteId = z.string().regex(/^note_[0-9a-f]{32}$/, 'Note id is not valid');
export const sessionMode = z.enum(['live', 'practice', 'review']);
export const noteKind = z.enum(['question', 'child', 'observation', 'mdt', 'interpreter']);
export const observerRole = z.enum([
  'law-enforcement',
  'cps',
  'prosecutor',
  'advocate',
  'medical',
  'interpreter',
  'other',
]);
export const eventType = z.enum([
  'session-started',
  'note',
  'phase-entered',
  'checklist-item-done',
  'break-started',
  'break-ended',
  'distress-observed',
  'reluctance-noted',
  'reluctance-withdrawn',
  'reluctance-ended',
  'person-named',
  'person-named-withdrawn',
  'media-aid',
  'extended-link',
  'recording-marker',
  'recording-fingerprint',
  'paused',
  'resumed',
  'interrupted',
  'sealed',
  'addendum',
  'observer-suggestion',
  'observer-joined',
  'observer-decision',
]);

/** The longest note, in UTF-16 code units (what JavaScript's `length` counts). */
export const NOTE_TEXT_MAX_CHARS = 20_000;
const noteText = z
  .string()
  .refine((t) => t.trim().length > 0, 'Note text is empty')
  .refine((t) => t.length <= NOTE_TEXT_MAX_CHARS, 'Note text: at most 20,000 characters');
const keywords = z.array(z.string().trim().min(1).max(100)).max(50);
/** A planned prompt's id: dotted words, e.g. 'transition.talkedTo' (protocol data, never text). */
const promptId = z
  .string()
  .max(100)
  .regex(/^[a-z][A-Za-z0-9]*(\.[A-Za-z0-9-]+)+$/, "a prompt id such as 'transition.why'");
/** An observer suggestion's id ('sugg_' + 32 hex, random). */
export const suggestionId = z.string().regex(/^sugg_[0-9a-f]{32}$/, 'Suggestion id is not valid');
/** The speaker's own-language words, verbatim, beside the rendering (interpreted or code-switched turns). */
export const originalWords = z.strictObject({
  text: noteText,
  language: spokenLanguage,
});
const draftOriginal = z.strictObject({
  text: z.string().max(20_000, 'Draft own words: at most 20,000 characters'),
  language: z.string().max(35, 'Draft language: at most 35 characters'),
});
const shortReason = z
  .string()
  .trim()
  .min(1, 'A reason is required')
  .max(500, 'Reason: at most 500 characters');
const phaseId = z.string().regex(/^[A-Za-z0-9._-]{1,60}$/, 'Phase id is not valid');
const itemId = z.string().regex(/^[A-Za-z0-9._-]{1,60}$/, 'Checklist item id is not valid');

/** What every appended event acknowledges, once it is durably committed. */
export const eventAck = z.object({
  seq: z.int(),
  at: isoTime,
  elapsedMs: z.number(),
  /** Offset into the CAC's recording, once "recording started" was marked; null before. */
  recordingOffsetMs: z.number().nullable(),
});

export const sessionSummary = z.object({
  sessionId,
  /**
   * Events sealed under a key wrapped for other roles (sec52): their positions. The rest of the
   * summary is folded from the events this sign-in may read; absent when it reads them all.
   */
  withheldEvents: z.array(z.int()).optional(),
  caseId: caseId.optional(),
  mode: sessionMode,
  protocolId: z.string(),
  ageYears: z.int(),
  ageBand: z.string(),
  language: z.string(),
  interviewer: z.string(),
  observers: z.array(z.object({ role: observerRole, name: z.string().optional() })),
  room: z.string().optional(),
  title: z.string().optional(),
  /** Imported transcripts: each speaker label, the role it was given, its turns, who chose it. */
  speakerMapping: z
    .array(
      z.object({
        label: z.string(),
        role: z.enum(['interviewer', 'child', 'interpreter', 'other']),
        turns: z.int(),
        chosenBy: z.enum(['reviewer', 'hearth']),
      }),
    )
    .optional(),
  status: z.enum(['active', 'sealed']),
  startedAt: isoTime,
  sealedAt: isoTime.optional(),
  recordingStartedAt: isoTime.optional(),
  eventCount: z.int(),
  currentPhaseId: z.string().optional(),
  onBreak: z.boolean(),
  paused: z.boolean(),
  /** The child's marked keywords, in order of first use (for cued invitations). */
  keywords: z.array(z.string()),
  /** Its place in an extended interview when linked: series id, session `index` of `planned`. */
  extended: z
    .object({
      seriesId: z.string(),
      index: z.int(),
      planned: z.int(),
      /** The rules phases the session before never reached: planned in full in this one. */
      rulesPhasesNotReached: z.array(z.string()).optional(),
    })
    .optional(),
  /** The plan screen's choices kept with the session (absent when none were made). */
  planOptions: z
    .object({
      breakReminderMinutes: z.number().nullable().optional(),
      putativeConfession: z
        .object({ decidedBy: z.string(), personNamed: z.literal('this-interview') })
        .optional(),
    })
    .optional(),
});

/**
 * An event the signed-in user's role may not open (sec52, issue #15): sealed under a key wrapped
 * for other roles, and vouched for by its certified audit entry. No content, kind or time of its
 * own (all three are inside the sealed record); `afterAt`/`afterElapsedMs` are the time of the
 * event before it.
 */
export const withheldEvent = z.object({
  seq: z.int(),
  afterAt: isoTime.optional(),
  afterElapsedMs: z.number().optional(),
  /** The certified signer of the audit entry that wrote it. */
  writtenBy: z.string(),
  auditEntry: z.int(),
  /** Roles whose class key opens it, and users it is wrapped for by name. */
  readableBy: z.object({ roles: z.array(z.string()), users: z.array(z.string()) }),
});

export const timelineEvent = z.object({
  seq: z.int(),
  type: eventType,
  at: isoTime,
  elapsedMs: z.number(),
  recordingOffsetMs: z.number().nullable(),
  /** hh:mm:ss into the recording, or null before recording started. */
  recordingOffset: z.string().nullable(),
  kind: noteKind.optional(),
  text: z.string().optional(),
  noteId: noteId.optional(),
  /** Note versions: 1 for the original; an edit appends version n+1 that replaces an earlier seq. */
  version: z.int().optional(),
  replacesSeq: z.int().optional(),
  /** True when a later version of this note exists. */
  superseded: z.boolean().optional(),
  keywords: z.array(z.string()).optional(),
  /** Notes: rendered by the interpreter; the speaker's own-language words. */
  interpreted: z.boolean().optional(),
  original: z.object({ text: z.string(), language: z.string() }).optional(),
  /** Questions: the planned prompt the interviewer used (absent in older records). */
  promptId: z.string().optional(),
  /** Observer suggestions and decisions; a question: the suggestion it asks (B19-1). */
  suggestionId: z.string().optional(),
  /** Observer decisions: whether a break was open when it was recorded (absent in older ones). */
  atBreak: z.boolean().optional(),
  observerRole: observerRole.optional(),
  observerName: z.string().optional(),
  decision: z.enum(['accepted', 'rephrased', 'declined', 'undecided']).optional(),
  phaseId: z.string().optional(),
  /** `reluctance-ended`: the earlier session the ended reluctance was carried from. */
  fromSession: z.int().optional(),
  itemId: z.string().optional(),
  reason: z.string().optional(),
  recordingMarker: z.enum(['started', 'restarted']).optional(),
  /** Extended interview: this session's place in the series. */
  extended: z
    .object({
      seriesId: z.string(),
      index: z.int(),
      planned: z.int(),
      previousSessionId: z.string().optional(),
    })
    .optional(),
  /**
   * Media: the aid used or decided against, the protocol's stance when it was recorded, and the
   * phase the session was in (absent on events recorded before the phase was sealed with them).
   */
  media: z
    .object({
      action: z.enum(MEDIA_ACTIONS),
      aid: z.enum(MEDIA_AIDS),
      stance: z.enum(MEDIA_STANCES),
      phaseId: z.string().optional(),
    })
    .optional(),
  /** Recording fingerprint: SHA-256 (hex) of the video file, its size and name. */
  recording: z
    .object({
      sha256: z.string(),
      bytes: z.number(),
      label: z.string().optional(),
      fileName: z.string().optional(),
    })
    .optional(),
  author: z.string().optional(),
  /** Addenda: written after the seal. */
  afterSeal: z.boolean().optional(),
  /** Seal and addenda: the chain head they sign. */
  head: z.string().optional(),
  /** Seal: who sealed. */
  signer: z.string().optional(),
  /** Interruption: the elapsed time and sequence of the last event before the process died. */
  interruptedAtElapsedMs: z.number().optional(),
  interruptedAfterSeq: z.int().optional(),
});

export const sessionChannels = {
  'sessions.start': {
    request: z.strictObject({
      caseId: caseId.optional(),
      protocolId: z.string().regex(/^[a-z0-9-]{1,40}$/, 'Protocol id is not valid'),
      mode: z.enum(['live', 'practice']),
      language: z.enum(['en', 'es']),
      /** Required for practice sessions (no case); live sessions take the case's age. */
      ageYears: z.int().min(3).max(17).optional(),
      observers: z
        .array(z.strictObject({ role: observerRole, name: z.string().trim().max(100).optional() }))
        .max(20)
        .optional(),
      room: z.string().trim().max(100).optional(),
      /**
       * Start the session linked into an extended interview of its case (as sessions.linkExtended
       * does), checked before anything is written: a refused link leaves no session behind.
       */
      extended: z
        .strictObject({
          plannedSessions: z.int().min(2).max(12),
          previousSessionId: sessionId.optional(),
        })
        .optional(),
      /**
       * The plan screen's choices the case does not hold, kept with the session (sealed in its
       * first event) so a resumed session plans as it started. Refused as protocols.plan refuses
       * them (a putative-confession decision outside Ten Step or its ages): nothing is written.
       */
      planOptions: z
        .strictObject({
          /** Hearth's break-reminder heuristic in minutes; null turns it off. */
          breakReminderMinutes: z.int().min(5).max(120).nullable().optional(),
          putativeConfession: z
            .strictObject({
              decidedBy: z.string().trim().min(1, 'Who decided (MDT and prosecutor)').max(300),
              personNamed: z.literal('this-interview'),
            })
            .optional(),
        })
        .optional(),
    }),
    response: z.object({ sessionId }),
  },
  'sessions.get': { request: z.strictObject({ sessionId }), response: sessionSummary },
  /**
   * A page of sessions, oldest first. `caseIds`: the sessions of several cases in one call (the
   * Cases screen asks for the cases of the page it shows). Reads one summary record per session.
   */
  'sessions.list': {
    request: z.strictObject({
      caseId: caseId.optional(),
      caseIds: z.array(caseId).max(1000).optional(),
      mode: sessionMode.optional(),
      trainee: z.string().max(64).optional(),
      ...pageRequest,
    }),
    /**
     * Without the child's keywords, recording start, phase, break and pause: the listing cannot
     * check them against the chain (R15-4, R16-6); `sessions.get` gives them.
     */
    response: z.object({
      sessions: z.array(
        sessionSummary.omit({
          keywords: true,
          recordingStartedAt: true,
          currentPhaseId: true,
          onBreak: true,
          paused: true,
        }),
      ),
      ...pageInfo,
      /**
       * Sessions of these places that could not be read (altered outside Hearth: red team 25,
       * R25-1): shown as unreadable, with the next step (vault check, then restore), never left
       * out. Absent when there are none.
       */
      unreadable: z.array(z.string().max(200)).optional(),
      /**
       * How many of `unreadable` each asked case holds (case id → count), so a screen marks the
       * case's own row. Absent when there are none.
       */
      unreadableByCase: z.record(caseId, z.number().int().min(1)).optional(),
    }),
  },
  /**
   * Fingerprints the interview's video file (streamed SHA-256, progress events on the way) and
   * adds it to the open session's record, so the seal covers it. Refused once sealed. Stores
   * the SHA-256 and size only; the file name is never stored (it can hold the child's name),
   * `label` only when the user chose one.
   */
  'sessions.addRecordingFingerprint': {
    request: z.strictObject({
      sessionId,
      path: z.string().min(1).max(4096),
      label: z.string().max(200).optional(),
    }),
    response: z.object({
      seq: z.int(),
      sha256: z.string(),
      bytes: z.number(),
      label: z.string().optional(),
    }),
  },
  'sessions.markRecording': {
    request: z.strictObject({ sessionId, restart: z.boolean().optional() }),
    response: eventAck,
  },
  'sessions.enterPhase': { request: z.strictObject({ sessionId, phaseId }), response: eventAck },
  'sessions.checkItem': {
    request: z.strictObject({ sessionId, phaseId, itemId }),
    response: eventAck,
  },
  'sessions.addNote': {
    request: z.strictObject({
      sessionId,
      kind: noteKind,
      text: noteText,
      keywords: keywords.optional(),
      /** The turn was rendered by the interpreter (text is the rendering). */
      interpreted: z.boolean().optional(),
      original: originalWords.optional(),
      /** A question: the planned prompt picked with Use (its id, e.g. 'transition.why'). */
      promptId: promptId.optional(),
      /**
       * A question: the accepted or rephrased observer suggestion it asks, picked with "Use this
       * wording" in the queue (B19-1). The core refuses a link to a pending, declined or unknown one.
       */
      suggestionId: suggestionId.optional(),
    }),
    /**
     * `suggestionNotLinked`: the question was saved without the link it named, because an earlier
     * question already asks that suggestion (B19f-5: one suggestion is asked once in the record;
     * the note is kept so a retried save never loses it). Tell the interviewer.
     */
    response: eventAck.extend({
      noteId,
      suggestionNotLinked: z
        .object({ suggestionId, reason: z.literal('already-asked'), askedSeq: z.int() })
        .optional(),
    }),
  },
  'sessions.editNote': {
    request: z.strictObject({
      sessionId,
      noteId,
      text: noteText,
      keywords: keywords.optional(),
      reason: shortReason.optional(),
    }),
    response: eventAck.extend({ noteId, version: z.int() }),
  },
  'sessions.startBreak': {
    request: z.strictObject({ sessionId, reason: shortReason }),
    response: eventAck,
  },
  'sessions.endBreak': {
    request: z.strictObject({ sessionId, reason: shortReason.optional() }),
    response: eventAck,
  },
  'sessions.markDistress': {
    request: z.strictObject({ sessionId, text: z.string().trim().max(2_000).optional() }),
    response: eventAck,
  },
  /**
   * Records that the child is reluctant now, as a sealed `reluctance-noted` event with the phase
   * the session is in (the live screen's "Child reluctant" control, Alt+L). The guidance then
   * offers support and withholds escalating prompts; later sessions see it in their continuity.
   */
  'sessions.markReluctance': {
    request: z.strictObject({ sessionId }),
    response: eventAck,
  },
  /**
   * Withdraws the session's latest "Child reluctant" (the live screen's Undo, Alt+Z) with a
   * sealed `reluctance-withdrawn` event; the `reluctance-noted` event stays in the record.
   * CONFLICT when there is none to withdraw.
   */
  'sessions.withdrawReluctance': {
    request: z.strictObject({ sessionId }),
    response: eventAck,
  },
  /**
   * Records that the child's reluctance has ended (the live screen's "Reluctance ended"), as a
   * sealed `reluctance-ended` event with the phase the session is in; it ends this session's
   * standing "Child reluctant" presses and the reluctance carried from an earlier session
   * (`fromSession` in the record). The session's interviewer only (FORBIDDEN otherwise);
   * SESSION_SEALED on a sealed session; CONFLICT when no reluctance holds.
   */
  'sessions.endReluctance': {
    request: z.strictObject({ sessionId }),
    response: eventAck,
  },
  /**
   * Records, when it happens, that the child named the person, as a sealed `person-named` event
   * with the phase the session is in (the live screen's "Child named the person", Alt+P). Ten
   * Step's putative-confession prompt is offered only after it; the transcript shows its time.
   */
  'sessions.markPersonNamed': {
    request: z.strictObject({ sessionId }),
    response: eventAck,
  },
  /**
   * Withdraws the session's latest "Child named the person" (the live screen's Undo, Alt+Z) with
   * a sealed `person-named-withdrawn` event; the `person-named` event stays in the record.
   * CONFLICT when there is none to withdraw.
   */
  'sessions.withdrawPersonNamed': {
    request: z.strictObject({ sessionId }),
    response: eventAck,
  },
  /**
   * Records a media aid (body diagram, drawing, dolls, figures, other) used now, or the decision
   * not to use one, as a timestamped event in the chain with the protocol's media stance, its
   * source and the current phase. A use the protocol discourages is still recorded (the record
   * shows what happened); a use needs its reason in `note` (INVALID_INPUT otherwise).
   */
  'sessions.recordMedia': {
    request: z.strictObject({
      sessionId,
      action: z.enum(MEDIA_ACTIONS),
      aid: z.enum(MEDIA_AIDS),
      note: z.string().trim().max(2_000).optional(),
    }),
    response: eventAck,
  },
  /**
   * Links a live session into an extended (multi-session) interview of its case: as session 1 of
   * `plannedSessions`, or as the next session after `previousSessionId` (same case and protocol).
   * The link is a chained event, sealed with the session.
   */
  'sessions.linkExtended': {
    request: z.strictObject({
      sessionId,
      plannedSessions: z.int().min(2).max(12),
      previousSessionId: sessionId.optional(),
    }),
    response: eventAck,
  },
  /**
   * The extended interview a session belongs to: "session k of n", every linked session with the
   * phases it entered (ids and titles, never content), and this session's planned phases and the
   * protocol's rules for later sessions, each with its source.
   */
  'sessions.extendedInterview': {
    request: z.strictObject({ sessionId }),
    response: z.object({
      seriesId: z.string(),
      index: z.int(),
      planned: z.int(),
      sessions: z.array(
        z.object({
          sessionId: z.string(),
          index: z.int(),
          status: z.enum(['active', 'sealed']),
          startedAt: isoTime,
          phasesCovered: z.array(z.object({ id: z.string(), title: z.string() })),
        }),
      ),
      guidance: z.object({
        index: z.int(),
        planned: z.int(),
        focus: z.string(),
        phases: z.array(
          z.object({ id: z.string(), title: z.string(), onlyIfDisclosed: z.boolean() }),
        ),
        rules: z.array(
          z.object({
            id: z.string(),
            text: z.string(),
            source: z.object({
              doc: z.string(),
              label: z.string(),
              section: z.string(),
              basis: z.array(z.string()),
            }),
          }),
        ),
      }),
    }),
  },
  /**
   * The child's words in the earlier sessions of the extended interview this session continues
   * (same case, same series; read with the user's permissions and audited), for the live question
   * coach's context only: the screen never lists them (practitioner review 5, N0). Empty for a
   * session that is not linked or is session 1.
   */
  'sessions.earlierChildWords': {
    request: z.strictObject({ sessionId }),
    response: z.object({ sessionIds: z.array(z.string()), words: z.array(z.string()) }),
  },
  /**
   * The continuity summary of a later session of an extended interview: for each earlier sealed
   * session of the series (oldest first), the kept keywords the child provably said first
   * (`topics`, each with the child's phrase) and those held back (`topicsHeld`: the interviewer
   * said it first, or no child note's current text holds it), the child's words as recorded
   * (latest version; own-language words when interpreted), the questions asked with the child's
   * answers (no-repeat rule), the phases covered, what was not reached (for the record, never
   * as gaps to close), and each reluctance the interviewer noted (time and phase). Read with the
   * user's permissions and audited; no content is inferred. Empty `sessions` for a single session
   * or session 1.
   */
  'sessions.continuity': {
    request: z.strictObject({ sessionId }),
    response: z.object({
      index: z.int(),
      planned: z.int(),
      sessions: z.array(
        z.object({
          sessionId: z.string(),
          index: z.int(),
          startedAt: isoTime,
          interviewer: z.string(),
          topics: z.array(z.object({ keyword: z.string(), phrase: z.string().nullable() })),
          topicsHeld: z.array(
            z.object({
              keyword: z.string(),
              reason: z.enum(['interviewer-first', 'not-in-child-words']),
              interviewerAtMs: z.number().optional(),
              /** Said first by the interviewer in this EARLIER session of the series (index). */
              interviewerSession: z.int().optional(),
            }),
          ),
          childWords: z.array(
            z.object({
              elapsedMs: z.number(),
              text: z.string(),
              interpreted: z.boolean().optional(),
              original: z.object({ text: z.string(), language: z.string() }).optional(),
            }),
          ),
          questionsAsked: z.array(
            z.object({
              elapsedMs: z.number(),
              text: z.string(),
              original: z.object({ text: z.string(), language: z.string() }).optional(),
              promptId: z.string().optional(),
              /** The question coach's coding: a focused question is not asked again. */
              questionType: z.enum(QUESTION_TYPES),
              answer: z.string().optional(),
            }),
          ),
          phasesCovered: z.array(z.object({ id: z.string(), title: z.string() })),
          phasesNotReached: z.array(
            z.object({
              id: z.string(),
              title: z.string(),
              optional: z.boolean(),
              substantive: z.boolean(),
              teamBreak: z.literal(true).optional(),
            }),
          ),
          reluctanceNoted: z.array(
            z.object({
              elapsedMs: z.number(),
              phaseId: z.string().optional(),
              phaseTitle: z.string().optional(),
            }),
          ),
          leftOpen: z.array(z.object({ phaseTitle: z.string(), label: z.string() })),
        }),
      ),
      /**
       * The reluctance this session starts with: the earlier session (its number, id and start)
       * whose "Child reluctant" still stands, and when in it; null when none does.
       */
      reluctance: z
        .object({
          session: z.int(),
          sessionId: z.string(),
          startedAt: isoTime,
          notedAtMs: z.number(),
        })
        .nullable(),
    }),
  },
  'sessions.pause': {
    request: z.strictObject({ sessionId, reason: shortReason.optional() }),
    response: eventAck,
  },
  'sessions.resume': { request: z.strictObject({ sessionId }), response: eventAck },
  /**
   * Replaces the signed-in user's unsent note drafts (sealed under each session's key, never an
   * event, never exported) and names the live session to return to after the next unlock.
   */
  'sessions.saveDrafts': {
    request: z.strictObject({
      drafts: z
        .array(
          z.strictObject({
            sessionId,
            kind: noteKind,
            text: z.string().max(20_000, 'Draft text: at most 20,000 characters'),
            keywords: keywords.optional(),
            interpreted: z.boolean().optional(),
            // A draft keeps whatever language the box held; the note itself is checked on save.
            original: draftOriginal.optional(),
            // The planned prompt the question came from (Use), kept across a lock (P7-2).
            promptId: promptId.optional(),
            // The observer suggestion the question asks (Use this wording), kept across a lock.
            suggestionId: suggestionId.optional(),
          }),
        )
        .max(20),
      resume: sessionId.optional(),
    }),
    response: z.object({ saved: z.int() }),
  },
  'sessions.drafts': {
    request: z.strictObject({}),
    response: z.object({
      drafts: z.array(
        z.object({
          sessionId,
          kind: noteKind,
          text: z.string(),
          keywords: z.array(z.string()).optional(),
          interpreted: z.boolean().optional(),
          original: draftOriginal.optional(),
          promptId: promptId.optional(),
          suggestionId: suggestionId.optional(),
          savedAt: isoTime,
        }),
      ),
      resume: sessionId.optional(),
      /** Drafts left out because someone other than their owner wrote them (red team 18, R18-1). */
      withheld: z.object({ count: z.int(), message: z.string() }).optional(),
    }),
  },
  'sessions.finalize': {
    request: z.strictObject({ sessionId }),
    response: z.object({ sealedAt: isoTime, head: z.string(), eventCount: z.int() }),
  },
  'sessions.addAddendum': {
    request: z.strictObject({ sessionId, text: noteText }),
    response: eventAck.extend({ head: z.string() }),
  },
  'sessions.verify': {
    request: z.strictObject({ sessionId }),
    response: z.object({
      ok: z.boolean(),
      firstBadEvent: z.int().optional(),
      reason: z.string().optional(),
      /**
       * FOREIGN_EVENT: intact, but others wrote the events in foreignEvents before the seal.
       * SEAL_REMOVED: the audit log shows a seal of this session removed or replaced.
       * RECORD_REWRITTEN: intact, but the session record's plan inputs differ from the sealed
       * start (the app plans from the start; R10-11).
       */
      code: z.enum(['FOREIGN_EVENT', 'SEAL_REMOVED', 'RECORD_REWRITTEN']).optional(),
      foreignEvents: z.array(z.object({ seq: z.int(), by: z.string() })).optional(),
      /**
       * With FOREIGN_EVENT: events someone other than the sealer wrote after the seal that are
       * not their addenda (R10-14): outside the sealed record, left out of exports, named.
       */
      writtenAfterSeal: z
        .array(
          z.object({
            seq: z.int(),
            by: z.string(),
            at: z.string(),
            type: z.string(),
            kind: z.string().optional(),
          }),
        )
        .optional(),
    }),
  },
  'sessions.timeline': {
    request: z.strictObject({ sessionId }),
    response: z.object({
      events: z.array(timelineEvent),
      /** Events sealed for other roles (sec52): placeholders, absent when every event opens. */
      withheld: z.array(withheldEvent).optional(),
    }),
  },
} as const;
