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
  const practice = s.practiceEvent ?? [];
  if (practice.length > SCENARIO_LIMITS.maxPracticeFacts)
    throw invalid(`scenario.practiceEvent: at most ${SCENARIO_LIMITS.maxPracticeFacts} facts.`);
  const practiceIds = new Set<string>();
  practice.forEach((f, i) => {
    if (practiceIds.has(f.id))
      throw invalid(`scenario.practiceEvent.${i}.id: used more than once.`);
    practiceIds.add(f.id);
  });
  s.facts.forEach((f, i) => {
    if (f.retold === undefined) return;
    if (f.centrality !== 'peripheral')
      throw invalid(
        `scenario.facts.${i}.retold: only a peripheral fact may be told differently in a later session (a central fact that changes is not a harmless inconsistency). Clear the field or mark the fact peripheral.`,
      );
    if (f.retold.trim() === f.text.trim())
      throw invalid(
        `scenario.facts.${i}.retold: the same as the fact's text. Write how the detail differs, or clear the field.`,
      );
  });
  practice.forEach((f, i) => {
    if (f.retold !== undefined)
      throw invalid(
        `scenario.practiceEvent.${i}.retold: used only for the event's facts. Clear the field.`,
      );
    if (f.brief !== undefined)
      throw invalid(
        `scenario.practiceEvent.${i}.brief: used only for the event's facts. Clear the field.`,
      );
  });
  if (s.reluctance !== undefined && !(s.reluctance >= 0 && s.reluctance <= 1))
    throw invalid('scenario.reluctance: between 0 and 1.');
  const t = wordTools(s.language);
  for (const [field, facts] of [
    ['facts', s.facts],
    ['practiceEvent', practice],
  ] as const)
    facts.forEach((f, i) => {
      if (t.stemsOf(f.keywords).size === 0)
        throw invalid(`scenario.${field}.${i}.keywords: needs at least one content word.`);
    });
  // A brief telling says less of the same fact: every content word of it is the fact's own, so
  // the shorter telling can bring no detail the fact does not hold (train31).
  s.facts.forEach((f, i) => {
    if (f.brief === undefined) return;
    if (f.brief.trim() === f.text.trim())
      throw invalid(
        `scenario.facts.${i}.brief: the same as the fact's text. Write a shorter telling, or clear the field.`,
      );
    const own = t.stemsOf([f.text]);
    if ([...t.stemsOf([f.brief])].some((stem) => !own.has(stem)))
      throw invalid(
        `scenario.facts.${i}.brief: uses a word the fact's text does not. Use only the fact's own words, or clear the field.`,
      );
  });
  const memory = memoryStems(s, t);
  s.lures.forEach((l, i) => {
    const stems = t.stemsOf(l.keywords);
    if (stems.size === 0)
      throw invalid(`scenario.lures.${i}.keywords: needs at least one content word.`);
    if ([...stems].some((stem) => memory.has(stem)))
      throw invalid(
        `scenario.lures.${i}.keywords: a lure's keywords must not appear in the child's facts, their other true words ("also called") or rapport talk.`,
      );
  });
}
