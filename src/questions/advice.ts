// An MDT observer's suggested question (src/interview/observers.ts) is advice to the interviewer,
// not an utterance to the child. Written as a question ("Did he pay her?") or as a relay request
// ("Ask her if he paid her", relay.ts) it is coded as it stands. Written as a statement of
// intent ("I would ask about the money he paid her", "Yo le preguntaría por el dinero que le
// pagaba") it is coded as the question it implies ("Tell me about the money he paid her."), so
// that a detail the child has not said is flagged against the child's words; a statement the
// coach cannot turn into a question is never "recommended": the interviewer must phrase the
// question (audit 19c, B19c-6). The frames and the implied wording are Hearth's own rule.
import { classifyQuestion } from './classify';
import { normalise } from './text';
import type { Classification, ClassifyContext, Language } from './types';

/** A coded observer suggestion: `impliedQuestion` is set when the statement was turned into one. */
export interface SuggestionClassification extends Classification {
  /** The question the advice implies, which is what was coded (interview language). */
  impliedQuestion?: string;
}

// Openers and modal frames of advice, on the folded text: "(so/maybe/I think) I'd / I would /
// we should / you could / can you / let's (maybe) ask (her/him/the child) ..."; "I want to know".
const ASK_EN =
  /^(?:(?:so|and|also|maybe|perhaps|i think|i suggest|suggestion|please|ok|okay)[,:]?\s+)*(?:(?:i'?d|i would|i will|i'?ll|i want to|i'?d like to|i would like to|i wanna|we should|we could|we need to|we might|we must|we would|we'?d|you should|you could|you might|you may|you can|you need to|you must|you may want to|you might want to|can you|could you|would you|will you|let'?s)\s+(?:(?:maybe|also|just|still|really|definitely|probably|then|now)\s+)*)?ask(?:ing)?(?:\s+(?:him|her|them|the (?:child|girl|boy|kid|youth|teen)))?\s+/;
const KNOW_EN =
  /^(?:(?:so|and|also|maybe|perhaps|i think)[,:]?\s+)*(?:i'?d like to|i would like to|i want to|we need to|we should|we want to|i need to)\s+(?:know|find out|hear)\s+/;
const ASK_ES =
  /^(?:(?:y|bueno|entonces|tambien|quizas?|tal vez|a lo mejor|creo que|sugiero que|sugerencia|por favor)[,:]?\s+)*(?:yo\s+)?(?:(?:le|les)\s+)?(?:preguntaria|preguntariamos|pregunte|preguntemos|preguntale|preguntele|preguntales|preguntenle|(?:(?:tu|usted|ustedes)\s+)?(?:podrias|podria|podrian|puedes|puede|pueden|deberias|deberia|deberian|debes|debe|tienes que|tiene que|hay que|habria que|se podria|se deberia|quiero|quisiera|queremos|me gustaria|vamos a)\s+(?:(?:le|les)\s+)?preguntar(?:le|les)?)\s+/;
const KNOW_ES =
  /^(?:(?:y|bueno|entonces|tambien|quizas?|tal vez|creo que)[,:]?\s+)*(?:quiero|quisiera|queremos|me gustaria|hay que|habria que|necesito|necesitamos)\s+(?:saber|averiguar)\s+/;

const TOPIC_EN = /^(?:about|regarding|on)\s+/;
const TOPIC_ES = /^(?:por|sobre|acerca de|de)\s+/;
const IF_EN = /^(?:if|whether)\s+/;
const IF_ES = /^si\s+/;
const WH_EN = /^(?:what|who|whom|whose|where|when|which|how|why)\b/;
const WH_ES =
  /^(?:que|quien|quienes|donde|adonde|cuando|cual|cuales|como|cuanto|cuanta|cuantos|cuantas|por que)\b/;
const TO_EN = /^to\s+/;

/**
 * The question an observer's advice implies, or undefined when `text` is not advice in a form
 * Hearth recognises. "I would ask about X" → "Tell me about X."; "I'd ask her if X" → "X?"; "You
 * could ask what X" → "What X?"; "Yo le preguntaría por X" → "Cuéntame sobre X."; "Le
 * preguntaría si X" → "¿X?". The rest of the wording is kept as typed (accents and names).
 * @param text the suggestion as the observer wrote it; `language` its language.
 */
export function impliedQuestion(text: string, language: Language): string | undefined {
  const typed = text
    .trim()
    .replace(/\s+/g, ' ')
    .replace(/[.!…\s]+$/, '');
  // normalise() keeps one character per input character, so a frame's length cuts `typed`.
  const folded = normalise(typed);
  if (folded.length !== typed.length || folded.length > 400) return undefined;
  const en = language === 'en';
  const frame = (en ? ASK_EN : ASK_ES).exec(folded) ?? (en ? KNOW_EN : KNOW_ES).exec(folded);
  if (!frame) return undefined;
  const restFolded = folded.slice(frame[0].length);
  const rest = typed.slice(frame[0].length);
  const topic = (en ? TOPIC_EN : TOPIC_ES).exec(restFolded);
  if (topic) {
    const what = rest.slice(topic[0].length).trim();
    return what ? (en ? `Tell me about ${what}.` : `Cuéntame sobre ${what}.`) : undefined;
  }
  const cond = (en ? IF_EN : IF_ES).exec(restFolded);
  if (cond) return asQuestion(rest.slice(cond[0].length), language);
  if ((en ? WH_EN : WH_ES).test(restFolded)) return asQuestion(rest, language);
  const to = en ? TO_EN.exec(restFolded) : null;
  if (to) return capitalised(rest.slice(to[0].length).trim()) + '.';
  return undefined;
}

function asQuestion(words: string, language: Language): string | undefined {
  const q = words.trim().replace(/[?¿]+/g, '');
  if (!q) return undefined;
  return language === 'en' ? `${capitalised(q)}?` : `¿${capitalised(q)}?`;
}

const capitalised = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

const WORDING: Record<Language, { uncodable: string; implied: string }> = {
  en: {
    uncodable:
      "An observer's suggestion written as a statement, not as a question to the child: the coach cannot code it. Phrase the question you would ask the child and record it as rephrased (Hearth's rule).",
    implied: 'Coded as the question it implies, “{question}”: {reason}',
  },
  es: {
    uncodable:
      'Sugerencia de un observador escrita como afirmación, no como pregunta al niño o la niña: el asistente de preguntas no puede codificarla. Formule la pregunta que haría y regístrela como reformulada (regla de Hearth).',
    implied: 'Codificada como la pregunta que implica, “{question}”: {reason}',
  },
};

/**
 * Codes an observer's suggested question (or the interviewer's rephrasing of one) for the record:
 * as typed when it is a question or a relay request; as the question it implies when it is
 * advice ("I would ask about X"), with that question in `impliedQuestion` and named in the
 * reason; and, when it is a statement that implies no question Hearth can recognise, never
 * recommended ('ask-differently', with a reason that says the interviewer must phrase it).
 * @param context as for classifyQuestion (the child's words so far, age, stage).
 * @param explainIn as for classifyQuestion: the reason's language when it is not `language` (an
 *   interpreter's rendering, coded in its own language, explained in the interviewer's; B19f-4).
 */
export function classifySuggestion(
  text: string,
  language: Language,
  context?: ClassifyContext,
  explainIn: Language = language,
): SuggestionClassification {
  const implied = impliedQuestion(text, language);
  if (implied !== undefined) {
    const c = classifyQuestion(implied, language, context, explainIn);
    const reason = WORDING[explainIn].implied
      .replace('{question}', implied)
      .replace('{reason}', c.reason);
    return { ...c, reason, impliedQuestion: implied };
  }
  const c = classifyQuestion(text, language, context, explainIn);
  if (c.type === 'other' && (c.subtype === 'statement' || c.subtype === 'empty')) {
    // No rewording is offered either: the question to ask is the interviewer's to phrase.
    const out: SuggestionClassification = {
      type: c.type,
      subtype: c.subtype,
      recommended: false,
      verdict: 'ask-differently',
      reason: WORDING[explainIn].uncodable,
    };
    if (c.contextNote) out.contextNote = c.contextNote;
    return out;
  }
  return c;
}
