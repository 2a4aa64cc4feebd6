// The simulated child. A pure function of (scenario, seed, interviewer turns so far, and the
// turns of earlier sessions with the same child): the whole interview is replayed on every
// question, so nothing about the simulation needs storing and a restarted app gives the same
// child. Every number that shapes behaviour is in research.ts with the finding it follows.
//
// What it models (see research.ts for sources):
// - open prompts bring accurate free recall; focused prompts bring the fact they ask for or,
//   when the child does not know, "I don't know", a guess or an agreeing "yes";
// - a practice event (narrative practice) answered like substantive recall, and open versus
//   closed preparation changing how much the child later tells;
// - reluctance as a state that shows in rapport, yields slowly to support, grows under
//   pressure or turns into compliant false answers, and can end in "not today";
// - "I don't understand" to legal, negative, compound or long questions, more so when the rule
//   was practised; distorted summaries left uncorrected; reminiscence across sessions.
import { sentencesOf } from '../questions';
import {
  codeUtterance,
  introducesDetail,
  practiceEventInvitation,
  presentTalk,
  WH_FORM,
  type Coding,
  type PresentTalk,
} from './coding';
import { complexity, legalWordsIn, type Complexity } from './comprehension';
import { statesCorrectMe } from './correct-me';
import {
  ADOPTED_REPEAT,
  bandOf,
  DISTORTION_UNCORRECTED,
  FREQUENCY_DONT_KNOW,
  FREE_RECALL_FACTS,
  HARMLESS_INCONSISTENCY,
  LABEL_RESISTANCE,
  PERIPHERAL_RETENTION,
  PREPARATION,
  RELUCTANCE,
  REMINISCENCE,
  BRIEF_FIRST_TELLING,
  RULE_EFFECT,
  RULE_PRACTICE_RIGHT,
  NOTICES_NOT_UNDERSTANDING,
  SAYS_DONT_UNDERSTAND,
  SUGGESTIVE_UPTAKE,
  SUGGESTIVE_WEIGHT,
  UNANSWERABLE_YES_NO_ANSWERED,
  WH_GUESS,
  WHY_REASON_GIVEN,
  YES_SHARE,
  FORCED_CHOICE_NONE_TRUE,
  CONTENT_PRAISE,
  GUARDED_CLOSED,
  GUARDED_DISCLOSURE,
  type Band,
} from './research';
import { childPhrases, DETERMINERS } from './phrases';
import { Dice } from './rng';
import { matchScripted, scriptedCoding, type ScriptedMatcher } from './scripted';
import { fill, textsFor, type TrainingTexts } from './texts';
import { INCIDENT_LABELS, type Fact, type Scenario } from './types';
import { brokenReason, clauseForAge, compliantClause } from './compliance';
import { abilityHeadWords, negatedProposition } from './negation';
import { presentSupport } from './support';
import { detailWordsOf, isClosedClass } from './detail-words';
import { assertsKnowledge, KNOWING_WORDS, quotesChild, withoutProcessTalk } from './process-talk';
import { PRESSURE_PLACE, putsPlaceInEvent, unsaidEventWords } from './event-talk';
import { eventWordsOfReflection } from './reflection';
import { verbChoice } from './choice-verbs';
import {
  agreeOptionAboutChild,
  agreeWithChild,
  optionsAreTimes,
  optionsGender,
} from './child-agreement';
import { socialTalk } from './social-talk';
import { resolvePronoun } from './referent';
import { asksPleasantEvent, invitationForm } from './pleasant-event';
import { cuedThing } from './unsaid-cue';
import { askedWhKind, factTellsKind, fold, questionAgent, subjectIs, type Agent } from './wh-kind';
import {
  appearanceThing,
  asksDestination,
  headFits,
  modifierNames,
  mainSubjectPart,
  tellsChildAct,
  timeClause,
  mainClause,
  modifiedAgent,
  childWent,
  destinationSubject,
  pronounRefersTo,
  tellsDestination,
} from './wh-fit';
import { eventMemoryStems, memoryStems, surfaceWords, wordTools, type WordTools } from './words';

/** A sentence with no person as subject: "It was...", "There was...", "Fue...", "Había..." (folded). */
const EXPLETIVE_SUBJECT =
  /^\W*(?:it (?:was|is|had been)|there (?:was|were|is|are)|fue|era|habia|hay|estaba lloviendo)\b/u;

/** Days and months, capitalised in English but no names (Hearth's list). */
const CALENDAR_WORD =
  /^(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|November|December|Christmas|Halloween|Thanksgiving|Easter|Navidad)$/u;

/** One interviewer utterance as the child hears it. */
export interface PracticeTurn {
  text: string;
  phaseId?: string;
  /**
   * Whether the protocol phase is substantive: true (about the event), false (introduction,
   * rapport, ground rules, practice narrative) or undefined when no phase was entered.
   */
  substantive?: boolean;
}

/** Where in the interview a turn fell, as the child experienced it. */
export type Stage = 'rapport' | 'groundRules' | 'practice' | 'substantive';
export type RuleId = 'dontKnow' | 'dontUnderstand' | 'correctMe' | 'truth';
export type RuleStatus = 'practised' | 'stated' | 'missing';
export const RULE_IDS: readonly RuleId[] = ['dontKnow', 'dontUnderstand', 'correctMe', 'truth'];

export interface FalseDetail {
  /** The false detail, in the child's words (a prepared lure's wording when it was one). */
  detail: string;
  /** 0-based index of the interviewer turn that introduced it. */
  turn: number;
  question: string;
  questionType: Coding['type'];
  lureId?: string;
  /** suggested: taken up from the interviewer's words; guess: made up under a closed question. */
  source: 'suggested' | 'guess';
}

/**
 * A true detail the interviewer named before the child did, which the child then told ("Did he
 * take you to a motel?" -> "The last time was at a motel..."). True of the event, so not a false
 * detail, but it is the interviewer's: NICHD training feedback counts a detail introduced by the
 * interviewer as contamination whether or not it is true (Lamb, Orbach, Hershkowitz, Esplin &
 * Horowitz 2007, Child Abuse Negl 31:1201-1231; Lamb et al. 2018, Tell Me What Happened, ch. 5).
 */
export interface IntroducedDetail {
  /** The interviewer's words for it, as typed. */
  detail: string;
  /** The scenario fact it is true of. */
  factId: string;
  /** 0-based index of the interviewer turn that introduced it. */
  turn: number;
  question: string;
  questionType: Coding['type'];
}

export interface ChildReply {
  answer: string;
  /** The child's own words worth cueing on, exactly as said in this answer (never a lemma). */
  keywords: string[];
  coding: Coding;
  /** Facts of the event stated in this answer (new or repeated). */
  factIds: string[];
  newFalseDetails: FalseDetail[];
  /** True details this answer told that the question had named first (IntroducedDetail). */
  newIntroducedDetails: IntroducedDetail[];
  stage: Stage;
  /** The child held back (reluctance showed in this answer). */
  reluctant: boolean;
  /** The interviewer's turn was non-suggestive support. */
  supportive: boolean;
  /** Why the child said "I don't understand", when it did. */
  notUnderstood?: Complexity;
  /** The child ended the session ("not today"). */
  notToday: boolean;
}

export interface Simulation {
  replies: ChildReply[];
  /**
   * The child's answers in the earlier sessions of the same practice case, oldest first: words a
   * cued invitation of this session may use ("Tell me more about Marcus"), audit N18e-3.
   * Absent: none (a first session).
   */
  earlierSaid?: string[];
  /** Of earlierSaid, the answers of the substantive phase (the child's account of the event). */
  earlierEventSaid?: string[];
  /** Fact id -> 0-based turn of this session where the child first stated it. */
  elicited: Map<string, number>;
  /** False details first introduced in this session. */
  falseDetails: FalseDetail[];
  /** True details the interviewer named before the child told them, in this session. */
  introducedDetails: IntroducedDetail[];
  /**
   * Every detail the child has taken up so far, in any session, in the words the child used for
   * it (a lure's wording when it was one): never the child's own account (suggestion-words.ts).
   */
  adoptedDetails: string[];
  /** Facts the child can recall at all in this session. */
  remembered: Set<string>;
  /** Facts the child told in earlier sessions. */
  toldEarlier: Set<string>;
  /** Fact id -> the differing wording of a peripheral detail told again in this session. */
  retold: Map<string, string>;
  /**
   * Facts told in this session only in their brief form (Fact.brief): the details the fuller
   * telling adds are still untold (train31). Optional: simulations built by hand (tests,
   * fixtures) may leave it out, meaning none.
   */
  briefOnly?: ReadonlySet<string>;
  /** 1 for a first interview, 2 for the next one with the same child, ... */
  session: number;
  rapportDone: boolean;
  groundRulesDone: boolean;
  rules: Record<RuleId, RuleStatus>;
  /**
   * Rules whose practice item the child answered with a guess and never got right in this
   * session, each with the 0-based turn of the guess. Absent in simulations stored before fb23.
   */
  rulesGuessed?: ReadonlyMap<RuleId, number>;
  /** Each earlier session's rule statuses, oldest first (empty in a first session). */
  earlierRules?: ReadonlyArray<Readonly<Record<RuleId, RuleStatus>>>;
  reluctantAnswers: number;
  reluctanceStart: number;
  reluctanceEnd: number;
  notToday: boolean;
  practice: { elicited: Map<string, number>; total: number };
  /** Who first brought the allegation (a central act) into the interview. */
  allegation: { by: 'child' | 'interviewer' | 'none'; turn?: number };
  /**
   * The 0-based turn of this session whose answer first told a central act (Scenario.act, else a
   * central "what" or "sequence" fact) in the child's own words, whoever named the topic first
   * (that is `allegation`). Absent: the child did not tell it in this session (rev21 finding 3).
   */
  disclosureTurn?: number;
}

interface Adopted {
  key: string;
  text: string;
  stems: Set<string>;
  /** The sentence the child said when it took the detail up, when it was a clause. */
  said?: string;
  /** What it said was a phrase, not a clause (a picked option, a wh- answer's words). */
  fragment?: boolean;
}

/** What the child remembers of one event: the substantive one or the practice event. */
class Episode {
  readonly remembered = new Set<string>();
  readonly said = new Set<string>();
  readonly elicited = new Map<string, number>();
  readonly skipInFreeRecall = new Set<string>();
  readonly keywordStems: Map<string, Set<string>>;
  readonly textStems: Map<string, Set<string>>;

  constructor(
    readonly facts: readonly Fact[],
    t: WordTools,
  ) {
    // A fact's other true words ("sex" for the "dates") cue it like its keywords do.
    this.keywordStems = new Map(
      facts.map((f) => [f.id, t.stemsOf([...f.keywords, ...(f.alsoCalled ?? [])])]),
    );
    this.textStems = new Map(
      facts.map((f) => [f.id, t.stemsOf(f.retold ? [f.text, f.retold] : [f.text])]),
    );
  }
}

const NO_FACTS: readonly Fact[] = [];
const NO_STEMS: ReadonlySet<string> = new Set();

/** What a reply path returns: the answer before the turn's coding and bookkeeping are added. */
type Reply = Omit<ChildReply, 'coding' | 'stage' | 'supportive' | 'newIntroducedDetails'>;

class Child {
  readonly t: WordTools;
  readonly texts: TrainingTexts;
  readonly dice: Dice;
  readonly age: number;
  readonly band: Band;
  /** Stems true of the substantive event (its facts and the child's name). */
  readonly memory: Set<string>;
  /** Stems of everything the child knows (rapport talk and practice event too). */
  readonly practiceMemory: Set<string>;
  /** Stems of the practice event's own words. */
  readonly practiceOnly: Set<string>;
  readonly aliasStems: Set<string>;
  readonly occasionStems: Set<string>;
  readonly properNouns: Set<string>;
  readonly event: Episode;
  readonly practice: Episode;

  // Across sessions.
  readonly childSaid: string[] = [];
  /** The child's answers in the substantive phase: its account of the event. */
  readonly eventSaid: string[] = [];
  readonly saidStems = new Set<string>();
  /** Stems the child said in the substantive phase (about the event, or taken up there). */
  readonly eventSaidStems = new Set<string>();
  readonly adopted: Adopted[] = [];
  /** Facts already retold as "Just that ..." to a cued invitation (said once, R18-9). */
  readonly toldOnlyThat = new Set<string>();
  readonly novelSeen = new Map<string, number>();
  readonly toldEarlier = new Set<string>();
  /** Peripheral details told again in this session in their differing wording. */
  retold = new Map<string, string>();
  /** Facts told in this session only briefly (Fact.brief): the rest of the detail is untold. */
  briefNow = new Set<string>();
  /** Facts whose fuller telling the child has given, in any session. */
  readonly toldFully = new Set<string>();
  /** Facts the reply being built tells in their brief form (freeRecall), for state(). */
  tellingBriefly: ReadonlySet<string> = new Set();
  supportGiven = 0;
  session = 1;

  // This session.
  falseDetails: FalseDetail[] = [];
  introduced: IntroducedDetail[] = [];
  reluctance: number;
  reluctanceStart: number;
  reluctantRun = 0;
  reluctantAnswers = 0;
  notToday = false;
  rapportTurns = 0;
  openPrep = 0;
  /** Open prompts in the rapport phase only (the open-rapport effect). */
  openRapport = 0;
  closedPrep = 0;
  practiceInvitations = 0;
  /** The child named its practice event in rapport (namePracticeEvent). */
  practiceNamed = false;
  rules: Record<RuleId, RuleStatus> = freshRules();
  /** Rule -> this session's turn of the last practice item the child guessed on. */
  rulesGuessed = new Map<RuleId, number>();
  lastRule: RuleId | undefined;
  substantiveStarted = false;
  allegation: Simulation['allegation'] = { by: 'none' };
  /** This session's turn of the child's first telling of a central act (Simulation.disclosureTurn). */
  disclosureTurn: number | undefined = undefined;
  /** Stem -> first turn of this session whose substantive question used it (who named it first). */
  firstNamed = new Map<string, number>();
  turnOffset = 0;
  readonly pressureStems: Set<string>;
  /** The child's answers in this session: what a scripted prompt's slot may hold. */
  sessionSaid: string[] = [];
  /** This session's substantive talk, both speakers, oldest first: whom a pronoun stands for
   * (referent.ts). */
  talk: string[] = [];

  constructor(
    readonly scenario: Scenario,
    seed: number,
    readonly scripted: readonly ScriptedMatcher[] = [],
  ) {
    this.t = wordTools(scenario.language);
    this.texts = textsFor(scenario.language);
    this.dice = new Dice(`${scenario.id}|${scenario.version ?? 0}|${seed}`);
    this.age = scenario.ageYears;
    this.band = bandOf(this.age);
    // The distortion and novelty checks look only at the event being asked about (N18d-12).
    this.memory = eventMemoryStems(scenario, this.t);
    this.practiceMemory = memoryStems(scenario, this.t);
    this.practiceOnly = this.t.stemsOf(
      (scenario.practiceEvent ?? []).flatMap((f) => [f.text, ...f.keywords]),
    );
    this.aliasStems = this.t.stemsOf([scenario.alias]);
    this.occasionStems = this.t.stemsOf([...this.texts.occasionWords, ...this.texts.practiceCues]);
    this.event = new Episode(scenario.facts, this.t);
    this.practice = new Episode(scenario.practiceEvent ?? NO_FACTS, this.t);
    for (const ep of [this.event, this.practice]) this.recallable(ep);
    this.properNouns = properNouns(scenario);
    this.pressureStems = this.t.stemsOf(this.texts.pressureWords);
    this.reluctance =
      scenario.reluctance ??
      (scenario.personality === 'reluctant'
        ? RELUCTANCE.reluctantStart
        : RELUCTANCE.talkativeStart);
    this.reluctanceStart = this.reluctance;
  }

  recallable(ep: Episode): void {
    for (const fact of ep.facts) {
      if (
        fact.centrality === 'central' ||
        this.dice.chance(
          PERIPHERAL_RETENTION[this.band],
          'remember',
          ep === this.event ? 'e' : 'p',
          fact.id,
        )
      )
        ep.remembered.add(fact.id);
      // Young children leave peripheral details out of free recall; cues still reach them.
      if (
        fact.centrality === 'peripheral' &&
        this.band <= 1 &&
        this.dice.chance(0.5, 'skip', fact.id)
      )
        ep.skipInFreeRecall.add(fact.id);
    }
  }

  /** Starts the next interview with the same child: what carries over and what comes back. */
  nextSession(turnsSoFar: number): void {
    for (const id of this.event.elicited.keys()) this.toldEarlier.add(id);
    this.session++;
    this.turnOffset = turnsSoFar;
    this.sessionSaid = [];
    this.talk = [];
    // Reminiscence: some details not retrievable last time come back now.
    for (const fact of this.event.facts)
      if (
        !this.event.remembered.has(fact.id) &&
        this.dice.chance(REMINISCENCE, 'reminisce', this.session, fact.id)
      )
        this.event.remembered.add(fact.id);
    this.event.said.clear();
    this.event.elicited.clear();
    this.practice.said.clear();
    this.practice.elicited.clear();
    this.event.skipInFreeRecall.clear();
    // Support in the first session carries over; without it, reluctance eases only a little.
    const carried =
      this.supportGiven > 0
        ? RELUCTANCE.carryPerSupport * Math.min(4, this.supportGiven)
        : RELUCTANCE.carryWithout;
    this.reluctance = Math.max(0, Math.max(this.reluctance, this.reluctanceStart * 0.9) - carried);
    this.reluctanceStart = this.reluctance;
    this.falseDetails = [];
    this.introduced = [];
    this.retold = new Map();
    this.briefNow = new Set();
    this.reluctantRun = 0;
    this.reluctantAnswers = 0;
    this.notToday = false;
    this.rapportTurns = 0;
    this.openPrep = 0;
    this.openRapport = 0;
    this.closedPrep = 0;
    this.practiceInvitations = 0;
    this.practiceNamed = false;
    this.rules = freshRules();
    this.rulesGuessed = new Map();
    this.lastRule = undefined;
    this.substantiveStarted = false;
    this.allegation = { by: 'none' };
    this.disclosureTurn = undefined;
    this.firstNamed = new Map();
  }

  // ---- age and preparation -----------------------------------------------------------------

  /**
   * The multiplier a ground rule puts on the behaviour it targets (research.ts RULE_EFFECT): 1
   * when the rule is missing; at 3-5 a "don't know" rule only stated has no effect (Peterson &
   * Grant 2001, abstract: "instructions allowing 'I don't know' had no effect").
   */
  ruleFactor<K extends keyof typeof RULE_EFFECT>(rule: K): number {
    const status: RuleStatus = this.rules[rule];
    if (status === 'missing') return 1;
    if (rule === 'dontKnow' && status === 'stated' && this.band === 0)
      return RULE_EFFECT.dontKnow.statedAt3to5;
    const effect: { practised: number; stated: number } = RULE_EFFECT[rule];
    return effect[status];
  }

  /**
   * Probability of taking up a suggested detail (before the prompt's own weight). The base rate
   * follows Garven et al. 1998, whose children were already unprepared; the +0.1 without rapport
   * and x1.15 without the don't-know rule (from 6 years: at 3-5 the rule has no effect, Peterson &
   * Grant 2001) are Hearth's calibration on top of it, not published effects.
   */
  uptake(): number {
    let c: number = SUGGESTIVE_UPTAKE[this.band];
    if (this.rapportTurns === 0) c += 0.1;
    // At 3-5 the "I don't know" rule, stated or absent, changes nothing (Peterson & Grant 2001,
    // research.ts RULE_EFFECT): Garven et al.'s base rate stands (train31).
    c *= this.band > 0 && this.ruleFactor('dontKnow') === 1 ? 1.15 : 1;
    // A reluctant child withholds: denial, minimising, disengagement rather than compliance
    // (RELUCTANCE.uptakeDamping: Lavoie et al. 2019; Henderson et al. 2021; Nogalska et al. 2021;
    // Ahern et al. 2016). Pressure-driven compliance (Garven et al. 1998) lives in the prompt's
    // weight and its repetition, for every child, not in reluctance.
    c *= 1 - RELUCTANCE.uptakeDamping * this.reluctance;
    return Math.min(c, 0.9);
  }

  freeRecallSize(turn: number): number {
    let k: number = FREE_RECALL_FACTS[this.band];
    if (this.band === 0 && this.dice.chance(0.4, 'k', turn)) k++;
    if (this.band === 3 && this.dice.chance(0.5, 'k', turn)) k++;
    if (this.scenario.personality === 'talkative' && this.band >= 1) k++;
    // Open RAPPORT raises later free recall (Sternberg et al. 1997; Roberts, Lamb & Sternberg
    // 2004); narrative practice adds its own effect on top (Price, Roberts & Collins 2013; Brown
    // et al. 2013: the effects are cumulative in the NICHD protocol), so practice invitations do
    // not also count as open rapport (audit N18d-4).
    if (this.openRapport >= PREPARATION.openPromptsForBonus && this.openPrep > this.closedPrep)
      k += PREPARATION.openRapportBonus;
    if (this.practiceInvitations >= PREPARATION.practiceInvitationsForBonus)
      k += PREPARATION.narrativePracticeBonus;
    if (this.closedPrep > this.openPrep) k -= PREPARATION.closedRapportPenalty;
    if (this.rapportTurns === 0 && this.openPrep === 0) k--;
    // A child still holding back tells less even when it answers (non-disclosers' reluctance,
    // Hershkowitz et al. 2006; the size is Hearth calibration).
    k -= Math.round(this.reluctance * 2);
    // ... and in small parts while it is still reluctant (research.ts GUARDED_DISCLOSURE, R18-3).
    if (this.reluctance > GUARDED_DISCLOSURE.smallPartsAbove)
      k = Math.min(k, 1 + Math.floor((1 - this.reluctance) * GUARDED_DISCLOSURE.partsPerTurn));
    return Math.max(1, k);
  }

  // ---- wording ------------------------------------------------------------------------------

  joinFacts(facts: readonly Fact[], brief: ReadonlySet<string> = new Set()): string {
    const say = (f: Fact): string => (brief.has(f.id) && f.brief ? f.brief : this.spoken(f));
    return facts
      .map((f, i) =>
        i > 0 &&
        (f.category === 'what' || f.category === 'sequence') &&
        !STARTS_WITH_CONNECTIVE.test(say(f)) &&
        !NOT_AN_EVENT.test(say(f))
          ? `${this.texts.child.then} ${this.lowerFirst(say(f))}`
          : say(f),
      )
      .join(' ');
  }

  /**
   * How the child words a fact now: in a later session, a peripheral detail it told before may
   * come out differently (harmless inconsistency, research.ts HARMLESS_INCONSISTENCY); once it
   * has, it stays that way for the rest of the session.
   */
  spoken(f: Fact): string {
    const now = this.retold.get(f.id);
    if (now !== undefined) return now;
    if (
      f.retold !== undefined &&
      f.centrality === 'peripheral' &&
      this.session > 1 &&
      this.toldEarlier.has(f.id) &&
      this.event.facts.includes(f) &&
      this.dice.chance(HARMLESS_INCONSISTENCY, 'retold', this.session, f.id)
    ) {
      this.retold.set(f.id, f.retold);
      return f.retold;
    }
    return f.text;
  }

  lowerFirst(text: string): string {
    const first = text.split(/\s/, 1)[0] ?? '';
    if (first === 'I' || this.properNouns.has(first.replace(/[^\p{L}'-]/gu, ''))) return text;
    return text.charAt(0).toLowerCase() + text.slice(1);
  }

  yes(): string {
    return this.band === 0 ? this.texts.child.yesYoung : this.texts.child.yes;
  }

  idk(turn: number): string {
    const list = this.band === 0 ? this.texts.child.idkYoung : this.texts.child.idk;
    return this.dice.pick(list, 'idk', turn);
  }

  pick(list: readonly string[], purpose: string, turn: number): string {
    return this.dice.pick(list, purpose, this.session, turn);
  }

  // ---- memory -------------------------------------------------------------------------------

  /** Facts the words are about: keyword matches first, then facts whose wording shares a word. */
  topicFacts(ep: Episode, stems: ReadonlyArray<{ stem: string }>): Fact[] {
    if (stems.length === 0) return [];
    const hits = (m: Map<string, Set<string>>, f: Fact) =>
      stems.filter((s) => m.get(f.id)?.has(s.stem)).length;
    const byKeyword = ep.facts.filter((f) => hits(ep.keywordStems, f) > 0);
    const byText = ep.facts.filter((f) => !byKeyword.includes(f) && hits(ep.textStems, f) > 0);
    return [...byKeyword, ...byText];
  }

  state(ep: Episode, facts: readonly Fact[], turn: number): void {
    for (const f of facts) {
      ep.said.add(f.id);
      if (!ep.elicited.has(f.id)) ep.elicited.set(f.id, turn);
      if (ep !== this.event) continue;
      if (this.tellingBriefly.has(f.id)) this.briefNow.add(f.id);
      else {
        this.briefNow.delete(f.id);
        this.toldFully.add(f.id);
      }
    }
  }

  /**
   * Whether free recall tells this fact briefly now (Fact.brief; research.ts
   * BRIEF_FIRST_TELLING): only an event fact with a brief form, not yet told in this session, and
   * never told in full before (a fact told briefly in an earlier session comes back fuller:
   * Katz & Hershkowitz 2013, new details in a second interview). Decided once per session and
   * fact (the dice are keyed by both).
   */
  tellsBriefly(ep: Episode, f: Fact): boolean {
    if (ep !== this.event || f.brief === undefined) return false;
    if (ep.said.has(f.id) || this.toldFully.has(f.id) || this.toldEarlier.has(f.id)) return false;
    return this.dice.chance(BRIEF_FIRST_TELLING[this.band], 'brief', this.session, f.id);
  }

  /**
   * A fact told only briefly in this session that free recall can now tell in full (the oldest
   * first), when nothing new is left: another invitation brings the rest of its detail.
   */
  toFillIn(ep: Episode): Fact | undefined {
    if (ep !== this.event) return undefined;
    return ep.facts.find((f) => this.briefNow.has(f.id) && !this.guards(f));
  }

  nextInFreeRecall(ep: Episode, k: number): Fact[] {
    // Facts told in an earlier session are told again, but after what is new (reminiscence).
    const open = ep.facts.filter((f) => ep.remembered.has(f.id) && !ep.said.has(f.id));
    // A fact told only briefly before has details still untold: it is among the new (train31).
    const fresh = open.filter(
      (f) =>
        !this.toldEarlier.has(f.id) ||
        ep !== this.event ||
        (f.brief !== undefined && !this.toldFully.has(f.id)),
    );
    const order = this.session > 1 ? [...fresh, ...open.filter((f) => !fresh.includes(f))] : open;
    return order
      .filter((f) => !ep.skipInFreeRecall.has(f.id) && !(ep === this.event && this.guards(f)))
      .slice(0, k);
  }

  /**
   * Whether a reluctant child still keeps this fact out of free recall: the act (Scenario.act,
   * else the central acts) and the suspect's central part in it stay guarded while reluctance
   * is above GUARDED_DISCLOSURE.guardUntil, for a child who started reluctant (R18-3). Cues
   * still reach it: a guarded fact is withheld from free recall, not from memory.
   */
  guards(f: Fact): boolean {
    if (this.reluctanceStart < GUARDED_DISCLOSURE.guardFrom) return false;
    if (this.reluctance <= GUARDED_DISCLOSURE.guardUntil) return false;
    return this.isAct(f) || (f.centrality === 'central' && f.category === 'what');
  }

  /**
   * Details the interviewer's words supply that the child never experienced nor said. Pressure,
   * frame and legal words ("We can't leave until you tell me", "the prior incident") are not
   * details: they press the child (reluctance, compliance), they plant nothing (Hearth's rule,
   * locales/<lang>/training.json pressureWords).
   */
  novelStems(
    stems: ReadonlyArray<{ stem: string; word: string }>,
    ep: Episode = this.event,
    asserted = false,
    placeInEvent = false,
  ): Array<{
    stem: string;
    word: string;
  }> {
    // Only the event being asked about counts: a word of the practice event (or one the child
    // said while telling it) is new to the substantive event (audit N18d-12).
    const memory = ep === this.practice ? this.practiceMemory : this.memory;
    const said = ep === this.practice ? this.saidStems : this.eventSaidStems;
    return stems.filter(
      (s) =>
        // A pressure word ("you can go HOME when you tell me") is no detail, except in a claim to
        // know the event ("We know it happened at HOME."), where it is the event's place.
        // Nor in a sentence that puts it as the event's place ("It happened at HOME.", "Pasó en
        // la CASA.", audit 18h): there it is a detail like any place.
        (asserted ||
          (placeInEvent && PRESSURE_PLACE.has(this.t.normalise(s.word))) ||
          !this.pressureStems.has(s.stem)) &&
        !memory.has(s.stem) &&
        !said.has(s.stem) &&
        !this.adopted.some((a) => a.stems.has(s.stem)),
    );
  }

  /** The lure a novel detail matches, or the interviewer's own words for it. */
  describeNovel(
    novel: Array<{ stem: string; word: string }>,
    question: string,
    negator?: string,
  ): Adopted & { lureId?: string } {
    // A prepared lure is what the child took up only when the question put all its words ("Was
    // the car red?" for "The car was red."): one shared word ("Did he take your RED bike?",
    // "¿Te quitó el CELULAR?") is another proposition, and the child agreed to that one (audit
    // 18h, N18g-9: the lure was said and recorded). Agreeing that something did NOT happen ("He
    // didn't hurt you with a knife, did he?") takes up no lure (N18g-6).
    const asked = new Set(this.t.contentStems(question).map((x) => x.stem));
    for (const lure of negator === undefined ? this.scenario.lures : []) {
      const ls = this.t.stemsOf(lure.keywords);
      const whole = this.t.contentStems(lure.text).every((x) => asked.has(x.stem));
      if (whole && novel.some((n) => ls.has(n.stem)))
        return {
          key: `lure:${lure.id}`,
          text: lure.text,
          stems: new Set([...ls, ...novel.map((n) => n.stem)]),
          lureId: lure.id,
        };
    }
    // The interviewer's words as typed ("tocó", "lastimó"), never their folded form ("toco" is
    // another Spanish word, "I touch"): the child repeats what it heard.
    const surface = surfaceWords(question);
    // A negative proposition keeps its negation in the record ("nadie ayudó", "didn't hurt
    // knife"), so the detail and the feedback's quote do not invert it (N18g-6).
    const words = [
      ...(negator === undefined ? [] : [negator.toLowerCase()]),
      ...novel.slice(0, 3).map((n) => surface.get(n.word) ?? n.word),
    ];
    return {
      key: `words:${words.join(' ')}`,
      text: words.join(' '),
      stems: new Set(novel.map((n) => n.stem)),
    };
  }

  adopt(
    detail: Adopted & { lureId?: string },
    ctx: TurnContext,
    source: FalseDetail['source'],
  ): FalseDetail[] {
    if (this.adopted.some((a) => a.key === detail.key)) return [];
    // A question that returns to a detail already taken up re-affirms it; its other new words
    // ("he USED a bottle") are part of the same false detail, not a second one.
    const questionStems = this.t.stemsOf([ctx.text]);
    if (
      source === 'suggested' &&
      this.adopted.some((a) => [...a.stems].some((s) => questionStems.has(s)))
    )
      return [];
    this.adopted.push({ key: detail.key, text: detail.text, stems: detail.stems });
    // Agreeing that an act did NOT happen ("He didn't touch you, did he?" -> "Yeah.") takes up
    // no detail: what it agrees to is absent from the event, so it is true, and counting it made
    // the feedback call a child's agreement that nothing happened "how a false allegation is
    // made" (audit 18i, N18i-4). The question itself is still coded and flagged as suggestive.
    if (source === 'suggested' && ctx.negator !== undefined) return [];
    const fd: FalseDetail = {
      detail: detail.text,
      turn: ctx.turn,
      question: ctx.text,
      questionType: ctx.coding.type,
      source,
      ...(detail.lureId ? { lureId: detail.lureId } : {}),
    };
    this.falseDetails.push(fd);
    // In a nothing-happened scenario any prepared lure the child takes up is the allegation, and
    // so is any other suggested detail of concern (an act, a body part: "Did the man touch
    // you?" -> "Yeah. Touch."), prepared or not.
    // Agreeing that an act did not happen alleges no act (N18g-6).
    if (
      this.allegation.by === 'none' &&
      this.scenario.outcome === 'nothing-happened' &&
      source === 'suggested' &&
      ctx.negator === undefined &&
      (detail.lureId !== undefined ||
        [...detail.stems].some((s) => this.t.concernStems(ctx.text).has(s)) ||
        WRONGDOING[this.scenario.language].test(fold(ctx.text)))
    )
      this.allegation = { by: 'interviewer', turn: this.firstNamedTurn(detail.stems, ctx) };
    return [fd];
  }

  /**
   * The first question of this session that named what the child took up: "Did Mr. Dan touch
   * you?" (answered "I don't know") named the act before "Where did he touch you?" drew it out,
   * so the allegation is the first question's (issue #18 audit B18-6). A scripted prompt's words
   * are the protocol's and never count; the adopting question is the latest possible answer.
   */
  firstNamedTurn(stems: ReadonlySet<string>, ctx: TurnContext): number {
    const named = [...stems, ...this.t.concernStems(ctx.text)]
      .map((s) => this.firstNamed.get(s))
      .filter((t): t is number => t !== undefined);
    return Math.min(ctx.turn, ...named);
  }

  /**
   * What the child says when it takes up a suggested detail: a prepared lure's own sentence, or
   * the question's clause from the child's side ("Did he take your ID?" -> "He took my ID.",
   * compliance.ts), said as a child of this age says it (clauseForAge, audit N18f-4), or
   * undefined when no natural sentence can be built (audit 18h, N18h-4, N18g-5: "Me llevó
   * motel.", "Acabas.", "Tatuaje." were the detail words alone). The caller then says a bare
   * "Yes."/"Sí." or nothing, and records only what the child said. A negative question the child
   * misheard as affirmative (research.ts NOTICES_NOT_UNDERSTANDING) gets no sentence: the
   * child's clause would answer the question it heard, the opposite of the one on the record.
   */
  adoptedSentence(
    detail: { text: string; lureId?: string },
    ctx?: TurnContext,
  ): string | undefined {
    if (detail.lureId) return detail.text;
    if (ctx === undefined || ctx.asked !== ctx.text) return undefined;
    const lang = this.scenario.language;
    // "What did he have in his hands?", "¿Qué tenía en las manos?", "¿Qué te hizo?": the wh-
    // word is the verb's object, so the presupposition without it has a gap ("Tenía en las
    // manos.") and is no answer; the child says no sentence of it (fix18r). "What did he hit you
    // WITH?" and "¿CON qué te pegó?" leave a whole clause ("He hit me.").
    if (objectGap(ctx.asked, lang) || WHY_FORM.test(ctx.asked)) return undefined;
    const clause = compliantClause(ctx.asked, lang, detail.text.split(/\s+/));
    if (clause === undefined) return undefined;
    // "The alleged perpetrator's conduct...", «Abuso infantil hacia mi persona.»: a child does
    // not say the interviewer's legal words as its own (R18-4); it says only "Yes."/"Sí.".
    if (legalWordsIn(clause, lang).length > 0) return undefined;
    const aged = clauseForAge(clause, lang, this.band);
    // The age form is checked as the clause was (a made-up past, a lost "no").
    if (brokenReason(aged, ctx.asked, lang) !== undefined) return undefined;
    // A question put to the child ("¿Estabas asustada?" to a boy) is echoed with the child's
    // own gender ("Estaba asustado."), never the interviewer's (native es-419 review).
    return ADDRESSES_CHILD.test(ctx.asked)
      ? agreeWithChild(aged, this.scenario.gender, lang)
      : aged;
  }

  /** Keeps the sentence the child said when it took a detail up, for retelling. */
  noteSaid(detail: { text: string }, said: string | undefined, fragment = false): void {
    const a = this.adopted.find((x) => x.text === detail.text);
    if (a && said !== undefined) {
      a.said = said;
      a.fragment = fragment;
    }
  }

  /** Once adopted, a false detail comes back in later narrative answers. */
  repeatAdopted(turn: number): string | undefined {
    if (
      this.adopted.length === 0 ||
      !this.dice.chance(ADOPTED_REPEAT, 'repeat', this.session, turn)
    )
      return undefined;
    const a = this.dice.pick(this.adopted, 'repeat-which', this.session, turn);
    if (a.key.startsWith('lure:')) return a.text;
    // The clause said when it was taken up, told again ("And he took my ID."); a detail the
    // child only agreed to with "yes" or "okay" is not retold as bare words ("Y acabas.",
    // "Y tatuaje.", audit 18h N18g-5/N18g-7).
    if (!a.said) return undefined;
    // Only a whole clause is retold: an option the child picked («En el brazo.», "My private
    // parts.") after "And"/"Y" is a fragment as a whole reply (R18-14).
    if (a.fragment) return undefined;
    return fill(this.texts.child.repeat, { detail: this.lowerFirst(a.said).replace(/[.]$/, '') });
  }

  // ---- one turn ------------------------------------------------------------------------------

  reply(turnIndex: number, turn: PracticeTurn): ChildReply {
    const lang = this.scenario.language;
    const base = codeUtterance(turn.text, lang, this.childSaid, this.age, 'not-substantive');
    // A protocol-scripted prompt is heard as the protocol's kind, not the coach's code, and its
    // words are the protocol's, not a suggestion (issue #18: scripted prompts never cost points).
    const script = matchScripted(this.scripted, turn.text, this.sessionSaid);
    const stage = this.stageOf(turn, scriptedCoding(base, script), !!script);
    // In the substantive phase a statement is coded with the decision the child makes about what
    // it puts into the event (event-talk.ts): the code shown and counted is the one the child
    // heard (audit 18h, N18h-2).
    // In narrative practice, naming a recent event to tell is the protocol's own practice
    // (coding.ts practiceEventInvitation, rev21 finding 4).
    const all =
      stage === 'substantive'
        ? codeUtterance(turn.text, lang, this.childSaid, this.age, this.eventSaid)
        : stage === 'practice'
          ? practiceEventInvitation(base, turn.text, lang, this.t.concernStems(turn.text).size > 0)
          : base;
    // About the event, the child's own words are what it said about the event: "So it happened
    // at the beach." after a practice story about the beach is no summary of the event
    // (audit N18d-12). The coach's live code (feedback flags) still reads the whole transcript.
    const coding =
      stage === 'substantive'
        ? codeUtterance(turn.text, this.scenario.language, this.eventSaid, this.age)
        : all;
    const heard = scriptedCoding(coding, script);
    const ctx = this.context(turnIndex - this.turnOffset, turn.text, heard, stage, !!script);
    // Support for the child's present state or effort: as the coach codes it ("That must have
    // been hard."), the phrases of locales supportive, or support.ts ("You're being really
    // brave.", "Debe ser difícil."). Hershkowitz, Lamb & Katz (2014, Psychology, Public Policy,
    // and Law 20(3), 336-344) found that 4- to 13-year-old suspected victims of intrafamilial
    // abuse made allegations significantly more often under the revised NICHD protocol, which
    // adds rapport building and non-suggestive support for reluctant children, than under the
    // standard one. That each such sentence lowers this child's reluctance by a step, whatever
    // its wording, is Hearth's rule: the paper compares whole protocols, not single utterances.
    const supportive =
      this.isSupportive(turn.text) ||
      ctx.talk === 'support' ||
      presentSupport(turn.text, this.scenario.language);
    if (stage === 'substantive') this.noteAllegationByInterviewer(ctx);
    const toldBefore = new Set(this.event.said);
    // Praise of what the child said ("Good job telling me about the motel.") reinforces content,
    // not effort: it does not ease reluctance as support does (research.ts CONTENT_PRAISE).
    const praisesContent = supportive && this.praisesContent(ctx);
    const out = this.answer(ctx, supportive, !praisesContent);
    const introduced = this.introducedBy(ctx, out.factIds, toldBefore);
    const reply: ChildReply = {
      ...out,
      newIntroducedDetails: introduced,
      // The coach's code of the whole transcript, as the feedback flags have it.
      coding: all,
      stage,
      supportive,
    };
    if (stage === 'substantive') this.noteAllegationByChild(reply, ctx.turn);
    this.noteDisclosure(reply, ctx.turn);
    this.childSaid.push(reply.answer);
    if (stage === 'substantive') this.eventSaid.push(reply.answer);
    this.sessionSaid.push(reply.answer);
    if (stage === 'substantive') this.talk.push(turn.text, reply.answer);
    for (const s of this.t.stemsOf([reply.answer])) {
      this.saidStems.add(s);
      if (stage === 'substantive' && ctx.ep === this.event) this.eventSaidStems.add(s);
    }
    return reply;
  }

  /**
   * The true details this answer told for the first time whose words the question had put first
   * (a keyword of the fact, or one of its other true words, that the child had not said). A
   * scripted prompt, a non-substantive turn and a slot form's frame words introduce nothing.
   */
  introducedBy(
    ctx: TurnContext,
    factIds: readonly string[],
    toldBefore: ReadonlySet<string>,
  ): IntroducedDetail[] {
    if (ctx.scripted || ctx.stage !== 'substantive' || ctx.ep !== this.event) return [];
    const frame = this.slotFrameStems(ctx.ep, ctx.text);
    const asked = this.t
      .contentStems(this.withoutSupport(ctx.text))
      .filter((s) => !frame.has(s.stem) && !this.saidStems.has(s.stem));
    const surface = surfaceWords(ctx.text);
    const out: IntroducedDetail[] = [];
    for (const id of factIds) {
      if (toldBefore.has(id) || this.toldEarlier.has(id)) continue;
      if (this.introduced.some((d) => d.factId === id)) continue;
      const stems = this.event.keywordStems.get(id);
      const named = asked.filter((s) => stems?.has(s.stem));
      if (named.length === 0) continue;
      const detail: IntroducedDetail = {
        detail: [...new Set(named.map((n) => surface.get(n.word) ?? n.word))].join(', '),
        factId: id,
        turn: ctx.turn,
        question: ctx.text,
        questionType: ctx.coding.type,
      };
      this.introduced.push(detail);
      out.push(detail);
    }
    return out;
  }

  context(turn: number, text: string, coding: Coding, stage: Stage, scripted = false): TurnContext {
    const stems = this.t.contentStems(text);
    const ep = stage === 'practice' ? this.practice : this.event;
    // The words of a scripted prompt ("Has somebody been bothering you?") plant nothing; nor do
    // the frame words of a wh- form asking for a slot the child has a fact for ("How did you get
    // HURT?" to a child who scraped an elbow, "¿Qué llevaba PUESTO?" to one who saw clothes).
    const frame = this.slotFrameStems(ep, text);
    // Only a word that can name a person, act, object, body part, place or time is a detail the
    // child could take up; fillers, discourse markers and function words never are (N-2).
    // Talk about the interview itself (notes, camera, breaks, rules, pressure) plants nothing
    // either: only what is said about the event can be taken up (N18e-1, process-talk.ts).
    // About the event, the child takes up only what the coding counts as put into the event and
    // not said by the child (event-talk.ts, the one decision both share: audit 18h, N18h-2).
    const lang = this.scenario.language;
    const detail =
      ep === this.event && stage === 'substantive'
        ? new Set(unsaidEventWords(text, lang, this.eventSaid).map((u) => u.word))
        : detailWordsOf(withoutProcessTalk(this.withoutSupport(text), lang), lang);
    const asserted = assertsKnowledge(text, lang);
    // "¿No te puedes acordar?", "Can't you remember?": the ability head asks whether the child
    // can and names no detail (negation.ts, fix18r: "acordar" was taken up as a false detail).
    const ability = new Set(abilityHeadWords(text, lang).map((w) => this.t.normalise(w)));
    const heard = scripted
      ? []
      : this.novelStems(
          stems,
          ep,
          // A quote of the child ("You said it was your MOM.") puts even a pressure word into
          // the event (event-talk.ts).
          asserted || quotesChild(text, lang),
          putsPlaceInEvent(text, lang),
        ).filter(
          (n) =>
            !frame.has(n.stem) &&
            detail.has(n.word) &&
            !ability.has(this.t.normalise(n.word)) &&
            !(asserted && KNOWING_WORDS[lang].has(this.t.normalise(n.word))),
        );
    // An empathic reflection plants no feeling as an event detail (reflection.ts, N18f-2).
    const { event: novel, reflected } =
      coding.subtype === 'emotional'
        ? eventWordsOfReflection(heard, text, lang)
        : { event: heard, reflected: false };
    const repetition = novel.reduce((m, n) => Math.max(m, this.novelSeen.get(n.stem) ?? 0), 0);
    if (stage === 'substantive' && !scripted) {
      for (const n of novel) this.novelSeen.set(n.stem, (this.novelSeen.get(n.stem) ?? 0) + 1);
      for (const s of stems) if (!this.firstNamed.has(s.stem)) this.firstNamed.set(s.stem, turn);
      for (const s of this.t.concernStems(text))
        if (!this.firstNamed.has(s)) this.firstNamed.set(s, turn);
    }
    const incident = ep === this.event ? this.incidentFacts(text) : undefined;
    const topic = incident ?? this.topicFacts(ep, stems);
    const negator = negatedProposition(text, lang);
    // The coach's present-talk verdict with the child words the coding used (coding.ts).
    const said = stage === 'substantive' ? this.eventSaid : this.childSaid;
    const talk = scripted ? undefined : presentTalk(text, lang, said, this.age);
    return {
      turn,
      text,
      asked: text,
      ...(negator === undefined ? {} : { negator }),
      ...(talk === undefined ? {} : { talk }),
      coding,
      novel,
      repetition,
      ep,
      stage,
      topic,
      scripted,
      reflected,
    };
  }

  /**
   * In a repeated-events scenario, the facts of the one incident a prompt names in the
   * protocol's labels ("the last time", "the first time", "another time"), or undefined.
   */
  incidentFacts(text: string): Fact[] | undefined {
    const incidents = this.scenario.incidents;
    if (!incidents) return undefined;
    const norm = ` ${this.t.normalise(text)} `;
    const cues = this.texts.frequency.incidents;
    const label = INCIDENT_LABELS.find((l) => cues[l].some((cue) => norm.includes(` ${cue}`)));
    if (!label) return undefined;
    return incidents[label]
      .map((id) => this.event.facts.find((f) => f.id === id))
      .filter((f): f is Fact => f !== undefined);
  }

  /** Whether the prompt asks how often it happened ("one time or more than one time?"). */
  asksFrequency(text: string): boolean {
    // Punctuation off: "¿Cuántas veces...?" starts with "¿" (the Spanish question was never
    // heard as one, audit 18h N18h-3: en and es differed).
    const norm = ` ${this.t.normalise(text).replace(/[^\p{L}\p{N}]+/gu, ' ')} `;
    return this.texts.frequency.questions.some((q) => norm.includes(` ${q}`));
  }

  /**
   * Whether a question presumes an act, object, person or place of the event that the child has
   * not said (ctx.novel, the shared decision of event-talk.ts): more than the question's own verb,
   * or an act of concern ("How many times did he HIT you?" to a child who said he pushed her).
   */
  presumes(ctx: TurnContext): boolean {
    if (ctx.ep !== this.event || ctx.novel.length === 0) return false;
    if (!this.onlyNewVerb(ctx)) return true;
    const concern = this.t.concernStems(ctx.text);
    return ctx.novel.some((n) => concern.has(n.stem));
  }

  /**
   * What a child who goes along with a presumptive how-many, how-often or when question says: a
   * count ("One time.") or a time ("Yesterday?"), never the presumed act echoed back ("Motel.").
   * The count or time accepts the presumed act, so the caller records that act as the child's
   * false detail (audit 18h, N18h-3; presumptive questions as a path to false reports: Ceci &
   * Bruck 1995, Jeopardy in the Courtroom, ch. 6). Undefined for any other question.
   */
  presumedSlotAnswer(ctx: TurnContext): string | undefined {
    if (this.asksFrequency(ctx.text)) {
      const lists = this.texts.frequency;
      return this.pick(this.scenario.incidents ? lists.repeated : lists.single, 'freq', ctx.turn);
    }
    if (!WH_FORM.test(ctx.text)) return undefined;
    const when = this.whCategory(ctx.text) === 'when';
    if (!when && ctx.coding.subtype !== 'time-or-count') return undefined;
    const list = when ? this.texts.guesses.when : this.texts.guesses.count;
    return this.pick(list, 'guess', ctx.turn);
  }

  /**
   * "Did [it] happen one time or more than one time?": answered truthfully from the scenario
   * (incidents present: more than one time), with an age rate of "I don't know"
   * (research.ts FREQUENCY_DONT_KNOW). The answer names no detail, so it plants nothing.
   */
  frequency(ctx: TurnContext): Reply {
    if (ctx.stage === 'substantive' && this.holdsBack(ctx)) return this.reluctantReply(ctx);
    const p = FREQUENCY_DONT_KNOW[this.band] * this.ruleFactor('dontKnow');
    // A child who has already told it as repeated ("Every time, Tina locks my door...") knows:
    // "More than one time.", never "I don't remember" (R18-11).
    if (!this.toldAsRepeated() && this.dice.chance(p, 'freq-idk', this.session, ctx.turn))
      return this.result(ctx, [this.idk(ctx.turn)], []);
    const lists = this.texts.frequency;
    const list = this.scenario.incidents ? lists.repeated : lists.single;
    return this.result(ctx, [this.pick(list, 'freq', ctx.turn)], []);
  }

  /** Whether the child's account so far tells the event as repeated ("every time", "siempre"). */
  toldAsRepeated(): boolean {
    if (!this.scenario.incidents) return false;
    return this.eventSaid.some((a) => REPEATED_TALK.test(fold(a)));
  }

  stageOf(turn: PracticeTurn, coding: Coding, scripted = false): Stage {
    if (turn.phaseId === 'groundRules') return 'groundRules';
    // Narrative practice is about the practice event, but a prompt that asks about the
    // substantive event is answered about that event, in any phase (the child does not tell its
    // birthday to "Tell me what happened with the dog").
    // 'practice' is the narrative-practice phase of the withdrawn preschool composite.
    if (turn.phaseId === 'narrativePractice' || turn.phaseId === 'practice')
      return this.namesEvent(turn.text, scripted) ? 'substantive' : 'practice';
    if (turn.substantive === true) return 'substantive';
    if (turn.substantive === false)
      return coding.subtype === 'ground-rule' ? 'groundRules' : 'rapport';
    if (this.substantiveStarted) return 'substantive';
    if (coding.subtype === 'ground-rule' || this.rulesIn(turn.text).length > 0)
      return 'groundRules';
    const norm = this.t.normalise(turn.text);
    if (this.texts.practiceCues.some((cue) => norm.includes(cue)))
      return this.namesEvent(turn.text, scripted) ? 'substantive' : 'practice';
    if (this.texts.rapportCues.some((cue) => norm.includes(cue))) return 'rapport';
    return 'substantive';
  }

  /**
   * Whether a narrative-practice prompt (not the protocol's own) names an occasion or place
   * (locales practiceTopics: "your birthday", "la escuela") that the child's practice event does
   * not hold: the child has no story of that, so it does not tell its practice event as if it
   * were one (practitioner review P17-9). Hearth's rule.
   */
  offPracticeTopic(ctx: TurnContext): boolean {
    if (ctx.scripted || ctx.ep !== this.practice || this.practice.facts.length === 0) return false;
    const norm = ` ${this.t.normalise(ctx.text).replace(/[^\p{L}\p{N}]+/gu, ' ')} `;
    const named = this.texts.practiceTopics.words.filter((w) => norm.includes(` ${w} `));
    if (named.length === 0) return false;
    const own = this.t.allStems(
      this.practice.facts.flatMap((f) => [f.text, ...f.keywords]).join(' '),
    );
    return named.every((w) => ![...this.t.allStems(w)].some((x) => own.has(x)));
  }

  /**
   * An off-topic practice prompt: "I don't remember much about that." and the child's own recent
   * event, from the first fact not yet told (the trainee can then invite more about it).
   */
  otherTopic(ctx: TurnContext): Reply {
    const line = this.pick(this.texts.child.otherTopic, 'other-topic', ctx.turn);
    const next = this.practice.facts.find(
      (f) => this.practice.remembered.has(f.id) && !this.practice.said.has(f.id),
    );
    return next
      ? this.result(ctx, [line, this.spoken(next)], [next])
      : this.result(ctx, [line], []);
  }

  /**
   * Whether a prompt asks about the substantive event: it names an incident ("the last time") or
   * a keyword of the event's facts that is not one of the practice event, the child's name or a time of
   * day ("the dog", "la bici"; not "yesterday", "bed": locales occasionWords). Words both events
   * share say nothing about which is meant.
   */
  namesEvent(text: string, scripted: boolean): boolean {
    // The protocol's own practice prompt ("...from the time you woke up until you went to bed")
    // is about the practice event by design.
    if (scripted) return false;
    if (this.incidentFacts(text) !== undefined) return true;
    const detail = detailWordsOf(text, this.scenario.language);
    return this.t
      .contentStems(text)
      .some(
        (s) =>
          detail.has(s.word) &&
          [...this.event.keywordStems.values()].some((k) => k.has(s.stem)) &&
          !this.practiceOnly.has(s.stem) &&
          !this.occasionStems.has(s.stem) &&
          !this.aliasStems.has(s.stem),
      );
  }

  /**
   * The utterance without its support statements ("Estás haciendo un buen trabajo."): support is
   * about the child's effort, never about the event, so its words plant nothing (audit N-5). A
   * sentence that asks something ("?") keeps its words even when it holds a support phrase.
   */
  withoutSupport(text: string): string {
    return sentencesOf(text, this.scenario.language)
      .filter((s) => /\?\s*$/u.test(s.trim()) || !this.isSupportive(s))
      .join(' ');
  }

  isSupportive(text: string): boolean {
    const norm = this.t.normalise(text);
    return this.texts.supportive.some((phrase) => norm.includes(phrase));
  }

  rulesIn(text: string): RuleId[] {
    const norm = this.t.normalise(text);
    const cues = this.texts.groundRuleCues as Record<RuleId, string[]>;
    // "Correct me" is recognised as a kind (correct-me.ts: «Si digo algo que está mal, dímelo»,
    // «si me equivoco, dime»), the cue words only for its practice items ("two years old"): since
    // train28 an error word alone ("wrong", "mistake", «me equivoco») names no rule, so "If I say
    // something wrong, that's okay." tells the child nothing to do.
    return RULE_IDS.filter(
      (r) =>
        cues[r].some((cue) => norm.includes(cue)) ||
        (r === 'correctMe' && statesCorrectMe(norm, this.scenario.language)),
    );
  }

  /**
   * The interviewer names a central act the child has not (yet) said, or any act, body part or
   * abuse label of concern (the coach's presumptive words) the child has not said.
   */
  noteAllegationByInterviewer(ctx: TurnContext): void {
    // Nothing happened: only a suggested detail the child takes up makes an allegation (adopt()).
    if (this.allegation.by !== 'none' || this.scenario.outcome === 'nothing-happened') return;
    if (ctx.scripted) return;
    const concern = [...this.t.concernStems(ctx.text)].filter((s) => !this.saidStems.has(s));
    if (concern.length > 0) {
      this.allegation = { by: 'interviewer', turn: ctx.turn };
      return;
    }
    const named = ctx.topic.filter(
      (f) =>
        this.isAct(f) &&
        !this.event.said.has(f.id) &&
        !this.toldEarlier.has(f.id) &&
        [...(this.event.keywordStems.get(f.id) ?? [])].some((s) =>
          this.t.stemsOf([ctx.text]).has(s),
        ),
    );
    if (named.length > 0) this.allegation = { by: 'interviewer', turn: ctx.turn };
  }

  /**
   * Whether a fact is the act of concern: one of Scenario.act, else any central "what" or
   * "sequence" fact. A grooming indicator ("he says I owe him") is not the act (audit N18e-5).
   */
  isAct(f: Fact): boolean {
    const act = this.scenario.act;
    if (act) return act.includes(f.id);
    return f.centrality === 'central' && (f.category === 'what' || f.category === 'sequence');
  }

  noteAllegationByChild(reply: ChildReply, turn: number): void {
    if (this.allegation.by !== 'none' || this.scenario.outcome === 'nothing-happened') return;
    const central = reply.factIds.some((id) => {
      const f = this.scenario.facts.find((x) => x.id === id);
      return f !== undefined && this.isAct(f);
    });
    if (central) this.allegation = { by: 'child', turn };
  }

  /**
   * The child told a central act in this answer, in its own words (a reply's facts are always
   * spoken, never a bare "yes"): a disclosure at any point of the session, even after a question
   * named the act first. Who named it first is the separate allegation measure.
   */
  noteDisclosure(reply: ChildReply, turn: number): void {
    if (this.disclosureTurn !== undefined || this.scenario.outcome === 'nothing-happened') return;
    const act = reply.factIds.some((id) => {
      const f = this.scenario.facts.find((x) => x.id === id);
      return f !== undefined && this.isAct(f);
    });
    if (act) this.disclosureTurn = turn;
  }

  answer(ctx: TurnContext, supportive: boolean, eases = true): Reply {
    if (supportive && eases) {
      this.supportGiven++;
      this.reluctance = Math.max(0, this.reluctance - RELUCTANCE.supportStep);
      this.reluctantRun = 0;
    }
    if (this.notToday)
      return this.result(ctx, [this.pick(this.texts.child.notTodayAfter, 'nt', ctx.turn)], []);
    if (ctx.stage === 'groundRules') return this.groundRule(ctx);
    // A comment on the child's present state is answered as a comment in every phase, however
    // the coach codes it (support, or a reflection said, not asked): never free recall, a rapport
    // line or "I don't remember", and it plants nothing (fix18p; audit 18i N18i-5, N18h-5).
    // An offer ("¿Quieres descansar?") or praise ("Qué bonito dibujo.", "You're being really
    // brave.") is talk to the child as a person: an offer's answer or a thank-you, never a
    // correction, "I don't know" or a detail (native es-419 review, fix18q).
    const social = socialTalk(ctx.text, this.scenario.language);
    if (social !== undefined) return this.social(ctx, social);
    if (this.isComment(ctx)) return this.comment(ctx);
    if (ctx.stage === 'rapport') return this.rapport(ctx, supportive);
    if (ctx.stage === 'practice' && this.offPracticeTopic(ctx)) return this.otherTopic(ctx);
    if (ctx.stage === 'substantive') this.substantiveStarted = true;
    if (ctx.coding.type === 'other' && supportive)
      return this.result(ctx, [this.pick(this.texts.child.okay, 'okay', ctx.turn)], []);
    if (ctx.stage === 'substantive' && this.scenario.rejectsLabels && this.namesLabel(ctx))
      return this.resistLabel(ctx);
    // "How many times did he take you to the motel?" to a child who never said a motel presumes
    // the act: it is answered as the suggestion it is (suggestive()), not as the protocol's
    // frequency question (audit 18h, N18h-3: "One time." with nothing recorded).
    if (
      ctx.ep === this.event &&
      ctx.stage === 'substantive' &&
      this.asksFrequency(ctx.text) &&
      !this.presumes(ctx)
    )
      return this.frequency(ctx);
    // Too hard to understand: the child may say so (more often once the rule was practised),
    // otherwise it answers what it thinks was asked. A protocol's scripted prompt is never "too
    // long": its length is the protocol's, tested with children of the protocol's ages (Lamb et
    // al. 2007 report the NICHD invitations answered informatively by 4-year-olds), and the
    // comprehension research on length concerns lawyers' questions (Perry et al. 1995); legal,
    // negative and compound forms still count.
    // "¿Te acuerdas cuándo pasó?", "Do you know what day it was?": a time question asked through
    // remembering or knowing is heard as the time question, answered with a time or "I don't
    // know" / "I don't remember", never free recall or a bare "No." (fix18q).
    const unsaid = this.unsaidCue(ctx);
    if (unsaid) return unsaid;
    const timeAsked = embeddedTimeQuestion(ctx.text, this.scenario.language);
    if (timeAsked !== undefined) return this.byType(this.rehear(ctx, timeAsked)).reply;
    const found = complexity(ctx.text, ctx.coding, this.band, this.scenario.language);
    const hard = ctx.scripted && found === 'long' ? undefined : found;
    let heard = ctx;
    if (hard && ctx.coding.type !== 'other') {
      const p = Math.min(
        0.9,
        SAYS_DONT_UNDERSTAND[this.band] *
          NOTICES_NOT_UNDERSTANDING[hard] *
          this.ruleFactor('dontUnderstand'),
      );
      if (this.dice.chance(p, 'idu', this.session, ctx.turn))
        return {
          ...this.result(ctx, [this.pick(this.texts.child.dontUnderstand, 'idu-w', ctx.turn)], []),
          notUnderstood: hard,
        };
      // Not noticed: a compound question gets an answer to its last part, a negative one an
      // answer as if it were affirmative (research.ts NOTICES_NOT_UNDERSTANDING; Walker 2013).
      // A choice between the child's own acts ("¿Lloraste o te quedaste callada?") is one
      // question with options, not two questions (N18i-3: it was heard as "¿Te quedaste
      // callada?" and answered "Sí.").
      const reheard =
        hard === 'compound' && verbChoice(ctx.text, this.scenario.language) === undefined
          ? lastPart(ctx.text, this.scenario.language)
          : hard === 'negative'
            ? affirmative(ctx.text, this.scenario.language)
            : undefined;
      if (reheard !== undefined && reheard !== ctx.text) heard = this.rehear(ctx, reheard);
    }
    const out = this.byType(heard);
    // Narrative practice trains the child in telling with open prompts (Lyon et al. 2014; Price,
    // Roberts & Collins 2013; Brown et al. 2013): every invitation of a practice in which the
    // child told practice facts counts, also the one answered "Nothing else." after a child
    // prepared by open rapport told it all at once (audit N18d-4: good practice was penalised for
    // being effective, so open rapport + practice never beat open rapport alone).
    if (ctx.stage === 'practice' && INVITATION_LIKE.has(ctx.coding.type))
      this.practiceInvitations += out.practiceFacts > 0 || this.practice.said.size > 0 ? 1 : 0;
    if (ctx.stage === 'practice') this.countPrep(ctx.coding);
    return out.reply;
  }

  /**
   * Whether a supportive turn is praise or thanks contingent on the event's content: it matches
   * CONTENT_PRAISE and, apart from the praise, names something of the event (a word true of it)
   * or a detail the child never said ("Good job telling me about the motel.", "Gracias por
   * contarme lo del motel."). "Thank you for talking with me." and "Good job telling me what
   * happened." praise effort and are support (research.ts CONTENT_PRAISE; Hearth's rule).
   */
  praisesContent(ctx: TurnContext): boolean {
    if (ctx.stage !== 'substantive' || ctx.ep !== this.event) return false;
    const lang = this.scenario.language;
    const match = CONTENT_PRAISE[lang].exec(ctx.text);
    if (!match) return false;
    if (ctx.novel.length > 0) return true;
    const rest = ctx.text.slice(match.index + match[0].length);
    const generic = this.t.stemsOf([...this.texts.occasionWords, GENERIC_TELLING[lang]]);
    return this.t.contentStems(rest).some((x) => this.memory.has(x.stem) && !generic.has(x.stem));
  }

  /**
   * A cued invitation about something the child never said and that was not there ("Tell me
   * more about the guard."): taken up as a weak suggestion at the rate of an invitation that
   * carries a new detail (0.3 x uptake, as invitation()), else the child says it was not there
   * at the rate it corrects a wrong summary (DISTORTION_UNCORRECTED, Roberts & Lamb 1999), else
   * asks what is meant ("What guard?", «¿Cuál señor?»); never "Okay." or a bare "No."
   * (practitioner review R18-8, unsaid-cue.ts). Undefined for any other prompt.
   */
  unsaidCue(ctx: TurnContext): Reply | undefined {
    if (ctx.scripted || ctx.ep !== this.event || ctx.stage !== 'substantive') return undefined;
    const lang = this.scenario.language;
    const cue = cuedThing(ctx.text, lang);
    if (!cue) return undefined;
    const cueStems = new Set(this.t.contentStems(cue.thing).map((s) => s.stem));
    if (!ctx.novel.some((n) => cueStems.has(n.stem))) return undefined;
    if (this.holdsBack(ctx)) return this.reluctantReply(ctx);
    if (this.dice.chance(0.3 * this.uptake(), 'inv-adopt', ctx.turn)) {
      const detail = this.describeNovel(ctx.novel, ctx.text, ctx.negator);
      const said = this.adoptedSentence(detail, ctx);
      if (said !== undefined) {
        const fd = this.adopt(detail, ctx, 'suggested');
        this.noteSaid(detail, said);
        return this.result(ctx, [said], [], fd);
      }
    }
    const c = this.texts.child;
    const keeps = Math.min(0.95, DISTORTION_UNCORRECTED[this.band] * this.ruleFactor('correctMe'));
    const line = this.dice.chance(keeps, 'unsaid-cue', this.session, ctx.turn)
      ? fill(this.pick(c.unsaidCue, 'unsaid-cue-w', ctx.turn), { thing: cue.thing })
      : fill(c.noSuchCue[cue.gender], { thing: cue.thing });
    return this.result(ctx, [line], []);
  }

  /**
   * The same turn heard as another question (one part of a compound question, a negative one
   * without its negation): its own coding, topic and new words, the turn's bookkeeping kept.
   */
  rehear(ctx: TurnContext, text: string): TurnContext {
    const coding = codeUtterance(text, this.scenario.language, this.eventSaid, this.age);
    const stems = this.t.contentStems(text);
    const kept = new Set(stems.map((s) => s.stem));
    const topic =
      (ctx.ep === this.event ? this.incidentFacts(text) : undefined) ??
      this.topicFacts(ctx.ep, stems);
    return {
      ...ctx,
      text,
      coding: ctx.scripted ? ctx.coding : coding,
      novel: ctx.novel.filter((n) => kept.has(n.stem)),
      topic,
    };
  }

  /**
   * Whether the prompt puts a victim or exploitation label to the child that the child has not
   * used: the coach's label code, or a label of the coach's lexicon in any other prompt form
   * ("Did he traffic you or not?"), so that the same kind of question is heard the same way in
   * every language.
   */
  namesLabel(ctx: TurnContext): boolean {
    if (ctx.scripted) return false;
    if (ctx.coding.subtype === 'label') return true;
    const norm = this.t.normalise(ctx.text);
    const label =
      this.t.labelIn(ctx.text) ??
      SELLING_LABEL[this.scenario.language].exec(norm)?.[0] ??
      COERCION_FRAME[this.scenario.language].exec(norm)?.[0];
    return label !== undefined && ![...this.t.stemsOf([label])].some((s) => this.saidStems.has(s));
  }

  /**
   * A youth who does not see herself as a victim, asked with a label: a denial ("No. It's not
   * like that.") or disengagement ("Whatever. I'm not talking about that."), never a "Yes"; the
   * label raises her reluctance and can end the session (research.ts LABEL_RESISTANCE). The label
   * plants nothing: she rejects it.
   */
  resistLabel(ctx: TurnContext): Reply {
    this.reluctance = Math.min(1, this.reluctance + LABEL_RESISTANCE.reluctanceStep);
    this.reluctantAnswers++;
    this.reluctantRun++;
    if (
      this.reluctantRun >= RELUCTANCE.notTodayAfter &&
      this.reluctance >= RELUCTANCE.notTodayLevel
    )
      this.notToday = true;
    if (this.notToday) return this.reluctantReply(ctx);
    const c = this.texts.child;
    const disengage = this.dice.chance(
      LABEL_RESISTANCE.disengage,
      'label-off',
      this.session,
      ctx.turn,
    );
    const line = this.pick(disengage ? c.labelDisengaged : c.labelRejected, 'label', ctx.turn);
    return this.result(ctx, [line], [], [], true);
  }

  countPrep(coding: Coding): void {
    if (INVITATION_LIKE.has(coding.type)) this.openPrep++;
    else if (coding.type !== 'other' && coding.type !== 'facilitator') this.closedPrep++;
  }

  result(
    ctx: TurnContext,
    answer: string[],
    facts: readonly Fact[],
    falseDetails: FalseDetail[] = [],
    reluctant = false,
  ): Reply {
    this.state(ctx.ep, facts, ctx.turn);
    const text = answer.filter((a) => a.length > 0).join(' ');
    const said = text.length > 0 ? text : '...';
    return {
      answer: said,
      keywords: this.surfaceKeywords(said, ctx.ep, facts),
      factIds: ctx.ep === this.event ? facts.map((f) => f.id) : [],
      newFalseDetails: falseDetails,
      reluctant,
      notToday: this.notToday,
    };
  }

  /**
   * The child's own words for the facts it just told, exactly as they appear in its answer
   * ("shouting", not the keyword "shouted" nor the stem "shout"). Details the child took up from
   * the interviewer are left out: cueing on them would confirm a planted detail.
   */
  surfaceKeywords(answer: string, ep: Episode, facts: readonly Fact[]): string[] {
    const wanted = new Set<string>();
    const joinable = new Set<string>();
    for (const f of facts) {
      for (const s of ep.keywordStems.get(f.id) ?? []) {
        wanted.add(s);
        joinable.add(s);
      }
      for (const s of ep.textStems.get(f.id) ?? []) joinable.add(s);
    }
    return childPhrases(answer, {
      language: this.scenario.language,
      stemsOf: (word) => this.t.contentStems(word).map((s) => s.stem),
      wanted,
      joinable,
    }).slice(0, 20);
  }

  groundRule(ctx: TurnContext): Reply {
    const named = this.rulesIn(ctx.text);
    const question = ctx.coding.type !== 'other' || /\?\s*$/.test(ctx.text.trim());
    // A rule stated with an agreement tag («…, me lo dices, ¿sí?», "…, okay?") is the rule
    // stated, not a practice item: the child agrees, it does not answer a test.
    const tagged = AGREEMENT_TAG.test(ctx.text.trim());
    if (named.length > 0 && (!question || tagged)) {
      for (const r of named) if (this.rules[r] === 'missing') this.rules[r] = 'stated';
      this.lastRule = named[named.length - 1];
      return this.result(ctx, [this.pick(this.texts.child.okay, 'okay', ctx.turn)], []);
    }
    // A practice item: it practises the rule it names, or the rule just explained.
    const rule = named[0] ?? this.lastRule;
    if (!rule) return this.result(ctx, [this.pick(this.texts.child.okay, 'okay', ctx.turn)], []);
    const right = this.dice.chance(RULE_PRACTICE_RIGHT[this.band], 'rule', ctx.turn);
    const answers = this.texts.child.rulePractice as Record<string, string>;
    // A promise is not a test item: the child promises (Lyon & Dorado 2008).
    const promise = rule === 'truth' && PROMISE.test(this.t.normalise(ctx.text));
    // A practice item the child gets wrong ("Okay." to "So if I said you are two years old...")
    // leaves the rule explained, not practised, until an item is answered right (R18-8; the
    // NICHD protocol repeats the practice when the child fails it).
    if (right || promise) this.rules[rule] = 'practised';
    else if (this.rules[rule] === 'missing') this.rules[rule] = 'stated';
    // A guess on the practice item: the feedback asks for a second item, not for practice the
    // trainee already did (fb23; NICHD 2014 ground rules).
    if (!right && !promise && this.rules[rule] !== 'practised')
      this.rulesGuessed.set(rule, ctx.turn);
    const text =
      right || promise
        ? fill(this.rulePracticeAnswer(rule, ctx.text, answers), { age: this.age })
        : this.pick(this.wrongPractice(rule), 'g', ctx.turn);
    return this.result(ctx, [text], []);
  }

  /**
   * A wrong answer to a ground-rule practice item stays inside the item: a guess at the
   * interviewer's dog's name, at what a word means, or letting a wrong statement stand; never a
   * fact or guess of the case ("He was playing?" to "What is my dog's name?", audit N18e-6).
   */
  wrongPractice(rule: RuleId): readonly string[] {
    const list: unknown = (this.texts.rulePracticeWrong as Record<string, unknown>)[rule];
    return Array.isArray(list) ? (list as string[]) : this.texts.child.okay;
  }

  /**
   * The child answers a truth practice item in the question's own terms: "true or not true?" gets
   * "Not true." (the NICHD item; children handle true/not true better than defining truth and
   * lies, Lyon & Dorado 2008), a promise gets "Yes, I promise.", a truth-or-lie item "That's a lie."
   */
  rulePracticeAnswer(rule: RuleId, question: string, answers: Record<string, string>): string {
    if (rule !== 'truth') return answers[rule] ?? '';
    const q = this.t.normalise(question);
    if (PROMISE.test(q)) return answers.promise ?? answers.truth ?? '';
    if (/\bnot true\b|\bno (es )?(verdad|cierto)\b/.test(q))
      return answers.truthNotTrue ?? answers.truth ?? '';
    return answers.truth ?? '';
  }

  rapport(ctx: TurnContext, supportive: boolean): Reply {
    const { coding, turn } = ctx;
    if (coding.type === 'other' || (coding.type === 'facilitator' && !supportive))
      return this.result(ctx, [this.pick(this.texts.child.okay, 'okay', turn)], []);
    this.countPrep(coding);
    if (INVITATION_LIKE.has(coding.type)) this.openRapport++;
    // Reluctance shows already in rapport (Hershkowitz et al. 2006): short, guarded answers.
    if (
      this.reluctance > 0.3 &&
      this.dice.chance(this.reluctance * 0.8, 'rapport-rel', this.session, turn)
    ) {
      this.reluctance = Math.max(0, this.reluctance - RELUCTANCE.patienceStep);
      this.reluctantAnswers++;
      // A shrug; "Yeah." only to a yes/no question, never to a wh- question or an invitation.
      const shrugs =
        ctx.coding.type === 'option-posing' && !WH_FORM.test(ctx.text)
          ? this.texts.child.shrug
          : this.openShrugs();
      return this.result(ctx, [this.pick(shrugs, 'shrug', turn)], [], [], true);
    }
    // "How are you today?", "¿Cómo estás hoy?": how the child is, not a liking nor a "yes"
    // (native es-419 review: "Sí. Me gusta el futbol.").
    const norm = ` ${this.t.normalise(ctx.text).replace(/[^\p{L}\p{N}]+/gu, ' ')} `;
    if (this.texts.rapportSelf.wellCues.some((c) => norm.includes(` ${c} `))) {
      this.rapportTurns++;
      return this.result(ctx, [this.pick(this.texts.rapportSelf.well, 'well', turn)], []);
    }
    // "Tell me about something fun that happened to you in the last few days.": the child names
    // its practice event, the event narrative practice then uses (R18-1, pleasant-event.ts).
    const named = this.namePracticeEvent(ctx);
    if (named) return named;
    const lines =
      this.scenario.rapport.length > 0 ? this.scenario.rapport : this.texts.child.rapport;
    const closed = !INVITATION_LIKE.has(coding.type);
    const line = this.rapportLine(ctx.text, lines);
    this.rapportTurns++;
    if (INVITATION_LIKE.has(coding.type))
      this.reluctance = Math.max(0, this.reluctance - RELUCTANCE.patienceStep);
    if (!closed) return this.result(ctx, [line], []);
    // A closed rapport question gets a short answer (the closed-rapport penalty stays, counted
    // in countPrep): a wh- question the fact it asks for ("How old are you?" -> "I'm 8."), a
    // yes/no question "Yes." and the short form of what the child likes.
    const short = `${line.split(/[.,]/)[0] ?? ''}.`;
    if (WH_FORM.test(ctx.text)) return this.result(ctx, [this.aboutSelf(ctx.text) ?? short], []);
    return this.result(ctx, [`${this.yes()} ${short}`], []);
  }

  /**
   * The answer to the rapport prompt for a pleasant event: the first remembered fact of the
   * practice event ("On Saturday I made slime with my friend Ana."), once per session; a closed
   * form ("Did you do something fun?") gets "Yes." before it. The fact is not counted as told:
   * narrative practice ("Tell me everything that happened on Saturday") starts from it.
   * Undefined when the prompt asks for something else or the scenario has no practice event.
   */
  namePracticeEvent(ctx: TurnContext): Reply | undefined {
    const lang = this.scenario.language;
    if (this.practiceNamed || !asksPleasantEvent(ctx.text, lang)) return undefined;
    const first = this.practice.facts.find((f) => this.practice.remembered.has(f.id));
    if (!first) return undefined;
    this.practiceNamed = true;
    this.rapportTurns++;
    const open = INVITATION_LIKE.has(ctx.coding.type);
    if (open) this.reluctance = Math.max(0, this.reluctance - RELUCTANCE.patienceStep);
    const line = this.spoken(first);
    const reply = this.result(ctx, open ? [line] : [this.yes(), line], []);
    return { ...reply, keywords: this.surfaceKeywords(reply.answer, this.practice, [first]) };
  }

  /** The child's rapport talk for this turn: a line sharing a word with the question, else the
   * next line in turn. */
  rapportLine(question: string, lines: readonly string[]): string {
    const asked = new Set(this.t.contentStems(question).map((s) => s.stem));
    const matching = lines.find((l) => this.t.contentStems(l).some((s) => asked.has(s.stem)));
    return matching ?? lines[this.rapportTurns % lines.length] ?? this.texts.child.okay[0] ?? '...';
  }

  /** "How old are you?", "What grade are you in?": the child's age or US school grade. */
  aboutSelf(question: string): string | undefined {
    const norm = ` ${this.t.normalise(question).replace(/[^\p{L}\p{N}]+/gu, ' ')} `;
    const self = this.texts.rapportSelf;
    if (self.ageCues.some((c) => norm.includes(` ${c} `))) return fill(self.age, { age: this.age });
    if (self.gradeCues.some((c) => norm.includes(` ${c} `)))
      return (self.grade as Record<string, string | undefined>)[String(this.age)];
    return undefined;
  }

  /** Reluctance decides whether the child holds back on this prompt. */
  holdsBack(ctx: TurnContext): boolean {
    if (!this.dice.chance(this.reluctance, 'reluctant', this.session, ctx.turn)) {
      this.reluctantRun = 0;
      return false;
    }
    this.reluctantAnswers++;
    this.reluctantRun++;
    if (
      ctx.stage === 'substantive' &&
      this.reluctantRun >= RELUCTANCE.notTodayAfter &&
      this.reluctance >= RELUCTANCE.notTodayLevel
    )
      this.notToday = true;
    return true;
  }

  reluctantReply(ctx: TurnContext): Reply {
    const list = this.notToday ? this.texts.child.notToday : this.texts.child.reluctant;
    return this.result(ctx, [this.pick(list, 'r', ctx.turn)], [], [], true);
  }

  byType(ctx: TurnContext): {
    reply: Reply;
    practiceFacts: number;
  } {
    const before = this.practice.said.size;
    const reply = (() => {
      switch (ctx.coding.type) {
        case 'invitation':
        case 'cued-invitation':
          return this.invitation(ctx);
        case 'facilitator':
          return this.facilitator(ctx);
        case 'directive':
          return this.directive(ctx);
        case 'option-posing':
          // A yes/no or choice question that introduces a detail (option-posing/new-detail since
          // coach28) is answered as the suggestion it carries, as it was when coded suggestive.
          return introducesDetail(ctx.coding) ? this.suggestive(ctx) : this.optionPosing(ctx);
        case 'suggestive':
          // A leading statement or summary is a distortion the child may let stand or correct
          // (Roberts & Lamb 1999), not a question to answer.
          // An interviewer asserting knowledge of the event ("We know it happened at home.",
          // "Sabemos que pasó en la casa.") is the "other people already told us" component of
          // suggestive interviewing (Garven et al. 1998), not a summary: it is answered as
          // suggestion, with the co-witness weight (suggestive()).
          return ctx.coding.subtype === 'leading-declarative' &&
            !assertsKnowledge(ctx.text, this.scenario.language)
            ? this.statement(ctx)
            : this.suggestive(ctx);
        case 'other':
          return this.statement(ctx);
      }
    })();
    const practiceFacts = ctx.ep === this.practice ? this.practice.said.size - before : 0;
    return { reply, practiceFacts };
  }

  freeRecall(ctx: TurnContext, k: number): Reply {
    let facts = this.nextInFreeRecall(ctx.ep, k);
    // Nothing new left: the invitation brings the rest of a fact told only briefly (train31).
    const fillIn = facts.length === 0 ? this.toFillIn(ctx.ep) : undefined;
    if (fillIn) facts = [fillIn];
    const brief = new Set(facts.filter((f) => this.tellsBriefly(ctx.ep, f)).map((f) => f.id));
    const parts = facts.length > 0 ? [this.joinFacts(facts, brief)] : [];
    const repeat = ctx.ep === this.event ? this.repeatAdopted(ctx.turn) : undefined;
    if (repeat) parts.push(repeat);
    if (parts.length === 0)
      parts.push(this.pick(this.texts.child.nothingElse, 'nothing', ctx.turn));
    this.tellingBriefly = brief;
    try {
      return this.result(ctx, parts, facts);
    } finally {
      this.tellingBriefly = new Set();
    }
  }

  /** Open prompts: free recall, or the facts linked to the cued words. */
  invitation(ctx: TurnContext): Reply {
    if (ctx.stage === 'substantive' && this.holdsBack(ctx)) return this.reluctantReply(ctx);
    // Patient open questioning eases reluctance a little.
    this.reluctance = Math.max(0, this.reluctance - RELUCTANCE.patienceStep);
    const k = this.freeRecallSize(ctx.turn);
    const planted: FalseDetail[] = [];
    const parts: string[] = [];
    // An invitation that carries a new detail ("tell me about the black dog") is a weak suggestion.
    // Taken up only when the child can say it in a sentence (a lure's, or the question's own
    // clause): the detail's words alone ("Acabas.", "Tatuaje.") are no answer, and what the
    // child did not say is not recorded as its detail (audit 18h, N18g-5, N18g-7).
    if (
      ctx.ep === this.event &&
      ctx.novel.length > 0 &&
      this.dice.chance(0.3 * this.uptake(), 'inv-adopt', ctx.turn)
    ) {
      const detail = this.describeNovel(ctx.novel, ctx.text, ctx.negator);
      const said = this.adoptedSentence(detail, ctx);
      if (said !== undefined) {
        planted.push(...this.adopt(detail, ctx, 'suggested'));
        this.noteSaid(detail, said);
        parts.push(said);
      }
    }
    const cued = this.cuedFacts(ctx);
    if (cued.length > 0) {
      // A cued invitation adds to what the cue holds (Lamb et al. 2007: cued invitations draw
      // out more detail on the cued topic), never the same line again (R18-9): the cued facts
      // not yet told; when all are told, the untold facts that came after them; when none is
      // left, "That's all." One incident asked for by its label ("Tell me everything about the
      // last time") is retold whole, in event order.
      // All of it told: a cued invitation about something the child said is answered about that
      // thing, once ("Just that a man from the bakery called my dad."), not with "That's all."
      // (trainer re-check R18-9: the cue ignored); asked again, "That's all.".
      // The cued fact holding the cue's own words ("señor", not "señora") first.
      const cueWords = new Set(
        fold(ctx.text)
          .split(/[^\p{L}']+/u)
          .filter((w) => w.length > 2),
      );
      const exact = (f: Fact) =>
        fold(f.text)
          .split(/[^\p{L}']+/u)
          .filter((w) => cueWords.has(w)).length;
      const best = [...cued]
        .sort((a, b) => exact(b) - exact(a))
        .find((f) => ctx.ep.remembered.has(f.id));
      // A fact told only briefly is not yet all told: a cue about it (the fact holding the cue's
      // own words, `best`) brings the rest (train31); a fact the cue only grazes is not filled in
      // instead ("the man from the bakery" is not the crosswalk near the bakery).
      const fresh = cued
        .filter(
          (f) =>
            !ctx.ep.said.has(f.id) ||
            (f === best && ctx.ep === this.event && this.briefNow.has(f.id)),
        )
        .slice(0, k);
      const incident = ctx.ep === this.event && this.incidentFacts(ctx.text) !== undefined;
      const told = incident
        ? cued.slice(0, Math.max(k, fresh.length, 2))
        : fresh.length > 0
          ? fresh
          : this.untoldAfter(ctx.ep, cued, k);
      const again = best && !this.toldOnlyThat.has(best.id) ? best : undefined;
      if (told.length === 0 && again !== undefined) {
        this.toldOnlyThat.add(again.id);
        const first = sentencesOf(again.text, this.scenario.language)[0] ?? again.text;
        const detail = this.lowerFirst(first.trim()).replace(/[.!]$/u, '');
        parts.unshift(fill(this.texts.child.onlyThat, { detail }));
        return this.result(ctx, parts, [again], planted);
      }
      if (told.length === 0) {
        parts.unshift(this.pick(this.texts.child.nothingElse, 'nothing', ctx.turn));
        return this.result(ctx, parts, [], planted);
      }
      parts.unshift(this.joinFacts(told));
      return this.result(ctx, parts, told, planted);
    }
    const recall = this.freeRecall(ctx, k);
    return { ...recall, answer: [...parts, recall.answer].join(' '), newFalseDetails: planted };
  }

  /**
   * The remembered facts an open prompt cues: those its words are about, or, for "What happened
   * after ...?", the ones that came after them in the event (the child goes on from there).
   */
  cuedFacts(ctx: TurnContext): Fact[] {
    const ep = ctx.ep;
    // The fact holding most of the cue first: "You said the dog bit you" is about the bite
    // ("bit" and "dog"), before "A big dog came." ("dog"), R18-9; ties keep event order. An
    // incident's facts keep their event order.
    const asked = new Set(this.t.contentStems(ctx.text).map((s) => s.stem));
    const hits = (f: Fact) =>
      2 * [...(ep.keywordStems.get(f.id) ?? [])].filter((x) => asked.has(x)).length +
      [...(ep.textStems.get(f.id) ?? [])].filter((x) => asked.has(x)).length;
    const remembered = ctx.topic.filter((f) => ep.remembered.has(f.id));
    const cued =
      ep === this.event && this.incidentFacts(ctx.text) !== undefined
        ? remembered
        : remembered
            .map((f, i) => ({ f, i, h: hits(f) }))
            .sort((a, b) => b.h - a.h || a.i - b.i)
            .map((x) => x.f);
    if (cued.length === 0 || !AFTER_CUE.test(this.t.normalise(ctx.text))) return cued;
    const anchor = Math.max(...cued.map((f) => ep.facts.indexOf(f)));
    return ep.facts.filter(
      (f, i) => i > anchor && ep.remembered.has(f.id) && !ep.skipInFreeRecall.has(f.id),
    );
  }

  /** Up to k remembered facts not yet told that come after the given ones, in event order. */
  untoldAfter(ep: Episode, facts: readonly Fact[], k: number): Fact[] {
    const anchor = Math.min(...facts.map((f) => ep.facts.indexOf(f)));
    return ep.facts
      .filter((f, i) => i > anchor && ep.remembered.has(f.id) && !ep.said.has(f.id))
      .slice(0, k);
  }

  /**
   * A reluctant shrug to an open prompt (an invitation, a facilitator, a wh- question): "Mm." or
   * "...", never "Yes."/"Sí.", which answers a yes/no question that was not asked (es12 E12-22:
   * "¿Y luego qué pasó?" -> "Sí.").
   */
  openShrugs(): readonly string[] {
    return this.texts.child.shrug.filter((l) => !/^(?:yeah|yes|s[ií])(?!\p{L})/iu.test(l));
  }

  facilitator(ctx: TurnContext): Reply {
    if (ctx.stage === 'substantive' && this.holdsBack(ctx)) {
      this.reluctance = Math.max(0, this.reluctance - RELUCTANCE.patienceStep);
      return this.result(ctx, [this.pick(this.openShrugs(), 'shrug', ctx.turn)], [], [], true);
    }
    return this.freeRecall(ctx, Math.max(1, this.freeRecallSize(ctx.turn) - 1));
  }

  /**
   * Whether the turn is a comment on the child's present state, not a question: what the coach
   * codes as present support (coding.ts presentTalk: "You look worried right now.", "Te ves
   * preocupada ahorita.", "That must have been hard."), or an emotional reflection said as a
   * statement that puts nothing into the event ("You look worried."). One predicate for every
   * path of the child, so the comment is recognised however it is coded (fix18p).
   */
  isComment(ctx: TurnContext): boolean {
    if (/\?\s*$/u.test(ctx.text)) return false;
    // Support for the child's present state or effort (support.ts: "You're being really
    // brave.", "Debe ser difícil.") is a comment however the coach codes it (fix18r).
    if (presentSupport(ctx.text, this.scenario.language)) return true;
    if (ctx.novel.length > 0) return false;
    if (ctx.talk === 'support') return true;
    // "Estabas asustada.", "You were scared.": a reflection of how the child felt then is about
    // the event, agreed to or denied, never answered "I'm okay." like a comment on now (native
    // es-419 review: a bare "Bien." to it).
    if (PAST_FEELING[this.scenario.language].test(fold(ctx.text))) return false;
    return ctx.coding.subtype === 'emotional' && ctx.ep === this.event;
  }

  /**
   * What a child says to a comment: "Yeah." / "Sí." or "I'm okay." / "Estoy bien.", a young child
   * often nothing; never "I don't remember." and never a detail (audit 18i N18i-5, N18h-5).
   * Agreement follows the child's suggestibility with the prompt's weight (the dice of a leading
   * prompt, SUGGESTIVE_WEIGHT): Hearth's rendering; agreeing with a feeling is no event detail.
   */
  comment(ctx: TurnContext): Reply {
    const subtype = ctx.coding.subtype;
    const p = Math.min(0.95, this.uptake() * (SUGGESTIVE_WEIGHT[subtype] ?? 1));
    if (this.dice.chance(p, 'adopt', ctx.turn))
      return this.result(ctx, [this.texts.child.yesYoung], []);
    const deny = this.pick(this.texts.child.commentDeny, 'comment', ctx.turn);
    return this.result(ctx, [this.band === 0 ? '...' : deny], []);
  }

  /**
   * What a child says to an offer ("Sí, porfa." / "No, estoy bien.") or to praise ("Gracias.",
   * a young child often only "Sí."). It names nothing of the event, so it records and plants
   * nothing (fix18q). Hearth's rendering.
   */
  social(ctx: TurnContext, kind: 'offer' | 'praise'): Reply {
    const list = kind === 'offer' ? this.texts.child.offer : this.texts.child.praise;
    const said = kind === 'praise' && this.band === 0 ? this.texts.child.yesYoung : undefined;
    return this.result(ctx, [said ?? this.pick(list, kind, ctx.turn)], []);
  }

  /** A statement or summary. One that carries an unsaid detail is a distortion the child may
   * let stand (Roberts & Lamb 1999). */
  statement(ctx: TurnContext): Reply {
    // "Dijiste que había un señor. Cuéntame más del señor.": a summary ending in an invitation
    // is answered as the invitation, with recall (trainer re-check R18-8: «Está bien.»); an
    // unsaid detail in the summary stays a weak suggestion there (invitation(): inv-adopt).
    const lang = this.scenario.language;
    const sentences = sentencesOf(ctx.text, lang);
    const last = sentences.at(-1);
    if (sentences.length > 1 && last !== undefined) {
      const code = codeUtterance(last, lang, this.eventSaid, this.age);
      // An invitation about a word the child never said ("Tell me more about the man." when it
      // said no man) is still an invitation, with the word a weak suggestion.
      const opens = /^[\s¿¡]*(?:tell me|cu[eé]ntame|h[aá]blame|plat[ií]came)\b/iu.test(last);
      if (code.type === 'invitation' || code.type === 'cued-invitation' || opens)
        return this.invitation({
          ...ctx,
          coding: code.type === 'invitation' || code.type === 'cued-invitation' ? code : ctx.coding,
        });
    }
    const okay = this.pick(this.texts.child.okay, 'okay', ctx.turn);
    if (ctx.novel.length === 0 || ctx.ep !== this.event) return this.result(ctx, [okay], []);
    // A statement about the event is let stand with "Yeah." / "Sí.", not "Sí, está bien.", which
    // accepts an instruction (audit 18i, child speech: "Te tomó fotos en el baño." -> "Sí, está
    // bien.").
    return this.distortion(ctx, this.texts.child.yesYoung);
  }

  distortion(ctx: TurnContext, okay: string): Reply {
    const p = Math.min(0.95, DISTORTION_UNCORRECTED[this.band] * this.ruleFactor('correctMe'));
    if (this.dice.chance(p, 'uncorrected', this.session, ctx.turn)) {
      const detail = this.describeNovel(ctx.novel, ctx.text);
      const fd = this.adopt(detail, ctx, 'suggested');
      return this.result(ctx, [okay], [], fd);
    }
    const correction = ctx.topic.filter((f) => ctx.ep.remembered.has(f.id)).slice(0, 1);
    return this.result(ctx, [this.texts.child.correction, this.joinFacts(correction)], correction);
  }

  guess(ctx: TurnContext, category: string): Reply {
    const guesses = this.texts.guesses as Record<string, string[] | undefined>;
    const list = guesses[category] ?? this.texts.guesses.what;
    const text = this.pick(list, 'guess', ctx.turn);
    const fd =
      ctx.ep === this.event
        ? this.adopt(
            { key: `guess:${text}`, text: text.replace(/[¿?]/g, ''), stems: new Set() },
            ctx,
            'guess',
          )
        : [];
    return this.result(ctx, [text], [], fd);
  }

  whCategory(text: string): string {
    // Leading "¿" and other punctuation off, so that "¿Quién ...?" starts with its wh- word.
    const norm = this.t.normalise(text).replace(/^[^\p{L}\p{N}]+/u, '');
    const wh = this.texts.whWords as Record<string, string[]>;
    const has = (w: string) =>
      norm.startsWith(w) || norm.includes(` ${w} `) || norm.includes(` ${w}`);
    // The wh- word that leads the question decides ("Where were you when the dog came?" asks
    // where, not when); a later one belongs to a clause.
    const at = (w: string) => (norm.startsWith(w) ? 0 : norm.indexOf(` ${w}`) + 1 || Infinity);
    const first = ['object', 'when', 'who', 'where']
      .map((category) => ({
        category,
        index: Math.min(...(wh[category] ?? []).map(at)),
      }))
      .filter((c) => c.index !== Infinity)
      .sort((a, b) => a.index - b.index)[0];
    const lead = /^[\s¿]*(what|que|qu[eé])(?![\p{L}])/iu.test(text) ? 0 : Infinity;
    if (first && first.index <= lead) return first.category;
    // "¿Qué carro era?", "¿Qué perro fue?": "qué" before a noun and a copula asks which thing,
    // as "What kind of car was it?" does (audit N18e-2).
    const which = QUE_NOUN.exec(norm);
    if (which?.[1] && !isClosedClass(which[1], this.scenario.language)) return 'object';
    // "What was he wearing?" asks for a thing, not an action.
    if (this.texts.whVerbs.object.some(has)) return 'object';
    return 'what';
  }

  /**
   * Whether a fact answers the wh- question asked: a reason ("because", "porque") for a why
   * question, the slot's filler for a slot form (whSlot), else a fact of the category the leading
   * wh- word asks for (whCategory: what -> an action or sequence, object, who, where, when).
   * Hearth's rule after Lamb et al. (2007): a wh- question asks for one detail.
   */
  answersWh(question: string, f: Fact): boolean {
    if (WHY_FORM.test(question))
      return /(?<!\p{L})(?:because|porque|so that|para que)(?!\p{L})/iu.test(f.text);
    const slot = this.whSlot(question);
    if (slot) return this.fillsSlot(f, slot);
    const kinds: Record<string, readonly string[]> = {
      what: ['what', 'sequence'],
      object: ['object'],
      when: ['when'],
      who: ['who'],
      where: ['where'],
    };
    const category = this.whCategory(question);
    if (category === 'object') return f.category === 'object' && this.sharesAsked(question, f);
    return (kinds[category] ?? ['what']).includes(f.category);
  }

  /**
   * Whether a fact holds one of the question's own content words, its wh- and slot cues left
   * out: "What was he holding?" is answered by "He was holding a stick", "What did he have in
   * his hands?" by no fact about the dog's fur (fix18r: any object fact answered it).
   */
  sharesAsked(question: string, f: Fact): boolean {
    const asked = this.t.sharedStems(this.withoutSlotCues(question));
    return [...this.t.sharedStems([f.text, ...f.keywords].join(' '))].some((x) => asked.has(x));
  }

  /**
   * The agent a "what did X say/do" question asks about (wh-kind.ts questionAgent), a pronoun
   * read as the person the talk last named (referent.ts: Song & Fisher 2005; Arnold et al.
   * 2007). 'nobody' when the question asks about "she", "he", "they" or a dropped Spanish subject
   * and no one of that gender has been named in this session's substantive talk.
   */
  agentOf(ctx: TurnContext): Agent | 'nobody' | undefined {
    const lang = this.scenario.language;
    const asked = this.namedAgentOf(ctx.text);
    if (asked === undefined || ctx.ep !== this.event) return asked;
    const names = new Set([...this.properNouns].map((n) => fold(n).replace(/'s$/u, '')));
    return resolvePronoun(asked, [...this.talk, ctx.text], lang, names) ?? 'nobody';
  }

  /**
   * A pronoun question ("¿Qué dijo?", "What did she say?") before anyone has been named: the
   * child asks who ("¿Quién?") as often as it says it does not understand a question it notices
   * it cannot follow (SAYS_DONT_UNDERSTAND, more once that rule was practised), else it says it
   * does not know. Young children seldom flag an ambiguous referent and pick one of their own
   * (Robinson & Robinson 1982; Beal & Flavell 1982); which one cannot be known, so the simulated
   * child never answers about a person the interviewer did not name (Hearth's rule, referent.ts).
   */
  noReferent(ctx: TurnContext): Reply {
    const p = Math.min(0.9, SAYS_DONT_UNDERSTAND[this.band] * this.ruleFactor('dontUnderstand'));
    if (this.dice.chance(p, 'who?', this.session, ctx.turn))
      return this.result(ctx, [this.pick(this.texts.child.askWho, 'who?w', ctx.turn)], []);
    return this.result(ctx, [this.idk(ctx.turn)], []);
  }

  /** Wh- questions get the fact of the kind asked for ("what did he do" -> an action). */
  directive(ctx: TurnContext): Reply {
    const { turn, ep } = ctx;
    if (ctx.stage === 'substantive' && this.holdsBack(ctx))
      return this.result(ctx, [this.idk(turn)], [], [], true);
    // A directive that presumes a new detail ("what colour was his beard?"). A question whose
    // only new word is its own verb ("¿Cómo LLEGASTE al parque?") presumes no detail: the child
    // does not echo the verb back as an answer (audit N18d-3: "Llegaste.").
    // Only when the child can say it as a sentence (audit 18h N18g-5: "Me llevó motel.").
    if (
      ep === this.event &&
      ctx.novel.length > 0 &&
      !this.onlyNewVerb(ctx) &&
      this.dice.chance(0.5 * this.uptake(), 'dir-adopt', turn)
    ) {
      const detail = this.describeNovel(ctx.novel, ctx.text, ctx.negator);
      // "How many times...?", "When did he...?": a count or a time that accepts the act.
      const slot = this.presumedSlotAnswer(ctx);
      if (slot !== undefined)
        return this.result(ctx, [slot], [], this.adopt(detail, ctx, 'suggested'));
      const said = this.adoptedSentence(detail, ctx);
      // "¿Qué te hizo en el sótano?" asks for an act: the place echoed ("En el sótano.", "Pasó
      // en el sótano.") or an empty act ("Me hizo algo en el sótano.") answers nothing; the
      // child tells the act it knows or says it does not know (fix18q, native es-419 review).
      if (
        said !== undefined &&
        // "Hit." to "What did he hit?": a lone word is no sentence a child tells (R18-2/R18-14).
        /\p{L}+[^\p{L}]+\p{L}+/u.test(said) &&
        !(asksAct(ctx.text, this.scenario.language) && tellsNoAct(said, this.scenario.language))
      ) {
        const fd = this.adopt(detail, ctx, 'suggested');
        this.noteSaid(detail, said);
        return this.result(ctx, [said], [], fd);
      }
    }
    return this.whFact(this.mainClauseOf(ctx));
  }

  /**
   * A where- or who- question with a trailing time clause heard as its main clause ("Where were
   * you when the dog bit you?" -> "Where were you?"): the clause says when, it names no fact the
   * question asks for (practitioner review R18-2, wh-fit.ts).
   */
  mainClauseOf(ctx: TurnContext): TurnContext {
    const main = mainClause(ctx.text, this.scenario.language);
    if (main === ctx.text || !['where', 'who'].includes(this.whCategory(main))) return ctx;
    const stems = this.t.contentStems(main);
    const kept = new Set(stems.map((s) => s.stem));
    return {
      ...ctx,
      text: main,
      topic: this.topicFacts(ctx.ep, stems),
      novel: ctx.novel.filter((n) => kept.has(n.stem)),
    };
  }

  /** The fact a wh- question asks for, once no presumed detail was taken up (directive()). */
  whFact(ctx: TurnContext): Reply {
    const { turn, coding, ep } = ctx;
    // "¿Cómo te sentiste?", "What were you thinking?", "¿Qué dijo?", "Who else knows?" ask for
    // a feeling, a thought, speech, or whom the child told: the remembered fact of that kind
    // about the person asked, else "I don't know", never an event fact of another kind and no
    // guess (native es-419 review; wh-kind.ts).
    const kind = askedWhKind(ctx.text, this.scenario.language);
    if (kind !== undefined && kind !== 'time') {
      const lang = this.scenario.language;
      const agent = this.agentOf(ctx);
      if (agent === 'nobody') return this.noReferent(ctx);
      const fits = ep.facts.filter((f) => factTellsKind(f.text, kind, lang, agent));
      const fact = fits.find((f) => ep.remembered.has(f.id) && !ep.said.has(f.id)) ?? fits[0];
      if (fact && ep.remembered.has(fact.id)) return this.result(ctx, [this.spoken(fact)], [fact]);
      return this.result(ctx, [this.idk(turn)], []);
    }
    // A why question asks for a reason: the remembered reason fact about what the question
    // names ("because", "porque"), told more often the older the child (WHY_REASON_GIVEN, Hearth's
    // assumption, labelled as such), else "I don't know". Never an action or a place the question
    // did not ask for (fix18r: "Why did you go there?" was answered "I hid behind the couch.").
    // No age at which a child "cannot" answer why: the practitioner review (P17-4) found that
    // claim unsourced.
    if (coding.subtype === 'why' || WHY_FORM.test(ctx.text)) {
      const reason = ep.facts.find(
        (f) =>
          ep.remembered.has(f.id) && this.answersWh(ctx.text, f) && this.sharesAsked(ctx.text, f),
      );
      if (reason && this.dice.chance(WHY_REASON_GIVEN[this.band], 'why', turn))
        return this.result(ctx, [this.spoken(reason)], [reason]);
      return this.result(ctx, [this.idk(turn)], []);
    }
    // A wh- form asking for one slot ("What did he look like?", "¿De qué color era el carro?",
    // "How did you get hurt?"): the remembered fact that fills it, else "I don't know" or a guess.
    const slot = WH_FORM.test(ctx.text) ? this.whSlot(ctx.text) : undefined;
    if (slot) {
      const wanted = slot.categories.length > 0 ? slot.categories : ALL_CATEGORIES;
      const asked = this.t.sharedStems(this.withoutSlotCues(ctx.text));
      const thing =
        slot.id === 'appearance' ? appearanceThing(ctx.text, this.scenario.language) : undefined;
      const fits = this.rankedOfKind(
        ep,
        wanted,
        ctx.text,
        (f) =>
          this.fillsSlot(f, slot) &&
          (!slot.requireShared || [...this.t.sharedStems(f.text)].some((x) => asked.has(x))) &&
          // "¿Cómo era el candado?" is told only by a fact about the lock (R18-2).
          (thing === undefined || this.holdsWord(f, [thing])),
        true,
      );
      const fact = fits[0];
      if (fact && ep.remembered.has(fact.id)) return this.result(ctx, [this.spoken(fact)], [fact]);
      // A guess of the slot's kind ("A man?" to "Whose dog was it?", never "Red?"); no guess
      // list fits a travel question, so the child says it does not know.
      const guessKind = SLOT_GUESS[slot.id] ?? 'object';
      const p = WH_GUESS[this.band] * this.ruleFactor('dontKnow');
      if (guessKind !== 'none' && this.dice.chance(p, 'guess?', turn))
        return this.guess(ctx, guessKind);
      return this.result(ctx, [this.idk(turn)], []);
    }
    const leading = this.whCategory(ctx.text);
    const category = coding.subtype === 'time-or-count' && leading === 'what' ? 'when' : leading;
    const kinds: Record<string, readonly string[]> = {
      what: ['what', 'sequence'],
      object: ['object'],
      when: ['when'],
      who: ['who'],
      where: ['where'],
    };
    // "What did you see?" may be answered with who was there as well as with what happened.
    const perceived = category === 'what' && this.asks(ctx.text, this.texts.whVerbs.perceived);
    const wanted = perceived ? ['what', 'sequence', 'who'] : (kinds[category] ?? ['what']);
    // The remembered facts of the kind asked for, or sharing the question's words ("Who did you
    // tell?" -> "I told my friend Ana"), the best fitting first (rankedOfKind). A question that
    // brings in a new word ("What was his dog's name?") names something the child does not know:
    // only the facts its other words are about, so often none, and "I don't know" or a guess.
    const topicIds = new Set(ctx.topic.map((f) => f.id));
    // Forgotten facts are ranked too: when the fact that fits best is forgotten, the child does
    // not know the answer, it does not answer with another fact.
    const ranked = this.rankedOfKind(
      ep,
      wanted,
      ctx.text,
      (f) => (this.onlyNewVerb(ctx) ? true : topicIds.has(f.id)),
      true,
    );
    // Only a fact of the kind asked for, or one telling the question's own verb, answers it
    // ("Who was there when we went to the store?" is not answered by the store, audit N-1). When
    // the words the question is about hold no such fact and the question brings in nothing new,
    // it asks about the event: the fact of that kind anywhere in it.
    const answers = (f: Fact) => wanted.includes(f.category) || this.tellsVerb(f, ctx.text);
    // "¿Dónde puso los chocolates?" asks where the chocolates went, not where the event was: a
    // fact about what the question names that tells a place (or a time, for "when") answers it
    // before any fact filed under "where" (audit 18f: the shop answered it).
    // "Where did the teenager go?" asks where he went: a fact telling a destination about that
    // person, else "I don't know", never where he was first seen (R18-2, wh-fit.ts).
    if (category === 'where' && asksDestination(ctx.text, this.scenario.language)) {
      const went = this.destinationFacts(ep, ctx.text);
      const fact = went.find((f) => ep.remembered.has(f.id));
      if (fact) return this.result(ctx, [this.spoken(fact)], [fact]);
      return this.result(ctx, [this.idk(turn)], []);
    }
    // "What did you do when the dog bit you?": the child's own act at or just after the fact the
    // when-clause names ("It hurt and I cried."), never a state before it (R18-2, wh-fit.ts).
    const reaction = category === 'what' ? this.actAtClause(ctx) : undefined;
    if (reaction !== undefined) {
      if (reaction !== null && ep.remembered.has(reaction.id))
        return this.result(ctx, [this.spoken(reaction)], [reaction]);
      return this.result(ctx, [this.idk(turn)], []);
    }
    const anchored = this.anchoredFacts(ep, category, ctx.text);
    if (anchored.length > 0) {
      const fact = anchored[0]!;
      if (ep.remembered.has(fact.id)) return this.result(ctx, [this.spoken(fact)], [fact]);
      return this.result(ctx, [this.idk(turn)], []);
    }
    let candidates = ranked.filter(answers);
    if (candidates.length === 0 && ctx.novel.length === 0)
      candidates = this.rankedOfKind(ep, wanted, ctx.text, () => true, true).filter(answers);
    // "When did it happen?" is answered by a fact that tells a time, never by "It was raining."
    // filed under "when" (native es-419 review).
    const lang = this.scenario.language;
    // The facts of the event that tell a time answer it, those filed under "when" first.
    if (category === 'when')
      candidates = this.rankedOfKind(ep, ALL_CATEGORIES, ctx.text, () => true, true)
        .filter((f) => factTellsKind(f.text, 'time', lang))
        .sort((a, b) => Number(b.category === 'when') - Number(a.category === 'when'));
    // "What did your aunt do?" is answered by the aunt's act, never another person's
    // (practitioner review P17-2): the facts whose subject is the person asked, of any category.
    const agentRead = category === 'what' ? this.agentOf(ctx) : undefined;
    if (agentRead === 'nobody') return this.noReferent(ctx);
    const agent = agentRead;
    if (agent !== undefined) {
      const isAgent = (f: Fact) => this.agentDid(f, agent);
      const own = candidates.filter(isAgent);
      candidates =
        own.length > 0 || agent.kind !== 'named'
          ? own
          : this.rankedOfKind(ep, ALL_CATEGORIES, ctx.text, () => true, true).filter(isAgent);
      // A fact naming the person asked ("Un señor de la panadería le llamó") comes before one
      // whose dropped or pronoun subject only may be that person ("Iba en mi bici...": R18-2).
      if (agent.kind === 'named') {
        const named = candidates.filter((f) => this.namesAgentFirst(f, agent.words));
        if (named.length > 0) candidates = named;
      }
    }
    // A question for a thing ("What did he have in his hands?") is answered by a fact about
    // what it names, never by any object of the event (fix18r: "The dog was brown and fluffy.").
    if (category === 'object' && !this.whSlot(ctx.text))
      candidates = candidates.filter((f) => this.sharesAsked(ctx.text, f));
    // "What happened after the park?": what comes after the fact it names, in event order.
    const anchor = AFTER_CUE.test(this.t.normalise(ctx.text))
      ? Math.max(...ctx.topic.map((f) => ep.facts.indexOf(f)))
      : -1;
    if (anchor >= 0) {
      const later = candidates.filter((f) => ep.facts.indexOf(f) > anchor);
      candidates = [...later, ...candidates.filter((f) => !later.includes(f))];
    }
    // An action question ("what happened", "what did you do") moves on to what is not yet told
    // among the facts that fit it best; a question for one fact (who, where, when, which thing)
    // gets that fact again if asked again.
    const pick =
      (category === 'what' ? candidates.find((f) => !ep.said.has(f.id)) : undefined) ??
      candidates[0];
    if (pick && ep.remembered.has(pick.id)) return this.result(ctx, [this.spoken(pick)], [pick]);
    const p = WH_GUESS[this.band] * this.ruleFactor('dontKnow');
    // A time question is guessed with a time ("¿Ayer?"), never a count ("¿Cinco?" to "¿Cuándo
    // pasó?", fix18q); "how many" with a count. The object guesses are properties ("Red?", "A big
    // one?"): no answer to what someone had in his hands (fix18r), so such a question gets "I
    // don't know".
    // The 'what' guess is about "him" ("He was playing?"): no guess about the aunt's act.
    const askedAgent = category === 'what' ? questionAgent(ctx.text, lang) : undefined;
    const guessFits =
      askedAgent === undefined || (askedAgent.kind === 'third' && askedAgent.gender === 'm');
    if (
      !(category === 'object' && !this.whSlot(ctx.text)) &&
      guessFits &&
      this.dice.chance(p, 'guess?', turn)
    )
      return this.guess(
        ctx,
        category !== 'when' && coding.subtype === 'time-or-count' ? 'count' : category,
      );
    return this.result(ctx, [this.idk(turn)], []);
  }

  /**
   * Whether the fact's subject is the agent asked about ("What did your aunt do?"). The Spanish
   * article "el" is masked first: once accents are folded it reads as the pronoun "él", and "El
   * carro dio vuelta", "Me raspé el codo" were taken for what "el señor" did (R18-2); headFits
   * refuses a fact opening with another noun ("The car turned left").
   */
  agentDid(f: Fact, agent: Agent): boolean {
    const lang = this.scenario.language;
    // "When I came out, a teenager was riding off on it.": the subject after the time clause.
    const main = mainSubjectPart(f.text);
    const own = main.length < fold(f.text).split(/[.;]/u)[0]!.length ? main : f.text;
    const text = lang === 'es' ? own.replace(/(?<!\p{L})[Ee]l(?!\p{L})/gu, 'ese') : own;
    // "A man from the bakery called my dad." is what "the baker" did (R18-2, wh-fit.ts).
    const byPlace =
      agent.kind === 'named' && modifierNames(mainSubjectPart(f.text), agent.words, lang);
    if (!(subjectIs(text, agent, lang) || byPlace) || !headFits(own, agent, lang)) return false;
    // "It was Saturday morning.", "Había un carro": no one's act, so not what "he" did (R18-2).
    if (agent.kind === 'third' && EXPLETIVE_SUBJECT.test(mainSubjectPart(f.text))) return false;
    if (agent.kind !== 'named') return true;
    const facts = this.event.facts.includes(f) ? this.event.facts : this.practice.facts;
    return pronounRefersTo(
      facts.map((x) => x.text),
      facts.indexOf(f),
      agent.words,
      lang,
      this.properNouns,
    );
  }

  /**
   * For "What did you do when/after X?" (the child the agent, a time clause naming a fact of the
   * event): the first fact from the named one on that tells an act of the child's own, or null
   * when none follows closely (then "I don't know"); undefined when the question is not of that
   * form or its clause names no fact. Hearth's reading (wh-fit.ts timeClause, tellsChildAct).
   */
  actAtClause(ctx: TurnContext): Fact | null | undefined {
    const lang = this.scenario.language;
    const clause = timeClause(ctx.text, lang);
    if (clause === undefined) return undefined;
    const main = mainClause(ctx.text, lang);
    if (questionAgent(main, lang)?.kind !== 'child') return undefined;
    const ep = ctx.ep;
    const named = this.topicFacts(ep, this.t.contentStems(clause));
    if (named.length === 0) return undefined;
    const from = Math.min(...named.map((f) => ep.facts.indexOf(f)));
    return ep.facts.slice(from, from + 4).find((f) => tellsChildAct(f.text, lang)) ?? null;
  }

  /**
   * Whether a fact's first words name the asked person ("My aunt told...", "The driver gave...",
   * "A man from the bakery called..." for the baker), not just a pronoun that may stand for them.
   */
  namesAgentFirst(f: Fact, words: readonly string[]): boolean {
    const first = mainSubjectPart(f.text);
    const head = first
      .split(/[^\p{L}']+/u)
      .filter((w) => w.length > 0)
      .slice(0, 4);
    const named = words.some((w) =>
      head.some((x) => x === w || (w.length >= 4 && x.startsWith(w.slice(0, -1)))),
    );
    return named || modifierNames(first, words, this.scenario.language);
  }

  /** The agent of a "what did X do/say" question, when it names one (wh-kind.ts, wh-fit.ts). */
  namedAgentOf(question: string): Agent | undefined {
    const lang = this.scenario.language;
    return questionAgent(question, lang) ?? modifiedAgent(question, lang);
  }

  /**
   * The facts telling where someone went, about the person the question asks about: the child
   * ("Where did you go?" -> "I ran to my grandma.") or another person ("Where did the teenager
   * go?" -> "He went toward the bus station."), in event order. Hearth's rule (wh-fit.ts).
   */
  destinationFacts(ep: Episode, question: string): Fact[] {
    const lang = this.scenario.language;
    const who = destinationSubject(question, lang);
    return ep.facts.filter(
      (f) =>
        tellsDestination(f.text, lang) &&
        (who === 'either' || childWent(f.text, lang) === (who === 'child')),
    );
  }

  /**
   * For a where- or when- question that names a thing or person of the event ("Where did Marco
   * put the candy bars?"), the facts about it (sharing the most of the question's words) that
   * tell a place or body part (where) or a time (when), best first; empty when none does, and
   * the question is answered as any question of its kind. Hearth's rule, after Lamb et al. (2007):
   * a wh- question asks for one detail and is answered with it or "I don't know".
   */
  anchoredFacts(ep: Episode, category: string, question: string): Fact[] {
    if (category !== 'where' && category !== 'when') return [];
    // With no fact of the kind at all the answer is "I don't know" (audit N-1); a time fact never
    // answers "where", nor a place fact "when".
    if (!ep.facts.some((f) => f.category === category)) return [];
    const other = category === 'where' ? 'when' : 'where';
    const lang = this.scenario.language;
    const marker = (category === 'where' ? PLACE_MARK : TIME_MARK)[lang];
    const asked = [...this.t.sharedStems(this.withoutSlotCues(question))];
    if (asked.length === 0) return [];
    const scored = ep.facts
      .map((f, i) => {
        const own = this.t.sharedStems([f.text, ...f.keywords].join(' '));
        const shared = asked.filter((s) => own.has(s)).length;
        const norm = ` ${this.t.normalise(f.text).replace(/[^\p{L}\p{N}]+/gu, ' ')} `;
        const tells =
          marker.test(norm) || (category === 'where' && this.t.concernStems(f.text).size > 0);
        return { f, i, shared, tells };
      })
      .filter(
        (x) =>
          x.tells &&
          x.shared > 0 &&
          x.f.category !== other &&
          !(x.f.category === category && x.shared < 2),
      );
    // Only a fact sharing a word other than the event's own place or time word counts (a fact
    // filed under "where" answers through the ordinary path).
    return scored.sort((a, b) => b.shared - a.shared || a.i - b.i).map((x) => x.f);
  }

  /**
   * Whether the question brings in no new detail: no new word at all, or one new word that is
   * the first content word after the wh- word, the verb's place ("Who TOOK your bike?" when the
   * child said "riding off on it"). "What was his DOG's name?" brings in a thing: not this.
   */
  onlyNewVerb(ctx: TurnContext): boolean {
    if (ctx.novel.length === 0) return true;
    const first = this.t.contentStems(ctx.text)[0];
    if (ctx.novel.length !== 1 || first === undefined || first.stem !== ctx.novel[0]?.stem)
      return false;
    // The first content word is the verb's place only when the verb is no stopword: in "When
    // did he take you to the MOTEL?" the light verb "take" is skipped and the first content word
    // is the place the question presumes (audit 18h, N18h-3).
    const verb = this.questionVerb(ctx.text);
    return verb === undefined || verb === first.stem;
  }

  /**
   * Remembered facts of the wanted categories: those about the person the question asks about
   * first ("Where were you?" -> a fact with "I"; "Where did he go?" -> one with "he"), then
   * central before peripheral, in event order.
   */
  rankedOfKind(
    ep: Episode,
    wanted: readonly string[],
    question: string,
    fits: (f: Fact) => boolean = () => true,
    forgottenToo = false,
  ): Fact[] {
    // Words the question shares with the fact's wording ("Who HELPED you?" -> "The librarian
    // helped me"), frame words included, the wh- word and the slot form's cue words left out.
    const asks = this.t.sharedStems(this.withoutSlotCues(question));
    const shared = (f: Fact) =>
      [...this.t.sharedStems([f.text, ...f.keywords].join(' '))].filter((s) => asks.has(s)).length;
    const kind = (f: Fact) => wanted.includes(f.category);
    // A fact of another kind that shares the question's words may hold what it asks ("Who did
    // you tell?" is answered by the telling, not by a fact filed under "who").
    const facts = ep.facts.filter(
      (f) => (forgottenToo || ep.remembered.has(f.id)) && fits(f) && (kind(f) || shared(f) >= 1),
    );
    // The question's verb ("Who TOOK the dog away?", "¿A quién le CONTASTE?") matters most: the
    // fact that tells that act answers it, whatever its kind.
    const tellsVerb = (f: Fact) => this.tellsVerb(f, question);
    const persons = this.texts.subjectPronouns.persons;
    const asked = this.t.normalise(question).split(/[^\p{L}]+/u);
    const person = asked
      .map((w) => persons.find((p) => p.asked === w)?.fact)
      .find((l) => l !== undefined);
    const about = (f: Fact) =>
      person !== undefined &&
      this.t
        .normalise(f.text)
        .split(/[^\p{L}]+/u)
        .some((w) => person.includes(w));
    const score = (f: Fact) =>
      (kind(f) ? 6 : 0) +
      (tellsVerb(f) ? 8 : 0) +
      4 * shared(f) +
      (about(f) ? 2 : 0) +
      (f.centrality === 'central' ? 1 : 0) +
      (this.prefers(f, question) ? 3 : 0);
    return facts
      .map((f, i) => ({ f, i, s: score(f) }))
      .sort((a, b) => b.s - a.s || a.i - b.i)
      .map(({ f }) => f);
  }

  /** Whether the fact tells the act of the question's main verb ("Who TOOK it?" -> "took"). */
  tellsVerb(f: Fact, question: string): boolean {
    const verb = this.questionVerb(question);
    return verb !== undefined && this.t.allStems([f.text, ...f.keywords].join(' ')).has(verb);
  }

  /** The first wh- slot form (locale whSlots) whose cue the question holds, or undefined. */
  whSlot(question: string): WhSlot | undefined {
    const forms = this.texts.whSlots.forms as WhSlot[];
    return forms.find((form) => this.asks(question, form.cues));
  }

  /** Whether a fact can fill the slot: its category, and one of the slot's words in its wording. */
  fillsSlot(f: Fact, slot: WhSlot): boolean {
    if (slot.categories.length > 0 && !slot.categories.includes(f.category)) return false;
    // A name question is answered only by a fact that names someone ("Mr. Dan", "Ryan").
    if (
      slot.id === 'name' &&
      !f.text
        .split(/\s+/)
        .some((w, i) => i > 0 && this.properNouns.has(w.replace(/[^\p{L}'-]/gu, '')))
    )
      return false;
    if (slot.factWords.length === 0) return true;
    return this.holdsWord(f, slot.factWords);
  }

  /**
   * The stem of the question's main verb: the first word after the wh- word, auxiliaries and
   * pronouns ("Who did you TELL?", "¿A quién le CONTASTE?"); undefined when a determiner or
   * another wh- word comes first ("What did THE dog do?", "Where were you WHEN ...").
   */
  questionVerb(question: string): string | undefined {
    const tokens = this.t
      .normalise(question)
      .split(/[^\p{L}\p{N}'-]+/u)
      .filter((w) => w.length > 0);
    const start = tokens.findIndex((w) => WH_WORD.test(w));
    if (start < 0) return undefined;
    let previous = '';
    for (const w of tokens.slice(start + 1)) {
      // "¿A dónde SE FUE?": "se" + "fue" is the verb "irse" (went), not the copula "fue".
      if (previous === 'se' && IRSE.has(w)) return [...this.t.allStems(w)][0];
      previous = w;
      if (QUESTION_FILLERS.has(w)) continue;
      if (DETERMINERS.en.has(w) || DETERMINERS.es.has(w) || WH_WORD.test(w)) return undefined;
      return [...this.t.allStems(w)][0];
    }
    return undefined;
  }

  /** Whether the fact holds one of the preferred words of the question's slot form. */
  prefers(f: Fact, question: string): boolean {
    const slot = this.whSlot(question);
    if (!slot?.preferWords) return false;
    return this.holdsWord(f, slot.preferWords);
  }

  holdsWord(f: Fact, list: readonly string[]): boolean {
    const words = this.t
      .normalise([f.text, f.retold ?? '', ...f.keywords].join(' '))
      .split(/[^\p{L}\p{N}-]+/u);
    return list.some((fw) => words.some((w) => w === fw || (fw.length >= 4 && w.startsWith(fw))));
  }

  /** The question without the cue phrases of the slot form it matched. */
  withoutSlotCues(question: string): string {
    const slot = this.whSlot(question);
    let norm = ` ${this.t.normalise(question).replace(/[^\p{L}\p{N}]+/gu, ' ')} `;
    for (const cue of slot?.cues ?? []) norm = norm.split(` ${cue} `).join(' ');
    return norm;
  }

  /**
   * Stems of the cue words of the question's wh- slot form when some fact of the episode fills
   * that slot: they frame the question, they add no detail. Empty otherwise ("How did he hurt
   * you?" in a scenario where nobody was hurt keeps "hurt" as the interviewer's detail).
   */
  slotFrameStems(ep: Episode, question: string): Set<string> {
    if (!WH_FORM.test(question)) return new Set();
    const slot = this.whSlot(question);
    if (!slot || !ep.facts.some((f) => this.fillsSlot(f, slot))) return new Set();
    const norm = ` ${this.t.normalise(question).replace(/[^\p{L}\p{N}]+/gu, ' ')} `;
    const cues = slot.cues.filter((c) => norm.includes(` ${c} `));
    return this.t.sharedStems(cues.join(' '));
  }

  /** Whether the question uses one of these (folded) words or phrases. */
  asks(question: string, phrases: readonly string[]): boolean {
    const norm = ` ${this.t.normalise(question).replace(/[^\p{L}\p{N}]+/gu, ' ')} `;
    return phrases.some((p) => norm.includes(` ${p} `));
  }

  optionPosing(ctx: TurnContext): Reply {
    const { turn, coding, ep } = ctx;
    // A yes/no form that offers options ("Did he hit you with the belt or with his hand?") is
    // answered as the choice it is, never "Yes." (audit 18h).
    if (coding.subtype === 'forced-choice' || offersOptions(ctx.text, this.scenario.language))
      return this.forcedChoice(ctx);
    if (
      coding.subtype === 'faux-invitation' &&
      (this.band >= 1 || this.dice.chance(0.5, 'faux', turn))
    )
      return this.invitation(ctx);
    if (coding.subtype === 'declarative' && ctx.novel.length > 0 && ep === this.event)
      return this.distortion(ctx, this.yes());
    if (ctx.stage === 'substantive' && this.holdsBack(ctx))
      return this.result(ctx, [this.idk(turn)], [], [], true);
    if (ctx.novel.length > 0) {
      // Nothing in memory answers it: an unanswerable yes/no question. Most children answer
      // anyway (Waterman et al. 2001); a "yes" makes the interviewer's detail the child's.
      const pAnswer = Math.min(
        0.95,
        UNANSWERABLE_YES_NO_ANSWERED[this.band] *
          this.ruleFactor('dontKnow') *
          (this.rapportTurns === 0 ? 1.1 : 1),
      );
      if (!this.dice.chance(pAnswer, 'answers', turn))
        return this.result(ctx, [this.idk(turn)], []);
      const pYes = Math.min(
        0.95,
        // A reluctant child denies rather than agrees (RELUCTANCE.yesDamping, same sources).
        YES_SHARE[this.band] * (1 - RELUCTANCE.yesDamping * this.reluctance),
      );
      if (this.dice.chance(pYes, 'agree', turn) && ep === this.event) {
        const detail = this.describeNovel(ctx.novel, ctx.text, ctx.negator);
        const fd = this.adopt(detail, ctx, 'suggested');
        const parts = [this.yes()];
        // From about ten, the "yes" comes with the proposition it accepts, in the question's
        // own words ("Yes. He did take my ID."); younger children more often stop at "Yes."
        // (Hearth's rendering; the adoption itself is the same).
        // A prepared lure is said after the "yes" only when the question put all its words: a
        // lure sharing one word ("The car was red." to "Did he take your red bike?") answers
        // something else than what the child agreed to (audit 18g, N18g-9).
        if (this.band >= 2 && detail.lureId) {
          const asked = new Set(this.t.contentStems(ctx.text).map((x) => x.stem));
          if (this.t.contentStems(detail.text).every((x) => asked.has(x.stem)))
            parts.push(detail.text);
        } else if (this.band >= 2) {
          const said = this.adoptedSentence(detail, ctx);
          this.noteSaid(detail, said);
          if (said !== undefined) parts.push(said);
        }
        return this.result(ctx, parts, [], fd);
      }
      const correction = ctx.topic.filter((f) => ep.remembered.has(f.id)).slice(0, 1);
      // A guarded child denies without putting its own account in (GUARDED_CLOSED).
      if (this.band >= 1 && correction.length > 0 && !this.closedGuard(ctx))
        return this.result(ctx, [this.texts.child.no, this.joinFacts(correction)], correction);
      return this.result(ctx, [this.texts.child.no], []);
    }
    // A "yes" with a fact only when the fact holds what was asked (supportingFacts, N18g-9).
    const right = this.supportingFacts(ctx).slice(0, 1);
    if (right.length > 0 && this.closedGuard(ctx)) return this.guardedYesNo(ctx, right[0]!);
    if (right.length > 0) {
      const elaborate = this.band >= 2 || this.dice.chance(0.5, 'elaborate', turn);
      return this.result(
        ctx,
        elaborate ? [this.yes(), this.joinFacts(right)] : [this.yes()],
        elaborate ? right : [],
      );
    }
    // About something the child knows nothing of (and the words add nothing new).
    const pAnswer = UNANSWERABLE_YES_NO_ANSWERED[this.band] * this.ruleFactor('dontKnow');
    if (this.dice.chance(pAnswer, 'acquiesce', turn)) {
      const yes = this.dice.chance(YES_SHARE[this.band], 'yn', turn);
      return this.result(
        ctx,
        [yes ? this.yes() : this.texts.child.no],
        [],
        yes ? this.agreedWrongdoing(ctx) : [],
      );
    }
    return this.result(ctx, [this.idk(turn)], []);
  }

  /**
   * Whether the child still guards its account against closed questions: a child who started
   * reluctant (GUARDED_DISCLOSURE.guardFrom) whose reluctance is still above guardUntil, asked
   * about the event in the substantive phase. Such a child answers yes/no and forced-choice
   * questions bare, never with a fact of its own (research.ts GUARDED_CLOSED; Blasbalg,
   * Hershkowitz & Karni-Visel 2018; Ahern et al. 2016). Open prompts are what bring the account.
   */
  closedGuard(ctx: TurnContext): boolean {
    return (
      ctx.stage === 'substantive' &&
      ctx.ep === this.event &&
      this.reluctanceStart >= GUARDED_DISCLOSURE.guardFrom &&
      this.reluctance > GUARDED_DISCLOSURE.guardUntil
    );
  }

  /**
   * A guarded child's answer to a yes/no question whose answer it knows is "yes" (`fact` holds
   * what was asked): about the guarded act a bare "Yes." at GUARDED_CLOSED.actYes, else a denial
   * ("No.", a false denial: Lyon, Malloy, Quas & Talwar 2008); about any other detail a bare
   * "Yes." at the age's rate of answering a yes/no question it will not answer from memory
   * (UNANSWERABLE_YES_NO_ANSWERED, Waterman et al. 2001), else "I don't know". No fact is
   * recorded as told: a bare "yes" is no account until an invitation brings it (Stolzenberg,
   * McWilliams & Lyon 2017).
   */
  guardedYesNo(ctx: TurnContext, fact: Fact): Reply {
    const act = this.guards(fact);
    const p = act ? GUARDED_CLOSED.actYes : UNANSWERABLE_YES_NO_ANSWERED[this.band];
    if (this.dice.chance(p, 'guard-yes', this.session, ctx.turn))
      return this.result(ctx, [this.yes()], [], [], true);
    return this.result(ctx, [act ? this.texts.child.no : this.idk(ctx.turn)], [], [], true);
  }

  /**
   * A "yes" to a question that alleges wrongdoing in vague words ("Did Mr. Dan do something
   * bad?", "¿El señor Dan te hizo algo malo?") in a nothing-happened scenario: nothing bad
   * happened, so the "yes" is a false allegation the interviewer's words produced, recorded as a
   * false detail and as the allegation for the feedback and the conclusion step (practitioner
   * review P17-7; Leichtman & Ceci 1995, Dev Psychol 31:568-578). In an event scenario the same
   * "yes" may be true and is not recorded. A negative question ("He didn't do anything bad?")
   * agreed to alleges nothing (N18g-6).
   */
  agreedWrongdoing(ctx: TurnContext): FalseDetail[] {
    if (this.scenario.outcome !== 'nothing-happened' || ctx.ep !== this.event) return [];
    if (ctx.negator !== undefined) return [];
    const lang = this.scenario.language;
    const named = WRONGDOING[lang].exec(fold(ctx.text))?.[0];
    if (named === undefined && this.t.concernStems(ctx.text).size === 0) return [];
    const words = named ?? [...this.t.concernStems(ctx.text)].join(' ');
    const detail = {
      key: `wrong:${this.t.normalise(words)}`,
      text: words,
      stems: this.t.allStems(words),
    };
    const fd = this.adopt(detail, ctx, 'suggested');
    if (fd.length > 0 && this.allegation.by === 'none')
      this.allegation = { by: 'interviewer', turn: this.firstNamedTurn(detail.stems, ctx) };
    return fd;
  }

  /**
   * "Neither." said as the options ask: places offered with "en" are refused as a place ("En
   * otro lado.", never "En ninguno.", audit 18i and fix18q), the child's own acts with "Ni uno ni
   * otro." / "Ninguna de esas cosas." (never "Ninguno de esos.", which refuses things), and things
   * with "Ninguno de esos." / "Ninguna de esas." agreeing with their nouns (child-agreement.ts).
   * @param options the options in the interviewer's words, when they could be read.
   * @param acts whether the options are the child's own acts (choice-verbs.ts).
   */
  neither(options: readonly string[] | undefined, acts = false): string {
    const child = this.texts.child;
    if (acts)
      return options !== undefined && options.length > 2
        ? child.neitherActsMany
        : child.neitherActs;
    const allIn = options !== undefined && options.every((o) => /^(?:en|in|at)\s/iu.test(o));
    if (allIn) return child.neitherPlace;
    if (this.scenario.language === 'es' && options !== undefined) {
      const gender = optionsGender(options);
      // Two bare words ("¿Estabas nerviosa o tranquila?", "¿Roja o azul?"): "Ni uno ni otro."
      if (gender === undefined && options.length === 2) return child.neitherActs;
      return gender === 'feminine' ? child.neitherFeminine : child.neither;
    }
    return child.neither;
  }

  /**
   * Whether the child remembers the event detail an option names (its words all true of the
   * event): a fact it remembers in this session (Episode.remembered) holds them all, or it has
   * said them itself. Shapes: `option` is the option's content stems. Source: Hearth's rule.
   */
  remembersOption(option: ReadonlyArray<{ stem: string }>): boolean {
    if (option.every((s) => this.eventSaidStems.has(s.stem))) return true;
    return this.event.facts.some((f) => {
      if (!this.event.remembered.has(f.id)) return false;
      const words = new Set([
        ...(this.event.textStems.get(f.id) ?? []),
        ...(this.event.keywordStems.get(f.id) ?? []),
      ]);
      return option.every((s) => words.has(s.stem));
    });
  }

  /**
   * "Was it X or Y?". A true option the child remembers is chosen, in either position (Peterson
   * & Grant 2001, Can J Behav Sci 33(2):118-127, abstract: with one option correct, 3- to
   * 5-year-olds chose "the two given options equivalently often"). When neither option is one
   * it remembers, young children mostly pick one of the options offered or say "I don't know"
   * and seldom say "neither" (Peterson & Grant 2001; research.ts FORCED_CHOICE_NONE_TRUE), and a
   * picked option is more often the second, less so with age (Mehrani & Peterson 2015, Appl Cogn
   * Psychol 29(3):418-424, doi 10.1002/acp.3119, abstract, two experiments with 3- to 5-year-olds;
   * Mehrani & Peterson 2017, First Lang 37:350-367, abstract: stronger in younger children).
   * The child answers with the option's own words ("Mad.", "Con la mano."), never "Yes." (audit
   * 18h: "Was he mad or happy?" -> "Yes."); "X or not?" is a yes/no question.
   */
  forcedChoice(ctx: TurnContext): Reply {
    const { turn } = ctx;
    const lang = this.scenario.language;
    if (OR_NOT[lang].test(ctx.text))
      return this.optionPosing({ ...ctx, coding: { ...ctx.coding, subtype: 'yes-no' } });
    // A reluctant child holds back from a choice as from a yes/no question, and a guarded one
    // answers it bare or not at all: an option's words, never its own sentence about the event
    // (research.ts GUARDED_CLOSED; child26: "Was it at a motel or a house?" drew the motel
    // sentence from a youth who had told nothing).
    if (ctx.stage === 'substantive' && this.holdsBack(ctx))
      return this.result(ctx, [this.idk(turn)], [], [], true);
    const guarded = this.closedGuard(ctx);
    const pick = FORCED_CHOICE_NONE_TRUE[this.band].pick;
    if (guarded && !this.dice.chance(pick, 'guard-fc', this.session, turn))
      return this.result(ctx, [this.idk(turn)], [], [], true);
    const separator = lang === 'es' ? /\s+o\s+/ : /\s+or\s+/;
    // Each option's own words: the opening's other words ("his shirt") are no option, and "A, B,
    // or C" has three (N18i-2).
    // A choice between the child's own acts ("Did you cry or stay quiet?") is answered in the
    // child's first person, "I cried." (choice-verbs.ts, N18i-3).
    const acts = verbChoice(ctx.text, lang);
    const offered = acts?.options ?? choiceOptions(ctx.text, lang);
    const options = (offered ?? this.t.normalise(ctx.text).split(separator)).map((part) =>
      this.t.contentStems(part),
    );
    const phrases = acts?.phrases ?? optionPhrases(ctx.text, lang);
    const isTrue = (o: Array<{ stem: string }>) =>
      o.length > 0 && o.every((s) => this.memory.has(s.stem) || this.eventSaidStems.has(s.stem));
    const trueIndex = options.findIndex(isTrue);
    const lastIndex = options.length - 1;
    let index: number | undefined;
    if (trueIndex >= 0 && this.remembersOption(options[trueIndex]!)) {
      // A true option the child remembers is the one it picks, wherever it was offered: with one
      // option correct, preschoolers showed no bias to either position (Peterson & Grant 2001,
      // abstract: "choosing the two given options equivalently often"; train31).
      index = trueIndex;
    } else {
      // Neither option is one the child remembers: it picks one anyway, more often the last
      // (recency, Mehrani & Peterson 2015), or says "I don't know" (FORCED_CHOICE_NONE_TRUE).
      // A true option it has forgotten is not refused as false: "neither" becomes "I don't know".
      const rates = FORCED_CHOICE_NONE_TRUE[this.band];
      const roll = this.dice.chance(rates.pick, 'fc-pick', this.session, turn);
      if (roll) {
        const recency = this.dice.chance(rates.last, 'recency', turn);
        index = recency ? lastIndex : 0;
      } else if (
        trueIndex >= 0 ||
        this.dice.chance(rates.dontKnow / (1 - rates.pick), 'fc-idk', this.session, turn)
      )
        return this.result(ctx, [this.idk(turn)], []);
    }
    if (index === undefined) {
      // Neither of two times ("¿Fue en la mañana o en la noche?"): a time the child cannot
      // give is "I don't know", not "neither" (fix18q).
      if (offered !== undefined && optionsAreTimes(offered, lang))
        return this.result(ctx, [this.idk(turn)], []);
      // A young child refuses both plainly ("No."), never "Ni uno ni otro." (native es-419
      // review: too adult at 4). With only two options offered, a child who knows what it was
      // says so ("No. El perro era café y peludo."): Hearth's rendering.
      const refusal =
        this.band > 0
          ? this.neither(offered, acts !== undefined)
          : acts !== undefined
            ? this.texts.child.neitherYoungActs
            : this.texts.child.neitherYoung;
      const known = acts === undefined && !guarded ? this.trueAlternative(ctx, offered) : undefined;
      return known
        ? this.result(ctx, [refusal, this.spoken(known)], [known])
        : this.result(ctx, [refusal], []);
    }
    const chosen = options[index] ?? [];
    // What the child says about itself agrees with the child, not with the question's wording
    // ("¿Lloraste o te quedaste callada?" to a boy: "Me quedé callado.", child-agreement.ts).
    const picked = phrases?.[index];
    const gender = this.scenario.gender;
    const phrase =
      picked === undefined
        ? undefined
        : acts !== undefined
          ? agreeWithChild(picked, gender, lang)
          : agreeOptionAboutChild(ctx.text, picked, gender, lang);
    // An option in legal words («abuso infantil hacia tu persona») is not said back: the child
    // who went along says "Yes."/"Sí." (R18-4); the option is still recorded as taken up.
    const legal = phrase !== undefined && legalWordsIn(phrase, lang).length > 0;
    const said = legal ? this.yes() : phrase;
    const detailWords = detailWordsOf(ctx.text, lang);
    const novel = this.novelStems(chosen, ctx.ep).filter((n) => detailWords.has(n.word));
    if (novel.length === 0 || ctx.ep !== this.event) {
      // A fact told as the answer must hold what the question asks, not one shared word ("¿Tu
      // mamá estaba en la casa o en el trabajo?" is not answered by the aunt sending the man
      // home, audit 18h N18g-9).
      const others = new Set(options.flatMap((o, i) => (i === index ? [] : o.map((x) => x.stem))));
      const facts = guarded ? [] : this.supportingFacts(ctx, others).slice(0, 1);
      if (facts.length > 0) return this.result(ctx, [this.joinFacts(facts)], facts);
      return this.result(ctx, [said ?? this.idk(turn)], []);
    }
    if (said === undefined) return this.result(ctx, [this.idk(turn)], []);
    // The record is the option the child chose, in the interviewer's words ("te quedaste
    // callada", not "me quedaste callada", N18i-3).
    const described = this.describeNovel(novel, ctx.text);
    const own = acts?.options[index];
    const detail = own === undefined ? described : { ...described, key: `words:${own}`, text: own };
    const fd = this.adopt(detail, ctx, 'suggested');
    this.noteSaid(detail, legal ? undefined : phrase, true);
    return this.result(ctx, [said], [], fd);
  }

  /**
   * For a choice of two options neither of which is true ("¿El perro era negro o blanco?"), the
   * remembered fact that tells what it was: of the same kind as the options (the wh- slot form
   * whose fact words hold an option: a colour, clothes) and about what the question names.
   * Undefined when the options' kind is not known or the child has no such fact.
   */
  trueAlternative(ctx: TurnContext, offered: readonly string[] | undefined): Fact | undefined {
    if (offered === undefined || offered.length !== 2) return undefined;
    const forms = this.texts.whSlots.forms as WhSlot[];
    const words = offered.flatMap((o) => this.t.normalise(o).split(/[^\p{L}\p{N}-]+/u));
    const slot = forms.find(
      (form) => form.factWords.length > 0 && words.some((w) => form.factWords.includes(w)),
    );
    if (!slot) return undefined;
    const optionStems = this.t.stemsOf([...offered]);
    const about = [...this.t.sharedStems(ctx.text)].filter((x) => !optionStems.has(x));
    return ctx.topic.find(
      (f) =>
        ctx.ep.remembered.has(f.id) &&
        this.holdsWord(f, slot.factWords) &&
        // About the thing asked as its subject ("El perro era café"), not a colour of something
        // else in the same sentence ("una correa roja se llevó al perro").
        about.some((x) => this.t.allStems(f.text.split(/\s+/u).slice(0, 3).join(' ')).has(x)),
    );
  }

  /**
   * The remembered topic facts that hold every detail word of the question (apart from the
   * stems left out): a "yes" or an answer with a fact only when the fact says what was asked,
   * not when it shares one word ("¿Te quitó el celular?" is not answered "Sí. La conductora
   * iba con el celular.", audit 18h N18g-9).
   */
  supportingFacts(ctx: TurnContext, leaveOut: ReadonlySet<string> = new Set()): Fact[] {
    const lang = this.scenario.language;
    const detail = detailWordsOf(withoutProcessTalk(this.withoutSupport(ctx.text), lang), lang);
    // "Did you see the teenager take your bike?" asks whether it happened before the child's
    // eyes: what the child remembers is what it saw, so the seeing verb is no detail to match.
    const seen = WITNESS_FRAME[lang].exec(ctx.text);
    const witness = seen?.[1];
    const frame = witness === undefined ? new Set<string>() : this.t.stemsOf([witness]);
    const asked = this.t
      .contentStems(ctx.text)
      .filter(
        (s) =>
          detail.has(s.word) &&
          !leaveOut.has(s.stem) &&
          !frame.has(s.stem) &&
          !this.pressureStems.has(s.stem),
      )
      .map((s) => s.stem);
    // "¿No te dejó salir?" asks whether he LET the child out: "dejar" before an infinitive is
    // permission, not the "dejé mi bici" of leaving a thing, and a word shared in another sense
    // supports nothing (native es-419 review). The same for English "let".
    const permission = PERMISSION[lang].exec(fold(ctx.text))?.[1];
    if (permission !== undefined) {
      const sense = this.t.allStems(permission);
      for (let i = asked.length - 1; i >= 0; i--) if (sense.has(asked[i]!)) asked.splice(i, 1);
      if (asked.length === 0) return [];
    }
    // What the child is asked to have seen ("the TEENAGER take your bike", "al MUCHACHO
    // llevarse tu bici"): the first detail after the seeing verb, which the fact must hold.
    const lead =
      seen === null
        ? undefined
        : this.t
            .contentStems(ctx.text.slice(seen.index + seen[0].length))
            .find((s) => asked.includes(s.stem))?.stem;
    // "Did Mr. Dan do something bad?" is not supported by "His name is Mr. Dan.": only an act
    // of concern supports a question that alleges wrongdoing in vague words, and in a
    // nothing-happened scenario none does (practitioner review P17-7).
    const alleges = WRONGDOING[lang].test(fold(ctx.text));
    if (alleges && (this.scenario.outcome === 'nothing-happened' || ctx.ep !== this.event))
      return [];
    return ctx.topic.filter((f) => {
      if (!ctx.ep.remembered.has(f.id)) return false;
      if (alleges && !this.isAct(f)) return false;
      const own = this.factStems(ctx.ep, f);
      // A witness question names the event's thing as the child already knows it ("the teenager
      // take your BIKE", while the fact says "riding off on IT"): a word the child's other
      // remembered facts of this event hold is the object the fact refers to, not a detail the
      // fact itself must hold. What was seen (lead) must be this fact's own (N18d-11); a word no
      // remembered fact holds still refuses the "yes" (N18g-9).
      const known = witness === undefined ? NO_STEMS : this.otherRememberedStems(ctx.ep, f.id);
      return (
        asked.some((s) => own.has(s)) &&
        asked.every((s) => own.has(s) || this.aliasStems.has(s) || known.has(s)) &&
        (lead === undefined || own.has(lead))
      );
    });
  }

  /** A fact's keyword and text stems. */
  factStems(ep: Episode, f: Fact): Set<string> {
    return new Set([...(ep.keywordStems.get(f.id) ?? []), ...(ep.textStems.get(f.id) ?? [])]);
  }

  /** The stems of the episode's remembered facts other than `id`: what the child knows of it. */
  otherRememberedStems(ep: Episode, id: string): Set<string> {
    const out = new Set<string>();
    for (const f of ep.facts)
      if (f.id !== id && ep.remembered.has(f.id)) for (const s of this.factStems(ep, f)) out.add(s);
    return out;
  }

  suggestive(ctx: TurnContext): Reply {
    // A leading question that offers options ("Did he hit you with the belt or with his hand?")
    // is answered with an option, never "Yes." (audit 18h).
    if (!asksWh(ctx.text) && offersOptions(ctx.text, this.scenario.language))
      return this.forcedChoice(ctx);
    // A wh- question whose only new word is its own verb, not an act of concern ("¿Qué SE LLEVÓ
    // Marco?", "¿Dónde PUSO los chocolates?" to a child who said "se metió"), presumes no detail:
    // it is answered with the fact it asks for, never "No." or the verb echoed (audit N18e-2).
    if (ctx.novel.length > 0 && asksWh(ctx.text) && this.onlyNewVerb(ctx)) {
      const concern = this.t.concernStems(ctx.text);
      if (!ctx.novel.some((n) => concern.has(n.stem)))
        return this.suggestive({ ...ctx, novel: [] });
    }
    // "Tell me everything that happened on Saturday." coded presumptive but naming nothing new:
    // an invitation in form, told like one, never opened with "Yes." (R18-1).
    if (ctx.novel.length === 0 && invitationForm(ctx.text, this.scenario.language))
      return this.invitation(ctx);
    const { turn, coding, ep } = ctx;
    // "We know...", "Sabemos que...": weighed as co-witness information whatever the coach's
    // subtype (Garven et al. 1998: telling the child what others know; research.ts).
    const subtype = assertsKnowledge(ctx.text, this.scenario.language)
      ? 'co-witness'
      : coding.subtype;
    // An empathic reflection that names no event detail: the child may agree with the feeling
    // or deny it, but no detail is planted (reflection.ts, N18f-2). The same dice as a leading
    // prompt, so the share of agreement follows the child's suggestibility.
    // A reflection said as a comment, not asked ("You look worried right now.", "Te ves
    // preocupada ahorita."), gets what a child says to a comment: "Yeah." or "I'm okay.", a
    // young child often nothing; never "I don't remember." (audit 18i N18i-5, N18h-5). Hearth's
    // rendering of the same agreement dice.
    if (this.isComment(ctx)) return this.comment(ctx);
    if (ctx.reflected && ctx.novel.length === 0 && ep === this.event) {
      const p = Math.min(0.95, this.uptake() * (SUGGESTIVE_WEIGHT[subtype] ?? 1));
      if (this.dice.chance(p, 'adopt', turn)) return this.result(ctx, [this.yes()], []);
      return this.result(ctx, [this.band === 0 ? this.idk(turn) : this.texts.child.no], []);
    }
    if (ctx.novel.length > 0 && ep === this.event) {
      const weight = SUGGESTIVE_WEIGHT[subtype] ?? 1;
      const p = Math.min(0.95, this.uptake() * weight * (1 + 0.6 * ctx.repetition));
      const detail = this.describeNovel(ctx.novel, ctx.text, ctx.negator);
      // A wh- question's frame is no answer: "What did he have in his hands?" cannot be answered
      // "He had in his hands." / "Tenía en las manos." When the child could only echo the frame
      // (no slot answer, no sentence it can say, no act of concern), it answers as a child who
      // does not go along: the fact asked for, or "I don't know" (issue #18, fix18r; Lamb et
      // al. 2007: a wh- question is answered with the detail it asks for).
      const echoOnly =
        asksWh(ctx.text) &&
        !detail.lureId &&
        this.presumedSlotAnswer(ctx) === undefined &&
        this.adoptedSentence(detail, ctx) === undefined &&
        !ctx.novel.some((n) => this.t.concernStems(ctx.text).has(n.stem));
      if (!echoOnly && this.dice.chance(p, 'adopt', turn)) {
        // A reluctant child may give in to pressure with a compliant false answer.
        this.reluctantRun = 0;
        // "How many times...?", "When did he...?": a count or a time that accepts the act.
        const slot = this.presumedSlotAnswer(ctx);
        if (slot !== undefined)
          return this.result(ctx, [slot], [], this.adopt(detail, ctx, 'suggested'));
        // A yes/no question whose clause cannot be turned safely gets a bare "Yes." rather than
        // the detail words alone ("Sí. Motel.", es12 E12-2; "Me llevó motel.", audit 18h).
        const said = this.adoptedSentence(detail, ctx);
        const wh = asksWh(ctx.text);
        // "¿Qué te hizo en el sótano?" asks for an act: a child with no act to tell says it does
        // not know, never the place echoed ("En el sótano.") or an empty act ("Me hizo algo en
        // el sótano."), which answer nothing (fix18q, native es-419 review).
        const lang = this.scenario.language;
        if (
          wh &&
          asksAct(ctx.text, lang) &&
          !detail.lureId &&
          (said === undefined || tellsNoAct(said, lang))
        )
          return this.result(ctx, [this.idk(turn)], []);
        if (wh && asksAct(ctx.text, lang) && detail.lureId && tellsNoAct(detail.text, lang))
          return this.result(ctx, [this.idk(turn)], []);
        // "What did he hit?" with no clause to turn: the verb alone ("Hit.", "Golpeó.") is no
        // sentence a child tells (trainer re-check R18-2/R18-14); the child does not know.
        if (wh && said === undefined && !detail.lureId && !/\s/u.test(detail.text.trim()))
          return this.result(ctx, [this.idk(turn)], []);
        const fd = this.adopt(detail, ctx, 'suggested');
        // A presumptive wh- question of concern plants even when its clause cannot be turned
        // ("¿Dónde te tocó el señor Dan?"): the child says the interviewer's words for it, as
        // before (audit N18e-2 keeps this effect; the wording is left for a later fix).
        const spoken =
          said ??
          (wh && legalWordsIn(detail.text, lang).length === 0
            ? `${detail.text.charAt(0).toUpperCase()}${detail.text.slice(1)}.`
            : undefined);
        const sentence =
          (fd.length > 0 || detail.lureId || wh || ctx.negator !== undefined) &&
          spoken !== undefined
            ? spoken
            : '';
        this.noteSaid(detail, sentence || undefined, said === undefined);
        // "Yes." answers a yes/no form only, never a wh- question ("What did he hit you with?").
        const agree = wh ? [] : [this.yes()];
        return this.result(ctx, [...agree, sentence], [], fd);
      }
      // Not complied with: pressure makes a reluctant child more reluctant.
      if (this.reluctance > 0.2) {
        this.reluctance = Math.min(1, this.reluctance + RELUCTANCE.pressureStep);
        if (this.holdsBack(ctx)) return this.reluctantReply(ctx);
      }
      // "No" answers a yes/no form; a presumptive wh- question ("What was his dog's name?")
      // about something that was not there gets "I don't know", and a wh- question answered
      // with a true fact opens with no "No." ("¿Cuándo fue la primera vez…?" -> "No. La primera
      // vez fue cuando nevó.", audit 18i child speech). A wh- question is answered only by a
      // fact of the kind it asks for, never by a fact that merely shares a word ("What did he
      // have in his hands?" -> not "The dog bit my hand.", fix18r).
      const wh = asksWh(ctx.text);
      // "What did the man from the bakery do?" is told by the man's act, never the driver's
      // (R18-2): a wh- question naming its agent takes only a fact of that agent.
      const agent =
        wh && this.whCategory(ctx.text) === 'what' ? this.namedAgentOf(ctx.text) : undefined;
      const correction = ctx.topic
        .filter(
          (f) =>
            ep.remembered.has(f.id) &&
            (!wh || this.answersWh(ctx.text, f)) &&
            (agent === undefined || this.agentDid(f, agent)),
        )
        .slice(0, 1);
      // A guarded child denies a yes/no question bare, its own account left out (GUARDED_CLOSED).
      if (!wh && this.closedGuard(ctx))
        return this.result(ctx, [this.texts.child.no], [], [], true);
      if (this.band >= 1 && correction.length > 0)
        return this.result(
          ctx,
          wh ? [this.joinFacts(correction)] : [this.texts.child.no, this.joinFacts(correction)],
          correction,
        );
      return this.result(ctx, [this.band === 0 || wh ? this.idk(turn) : this.texts.child.no], []);
    }
    if (this.reluctance > 0.2)
      this.reluctance = Math.min(1, this.reluctance + RELUCTANCE.pressureStep / 2);
    if (ctx.stage === 'substantive' && this.holdsBack(ctx)) return this.reluctantReply(ctx);
    // A wh- question the coach counts as presumptive because the child has not yet named what it
    // asks about ("What did the dog do?"), but whose words are all true for the child: answered
    // like any wh- question, with the fact it asks for, never "Yes.".
    if (asksWh(ctx.text)) return this.directive(ctx);
    // Leading, but towards something true: the child agrees and says it, when the fact holds
    // what was put, not one shared word ("te puedes ir a tu casa" is not "Me salí de mi casa").
    const right = this.supportingFacts(ctx).slice(0, 1);
    if (right.length > 0 && this.closedGuard(ctx)) return this.guardedYesNo(ctx, right[0]!);
    if (right.length > 0) return this.result(ctx, [this.yes(), this.joinFacts(right)], right);
    return this.result(ctx, [this.idk(turn)], []);
  }
}

/** A why question: it asks for a reason, which no presupposition and no place answers. */
const WHY_FORM = /^[\s¿]*(?:why|how come|por\s*qu[eé]|para\s*qu[eé])(?!\p{L})/iu;

/** Whether a question is a wh- question, a why question included (WH_FORM leaves "why" out). */
function asksWh(text: string): boolean {
  return WH_FORM.test(text) || WHY_FORM.test(text);
}

/**
 * Whether a wh- question's "what"/"qué" stands for the object of its verb, so that the question
 * without it leaves a gap: the last question sentence opens with a bare "what"/"qué" (no
 * preposition before it, no stranded preposition after in English), and is no "what happened"
 * question. Hearth's rule for turning a presumptive wh- question into the child's sentence.
 */
function objectGap(question: string, language: 'en' | 'es'): boolean {
  const asked = question.slice(Math.max(0, question.search(/[^.!?]*\?\s*$/u))).trim();
  if (language === 'en')
    return (
      // "Who did he push?": "who" is the verb's object too ("He pushed." is no answer, R18-14).
      (/^what\s+(?!happened|happens|color|colour|kind|time|day)/iu.test(asked) ||
        /^who(?:m)?\s+(?:did|does|do|will|would|could)\s+\S+\s+\S+\s*\?\s*$/iu.test(asked)) &&
      !/\b(?:with|to|at|in|on|for|from|about|of|like)\s*\?\s*$/iu.test(asked)
    );
  return (
    /^¿?\s*qu[eé]\s+(?!pas[oó]|color|tipo|d[ií]a|hora)/iu.test(asked) ||
    /^¿?\s*a\s+qui[eé]n\s+\S+\s*\??\s*$/iu.test(asked)
  );
}

/**
 * The last question of a compound one, as the child hears it: the last of several "?" sentences,
 * or what follows the last "and/or" + question word ("Where did he go and what was he wearing?"
 * -> "What was he wearing?"). Undefined when no part can be told apart.
 */
function lastPart(text: string, language: 'en' | 'es'): string | undefined {
  const questions = sentencesOf(text, language).filter((s) => /\?\s*$/.test(s));
  if (questions.length >= 2) return questions[questions.length - 1];
  // The joiners the comprehension patterns recognise (locales/<lang>/training.json
  // `comprehension.compound`): a wh- word, or in yes/no questions a second verb. Spanish marks it
  // by an object pronoun or a second-person past ("¿Te empujó y LE DIJISTE...?", "¿Te empujó y
  // luego LLORASTE?"); English by a second auxiliary ("... and then DID YOU cry?").
  const joiner =
    language === 'en'
      ? /\s(?:and|or)\s+(?:(?:then|also|after that)\s+)?(?=(?:who|what|where|when|how|did|was|were|do|does|is|are)\b)/giu
      : /\s(?:y|o)\s+(?:(?:luego|después|también|entonces|ya)\s+)?(?=(?:qui[eé]n|qu[eé]|d[oó]nde|cu[aá]ndo|c[oó]mo)(?![\p{L}])|(?:(?:tú|él|ella)\s+)?(?:te|le|les|me|se|nos)\s+(?!que\b)\p{L}|\p{L}+(?:aste|iste|aron|ieron|abas|ías)(?![\p{L}]))/giu;
  let last: RegExpExecArray | null = null;
  for (let m = joiner.exec(text); m !== null; m = joiner.exec(text)) last = m;
  if (last === null) return undefined;
  const rest = text.slice(last.index + last[0].length).trim();
  const capitalised = rest.charAt(0).toUpperCase() + rest.slice(1);
  return language === 'es' ? `¿${capitalised.replace(/^¿/, '')}` : capitalised;
}

/**
 * A negative question as a child who misses the negation hears it ("Didn't he take the bike?"
 * -> "Did he take the bike?", "¿No te dijo nada?" -> "¿Te dijo algo?"): the negative words
 * that agreed with the negation turn too (es12 E12-4: "nada" with no "no" is not Spanish).
 */
export function affirmative(text: string, language: 'en' | 'es'): string {
  if (language === 'en')
    return text
      .replace(/\b(did|does|do|was|were|is|are|has|have|had|would|could|should)n[’']t\b/giu, '$1')
      .replace(/\bcan[’']t\b/giu, 'can')
      .replace(/\bwon[’']t\b/giu, 'will')
      .replace(/\bnot\s+/giu, '')
      .replace(/\bnever\b/giu, 'ever')
      .replace(/\bnothing\b/giu, 'something')
      .replace(/\bnobody\b/giu, 'somebody')
      .replace(/\bno one\b/giu, 'someone');
  const opened = /(?:^|¿\s*)(?:no|nunca)\s/iu.test(text);
  const turned = text
    .replace(/(^|¿\s*|,\s*)no\s+(\p{L})/giu, (_m, lead: string, first: string) =>
      lead.endsWith('¿') || lead === '' ? `${lead}${first.toUpperCase()}` : `${lead}${first}`,
    )
    .replace(
      /(^|¿\s*)nunca\s+(\p{L})/giu,
      (_m, lead: string, first: string) =>
        `${lead}${lead === '' || lead.endsWith('¿') ? 'Alguna' : 'alguna'} vez ${first.toLowerCase()}`,
    )
    .replace(/(?<![\p{L}])nunca(?![\p{L}])/giu, 'alguna vez');
  if (!opened) return turned;
  // The words that agreed with the opening negation, up to a later "no" of their own clause.
  const inner = turned.search(/(?<![\p{L}])no(?![\p{L}])/iu);
  const head = inner < 0 ? turned : turned.slice(0, inner);
  const swap: Record<string, string> = {
    nada: 'algo',
    nadie: 'alguien',
    ningún: 'algún',
    ninguna: 'alguna',
    ninguno: 'alguno',
    tampoco: 'también',
  };
  return (
    head.replace(
      /(?<![\p{L}])(nada|nadie|ningún|ninguna|ninguno|tampoco)(?![\p{L}])/giu,
      (w: string) => swap[w.toLowerCase()] ?? w,
    ) + (inner < 0 ? '' : turned.slice(inner))
  );
}

/** A fact that opens with its own connective ("Then we got boba", "Luego...") takes no "And then". */
const STARTS_WITH_CONNECTIVE =
  /^\s*(?:and then|then|after that|afterwards|next|so|and|y luego|luego|despu[eé]s|entonces|y)\b/i;

/**
 * A fact that tells no event, a habit or a state ("Every time, Tina locks...", "It's not a big
 * deal.", «Cada vez…», «No es para tanto.»), takes no "And then" (R18-14).
 */
const NOT_AN_EVENT =
  /^\s*(?:every time|each time|always|sometimes|usually|it's|it is|it was|that's|there (?:is|are|was|were)|cada vez|siempre|a veces|casi siempre|es|no es|era|est[aá]|hay|hab[ií]a)(?!\p{L})/iu;

/**
 * Being sold, in every tense, as the coach's English label list has it ("sell you", "sold you",
 * "(who) sells you") but its Spanish list lacks in the present ("¿Te vende a otros hombres?" was
 * heard as a plain new detail in Spanish and as a label in English, audit N-3). Folded text.
 */
const SELLING_LABEL: Readonly<Record<'en' | 'es', RegExp>> = {
  en: /\b(?:sells?|sold|selling) (?:you|her)\b/u,
  es: /\b(?:te|la) (?:vend(?:e|en|ia|ian|io|ieron|era|eran|ido))\b|\bvend(?:erte|erla|iendote|iendola)\b/u,
};

/**
 * A coercion frame put to a youth who does not see herself as a victim ("Does he MAKE YOU have
 * sex for money?", "¿Te OBLIGA a...?"): heard like a victim label, so denial or disengagement,
 * not agreement (Lavoie, Dickerson, Redlich & Quas 2019; Henderson, Cho, Nogalska & Lyon 2021;
 * audit N18d-6). "Did that make you sad?" is no coercion frame: only "make/force you" + an act.
 * Folded text.
 */
const COERCION_FRAME: Readonly<Record<'en' | 'es', RegExp>> = {
  en: /\b(?:makes?|made|making|forces?|forced|forcing) (?:you|her) (?:to )?(?:have|be|do|go|stay|work|give|sleep|see|meet|date|sell)\b/u,
  es: /\b(?:te|la) (?:obliga|obligan|obligo|obligaba|obligaban|obligaron|fuerza|fuerzan|forzo|forzaba|forzaron)\b|\b(?:obligarte|forzarte|obligandote)\b/u,
};

/**
 * A question put to the child as a witness of the event ("Did you see...?", "¿Viste...?", also
 * with the negation a child may miss: "Didn't you see...?", "¿No viste...?"): group 1 is the
 * perception verb. Hearth's reading rule.
 */
const WITNESS_FRAME: Readonly<Record<'en' | 'es', RegExp>> = {
  en: /\b(?:did|do|have|had)(?:n[’']t)?\s+you\s+(?:ever\s+)?(see|watch|notice|hear)\b/iu,
  es: /(?:^|¿)\s*(?:no\s+)?(viste|miraste|notaste|oíste|escuchaste)(?!\p{L})/iu,
};

/** Whether the question's last sentence offers options ("X or Y?"), not "X or not?". */
function offersOptions(text: string, language: 'en' | 'es'): boolean {
  const asked = sentencesOf(text, language).filter((x) => /\?\s*$/u.test(x));
  const last = asked[asked.length - 1];
  if (last === undefined || OR_NOT[language].test(last)) return false;
  return (language === 'es' ? /\s+o\s+\p{L}/u : /\s+or\s+\p{L}/iu).test(last);
}

/** "Do you remember / know + a time question" ("¿Te acuerdas cuándo pasó?"). */
const EMBEDDED_TIME: Readonly<Record<'en' | 'es', RegExp>> = {
  en: /^\s*(?:do|can|could)\s+you\s+(?:remember|recall|know|tell\s+me)\s+(when|what\s+time|what\s+day|which\s+day)\s+(.+?)\s*\?\s*$/iu,
  es: /^[\s¿]*(?:te\s+acuerdas|recuerdas|sabes|me\s+puedes\s+decir|puedes\s+decirme)\s+(?:de\s+)?(cu[aá]ndo|qu[eé]\s+d[ií]a|qu[eé]\s+hora|a\s+qu[eé]\s+hora)\s+(.+?)\s*\?\s*$/iu,
};

/**
 * The time question inside a question about remembering or knowing it ("¿Te acuerdas cuándo
 * pasó?" -> "¿Cuándo pasó?", "Do you remember when it happened?" -> "When it happened?"), or
 * undefined when the text is no such question. Hearth's rule (fix18q).
 */
export function embeddedTimeQuestion(text: string, language: 'en' | 'es'): string | undefined {
  if (sentencesOf(text, language).length > 1) return undefined;
  const m = EMBEDDED_TIME[language].exec(text);
  if (m?.[1] === undefined || m[2] === undefined) return undefined;
  const wh = `${m[1].charAt(0).toUpperCase()}${m[1].slice(1)}`;
  return language === 'es' ? `¿${wh} ${m[2]}?` : `${wh} ${m[2]}?`;
}

/** A wh- question that asks what someone did or what happened ("¿Qué te hizo?", "What did he do?"). */
const ASKS_ACT: Readonly<Record<'en' | 'es', RegExp>> = {
  en: /\bwhat\s+(?:did|does|do|was|were)\s+(?:\p{L}+\s+){1,3}(?:do|doing)\b|\bwhat\s+(?:happened|happens)\b/iu,
  es: /(?<![\p{L}])qu[eé]\s+(?:(?:te|le|les|me|nos|se)\s+)?(?:hizo|hicieron|hace|hacía|hacia|hacen|pasó|paso|pasa|ocurrió|ocurrio)(?![\p{L}])/iu,
};

/** Whether a wh- question asks for an act ("¿Qué te hizo en el sótano?"). Hearth's rule. */
export function asksAct(text: string, language: 'en' | 'es'): boolean {
  return ASKS_ACT[language].test(text);
}

/** Sentences that tell no act: a place echoed or an act left empty ("Me hizo algo."). */
const NO_ACT: Readonly<Record<'en' | 'es', RegExp>> = {
  en: /^(?:in|at|on|inside|outside)\s|\bsomething\b|^it\s+(?:happened|was)\s+(?:in|at|on)\s/iu,
  es: /^(?:en|a|al|por|adentro|afuera)\s|(?<![\p{L}])algo(?![\p{L}])|^(?:pasó|paso|fue)\s+(?:en|a|al)\s/iu,
};

/**
 * Whether a sentence the child would say to an act question tells no act: the question's place
 * echoed ("En el sótano.", "Pasó en el sótano.") or an act left empty ("Me hizo algo en el
 * sótano.", "He did something."). Hearth's rule (fix18q).
 */
export function tellsNoAct(sentence: string, language: 'en' | 'es'): boolean {
  return NO_ACT[language].test(sentence.trim());
}

/** "X or not?" / "¿X o no?": a yes/no question, not a choice between two options. */
const OR_NOT: Readonly<Record<'en' | 'es', RegExp>> = {
  en: /\bor not\s*\??\s*$/iu,
  es: /(?<!\p{L})o no\s*\??\s*$/iu,
};

/** Prepositions and articles that open a choice's options ("in", "with a", "en la", "con"). */
const LEAD_WORD: Readonly<Record<'en' | 'es', RegExp>> = {
  en: /^(?:in|at|on|with|to|from|by|the|a|an|his|her|your|my)$/u,
  es: /^(?:en|con|a|de|por|el|la|los|las|un|una|su|tu|mi)$/u,
};

/** Prepositions that open an option ("at work", "en el trabajo"). */
const PREPOSITION: Readonly<Record<'en' | 'es', RegExp>> = {
  en: /^(?:in|at|on|with|to|from|by)$/u,
  es: /^(?:en|con|a|de|por)$/u,
};

/**
 * The options a choice question offers, in the interviewer's words ("Was it in the kitchen, the
 * bedroom, or the garage?" -> ["the kitchen", "the bedroom", "the garage"]): the last option as
 * asked, the options listed before it with commas (two or more, Oxford comma or not), and the
 * first as many words from the end of the question's opening as the last one has (choice
 * questions put parallel options). Undefined when the opening is no longer than the last option.
 * Audit 18i, N18i-2: "A, B, or C" was read as "A, B" or "C", so a child picking B said "The
 * bedroom,." and was recorded as taking up "kitchen" too.
 */
export function choiceOptions(text: string, language: 'en' | 'es'): string[] | undefined {
  const open = language === 'es' ? text.lastIndexOf('¿') : -1;
  const body = text
    .slice(open + 1)
    .replace(/[?¿!.]/gu, '')
    .trim();
  const parts = body.split(language === 'es' ? /\s+o\s+/iu : /\s+or\s+/iu);
  if (parts.length < 2) return undefined;
  const words = (x: string) => x.split(/\s+/u).filter((w) => w !== '');
  const lastWords = words(parts[parts.length - 1]!.replace(/,/gu, ' '));
  if (lastWords.length === 0) return undefined;
  // "red, blue, or green": the comma-listed options stand before the first "or"; a segment no
  // longer than the last option (plus an article) is an option, the first longer one the opening.
  const segments = parts[0]!
    .split(/\s*,\s*/u)
    .map((x) => x.trim())
    .filter((x) => x !== '');
  const listed: string[] = [];
  while (
    segments.length > 1 &&
    words(segments[segments.length - 1]!).length <= lastWords.length + 1
  )
    listed.unshift(segments.pop()!);
  const firstWords = words(segments[segments.length - 1] ?? '');
  if (lastWords.length >= firstWords.length) return undefined;
  // "Was it in your room or in the living room?": the first option starts at the word the last
  // one starts with ("in your room"), not at a word count ("it in your room", N18i-3).
  const lead = lastWords[0]!.toLowerCase();
  const from = firstWords.map((w) => w.toLowerCase()).lastIndexOf(lead);
  // "Was your mom home or at work?": a last option opened by a preposition the first one lacks
  // has one word more than the first ("home", not "mom home", audit 18i N18i-3).
  const unmatched = from < 0 && PREPOSITION[language].test(lead) && lastWords.length > 1;
  const start =
    from > 0 && firstWords.length - from <= lastWords.length + 1 && LEAD_WORD[language].test(lead)
      ? from
      : firstWords.length - lastWords.length + (unmatched ? 1 : 0);
  return [
    firstWords.slice(start).join(' '),
    ...listed,
    ...parts.slice(1, -1).map((x) => words(x.replace(/,/gu, ' ')).join(' ')),
    lastWords.join(' '),
  ];
}

/**
 * The options of a choice question in the interviewer's words, from the child's side ("Did he
 * hit you with the belt or with your hand?" -> ["With the belt.", "With my hand."]): the last
 * option as asked, the first as many words from the end of the first part (choice questions put
 * parallel options). Undefined when an option would keep the interviewer's second person or a
 * verb.
 */
function optionPhrases(text: string, language: 'en' | 'es'): string[] | undefined {
  const options = choiceOptions(text, language);
  if (options === undefined) return undefined;
  const swap: Record<string, string> =
    language === 'es'
      ? { tu: 'mi', tus: 'mis', ti: 'mí', contigo: 'conmigo' }
      : { your: 'my', yours: 'mine' };
  const bad =
    language === 'es'
      ? /^(?:te|tú|usted|ustedes|\p{L}+(?:aste|iste|abas|ías|ó|aba))$/iu
      : /^(?:you|you're|did|was|were|is|are|do|does|he|she|they)$/iu;
  // A past verb in an option of two or more words ("pushed you") keeps the interviewer's
  // clause; a one-word option in -ed is a colour or a state ("Red.", "Scared.": "red" was read
  // as a past verb and en colour choices were never answered, N18i-2).
  const verb = language === 'es' ? /^\p{L}+(?:aste|iste|abas|ías|ó|aba)$/iu : /^\p{L}+ed$/iu;
  const out: string[] = [];
  for (const o of options) {
    const words = o.split(/\s+/u).map((w) => swap[w.toLowerCase()] ?? w);
    if (words.length === 0 || words.some((w) => bad.test(w))) return undefined;
    if (words.some((w) => verb.test(w)) && (language === 'es' || words.length > 1))
      return undefined;
    const said = words.join(' ');
    out.push(`${said.charAt(0).toUpperCase()}${said.slice(1)}.`);
  }
  return out;
}

/** A verb of permission before an infinitive (folded): "te dejo salir", "let you go". */
const PERMISSION: Readonly<Record<'en' | 'es', RegExp>> = {
  en: /\b(let|lets|letting)\s+(?:me|you|him|her|us|them)\s+\p{L}+/u,
  es: /\b(dej\p{L}*)\s+(?:(?:me|te|lo|la|le|nos|les)\s+)?\p{L}+(?:ar|er|ir)\b/u,
};

/** A feeling put in the past ("you were scared", "estabas asustada"; folded text). */
const PAST_FEELING: Readonly<Record<'en' | 'es', RegExp>> = {
  en: /\byou (?:were|felt|got)\b|\bthat (?:was|must have been)\b|\bit (?:was|must have been)\b/u,
  es: /\b(?:estabas|estuviste|te sentiste|te sentias|sentiste|te dio|te puso|te pusiste|fue|debio ser)\b/u,
};

/** Vague words that allege wrongdoing (folded text): "something bad", "algo malo". */
const WRONGDOING: Readonly<Record<'en' | 'es', RegExp>> = {
  en: /\b(?:something|anything) (?:bad|wrong|mean|naughty|not ok(?:ay)?|you didn't like)\b|\bbad (?:touch|thing|things)\b|\bhurt you\b/u,
  es: /\balgo (?:malo|feo|mal|que no te gusto)\b|\b(?:te|les) (?:hizo|ha hecho) (?:dano|algo)\b|\bte lastimo\b|\bcosas? (?:malas?|feas?)\b/u,
};

/**
 * A Spanish question that describes the child with a second-person linking verb ("¿Estabas
 * asustada?", "¿Te quedaste callado?", "¿Te sentiste sola?"): its echo is about the child.
 */
const ADDRESSES_CHILD =
  /(?<!\p{L})(?:estabas|est[aá]s|estuviste|eras|eres|fuiste|te\s+(?:quedaste|pusiste|sentiste|sent[ií]as|sientes|viste|ve[ií]as))(?!\p{L})/iu;

/** Words that tell an event as repeated, en and es-419 (folded); Hearth's list. */
const REPEATED_TALK =
  /(?<!\p{L})(?:every time|each time|always|lots of times|every night|every day|cada vez|siempre|muchas veces|todas las noches|todos los dias)(?!\p{L})/u;

/** A question about what came next ("What happened after ...?", "¿Qué pasó después de ...?"). */
/** Words of praise for telling that name no content ("telling me what happened"): Hearth's list. */
const GENERIC_TELLING: Readonly<Record<'en' | 'es', string>> = {
  en: 'happened happen happens everything all this that things stuff me about',
  es: 'pasó pasa paso todo esto eso cosas lo que me de',
};
const AFTER_CUE = /\b(?:after|afterwards|next|despues|luego)\b/u;

const PROMISE = /\b(promise|prometes|prometer|prometerme)\b/;

/**
 * A statement closed by a tag that only asks for agreement ("…, okay?", «…, ¿sí?», «¿va?», «¿de
 * acuerdo?»): not a practice question. A practice item's question ("…, what would you say?") never
 * ends this way.
 */
const AGREEMENT_TAG =
  /[,.]\s*¿?\s*(?:s[ií]|va|ok|okay|est[aá] bien|de acuerdo|all right|alright)\s*\?$/iu;

/** One row of locales/<lang>/training.json whSlots.forms. */
interface WhSlot {
  id: string;
  cues: string[];
  categories: string[];
  factWords: string[];
  /** Fact words that fit the slot best ("look like": clothes and hair before colours). */
  preferWords?: string[];
  /** The fact must share a word with the question ("What was the boy's name?": the boy's). */
  requireShared?: boolean;
}

/** A folded wh- word (en, es). */
/** "qué" + a noun + a copula at the head of a Spanish question (folded): "que carro era". */
const QUE_NOUN =
  /^(?:(?:de|a|en|con)\s+)?que\s+([a-zñ]+)\s+(?:era|eran|es|son|fue|fueron|estaba|estaban)\b/u;
/** Forms of "ir" that, after "se", are the verb "irse" and not the copula "ser". */
const IRSE: ReadonlySet<string> = new Set(['fue', 'fueron', 'iba', 'iban', 'va', 'van']);

/** Words that tell where something was or went ("in his jacket pocket", "en el bolsillo"). */
const PLACE_MARK: Readonly<Record<'en' | 'es', RegExp>> = {
  en: / (?:in|into|on(?! the phone)|onto|at|inside|outside|under|behind|near|toward|towards|next to) /u,
  es: / (?:en(?! el telefono)|dentro|adentro|afuera|fuera|debajo|abajo|detras|atras|hacia|cerca|junto) /u,
};

/** Words that tell when ("after school", "después de la escuela"). */
const TIME_MARK: Readonly<Record<'en' | 'es', RegExp>> = {
  en: / (?:after|before|when|then|yesterday|morning|night|afternoon|evening|saturday|sunday|monday|tuesday|wednesday|thursday|friday|weekend|summer|winter) /u,
  es: / (?:despues|antes|cuando|luego|ayer|manana|noche|tarde|sabado|domingo|lunes|martes|miercoles|jueves|viernes|verano|invierno) /u,
};

const WH_WORD =
  /^(?:what|where|who|whom|whose|when|how|which|que|donde|adonde|quien|quienes|cuando|como|cual|cuales)$/u;

/** Auxiliaries, pronouns and clitics between a wh- word and its verb (folded; en, es-419). */
const QUESTION_FILLERS: ReadonlySet<string> = new Set([
  'did',
  'do',
  'does',
  'was',
  'were',
  'is',
  'are',
  'has',
  'have',
  'had',
  'will',
  'would',
  'can',
  'could',
  'you',
  'he',
  'she',
  'they',
  'it',
  'we',
  'i',
  'else',
  'more',
  'exactly',
  'then',
  'le',
  'les',
  'te',
  'me',
  'se',
  'lo',
  'la',
  'los',
  'las',
  'nos',
  'tu',
  'usted',
  'el',
  'ella',
  'mas',
  'a',
  'de',
  'con',
  'para',
  'por',
  'en',
  'exactamente',
  'luego',
  // Copulas and auxiliaries: "¿De quién ERA el perro?" has no verb of its own, so "era" must
  // not pick "El perro ERA café" as the fact it asks about (audit N18d-3).
  'era',
  'eran',
  'es',
  'son',
  'fue',
  'fueron',
  'estaba',
  'estaban',
  'esta',
  'estan',
  'estuvo',
  'habia',
  'hay',
  'ha',
  'han',
  'being',
  'been',
  // Prepositions are no verb either ("Who were you WITH?" is not about "a lady WITH a leash").
  'with',
  'at',
  'to',
  'in',
  'on',
  'for',
  'from',
  'about',
]);

/** The guess list (locale guesses) for a wh- slot form the child cannot fill; 'none': no guess. */
const SLOT_GUESS: Readonly<Record<string, string>> = {
  injury: 'what',
  owner: 'who',
  'which-person': 'who',
  companion: 'who',
  name: 'who',
  travel: 'none',
};

const ALL_CATEGORIES: readonly string[] = ['who', 'what', 'where', 'when', 'object', 'sequence'];

const INVITATION_LIKE: ReadonlySet<Coding['type']> = new Set(['invitation', 'cued-invitation']);

function freshRules(): Record<RuleId, RuleStatus> {
  return { dontKnow: 'missing', dontUnderstand: 'missing', correctMe: 'missing', truth: 'missing' };
}

interface TurnContext {
  /** 0-based turn within this session. */
  turn: number;
  /** The question as the child heard it (a negative one may be heard without its "no"). */
  text: string;
  /** The interviewer's words as typed: what the record shows the child answering. */
  asked: string;
  /** The negation of a negative proposition as typed ("Nadie", "didn't"; negation.ts). */
  negator?: string;
  coding: Coding;
  novel: Array<{ stem: string; word: string }>;
  repetition: number;
  topic: Fact[];
  ep: Episode;
  stage: Stage;
  /** The prompt is one of the protocol's own scripted prompts (scripted.ts). */
  scripted: boolean;
  /** An emotional reflection whose feeling or frame words were left out of `novel`. */
  reflected?: boolean;
  /** The coach codes the utterance as present support or room talk (coding.ts presentTalk). */
  talk?: PresentTalk;
}

/** Words written with a capital inside a sentence (names), which must keep their capital. */
function properNouns(scenario: Scenario): Set<string> {
  const out = new Set<string>([scenario.alias]);
  const texts = [
    ...scenario.facts.flatMap((f) => (f.retold ? [f.text, f.retold] : [f.text])),
    ...(scenario.practiceEvent ?? []).map((f) => f.text),
    ...scenario.lures.map((l) => l.text),
  ];
  for (const text of texts) {
    const tokens = text.split(/\s+/);
    tokens.forEach((token, i) => {
      const word = token.replace(/[^\p{L}'-]/gu, '');
      // A capital after a full stop starts a sentence ("... boyfriend. He's 23."): not a name.
      const sentenceStart = i === 0 || /[.!?]["”']?$/u.test(tokens[i - 1] ?? '');
      // A day or month ("on Saturday", "el Sábado") is no person a pronoun can stand for (R18-2).
      if (
        !sentenceStart &&
        /^\p{Lu}/u.test(word) &&
        word !== 'I' &&
        !CALENDAR_WORD.test(word.replace(/'s$/, ''))
      )
        out.add(word.replace(/'s$/, ''));
    });
  }
  for (const name of [...out]) out.add(`${name}'s`);
  return out;
}

/**
 * Replays the interview: the child's answer to every turn, and what it said true and false.
 * `earlier` holds the turns of earlier sessions with the same child (a second interview after
 * "not today"), oldest first; they are replayed first so that memory, adopted details and the
 * effect of support carry over. The result describes the last session only. `scripted` holds
 * the session plan's scripted prompts (scripted.ts): the child hears a match as the protocol's
 * kind and takes up none of its words.
 */
export function simulate(
  scenario: Scenario,
  seed: number,
  turns: readonly PracticeTurn[],
  earlier: ReadonlyArray<readonly PracticeTurn[]> = [],
  scripted: readonly ScriptedMatcher[] = [],
): Simulation {
  const child = new Child(scenario, seed, scripted);
  let index = 0;
  const earlierRules: Array<Record<RuleId, RuleStatus>> = [];
  for (const session of earlier) {
    for (const turn of session) child.reply(index++, turn);
    earlierRules.push({ ...child.rules });
    child.nextSession(index);
  }
  const earlierSaid = [...child.childSaid];
  const earlierEventSaid = [...child.eventSaid];
  const replies = turns.map((turn) => child.reply(index++, turn));
  return {
    replies,
    earlierSaid,
    earlierEventSaid,
    elicited: child.event.elicited,
    falseDetails: child.falseDetails,
    introducedDetails: child.introduced,
    adoptedDetails: child.adopted.map((a) => a.text),
    remembered: child.event.remembered,
    toldEarlier: child.toldEarlier,
    retold: child.retold,
    briefOnly: child.briefNow,
    session: child.session,
    rapportDone: child.rapportTurns > 0,
    groundRulesDone: RULE_IDS.some((r) => child.rules[r] !== 'missing'),
    rules: child.rules,
    rulesGuessed: new Map(
      [...child.rulesGuessed].filter(([rule]) => child.rules[rule] !== 'practised'),
    ),
    earlierRules,
    reluctantAnswers: child.reluctantAnswers,
    reluctanceStart: child.reluctanceStart,
    reluctanceEnd: child.reluctance,
    notToday: child.notToday,
    practice: { elicited: child.practice.elicited, total: child.practice.facts.length },
    allegation: child.allegation,
    ...(child.disclosureTurn !== undefined ? { disclosureTurn: child.disclosureTurn } : {}),
  };
}
