// The direct putative confession: the interviewer tells the child that another person (usually
// the suspect) has told everything or has admitted it ("Uncle Joe told me everything that
// happened and wants you to tell the truth.", "He said he did it, so you can tell me.", "Joe ya
// me contó todo."). Lyon, Wandrey, Ahern, Licht, Sim & Quas 2014 (Child Dev 85:1756-1769) tested this
// form; Stolzenberg, McWilliams & Lyon 2017 (Child Maltreat 22:167-173) replaced it with the
// hypothetical "What if I said that..." precisely so the interviewer does not assert something
// that may be untrue, and Gongola et al. 2019 found observers read the confession as pressure to
// tell. So a direct claim is suggestive (co-witness: another's account put to the child) in both
// languages; only the hypothetical form is the Ten Step option (classify.ts putativeConfession,
// which runs first). Practitioner review 9, P9-3: English coded the direct form as a ground rule.
import type { Language } from './types';

// Words that cannot be the third party: the interviewer, the child, question words, and the
// passive "was admitted (to the hospital)".
const NOT_THIRD_PARTY_EN =
  '(?!(?:you|i|we|who|what|that|it|this|was|were|been|be|is|are|got|get)\\b)';
const NOT_THIRD_PARTY_ES = '(?!(?:tu|yo|nosotros|quien|que|lo|la|se)\\b)';

/** Normalised text (src/questions/text.ts normalise: lower case, no accents) per language. */
const CLAIMED: Record<Language, RegExp> = {
  en: new RegExp(
    [
      // "<someone> (already) told me everything / what happened / all about it"
      `\\b${NOT_THIRD_PARTY_EN}[a-z]+ (?:already |also |just |has |have |had )*(?:told|tells|said to|explained to) (?:me|us|the police|the detective|the officer) (?:everything|all about (?:it|that|what)|all of it|the whole (?:thing|story)|what (?:happened|he did|she did|they did))\\b`,
      // "<someone> said (that) he did it" / "admitted that she hurt you"
      `\\b${NOT_THIRD_PARTY_EN}[a-z]+ (?:already |also |just |has |have |had )*(?:said|says|told (?:me|us|the police|someone)|admitted|confessed)(?: that| to)? (?:he|she|they) (?:did (?:it|that|this|something|those things)|hurt you|touched you|was the one|were the ones)\\b`,
      // "<someone> (already) confessed / admitted (it / everything)"
      `\\b${NOT_THIRD_PARTY_EN}[a-z]+ (?:already |also |just |has |have |had )*(?:confessed|admitted (?:it|everything|to it|to everything|what (?:he|she|they) did))\\b`,
      `\\b${NOT_THIRD_PARTY_EN}[a-z]+ (?:already |also |just |has |have |had )*admitted(?= *(?:[,.;!?]|$| so\\b| and\\b))`,
    ].join('|'),
  ),
  es: new RegExp(
    [
      // "(él) ya me contó todo", "me dijo todo": a third person's account of everything
      `\\b(?:me|nos) (?:ya )?(?:conto|dijo|platico|explico|ha contado|ha dicho) todo\\b`,
      // "dijo que lo hizo", "admitió que te lastimó"
      `\\b(?:dijo|dice|ha dicho|admitio|confeso|reconocio) (?:que )?(?:el |ella |ellos )?(?:lo hizo|lo hicieron|te lo hizo|fue el|fue ella|te lastimo|te toco)\\b`,
      // "(él) ya confesó", "lo admitió", "confesó todo"
      `\\b${NOT_THIRD_PARTY_ES}(?:[a-z]+ )?(?:ya )?(?:lo )?(?:confeso|admitio)(?: todo)?\\b`,
    ].join('|'),
  ),
};

/**
 * The words of a direct claim that another person confessed or told everything, in normalised
 * text `norm` of `language`, or undefined. The hypothetical form ("What if I said that...") is
 * recognised before this (classify.ts) and never reaches it.
 */
export function claimedConfession(norm: string, language: Language): string | undefined {
  // Most utterances hold none of the verbs, and the full pattern (a look-ahead at every word) was
  // one of the coach's costliest single checks (issue #16 throughput, coach20).
  if (!CLAIM_VERB[language].test(norm)) return undefined;
  return CLAIMED[language].exec(norm)?.[0];
}

/**
 * The verbs of CLAIMED, one of which every match contains (each branch above names at least one:
 * told / tells / said / says / explained / admitted / confessed; conto / dijo / platico / explico /
 * contado / dicho / dice / admitio / confeso / reconocio). A branch added to CLAIMED adds its verb
 * here, or the branch is never tried.
 */
const CLAIM_VERB: Record<Language, RegExp> = {
  en: /told|tells|said|says|explained|admitted|confessed/,
  es: /conto|dijo|platico|explico|contado|dicho|dice|admitio|confeso|reconocio/,
};

/**
 * Who told, in a claimed account (`claimed`, as claimedConfession returned it from `norm`): the
 * word before the telling verb ("mom" of "your mom told me what happened", «mama» of «tu mamá me
 * contó todo»), or undefined when the sentence names no one (Spanish drops the subject: «ya me
 * contó todo»). Review25 F17: the account of another person who is not the suspect is other
 * people's information (co-witness, Garven et al. 1998), not a putative confession.
 */
export function tellerOf(norm: string, claimed: string, language: Language): string | undefined {
  if (language === 'en') return /^[a-z]+/.exec(claimed)?.[0];
  const before = norm.slice(0, norm.indexOf(claimed)).trim().split(/\s+/);
  while (before.length > 0 && SPANISH_FILLER.has(before[before.length - 1] ?? '')) before.pop();
  return before.pop() || undefined;
}
// Between the teller and the verb: «tu tío ya me contó», «tu mamá también nos dijo».
const SPANISH_FILLER: ReadonlySet<string> = new Set(['ya', 'tambien', 'me', 'nos', 'lo', 'se']);
