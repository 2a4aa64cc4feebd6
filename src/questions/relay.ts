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

// The interviewer speaking to the interpreter ("Pregúntele qué pasó después.", "Dígale que me
// cuente todo.", "Pídale que me explique..."), in the usted form an interviewer uses with a
// professional interpreter or the tú form. Spoken to the interpreter, the request names the child
// in the third person: it is turned back into the words the child will hear (toSecondPerson).
const ASK_ES =
  /^(?:(?:por favor|ahora|bueno|ok|okay|y)[,]?\s+)*(?:preg(?:ú|u)nte(?:le|nle|les)|preg(?:ú|u)ntale|d(?:í|i)g(?:ale|anle|ales)|dile|p(?:í|i)d(?:ale|anle|ales)|p(?:í|i)dele)(?:\s+(?:al niño|a la niña|al chico|a la chica|a él|a ella))?(?:,?\s+por favor)?\s*[,:]?\s*/i;
// "que me cuente X" (third-person subjunctive, the child being asked to tell the interviewer).
const ASKED_SUBJUNCTIVE_ES: ReadonlyArray<readonly [RegExp, string]> = [
  [/\bque\s+(?:me|nos|le|les)\s+cuente\b/i, 'cuéntame'],
  [/\bque\s+(?:me|nos|le|les)\s+diga\b/i, 'dime'],
  [/\bque\s+(?:me|nos|le|les)\s+platique\b/i, 'platícame'],
  [/\bque\s+(?:me|nos|le|les)\s+explique\b/i, 'explícame'],
  [/\bque\s+(?:me|nos|le|les)\s+describa\b/i, 'descríbeme'],
  [/\bque\s+(?:me|nos|le|les)\s+muestre\b/i, 'muéstrame'],
];

/**
 * The interpreter-addressed request in the words the child hears: "que me cuente" → "cuéntame",
 * "dijo que" → "dijiste que", "su papá" → "tu papá" (the child is the one spoken about).
 */
function toSecondPerson(s: string): string {
  let out = s;
  for (const [form, imperative] of ASKED_SUBJUNCTIVE_ES) out = out.replace(form, imperative);
  out = out
    .replace(/\b(?:dijo|contó|conto|platicó|platico|mencionó|menciono) que\b/gi, 'dijiste que')
    .replace(/\bsu(s?)\b/gi, 'tu$1');
  // Sentence-initial letters upper-cased again ("cuéntame ..." at the start of a sentence).
  return out.replace(
    /(^|[.!?]\s+)([a-záéíóúñ])/g,
    (_m, a: string, b: string) => a + b.toUpperCase(),
  );
}

function relayedToInterpreterEs(text: string): string | undefined {
  const frame = ASK_ES.exec(text);
  if (!frame) return undefined;
  const rest = text.slice(frame[0].length).trim();
  if (rest.length === 0) return undefined;
  const cond = /^si\s+/i.exec(rest);
  if (cond) return asQuestionEs(toSecondPerson(rest.slice(cond[0].length)));
  // After "dígale / pídale" an unaccented "que" is the complementizer, not "qué".
  const tellOrAsk = /^(?:d[ií]|p[ií]d)/i.test(
    frame[0].replace(/^(?:(?:por favor|ahora|bueno|ok|okay|y)[,]?\s+)*/i, ''),
  );
  if (!(tellOrAsk && /^que\b/i.test(rest)) && WH_ES.test(rest))
    return asQuestionEs(toSecondPerson(rest));
  if (/^[¿"“]/.test(rest)) return stripQuotes(rest);
  // "Dígale que me cuente todo" → "Cuéntame todo"; "Pídale que le diga la verdad" → "Dime la
  // verdad"; "Dígale que puede pedir un descanso" → "Puede pedir un descanso" (a statement).
  const spoken = toSecondPerson(rest);
  return /^que\s+/i.test(spoken) ? capitalise(spoken.replace(/^que\s+/i, '')) : spoken;
}

const WH_ES =
  /^(?:qu(?:é|e)|qui(?:é|e)n|qui(?:é|e)nes|d(?:ó|o)nde|cu(?:á|a)ndo|c(?:ó|o)mo|cu(?:á|a)l|cu(?:á|a)nto|cu(?:á|a)ntas?|cu(?:á|a)ntos|por qu(?:é|e)|a qu(?:é|e)|con qui(?:é|e)n|de qu(?:é|e)|en qu(?:é|e))(?![\wáéíóúñ])/i;

function relayedEs(text: string): string | undefined {
  const toInterpreter = relayedToInterpreterEs(text);
  if (toInterpreter !== undefined) return toInterpreter;
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
  if (WH_ES.test(rest)) return asQuestionEs(rest);
  return frame[0].includes(':') ? rest : undefined;
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
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
