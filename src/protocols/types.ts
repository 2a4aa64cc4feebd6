// Plain data types shared by the protocol definitions, the planner and the guidance reducer.
// No zod and no runtime dependencies: src/api wraps these in its own schemas.

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
  | 'supportive';

export type GroundRuleId = 'dont-know' | 'dont-understand' | 'correct-me' | 'not-there' | 'truth';

/** Practise = an example item the child answers; explain = tell the rule and check it landed. */
export type GroundRuleMode = 'practise' | 'explain';

// ---------------------------------------------------------------------------------------------
// Definitions (data). Every `key` is a path into locales/<lang>/protocols.json.

export interface PromptDefinition {
  id: string;
  key: string;
  kind: PromptKind;
  /** Only for these bands (default: all the protocol supports). */
  bands?: readonly AgeBand[];
  /** Uses what the team already knows about the allegation: dropped in allegation-blind mode. */
  requiresAllegation?: boolean;
  /** Only in allegation-blind mode (replaces an allegation-informed prompt). */
  blindOnly?: boolean;
  /** Only when an interpreter is present. */
  interpreterOnly?: boolean;
  /** Offered but not expected (e.g. the putative-confession instruction). */
  optional?: boolean;
  /** Use only after open prompts have been exhausted; always pair with an invitation. */
  lastResort?: boolean;
}

export interface ChecklistDefinition {
  id: string;
  key: string;
  /** Required items are reported as open when the phase is left without them (never blocking). */
  required: boolean;
  bands?: readonly AgeBand[];
  /** Only when an interpreter is present. */
  interpreterOnly?: boolean;
  requiresAllegation?: boolean;
}

export interface PhaseDefinition {
  id: string;
  titleKey: string;
  goalKey: string;
  prompts: readonly PromptDefinition[];
  checklist: readonly ChecklistDefinition[];
  warningKeys: readonly string[];
  skippable: boolean;
  repeatable: boolean;
  /** Recommended for these bands; elsewhere the phase is planned as optional. Default: all. */
  recommendedFor?: readonly AgeBand[];
  /** Part of the substantive (allegation) part of the interview. */
  substantive?: boolean;
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
  /** Phase ids, in order, for the first, middle (repeated) and last sessions. */
  first: readonly string[];
  middle: readonly string[];
  last: readonly string[];
  /** Key of a one-line summary per session role. */
  firstFocusKey: string;
  middleFocusKey: string;
  lastFocusKey: string;
}

export interface ProtocolDefinition {
  id: string;
  nameKey: string;
  summaryKey: string;
  /**
   * Published sources, as bibliographic citations. Kept in the definition rather than in the
   * locale files because a citation names a publication and is not translated.
   */
  sources: readonly string[];
  ageBands: readonly AgeBand[];
  /** Phases may be taken in any order (the reducer does not report out-of-order entries). */
  flexibleOrder: boolean;
  /** Overrides the band's break interval when the protocol asks for more frequent breaks. */
  breakIntervalMinutes?: number;
  phases: readonly PhaseDefinition[];
  /** Prompts to support a reluctant child, usable in any substantive phase. */
  supportivePrompts: readonly PromptDefinition[];
  multiSession?: MultiSessionDefinition;
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
  /** Put into prompts that introduce the interviewer; a localized placeholder otherwise. */
  interviewerName?: string;
}

export interface PlannedPrompt {
  id: string;
  kind: PromptKind;
  text: string;
  optional: boolean;
  lastResort: boolean;
}

export interface PlannedChecklistItem {
  id: string;
  label: string;
  required: boolean;
}

export interface PlannedText {
  id: string;
  text: string;
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
  prompts: PlannedPrompt[];
  checklist: PlannedChecklistItem[];
  warnings: PlannedText[];
}

export interface PlannedSession {
  number: number;
  focus: string;
  phases: PlannedPhase[];
}

export interface BandGuidance {
  band: AgeBand;
  label: string;
  attentionSpanMinutes: number;
  breakIntervalMinutes: number;
  groundRules: Array<{ id: GroundRuleId; mode: GroundRuleMode }>;
  /** How to speak to a child of this band (wording advice). */
  language: PlannedText[];
  /** Question forms to avoid or handle with care at this age. */
  warnings: PlannedText[];
}

export interface SessionPlan {
  protocolId: string;
  protocolName: string;
  summary: string;
  source: string;
  language: Language;
  ageYears: number;
  band: BandGuidance;
  /** The break interval actually used (the protocol may ask for more frequent breaks). */
  breakIntervalMs: number;
  flexibleOrder: boolean;
  options: Required<Omit<PlanOptions, 'interviewerName' | 'sessionCount'>> & {
    sessionCount: number;
  };
  sessions: PlannedSession[];
  /** Supportive, non-suggestive statements for a reluctant child. */
  supportivePrompts: PlannedPrompt[];
  /** Engine texts the reducer needs, pre-localized so the reducer stays language-free. */
  texts: GuidanceTexts;
}

export interface GuidanceTexts {
  /** Contains {{keyword}}. */
  pairedInvitation: string;
  pairedInvitationNoKeyword: string;
  /** Contains {{minutes}}. */
  breakReminder: string;
  suggestiveAlert: string;
  optionPosingAlert: string;
}
