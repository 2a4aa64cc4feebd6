// The session events the guidance reducer understands. The interview module maps its own
// timeline onto these; every event carries the session-relative time it happened at.

export type NoteKind = 'question' | 'child' | 'observation' | 'mdt' | 'interpreter';

/** The question classifier's coding of an interviewer utterance (supplied by the caller). */
export type QuestionType =
  | 'invitation'
  | 'cued-invitation'
  | 'facilitator'
  | 'directive'
  | 'option-posing'
  | 'suggestive'
  | 'other';

export const QUESTION_TYPES: readonly QuestionType[] = [
  'invitation',
  'cued-invitation',
  'facilitator',
  'directive',
  'option-posing',
  'suggestive',
  'other',
];

interface Base {
  /** Milliseconds since the session started (the same clock as nowElapsedMs). */
  elapsedMs: number;
}

export type GuidanceEvent =
  | (Base & { type: 'session-started'; sessionNumber?: number })
  | (Base & { type: 'phase-entered'; phaseId: string })
  | (Base & { type: 'checklist-item-done'; itemId: string; phaseId?: string })
  | (Base & { type: 'checklist-item-undone'; itemId: string; phaseId?: string })
  | (Base & {
      type: 'note';
      noteKind: NoteKind;
      text?: string;
      /** The child's own words worth reusing in an invitation (child notes). */
      keywords?: string[];
      /** Classifier coding (question notes). */
      questionType?: QuestionType;
      /** The planned prompt this question used, when the interviewer picked one. */
      promptId?: string;
    })
  /**
   * The child is reluctant (the interviewer's "Child reluctant" control). `earlierSession`: noted
   * in that earlier session of an extended interview and carried into this one at its start, so
   * support is offered from the first phase on (Hershkowitz et al. 2021: a supportive second
   * session for children reluctant in the first).
   */
  | (Base & {
      type: 'reluctance-noted';
      earlierSession?: number;
      /** With earlierSession: when that session started (ISO 8601), for "session 1, Dec 3". */
      earlierStartedAt?: string;
    })
  /** The latest "Child reluctant" of this session withdrawn (a mistaken press, undone). */
  | (Base & { type: 'reluctance-withdrawn' })
  /**
   * The interviewer recorded that the child's reluctance ended ("Reluctance ended"): every
   * standing press and the carried reluctance end (src/interview/reluctance.ts folds the same).
   */
  | (Base & { type: 'reluctance-ended' })
  /** The child named the person (gates Ten Step's putative-confession option). */
  | (Base & { type: 'person-named' })
  /** The latest "Child named the person" of this session withdrawn (a mistaken press, undone). */
  | (Base & { type: 'person-named-withdrawn' })
  | (Base & { type: 'break-started' })
  | (Base & { type: 'break-ended' })
  | (Base & { type: 'session-ended' });

export type GuidanceEventType = GuidanceEvent['type'];
