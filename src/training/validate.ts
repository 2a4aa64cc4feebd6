// Checks on a trainer-written scenario beyond its shape (the contract checks the shape): ids are
// unique, every fact and lure can be recognised, and a lure is really untrue (none of its words
// is part of what the child remembers). Messages name fields, never echo scenario text.
import { HearthError } from '../vault';
import { SCENARIO_LIMITS, type Scenario } from './types';
import { memoryStems, wordTools } from './words';

function invalid(message: string): HearthError {
  return new HearthError('INVALID_INPUT', `Invalid input. ${message}`);
}

export function validateScenario(s: Scenario): void {
  const bytes = Buffer.byteLength(JSON.stringify(s), 'utf8');
  if (bytes > SCENARIO_LIMITS.maxBytes)
    throw invalid(`scenario: at most ${SCENARIO_LIMITS.maxBytes / 1024} KiB of text.`);
  if (s.facts.length < SCENARIO_LIMITS.minFacts || s.facts.length > SCENARIO_LIMITS.maxFacts)
    throw invalid(
      `scenario.facts: between ${SCENARIO_LIMITS.minFacts} and ${SCENARIO_LIMITS.maxFacts} facts.`,
    );
  if (s.lures.length > SCENARIO_LIMITS.maxLures)
    throw invalid(`scenario.lures: at most ${SCENARIO_LIMITS.maxLures} lures.`);
  const ids = new Set<string>();
  for (const [field, items] of [
    ['facts', s.facts],
    ['lures', s.lures],
  ] as const) {
    items.forEach((item, i) => {
      if (ids.has(item.id)) throw invalid(`scenario.${field}.${i}.id: used more than once.`);
      ids.add(item.id);
    });
  }
  const t = wordTools(s.language);
  s.facts.forEach((f, i) => {
    if (t.stemsOf(f.keywords).size === 0)
      throw invalid(`scenario.facts.${i}.keywords: needs at least one content word.`);
  });
  const memory = memoryStems(s, t);
  s.lures.forEach((l, i) => {
    const stems = t.stemsOf(l.keywords);
    if (stems.size === 0)
      throw invalid(`scenario.lures.${i}.keywords: needs at least one content word.`);
    if ([...stems].some((stem) => memory.has(stem)))
      throw invalid(
        `scenario.lures.${i}.keywords: a lure's keywords must not appear in the child's facts or rapport talk.`,
      );
  });
}
