// Channels of the training group: scenarios, practice interviews with a simulated child,
// feedback and trainee progress. Pure: zod only. A practice session is an interview session in
// 'practice' mode, so the sessions.* channels (timeline, phases) work on it too.
import { z } from 'zod';
import { absolutePath, isoTime, username } from './common';
import { questionType } from './questions';
import { eventAck, sessionId } from './sessions';

const trainingLanguage = z.enum(['en', 'es']);
/** Built-in scenarios have word ids ("dog-bite"); trainer-written ones a random scn_ id. */
export const scenarioId = z
  .string()
  .regex(/^(?:[a-z][a-z0-9-]{1,39}|scn_[0-9a-f]{32})$/, 'Scenario id is not valid');
const itemId = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,39}$/, 'Item id: lower-case letters, digits, dashes');
const line = (field: string, max: number) =>
  z.string().trim().min(1, `${field} is required`).max(max, `${field}: at most ${max} characters`);
const keywords = z
  .array(line('Keyword', 40))
  .min(1, 'At least one keyword')
  .max(12, 'At most 12 keywords');

const factSchema = z.strictObject({
  id: itemId,
  category: z.enum(['who', 'what', 'where', 'when', 'object', 'sequence']),
  centrality: z.enum(['central', 'peripheral']),
  text: line('Fact text', 300),
  keywords,
  /** Peripheral facts: a harmless differing wording for a later session. */
  retold: line('Told differently', 300).optional(),
  /** A shorter first telling of the fact (its own words only): the rest comes when cued. */
  brief: line('Brief telling', 300).optional(),
  /** True words for the fact the child does not use: taken up, they are the interviewer's. */
  alsoCalled: z.array(line('Also called', 40)).max(12, 'At most 12 words').optional(),
});

export const scenarioFields = z.strictObject({
  /** Set to update a trainer-written scenario (a new version); omit to create one. */
  scenarioId: z
    .string()
    .regex(/^scn_[0-9a-f]{32}$/, 'Scenario id is not valid')
    .optional(),
  language: trainingLanguage,
  title: line('Title', 120),
  summary: z.string().trim().max(2000, 'Summary: at most 2,000 characters').optional(),
  ageYears: z.int().min(3).max(17),
  alias: line('Alias', 40),
  personality: z.enum(['talkative', 'reluctant']),
  rapport: z.array(line('Rapport line', 300)).max(10).optional(),
  /** A neutral recent event for narrative practice. */
  practiceEvent: z.array(factSchema).max(10, 'At most 10 practice-event facts').optional(),
  /** Starting reluctance, 0 (none) to 1. */
  reluctance: z.number().min(0).max(1).optional(),
  outcome: z.enum(['event', 'nothing-happened']).optional(),
  /** The youth does not see themselves as a victim: labels draw denial, not agreement. */
  rejectsLabels: z.boolean().optional(),
  /** For the grammar of Spanish feedback ("la niña"); absent: "el niño o la niña". */
  gender: z.enum(['girl', 'boy']).optional(),
  facts: z.array(factSchema).min(3, 'At least 3 facts').max(30, 'At most 30 facts'),
  lures: z
    .array(z.strictObject({ id: itemId, text: line('Lure text', 300), keywords }))
    .min(1, 'At least 1 lure')
    .max(15, 'At most 15 lures'),
});

const fullScenario = scenarioFields.omit({ scenarioId: true }).extend({
  id: z.string(),
  summary: z.string(),
  rapport: z.array(z.string()),
  builtIn: z.boolean(),
  version: z.int().optional(),
  author: z.string().optional(),
  updatedAt: isoTime.optional(),
});

const coding = z.object({
  type: questionType,
  subtype: z.string(),
  recommended: z.boolean(),
  reason: z.string(),
  suggestion: z.string().optional(),
  cue: z.string().optional(),
});

const counts = z.record(questionType, z.number());
const stage = z.enum(['rapport', 'groundRules', 'practice', 'substantive']);
const ruleStatus = z.enum(['practised', 'stated', 'missing']);
const conclusion = z.enum(['event', 'nothing-happened', 'cannot-tell']);

/** NICHD measures of one practice interview (src/training/measures.ts). Shares are 0..1. */
const measuresSchema = z.object({
  substantivePrompts: z.int(),
  substantiveInvitations: z.int(),
  substantiveInvitationShare: z.number(),
  optionPosing: z.int(),
  suggestive: z.int(),
  directives: z.int(),
  facilitators: z.int(),
  supportStatements: z.int(),
  firstSubstantivePrompt: z.object({ questionNumber: z.int(), type: questionType }).optional(),
  allegationBy: z.enum(['child', 'interviewer', 'none']),
  allegationQuestionNumber: z.int().optional(),
  disclosureQuestionNumber: z.int().optional(),
  invitationsBeforeFocused: z.int(),
  pairing: z.object({ closed: z.int(), pairedAtOnce: z.int() }),
  narrativePractice: z.object({
    prompts: z.int(),
    invitations: z.int(),
    factsElicited: z.int(),
    factsTotal: z.int(),
    quality: z.enum(['not-done', 'closed', 'partial', 'good']),
  }),
  reluctance: z.object({
    reluctantAnswers: z.int(),
    supportedAfter: z.int(),
    supportiveTurns: z.int(),
    notToday: z.boolean(),
  }),
  groundRules: z.array(
    z.object({
      rule: z.enum(['dontKnow', 'dontUnderstand', 'correctMe', 'truth']),
      status: ruleStatus,
      // The question at which the child guessed on the rule's practice item (fb23).
      guessedAt: z.int().positive().optional(),
      // The best status of the earlier sessions with the same child (fb23).
      earlier: z.enum(['practised', 'stated']).optional(),
      // What the child's age band asks of the rule (fb26; absent before coach version 4).
      expected: z.enum(['practise', 'explain']).optional(),
    }),
  ),
  scriptedPrompts: z.int(),
  recommendedShare: z.number(),
  invitationShare: z.number(),
  goodInvitationShare: z.number(),
});

const reviewSchema = z.object({
  sessionId,
  reviewer: z.string(),
  reviewerName: z.string(),
  comments: z.array(z.object({ questionNumber: z.int(), text: z.string() })),
  overall: z.string(),
  version: z.int(),
  savedAt: isoTime,
  /** The admin who moved the review, unchanged, under its own key at sign-in (sec44). */
  movedBy: z.string().optional(),
});

const settingsSchema = z.object({
  goodInvitationShare: z.number(),
  updatedBy: z.string().optional(),
  updatedAt: isoTime.optional(),
  version: z.int(),
  /** Trainers and admins: the stored settings were not written by a trainer or admin (R17-3). */
  untrusted: z
    .object({
      version: z.int(),
      writer: z.string().optional(),
      role: z.string().optional(),
      reason: z.string(),
    })
    .optional(),
});

/** A stored feedback's headline numbers, as stored (R17-5): shares 0..1, counts of questions. */
const storedScores = z.object({
  coachVersion: z.int().optional(),
  recommendedShare: z.number(),
  invitationShare: z.number(),
  optionPosing: z.number(),
  suggestive: z.number(),
});

export const feedbackSchema = z.object({
  /** Invitations, cued invitations and facilitators among prompts (never directives). */
  recommendedShare: z.number(),
  trueFactsElicited: z.int(),
  trueFactsTotal: z.int(),
  falseDetails: z.array(
    z.object({
      detail: z.string(),
      questionNumber: z.int(),
      question: z.string(),
      questionType,
      source: z.enum(['suggested', 'guess']),
      lure: z.boolean(),
    }),
  ),
  /** True details the interviewer named first; absent in feedback stored before they existed. */
  introducedDetails: z
    .array(
      z.object({
        detail: z.string(),
        questionNumber: z.int(),
        question: z.string(),
        questionType,
        fact: z.string(),
      }),
    )
    .optional(),
  /** The coach's rules that computed it (training COACH_VERSION); absent before red team 15. */
  coachVersion: z.int().optional(),
  scenarioId: z.string(),
  scenarioTitle: z.string(),
  seed: z.int(),
  language: trainingLanguage,
  ageYears: z.int(),
  /** 1 for a first interview, 2 for a second session with the same child. */
  session: z.int().optional(),
  questions: z.int(),
  prompts: z.int(),
  invitationShare: z.number(),
  /** Absent in feedback stored before the NICHD measures existed. */
  measures: measuresSchema.optional(),
  coded: z.array(z.object({ type: questionType, stage, scripted: z.boolean() })).optional(),
  conclusion: z
    .object({
      chosen: conclusion,
      expected: z.array(conclusion),
      correct: z.boolean(),
      explanation: z.string(),
    })
    .optional(),
  notToday: z.boolean().optional(),
  counts,
  flagged: z.array(
    z.object({
      questionNumber: z.int(),
      text: z.string(),
      type: questionType,
      subtype: z.string(),
      reason: z.string(),
      suggestion: z.string().optional(),
    }),
  ),
  findings: z.array(z.object({ rule: z.string(), questionNumber: z.int(), message: z.string() })),
  phases: z.array(
    z.object({
      phaseId: z.string(),
      title: z.string(),
      status: z.enum(['done', 'skipped', 'not-used']),
      label: z.string(),
    }),
  ),
  rapportDone: z.boolean(),
  groundRulesDone: z.boolean(),
  /** Questions too hard for the child's age, with a simpler open prompt (absent in old feedback). */
  hardQuestions: z
    .array(
      z.object({
        questionNumber: z.int(),
        text: z.string(),
        kind: z.enum(['legal', 'negative', 'compound', 'long']),
        childSaidNotUnderstood: z.boolean(),
        why: z.string(),
        effect: z.string(),
        alternative: z.string(),
      }),
    )
    .optional(),
  /** A later session: new details and peripheral details told differently, with a note. */
  acrossSessions: z
    .object({ newDetails: z.int(), toldDifferently: z.int(), note: z.string() })
    .optional(),
  /** False when no prompt fell in the substantive phase (absent in old feedback). */
  reachedSubstantive: z.boolean().optional(),
  /** The scenario child's gender, for Spanish grammar on the feedback screen (fb26; optional). */
  childGender: z.enum(['girl', 'boy']).optional(),
  /** The child's hidden memory, revealed after the interview. */
  facts: z.array(
    z.object({
      id: z.string(),
      text: z.string(),
      centrality: z.enum(['central', 'peripheral']),
      elicited: z.boolean(),
      questionNumber: z.int().optional(),
      toldEarlier: z.boolean().optional(),
      toldDifferently: z.string().optional(),
      brief: z.string().optional(),
      toldOnlyBriefly: z.boolean().optional(),
    }),
  ),
  goals: z.array(z.object({ id: z.string(), text: z.string() })).max(2),
  finishedAt: isoTime.optional(),
});

const progressPoint = z.object({
  sessionId,
  startedAt: isoTime,
  finishedAt: isoTime.optional(),
  scenarioId: z.string(),
  scenarioTitle: z.string(),
  ageYears: z.int(),
  session: z.int(),
  questions: z.int(),
  recommendedShare: z.number(),
  /** Substantive invitation share: the headline measure. */
  invitationShare: z.number(),
  optionPosing: z.int(),
  suggestive: z.int(),
  reviewed: z.boolean(),
  /** A stored review was left out: no trainer signed it as its reviewer (R19-1). */
  reviewWithheld: z.boolean().optional(),
  /**
   * The setup's scenario copy is not the scenario it names (R19-2): 'scenario-changed' (numbers
   * replayed from the real scenario) or 'scenario-unverifiable' (its version is no longer kept).
   */
  setupCheck: z.enum(['scenario-changed', 'scenario-unverifiable']).optional(),
  trueFactsElicited: z.int(),
  trueFactsTotal: z.int(),
  falseDetails: z.int(),
  /**
   * How the stored feedback compares with the one recomputed from the sealed practice transcript
   * (red team 15, R15-2): 'mismatch' (the numbers shown are the recomputed ones; the stored
   * feedback was changed outside Hearth) or 'older-version' (computed by another version of the
   * coach, which this build cannot recompute). Absent when they match.
   */
  feedbackCheck: z.enum(['mismatch', 'older-version']).optional(),
  /** With 'older-version': the headline numbers as stored, not checkable (R17-5). */
  storedNotCheckable: storedScores.optional(),
});

export const trainingChannels = {
  'training.scenarios': {
    request: z.strictObject({ language: trainingLanguage }),
    response: z.object({
      scenarios: z.array(
        z.object({
          id: z.string(),
          title: z.string(),
          ageYears: z.int(),
          language: trainingLanguage,
          personality: z.enum(['talkative', 'reluctant']),
          /** For Spanish grammar on the practice screen ("niña simulada"); never a fact (fb26). */
          gender: z.enum(['girl', 'boy']).optional(),
          builtIn: z.boolean(),
          factCount: z.int(),
          /** Trainers and admins only. */
          summary: z.string().optional(),
          author: z.string().optional(),
          version: z.int().optional(),
        }),
      ),
      /**
       * Trainers and admins: trainer scenarios were left out because their author did not sign
       * them (red team 19, R19-3); the notice says what to do.
       */
      withheld: z.string().optional(),
    }),
  },
  /** The whole scenario including the hidden memory: trainers and admins (the scenario form). */
  'training.getScenario': {
    request: z.strictObject({ scenarioId, language: trainingLanguage }),
    response: z.object({ scenario: fullScenario }),
  },
  'training.saveScenario': {
    request: z.strictObject({ scenario: scenarioFields }),
    response: z.object({ scenarioId: z.string(), version: z.int() }),
  },
  'training.start': {
    request: z.strictObject({
      scenarioId,
      seed: z.int().min(0).max(0xffffffff),
      language: trainingLanguage,
      /** Protocol whose phases the live screen shows (default nichd). */
      protocolId: z
        .string()
        .regex(/^[a-z0-9-]{1,40}$/, 'Protocol id is not valid')
        .optional(),
      /** A finished practice interview with the same child: start its next session. */
      continues: sessionId.optional(),
    }),
    response: z.object({ sessionId }),
  },
  /** Centre-wide training settings (threshold for "Good open questioning"). */
  'training.settings': {
    request: z.strictObject({}),
    response: z.object({ settings: settingsSchema }),
  },
  /** Trainers and admins: share 0.2..0.9. */
  'training.setSettings': {
    request: z.strictObject({ goodInvitationShare: z.number().min(0.2).max(0.9) }),
    response: z.object({ settings: settingsSchema }),
  },
  /** The trainer's review of a practice interview, if one was returned. */
  'training.review': {
    request: z.strictObject({ sessionId }),
    response: z.object({
      review: reviewSchema.optional(),
      /** A stored review no trainer signed was left out (R19-1): the notice, never its content. */
      withheld: z.string().optional(),
    }),
  },
  /** Trainers and admins: per-question comments and an overall note, returned to the trainee. */
  'training.saveReview': {
    request: z.strictObject({
      sessionId,
      comments: z
        .array(
          z.strictObject({
            questionNumber: z.int().min(1),
            text: z.string().max(2_000, 'Comment: at most 2,000 characters'),
          }),
        )
        .max(200),
      overall: z.string().max(4_000, 'Overall note: at most 4,000 characters').optional(),
    }),
    response: z.object({ review: reviewSchema }),
  },
  'training.ask': {
    request: z.strictObject({
      sessionId,
      text: z
        .string()
        .refine((t) => t.trim().length > 0, 'Question text is empty')
        .refine((t) => t.length <= 2_000, 'Question text: at most 2,000 characters'),
    }),
    response: z.object({
      answer: z.string(),
      coding,
      questionNumber: z.int(),
      keywords: z.array(z.string()),
    }),
  },
  /**
   * A practice interview's place among the sessions with the same simulated child (`session`,
   * 1-based) and the "Child reluctant" still standing at the end of an earlier one (its number and
   * start), or null: the practice screen starts that session's guidance with support and withholds
   * escalating prompts, as the live screen does (revised NICHD; Hershkowitz et al. 2021).
   */
  'training.continuity': {
    request: z.strictObject({ sessionId }),
    response: z.object({
      session: z.int().min(1),
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
  /**
   * "Reluctance ended" on a practice interview: as sessions.endReluctance, and it also ends the
   * reluctance carried from an earlier session with the same child. CONFLICT when none holds.
   */
  'training.endReluctance': {
    request: z.strictObject({ sessionId }),
    response: eventAck,
  },
  'training.finish': {
    request: z.strictObject({
      sessionId,
      /** The trainee's answer to "what do you conclude happened?". */
      conclusion: conclusion.optional(),
    }),
    /**
     * `storedNotCheckable` (red team 17, R17-5): present when the stored feedback's tag says an
     * older (or no) version of the coach computed it; `feedback` is then the one this version of
     * Hearth recomputed from the sealed transcript, and these are the stored headline numbers,
     * which cannot be checked.
     */
    response: z.object({ feedback: feedbackSchema, storedNotCheckable: storedScores.optional() }),
  },
  /** The stored feedback of a finished practice interview. */
  'training.feedback': {
    request: z.strictObject({ sessionId }),
    /**
     * `storedNotCheckable` (red team 17, R17-5): present when the stored feedback's tag says an
     * older (or no) version of the coach computed it; `feedback` is then the one this version of
     * Hearth recomputed from the sealed transcript, and these are the stored headline numbers,
     * which cannot be checked.
     */
    response: z.object({ feedback: feedbackSchema, storedNotCheckable: storedScores.optional() }),
  },
  'training.progress': {
    request: z.strictObject({ trainee: username.optional() }),
    response: z.object({
      trainees: z.array(
        z.object({
          trainee: z.string(),
          displayName: z.string(),
          sessions: z.array(progressPoint),
          inProgress: z.int(),
        }),
      ),
    }),
  },
  /** Writes a printable PDF of one trainee's progress (numbers only, no transcript text). */
  'training.progressReport': {
    request: z.strictObject({
      trainee: username,
      outPath: absolutePath.refine(
        (p) => p.toLowerCase().endsWith('.pdf'),
        'outPath: must end in .pdf',
      ),
      language: trainingLanguage.optional(),
    }),
    response: z.object({ path: z.string(), pages: z.int(), sessions: z.int() }),
  },
} as const;
