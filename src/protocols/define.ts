// Small builders that keep protocol definitions declarative: each returns plain data whose
// keys point into locales/<lang>/protocols.json.
import { BAND_PROFILES } from './age-bands';
import { hearth, type SourceRef } from './sources';
import {
  AGE_BANDS,
  type AgeBand,
  type ChecklistDefinition,
  type GroundRuleId,
  type PhaseDefinition,
  type PromptDefinition,
  type PromptKind,
} from './types';

export const OLDER_THAN_5: readonly AgeBand[] = ['6-9', '10-13', '14-17'];

/** A prompt: its catalog key is `prompts.<id>`; `source` is required (no inherited citations). */
export function prompt(
  id: string,
  kind: PromptKind,
  source: SourceRef,
  extra: Partial<Omit<PromptDefinition, 'id' | 'kind' | 'source'>> = {},
): PromptDefinition {
  return { id, key: `prompts.${id}`, kind, source, ...extra };
}

export function check(
  id: string,
  extra: Partial<Omit<ChecklistDefinition, 'id'>> = {},
): ChecklistDefinition {
  return { id, key: `checklist.${id}`, required: true, ...extra };
}

export type PhaseSpec = Omit<PhaseDefinition, 'id' | 'titleKey' | 'goalKey' | 'warningKeys'> & {
  warnings?: readonly string[];
};

export function phase(protocolId: string, id: string, spec: PhaseSpec): PhaseDefinition {
  const { warnings = [], ...rest } = spec;
  return {
    id,
    titleKey: `protocols.${protocolId}.phases.${id}.title`,
    goalKey: `protocols.${protocolId}.phases.${id}.goal`,
    warningKeys: warnings.map((w) => `phaseWarnings.${w}`),
    ...rest,
  };
}

const RULE_KEY: Record<GroundRuleId, string> = {
  'dont-know': 'dontKnow',
  'dont-understand': 'dontUnderstand',
  'correct-me': 'correctMe',
  'not-there': 'notThere',
  'repeated-question': 'repeatedQuestion',
  truth: 'truth',
};

/** The bands whose profile gives `rule` in `mode` (age-bands.ts BAND_PROFILES). */
export function bandsWhere(rule: GroundRuleId, mode: 'practise' | 'explain'): AgeBand[] {
  return AGE_BANDS.filter((band) =>
    BAND_PROFILES[band].groundRules.some((r) => r.id === rule && r.mode === mode),
  );
}

/**
 * "…or if you don't understand [the interpreter]'s words": the "I don't understand" rule in an
 * interpreted interview also covers the interpreter (practitioner review 26p, 3d). No protocol
 * scripts it: Hearth's, after Fontes & Tishelman 2016 and the CIR guide's ground rules for
 * interpreters (1st ed., ch. 5, known from its abstract).
 */
const DONT_UNDERSTAND_INTERPRETER = hearth(
  'The \u201cI don\u2019t understand\u201d rule extended to the interpreter\u2019s words',
  ['fontes-2016', 'cir-2004'],
);

/**
 * The instruction for each rule, plus a practice item for the bands that practise it. The band
 * profile decides the mode, so the wording and the checklist always agree with it.
 */
export function groundRulePrompts(
  rules: readonly GroundRuleId[],
  source: (rule: GroundRuleId) => SourceRef,
): PromptDefinition[] {
  return rules.flatMap((rule) => {
    const name = RULE_KEY[rule];
    const practise = bandsWhere(rule, 'practise');
    // The truth rule asks a question on purpose: the promise ("Do you promise to tell me the
    // truth?") and the true/not-true practice (NICHD 2014, ground rules; Lyon & Dorado 2008).
    const asked = rule === 'truth' ? { codedAs: 'option-posing' as const } : {};
    const out = [prompt(`groundRules.${name}.explain`, 'instruction', source(rule), asked)];
    if (rule === 'dont-understand') {
      out.push(
        prompt(
          'groundRules.dontUnderstand.interpreter',
          'instruction',
          DONT_UNDERSTAND_INTERPRETER,
          {
            interpreterOnly: true,
          },
        ),
      );
    }
    if (practise.length > 0) {
      out.push(
        prompt(`groundRules.${name}.practice`, 'practice', source(rule), {
          bands: practise,
          ...asked,
        }),
      );
    }
    return out;
  });
}

export function groundRuleChecklist(rules: readonly GroundRuleId[]): ChecklistDefinition[] {
  return rules.flatMap((rule) => {
    const name = RULE_KEY[rule];
    const items: ChecklistDefinition[] = [];
    const practise = bandsWhere(rule, 'practise');
    const explain = bandsWhere(rule, 'explain');
    // Same id in both modes: the interview records "this rule is covered" whichever way.
    if (practise.length > 0) {
      items.push({ ...check(`groundRules.${name}.practised`, { bands: practise }), id: rule });
    }
    if (explain.length > 0) {
      items.push({ ...check(`groundRules.${name}.explained`, { bands: explain }), id: rule });
    }
    return items;
  });
}
