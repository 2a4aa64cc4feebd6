// The question-type coach: classify one utterance (as-you-type nudges) and report on turns.
import { z } from 'zod';
import { QUESTION_TYPES, SPEAKER_ROLES, TEXT_LAYOUTS, WARNING_CODES } from '../../questions';

export const questionLanguage = z.enum(['en', 'es']);
export const questionType = z.enum(QUESTION_TYPES);

export const verdict = z.enum([
  'recommended',
  'acceptable',
  'acceptable-with-caution',
  'ask-differently',
  'avoid',
]);

export const classification = z.object({
  type: questionType,
  subtype: z.string(),
  recommended: z.boolean(),
  verdict,
  reason: z.string(),
  suggestion: z.string().optional(),
  cue: z.string().optional(),
  /** Set when the session records no child turns: presumption checks were not applied. */
  contextNote: z.string().optional(),
  /** Hearth's practice note (an endearment used as address): no code or verdict changes. */
  practiceNote: z.string().optional(),
});

const typeCounts = z.record(questionType, z.number());
const breakdown = z.object({
  interviewerTurns: z.int(),
  prompts: z.int(),
  counts: typeCounts,
  proportions: typeCounts,
  recommendedShare: z.number(),
  invitationShare: z.number(),
});

export const qualityReport = breakdown.extend({
  language: questionLanguage,
  headline: z.object({
    scope: z.enum(['substantive', 'all']),
    substantiveQuestions: z.int(),
    invitations: z.int(),
    invitationShare: z.number(),
    optionPosing: z.int(),
    suggestive: z.int(),
    directives: z.int(),
    /** Ten Step hypothetical putative confessions, counted apart (P8-8). */
    putativeConfessions: z.int(),
  }),
  fewQuestionMarks: z.boolean(),
  childTurns: z.int(),
  pairingViolations: z.int(),
  findings: z.array(
    z.object({
      rule: z.string(),
      turnIndex: z.int(),
      relatedTurnIndex: z.int().optional(),
      length: z.int().optional(),
      detail: z.string().optional(),
      message: z.string(),
    }),
  ),
  flagged: z.array(
    z.object({
      index: z.int(),
      text: z.string(),
      type: questionType,
      subtype: z.string(),
      reason: z.string(),
      suggestion: z.string().optional(),
      startMs: z.number().optional(),
      phaseId: z.string().optional(),
    }),
  ),
  timeline: z.array(
    z.object({
      index: z.int(),
      type: questionType,
      recommended: z.boolean(),
      atMs: z.number().optional(),
      phaseId: z.string().optional(),
    }),
  ),
  phases: z.array(breakdown.extend({ phaseId: z.string() })),
});

export const speakerRole = z.enum(SPEAKER_ROLES);
const labels = z.array(z.string().trim().min(1).max(40)).max(20);

export const questionChannels = {
  'questions.classify': {
    request: z.strictObject({
      text: z.string().max(20_000, 'Text: at most 20,000 characters'),
      language: questionLanguage,
      /** The child's words so far; when absent and `sessionId` is given, the session's child notes. */
      childWords: z.array(z.string().max(200)).max(5_000).optional(),
      childAgeYears: z.int().min(0).max(17).optional(),
      /** Where the interview is: outside the substantive part, no allegation invitation is suggested. */
      stage: z.enum(['pre-substantive', 'substantive', 'closing']).optional(),
      /** Take context (child notes, age) from this session automatically. */
      sessionId: z
        .string()
        .regex(/^sess_[0-9a-f]{32}$/, 'Session id is not valid')
        .optional(),
    }),
    response: classification,
  },
  'questions.importTranscript': {
    request: z
      .strictObject({
        /** Pasted text: WebVTT, SRT or a plain-text layout; at most 5 MB. */
        text: z
          .string()
          .min(1, 'The transcript is empty')
          .max(5 * 1024 * 1024, 'Transcript: at most 5 MB')
          .optional(),
        /** A file's bytes, base64: decoded by the core (BOM, UTF-8, else Windows-1252). */
        bytes: z
          .base64({ error: 'File bytes: base64 expected' })
          .min(1, 'The transcript is empty')
          .max(7 * 1024 * 1024, 'Transcript: at most 5 MB')
          .optional(),
        format: z.enum(['auto', 'vtt', 'srt', 'text']).optional(),
        language: questionLanguage,
        caseId: z
          .string()
          .regex(/^case_[0-9a-f]{32}$/, 'Case id is not valid')
          .optional(),
        ageYears: z.int().min(0).max(17).optional(),
        title: z.string().trim().max(100).optional(),
        /** Role of each speaker label (labels matched ignoring case and accents). */
        mapping: z
          .array(z.strictObject({ label: z.string().max(40), role: speakerRole }))
          .max(100)
          .optional(),
        /** Older form of `mapping`: labels listed per role. */
        labels: z
          .strictObject({
            interviewer: labels.optional(),
            child: labels.optional(),
            interpreter: labels.optional(),
            other: labels.optional(),
          })
          .optional(),
      })
      .refine((r) => (r.text === undefined) !== (r.bytes === undefined), {
        message: 'Send the transcript as text or as bytes (one of them)',
      }),
    response: z.object({
      sessionId: z.string(),
      format: z.enum(['vtt', 'srt', 'text']),
      layout: z.enum(TEXT_LAYOUTS).optional(),
      encoding: z.enum(['utf-8', 'utf-16le', 'utf-16be', 'windows-1252', 'text']),
      turns: z.int(),
      interviewerTurns: z.int(),
      childTurns: z.int(),
      /** Codes and counts only: never names or words. */
      warnings: z.array(z.object({ code: z.enum(WARNING_CODES), count: z.int() })),
    }),
  },
  'questions.report': {
    request: z.strictObject({
      sessionId: z.string().regex(/^sess_[0-9a-f]{32}$/, 'Session id is not valid'),
    }),
    response: z.object({ report: qualityReport }),
  },
} as const;
