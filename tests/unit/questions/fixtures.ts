// Loads the labelled utterance sets of tests/fixtures/questions (JSONL: { text, type }).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Language, QuestionType } from '../../../src/questions';

export interface Labelled {
  text: string;
  type: QuestionType;
  subtype?: string;
}

export const SPLITS = ['tuned', 'dev', 'heldout'] as const;
export type Split = (typeof SPLITS)[number];

export function loadSet(language: Language, split: Split): Labelled[] {
  const file = join(__dirname, '..', '..', 'fixtures', 'questions', `${language}.${split}.jsonl`);
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim().length > 0)
    .map((l) => JSON.parse(l) as Labelled);
}

/** Top level: a cued invitation counts as an invitation. */
export const topLevel = (t: QuestionType): QuestionType =>
  t === 'cued-invitation' ? 'invitation' : t;
