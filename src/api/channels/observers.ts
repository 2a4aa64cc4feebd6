// The team behind the glass: observers' suggested questions and the interviewer's decisions at
// the break (src/interview/observers.ts). Every suggestion and decision is a sealed session event.
import { z } from 'zod';
import { isoTime, spokenLanguage } from './common';
import { observerRole, sessionId, suggestionId } from './sessions';

export { suggestionId };
/**
 * 'asked' is accepted as the old name of 'accepted' (decided at the break, not yet asked);
 * 'undecided' leaves a suggestion undecided on purpose, usually before the seal (B19-4).
 */
export const observerDecision = z.enum(['accepted', 'asked', 'rephrased', 'declined', 'undecided']);
const originalWords = z.strictObject({
  text: z.string().max(2_000, 'Rendering: at most 2,000 characters'),
  language: spokenLanguage,
});

const questionText = z
  .string()
  .refine((t) => t.trim().length > 0, 'Question text is empty')
  .refine((t) => t.length <= 2_000, 'Question text: at most 2,000 characters');

export const coachVerdict = z.object({
  type: z.string(),
  subtype: z.string(),
  recommended: z.boolean(),
  reason: z.string(),
});

export const queueItem = z.object({
  suggestionId,
  role: observerRole,
  name: z.string().optional(),
  text: z.string(),
  at: isoTime,
  elapsedMs: z.number(),
  device: z.string(),
  enteredBy: z.string(),
  status: z.enum(['pending', 'accepted', 'rephrased', 'declined', 'undecided']),
  decision: z
    .object({
      at: isoTime,
      by: z.string(),
      text: z.string().optional(),
      reason: z.string().optional(),
      coach: coachVerdict.optional(),
      rendering: originalWords.optional(),
      renderingCoach: coachVerdict.optional(),
      /** Whether a break was open when it was decided (absent in older records). */
      atBreak: z.boolean().optional(),
    })
    .optional(),
  askedIn: z
    .object({
      seq: z.int(),
      at: isoTime,
      noteId: z.string(),
      /** 'link': the question was saved with "Use this wording"; 'wording': an older decision matched by its words. */
      matchedBy: z.enum(['link', 'wording']),
      rendering: originalWords.optional(),
      renderingCoach: coachVerdict.optional(),
    })
    .optional(),
});

export const observerChannels = {
  'observers.suggest': {
    request: z.strictObject({
      sessionId,
      role: observerRole.refine((r) => r !== 'interpreter', {
        message:
          'The interpreter does not suggest questions; record what they noticed as an interpreter note',
      }),
      text: questionText,
      name: z.string().trim().max(100).optional(),
    }),
    response: z.object({ suggestionId }),
  },
  'observers.queue': {
    request: z.strictObject({ sessionId }),
    response: z.object({
      suggestions: z.array(queueItem),
      pending: z.int(),
      counts: z.object({
        suggested: z.int(),
        accepted: z.int(),
        rephrased: z.int(),
        declined: z.int(),
        /** Pending or left undecided. */
        undecided: z.int(),
        notAsked: z.int(),
        /** Decisions from before questions were linked, judged asked by wording. */
        judgedByWording: z.int(),
      }),
    }),
  },
  'observers.decide': {
    request: z
      .strictObject({
        sessionId,
        suggestionId,
        decision: observerDecision,
        text: questionText.optional(),
        reason: z.string().max(500, 'Reason: at most 500 characters').optional(),
        rendering: originalWords.optional(),
      })
      .refine((r) => r.decision !== 'declined' || (r.reason ?? '').trim().length > 0, {
        message: 'A reason is required to decline a suggestion',
        path: ['reason'],
      })
      .refine((r) => r.decision !== 'rephrased' || r.text !== undefined, {
        message: 'Give the rephrased question',
        path: ['text'],
      }),
    response: z.object({
      seq: z.int(),
      at: isoTime,
      coach: coachVerdict.optional(),
      renderingCoach: coachVerdict.optional(),
    }),
  },
} as const;
