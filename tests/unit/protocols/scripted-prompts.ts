// Turns a planned prompt into the utterance(s) an interviewer would actually say, so scripted
// prompts can be run through the question coach. Brackets are either placeholders for the
// child's words (filled with a sample phrase the child "said") or stage directions (dropped).
import type { PlannedPrompt, SessionPlan } from '../../../src/protocols';

export const SAMPLE_CHILD_WORDS: Record<string, string> = {
  en: 'the red car',
  es: 'el carro rojo',
};
/** Fills placeholders for what the team (not the child) knows: never in the child's words. */
export const SAMPLE_TEAM_INFO: Record<string, string> = { en: 'Grandma', es: 'la abuela' };

/** Placeholders for what the team knows (a place, a mark, the caregiver...); the rest are the child's words. */
const TEAM_PLACEHOLDER =
  /place|lugar|mark|marca|caregiver|cuida|interpreter|int\u00e9rprete|safe|confianza|contact|concrete|concreto|the person the child told|a quien el ni\u00f1o( o la ni\u00f1a)? le cont\u00f3/i;

const DIRECTION = /^\s*(if |then|pair |después|si |luego|enseguida|no use|\u2026|or |o )/i;

/** The spoken form: directions dropped, placeholders filled with the sample child words. */
export function spokenForm(
  text: string,
  language: string,
  child: string = SAMPLE_CHILD_WORDS[language] ?? 'the red car',
  team: string = SAMPLE_TEAM_INFO[language] ?? 'Grandma',
): string {
  const fill = (inner: string): string => {
    if (DIRECTION.test(inner)) return '';
    // "[quiet / crying]": the interviewer picks one of the words offered.
    if (inner.includes(' / ')) return inner.split(' / ')[0]!.trim();
    // "[the child's word for the place]" is the child's; "[place, with no other detail]" the team's.
    if (/child|ni\u00f1[oa]/i.test(inner) && !/told|le cont\u00f3/i.test(inner)) return child;
    return TEAM_PLACEHOLDER.test(inner) ? team : child;
  };
  return text
    .replace(/\[([^\]]*)\]/g, (_m, inner: string) => fill(inner))
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * A prompt written as guidance ("Last resort, ...: \"Has somebody...?\"") is coded by the first
 * utterance it quotes; a prompt written as a script is coded as a whole.
 */
export function utteranceOf(
  prompt: PlannedPrompt,
  language: string,
  child?: string,
  team?: string,
): string {
  const spoken = spokenForm(prompt.text, language, child, team);
  const guidance = /^[^"\u201c]*:\s*["\u201c]/.test(spoken);
  if (!guidance) return spoken;
  const quoted = /["\u201c]([^"\u201d]+)["\u201d]/.exec(spoken);
  return quoted?.[1]?.trim() ?? spoken;
}

export function everyPrompt(plan: SessionPlan): Array<{ phaseId: string; prompt: PlannedPrompt }> {
  const out: Array<{ phaseId: string; prompt: PlannedPrompt }> = [];
  for (const s of plan.sessions)
    for (const ph of s.phases) for (const p of ph.prompts) out.push({ phaseId: ph.id, prompt: p });
  for (const p of plan.supportivePrompts) out.push({ phaseId: 'support', prompt: p });
  return out;
}
