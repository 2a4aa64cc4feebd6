// Which of the interviewer's words can become a detail the simulated child takes up (issue #18,
// audit N-2). A planted detail is a content word that names a person, act, object, body part,
// place or time (Hearth's rule, following what the suggestibility research plants: Garven et al.
// 1998 "Did he touch you?" style acts and objects; Ceci & Bruck 1993). Words of the closed
// classes never name such a thing, so they are never planted, whatever the word:
// - discourse markers, fillers and interjections ("go ahead", "come on", "órale", "pues"),
//   recognised by their class lists below and, for ones no list holds, by their place: a short
//   comma-set segment at the edge of a sentence with no determiner or preposition in it
//   ("Híjole, ...", "..., okay?") is talk about the talk, not about the event;
// - pronouns, indefinites and question words, including every "-ever"/"-quiera" form
//   ("wherever", "dondequiera") by rule, not by list;
// - quantifiers, auxiliaries and modals, degree and focus adverbs, and every "-ly"/"-mente"
//   manner adverb by rule ("basically", "seguramente").
// The rules are Hearth's; the class lists are closed grammatical classes, so they do not grow
// with the trainee's vocabulary the way the earlier stop list did.
import { normalise, words } from '../questions/text';
import type { TrainingLanguage } from './types';

const CLOSED: Record<TrainingLanguage, ReadonlySet<string>> = {
  en: new Set(
    [
      // pronouns and determiners
      'i me my mine myself you your yours yourself he him his himself she her hers herself it its',
      'itself we us our ours they them their theirs themselves this that these those there here',
      // indefinites
      'somebody someone something somewhere sometime anybody anyone anything anywhere everybody',
      'everyone everything everywhere nobody nothing nowhere none one ones other others else',
      'another whoever whatever wherever whenever however whichever',
      // question words
      'what where who whom whose when why how which',
      // quantifiers
      'all some any many much more most less least few lot lots several each every both either',
      'neither enough plenty bunch couple whole half',
      // auxiliaries, modals, light verbs of the frame
      'do does did done doing dont didnt doesnt be am is are was were been being isnt wasnt',
      'werent have has had having havent hasnt will would shall should can could may might must',
      'wont wouldnt couldnt cant shouldnt gonna wanna gotta get gets getting got let lets',
      // discourse markers, fillers, interjections, tags
      'ahead okay ok so well like um uh uhm umm hmm mm oh hey right yeah yep yes no nope now',
      'then anyway anyways actually basically really just kind sort maybe perhaps please sure',
      'alright whatever stuff thing things yknow mean guess suppose think honestly seriously',
      'listen cmon huh wow gosh jeez dude sweetie honey kiddo',
      // degree and focus adverbs
      'very too quite pretty even still already yet also only again ever never always sometimes',
      'often usually probably definitely totally literally exactly obviously simply clearly',
      'certainly almost',
      // pronoun and auxiliary contractions, apostrophe dropped ("you'll" -> "youll")
      'youll youre youve youd im ive ill id weve wed theyll theyre theyve itll thats theres',
      'whats heres lets shes hes',
    ]
      .join(' ')
      .split(' '),
  ),
  es: new Set(
    [
      // pronombres y determinantes
      'yo me mi mis mio mia tu tus te ti tuyo tuya el ella ello lo la le los las les nos nosotros',
      'nuestro nuestra nuestros nuestras',
      'nosotras ustedes usted ellos ellas su sus suyo suya se si conmigo contigo consigo este',
      'esta esto estos estas ese esa eso esos esas aquel aquella aquello ahi alli aca alla aqui',
      // indefinidos
      'alguien algo alguno alguna algunos algunas algun nadie nada ninguno ninguna ningun',
      'cualquier cualquiera quienquiera dondequiera comoquiera cuandoquiera otro otra otros',
      'otras demas mismo misma mismos mismas',
      // palabras interrogativas
      'que quien quienes donde adonde cuando como cual cuales cuanto cuanta cuantos cuantas',
      'porque',
      // cuantificadores
      'todo toda todos todas mucho mucha muchos muchas poco poca pocos pocas mas menos varios',
      'varias cada ambos ambas bastante demasiado tanto tanta tantos tantas medio',
      // auxiliares y verbos del marco
      'ser soy eres es somos son era eras eramos eran fue fui fuiste fueron sido siendo estar',
      'estoy estas esta estamos estan estaba estabas estaban estuvo estuve estuviste haber he',
      'has ha hemos han habia habias habian hubo hay haya poder puede puedes pueden podia pudo',
      'deber debe debes tener tengo tiene ir voy vas va vamos van iba ibas iban hacer hizo',
      // marcadores del discurso, muletillas, interjecciones
      'orale andale hijole oye oiga mira mire pues bueno sea ya entonces ok okey sale ah eh',
      'mmm aja ajale verdad cierto claro igual nomas tipo ahorita digo sabes neta andale ey',
      'porfa favor vaya anda chale wey guey mijo mija',
      // adverbios de grado y foco
      'muy tan bien mal tambien tampoco solo solamente aun todavia siempre nunca jamas casi',
      'apenas luego despues antes asi',
      // modales y "tener que" conjugados ("deberías", "tenemos que")
      'deberias deberia debemos deben debia tienes tenemos tienen tenia tenias tuve tuvo',
    ]
      .join(' ')
      .split(' '),
  ),
};

/** Words that show a segment speaks of something: a determiner, possessive or preposition. */
const ANCHORS: Record<TrainingLanguage, ReadonlySet<string>> = {
  en: new Set(
    'the a an his her their your my our in on at with to from into under over behind by'.split(' '),
  ),
  es: new Set(
    'el la los las un una unos unas su sus tu tus mi mis en con de del al a por para sobre bajo detras'.split(
      ' ',
    ),
  ),
};

const WH_EVER: Record<TrainingLanguage, RegExp> = {
  en: /^(?:wh[a-z]*|how)(?:so)?ever$/u,
  es: /^(?:quien|donde|como|cuando|cual|cuan)(?:es)?quiera$/u,
};
const ADVERB: Record<TrainingLanguage, RegExp> = {
  en: /^[a-z]{3,}(?:ally|ily|ely|tly|sly|ously|ibly|ably|ly)$/u,
  es: /^[a-zñ]{3,}mente$/u,
};
/** Nouns that look like "-ly" adverbs but name a person, body part or thing. */
const LY_NOUNS: ReadonlySet<string> = new Set([
  'belly',
  'bully',
  'family',
  'jelly',
  'lily',
  'sally',
  'emily',
  'molly',
  'holly',
  'kelly',
  'rally',
  'ally',
  'fly',
  'butterfly',
  'july',
  'italy',
  'doily',
  'gully',
  'bubbly',
  // First names, places and nouns found by running the rule over names (coach17): a name is
  // never a manner adverb.
  'billy',
  'milly',
  'tilly',
  'nelly',
  'shelly',
  'lilly',
  'dolly',
  'polly',
  'sully',
  'wally',
  'beverly',
  'kimberly',
  'sicily',
  'assembly',
  'supply',
  'reply',
  'lolly',
  'grizzly',
]);

/** Names and adjectives that end in "-mente" but are not adverbs ("Clemente", "demente"). */
const MENTE_NOUNS: ReadonlySet<string> = new Set([
  'clemente',
  'inclemente',
  'vehemente',
  'demente',
]);

/**
 * Whether one folded word belongs to a class that never names a detail.
 * @param names words written capitalised inside a sentence (names: "Clemente", "Kimberly"),
 *   which the "-ly"/"-mente" adverb rule never takes.
 */
export function isClosedClass(
  word: string,
  language: TrainingLanguage,
  names: ReadonlySet<string> = NO_NAMES,
): boolean {
  const w = word.replace(/'/g, '');
  if (CLOSED[language].has(w) || WH_EVER[language].test(w)) return true;
  if (names.has(w)) return false;
  const exceptions = language === 'en' ? LY_NOUNS : MENTE_NOUNS;
  return ADVERB[language].test(w) && !exceptions.has(w);
}

const NO_NAMES: ReadonlySet<string> = new Set();
// A capitalised word after another word of the same sentence: a name, not a sentence opener.
const NAME_INSIDE = /(?<=[\p{L}\p{N},;'’]\s+)\p{Lu}[\p{L}]+/gu;

/** The folded words written capitalised inside a sentence of `text`. */
function namesOf(text: string): Set<string> {
  const out = new Set<string>();
  for (const m of text.matchAll(NAME_INSIDE)) for (const w of words(normalise(m[0]))) out.add(w);
  return out;
}

/**
 * The folded words of an interviewer utterance that could name a detail (person, act, object,
 * body part, place, time): every word outside the closed classes and outside discourse
 * segments. The caller still removes what the child knows or has said (child.ts novelStems).
 */
export function detailWordsOf(text: string, language: TrainingLanguage): Set<string> {
  const out = new Set<string>();
  const names = namesOf(text);
  for (const sentence of normalise(text).split(/[.!?¿¡;:]+/u)) {
    const segments = sentence.split(/[,—–]+|\s-\s/u).map((s) => words(s));
    segments.forEach((segment, i) => {
      const edge = segments.length > 1 && (i === 0 || i === segments.length - 1);
      // "Órale," / "Go ahead," / ", okay" / "Pues bueno,": a short segment at a sentence's edge
      // with nothing that points at a thing is a discourse marker, whatever its words.
      // A last segment opened by "or"/"o" is the last item of a list ("red, blue, or green"),
      // never a discourse marker (audit 18i N18i-2: en "Green." was no detail, es "Verde." was).
      const listItem = i > 0 && COORDINATORS[language].has(segment[0] ?? '');
      const discourse =
        edge && !listItem && segment.length <= 2 && !segment.some((w) => ANCHORS[language].has(w));
      if (discourse || isVocative(segment, language)) return;
      for (const w of segment) if (!isClosedClass(w, language, names)) out.add(w);
    });
  }
  // Fixed discourse phrases inside a segment ("come on", "go ahead", "o sea", "a ver").
  const norm = ` ${normalise(text).replace(/[^\p{L}\p{N}']+/gu, ' ')} `;
  for (const phrase of PHRASES[language])
    if (norm.includes(` ${phrase} `)) for (const w of phrase.split(' ')) out.delete(w);
  return out;
}

/** Words that join the last option of a list ("or green", "o verde", "u otro", "ni azul"). */
const COORDINATORS: Record<TrainingLanguage, ReadonlySet<string>> = {
  en: new Set(['or', 'nor']),
  es: new Set(['o', 'u', 'ni']),
};

/** The interviewer's own first-person possessive, which opens a term of address. */
const MY: Record<TrainingLanguage, ReadonlySet<string>> = {
  en: new Set(['my']),
  es: new Set(['mi', 'mis']),
};

/**
 * A possessive term of address set off as its own segment ("Mi amor, ...", "..., mi vida?",
 * "Tell me, my friend, ..."): the interviewer's "my"/"mi" and one or two words with no determiner
 * or preposition. The interviewer's "my X" never names a person of the child's event (that would
 * be "your X" / "tu X"), and Latin American address uses "mi amor", "mi vida", "mi cielo", "mi
 * rey" as ordinary warmth (NCAC 2011 guide for Spanish-speaking interviews, per audit N18d-2);
 * what children take up is the content of the question (Ceci & Bruck 1993). Hearth's rule.
 */
function isVocative(segment: readonly string[], language: TrainingLanguage): boolean {
  const [first, ...rest] = segment;
  return (
    first !== undefined &&
    MY[language].has(first) &&
    rest.length >= 1 &&
    rest.length <= 2 &&
    !rest.some((w) => ANCHORS[language].has(w))
  );
}

/** Fixed discourse phrases: their words never name a detail (compliance.ts drops them too). */
export const PHRASES: Readonly<Record<TrainingLanguage, readonly string[]>> = {
  en: ['go ahead', 'come on', 'you know', 'i mean', 'kind of', 'sort of', 'go on', 'look here'],
  es: ['o sea', 'a ver', 'ya ves', 'la verdad', 'por favor', 'ni modo', 'de veras', 'de verdad'],
};
