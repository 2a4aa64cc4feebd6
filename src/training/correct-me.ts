// The "correct me" ground rule as a kind of sentence, not a list of exact strings: the
// interviewer names their own possible error (I say something wrong / not true / I make a
// mistake / «si me equivoco», «si digo algo que está mal», «si digo algo que no es cierto») and
// asks the child to say so (tell me / correct me / «dímelo», «dime», «me dices», «me avisas»,
// «corrígeme», «me corriges»), or simply asks to be corrected ("correct me", «corrígeme»). The
// rule is the NICHD protocol's ("If I say something wrong, you should tell me"; revised NICHD
// protocol 2014, ground rules; Brubacher, Poole & Dickinson 2015, Dev Rev 36:15-33); the patterns
// are Hearth's, written for natural es-419 and US English variants of it.

/** The interviewer's own possible error, in folded text (lower case, no accents). */
const OWN_ERROR: Readonly<Record<'en' | 'es', RegExp>> = {
  en: /\b(?:if|when|sometimes) i (?:say|said|get|got|tell you|call)\b[^.?!]*\b(?:wrong|not right|isn't right|is not right|isn't true|is not true|not true|mistakes?|mixed up|incorrect)\b|\b(?:if|when|sometimes) i (?:make|made) (?:a )?mistakes?\b|\b(?:if|when) i (?:mix|mixed) (?:something|anything|things) up\b|\bif i(?:'m| am) wrong\b/u,
  es: /\b(?:si|cuando|a veces) (?:yo )?(?:me equivoco|me equivoque|me llego a equivocar|me confundo|me confundi)\b|\b(?:si|cuando|a veces) (?:yo )?(?:te )?(?:digo|diga|dijera|dije|llego a decir)\b[^.?!]*\b(?:mal|equivocad[oa]|no es (?:cierto|verdad|asi|correcto)|no sea (?:cierto|verdad|asi|correcto)|no paso|no fue asi|incorrect[oa])\b|\bsi (?:yo )?(?:entiendo|entendi) (?:algo )?mal\b/u,
};

/** Asking the child to say so or to correct. */
const TELL_ME: Readonly<Record<'en' | 'es', RegExp>> = {
  en: /\b(?:tell me|let me know|say so|correct me|fix it|you can tell|you should tell|say "?(?:no|that's wrong|that's not right))\b/u,
  es: /\b(?:dimelo|dime|me dices|me lo dices|me avisas|avisame|me lo haces saber|corrigeme|me corriges|corregirme|me puedes corregir|me lo corriges|tienes que decirme|puedes decirme)\b/u,
};

/** A bare request to be corrected ("correct me", «corrígeme»), with or without a condition. */
const CORRECT_ME: Readonly<Record<'en' | 'es', RegExp>> = {
  en: /\bcorrect me\b/u,
  es: /\b(?:corrigeme|me corriges|corregirme|me puedes corregir)\b/u,
};

/**
 * Whether an interviewer's sentence states or practises the "correct me" rule.
 *
 * @param folded the sentence folded as the coach folds it (words.ts `normalise`: lower case,
 *   accents stripped; "Si digo algo que está mal, dímelo." -> "si digo algo que esta mal, dimelo.")
 * @param language 'en' or 'es' (es-419)
 * @returns true for the rule in any of its natural forms; false for a sentence that only names an
 *   error without asking the child to say so ("If I say something wrong, that's okay.") or asks to
 *   be told something else ("Tell me about your school.")
 */
export function statesCorrectMe(folded: string, language: 'en' | 'es'): boolean {
  if (CORRECT_ME[language].test(folded)) return true;
  return OWN_ERROR[language].test(folded) && TELL_ME[language].test(folded);
}
