// Plain data types shared by the protocol definitions, the planner and the guidance reducer.
// No zod and no runtime dependencies: src/api wraps these in its own schemas.
import type { PlannedSource, SourceRef } from './sources';

export const AGE_BANDS = ['3-5', '6-9', '10-13', '14-17'] as const;
export type AgeBand = (typeof AGE_BANDS)[number];

/** A BCP-47-ish language code ('en', 'es', 'pt-BR'). Supported ones come from the catalogs. */
export type Language = string;

/** What kind of utterance a prompt is; the question kinds match the classifier's coding. */
export type PromptKind =
  | 'statement'
  | 'instruction'
  | 'practice'
  | 'invitation'
  | 'cued-invitation'
  | 'directive'
  | 'option-posing'
  | 'supportive'
  /**
   * Ten Step's hypothetical putative confession ("What if I said that ..."): a question with a
   * known effect on disclosure, its own kind so it is counted apart, never as an instruction
   * (practitioner review 8, P8-8).
   */
  | 'putative-confession';

export type GroundRuleId =
  'dont-know' | 'dont-understand' | 'correct-me' | 'not-there' | 'repeated-question' | 'truth';

/** Practise = an example item the child answers; explain = tell the rule and check it landed. */
export type GroundRuleMode = 'practise' | 'explain';

// ---------------------------------------------------------------------------------------------
// Definitions (data). Every `key` is a path into locales/<lang>/protocols.json.

/**
 * Conditions under which the reducer offers a prompt during the interview:
 * 'person-named' = only once the interviewer has marked that the child named the person.
 */
export type PromptGate = 'person-named';

export interface PromptDefinition {
  id: string;
  key: string;
  /** The question type the prompt is meant to be, in the classifier's coding. */
  kind: PromptKind;
  /** Where the prompt comes from (a document and section, or Hearth's own). */
  source: SourceRef;
  /** Only for children of these ages in whole years (inclusive): for age-limited evidence. */
  ages?: { min: number; max: number };
  /** Only offered live once this has happened. */
  gate?: PromptGate;
  /** Needs a recorded team (MDT and prosecutor) decision for this session: off by default. */
  needsDecision?: 'putative-confession';
  /** Only for these bands (default: all the protocol supports). */
  bands?: readonly AgeBand[];
  /** Uses what the team already knows about the allegation: dropped in allegation-blind mode. */
  requiresAllegation?: boolean;
  /** Only in allegation-blind mode (replaces an allegation-informed prompt). */
  blindOnly?: boolean;
  /** Only in a session after the first of an extended interview (the revisit line, P11-3). */
  laterSessionOnly?: boolean;
  /** Only when an interpreter is present. */
  interpreterOnly?: boolean;
  /** Only when someone watches from another room (PlanOptions.observed): never said untrue. */
  observedOnly?: boolean;
  /**
   * A supportive line that presumes a hard topic ("I can see this is hard to talk about"): the
   * guidance offers it only in the substantive phases, never in rapport, where it would tell the
   * child the adult expects a difficult subject (practitioner review 26p, finding 8).
   */
  substantiveOnly?: true;
  /** Offered but not expected (e.g. the putative-confession instruction). */
  optional?: boolean;
  /** Use only after open prompts have been exhausted; always pair with an invitation. */
  lastResort?: boolean;
  /**
   * The question type the spoken prompt is coded as when it is not its `kind`'s: 'option-posing'
   * for a prompt that asks a yes/no or either/or question on purpose (the promise to tell the
   * truth, the true/not-true practice, the closing questions). The question coach codes it
   * option-posing, subtype 'protocol', with no warning and a reason that names the section, and
   * reports do not count it against the interview (issue #16 item 5; src/questions/scripted.ts).
   * The `kind` keeps the prompt's place in the protocol (guidance does not withhold it as it
   * withholds option-posing prompts from a reluctant child). Absent: coded as `kind` says.
   */
  codedAs?: 'option-posing';
}

export interface ChecklistDefinition {
  id: string;
  key: string;
  /** Required items are reported as open when the phase is left without them (never blocking). */
  required: boolean;
  bands?: readonly AgeBand[];
  /** Only when an interpreter is present. */
  interpreterOnly?: boolean;
  /** Only when someone watches from another room (PlanOptions.observed). */
  observedOnly?: boolean;
  requiresAllegation?: boolean;
  /** Only when the session's plan has this option enabled (practitioner review 8, P8-9). */
  needsDecision?: 'putative-confession';
}

/**
 * The ages the hypothetical putative confession was studied with (Stolzenberg, McWilliams & Lyon
 * 2017: 4 to 9; the 9-10 effect in Evans & Lyon 2019 was for the direct form, which Hearth never
 * offers). One source of truth for the plan, the definition and the plan screen (P8-7).
 */
export const PUTATIVE_CONFESSION_AGES = { min: 4, max: 9 } as const;

export interface PhaseDefinition {
  id: string;
  titleKey: string;
  goalKey: string;
  /** The protocol document and section this phase follows. */
  source: SourceRef;
  prompts: readonly PromptDefinition[];
  checklist: readonly ChecklistDefinition[];
  warningKeys: readonly string[];
  /**
   * Warnings shown only for some age bands (full catalog keys): e.g. NICHD's ground rules say
   * where Hearth leaves out the protocol's true/not-true items (practitioner review 26p, 11).
   */
  bandWarnings?: ReadonlyArray<{ key: string; bands: readonly AgeBand[] }>;
  /** The child's free account: Hearth never shows its break reminder here. */
  freeNarrative?: boolean;
  skippable: boolean;
  repeatable: boolean;
  /** Recommended for these bands; elsewhere the phase is planned as optional. Default: all. */
  recommendedFor?: readonly AgeBand[];
  /** Part of the substantive (allegation) part of the interview. */
  substantive?: boolean;
  /**
   * Elicits information the child has not mentioned (NICHD's option-posing last resort): never
   * listed as something a later session of an extended interview has still to do.
   */
  elicitsUnmentioned?: true;
  /**
   * The team-consultation break (NICHD revised: the break before closing). A team step, not
   * something the child tells: a later session's continuity lists it on its own.
   */
  teamBreak?: true;
  /** Optional phase (e.g. Ten Step's putative confession). */
  optional?: boolean;
  /** Needs allegation knowledge to run at all: left out of allegation-blind plans. */
  requiresAllegation?: boolean;
  /** Used only in follow-up sessions of a multi-session plan. */
  followUpOnly?: boolean;
}

export interface MultiSessionDefinition {
  defaultSessions: number;
  maxSessions: number;
  /**
   * Phase ids, in order, for the first, middle (repeated) and last sessions. An id starting with
   * '?' is planned as optional: there to follow a spontaneous disclosure, never to elicit one.
   */
  first: readonly string[];
  middle: readonly string[];
  last: readonly string[];
  /** Key of a one-line summary per session role. */
  firstFocusKey: string;
  middleFocusKey: string;
  lastFocusKey: string;
  /**
   * Where each session role comes from: the protocol's own multi-session document, or Hearth's
   * own where Hearth plans more than the protocol's model (NICHD's research model has two
   * sessions, so a middle session is Hearth's).
   */
  sessionSources: { first: SourceRef; middle: SourceRef; last: SourceRef };
  /**
   * Sources of the rules for sessions after the first (src/protocols/extended.ts), each from this
   * protocol's own material or labelled Hearth's own; never another protocol's.
   */
  laterSessionRules: Record<LaterSessionRuleId, SourceRef>;
  /**
   * The first session's phases that give the ground rules (and the narrative practice after
   * them), in order. When the earlier session never reached the first of them, a later session
   * plans them in full after `reconnect` instead of the reminder (src/protocols/extended.ts):
   * a child is never "reminded" of rules never given (practitioner review 11, P11-2).
   */
  rulesPhases: readonly string[];
}

/** The rules shown for every session after the first of an extended interview. */
export type LaterSessionRuleId = 'rapportAgain' | 'noRepeat' | 'followDisclosure';

export interface ProtocolDefinition {
  id: string;
  nameKey: string;
  summaryKey: string;
  /** Ids of the documents (src/protocols/sources.ts) that define this protocol, main one first. */
  documents: readonly string[];
  /** Use of media (body diagrams, dolls, drawings) under this protocol. */
  media: MediaStance;
  ageBands: readonly AgeBand[];
  /** Phases may be taken in any order (the reducer does not report out-of-order entries). */
  flexibleOrder: boolean;
  phases: readonly PhaseDefinition[];
  /** Prompts to support a reluctant child, usable in any substantive phase. */
  supportivePrompts: readonly PromptDefinition[];
  multiSession?: MultiSessionDefinition;
  /**
   * A structure no longer offered (WITHDRAWN_PROTOCOLS): plans of old sessions only, read-only;
   * new sessions and plans refuse it.
   */
  withdrawn?: boolean;
}

/**
 * A protocol's stance on media (body diagrams, dolls, drawings, other aids), in the source's terms:
 * - 'not-used': the protocol's script uses none; rely on the child's words (NICHD, Ten Step).
 * - 'planned-only': aids only when planned before the interview for a stated reason and used with
 *   caution, never to introduce a detail (ABE 2022).
 * - 'after-disclosure': only after a verbal disclosure, only to clarify what the child said,
 *   never to elicit one (NCAC, APSAC).
 * - 'not-stated': the structure gave no media guidance (the withdrawn Hearth preschool structure).
 * The question coach takes this value as its `mediaStance`.
 */
export const MEDIA_STANCES = [
  'not-used',
  'planned-only',
  'after-disclosure',
  'not-stated',
] as const;
export type MediaStanceId = (typeof MEDIA_STANCES)[number];

/** Aids an interviewer can record as used (or decided against); 'other' needs a description. */
export const MEDIA_AIDS = ['body-diagram', 'drawing', 'dolls', 'figures', 'other'] as const;
export type MediaAid = (typeof MEDIA_AIDS)[number];

/** 'used': the aid was used now; 'declined': the recorded decision not to use one. */
export const MEDIA_ACTIONS = ['used', 'declined'] as const;
export type MediaAction = (typeof MEDIA_ACTIONS)[number];

export interface MediaStance {
  stance: MediaStanceId;
  textKey: string;
  source: SourceRef;
}

// ---------------------------------------------------------------------------------------------
// Plans (localized output of planSession).

export interface ProtocolSummary {
  id: string;
  name: string;
  source: string;
  ageBands: AgeBand[];
  languages: Language[];
}

export interface PlanOptions {
  /** The interviewer does not know the allegation: prompts that would use it are left out. */
  allegationBlind?: boolean;
  /** Plan several sessions (NICHD second session, NCAC extended, ABE further interview...). */
  multiSession?: boolean;
  /** Number of sessions when multiSession is on (protocol default otherwise). */
  sessionCount?: number;
  /** Include optional phases and prompts (they are always marked optional). Default true. */
  includeOptional?: boolean;
  /** An interpreter takes part: adds the interpreter's introduction and checks. */
  interpreter?: boolean;
  /**
   * Someone watches from another room (the session's observers other than an interpreter in the
   * room): adds the line telling the child so, and its check. Default false: the script never
   * tells the child that people are watching when nobody is (practitioner review 8, P8-12).
   */
  observed?: boolean;
  /**
   * The team's planning record sets an exploitation concern (screening outcome possible or
   * clear): a child under 14 gets the exploited-youth guidance the 14-17 band always carries.
   */
  exploitationConcern?: boolean;
  /** Put into prompts that introduce the interviewer; a localized placeholder otherwise. */
  interviewerName?: string;
  /**
   * Hearth's break-reminder heuristic, in minutes since the last break (null: off). Default: the
   * band's suggestion. Never shown during the child's free narrative.
   */
  breakReminderMinutes?: number | null;
  /**
   * Ten Step's putative-confession option, enabled for this session by a recorded MDT and
   * prosecutor decision. Off unless given. `personNamed` is always
   * 'this-interview': it is offered only after the interviewer marks that the child named the
   * person in this interview (a prior disclosure does not unlock it).
   */
  putativeConfession?: { decidedBy: string; personNamed: 'this-interview' };
}

export interface PlannedPrompt {
  id: string;
  kind: PromptKind;
  text: string;
  optional: boolean;
  lastResort: boolean;
  source: PlannedSource;
  gate?: PromptGate;
  /** PromptDefinition.substantiveOnly: offered only in a substantive phase. */
  substantiveOnly?: true;
}

export interface PlannedChecklistItem {
  id: string;
  label: string;
  required: boolean;
}

export interface PlannedText {
  id: string;
  text: string;
  source: PlannedSource;
}

export interface PlannedPhase {
  id: string;
  title: string;
  goal: string;
  recommended: boolean;
  optional: boolean;
  skippable: boolean;
  repeatable: boolean;
  substantive: boolean;
  /** Present (true) only on a phase that elicits information the child has not mentioned. */
  elicitsUnmentioned?: true;
  /** Present (true) only on the team-consultation break. */
  teamBreak?: true;
  freeNarrative: boolean;
  source: PlannedSource;
  prompts: PlannedPrompt[];
  checklist: PlannedChecklistItem[];
  warnings: PlannedText[];
}

export interface PlannedSession {
  number: number;
  focus: string;
  /** Where this session's role comes from (the protocol's multi-session model, or Hearth's). */
  source: PlannedSource;
  phases: PlannedPhase[];
}

export interface BandGuidance {
  band: AgeBand;
  label: string;
  /** Hearth's break-reminder heuristic in minutes (null: off); not from any protocol. */
  breakReminderMinutes: number | null;
  groundRules: Array<{ id: GroundRuleId; mode: GroundRuleMode }>;
  /** How to speak to a child of this band (wording advice). */
  language: PlannedText[];
  /** Question forms to avoid or handle with care at this age. */
  warnings: PlannedText[];
}

export interface SessionPlan {
  protocolId: string;
  protocolName: string;
  /**
   * True for a withdrawn structure (an old session's plan, read-only): its name says so, and it is
   * never offered for new sessions.
   */
  withdrawn: boolean;
  summary: string;
  /** The protocol's defining documents, as one citation string (compatibility). */
  source: string;
  /** The protocol's defining documents, short labels. */
  documents: PlannedSource[];
  language: Language;
  ageYears: number;
  band: BandGuidance;
  /** For 3-5-year-olds: "Adapting <protocol> for 3-5-year-olds" (null for older children). */
  adaptation: { title: string; source: PlannedSource } | null;
  /** Hearth's break reminder interval in ms (0 when the reminder is off). */
  breakIntervalMs: number;
  /** The protocol's stance on media (body diagrams, dolls, drawings). */
  media: { stance: MediaStance['stance']; text: string; source: PlannedSource };
  /** The putative-confession option as enabled for this session, or null (the default). */
  putativeConfession: {
    decidedBy: string;
    personNamed: 'this-interview';
  } | null;
  flexibleOrder: boolean;
  options: Required<
    Omit<
      PlanOptions,
      'interviewerName' | 'sessionCount' | 'breakReminderMinutes' | 'putativeConfession'
    >
  > & {
    sessionCount: number;
  };
  sessions: PlannedSession[];
  /**
   * Set when this is the plan of one session of an extended interview (planSessionAt): its place
   * ("session k of n"), and `sessions` then holds that one session (numbered k). Absent for a
   * single-session plan and for the whole-series preview (planSession with multiSession).
   */
  extended?: {
    index: number;
    planned: number;
    /** The later-session rules (empty for session 1), each with its source. */
    rules: PlannedText[];
  };
  /** Supportive, non-suggestive statements for a reluctant child. */
  supportivePrompts: PlannedPrompt[];
  /** The outcome offered when a child stays reluctant: close warmly, plan a second session. */
  reluctance: {
    closeWarmly: PlannedText;
    secondSessionAvailable: boolean;
    /**
     * The source of tracking reluctance across the interview and meeting it with support (the
     * protocol's own citation of `phaseWarnings.reluctance`; NICHD: the revised protocol,
     * Hershkowitz, Lamb & Katz 2014; Lamb et al. 2018; Hershkowitz et al. 2021).
     */
    source: PlannedSource;
  };
  /** Engine texts the reducer needs, pre-localized so the reducer stays language-free. */
  texts: GuidanceTexts;
  /** Sources of the engine texts: the break reminder is Hearth's; pairing follows NICHD. */
  textSources: { breakReminder: PlannedSource; pairing: PlannedSource };
}

export interface GuidanceTexts {
  /** Contains {{keyword}}. */
  pairedInvitation: string;
  pairedInvitationNoKeyword: string;
  /** Contains {{minutes}}. Hearth's heuristic, labelled as such in the text. */
  breakReminder: string;

  suggestiveAlert: string;
  optionPosingAlert: string;
}
