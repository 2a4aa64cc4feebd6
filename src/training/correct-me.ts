// The "correct me" ground rule as a kind of sentence, not a list of exact strings: the
// interviewer names their own possible error (I say something wrong / not true / I make a
// mistake / «si me equivoco», «si digo algo que está mal», «si digo algo que no es cierto») and
// asks the child to say so (tell me / correct me / «dímelo», «dime», «me dices», «me avisas»,
// «corrígeme», «me corriges», and the subjunctive request «quiero / necesito / está bien / es
// importante que me digas / me corrijas / me avises», review25 F5), or simply asks to be corrected ("correct me", «corrígeme»). The
// rule is the NICHD protocol's ("If I say something wrong, you should tell me"; revised NICHD
// protocol 2014, ground rules; Brubacher, Poole & Dickinson 2015, Dev Rev 36:15-33); the patterns
// are Hearth's, written for natural es-419 and US English variants of it.

/**
 * The interviewer's own possible error, in folded text (lower case, no accents): a condition
 * ("if/when/sometimes" + present or subjunctive) about what the interviewer says, never a past
 * remark ("When I said…", «Cuando dije…»: review24a F3). «Si en algún momento / alguna vez me
 * equivoco» and "I might make mistakes" (the request then in the next sentence, "If I do, tell
 * me.") count too (review25 F5). The gap between the verb and the error
 * word is capped so that a question further on cannot supply it.
 */
const OWN_ERROR: Readonly<Record<'en' | 'es', RegExp>> = {
  en: /\b(?:if|when|sometimes) i (?:say|get|tell you|call)\b[^.?!]{0,40}\b(?:wrong|not right|isn't right|is not right|isn't true|is not true|not true|mistakes?|mixed up|incorrect)\b|\b(?:if|when|sometimes) i make (?:a )?mistakes?\b|\b(?:if|when|sometimes) i (?:mix|get) (?:something|anything|things) (?:up|mixed up)\b|\b(?:if|when) i mess (?:something |anything )?up\b|\bif i(?:'m| am) wrong\b|\bi (?:might|may|could|sometimes|can) (?:make (?:a )?mistakes?|get (?:something|things|it|stuff) wrong|say (?:something|things) (?:wrong|that (?:is|are)n't right))\b/u,
  es: /\b(?:si|cuando|a veces)(?: en algun momento| alguna vez)? (?:yo )?(?:me equivoco|me equivoque|me llego a equivocar|me confundo|(?:cometo|cometa) (?:un )?(?:error|errores))\b|\b(?:si|cuando|a veces)(?: en algun momento| alguna vez)? (?:yo )?(?:te )?(?:digo|diga|dijera|llego a decir)\b[^.?!]{0,40}\b(?:mal|equivocad[oa]|no (?:es|sea|esta|este) (?:cierto|verdad|asi|correcto|bien)|no paso|no fue asi|incorrect[oa])\b|\bsi (?:yo )?(?:entiendo|entendi) (?:algo )?mal\b/u,
};

/**
 * Asking the child to say so or to correct ("what did you tell me" is not it; "I'll fix it" is
 * the interviewer's own act, not a request to the child). Global: every request in a sentence is
 * weighed (asksToBeTold).
 */
const TELL_ME: Readonly<Record<'en' | 'es', RegExp>> = {
  en: /(?<!\bdid you )(?<!\b(?:i'll|i will|i can|i'd|we'll|we will) )\b(?:tell me|let me know|say so|correct me|fix it|say ['"“‘]?(?:no|that's wrong|that's not right|that isn't right|that is not true|that isn't true))\b/gu,
  es: /\b(?:dimelo|dime|me dices|me lo dices|me avisas|avisame|me lo haces saber|corrigeme|me corriges|corregirme|me puedes corregir|me lo corriges|tienes que decirme|puedes decirme|me puedes decir|me lo puedes decir|me puedes avisar|(?:(?:quiero|necesito|me gustaria|esta bien|es importante)\s+)?que (?:tu )?(?:me lo digas|me digas|me corrijas|me avises|me lo hagas saber))\b/gu,
};

/**
 * Words just before a request that turn it down ("don't tell me", "you don't have to tell me",
 * «no me dices», «no tienes que decirme»): the child is not asked to correct (train28).
 */
const NEGATED_BEFORE: Readonly<Record<'en' | 'es', RegExp>> = {
  en: /\b(?:don't|do not|never|no need to|won't|doesn't)\s+(?:(?:have|need) to\s+|you\s+)?$/u,
  es: /\b(?:no|nunca|ni)\s+(?:(?:me|te|lo)\s+)*$|\bno (?:es necesario|hace falta|tienes por que)\s+$/u,
};

/**
 * What may follow the request when it asks for something other than the correction: the
 * narrative or another topic ("If I say something wrong, don't worry, tell me what happened."; «Si
 * digo algo mal, no pasa nada, dime qué pasó.»). "Tell me what really happened", "tell me what is
 * right", «dime que no es cierto», «dime qué es lo correcto» are the correction and stay (train28).
 */
const OTHER_REQUEST_AFTER: Readonly<Record<'en' | 'es', RegExp>> = {
  en: /^\s*(?:about\b|everything\b|more\b|all\b|anything (?:you|else)\b|whatever\b|a story\b|your\b|his\b|her\b|their\b|how\b|where\b|who\b|why\b|when (?:it|he|she|they|you|this|that)\b|what (?!(?:really|actually) happened|(?:is|'s|was) (?:right|true|correct|wrong)|i (?:got|get|said) wrong|the right)\w)/u,
  es: /^\s*(?:todo\b|mas\b|de\b|del\b|sobre\b|lo que (?:quieras|paso|hiciste)\b|como\b|donde\b|quien\b|por que\b|cuando (?:paso|fue|te)\b|que (?!no\b|(?:es|fue|era) (?:lo )?(?:correcto|cierto|verdad)|esta mal|me equivoque|de verdad paso|paso de verdad)\w)/u,
};

/** Whether a sentence asks the child to say so, a request neither turned down nor about something else. */
function asksToBeTold(sentence: string, language: 'en' | 'es'): boolean {
  for (const m of sentence.matchAll(TELL_ME[language])) {
    const before = sentence.slice(0, m.index);
    const after = sentence.slice(m.index + m[0].length).replace(/^[\s,;:-]+/u, ' ');
    if (NEGATED_BEFORE[language].test(before)) continue;
    if (OTHER_REQUEST_AFTER[language].test(after)) continue;
    return true;
  }
  return false;
}

/**
 * A request to be corrected ("correct me", «corrígeme») that states the rule on its own: the
 * sentence is the request, perhaps with a tag («¿sí?», "okay?"), and asks nothing about the event
 * ("Correct me if I got the day wrong: it was Sunday?" and «Me corriges la hora en que pasó» are
 * checks of a detail, not the rule).
 */
const CORRECT_ME_ALONE: Readonly<Record<'en' | 'es', RegExp>> = {
  en: /^(?:(?:and|so|okay|ok|also),? )?(?:you can |please )?correct me(?:,? please)?(?:,? (?:okay|ok|all right|alright))?$/u,
  es: /^(?:(?:y|entonces|tambien),? )?(?:tu )?(?:corrigeme|me corriges|me puedes corregir)(?:,? por favor)?(?:,? (?:si|de acuerdo|esta bien|va))?$/u,
};

/** A sentence that carries the condition on from the one before ("If that happens, …", «Entonces…»). */
const CARRIES_ON: Readonly<Record<'en' | 'es', RegExp>> = {
  en: /^(?:and )?(?:then|(?:if|when) (?:that happens|i do|it happens))\b/u,
  es: /^(?:y )?(?:entonces|(?:si|cuando) (?:eso pasa|pasa eso|eso sucede|me pasa|lo hago))\b/u,
};

/** Sentences of a folded turn: split at . ? ! and at the opening marks ¿ ¡. */
function sentences(folded: string): string[] {
  return folded
    .split(/[.?!¿¡]+/u)
    .map((s) => s.replace(/^[\s,;:"«»“”]+|[\s,;:"«»“”]+$/gu, ''))
    .filter((s) => s !== '');
}

/**
 * Whether an interviewer's turn states or practises the "correct me" rule.
 *
 * Sentence by sentence: the interviewer's own possible error and the request to say so in the
 * same sentence ("If I say something wrong, tell me."), or the request in the next sentence when
 * it carries the condition on («A veces me equivoco. Si eso pasa, me corriges.»), or a bare
 * request to be corrected that is the whole sentence («Corrígeme.»). Two unrelated sentences do
 * not combine ("Sometimes I get things mixed up. Tell me everything about that day."), and a
 * question about the event that happens to hold the words is not the rule («Si te digo algo, ¿me
 * dices si él te tocó mal?»): review24a F3.
 *
 * @param folded the turn folded as the coach folds it (words.ts `normalise`: lower case, accents
 *   stripped; "Si digo algo que está mal, dímelo." -> "si digo algo que esta mal, dimelo.")
 * @param language 'en' or 'es' (es-419)
 * @returns true for the rule in any of its natural forms; false for a sentence that only names an
 *   error without asking the child to say so ("If I say something wrong, that's okay."), turns
 *   the request down ("…, you don't have to tell me."), asks to be told something else ("If I
 *   make a mistake, that's okay, tell me what happened.", "Tell me about your school.") or makes
 *   the correction the interviewer's own ("…, I'll fix it.")
 */
export function statesCorrectMe(folded: string, language: 'en' | 'es'): boolean {
  const parts = sentences(folded);
  return parts.some((sentence, i) => {
    if (CORRECT_ME_ALONE[language].test(sentence)) return true;
    if (!OWN_ERROR[language].test(sentence)) return false;
    if (asksToBeTold(sentence, language)) return true;
    const next = parts[i + 1];
    return next !== undefined && CARRIES_ON[language].test(next) && asksToBeTold(next, language);
  });
}
