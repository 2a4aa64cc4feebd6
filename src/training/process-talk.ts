// Talk about the interview itself, which names nothing of the child's event (issue #18, audit
// N18e-1). "I'm going to write some notes while we talk", "The camera records our talk so I don't
// forget", "Tenemos mucho tiempo", the truth instruction and pressure lines ("Come on, just say
// it. It will be over quick.") are part of every interview; only a detail about the EVENT (a
// person, act, object, body part, place or time of what happened to the child) can be planted
// (Ceci & Bruck 1993; Roberts & Lamb 1999: distortions of the child's account). Hearth's rule:
// a statement sentence is process talk when every detail word it holds is a word of the
// interview (locales/<lang>/training-process.json) and it names no third person, so it plants
// nothing. A question, and a statement that names someone ("He had a camera."), keeps its words:
// the suggestibility research plants details through them (Garven et al. 1998).
import enProcess from '../../locales/en/training-process.json';
import esProcess from '../../locales/es/training-process.json';
import { sentencesOf } from '../questions';
import { lexiconFor } from '../questions/lexicon';
import { normalise, stem } from '../questions/text';
import { detailWordsOf } from './detail-words';
import { isIrregularPastForm } from './english-past';
import type { TrainingLanguage } from './types';
import { wordTools } from './words';

const LISTS: Record<TrainingLanguage, readonly string[]> = {
  en: enProcess.processWords,
  es: esProcess.processWords,
};

/**
 * Words that point at one third person: a statement holding one speaks of someone in the event
 * ("He had a camera."). The plural ("kids ... in their lives", "people who work with me") is the
 * protocol's own talk of children in general and of the team behind the mirror.
 */
const THIRD_PERSON: Record<TrainingLanguage, ReadonlySet<string>> = {
  en: new Set('he she him her his hers himself herself'.split(' ')),
  // Read on the text before accents are folded: the pronoun "él", never the article "el"
  // (folded, every Spanish sentence with "el" counted as naming someone: audit 18f, N18f-1).
  es: new Set('él ella'.split(' ')),
};

/**
 * The interviewer's own voice, or the interview room itself: "I'm going to write notes", "Let
 * me check", "our talk", "this room", "Tenemos tiempo", "me digas", "cuéntame", "esta sala". A
 * word that can also be the event's own place or thing (AMBIGUOUS: bathroom, home, water,
 * video, camera...) counts as talk about the interview only in such a sentence: "Someone
 * recorded a video of you.", "It happened in the bathroom.", "Te grabó con una cámara." speak of
 * the event (audit 18f, N18f-1). Spanish drops the subject, so a first-person plural verb (-mos),
 * a first-person singular verb of the interview or an imperative with "-me" counts too. Hearth's
 * rule.
 */
const FIRST_PERSON: Record<TrainingLanguage, ReadonlySet<string>> = {
  en: new Set(
    "i i'm im i've i'll i'd me my mine myself we we're we've we'll us our ours let's lets this these here".split(
      ' ',
    ),
  ),
  es: new Set(
    (
      'yo me mi mis conmigo nosotros nosotras nos nuestro nuestra nuestros nuestras voy tengo ' +
      'estoy soy puedo quiero necesito platico hablo escribo digo pregunto reviso consulto tomo ' +
      'prometo entiendo escucho oigo veo hago resumo vuelvo regreso trabajo cuento apunto anoto ' +
      'grabo dime esta este estas estos aquí acá'
    ).split(' '),
  ),
};

/** Words of the interview that can also be the event's own place or thing (see above). */
const AMBIGUOUS: Record<TrainingLanguage, ReadonlySet<string>> = {
  en: new Set(
    (
      'bathroom restroom home room water drink snack video record records recording recorded ' +
      'camera cameras microphone take taking put watch watching watches'
    ).split(' '),
  ),
  es: new Set(
    (
      'bano banito casa cuarto sala agua beber refrigerio video grabar graba grabando grabamos ' +
      'grabacion camara camaras microfono tomar tomo tomamos mirando mirar ver veo viendo'
    ).split(' '),
  ),
};

/**
 * The interview room's own fittings, named when the interviewer shows the child around ("There's
 * a camera in the corner", "The bathroom is down the hall", "Hay un micrófono en la mesa"). They
 * can be the event's place or thing too, so, like AMBIGUOUS, they count as interview talk only in
 * the interviewer's voice, an offer to the child or a present-tense sentence about the room, and
 * never in a sentence about the event (audit 18g, N18g-2). A closed class (the furniture and
 * layout of a room), not a list of phrasings. Hearth's rule.
 */
const ROOM: Record<TrainingLanguage, ReadonlySet<string>> = {
  en: new Set(
    (
      'corner hall hallway table chair chairs screen screens door window mirror wall desk couch ' +
      'use sofa floor upstairs downstairs outside inside front lobby waiting toilet toys paper ' +
      'crayons tissues monitor tv television glass next right left end ' +
      // the child's own needs, offered for: "if you get hungry", "if you're cold"
      'hungry thirsty tired cold hot sleepy juice cookie cookies tissue blanket'
    ).split(' '),
  ),
  es: new Set(
    (
      'esquina pasillo mesa silla sillas pantalla pantallas puerta ventana espejo pared ' +
      'escritorio sillon sofa piso arriba abajo afuera adentro fondo frente entrada recepcion ' +
      'espera juguetes papel crayolas panuelos monitor tele television vidrio companeros ' +
      'companeras equipo platica junto lado derecha izquierda ' +
      // the child's own needs, offered for: "si tienes hambre", "si te da frío"
      'hambre sed cansado cansada frio calor sueno jugo galleta galletas panuelo cobija'
    ).split(' '),
  ),
};

/**
 * An offer to the child or a present-tense sentence about the room itself: "You can have water
 * if you want", "whenever you want", "The camera is recording", "There's a microphone on the
 * table", "Puedes ir al baño cuando quieras", "La cámara está grabando", "Hay un micrófono en la
 * mesa". Such a sentence is the protocol's own introduction or break (NICHD revised protocol,
 * introduction and break; Lamb et al. 2018), so a word like water, restroom or camera in it names
 * the room, not the event (audit 18g, N18g-1). Hearth's rule.
 */
const ROOM_FRAME: Record<TrainingLanguage, readonly RegExp[]> = {
  en: [
    /\b(?:you can|you may|if you're|you're welcome to|feel free to|if you (?:want|need|like|get)|whenever you|any ?time you|just (?:tell|let) me)\b/iu,
    /^(?:there(?:'s| is| are)|here(?:'s| is| are))\b/iu,
    /\b(?:is|are|'s|'re) (?:being \p{L}+ed|\p{L}+ing)\b/iu,
    /\b(?:the|this|that|our|a) (?:camera|cameras|microphone|video|recording|room|screen|bathroom|restroom|mirror)s? (?:is|are|records|helps|lets|shows|has|have)\b/iu,
  ],
  es: [
    /(?<!\p{L})(?:puedes|podemos|si (?:lo |la )?(?:quieres|necesitas|ocupas|gustas|te da)|cuando (?:quieras|necesites|gustes)|me (?:dices|avisas)|nomás (?:dime|avísame))(?!\p{L})/iu,
    /^(?:hay|aquí hay|acá hay|ahí hay)(?!\p{L})/iu,
    /(?<!\p{L})(?:está|están|estamos) \p{L}+(?:ando|iendo)(?!\p{L})/iu,
    /(?<!\p{L})se (?:está|están) \p{L}+(?:ando|iendo)(?!\p{L})/iu,
    /(?<!\p{L})(?:el|la|este|esta|esa|ese|nuestra|nuestro|una|un) (?:cámara|cámaras|micrófono|video|grabación|cuarto|sala|pantalla|baño|espejo)s? (?:está|están|es|graba|tiene|ayuda|deja|muestra)(?!\p{L})/iu,
  ],
};

/**
 * A sentence that speaks of the event, whatever words of the interview it holds: it says what
 * happened ("It happened at home", "Pasó en el baño"), puts the child or someone in a past act
 * ("Someone recorded a video of you", "You were in the bathroom", "Te grabaron", "Estabas en el
 * baño") or says what the place had then ("The room had a camera", "El cuarto tenía una
 * cámara"). Such a sentence is never interview talk, even in the interviewer's voice: "We know
 * it happened at home." asserts a detail of the event (a leading statement; audit 18g, N18g-1).
 * The interview's own past ("you came", "you told me", "I said", "me dijiste") is no event.
 */
const EVENT_FRAME: Record<TrainingLanguage, readonly RegExp[]> = {
  en: [
    /\bhappened\b/iu,
    /\b(?:was|were|had|did|took|gave|made|saw|got|went|brought|bought|hit|hurt|left|kept|sent|showed|touched|filmed|grabbed|used to)\b/iu,
    // A past verb in -ed, not the passive present "is being recorded" and not "need"/"feed".
    /(?<!\b(?:being|be|been|get|gets|getting) )\b(?!(?:need|feed|speed|seed|bed|red|shed|weed|breed|proceed|succeed|exceed)\b)\p{L}{2,}ed\b/iu,
  ],
  es: [
    /(?<!\p{L})(?:pasó|paso|sucedió|ocurrió)(?!\p{L})/iu,
    /(?<!\p{L})(?:estabas|estaba|estaban|estuviste|estuvo|fuiste|fue|fueron|había|habían|hubo|tenía|tenías|tenían|dio|dieron|vio|vieron|hizo|hicieron|puso|pusieron|tuvo|tuviste|tuvieron|trajo|llevó|llevaron)(?!\p{L})/iu,
    // A preterite or imperfect in -ó/-aron/-ieron/-aba/-ía (grabó, grabaron, miraba, tenía),
    // not the interview's own past with the child ("me dijiste", "me contaste").
    /(?<!\p{L})\p{L}{2,}(?:ó|aron|ieron|ían|ías)(?!\p{L})/iu,
    /(?<!\p{L})\p{L}{3,}(?:aba|abas|aban)(?!\p{L})/iu,
    /(?<!\p{L})\p{L}{3,}ía(?!\p{L})/iu,
  ],
};

function roomFrame(text: string, language: TrainingLanguage): boolean {
  const t = text.replace(/’/g, "'");
  return ROOM_FRAME[language].some((re) => re.test(t));
}

/** Whether the sentence speaks of the event (EVENT_FRAME). */
export function speaksOfEvent(sentence: string, language: TrainingLanguage): boolean {
  const t = sentence.replace(/’/g, "'").replace(INTERVIEW_PAST[language], ' ');
  return EVENT_FRAME[language].some((re) => re.test(t));
}

/**
 * The interview's own past, taken off before EVENT_FRAME reads a sentence: the interviewer's
 * acts ("I brought you some crayons", "we set up the camera", "I said") and the child's telling
 * in this interview ("you told me", "you mentioned", "you came here"). Spanish first- and
 * second-person preterites ("traje", "me dijiste", "viniste") are no EVENT_FRAME form already.
 */
const INTERVIEW_PAST: Record<TrainingLanguage, RegExp> = {
  en: /\b(?:i|we)(?: (?:just|already|also|have|had|'ve|'d))? \p{L}+\b|\byou (?:just |already |also )?(?:told|said|mentioned|talked|came|asked|explained|showed|were (?:telling|talking|saying))\b/giu,
  es: /(?!)/gu,
};

function lowerWords(text: string): string[] {
  return (
    text
      .toLocaleLowerCase()
      .match(/[\p{L}'’]+/gu)
      ?.map((w) => w.replace(/’/g, "'")) ?? []
  );
}

/** The interviewer's reassurance about the pace, said to the child ("Take your time."). */
const PACE: Record<TrainingLanguage, RegExp> = {
  en: /^(?:take your time|there'?s no (?:rush|hurry)|no (?:rush|hurry)|(?:it'?s|that'?s) (?:okay|ok|fine))\b/iu,
  es: /^(?:tómate (?:tu|el) tiempo|no hay (?:prisa|apuro)|(?:está|esta) bien)\b/iu,
};

function speaksAsInterviewer(text: string, language: TrainingLanguage): boolean {
  if (PACE[language].test(text.replace(/’/g, "'"))) return true;
  return lowerWords(text).some(
    (w) =>
      FIRST_PERSON[language].has(w) ||
      (language === 'es' && (/\p{L}{2,}mos$/u.test(w) || /[áéíóú]\p{L}*me(?:lo|la)?$/u.test(w))),
  );
}

/**
 * The interviewer claiming to know what happened ("We know it happened at home.", "I already
 * know what he did.", "Sabemos que pasó en la casa.", "Ya sé lo que pasó."): not talk about the
 * interview but a leading statement, the "other people" component of suggestive interviewing
 * that raised false allegations in Garven, Wood, Malpass & Shaw (1998) J Appl Psychol
 * 83:347-359 (audit item "We know it happened at home"). Hearth's pattern.
 */
const KNOWS_EVENT: Record<TrainingLanguage, RegExp> = {
  en: /\b(?:we|i)(?: already| all)? know (?:that )?(?:it happened|what (?:happened|he|she|they)|(?:he|she|they|someone|somebody) |something (?:happened|bad)|about (?:what|the))/iu,
  es: /\b(?:(?:ya )?sabemos|ya s[ée]|s[ée]) (?:que |lo que )?(?:(?:te )?pas[óo]|(?:él|ella|alguien) |te (?:hizo|hicieron|pegó|pego|tocó|toco|lastimó|lastimo))/iu,
};

/** The claim's own words ("know", "sabemos", "ya"): the frame of the claim, never a detail. */
export const KNOWING_WORDS: Record<TrainingLanguage, ReadonlySet<string>> = {
  en: new Set(['know', 'knew', 'already']),
  es: new Set(['sabemos', 'se', 'ya', 'sabe', 'saben', 'sabia', 'sabiamos']),
};

/** Whether the utterance has the interviewer claim to know what happened (KNOWS_EVENT). */
export function assertsKnowledge(text: string, language: TrainingLanguage): boolean {
  return KNOWS_EVENT[language].test(text.replace(/’/g, "'"));
}

/** "my name is Alex", "I'm Alex", "me llamo Ana", "soy Ana": the capitalised name is dropped. */
const SELF_INTRO: Record<TrainingLanguage, RegExp> = {
  en: /(\b(?:[Mm]y name is|I'm|I am)\s+)\p{Lu}[\p{L}'’-]*(?:\s+\p{Lu}[\p{L}'’-]*)?/gu,
  es: /(\b(?:[Mm]e llamo|[Mm]i nombre es|[Ss]oy)\s+)\p{Lu}[\p{L}'’-]*(?:\s+\p{Lu}[\p{L}'’-]*)?/gu,
};

// A capital letter after another word of the same sentence: a name ("Mr. Dan", "Marco"); an
// acronym in capitals ("TV", "ID") names a thing, not someone (audit 18h: "watching on a TV").
const NAME_INSIDE = /(?<=[\p{L}\p{N},;'’]\s+)\p{Lu}\p{Ll}[\p{L}]*/u;

const cache = new Map<TrainingLanguage, { exact: Set<string>; stems: Set<string> }>();

function processWords(language: TrainingLanguage): { exact: Set<string>; stems: Set<string> } {
  const hit = cache.get(language);
  if (hit) return hit;
  const exact = new Set(LISTS[language].map((w) => normalise(w)));
  const made = { exact, stems: new Set([...exact].map((w) => stem(w, language))) };
  cache.set(language, made);
  return made;
}

/** Whether one folded word is a word of the interview itself (its notes, time, rules, talk). */
export function isProcessWord(word: string, language: TrainingLanguage): boolean {
  const { exact, stems } = processWords(language);
  const w = word.replace(/'/g, '');
  return exact.has(w) || stems.has(stem(w, language));
}

/**
 * A request for the child's account ("Tell me about the bathroom.", "Show me where.", "Cuéntame
 * del baño.", "Platícame de eso."): an imperative that asks about the event, heard as a question.
 * Its words are what the child is asked about, never talk about the room. "Tell me if you need
 * a break." and "Dime si necesitas algo." are offers. Hearth's rule.
 */
const REQUEST: Record<TrainingLanguage, RegExp> = {
  en: /^(?:(?:okay|ok|now|so|and|alright|all right|well|please),?\s+)*(?:tell|describe|explain|show|say|talk about)\b(?!(?: me| us)? (?:if|when|whenever)\b)/iu,
  es: /^(?:(?:bueno|ahora|y|ok|okey|entonces|a ver|por favor),?\s+)*(?:cuéntame|cuentame|cuéntanos|platícame|platicame|dime|descríbeme|describeme|explícame|explicame|muéstrame|muestrame|enséñame|ensename|háblame|hablame)(?!\p{L})(?!,? (?:si|cuando)(?!\p{L}))/iu,
};

/** Whether the sentence asks for the child's account in the imperative (REQUEST). */
export function isRequest(sentence: string, language: TrainingLanguage): boolean {
  return REQUEST[language].test(sentence.trim().replace(/^[¡"'“«]+/u, ''));
}

/**
 * The here and now of the interview, by the sentence's grammar rather than by its words (audit
 * 18h, N18h-1: room lines whose words no list held, "This little microphone picks up our
 * voices.", "La grabadora está prendida.", planted): the interviewer's own voice ("I", "we",
 * "my partner", "our voices", "this room", Spanish first-person verbs), an offer to the child
 * ("you can", "if you get thirsty", "si tienes hambre", "cuando quieras"), the room pointed at
 * ("there's", "here", "hay", "aquí"), or what is going on now (a progressive, "is on", "is
 * behind the mirror"; Spanish "estar", which says where or how something is now, never what
 * happened). The event under discussion is past; a sentence in this frame says nothing of it.
 * Hearth's rule, after the NICHD revised protocol's introduction and break (Lamb, Brown,
 * Hershkowitz, Orbach & Esplin 2018).
 */
const NOW: Record<TrainingLanguage, readonly RegExp[]> = {
  en: [
    /\b(?:is|are|'s|'re|am|'m) (?:(?:still|right|just|always|now) )?(?:on|off|here|there|over|in|at|behind|next|outside|inside|down|up|across|near|ready|available|open|closed|free|welcome|(?:being )?\p{L}+ing)\b/iu,
    /^(?:(?:and|so|now|okay|ok|also),?\s+)?(?:(?:the|this|that|these|those|our|my|your|a|an) )?(?:\p{L}+ )?\p{L}+ (?:is|are) (?:right |just |still )?(?:here|there|on|off|outside|inside|next door|down the hall|over there)\b/iu,
  ],
  es: [
    /(?<!\p{L})(?:está|están|estoy|estamos|estás)(?!\p{L})/iu,
    /(?<!\p{L})si (?:tienes|te da|te dan|te sientes|quieres|necesitas|ocupas|gustas|te cansas|te (?:da|dan) ganas)(?!\p{L})/iu,
    /(?<!\p{L})(?:cuando (?:quieras|necesites|gustes|tú quieras)|nomás (?:dime|avísame)|me (?:dices|avisas))(?!\p{L})/iu,
  ],
};

function hereAndNow(sentence: string, language: TrainingLanguage): boolean {
  const t = sentence.replace(/’/g, "'");
  if (roomFrame(t, language) || speaksAsInterviewer(t, language)) return true;
  return NOW[language].some((re) => re.test(t));
}

/**
 * Whether one sentence is talk about the interview: a statement (not a question, not a request
 * for the child's account) that puts nothing into the event under discussion (eventDetailWords
 * is empty). This is the one decision the coding and the child's uptake share (event-talk.ts).
 */
export function isProcessSentence(sentence: string, language: TrainingLanguage): boolean {
  const trimmed = sentence.replace(SELF_INTRO[language], '$1').trim();
  if (trimmed.length === 0) return true;
  if (/\?\s*['")»]*$/u.test(trimmed) || trimmed.startsWith('¿')) return false;
  if (isRequest(trimmed, language)) return false;
  return eventDetailWords(sentence, language).size === 0;
}

/**
 * The detail words (detail-words.ts, folded) by which one sentence puts an act, person, object,
 * body part, place or time into the event under discussion, whether or not the child has said
 * them (event-talk.ts takes off what the child said). Hearth's rule, in this order:
 * - a question: all its detail words (it asks about them);
 * - a statement or request that names someone (he/she, a name) or claims to know the event ("We know it
 *   happened at home."): all its detail words, interview words included ("He had a camera.");
 * - a statement or request whose detail words are all words of the interview that name nothing
 *   of an event ("Kids come here to talk about things that happened.", training-process.json):
 *   none;
 * - any other request for the child's account ("Tell me about the bathroom."): all of them;
 * - a statement that speaks of the event (happened, a past act that is not the interview's own:
 *   "There was a camera in his car.", "Te tomó fotos."): all its detail words;
 * - a statement in the here and now of the interview (NOW: the interviewer's voice, an offer,
 *   the room pointed at, what is going on now): none, whatever its words;
 * - any other statement that names a person, the child, an act or thing of concern or a past
 *   form ("Te toca en la noche.", "Your uncle has a tattoo."; namesEventPersonOrAct): all its
 *   detail words;
 * - any other statement, a present one about a thing ("The fan makes a little noise."): none.
 */
export function eventDetailWords(sentence: string, language: TrainingLanguage): Set<string> {
  // "You said it was your mom.", "Me dijiste que el perro era negro.": a quote of the child's
  // account is about the event whatever its verb; a misquote puts its words into the event (a
  // leading declarative, Roberts & Lamb 1999), it is no talk about the interview (native es-419
  // review: such a misquote was answered "Ok." like support).
  const quoted = REPORTED[language].exec(sentence.trim())?.[1];
  if (quoted !== undefined && !/^about\b|^de\b|^sobre\b/iu.test(quoted.trim()))
    return detailWordsOf(quoted, language);
  const trimmed = sentence.replace(SELF_INTRO[language], '$1').trim();
  const detail = detailWordsOf(trimmed, language);
  if (trimmed.length === 0 || detail.size === 0) return new Set();
  if (/\?\s*['")»]*$/u.test(trimmed) || trimmed.startsWith('¿')) return detail;
  const names =
    NAME_INSIDE.test(trimmed) ||
    assertsKnowledge(trimmed, language) ||
    lowerWords(trimmed).some((w) => THIRD_PERSON[language].has(w));
  if (names) return detail;
  const details = wordTools(language)
    .contentStems(trimmed)
    .filter((s) => detail.has(s.word));
  const pure = (w: string) =>
    isProcessWord(w, language) &&
    !AMBIGUOUS[language].has(normalise(w)) &&
    !ROOM[language].has(normalise(w));
  // "Tell me about anything you've thought about since we talked.": the protocol's own request
  // names nothing of an event.
  if (details.every((s) => pure(s.word))) return new Set();
  if (isRequest(trimmed, language)) return detail;
  if (speaksOfEvent(trimmed, language)) return detail;
  if (hereAndNow(trimmed, language)) return new Set();
  if (namesEventPersonOrAct(trimmed, language, details)) return detail;
  return new Set();
}

/** Whether a sentence quotes the child's account ("You said...", "Me dijiste que..."). */
export function quotesChild(sentence: string, language: TrainingLanguage): boolean {
  return REPORTED[language].test(sentence.trim());
}

/** The interviewer quoting the child's account: the quoted clause (group 1). */
const REPORTED: Record<TrainingLanguage, RegExp> = {
  en: /^(?:(?:so|and|earlier|before),?\s+)?you\s+(?:just\s+|already\s+|also\s+)?(?:said|told me|mentioned|were saying)\s+(?:that\s+)?(.+)$/iu,
  es: /^(?:(?:entonces|y|antes|hace rato),?\s+)?(?:me\s+)?(?:dijiste|contaste|comentaste|platicaste|estabas diciendo)\s+(?:que\s+)?(.+)$/iu,
};

/**
 * Someone of the event by a pronoun: the child ("Your uncle...", "Te toca en la noche.", "You
 * have a bruise.": the interviewer's "you" and the Spanish second-person forms a present
 * statement uses) or, in Spanish, someone whose pronoun the verb dropped ("su cámara", "le
 * dice"). "he"/"she"/"él"/"ella" are THIRD_PERSON, read before.
 */
const PERSON_PRONOUN: Record<TrainingLanguage, RegExp> = {
  en: /\b(?:you|your|yours|yourself|you're|you've|you'll|you'd)\b/iu,
  es: /(?<!\p{L})(?:tu|tú|tus|te|ti|contigo|tuyo|tuya|tuyos|tuyas|usted|tienes|eres|sabes|vives|haces|sientes|quieres|vas|su|sus|le|les)(?!\p{L})/iu,
};

/** Spanish past forms EVENT_FRAME's endings miss ("Dijo que era un secreto."). */
const ES_IRREGULAR_PAST: ReadonlySet<string> = new Set(
  'dijo dijeron vino vinieron quiso quisieron supo pudo pudieron anduvo era eran iba iban fui'.split(
    ' ',
  ),
);

/**
 * Whether a present statement that is none of the frames above still puts something into the
 * event: it names a person (a relationship or role noun: "Your uncle does bad things to kids.",
 * "El señor vive al lado."), the child ("Te toca en la noche."), an act or thing of concern that
 * is not the room's own (presumptive details: "It hurts.", "Dijo que era un secreto."), or a past
 * form EVENT_FRAME misses ("A teenager stole the bike."). A present-simple sentence about a thing
 * in the room with none of these ("The fan makes a little noise.", "The camera in the corner
 * records everything.", "El reloj de la pared marca las diez.") says nothing of the event and
 * plants nothing (audit 18i, N18i-1: such lines planted 19/30). Spanish drops the subject, so
 * "Tiene una cámara." with no "su"/"le" reads as the room's; Hearth's rule.
 */
function namesEventPersonOrAct(
  sentence: string,
  language: TrainingLanguage,
  details: ReadonlyArray<{ stem: string; word: string }>,
): boolean {
  const t = sentence.replace(/’/g, "'");
  if (PERSON_PRONOUN[language].test(t)) return true;
  const lex = lexiconFor(language);
  const raw = lowerWords(t);
  if (raw.some((w) => (language === 'en' ? isIrregularPastForm(w) : ES_IRREGULAR_PAST.has(w))))
    return true;
  return details.some((s) => {
    const folded = normalise(s.word);
    const st = stem(folded, language);
    if (lex.personStems.has(st) || lex.everydayRoleStems.has(st)) return true;
    return (
      lex.presumptiveStems.has(st) &&
      !AMBIGUOUS[language].has(folded) &&
      !ROOM[language].has(folded)
    );
  });
}

/**
 * The utterance without its sentences of talk about the interview: what is left is what could
 * say something about the event. "I'm going to write some notes. Did he hurt you?" keeps only
 * the question.
 */
export function withoutProcessTalk(text: string, language: TrainingLanguage): string {
  return sentencesOf(text, language)
    .filter((s) => !isProcessSentence(s, language))
    .join(' ');
}
