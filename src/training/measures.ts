// NICHD-style quality measures of one practice interview, computed from the coded turns and the
// simulated child's replay. These are the measures the interviewing research uses for quality
// (Lamb, Orbach, Hershkowitz, Esplin & Horowitz 2007, Child Abuse Negl 31:1201-1231; Lamb,
// Sternberg, Orbach, Esplin & Mitchell 2002, Appl Dev Sci 6:35-41): the share of invitations in
// the substantive phase, how late and how rarely option-posing and suggestive prompts come, the
// first substantive prompt, who introduced the allegation, whether focused questions were paired
// at once with an invitation, the quality of narrative practice, support for a reluctant child,
// and whether ground rules were practised or only stated (Brubacher, Poole & Dickinson 2015).
// Protocol-scripted prompts take the plan's kind and never count against the trainee.
import type { GroundRuleId, GroundRuleMode, SessionPlan } from '../protocols';
import type { RuleId, RuleStatus, Simulation } from './child';
import {
  FOCUSED_TYPES,
  INVITATION_TYPES,
  OPEN_TYPES,
  type Coding,
  type QuestionType,
} from './coding';
import { RULE_IDS } from './child';
import { turnCodes } from './turn-codes';

/** Hearth's default for "Good open questioning": at least half of substantive prompts are
 * invitations. Field studies of protocol interviews report invitation shares around a third to a
 * half (Lamb et al. 2007); a practice target at the upper end is Hearth's own choice. A trainer
 * can change it (training.setSettings). */
export const DEFAULT_GOOD_INVITATION_SHARE = 0.5;

export type NarrativeQuality = 'not-done' | 'closed' | 'partial' | 'good';

export interface Measures {
  /**
   * Prompts (not statements) in the substantive phase: the share's denominator. Scripted open
   * prompts are included; a scripted prompt of another type ("Did that happen one time or more
   * than one time?") is left out, as in recommendedShare (R18-6).
   */
  substantivePrompts: number;
  substantiveInvitations: number;
  /** invitations / prompts in the substantive phase (0..1; 0 with no prompts). */
  substantiveInvitationShare: number;
  /** Counts in the substantive phase, scripted prompts excluded from the focused ones. */
  optionPosing: number;
  suggestive: number;
  /** Wh- directives: acceptable, not preferred (shown apart). */
  directives: number;
  /**
   * Support statements in the substantive phase ("I'm here to listen.", "That must have been
   * hard."): their own type, neither a prompt nor counted in the invitation share (practitioner
   * review P17-1; NICHD revised protocol support, Hershkowitz, Lamb & Katz 2014).
   */
  supportStatements: number;
  facilitators: number;
  firstSubstantivePrompt?: { questionNumber: number; type: QuestionType };
  allegationBy: 'child' | 'interviewer' | 'none';
  allegationQuestionNumber?: number;
  /**
   * 1-based number of the question whose answer first told a central act in the child's own
   * words, at any point of this session and whoever named the act first (allegationBy says who
   * did). Absent: the child did not tell the act in this session.
   */
  disclosureQuestionNumber?: number;
  /** Invitations in the substantive phase before the first focused prompt. */
  invitationsBeforeFocused: number;
  /** Option-posing prompts and how many were followed at once by an invitation (NICHD pairing). */
  pairing: { closed: number; pairedAtOnce: number };
  narrativePractice: {
    prompts: number;
    invitations: number;
    factsElicited: number;
    factsTotal: number;
    quality: NarrativeQuality;
  };
  reluctance: {
    reluctantAnswers: number;
    /** Reluctant answers followed at once by a supportive statement. */
    supportedAfter: number;
    supportiveTurns: number;
    notToday: boolean;
  };
  /**
   * Each rule's status in this session; `guessedAt` the question (1-based) at which the child
   * guessed on its practice item, when it never got one right (practice done, understanding not
   * yet shown); `earlier` the best status
   * of the earlier sessions with the same child (absent in a first session).
   */
  groundRules: Array<{
    rule: RuleId;
    status: RuleStatus;
    guessedAt?: number;
    earlier?: 'practised' | 'stated';
    /**
     * What the plan's age band asks of this rule (age-bands.ts): 'practise' (a practice item
     * until the child shows understanding) or 'explain' (stated; practice only if needed: "I
     * don't understand" at 3-5, every rule at 14-17; Brubacher, Poole & Dickinson 2015, Dev Rev
     * 36:15-33). Absent in measures stored before coach version 4.
     */
    expected?: GroundRuleMode;
  }>;
  /** Interviewer turns recognised as the protocol's own scripted prompts. */
  scriptedPrompts: number;
  /**
   * (invitations + cued invitations + facilitators) / prompts in the substantive phase (0 with
   * none): NICHD headline measures are over the substantive phase (Lamb et al. 2007), so rapport
   * and narrative-practice questions ("How old are you?") neither cost nor earn (rev21 finding
   * 8). A scripted prompt of another type (the closing "Is there anything else you think I
   * should know?") is left out of both counts: it neither costs nor earns (issue #18).
   */
  recommendedShare: number;
  /** (invitations + cued invitations) / prompts in the substantive phase (= substantiveInvitationShare). */
  invitationShare: number;
  goodInvitationShare: number;
}

export interface MeasureInput {
  questions: readonly string[];
  simulation: Simulation;
  plan: SessionPlan;
  goodInvitationShare?: number;
  /** The plan phase of each question (the phase the trainee was in), when known. */
  phases?: ReadonlyArray<string | undefined>;
}

/** The measures of one practice interview (shapes above; shares in 0..1). */
export function measure(input: MeasureInput): {
  measures: Measures;
  codings: Coding[];
  scripted: boolean[];
} {
  const { simulation, questions } = input;
  // The one code per turn that the live chip, the review rows and the flags share (turn-codes.ts).
  const { codings, scripted: isScripted } = turnCodes(input);
  const stages = simulation.replies.map((r) => r.stage);
  // A support statement (not a question) is support, not a prompt, however the coach codes it
  // ("That must have been hard." is coded as an emotional reflection): it leaves the prompt
  // counts and the invitation share alone (practitioner review P17-1).
  const support = (i: number) => isSupportStatement(questions[i] ?? '', simulation.replies[i]);
  const prompt = (i: number) => codings[i]?.type !== 'other' && !support(i);

  // A scripted prompt that is not open ("Did that happen one time or more than one time?") is
  // left out of the substantive shares: it neither costs nor earns (practitioner review R18-6).
  const sub = codings
    .map((c, i) => ({ c, i }))
    .filter(
      ({ c, i }) =>
        stages[i] === 'substantive' && prompt(i) && (OPEN_TYPES.has(c.type) || !isScripted[i]),
    );
  const count = (type: QuestionType, excludeScripted = false) =>
    sub.filter(({ c, i }) => c.type === type && !(excludeScripted && isScripted[i])).length;
  const subInvitations = sub.filter(({ c }) => INVITATION_TYPES.has(c.type)).length;
  const firstFocused = sub.find(({ c, i }) => FOCUSED_TYPES.has(c.type) && !isScripted[i]);
  const first = sub[0];

  let closed = 0;
  let paired = 0;
  sub.forEach(({ c, i }) => {
    if (c.type !== 'option-posing' || isScripted[i]) return;
    closed++;
    const next = codings[i + 1];
    if (next && INVITATION_TYPES.has(next.type)) paired++;
  });

  const practiceIdx = codings
    .map((c, i) => ({ c, i }))
    .filter(({ i }) => stages[i] === 'practice' && prompt(i));
  const practiceInv = practiceIdx.filter(({ c }) => INVITATION_TYPES.has(c.type)).length;
  const practiceFacts = simulation.practice.elicited.size;
  const quality: NarrativeQuality =
    practiceIdx.length === 0
      ? 'not-done'
      : practiceInv < practiceIdx.length / 2
        ? 'closed'
        : practiceInv >= 2 &&
            practiceFacts >=
              Math.min(practiceDetailsExpected(input.plan.ageYears), simulation.practice.total)
          ? 'good'
          : 'partial';

  let supportedAfter = 0;
  simulation.replies.forEach((r, i) => {
    if (r.reluctant && simulation.replies[i + 1]?.supportive) supportedAfter++;
  });

  const measures: Measures = {
    substantivePrompts: sub.length,
    substantiveInvitations: subInvitations,
    substantiveInvitationShare: sub.length > 0 ? subInvitations / sub.length : 0,
    optionPosing: count('option-posing', true),
    suggestive: count('suggestive', true),
    directives: count('directive'),
    facilitators: count('facilitator'),
    supportStatements: codings.filter((_, i) => stages[i] === 'substantive' && support(i)).length,
    ...(first
      ? { firstSubstantivePrompt: { questionNumber: first.i + 1, type: first.c.type } }
      : {}),
    allegationBy: simulation.allegation.by,
    ...(simulation.allegation.turn !== undefined
      ? { allegationQuestionNumber: simulation.allegation.turn + 1 }
      : {}),
    ...(simulation.disclosureTurn !== undefined
      ? { disclosureQuestionNumber: simulation.disclosureTurn + 1 }
      : {}),
    invitationsBeforeFocused: (firstFocused
      ? sub.filter(({ i }) => i < firstFocused.i)
      : sub
    ).filter(({ c }) => INVITATION_TYPES.has(c.type)).length,
    pairing: { closed, pairedAtOnce: paired },
    narrativePractice: {
      prompts: practiceIdx.length,
      invitations: practiceInv,
      factsElicited: practiceFacts,
      factsTotal: simulation.practice.total,
      quality,
    },
    reluctance: {
      reluctantAnswers: simulation.reluctantAnswers,
      supportedAfter,
      supportiveTurns: simulation.replies.filter((r) => r.supportive).length,
      notToday: simulation.notToday,
    },
    groundRules: RULE_IDS.map((rule) => {
      const expected = input.plan.band.groundRules.find((r) => r.id === PLAN_RULE[rule])?.mode;
      const before = (simulation.earlierRules ?? []).map((r) => r[rule]);
      const earlier = before.includes('practised')
        ? 'practised'
        : before.includes('stated')
          ? 'stated'
          : undefined;
      return {
        rule,
        status: simulation.rules[rule],
        ...(simulation.rulesGuessed?.has(rule)
          ? { guessedAt: simulation.rulesGuessed.get(rule)! + 1 }
          : {}),
        ...(earlier ? { earlier } : {}),
        ...(expected ? { expected } : {}),
      };
    }),
    scriptedPrompts: isScripted.filter(Boolean).length,
    recommendedShare:
      sub.length > 0 ? sub.filter(({ c }) => OPEN_TYPES.has(c.type)).length / sub.length : 0,
    invitationShare: sub.length > 0 ? subInvitations / sub.length : 0,
    goodInvitationShare: input.goodInvitationShare ?? DEFAULT_GOOD_INVITATION_SHARE,
  };
  return { measures, codings, scripted: isScripted };
}

/** The plan's id of each ground rule the simulated child knows (protocols/types.ts GroundRuleId). */
const PLAN_RULE: Readonly<Record<RuleId, GroundRuleId>> = {
  dontKnow: 'dont-know',
  dontUnderstand: 'dont-understand',
  correctMe: 'correct-me',
  truth: 'truth',
};

/**
 * How many practice-event details open narrative practice should bring before it counts as
 * "good": 2 for a child of 3 to 5, 3 from 6 years. Preschoolers say less per open invitation
 * than older children (Lamb, Sternberg, Orbach, Esplin,
 * Stewart & Mitchell 2003, J Consult Clin Psychol 71:926-934; research.ts FREE_RECALL_FACTS), so
 * a trainee who practised well with a 4-year-old is not told the practice was partial. The
 * numbers are Hearth's.
 * @param ageYears the child's age in whole years.
 */
export function practiceDetailsExpected(ageYears: number): number {
  return ageYears <= 5 ? 2 : 3;
}

/**
 * Whether an interviewer turn is a support statement: the child heard it as support (the child's
 * `supportive`) and it asks nothing (no question mark). "Are you okay?" stays a prompt.
 */
export function isSupportStatement(
  question: string,
  reply: { supportive: boolean } | undefined,
): boolean {
  return reply?.supportive === true && !/\?\s*$/u.test(question);
}
