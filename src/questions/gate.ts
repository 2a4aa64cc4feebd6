// A cheap pre-check in front of the coach's costliest unanchored patterns (issue #16: "Throughput
// stays >= 50,000 utterances/s with context"). The co-witness, pressure, procedure and label lists
// are tried at every position of every utterance, yet most utterances match none of them. From a
// pattern's source this module derives literals of which every match must contain at least one
// ("told ", "better", "dumb", "stupid" ...), joined into one small pattern of plain words; when the
// text holds none of them the big pattern cannot match and is not run. The answer is the big
// pattern's answer in every case: a match needs one of the literals, so a text without any has no
// match, and a text with one is handed to the big pattern unchanged. Hearth's own code.

import { parsePattern, type Seq } from './pattern-parse';
import { possibleGates, wordGateId, wordGateIsTight } from './word-gate';

/**
 * Literals one of which every match of the alternation contains, or undefined when some branch
 * can match without any literal this analysis can see.
 */
function necessary(alt: readonly Seq[]): string[] | undefined {
  const out = new Set<string>();
  for (const seq of alt) {
    const best = necessaryInSequence(seq);
    if (!best) return undefined;
    for (const l of best) out.add(l);
  }
  return [...out];
}

/** The best candidate set of one branch: a literal run, or a mandatory group's own set. */
function necessaryInSequence(seq: Seq): string[] | undefined {
  const candidates: string[][] = [];
  let run = '';
  const flush = (): void => {
    if (run.length > 0) candidates.push([run]);
    run = '';
  };
  for (const atom of seq) {
    if (atom.kind === 'char' && atom.min === 1) {
      run += atom.char;
      continue;
    }
    // An assertion (\b, ^, $) consumes nothing: the run goes on across it. An optional class
    // ("\s?") is not one: it may consume, so it ends the run.
    if (atom.kind === 'other' && atom.assertion) continue;
    flush();
    if (atom.kind === 'char' && atom.min > 0) candidates.push([atom.char]);
    if (atom.kind === 'group' && atom.min > 0 && !atom.lookaround) {
      const inner = necessary(atom.alt);
      if (inner) candidates.push(inner);
    }
  }
  flush();
  let best: string[] | undefined;
  for (const c of candidates) if (!best || score(c) > score(best)) best = c;
  return best;
}

/** Longest shortest literal first (a short literal rarely rules a text out), then fewer. */
function score(set: readonly string[]): number {
  return Math.min(...set.map((l) => l.length)) * 1000 - set.length;
}

/** A gate whose shortest literal is shorter than this rules out too little to be worth it. */
const MIN_LITERAL = 3;

/**
 * The literals of `pattern` one of which every match contains, or undefined when no useful set
 * exists: a case-insensitive or multiline pattern, a pattern anchored at the start (tried at one
 * position only: cheap already), a branch with no literal, a shortest literal under MIN_LITERAL
 * characters, or a source this parser does not read.
 */
export function requiredLiterals(pattern: RegExp): readonly string[] | undefined {
  const alt = parsePattern(pattern);
  if (!alt) return undefined;
  if (alt.every((seq) => anchoredAtStart(seq))) return undefined;
  const set = necessary(alt);
  if (!set || set.length === 0) return undefined;
  if (Math.min(...set.map((l) => l.length)) < MIN_LITERAL) return undefined;
  return set;
}

function anchoredAtStart(seq: Seq): boolean {
  const first = seq[0];
  if (!first) return false;
  if (first.kind === 'other') return first.caret === true;
  if (first.kind === 'group' && !first.lookaround && first.min > 0)
    return first.alt.every((inner) => anchoredAtStart(inner));
  return false;
}

const gates = new WeakMap<RegExp, RegExp | null>();

/**
 * One pattern matching exactly the given literals, written as a trie ("t(?:old |ook)|s(?:aid |aw)")
 * rather than a flat alternation: the engine then decides at each position on the first character
 * instead of trying every literal there. It matches the same strings as `a|b|c...`, so the gate's
 * yes or no is unchanged; only its cost falls (a flat list of 40-90 literals cost about as much as
 * the pattern it guards).
 */
export function trieSource(literals: readonly string[]): string {
  const root = new Map<string, unknown>();
  for (const literal of literals) {
    let node = root;
    for (let i = 0; i < literal.length; i++) {
      const ch = literal[i] ?? '';
      let next = node.get(ch) as Map<string, unknown> | undefined;
      if (!next) node.set(ch, (next = new Map<string, unknown>()));
      node = next;
    }
    node.set('', true); // a literal ends here
  }
  return branchesOf(root);
}

function branchesOf(node: Map<string, unknown>): string {
  const out: string[] = [];
  let ends = false;
  for (const [ch, next] of node) {
    if (ch === '') ends = true;
    else {
      const rest = branchesOf(next as Map<string, unknown>);
      const head = ch.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
      out.push(rest === '' ? head : `${head}${rest}`);
    }
  }
  // A literal ends here: anything longer is optional (a match of the shorter one is enough).
  if (ends) return '';
  if (out.length === 1) return out[0] ?? '';
  return `(?:${out.join('|')})`;
}

function gateOf(pattern: RegExp): RegExp | null {
  let gate = gates.get(pattern);
  if (gate === undefined) {
    const literals = requiredLiterals(pattern);
    gate = literals ? new RegExp(trieSource(literals)) : null;
    gates.set(pattern, gate);
  }
  return gate;
}

/** What execGated checks before running a pattern, worked out once per pattern. */
interface Plan {
  /** The pattern's word gate (word-gate.ts), or -1 when it has none. */
  word: number;
  /** The literal pre-check to run after it, or null when none is needed or useful. */
  literal: RegExp | null;
}
const plans = new WeakMap<RegExp, Plan>();

/** The plan of `pattern`: one WeakMap look-up per call instead of three (speed30). */
function planOf(pattern: RegExp): Plan {
  let plan = plans.get(pattern);
  if (plan === undefined) {
    const word = wordGateId(pattern);
    // Where the word gate anchors on a very common word, the literal one runs on what it passes.
    const literal = word >= 0 && wordGateIsTight(pattern) ? null : gateOf(pattern);
    plan = { word, literal };
    plans.set(pattern, plan);
  }
  return plan;
}

/**
 * `pattern.exec(text)`, with the literal pre-check of `pattern` first: the same result (and the
 * same lastIndex after a miss of a global pattern), without running the pattern on a text that
 * lacks every literal a match needs.
 */
export function execGated(pattern: RegExp, text: string): RegExpExecArray | null {
  // The whole-word pre-check first where the pattern has one (word-gate.ts: Set lookups on the
  // utterance's words, split once for all patterns), then the literal one.
  const plan = planOf(pattern);
  if (
    (plan.word >= 0 && possibleGates(text)[plan.word] !== 1) ||
    (plan.literal !== null && !plan.literal.test(text))
  ) {
    if (pattern.global || pattern.sticky) pattern.lastIndex = 0;
    return null;
  }
  return pattern.exec(text);
}

/** `pattern.test(text)` with the same pre-check (see execGated). */
export function testGated(pattern: RegExp, text: string): boolean {
  return execGated(pattern, text) !== null;
}
