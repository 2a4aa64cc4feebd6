// The simulated child. A pure function of (scenario, seed, interviewer turns so far): the whole
// interview is replayed on every question, so nothing about the simulation needs storing and a
// restarted app gives the same child. Behaviour follows the interviewing research summarised in
// the training issue: open prompts bring accurate free recall, closed and leading prompts bring
// agreement and adopted false details, more so for young, unprepared or pressured children.
import { classifyQuestion, type Classification, type QuestionSubtype } from '../questions';
import { Dice } from './rng';
import { fill, textsFor, type TrainingTexts } from './texts';
import type { Fact, Scenario } from './types';
import { memoryStems, wordTools, type WordTools } from './words';

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

export interface FalseDetail {
  /** The false detail, in the child's words (a prepared lure's wording when it was one). */
  detail: string;
  /** 0-based index of the interviewer turn that introduced it. */
  turn: number;
  question: string;
  questionType: Classification['type'];
  lureId?: string;
  /** suggested: taken up from the interviewer's words; guess: made up under a closed question. */
  source: 'suggested' | 'guess';
}

export interface ChildReply {
  answer: string;
  keywords: string[];
  coding: Classification;
  /** Facts stated in this answer (new or repeated). */
  factIds: string[];
  newFalseDetails: FalseDetail[];
}

export interface Simulation {
  replies: ChildReply[];
  /** Fact id -> 0-based turn where the child first stated it. */
  elicited: Map<string, number>;
  falseDetails: FalseDetail[];
  /** Facts the child can recall at all (central ones always, peripheral ones depending on age). */
  remembered: Set<string>;
  rapportDone: boolean;
  groundRulesDone: boolean;
  reluctantAnswers: number;
}

interface Adopted {
  key: string;
  text: string;
  stems: Set<string>;
}

/** Per-age parameters (index by band). Younger children recall less and comply more. */
function band(age: number): 0 | 1 | 2 | 3 {
  if (age <= 5) return 0;
  if (age <= 9) return 1;
  if (age <= 13) return 2;
  return 3;
}
const BASE_COMPLIANCE = [0.55, 0.38, 0.18, 0.08] as const;
const PERIPHERAL_RETENTION = [0.55, 0.7, 0.85, 0.92] as const;
const GUESS_RATE = [0.45, 0.25, 0.08, 0.04] as const;
/** How strongly each kind of suggestive prompt pushes a detail (co-witness and pressure most). */
const SUGGESTIVE_WEIGHT: Partial<Record<QuestionSubtype, number>> = {
  tag: 1,
  negative: 0.9,
  'co-witness': 1.3,
  pressure: 1.2,
  emotional: 0.7,
  presumptive: 1,
};

class Child {
  readonly t: WordTools;
  readonly texts: TrainingTexts;
  readonly dice: Dice;
  readonly age: number;
  readonly band: 0 | 1 | 2 | 3;
  readonly memory: Set<string>;
  readonly factStems: Map<string, Set<string>>;
  readonly properNouns: Set<string>;

  readonly childSaid: string[] = [];
  readonly saidStems = new Set<string>();
  readonly said = new Set<string>();
  readonly elicited = new Map<string, number>();
  readonly remembered = new Set<string>();
  readonly skipInFreeRecall = new Set<string>();
  readonly adopted: Adopted[] = [];
  readonly falseDetails: FalseDetail[] = [];
  readonly novelSeen = new Map<string, number>();
  warmth: number;
  rapportTurns = 0;
  groundRules = false;
  substantiveStarted = false;
  reluctantAnswers = 0;

  constructor(
    readonly scenario: Scenario,
    seed: number,
  ) {
    this.t = wordTools(scenario.language);
    this.texts = textsFor(scenario.language);
    this.dice = new Dice(`${scenario.id}|${scenario.version ?? 0}|${seed}`);
    this.age = scenario.ageYears;
    this.band = band(this.age);
    this.memory = memoryStems(scenario, this.t);
    this.factStems = new Map(scenario.facts.map((f) => [f.id, this.t.stemsOf(f.keywords)]));
    this.warmth = scenario.personality === 'talkative' ? 2 : 0;
    for (const fact of scenario.facts) {
      if (
        fact.centrality === 'central' ||
        this.dice.chance(PERIPHERAL_RETENTION[this.band], 'remember', fact.id)
      )
        this.remembered.add(fact.id);
      // Young children leave peripheral details out of free recall; cues still reach them.
      if (
        fact.centrality === 'peripheral' &&
        this.band <= 1 &&
        this.dice.chance(0.5, 'skip', fact.id)
      )
        this.skipInFreeRecall.add(fact.id);
    }
    this.properNouns = properNouns(scenario);
  }

  compliance(): number {
    let c: number = BASE_COMPLIANCE[this.band];
    if (this.rapportTurns === 0) c += 0.12;
    if (!this.groundRules) c += 0.08;
    if (this.scenario.personality === 'reluctant') c += 0.05;
    return Math.min(c, 0.9);
  }

  freeRecallSize(turn: number): number {
    let k = [1, 2, 3, 3][this.band] ?? 2;
    if (this.band === 0 && this.dice.chance(0.4, 'k', turn)) k++;
    if (this.band === 3 && this.dice.chance(0.5, 'k', turn)) k++;
    if (this.scenario.personality === 'talkative' && this.band >= 1) k++;
    if (this.scenario.personality === 'reluctant') k--;
    if (this.rapportTurns === 0) k--;
    return Math.max(1, k);
  }

  // ---- wording ------------------------------------------------------------------------------

  joinFacts(facts: Fact[]): string {
    return facts
      .map((f, i) =>
        i > 0 && (f.category === 'what' || f.category === 'sequence')
          ? `${this.texts.child.then} ${this.lowerFirst(f.text)}`
          : f.text,
      )
      .join(' ');
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

  // ---- memory -------------------------------------------------------------------------------

  topicFacts(stems: ReadonlyArray<{ stem: string }>): Fact[] {
    if (stems.length === 0) return [];
    return this.scenario.facts.filter((f) => {
      const fs = this.factStems.get(f.id);
      return fs !== undefined && stems.some((s) => fs.has(s.stem));
    });
  }

  state(facts: Fact[], turn: number): void {
    for (const f of facts) {
      this.said.add(f.id);
      if (!this.elicited.has(f.id)) this.elicited.set(f.id, turn);
    }
  }

  nextInFreeRecall(k: number): Fact[] {
    return this.scenario.facts
      .filter((f) => this.remembered.has(f.id) && !this.said.has(f.id))
      .filter((f) => !this.skipInFreeRecall.has(f.id))
      .slice(0, k);
  }

  /** Details the interviewer's words supply that the child never experienced nor said. */
  novelStems(stems: ReadonlyArray<{ stem: string; word: string }>): Array<{
    stem: string;
    word: string;
  }> {
    return stems.filter(
      (s) =>
        !this.memory.has(s.stem) &&
        !this.saidStems.has(s.stem) &&
        !this.adopted.some((a) => a.stems.has(s.stem)),
    );
  }

  /** The lure a novel detail matches, or the interviewer's own words for it. */
  describeNovel(novel: Array<{ stem: string; word: string }>): Adopted & { lureId?: string } {
    for (const lure of this.scenario.lures) {
      const ls = this.t.stemsOf(lure.keywords);
      if (novel.some((n) => ls.has(n.stem)))
        return {
          key: `lure:${lure.id}`,
          text: lure.text,
          stems: new Set([...ls, ...novel.map((n) => n.stem)]),
          lureId: lure.id,
        };
    }
    const words = novel.slice(0, 3).map((n) => n.word);
    return {
      key: `words:${words.join(' ')}`,
      text: words.join(' '),
      stems: new Set(novel.map((n) => n.stem)),
    };
  }

  adopt(
    detail: Adopted & { lureId?: string },
    turn: number,
    question: string,
    coding: Classification,
    source: FalseDetail['source'],
  ): FalseDetail[] {
    if (this.adopted.some((a) => a.key === detail.key)) return [];
    // A question that returns to a detail already taken up re-affirms it; its other new words
    // ("he USED a bottle") are part of the same false detail, not a second one.
    const questionStems = this.t.stemsOf([question]);
    if (
      source === 'suggested' &&
      this.adopted.some((a) => [...a.stems].some((s) => questionStems.has(s)))
    )
      return [];
    this.adopted.push({ key: detail.key, text: detail.text, stems: detail.stems });
    const fd: FalseDetail = {
      detail: detail.text,
      turn,
      question,
      questionType: coding.type,
      source,
      ...(detail.lureId ? { lureId: detail.lureId } : {}),
    };
    this.falseDetails.push(fd);
    return [fd];
  }

  adoptedSentence(detail: { text: string; lureId?: string }): string {
    if (detail.lureId) return detail.text;
    const capital = detail.text.charAt(0).toUpperCase() + detail.text.slice(1);
    return `${capital}.`;
  }

  /** Once adopted, a false detail comes back in later narrative answers. */
  repeatAdopted(turn: number): string | undefined {
    if (this.adopted.length === 0 || !this.dice.chance(0.6, 'repeat', turn)) return undefined;
    const a = this.dice.pick(this.adopted, 'repeat-which', turn);
    return a.key.startsWith('lure:') ? a.text : fill(this.texts.child.repeat, { detail: a.text });
  }

  // ---- one turn ------------------------------------------------------------------------------

  reply(turnIndex: number, turn: PracticeTurn): ChildReply {
    const coding = classifyQuestion(turn.text, this.scenario.language, {
      childWords: this.childSaid,
      childAgeYears: this.age,
    });
    const out = this.isPreSubstantive(turn, coding)
      ? this.preSubstantive(turnIndex, turn, coding)
      : this.substantive(turnIndex, turn, coding);
    const reply: ChildReply = { ...out, coding };
    this.childSaid.push(reply.answer);
    for (const s of this.t.stemsOf([reply.answer])) this.saidStems.add(s);
    return reply;
  }

  isPreSubstantive(turn: PracticeTurn, coding: Classification): boolean {
    if (turn.substantive === true) return false;
    if (turn.substantive === false) return true;
    if (this.substantiveStarted) return false;
    if (coding.subtype === 'ground-rule') return true;
    const norm = this.t.normalise(turn.text);
    return this.texts.rapportCues.some((cue) => norm.includes(cue));
  }

  isSupportive(text: string): boolean {
    const norm = this.t.normalise(text);
    return this.texts.supportive.some((phrase) => norm.includes(phrase));
  }

  preSubstantive(
    turn: number,
    p: PracticeTurn,
    coding: Classification,
  ): Omit<ChildReply, 'coding'> {
    const none = { keywords: [], factIds: [], newFalseDetails: [] };
    if (coding.subtype === 'ground-rule' || p.phaseId === 'groundRules') {
      this.groundRules = true;
      // Practice items ("What is my dog's name?") are answered with the rule being practised.
      if (coding.type === 'directive' || coding.type === 'option-posing')
        return { answer: this.idk(turn), ...none };
      return { answer: this.dice.pick(this.texts.child.okay, 'okay', turn), ...none };
    }
    if (this.isSupportive(p.text)) this.warmth += 1;
    if (coding.type === 'other' || coding.type === 'facilitator')
      return { answer: this.dice.pick(this.texts.child.okay, 'okay', turn), ...none };
    const lines =
      this.scenario.rapport.length > 0 ? this.scenario.rapport : this.texts.child.rapport;
    const line = lines[this.rapportTurns % lines.length] ?? this.texts.child.okay[0] ?? '...';
    this.rapportTurns++;
    this.warmth += 1;
    return { answer: line, ...none };
  }

  substantive(turn: number, p: PracticeTurn, coding: Classification): Omit<ChildReply, 'coding'> {
    this.substantiveStarted = true;
    const stems = this.t.contentStems(p.text);
    const novel = this.novelStems(stems);
    const repetition = novel.reduce((m, n) => Math.max(m, this.novelSeen.get(n.stem) ?? 0), 0);
    for (const n of novel) this.novelSeen.set(n.stem, (this.novelSeen.get(n.stem) ?? 0) + 1);
    const topic = this.topicFacts(stems);
    const ctx: TurnContext = { turn, text: p.text, coding, novel, repetition, topic };
    switch (coding.type) {
      case 'invitation':
      case 'cued-invitation':
        return this.invitation(ctx);
      case 'facilitator':
        return this.facilitator(ctx);
      case 'directive':
        return this.directive(ctx);
      case 'option-posing':
        return this.optionPosing(ctx);
      case 'suggestive':
        return this.suggestive(ctx);
      case 'other':
        return this.statement(ctx);
    }
  }

  result(
    answer: string[],
    facts: Fact[],
    turn: number,
    falseDetails: FalseDetail[] = [],
  ): Omit<ChildReply, 'coding'> {
    this.state(facts, turn);
    const keywords = new Set<string>();
    for (const f of facts) for (const k of f.keywords.slice(0, 2)) keywords.add(k);
    for (const fd of falseDetails)
      if (fd.source === 'suggested') keywords.add(fd.detail.slice(0, 100));
    const text = answer.filter((a) => a.length > 0).join(' ');
    return {
      answer: text.length > 0 ? text : '...',
      keywords: [...keywords].slice(0, 20),
      factIds: facts.map((f) => f.id),
      newFalseDetails: falseDetails,
    };
  }

  reluctant(turn: number): boolean {
    if (this.scenario.personality !== 'reluctant' || this.warmth >= 2) return false;
    if (!this.dice.chance(0.6, 'reluctant', turn)) return false;
    this.reluctantAnswers++;
    // Patient, non-suggestive prompting slowly wins a reluctant child over.
    this.warmth += 0.5;
    return true;
  }

  freeRecall(ctx: TurnContext, k: number): Omit<ChildReply, 'coding'> {
    const facts = this.nextInFreeRecall(k);
    const parts = facts.length > 0 ? [this.joinFacts(facts)] : [];
    const repeat = this.repeatAdopted(ctx.turn);
    if (repeat) parts.push(repeat);
    if (parts.length === 0)
      parts.push(this.dice.pick(this.texts.child.nothingElse, 'nothing', ctx.turn));
    return this.result(parts, facts, ctx.turn);
  }

  /** Open prompts: free recall, or the facts linked to the cued words. */
  invitation(ctx: TurnContext): Omit<ChildReply, 'coding'> {
    if (this.reluctant(ctx.turn))
      return this.result([this.dice.pick(this.texts.child.reluctant, 'r', ctx.turn)], [], ctx.turn);
    const k = this.freeRecallSize(ctx.turn);
    const planted: FalseDetail[] = [];
    const parts: string[] = [];
    // An invitation that carries a new detail ("tell me about the black dog") is a weak suggestion.
    if (ctx.novel.length > 0 && this.dice.chance(0.3 * this.compliance(), 'inv-adopt', ctx.turn)) {
      const detail = this.describeNovel(ctx.novel);
      planted.push(...this.adopt(detail, ctx.turn, ctx.text, ctx.coding, 'suggested'));
      parts.push(this.adoptedSentence(detail));
    }
    const cued = ctx.topic.filter((f) => this.remembered.has(f.id));
    if (cued.length > 0) {
      const fresh = cued.filter((f) => !this.said.has(f.id)).slice(0, k);
      if (fresh.length > 0) {
        parts.unshift(this.joinFacts(fresh));
        return this.result(parts, fresh, ctx.turn, planted);
      }
      // Everything about it was said: the child repeats what it already told.
      const again = cued.slice(0, 1);
      parts.unshift(this.joinFacts(again));
      return this.result(parts, again, ctx.turn, planted);
    }
    const recall = this.freeRecall(ctx, k);
    return {
      ...recall,
      answer: [...parts, recall.answer].join(' '),
      newFalseDetails: planted,
    };
  }

  facilitator(ctx: TurnContext): Omit<ChildReply, 'coding'> {
    if (this.scenario.personality === 'reluctant') {
      this.warmth += 0.5;
      if (this.warmth < 2)
        return this.result(
          [this.dice.pick(this.texts.child.shrug, 'shrug', ctx.turn)],
          [],
          ctx.turn,
        );
      return this.freeRecall(ctx, 1);
    }
    return this.freeRecall(ctx, Math.max(1, this.freeRecallSize(ctx.turn) - 1));
  }

  statement(ctx: TurnContext): Omit<ChildReply, 'coding'> {
    if (ctx.coding.subtype === 'ground-rule') this.groundRules = true;
    if (this.isSupportive(ctx.text)) this.warmth += 1;
    return this.result([this.dice.pick(this.texts.child.okay, 'okay', ctx.turn)], [], ctx.turn);
  }

  guessRate(): number {
    const rate = GUESS_RATE[this.band];
    return this.groundRules ? rate / 2 : rate;
  }

  guess(ctx: TurnContext, category: string): Omit<ChildReply, 'coding'> {
    const guesses = this.texts.guesses as Record<string, string[] | undefined>;
    const list = guesses[category] ?? this.texts.guesses.what;
    const text = this.dice.pick(list, 'guess', ctx.turn);
    const fd = this.adopt(
      { key: `guess:${text}`, text: text.replace(/[¿?]/g, ''), stems: new Set() },
      ctx.turn,
      ctx.text,
      ctx.coding,
      'guess',
    );
    return this.result([text], [], ctx.turn, fd);
  }

  whCategory(text: string): string {
    const norm = this.t.normalise(text);
    const wh = this.texts.whWords as Record<string, string[]>;
    for (const category of ['object', 'when', 'who', 'where'])
      if ((wh[category] ?? []).some((w) => norm.startsWith(w) || norm.includes(` ${w} `)))
        return category;
    return 'what';
  }

  directive(ctx: TurnContext): Omit<ChildReply, 'coding'> {
    const { turn, coding } = ctx;
    if (this.reluctant(turn)) return this.result([this.idk(turn)], [], turn);
    // A directive that presumes a new detail ("what colour was his beard?").
    if (ctx.novel.length > 0 && this.dice.chance(0.5 * this.compliance(), 'dir-adopt', turn)) {
      const detail = this.describeNovel(ctx.novel);
      const fd = this.adopt(detail, turn, ctx.text, coding, 'suggested');
      return this.result([this.adoptedSentence(detail)], [], turn, fd);
    }
    if (coding.subtype === 'why' && this.age < 10)
      return this.result(
        [this.dice.chance(0.5, 'why', turn) ? this.texts.child.because : this.idk(turn)],
        [],
        turn,
      );
    const category = coding.subtype === 'time-or-count' ? 'when' : this.whCategory(ctx.text);
    const byCategory = (facts: Fact[]) =>
      category === 'what' ? facts : facts.filter((f) => f.category === category);
    const known = (facts: Fact[]) => facts.filter((f) => this.remembered.has(f.id));
    const candidates = [
      ...known(byCategory(ctx.topic)),
      ...known(ctx.topic),
      ...(ctx.topic.length === 0 && category !== 'what'
        ? known(byCategory(this.scenario.facts))
        : []),
    ];
    const pick = candidates.find((f) => !this.said.has(f.id)) ?? candidates[0];
    if (pick) return this.result([pick.text], [pick], turn);
    if (this.dice.chance(this.guessRate(), 'guess?', turn))
      return this.guess(ctx, coding.subtype === 'time-or-count' ? 'count' : category);
    return this.result([this.idk(turn)], [], turn);
  }

  optionPosing(ctx: TurnContext): Omit<ChildReply, 'coding'> {
    const { turn, coding } = ctx;
    if (coding.subtype === 'forced-choice') return this.forcedChoice(ctx);
    if (
      coding.subtype === 'faux-invitation' &&
      (this.band >= 1 || this.dice.chance(0.5, 'faux', turn))
    )
      return this.invitation(ctx);
    if (ctx.novel.length > 0) {
      // The offered option is wrong: agreeing makes the interviewer's detail the child's.
      if (this.dice.chance(this.compliance(), 'agree', turn)) {
        const detail = this.describeNovel(ctx.novel);
        const fd = this.adopt(detail, turn, ctx.text, coding, 'suggested');
        const parts = [this.yes()];
        if (this.band >= 2 && detail.lureId) parts.push(detail.text);
        return this.result(parts, [], turn, fd);
      }
      const correction = ctx.topic.filter((f) => this.remembered.has(f.id)).slice(0, 1);
      if (this.band >= 1 && correction.length > 0)
        return this.result([this.texts.child.no, this.joinFacts(correction)], correction, turn);
      return this.result([this.texts.child.no], [], turn);
    }
    const right = ctx.topic.filter((f) => this.remembered.has(f.id)).slice(0, 1);
    if (right.length > 0) {
      const elaborate = this.band >= 2 || this.dice.chance(0.5, 'elaborate', turn);
      return this.result(
        elaborate ? [this.yes(), this.joinFacts(right)] : [this.yes()],
        elaborate ? right : [],
        turn,
      );
    }
    // Nothing in memory to check it against: young children still tend to say yes.
    if (this.dice.chance(this.compliance() * 0.6, 'acquiesce', turn))
      return this.result([this.yes()], [], turn);
    return this.result([this.idk(turn)], [], turn);
  }

  forcedChoice(ctx: TurnContext): Omit<ChildReply, 'coding'> {
    const { turn, coding } = ctx;
    const separator = this.scenario.language === 'es' ? /\s+o\s+/ : /\s+or\s+/;
    const options = this.t
      .normalise(ctx.text)
      .split(separator)
      .map((part) => this.t.contentStems(part));
    const isTrue = (o: Array<{ stem: string }>) =>
      o.length > 0 && o.every((s) => this.memory.has(s.stem) || this.saidStems.has(s.stem));
    const trueOption = options.find(isTrue);
    const last = options[options.length - 1] ?? [];
    // Recency bias: a compliant child picks the last option offered.
    const picksLast = this.dice.chance(this.compliance(), 'recency', turn);
    const chosen = trueOption && !picksLast ? trueOption : picksLast ? last : undefined;
    if (!chosen) return this.result([this.texts.child.neither], [], turn);
    const novel = this.novelStems(chosen);
    if (novel.length === 0) {
      const facts = this.topicFacts(chosen)
        .filter((f) => this.remembered.has(f.id))
        .slice(0, 1);
      return this.result([facts.length > 0 ? this.joinFacts(facts) : this.yes()], facts, turn);
    }
    const detail = this.describeNovel(novel);
    const fd = this.adopt(detail, turn, ctx.text, coding, 'suggested');
    return this.result([this.adoptedSentence(detail)], [], turn, fd);
  }

  suggestive(ctx: TurnContext): Omit<ChildReply, 'coding'> {
    const { turn, coding } = ctx;
    if (ctx.novel.length > 0) {
      const weight = SUGGESTIVE_WEIGHT[coding.subtype] ?? 1;
      const p = Math.min(0.95, this.compliance() * weight * (1 + 0.6 * ctx.repetition));
      if (this.dice.chance(p, 'adopt', turn)) {
        const detail = this.describeNovel(ctx.novel);
        const fd = this.adopt(detail, turn, ctx.text, coding, 'suggested');
        return this.result([this.yes(), this.adoptedSentence(detail)], [], turn, fd);
      }
      const correction = ctx.topic.filter((f) => this.remembered.has(f.id)).slice(0, 1);
      if (this.band >= 1 && correction.length > 0)
        return this.result([this.texts.child.no, this.joinFacts(correction)], correction, turn);
      return this.result([this.band === 0 ? this.idk(turn) : this.texts.child.no], [], turn);
    }
    // Leading, but towards something true: the child agrees and says it.
    const right = ctx.topic.filter((f) => this.remembered.has(f.id)).slice(0, 1);
    if (right.length > 0) return this.result([this.yes(), this.joinFacts(right)], right, turn);
    if (this.reluctant(turn))
      return this.result([this.dice.pick(this.texts.child.reluctant, 'r', turn)], [], turn);
    return this.result([this.idk(turn)], [], turn);
  }
}

interface TurnContext {
  turn: number;
  text: string;
  coding: Classification;
  novel: Array<{ stem: string; word: string }>;
  repetition: number;
  topic: Fact[];
}

/** Words written with a capital inside a sentence (names), which must keep their capital. */
function properNouns(scenario: Scenario): Set<string> {
  const out = new Set<string>([scenario.alias]);
  for (const text of [...scenario.facts.map((f) => f.text), ...scenario.lures.map((l) => l.text)]) {
    const tokens = text.split(/\s+/);
    tokens.forEach((token, i) => {
      const word = token.replace(/[^\p{L}'-]/gu, '');
      if (i > 0 && /^\p{Lu}/u.test(word) && word !== 'I') out.add(word.replace(/'s$/, ''));
    });
  }
  for (const name of [...out]) out.add(`${name}'s`);
  return out;
}

/** Replays the interview: the child's answer to every turn, and what it said true and false. */
export function simulate(
  scenario: Scenario,
  seed: number,
  turns: readonly PracticeTurn[],
): Simulation {
  const child = new Child(scenario, seed);
  const replies = turns.map((turn, i) => child.reply(i, turn));
  return {
    replies,
    elicited: child.elicited,
    falseDetails: child.falseDetails,
    remembered: child.remembered,
    rapportDone: child.rapportTurns > 0,
    groundRulesDone: child.groundRules,
    reluctantAnswers: child.reluctantAnswers,
  };
}
