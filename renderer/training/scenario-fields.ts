// The scenario form's state (plain strings, so nothing typed is ever reshaped or lost) and its
// conversion to the contract's scenario, plus zod issues turned into plain-language lines.
import type { TFunction } from 'i18next';
import type { z } from 'zod';
import type { FullScenario, TrainingLanguage } from './types';

export const CATEGORIES = ['who', 'what', 'where', 'when', 'object', 'sequence'] as const;
export const CENTRALITIES = ['central', 'peripheral'] as const;

export interface FactRow {
  id: string;
  category: (typeof CATEGORIES)[number];
  centrality: (typeof CENTRALITIES)[number];
  text: string;
  keywords: string;
  /** Peripheral facts: how the child may tell it differently in a later session (optional). */
  retold: string;
}
export interface LureRow {
  id: string;
  text: string;
  keywords: string;
}
export interface FormState {
  language: TrainingLanguage;
  title: string;
  summary: string;
  ageYears: string;
  alias: string;
  personality: 'talkative' | 'reluctant';
  rapport: string;
  /** 'event' (something happened) or 'nothing-happened' (only suggestion makes an allegation). */
  outcome: 'event' | 'nothing-happened';
  /** Starting reluctance 0..1 as typed; empty: from the personality. */
  reluctance: string;
  /** The practice event for narrative practice (kind and importance kept as loaded). */
  practice: FactRow[];
  facts: FactRow[];
  lures: LureRow[];
}

export const emptyFact = (): FactRow => ({
  id: '',
  category: 'what',
  centrality: 'central',
  text: '',
  keywords: '',
  retold: '',
});
export const emptyLure = (): LureRow => ({ id: '', text: '', keywords: '' });

export function emptyForm(language: TrainingLanguage): FormState {
  return {
    language,
    title: '',
    summary: '',
    ageYears: '8',
    alias: '',
    personality: 'talkative',
    rapport: '',
    outcome: 'event',
    reluctance: '',
    practice: [],
    facts: [emptyFact(), emptyFact(), emptyFact()],
    lures: [emptyLure()],
  };
}

export function formFrom(s: FullScenario): FormState {
  return {
    language: s.language,
    title: s.title,
    summary: s.summary,
    ageYears: String(s.ageYears),
    alias: s.alias,
    personality: s.personality,
    rapport: s.rapport.join('\n'),
    outcome: s.outcome ?? 'event',
    reluctance: s.reluctance === undefined ? '' : String(s.reluctance),
    practice: (s.practiceEvent ?? []).map(factRow),
    facts: s.facts.map(factRow),
    lures: s.lures.map((l) => ({ ...l, keywords: l.keywords.join(', ') })),
  };
}

function factRow(f: FullScenario['facts'][number]): FactRow {
  return { ...f, keywords: f.keywords.join(', '), retold: f.retold ?? '' };
}

const list = (text: string) =>
  text
    .split(',')
    .map((k) => k.trim())
    .filter((k) => k !== '');

/** The payload for training.saveScenario. Empty ids get stable ones from their position. */
export function scenarioFrom(form: FormState, scenarioId: string | undefined) {
  const age = form.ageYears.trim() === '' ? Number.NaN : Number(form.ageYears);
  const summary = form.summary.trim();
  const rapport = form.rapport
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '');
  return {
    ...(scenarioId ? { scenarioId } : {}),
    language: form.language,
    title: form.title,
    ...(summary ? { summary } : {}),
    ageYears: age,
    alias: form.alias,
    personality: form.personality,
    ...(rapport.length > 0 ? { rapport } : {}),
    outcome: form.outcome,
    // Typed as text so nothing is reshaped; a non-number is left for the contract to name.
    ...(form.reluctance.trim() !== '' ? { reluctance: Number(form.reluctance.trim()) } : {}),
    ...(form.practice.length > 0
      ? { practiceEvent: form.practice.map((f, i) => factFrom(f, `practice-${i + 1}`)) }
      : {}),
    facts: form.facts.map((f, i) => factFrom(f, `fact-${i + 1}`)),
    lures: form.lures.map((l, i) => ({
      id: l.id || `lure-${i + 1}`,
      text: l.text,
      keywords: list(l.keywords),
    })),
  };
}

function factFrom(f: FactRow, fallbackId: string) {
  const retold = f.retold.trim();
  return {
    id: f.id || fallbackId,
    category: f.category,
    centrality: f.centrality,
    text: f.text,
    keywords: list(f.keywords),
    ...(retold !== '' ? { retold } : {}),
  };
}

/** One problem on the scenario form: its plain-language line and the form control it is about. */
export interface FormProblem {
  text: string;
  /** The id of the control to focus; absent when no single control holds the problem. */
  fieldId?: string;
}

// Form control ids (scenario-form.tsx) for top-level fields and for each row's parts.
const TOP_FIELD_IDS: Record<string, string> = {
  language: 'sc-language',
  title: 'sc-title',
  ageYears: 'sc-age',
  alias: 'sc-alias',
  personality: 'sc-personality',
  reluctance: 'sc-reluctance',
  outcome: 'sc-outcome',
  summary: 'sc-summary',
  rapport: 'sc-rapport',
};
const ROW_PREFIX: Record<string, string> = {
  facts: 'fact',
  lures: 'lure',
  practiceEvent: 'practice',
};
const PART_SUFFIX: Record<string, string> = {
  text: 'text',
  keywords: 'kw',
  category: 'cat',
  centrality: 'cen',
  retold: 'retold',
};

/** The id of the control an issue path points at, or undefined (a whole list, say). */
function fieldIdFor(
  top?: PropertyKey,
  index?: PropertyKey,
  part?: PropertyKey,
): string | undefined {
  if (typeof top !== 'string') return undefined;
  if (typeof index !== 'number') return TOP_FIELD_IDS[top];
  const prefix = ROW_PREFIX[top];
  const suffix = PART_SUFFIX[typeof part === 'string' ? part : 'text'];
  return prefix && suffix ? `${prefix}-${suffix}-${index + 1}` : undefined;
}

/**
 * One plain-language line per problem, in the UI language (the core's text is for logs), each
 * with the id of the control to fix it in; repeated lines are merged.
 */
export function describeIssues(t: TFunction, issues: readonly z.core.$ZodIssue[]): FormProblem[] {
  const out = issues.map((issue): FormProblem => {
    const path = issue.path[0] === 'scenario' ? issue.path.slice(1) : issue.path;
    const [top, index, part] = path;
    const fieldId = fieldIdFor(top, index, part);
    const fieldName = t(`form.fields.${String(top)}`);
    // "Fact 2, the words" reads better than a path; the item is named as on the form.
    const itemName =
      typeof index !== 'number'
        ? fieldName
        : top === 'facts'
          ? t('form.fact', { n: index + 1 })
          : top === 'lures'
            ? t('form.lure', { n: index + 1 })
            : top === 'practiceEvent'
              ? t('form.practiceFact', { n: index + 1 })
              : `${fieldName} ${index + 1}`;
    const field =
      typeof index === 'number' && part !== undefined
        ? t('form.item', { item: itemName, part: t(`form.fields.${String(part)}`) })
        : itemName;
    const line = (text: string): FormProblem => (fieldId ? { text, fieldId } : { text });
    if (top === 'ageYears') return line(t('form.issues.number', { field }));
    if (top === 'reluctance') return line(t('form.issues.reluctance', { field }));
    const i = issue as { code: string; origin?: string; minimum?: unknown; maximum?: unknown };
    if (i.code === 'too_small' && i.origin === 'array') {
      // An empty list asks for its first item in words ("add at least one keyword"), not a count.
      if (part === 'keywords' && Number(i.minimum) === 1)
        return line(t('form.issues.keywordsNone', { item: itemName }));
      return line(
        Number(i.minimum) === 1
          ? t('form.issues.atLeastOne', { field })
          : t('form.issues.tooFew', { field, min: Number(i.minimum) }),
      );
    }
    if (i.code === 'too_small') return line(t('form.issues.required', { field }));
    if (i.code === 'too_big')
      return line(
        i.origin === 'array'
          ? t('form.issues.tooMany', { field, max: Number(i.maximum) })
          : t('form.issues.tooLong', { field, max: Number(i.maximum) }),
      );
    return line(t('form.issues.invalid', { field }));
  });
  const seen = new Set<string>();
  return out.filter((p) => !seen.has(p.text) && Boolean(seen.add(p.text)));
}
