// Interpreter-relayed turns (issue #16, heldout4 "Blind run" kind 5). When an interpreter is in the
// room, the interviewer often speaks to the interpreter ("Ask her to tell me...", "Ask him if...")
// and the interpreter speaks of the interviewer in the third person ("La señora dice que le
// cuentes...", "Pregunta la entrevistadora si...", "Ella pregunta: ¿...?"). What reaches the child
// is the embedded request or question, so that is what is coded; the frame itself is not a prompt.
// Practice source: guidance on interpreters in investigative interviews asks that the interviewer's
// question be rendered as asked (Ministry of Justice 2022, Achieving Best Evidence in Criminal
// Proceedings, the part on interpreters); the frame forms and how they are removed are Hearth's own
// rule, not a protocol's.

/**
 * The words that reach the child when `raw` relays an interviewer's request or question, or
 * undefined when `raw` is not relayed. Works on the text as typed (accents and names kept).
 * - "Ask her to tell me X" → "tell me X"; "Ask him what X" → "what X?"; "Ask her if X" → "X?".
 * - "La señora dice que le cuentes X" → "Cuéntame X"; "... que si le puedes contar X" →
 *   "¿Me puedes contar X?"; "Pregunta la entrevistadora si X" → "¿X?"; "Ella pregunta: ¿X?" → "¿X?".
 * @param raw the utterance as typed; `language` 'en' or 'es'.
 */
export function relayedRequest(raw: string, language: 'en' | 'es'): string | undefined {
  const trimmed = raw.trim();
  if (trimmed.length > 400) return undefined;
  return language === 'en' ? relayedEn(trimmed) : relayedEs(trimmed);
}

// "(Please / Okay, / Can you) ask him / her / them / the child ..."
const ASK_EN =
  /^(?:(?:please|okay|ok|now|and|so|could you|can you|would you)[,]? )*ask (?:him|her|them|the (?:child|girl|boy|kid))(?: please)?[,:]? /i;
// "She says: ..." / "He asks ..." / "The interviewer wants to know ...". Present tense only, and a
// pronoun subject only with a colon or "asks": "He said that ..." reports what someone (often the
// suspect) said, which the ordinary rules code.
const SAYS_EN =
  /^(?:(?:she|he|they)\s+(?:says|said)\s*:\s*|(?:she|he|they)\s+(?:asks|wants to know)(?: that)?\s*[,:]?\s*|the (?:lady|man|woman|interviewer|detective|officer)\s+(?:says|asks|wants to know|would like to know)(?: that)?\s*[,:]?\s*)/i;

function relayedEn(text: string): string | undefined {
  const frame = ASK_EN.exec(text) ?? SAYS_EN.exec(text);
  if (!frame) return undefined;
  const rest = text.slice(frame[0].length).trim();
  if (rest.length === 0) return undefined;
  const to = /^to\s+/i.exec(rest);
  if (to) return rest.slice(to[0].length);
  const cond = /^(?:if|whether)\s+/i.exec(rest);
  if (cond) return asQuestion(rest.slice(cond[0].length));
  if (/^(?:what|who|whom|whose|where|when|which|how|why)\b/i.test(rest)) return asQuestion(rest);
  // "She says: tell me ..." / "He asks: did ...?": the quoted words themselves.
  return frame[0].includes(':') || /^["“]/.test(rest) ? stripQuotes(rest) : undefined;
}

const ROLE_ES =
  '(?:la|el)\\s+(?:se(?:ñ|n)ora|se(?:ñ|n)or|entrevistadora|entrevistador|licenciada|licenciado|doctora|doctor|muchacha|muchacho|detective|oficial)';
// "La señora dice (que) ..." / "Ella pregunta: ..." / "La entrevistadora quiere saber ...". A
// pronoun subject only with "pregunta" / "quiere saber" or a colon: "Él dice que si le cuentas..."
// reports what someone (often the suspect) said, which the ordinary rules code.
const SAYS_ES = new RegExp(
  `^(?:${ROLE_ES}\\s+(?:dice|pregunta|quiere saber|te pregunta|te dice)(?:\\s+que)?\\s*[,:]?\\s*|(?:ella|(?:é|e)l)\\s+(?:dice|te dice)\\s*:\\s*|(?:ella|(?:é|e)l)\\s+(?:pregunta|te pregunta|quiere saber)(?:\\s+que)?\\s*[,:]?\\s*)`,
  'i',
);
// "Dice / Pregunta la señora (que) ..."
const VERB_FIRST_ES = new RegExp(
  `^(?:(?:te\\s+)?(?:dice|pregunta))\\s+${ROLE_ES}(?:\\s+que)?\\s*[,:]?\\s*`,
  'i',
);
// "que le cuentes X" → the first-person imperative the interviewer would say.
const SUBJUNCTIVE_ES: ReadonlyArray<readonly [RegExp, string]> = [
  [/^(?:que\s+)?(?:le|les|me|nos)\s+cuentes\b/i, 'Cuéntame'],
  [/^(?:que\s+)?(?:le|les|me|nos)\s+digas\b/i, 'Dime'],
  [/^(?:que\s+)?(?:le|les|me|nos)\s+platiques\b/i, 'Platícame'],
  [/^(?:que\s+)?(?:le|les|me|nos)\s+expliques\b/i, 'Explícame'],
  [/^(?:que\s+)?(?:le|les|me|nos)\s+describas\b/i, 'Descríbeme'],
  [/^(?:que\s+)?(?:le|les|me|nos)\s+muestres\b/i, 'Muéstrame'],
];
const CAN_YOU_ES =
  /^(?:que\s+)?si\s+(?:le|les|me|nos)\s+(?:puedes|podrías|podrias)\s+(contar|decir|platicar|explicar|describir)\b/i;

function relayedEs(text: string): string | undefined {
  const frame = SAYS_ES.exec(text) ?? VERB_FIRST_ES.exec(text);
  if (!frame) return undefined;
  const rest = text.slice(frame[0].length).trim();
  if (rest.length === 0) return undefined;
  for (const [form, imperative] of SUBJUNCTIVE_ES) {
    const m = form.exec(rest);
    if (m) return `${imperative}${rest.slice(m[0].length)}`;
  }
  const can = CAN_YOU_ES.exec(rest);
  if (can) return asQuestionEs(`Me puedes ${can[1]}${rest.slice(can[0].length)}`);
  const cond = /^(?:que\s+)?si\s+/i.exec(rest);
  if (cond) return asQuestionEs(rest.slice(cond[0].length));
  if (/^[¿"“]/.test(rest)) return stripQuotes(rest);
  if (
    /^(?:qu(?:é|e)|qui(?:é|e)n|qui(?:é|e)nes|d(?:ó|o)nde|cu(?:á|a)ndo|c(?:ó|o)mo|cu(?:á|a)l|cu(?:á|a)nto|por qu(?:é|e))\b/i.test(
      rest,
    )
  )
    return asQuestionEs(rest);
  return frame[0].includes(':') ? rest : undefined;
}

function stripQuotes(s: string): string {
  return s.replace(/^["“]\s*/, '').replace(/\s*["”]\s*$/, '');
}

function asQuestion(s: string): string {
  return `${s.replace(/[.!?\s]+$/, '')}?`;
}

function asQuestionEs(s: string): string {
  return `¿${s.replace(/^¿/, '').replace(/[.!?\s]+$/, '')}?`;
}
