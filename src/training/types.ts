// Scenario data: what a simulated child remembers (facts), what is NOT true (lures), and how the
// child behaves. A scenario is resolved to one language; built-ins exist in every language.

export type TrainingLanguage = 'en' | 'es';
export type Personality = 'talkative' | 'reluctant';
export type FactCategory = 'who' | 'what' | 'where' | 'when' | 'object' | 'sequence';
export type Centrality = 'central' | 'peripheral';
export type ScenarioOutcome = 'event' | 'nothing-happened';
export type ChildGender = 'girl' | 'boy';
/** The trainee's conclusion at the end of a practice interview. */
export type Conclusion = 'event' | 'nothing-happened' | 'cannot-tell';
export const CONCLUSIONS: readonly Conclusion[] = ['event', 'nothing-happened', 'cannot-tell'];

export interface Fact {
  id: string;
  category: FactCategory;
  centrality: Centrality;
  /** The child's own wording, first person and age-appropriate. Facts are in event order. */
  text: string;
  /** Words that name this fact (cues, topic matching). At least one. */
  keywords: string[];
  /**
   * Peripheral facts only: how the child may tell this detail in a later session, differing in a
   * harmless peripheral way ("a blue leash" after "a red leash"). Such inconsistencies are normal
   * in repeated interviews and not a sign of lying (research.ts HARMLESS_INCONSISTENCY).
   */
  retold?: string;
  /**
   * Event facts only: a shorter first telling of the same fact, with fewer details ("The dog was
   * brown." for "The dog was brown and fluffy."), every word of it in `text`. In free recall the
   * child may first tell the fact this briefly and give the rest when the fact is cued or asked
   * about again, or in a later session (research.ts BRIEF_FIRST_TELLING; Katz & Hershkowitz 2013).
   */
  brief?: string;
  /**
   * Words for this fact that are true of it but that the child does not use ("sex" for the
   * "dates" an exploited youth describes). A child who takes one up from a question is not giving
   * a false detail, but the detail is still the interviewer's: it is recorded as introduced by
   * the interviewer (contamination even when true), never as the child's own telling.
   */
  alsoCalled?: string[];
}

/** The facts of each particular incident of a repeated event (fact ids, event order). */
export interface IncidentFacts {
  first: string[];
  last: string[];
  another: string[];
}
export type IncidentLabel = keyof IncidentFacts;
export const INCIDENT_LABELS: readonly IncidentLabel[] = ['last', 'first', 'another'];

/** A detail that is NOT true: what a suggestive question might plant. */
export interface Lure {
  id: string;
  text: string;
  keywords: string[];
}

export interface Scenario {
  id: string;
  language: TrainingLanguage;
  title: string;
  /** For trainers only: what happened. Never shown to the trainee before feedback. */
  summary: string;
  ageYears: number;
  alias: string;
  personality: Personality;
  /** What the child says about themselves in rapport building. */
  rapport: string[];
  /**
   * A recent, neutral event (a birthday, yesterday) the child can narrate in narrative practice,
   * answered like substantive recall. Facts in event order.
   */
  practiceEvent?: Fact[];
  /** Starting reluctance in [0, 1]; default from the personality (research.ts RELUCTANCE). */
  reluctance?: number;
  /**
   * The youth does not see themselves as a victim (adolescent exploitation): a victim or
   * exploitation label put to them is rejected or draws disengagement, never agreement
   * (research.ts LABEL_RESISTANCE). Default false.
   */
  rejectsLabels?: boolean;
  /**
   * The ids of the facts that are the act of concern itself: the child has told the event only
   * once one of them is told. For adolescent exploitation, gifts and a debt ("he says I owe him")
   * are grooming indicators, not the act (Lavoie et al. 2019); the act is the dates. Absent: any
   * central "what" or "sequence" fact (audit N18e-5).
   */
  act?: string[];
  /**
   * The child's gender, for the grammar of Spanish feedback ("la niña", "el niño"); absent: the
   * feedback says "el niño o la niña". English feedback says "the child" either way.
   */
  gender?: ChildGender;
  /**
   * What a careful interviewer should conclude: the child's account describes what happened
   * ('event'), or nothing of concern happened and any allegation came from suggestion
   * ('nothing-happened'). Default 'event'.
   */
  outcome?: ScenarioOutcome;
  /**
   * A repeated-events scenario: the act happened more than one time. Each list holds the ids of
   * the facts of one particular incident (the first, the last, another the child remembers well),
   * in event order, for the NICHD repeated-incident prompts ("Did [that] happen one time or more
   * than one time?", then "Tell me everything about the last time", the first time, another
   * time: Lamb et al. 2007 NICHD revised protocol, investigative phase; Brubacher, Powell &
   * Roberts 2014, Psychol Public Policy Law 20:325-335). Absent: a single event.
   */
  incidents?: IncidentFacts;
  facts: Fact[];
  lures: Lure[];
  builtIn: boolean;
  /** Trainer scenarios: version, author and time of the last save. */
  version?: number;
  author?: string;
  updatedAt?: string;
}

export const SCENARIO_LIMITS = {
  maxFacts: 30,
  minFacts: 3,
  maxLures: 15,
  maxKeywords: 12,
  maxTextChars: 300,
  maxKeywordChars: 40,
  maxRapport: 10,
  maxPracticeFacts: 10,
  /** Serialized size of one scenario: keeps a pasted document out of the vault. */
  maxBytes: 32 * 1024,
} as const;

/** Built-in ids are kebab-case words; trainer scenarios get a random `scn_` id. */
export const BUILTIN_ID = /^[a-z][a-z0-9-]{1,39}$/;
export const TRAINER_ID = /^scn_[0-9a-f]{32}$/;
