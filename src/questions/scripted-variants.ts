// Common wordings of the protocols' graded transition prompts that say the same as the catalog
// line. Interviewers do not read the script word for word: an es-419 interviewer says "Supe que
// algo pudo haber pasado en…" as often as the catalog's "Supe que puede haber pasado algo en…",
// and an English one "I heard something might have happened at…". Each variant keeps the
// prompt's meaning (the team's information, hedged: "may have", never "did"), so it is coded as
// the catalog line it rewords (NICHD revised protocol 2014, transition; Lamb, Brown, Hershkowitz,
// Orbach & Esplin 2018, ch. 4). Hearth's own list; a variant that asserts the event ("something
// happened", "pasó algo") is not here and keeps its ordinary coding.
import type { Language } from './types';

/** [variant, the catalog wording it stands for], applied in order to flattened text. */
const VARIANTS: Record<Language, ReadonlyArray<readonly [RegExp, string]>> = {
  en: [
    // "I was told / I understand / I've heard (that)" for the catalog's "I heard (that)".
    [
      /^(?:i was told|i understand|i(?:ve| have) heard|i heard|someone told me|somebody told me) (?:that )?/,
      'i heard that ',
    ],
    // "might / could / may have happened" and "maybe something happened" for "may have happened".
    [/\bsomething (?:might|could|may) have happened\b/, 'something may have happened'],
    [/\bmaybe something happened\b/, 'something may have happened'],
  ],
  es: [
    // "Me enteré (de) que / Me dijeron que / Me contaron que" for the catalog's "Supe que".
    [/^(?:me entere (?:de )?que|me dijeron que|me contaron que|escuche que|oi que) /, 'supe que '],
    // Tense and word order of the hedge: "algo pudo haber pasado", "pudo pasar algo",
    // "podría haber pasado algo", "quizás pasó algo" all stand for "puede haber pasado algo".
    [
      /\b(?:algo (?:puede|pudo|podria|pudiera) (?:haber )?pasado|algo (?:puede|pudo|podria|pudiera) pasar|(?:pudo|podria|pudiera) (?:haber pasado|pasar) algo)\b/,
      'puede haber pasado algo',
    ],
    [/\b(?:quizas|quiza|a lo mejor) paso algo\b/, 'tal vez paso algo'],
  ],
};

/**
 * The text with each known variant of a transition prompt replaced by the catalog wording, or
 * undefined when no variant occurs.
 * @param flatText the utterance, normalised and flattened to words separated by single spaces.
 */
export function canonicalScriptWording(flatText: string, language: Language): string | undefined {
  let out = flatText;
  for (const [variant, wording] of VARIANTS[language]) out = out.replace(variant, wording);
  return out === flatText ? undefined : out;
}
