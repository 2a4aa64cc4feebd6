// Every scripted line of every protocol, in every age-band wording, as plain data: what the
// question coach (src/questions/scripted.ts) matches an utterance against, so that the protocol's
// own lines, once the interviewer fills their placeholders, are coded as the kind they are
// declared (the plan types them; NICHD 2014, Lamb et al. 2018 "Tell me what happened" 2nd ed.).
import { catalogFor, template } from './catalog';
import { PROTOCOLS } from './definitions';
import { AGE_BANDS, type Language, type PromptDefinition, type PromptKind } from './types';

export interface ScriptedLine {
  /** The prompt id (e.g. 'transition.talkedTo'). */
  id: string;
  kind: PromptKind;
  /** The phase the prompt belongs to; 'support' for supportive prompts usable in any phase. */
  phaseId: string;
  /** The phase is part of the substantive (allegation) part of the interview. */
  substantive: boolean;
  /** The line uses what the team knows (a person told, a mark, a place), not the child's words. */
  teamInformation: boolean;
  /** The catalog text with its [placeholders] and {{variables}} left in. */
  text: string;
  /** PromptDefinition.codedAs: the line asks an option-posing question on purpose. */
  codedAs?: 'option-posing';
}

/** A placeholder for what the team knows: a place, a mark, the caregiver. */
const TEAM_SLOT = /\[(?:[^\]]*\b)?(?:place|lugar|mark|marca|caregiver|cuida)/i;

const cache = new Map<Language, readonly ScriptedLine[]>();

/**
 * The distinct scripted lines of the current protocols in `language` (every band's wording).
 * @throws ProtocolError UNSUPPORTED_LANGUAGE for a language without a catalog.
 */
export function scriptedLines(language: Language): readonly ScriptedLine[] {
  const hit = cache.get(language);
  if (hit) return hit;
  catalogFor(language);
  const out: ScriptedLine[] = [];
  const seen = new Set<string>();
  const add = (p: PromptDefinition, phaseId: string, substantive: boolean): void => {
    for (const band of p.bands ?? AGE_BANDS) {
      let text: string;
      try {
        text = template(language, p.key, band);
      } catch {
        continue; // a band the protocol does not word (checked by the catalog tests)
      }
      const key = `${p.id}\u0000${text}`;
      if (seen.has(key)) continue;
      seen.add(key);
      // The NICHD graded transition prompts built on what the team knows (shared.ts): the
      // cued invitations ("Tell me about that" after a person told or a mark) and the focused
      // yes/no prompts that name the team's place or caregiver. The option-posing ones stay
      // option-posing: a place the child has not said is never an open prompt (P8-5).
      const teamInformation =
        p.requiresAllegation === true &&
        (p.kind === 'cued-invitation' || (p.kind === 'option-posing' && TEAM_SLOT.test(text)));
      out.push({
        id: p.id,
        kind: p.kind,
        phaseId,
        substantive,
        teamInformation,
        text,
        ...(p.codedAs ? { codedAs: p.codedAs } : {}),
      });
    }
  };
  for (const protocol of PROTOCOLS) {
    for (const ph of protocol.phases)
      for (const p of ph.prompts) add(p, ph.id, ph.substantive === true);
    for (const p of protocol.supportivePrompts) add(p, 'support', true);
  }
  cache.set(language, out);
  return out;
}
