// A whole-word pre-check for the coach's unanchored patterns, tighter and cheaper than gate.ts's
// literal one (issue #16: "Throughput stays >= 50,000 utterances/s"). The literal pre-check lets
// 50-73% of the lines through the co-witness and pressure lists (their branches share literals
// like " you" or " que "), though 2-3% match. Here each branch of a pattern is read for the whole
// words every match of that branch must contain ("until"; one of "tell", "say", "talk"), ALL of
// them, not just one; an utterance is split into words once (shared by every pattern, rule after
// rule) and a branch is possible only when each of its word sets meets a word of the utterance.
// Set lookups replace a regular-expression pass.
//
// Why the answer never changes: a "word" is a maximal run of \w characters ([A-Za-z0-9_]), the
// same unit the patterns' \b sees. A literal run counts as a whole word only where the pattern
// itself forces a non-word character (or the text's edge) on both sides: \b, ^, $, a space or
// other non-word character, \s or \W, through optional parts and groups. Such a run is then a
// word of any text the branch matches, so a text lacking it has no match of that branch, and a
// text lacking every branch has no match at all. Where this cannot be shown for some branch, the
// pattern gets no word gate (gate.ts's literal one applies). Hearth's own code.
import { parsePattern, type Atom, type Seq } from './pattern-parse';

/** One word of the set must be in the text. A branch needs every one of its sets. */
type WordSet = readonly string[];

interface WordGate {
  /** Its number among the gates built. */
  id: number;
  /** Per top-level branch: the word sets it needs. */
  branches: ReadonlyArray<readonly WordSet[]>;
  /** Every branch needs some set of less common words (see COMMON). */
  tight: boolean;
}

const WORD_CHAR = /^\w$/;
const isWord = (c: string): boolean => WORD_CHAR.test(c);

// Words too common to anchor on when a rarer set exists (they still count in the conjunction).
const COMMON = new Set(
  (
    'a an the to of in on at and or is was were be you your i me my he she it they we him her ' +
    'that this what did do does not no so if can will there have has had ' +
    'de que el la los las lo le les se te tu mi me y o en a un una por para con no es'
  ).split(' '),
);

/** Higher is rarer: longer words, fewer of them, none of the most common ones. */
function score(set: WordSet): number {
  const common = set.some((w) => COMMON.has(w)) ? 0 : 1;
  return common * 1e6 + Math.min(...set.map((w) => w.length)) * 1000 - set.length;
}

function best(sets: readonly WordSet[]): WordSet | undefined {
  let out: WordSet | undefined;
  for (const s of sets) if (!out || score(s) > score(out)) out = s;
  return out;
}

/**
 * Whatever is consumed from atom `i` of `seq` on starts with a non-word character or the end of
 * the text. `after`: the same of what follows `seq`. Asked only right after a word character, so
 * \b there means a non-word character (or the end) comes next.
 */
function startsNonWord(seq: Seq, i: number, after: boolean): boolean {
  const atom = seq[i];
  if (!atom) return after;
  if (atom.kind === 'char') {
    const own = !isWord(atom.char);
    return atom.min === 0 ? own && startsNonWord(seq, i + 1, after) : own;
  }
  if (atom.kind === 'group') {
    if (atom.lookaround) return startsNonWord(seq, i + 1, after);
    const rest = startsNonWord(seq, i + 1, after);
    // A repeated group may be followed by itself: its own start must then do (`rest` and it).
    const next = atom.min === 2 ? false : rest;
    const own = atom.alt.every((branch) => startsNonWord(branch, 0, next));
    return atom.min === 0 ? own && rest : own;
  }
  if (atom.assertion) {
    if (atom.boundary === 'b' || atom.boundary === '$' || atom.caret) return true;
    if (atom.boundary === 'B') return false;
    return startsNonWord(seq, i + 1, after);
  }
  if (atom.nonWord) return atom.min === 0 ? startsNonWord(seq, i + 1, after) : true;
  return false;
}

/** More spellings than this in one stretch ("pictures?", "(tell|say)s?") and it is not used. */
const MAX_SPELLINGS = 64;

/**
 * Every string `atom` can consume when that is a short finite set of word characters only ("s?",
 * "(tell|say|talk)", "(x-?)" is not: "-" is no word character); undefined otherwise.
 */
function spellings(atom: Atom): string[] | undefined {
  if (atom.kind === 'char') {
    if (!isWord(atom.char) || atom.min === 2) return undefined;
    return atom.min === 0 ? ['', atom.char] : [atom.char];
  }
  if (atom.kind !== 'group' || atom.lookaround || atom.min === 2) return undefined;
  const out = new Set<string>(atom.min === 0 ? [''] : []);
  for (const branch of atom.alt) {
    const own = spellingsOf(branch);
    if (!own) return undefined;
    for (const w of own) out.add(w);
    if (out.size > MAX_SPELLINGS) return undefined;
  }
  return [...out];
}

function spellingsOf(seq: Seq): string[] | undefined {
  let out = [''];
  for (const atom of seq) {
    const own = spellings(atom);
    if (!own) return undefined;
    out = out.flatMap((a) => own.map((b) => a + b));
    if (out.length > MAX_SPELLINGS) return undefined;
  }
  return out;
}

/**
 * The word sets every match of `seq` needs, and the boundary state after it. `before`: if the
 * next consumed character is a word character, the one before it is not (or it is the start).
 * A stretch of atoms that spell a short finite set of words ("pictures?", "(tell|say|talk)")
 * between forced boundaries is a set of whole words, one of which the text must hold.
 */
function analyse(seq: Seq, before: boolean, after: boolean): { sets: WordSet[]; out: boolean } {
  const sets: WordSet[] = [];
  let b = before;
  let stretch: string[] | undefined; // the spellings of the current word stretch, if in one
  let stretchStart = false;
  const flush = (i: number): void => {
    if (stretch && stretchStart && !stretch.includes('') && startsNonWord(seq, i, after))
      sets.push([...new Set(stretch)]);
    stretch = undefined;
  };
  for (let i = 0; i < seq.length; i++) {
    const atom = seq[i] as Atom;
    const own = spellings(atom);
    if (own && (stretch ?? ['']).length * own.length <= MAX_SPELLINGS) {
      if (!stretch) {
        stretch = [''];
        stretchStart = b;
      }
      const prev: string[] = stretch;
      stretch = prev.flatMap((a) => own.map((w) => a + w));
      // After word characters nothing is claimed (the stretch may also have been empty).
      b = false;
      continue;
    }
    flush(i);
    if (atom.kind === 'char') {
      // Present (min 1 or repeated), a non-word character sets the state; optional, it may not.
      if (isWord(atom.char)) b = false;
      else if (atom.min > 0) b = true;
    } else if (atom.kind === 'group') {
      if (atom.lookaround) continue; // consumes nothing: the state holds
      const rest = startsNonWord(seq, i + 1, after);
      // A repeated group's later rounds follow a round of itself: assume nothing there.
      const inner = atom.alt.map((branch) =>
        analyse(branch, atom.min === 2 ? false : b, atom.min === 2 ? false : rest),
      );
      const out = inner.every((r) => r.out);
      if (atom.min > 0) {
        if (inner.length === 1) sets.push(...(inner[0]?.sets ?? []));
        else if (inner.every((r) => r.sets.length > 0)) {
          const union = new Set<string>();
          for (const r of inner) for (const w of best(r.sets) ?? []) union.add(w);
          sets.push([...union]);
        }
      }
      b = atom.min === 0 ? b && out : out;
    } else if (atom.assertion) {
      if (atom.boundary === 'b' || atom.caret) b = true;
      else if (atom.boundary === 'B') b = false;
    } else if (atom.nonWord) {
      if (atom.min > 0) b = true;
    } else b = false;
  }
  flush(seq.length);
  return { sets, out: b };
}

/** The word sets of each top-level branch of `pattern`, or undefined when some branch has none. */
export function requiredWords(pattern: RegExp): ReadonlyArray<readonly WordSet[]> | undefined {
  const alt = parsePattern(pattern);
  if (!alt) return undefined;
  const branches = alt.map((seq) => analyse(seq, false, false).sets);
  if (branches.some((sets) => sets.length === 0)) return undefined;
  return branches;
}

const gates = new WeakMap<RegExp, WordGate | null>();

// Every built gate's branches, numbered, read together in one pass over an utterance's words:
// a word marks the sets (bits) it meets in every branch, and a branch whose bits are all set
// makes its gate possible. Typed arrays and flat lists: this runs on every utterance.
/** The gate of each branch, by branch number. */
const branchGate: number[] = [];
/** The bits a branch needs (one per word set; at most 30 sets are read, fewer only loosen it). */
const fullMask: number[] = [];
/** Word -> flat [branch, bit, branch, bit, ...] of the sets that hold it. */
const wordBits = new Map<string, number[]>();
let gateCount = 0;
/** Bumped when a gate is built, so texts already read are read again with it. */
let version = 0;
const MAX_SETS = 30;

function wordGateOf(pattern: RegExp): WordGate | null {
  let gate = gates.get(pattern);
  if (gate === undefined) {
    const branches = requiredWords(pattern);
    if (branches) {
      const built: WordGate = {
        id: gateCount++,
        branches,
        // A branch all of whose sets hold a very common word ("it", "your") lets many lines
        // through: the literal pre-check then runs after this one (gate.ts).
        tight: branches.every((sets) => sets.some((set) => !set.some((w) => COMMON.has(w)))),
      };
      for (const sets of branches) {
        const branch = branchGate.length;
        branchGate.push(built.id);
        const used = sets.slice(0, MAX_SETS);
        fullMask.push(used.length === 31 ? -1 : (1 << used.length) - 1);
        used.forEach((set, bit) => {
          for (const w of new Set(set)) {
            const list = wordBits.get(w);
            if (list) list.push(branch, 1 << bit);
            else wordBits.set(w, [branch, 1 << bit]);
          }
        });
      }
      version++;
      gate = built;
    } else gate = null;
    gates.set(pattern, gate);
  }
  return gate;
}

/** The number of `pattern`'s word gate (an index into possibleGates' answer), or -1 when none. */
export function wordGateId(pattern: RegExp): number {
  return wordGateOf(pattern)?.id ?? -1;
}

/** Whether `pattern` has a word gate (for tests and the bench). */
export function hasWordGate(pattern: RegExp): boolean {
  return wordGateOf(pattern) !== null;
}

/** Whether `pattern`'s word gate needs no literal pre-check after it (see `tight`). */
export function wordGateIsTight(pattern: RegExp): boolean {
  return wordGateOf(pattern)?.tight === true;
}

/**
 * false when `pattern` cannot match `text` (some whole word every match needs is missing);
 * undefined when the pattern has no word gate. true means only "may match".
 */
export function wordGatePasses(pattern: RegExp, text: string): boolean | undefined {
  const gate = wordGateOf(pattern);
  if (!gate) return undefined;
  return possibleGates(text)[gate.id] === 1;
}

interface TextGates {
  text: string;
  version: number;
  /** By gate id: 1 when one of its branches has every word set met by a word of the text. */
  possible: Uint8Array;
}

const SPLIT = /[^A-Za-z0-9_]+/;
const RECENT = 4;
const recent: Array<TextGates | undefined> = new Array<undefined>(RECENT).fill(undefined);
let next = 0;
let marks = new Int32Array(0);
let touched = new Int32Array(0);

/**
 * The gates `text` may pass, read in one pass over its \w words, and shared by every gated
 * pattern tried on the same text (the rules try some 15 on each utterance in turn). The last few
 * texts are kept.
 */
export function possibleGates(text: string): Uint8Array {
  for (let i = 0; i < RECENT; i++) {
    const hit = recent[i];
    if (hit && hit.text === text && hit.version === version) return hit.possible;
  }
  if (marks.length < fullMask.length) {
    marks = new Int32Array(fullMask.length * 2);
    touched = new Int32Array(fullMask.length * 2);
  }
  // The branches marked, listed once each (a reused buffer: no allocation per text).
  let count = 0;
  const words = text.split(SPLIT);
  for (let i = 0; i < words.length; i++) {
    const list = wordBits.get(words[i] ?? '');
    if (!list) continue;
    for (let j = 0; j < list.length; j += 2) {
      const branch = list[j] ?? 0;
      if (marks[branch] === 0) touched[count++] = branch;
      marks[branch] = (marks[branch] ?? 0) | (list[j + 1] ?? 0);
    }
  }
  const possible = new Uint8Array(gateCount);
  for (let k = 0; k < count; k++) {
    const branch = touched[k] ?? 0;
    if (marks[branch] === fullMask[branch]) possible[branchGate[branch] ?? 0] = 1;
    marks[branch] = 0;
  }
  recent[next] = { text, version, possible };
  next = (next + 1) % RECENT;
  return possible;
}
