// The labelled sets built from published sources (tests/fixtures/questions/published): loader and
// scorer, shared by the accuracy test and `bench/questions-accuracy.ts`. Each line is
// { text, type, child?: string[], source }; `child` is what the child had said before the
// utterance (absent: the context is unknown).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  classifyQuestion,
  QUESTION_TYPES,
  type Language,
  type QuestionType,
} from '../../../src/questions';

export interface PublishedItem {
  text: string;
  type: QuestionType;
  child?: string[];
  source: string;
  /**
   * Where the wording comes from (heldout2; practitioner review 3, M6): 'quoted' = a protocol's
   * scripted line or a published example word for word; 'adapted' = following a published
   * template, script line or example closely, in Hearth's wording (every Spanish line of a quoted
   * English one is adapted); 'constructed' = written by the team to illustrate a published
   * category or definition.
   */
  provenance?: Provenance;
  /** heldout3: descriptive subtype (not scored). */
  subtype?: string;
  /** heldout3: the label issue #16 / Hearth's convention gives where it differs from NICHD. */
  issueLabel?: QuestionType;
  /** heldout3: the gold label is open to reasonable disagreement; report these apart. */
  ambiguous?: boolean;
  note?: string;
  /** heldout3: context pair id (same text, different child words, different label). */
  pair?: string;
}

export const PROVENANCES = ['quoted', 'adapted', 'constructed'] as const;
export type Provenance = (typeof PROVENANCES)[number];

/**
 * 'heldout2': the second held-out set (issue #16 outside review), built from published sources
 * before any further tuning and measured once at the end; it must not be used to tune the rules.
 */
/**
 * 'heldout3': the third held-out set (NICHD typology, provenance per line, context pairs), written
 * blind to the coach; see tests/fixtures/questions/published/HELDOUT3.md. 'heldout4': the fourth,
 * written blind in session 5 and scored once (HELDOUT4.md, "Blind run"). 'heldout5': the fifth,
 * written blind in session 6 (173 en / 177 es) and scored once (HELDOUT5.md, "Blind run").
 * 'heldout6': the sixth, written blind in session 7 by two writers (216 en / 214 es), scored once,
 * then split into a dev and a test half (HELDOUT6.md). 'heldout7': the seventh, written blind in
 * session 8 by two writers and coded again by two second coders (243 en / 240 es), scored once
 * (HELDOUT7.md, HELDOUT7-blind-run.txt).
 */
export type PublishedSplit =
  'tune' | 'heldout' | 'heldout2' | 'heldout3' | 'heldout4' | 'heldout5' | 'heldout6' | 'heldout7';

export function loadPublished(language: Language, split: PublishedSplit): PublishedItem[] {
  const file = join(
    __dirname,
    '..',
    '..',
    'fixtures',
    'questions',
    'published',
    `${language}.${split}.jsonl`,
  );
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim().length > 0)
    .map((l) => JSON.parse(l) as PublishedItem);
}

/** Top level: a cued invitation counts as an invitation. */
export const top = (t: QuestionType): QuestionType => (t === 'cued-invitation' ? 'invitation' : t);
export const TOP_TYPES = QUESTION_TYPES.filter((t) => t !== 'cued-invitation');

export interface Score {
  n: number;
  accuracy: number;
  /** Share of option-posing + suggestive items coded option-posing or suggestive (caught). */
  riskyRecall: number;
  /** Share of those, other than prompts a protocol itself asks for, that carry a warning. */
  riskyFlagged: number;
  /** Share of invitations + facilitators that are flagged (should be near 0). */
  openFlagged: number;
  /** confusion[expected][got], top-level types. */
  confusion: Record<string, Record<string, number>>;
  perClass: Record<string, { precision: number; recall: number; support: number }>;
  misses: Array<{ text: string; expected: QuestionType; got: string; recommended: boolean }>;
}

export function scorePublished(items: readonly PublishedItem[], language: Language): Score {
  const confusion: Record<string, Record<string, number>> = {};
  for (const a of TOP_TYPES) confusion[a] = Object.fromEntries(TOP_TYPES.map((b) => [b, 0]));
  let correct = 0;
  let risky = 0;
  let riskyCaught = 0;
  let riskyFlagged = 0;
  let riskyUnscripted = 0;
  let open = 0;
  let openFlagged = 0;
  const misses: Score['misses'] = [];
  for (const item of items) {
    const c = classifyQuestion(
      item.text,
      language,
      item.child ? { childWords: item.child } : undefined,
    );
    const expected = top(item.type);
    const got = top(c.type);
    const row = confusion[expected];
    if (row) row[got] = (row[got] ?? 0) + 1;
    if (expected === got) correct++;
    else
      misses.push({
        text: item.text,
        expected: item.type,
        got: c.type,
        recommended: c.recommended,
      });
    if (expected === 'option-posing' || expected === 'suggestive') {
      risky++;
      if (got === 'option-posing' || got === 'suggestive') riskyCaught++;
      if (c.subtype !== 'protocol') {
        riskyUnscripted++;
        if (!c.recommended) riskyFlagged++;
      }
    }
    if (expected === 'invitation' || expected === 'facilitator') {
      open++;
      if (!c.recommended) openFlagged++;
    }
  }
  const perClass: Score['perClass'] = {};
  for (const t of TOP_TYPES) {
    const tp = confusion[t]?.[t] ?? 0;
    const support = Object.values(confusion[t] ?? {}).reduce((a, b) => a + b, 0);
    const predicted = TOP_TYPES.reduce((a, e) => a + (confusion[e]?.[t] ?? 0), 0);
    perClass[t] = {
      precision: predicted > 0 ? tp / predicted : 1,
      recall: support > 0 ? tp / support : 1,
      support,
    };
  }
  return {
    n: items.length,
    accuracy: items.length > 0 ? correct / items.length : 0,
    riskyRecall: risky > 0 ? riskyCaught / risky : 1,
    riskyFlagged: riskyUnscripted > 0 ? riskyFlagged / riskyUnscripted : 1,
    openFlagged: open > 0 ? openFlagged / open : 0,
    confusion,
    perClass,
    misses,
  };
}
