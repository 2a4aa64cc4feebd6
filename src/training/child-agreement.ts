// Agreement in what the simulated child says (issue #18, native es-419 review fix18q): an
// adjective or participle the child says about itself agrees with the child's own gender from the
// scenario, never with the interviewer's wording ("¿Lloraste o te quedaste callada?" to a boy is
// answered "Me quedé callado."), and "ninguno/ninguna de esos/esas" agrees with the noun of the
// options it refuses. English has no such agreement: its text is returned unchanged. Hearth's
// rendering of Spanish grammar.
import type { ChildGender, TrainingLanguage } from './types';

/**
 * First-person verbs that link the child to a describing word ("me quedé callado", "me puse
 * rojo", "estaba nerviosa", "me sentí triste"): the word after them is about the child.
 */
const LINKING =
  /((?:(?<![\p{L}])me\s+(?:quedé|quede|puse|sentí|senti|siento|pongo|quedo|vi|veía|veia)|(?:^|[.!?¡¿,]\s*|(?<![\p{L}])yo\s+)(?:estaba|estoy|estuve|quedé|quede|soy|era|fui))\s+(?:(?:muy|bien|tan|todo|toda|un\s+poco|algo|como)\s+)?)(\p{L}+)(?![\p{L}])/giu;

/** Words after a linking verb that are no agreeing adjective (adverbs, nouns, invariant forms). */
const NOT_AGREEING = new Set([
  'mucho',
  'poco',
  'tanto',
  'casa',
  'escuela',
  'ahi',
  'ahí',
  'afuera',
  'adentro',
  'abajo',
  'arriba',
  'solo',
  'sola',
  'como',
  'para',
  'a',
  'con',
  'en',
  'de',
  'la',
  'lo',
  'el',
  'una',
  'uno',
  'nada',
  'jugando',
  'llorando',
]);

/**
 * The form of a Spanish adjective or participle for a gender ("callada", boy -> "callado";
 * "nervioso", girl -> "nerviosa"; plural kept: "asustados" -> "asustadas"). Words with no -o/-a
 * gender ending ("triste", "feliz", "mal") are returned unchanged, and so is every word when the
 * gender is unknown.
 * @param word one word, any case (the case of its first letter is kept).
 */
export function agreeAdjective(word: string, gender: ChildGender | undefined): string {
  if (gender === undefined) return word;
  const m = /^(\p{L}*\p{L}{2})([oa])(s?)$/u.exec(word);
  if (m === null) return word;
  const ending = gender === 'girl' ? 'a' : 'o';
  const upper = m[2] === m[2]!.toUpperCase() && m[2] !== m[2].toLowerCase();
  return `${m[1]}${upper ? ending.toUpperCase() : ending}${m[3]}`;
}

/**
 * A sentence the child says about itself, with every adjective or participle that follows a
 * first-person linking verb ("me quedé", "me puse", "estaba", "me sentí") agreeing with the
 * child's gender: "Me quedé callada." said by a boy becomes "Me quedé callado.", "Me puse rojo."
 * said by a girl "Me puse roja.". Other words, other persons ("Él estaba enojado.") and English
 * text are left as they are; an unknown gender changes nothing.
 * @param sentence the child's words (any length; other sentences are left alone).
 * @param gender the scenario's child gender (Scenario.gender).
 * @param language the scenario's language.
 */
export function agreeWithChild(
  sentence: string,
  gender: ChildGender | undefined,
  language: TrainingLanguage,
): string {
  if (language !== 'es' || gender === undefined) return sentence;
  return sentence.replace(LINKING, (whole, lead: string, word: string) => {
    // "Estaba en la casa", "era mucho": no describing word of the child.
    if (NOT_AGREEING.has(word.toLowerCase())) return whole;
    // A name ("Estaba Tina") is no describing word.
    if (word.charAt(0) !== word.charAt(0).toLowerCase()) return whole;
    // "estaba", "era" only open the sentence or follow "yo": after a subject ("la puerta estaba
    // cerrada") they are about someone else.
    return `${lead}${agreeAdjective(word, gender)}`;
  });
}

/** Feminine Spanish determiners that open an option ("la cocina", "una camisa", "esas cosas"). */
const FEMININE_OPENING =
  /^(?:(?:en|con|a|de|por)\s+)?(?:la|las|una|unas|esa|esas|su|sus|tu|tus|mi|mis)\s+(\p{L}+)/iu;
/** Masculine Spanish determiners that open an option ("el cuarto", "un carro", "al parque"). */
const MASCULINE_OPENING = /^(?:(?:en|con|a|de|por)\s+)?(?:el|los|un|unos|al|del|ese|esos)\s/iu;

/** Possessives that do not show gender: the noun's ending decides ("su camisa", "tu carro"). */
const POSSESSIVE = /^(?:su|sus|tu|tus|mi|mis)$/iu;

/**
 * The grammatical gender of the nouns a Spanish choice offers ("la cocina o la sala" ->
 * 'feminine', "el cuarto o la cocina" -> 'masculine', as Spanish agrees a mixed group in the
 * masculine), undefined when an option opens with no determiner (an act, a colour, a bare word).
 * @param options each option in the interviewer's words ("en la cocina", "el carro").
 */
export function optionsGender(options: readonly string[]): 'feminine' | 'masculine' | undefined {
  let feminine = 0;
  for (const o of options) {
    const text = o.trim();
    if (MASCULINE_OPENING.test(text)) continue;
    const f = FEMININE_OPENING.exec(text);
    if (f === null) return undefined;
    const det = text.split(/\s+/u).find((w) => !/^(?:en|con|a|de|por)$/iu.test(w)) ?? '';
    // "su cuarto" is masculine, "su camisa" feminine: the noun's ending decides.
    if (POSSESSIVE.test(det) && !/as?$/iu.test(f[1] ?? '')) continue;
    feminine++;
  }
  return feminine === options.length ? 'feminine' : 'masculine';
}

/** A Spanish question about the child's own state ("¿Estabas nerviosa o tranquila?"). */
const ABOUT_CHILD =
  /(?<![\p{L}])(?:estabas|estás|estas|estuviste|eras|te\s+(?:sentiste|sientes|sentías|sentias|pusiste|quedaste|veías|veias))(?![\p{L}])/iu;

/**
 * An option the child picks from a Spanish question about its own state ("¿Estabas nerviosa o
 * tranquila?" -> "Nerviosa."), agreeing with the child's gender ("Nervioso." for a boy). Any
 * other question, an option of more than three words, English, or an unknown gender: the
 * phrase unchanged.
 * @param question the interviewer's question as typed.
 * @param phrase the option as the child says it ("Nerviosa.").
 */
export function agreeOptionAboutChild(
  question: string,
  phrase: string,
  gender: ChildGender | undefined,
  language: TrainingLanguage,
): string {
  if (language !== 'es' || gender === undefined || !ABOUT_CHILD.test(question)) return phrase;
  const words = phrase.replace(/[.!?]+$/u, '').split(/\s+/u);
  if (words.length > 3) return agreeWithChild(phrase, gender, language);
  const agreed = words.map((w) =>
    /^(?:muy|bien|tan|un|poco)$/iu.test(w) ? w : agreeAdjective(w, gender),
  );
  return `${agreed.join(' ')}${phrase.slice(phrase.replace(/[.!?]+$/u, '').length)}`;
}

/** Words that make a choice's options times ("en la mañana o en la noche", "ayer o hoy"). */
const TIME_WORDS: Readonly<Record<TrainingLanguage, RegExp>> = {
  es: /(?<![\p{L}])(?:mañana|manana|tarde|noche|día|dia|madrugada|mediodía|mediodia|ayer|hoy|lunes|martes|miércoles|miercoles|jueves|viernes|sábado|sabado|domingo|semana|mes|año|verano|invierno|vacaciones|antes|después|despues|hora|horas)(?![\p{L}])/iu,
  en: /\b(?:morning|afternoon|evening|night|day|daytime|midnight|noon|yesterday|today|tonight|monday|tuesday|wednesday|thursday|friday|saturday|sunday|week|month|year|summer|winter|holidays?|vacation|before|after|o'clock|hours?)\b/iu,
};

/**
 * Whether every option of a choice is a time ("¿Fue en la mañana o en la noche?"): a child who
 * knows neither answers a time question with "I don't know", not "neither" (fix18q).
 * @param options each option in the interviewer's words.
 */
export function optionsAreTimes(options: readonly string[], language: TrainingLanguage): boolean {
  return options.length > 0 && options.every((o) => TIME_WORDS[language].test(o));
}
