// Statements and summaries checked against the child's words, like questions (issue #16 item 3;
// practitioner review 3, B1/B2). An interviewer's statement that names a person, act, place or
// object the child has not said puts words in the child's mouth, and children often fail to
// correct such statements (Roberts & Lamb 1999, Legal Criminol Psychol 4:23-31); a prompt that
// assumes undisclosed information is suggestive (Lamb, Orbach, Hershkowitz, Esplin & Horowitz
// 2007, Child Abuse Negl 31:1201-1231). A summary made only of the child's own words stays an
// acceptable summary, coded as NICHD codes a restatement: a facilitator. Leading "so" / "and then" are not a reason to skip the check.
import { decide, type Decision } from './decision';
import type { Lexicon } from './lexicon';
import { movedObject } from './moved-object';
import { pronounOfNobody } from './presumed-person';
import { stem, words } from './text';
import {
  echoesChild,
  presupposedUnsaid,
  reusedChildWord,
  unsaidContentWords,
  unsaidDetail,
  type ChildVocabulary,
  type DetailKind,
} from './vocabulary';

// A statement asserts: the closed-only details (clothes) count there as in a yes/no question.
const ALL_KINDS: ReadonlySet<DetailKind> = new Set(['detail', 'person', 'place', 'name', 'closed']);
const ASSERTED_KINDS: ReadonlySet<DetailKind> = new Set([...ALL_KINDS, 'category']);

// "You said (that) ..." quotes the child back: the frame words are not the interviewer's claim,
// nor is when the child said it ("a minute ago you said", "hace ratito dijiste"): Lamb et al. 2007,
// cued invitations name what the child said earlier in the interview.
const QUOTE_FRAME =
  /^(?:(?:a (?:minute|moment|little while|while|bit) ago|earlier|before|just now|hace (?:un )?(?:rato|ratito|momento|momentito|poco)|antes|ahorita|al principio),? )?(?:(?:you|tu) )?(?:said|told me|mentioned|(?:me )?(?:dijiste|contaste|mencionaste|platicaste))(?: that| que)?[,:]?\s*/;

/**
 * Codes one statement sentence against what the child has said.
 * @param d the context-free decision for the sentence (other/statement, other/ground-rule or
 *   suggestive/leading-declarative); other decisions are returned unchanged.
 * @param sentence the normalised sentence, fillers included ("so he hurt you in the car").
 * @param original the whole utterance as typed (names and Spanish accents are read from it).
 * @returns suggestive/leading-declarative with the unsaid words as cue; facilitator/summary when the
 *   statement asserts an event only in the child's words; otherwise `d`.
 */
export function statementInContext(
  d: Decision,
  sentence: string,
  original: string,
  lex: Lexicon,
  vocab: ChildVocabulary,
  childWords?: readonly string[],
): Decision {
  // Who is waiting or watching (lexicon `logistics`) is the setting, not the event; the child's
  // needs in the room (`interviewNeeds`: bathroom, water, a break) are not the event either.
  if (d.reasonKey === 'logistics' || d.reasonKey === 'childNeeds') return d;
  // The interviewer's own introduction ("Hi, my name is Dana and my job is to talk with kids about
  // things that happened to them", «Hola, me llamo Dana y mi trabajo es platicar con niños sobre
  // cosas que les pasaron»: NICHD 2014 and NCAC 2019 introductions) names the interviewer and
  // speaks of children in general: it claims nothing about this child's event (coach35).
  if (d.type === 'other' && selfIntroduction(sentence)) return d;
  // The interviewer's own procedure ("Is it okay if I check with my colleague in the other
  // room?", lexicon `procedural`) is not a claim about the event either.
  if (d.type === 'other' && lex.procedural.test(sentence)) return d;
  // "Surely he hit you?" tells the child the answer even in the child's own words.
  if (d.reasonKey === 'certainty') return d;
  const checkable =
    d.subtype === 'leading-declarative' ||
    (d.type === 'other' && (d.subtype === 'statement' || d.subtype === 'ground-rule'));
  if (!checkable) return d;
  // After the interviewer's own introduction only its tail is a claim: the interviewer's name is
  // no detail the child has to have said (review23).
  const intro = SELF_INTRO.exec(sentence);
  const claim = intro
    ? sentence.slice(intro.index + intro[0].length).replace(/^[\s,.!]+/, '')
    : claimOf(sentence, lex);
  if (claim.length === 0) return d;
  // The interviewer's introduction in another sentence of the turn is no part of this claim.
  original = withoutSelfIntroduction(original);
  const lowered = original.toLowerCase();
  // A sentence about the interview itself (the interviewer, the recording, the room, the child's
  // options) assumes nothing about the event, unless it also asserts an act by someone.
  // An introduction with a tail of its own ("... my job is to talk with kids whose uncle hurt
  // them") is no interview talk: its tail is read as a claim about the event (review23).
  const introTail = intro !== null;
  if (
    d.subtype !== 'leading-declarative' &&
    !introTail &&
    lex.interviewFrame.test(claim) &&
    !lex.eventClause.test(lex.language === 'es' ? lowered : claim)
  )
    return d;
  // Interview talk that also says something was done to the child ("I'm here because someone did
  // something to you", «voy a preguntarte sobre lo que te hacía tu tío») asserts that event
  // (review23).
  const eventMatch =
    d.subtype === 'statement' && (lex.interviewFrame.test(claim) || HERE_BECAUSE.test(claim))
      ? lex.eventClause.exec(lex.language === 'es' ? lowered : claim)
      : null;
  // Only a clause about the child ("to you", «te»): "the things you like" is no act.
  const frameEvent = eventMatch !== null && /\b(?:you|te)\b/.test(eventMatch[0]);
  const asserts =
    frameEvent ||
    d.subtype === 'leading-declarative' ||
    lex.leadingDeclarative.test(claim) ||
    lex.actor.test(lex.language === 'es' ? lowered : claim) ||
    lex.statementEvent.test(lex.language === 'es' ? lowered : claim);
  // The lexicon's categories of detail (places, times, body parts...) count only in a statement
  // that asserts an event ("He pulled your hair."): "Let's take a short break" or "so your feet
  // can reach" assert nothing about it (coach30, P19-2).
  const detail = unsaidDetail(
    claim,
    vocab,
    lex,
    asserts ? ASSERTED_KINDS : ALL_KINDS,
    asserts ? original : undefined,
  );
  if (detail) return leading(detail, claim);
  // "You said he touched you." after "He touched my sister.": the act moved onto the child (asserted
  // or not: "You said Mike touched you" names no act word of the lexicon), or
  // a person added to whom it was done to (moved-object.ts, review25 F9).
  const moved = movedObject(claim, vocab.turns, lex);
  if (moved?.kind === 'moved')
    return decide('suggestive', 'leading-declarative', 'movedObject', moved.cue, claim);
  if (moved) return leading(moved.cue, claim);
  if (!asserts)
    return restatedFragment(claim, d, vocab, lex) ||
      (d.subtype === 'statement' && echoesChild(claim, vocab, lex.language))
      ? summary(claim)
      : d;
  const unsaid = presupposedUnsaid(claim, original, vocab, lex, true);
  // Interview talk ("Estoy aquí porque ...") names the event clause itself as the cue, not the
  // frame's own words.
  if (unsaid.length > 0 && frameEvent && HERE_BECAUSE.test(claim))
    return leading(eventMatch[0].trim(), claim);
  if (unsaid.length > 0) return leading(unsaid.join(', '), claim);
  // "You said he hurt you." after "My tummy hurt.": the summary gives the act an agent, a person
  // the child has named nowhere (presumed-person.ts pronounOfNobody, coach38).
  if (childWords && quotesChild(sentence, lex)) {
    const agent = pronounOfNobody(claim, original, childWords, lex);
    if (agent) return leading(agent, claim);
  }
  // A summary made only of the child's words restates them: NICHD codes a restatement of the
  // child's previous utterance as a facilitator (Lamb et al. 2007). One that adds a word was
  // caught above as a leading declarative (Roberts & Lamb 1999).
  if (reusedChildWord(claim, vocab, lex) !== undefined) return summary(claim);
  // "He told you not to tell." after "he told me not to tell": the child's sentence said back word
  // for word (person shifted) adds nothing, whatever its words are (a restatement, Lamb et al. 2007).
  if (echoesChild(claim.replace(lex.fillers, ''), vocab, lex.language)) return summary(claim);
  // The reason for the interview given as an act done to the child, in words the child has not
  // used ("I'm here because someone did something to you"): a leading declarative (review23).
  if (frameEvent) return leading(eventMatch[0].trim(), claim);
  return d;
}

// "I'm here because ..." / «Estoy aquí porque ...»: the reason for the interview, told to the child.
const HERE_BECAUSE = /\b(?:here|aqui|aquí) (?:because|porque)\b/;

function summary(claim: string): Decision {
  return decide('facilitator', 'summary', 'summary', '', claim);
}

/**
 * "Right, the blue car." / "At Kayla's house." / "Ah, ok, en la cochera.": a short phrase that
 * says back the child's own words and adds none is a restatement, which NICHD codes as a
 * facilitator (Lamb et al. 2007; Lamb et al. 2018, ch. 4). Short: at most five words, no
 * interviewer first person ("I got it" is the interviewer speaking, not a restatement).
 */
function restatedFragment(
  claim: string,
  d: Decision,
  vocab: ChildVocabulary,
  lex: Lexicon,
): boolean {
  if (d.subtype !== 'statement') return false;
  const ws = claim.split(' ');
  if (ws.length > RESTATEMENT_WORDS || INTERVIEWER_FIRST_PERSON.test(claim)) return false;
  if (reusedChildWord(claim, vocab, lex) === undefined) return false;
  if (unsaidContentWords(claim, vocab, lex).length > 0) return false;
  // A longer sentence ("You ran to the neighbor's house." after "I ran to the neighbor's house")
  // is a restatement only when its content words come, in the same order, from one child turn:
  // the child's words recombined into a new claim are not the child's account.
  return ws.length <= FRAGMENT_WORDS || inOneTurnInOrder(claim, vocab, lex);
}
const FRAGMENT_WORDS = 5;
const RESTATEMENT_WORDS = 12;

function inOneTurnInOrder(claim: string, vocab: ChildVocabulary, lex: Lexicon): boolean {
  const content = (text: string): string[] =>
    words(text)
      .filter((w) => w.length >= 3 && !lex.functionWords.has(w) && !lex.stopwords.has(w))
      .map((w) => stem(w, lex.language));
  const wanted = content(claim);
  if (wanted.length < 2) return false;
  return vocab.turns.some((turn) => {
    const said = content(turn);
    let i = 0;
    for (const w of said) if (w === wanted[i]) i++;
    return i === wanted.length;
  });
}
const INTERVIEWER_FIRST_PERSON = /\b(?:i|i'm|i'll|i've|me|my|yo|mi)\b/;

/** The sentence says the child said it: a summary preamble or a quote frame ("You said ..."). */
function quotesChild(sentence: string, lex: Lexicon): boolean {
  const s = sentence.replace(lex.fillers, '');
  if (lex.summaryPreamble.test(s)) return true;
  return QUOTE_FRAME.test(s.replace(ACK_OPENER, ''));
}

/** The asserted part of a sentence: without fillers, a summary preamble or a quote frame. */
function claimOf(sentence: string, lex: Lexicon): string {
  let s = sentence.replace(lex.fillers, '');
  s = s.replace(lex.summaryPreamble, '');
  s = s.replace(lex.fillers, '');
  return s
    .replace(QUOTE_FRAME, '')
    .replace(ACK_OPENER, '')
    .replace(/(^|\s)'|'(?=\s|$)/g, '$1')
    .trim();
}
// "Ajá, te dijo que era un secreto." / "Okay, the blue car.": a bare acknowledgement before the
// words said back is the facilitator itself, not part of the claim (Lamb et al. 2007: facilitators
// and restatements). Hearth's short list of the commonest ones in both languages.
const ACK_OPENER =
  /^(?:(?:aja|ajam|aha|mm+[- ]?hm+|m+hm+|uh[- ]?huh|ok|okay|okey|ah|oh|right|i see|ya veo|orale|mjm)[,.]?\s+)+/;

function leading(cue: string, focus: string): Decision {
  return decide('suggestive', 'leading-declarative', 'leadingDeclarative', cue, focus);
}

// The introduction opens the sentence: "(Hi,) my name is X", «(Hola,) me llamo X» / «mi nombre es
// X», or "(Hi,) I'm X, and my job is" / «soy X y mi trabajo es», or "My job is" / «Mi trabajo es»
// (NICHD 2014 and NCAC 2019 introductions). Anything after it that speaks to this child ("to you",
// «te», «tu») is checked as usual.
const GREETING = String.raw`(?:(?:hi|hello|hola|buenos dias|buenas tardes)\b[,.! ]*)?`;
const SELF_INTRO = new RegExp(
  `^${GREETING}(?:(?:my name is|me llamo|mi nombre es)\\s+\\p{L}+` +
    `|(?:i'm|i am|yo soy|soy)\\s+\\p{L}+,?\\s+(?:and\\s+|y\\s+)?(?:my job is|mi trabajo es)\\b` +
    `|(?:and\\s+|y\\s+)?(?:my job is|mi trabajo es)\\b)`,
  'u',
);
// What may follow the introduction and still claim nothing about this child (fix23a, review23):
// the interviewer's role with children in general ("and my job is to talk with kids about things
// that happen(ed) to them", «y mi trabajo es platicar con niños sobre cosas que les pasan»: NICHD
// 2014 and NCAC 2019 introductions). Any other tail ("... about touching", "... whose uncle hurt
// them", «... a los que su tío tocó») is checked like any statement (Hearth's rule).
const ROLE = String.raw`(?:(?:i'm|i am|soy)\s+(?:an?\s+|una?\s+)?\p{L}+,?\s+)?`;
// The interviewer's own occupation after the name ("Hi, my name is Dana and I'm a police officer.",
// «Me llamo Dana y soy trabajadora social.»: NICHD 2014 and NCAC 2019 introductions say who the
// interviewer is). Only occupations from this list: a free tail ("and I'm sorry he touched you")
// stays checked (lead, session 23: fix23a's tail rule flagged the police officer's introduction).
const OCCUPATION = String.raw`(?:(?:forensic\s+)?interviewer|police\s+officer|officer|detective|investigator|social\s+worker|caseworker|case\s+worker|counsel(?:l)?or|therapist|nurse|doctor|advocate|(?:oficial|agente)(?:\s+de\s+(?:la\s+)?polic[ií]a)?|polic[ií]a|detective|investigador(?:a)?|trabajador(?:a)?\s+social|entrevistador(?:a)?(?:\s+forense)?|consejer[oa]|terapeuta|enfermer[oa]|doctor(?:a)?|m[eé]dic[oa]|defensor(?:a)?)`;
const OCCUPATION_TAIL = String.raw`(?:(?:and|y)\s+)?(?:i'm|i am|yo soy|soy)\s+(?:an?\s+|una?\s+|el\s+|la\s+)?${OCCUPATION}`;
const GENERIC_INTRO_TAIL = new RegExp(
  '^[,.!]?\\s*(?:' +
    // English: "(and) (my job is|part of my job is|I) (to) talk with kids (about things that
    // happen(ed) to them)".
    String.raw`${ROLE}(?:and\s+)?(?:(?:part of\s+)?my job is\s+|i\s+)?(?:to\s+)?` +
    String.raw`(?:talk|talking|speak|speaking)\s+(?:with|to)\s+(?:lots of\s+)?(?:kids|children|boys and girls)` +
    String.raw`(?:\s+(?:about|of)\s+(?:the\s+)?things(?:\s+that)?\s+(?:happen|happened|have happened)(?:\s+to them)?)?` +
    '|' +
    // Spanish: «(y) (parte de) (mi trabajo es|consiste en) platicar con niños (y niñas) (sobre
    // cosas que les pasan / pasaron / han pasado)».
    String.raw`${ROLE}(?:y\s+)?(?:(?:parte de\s+)?mi trabajo (?:es|consiste en)\s+)?` +
    String.raw`(?:platicar|hablar|hablo|platico|preguntarle|preguntarles)\s+(?:con|a)\s+(?:los\s+)?ni(?:n|ñ)os(?:\s+y\s+(?:las\s+)?ni(?:n|ñ)as)?` +
    String.raw`(?:\s+(?:sobre|de|acerca de)\s+(?:las\s+)?cosas\s+que\s+(?:les\s+)?(?:pasan|pasaron|han pasado|suceden|sucedieron|han sucedido))?` +
    '|' +
    OCCUPATION_TAIL +
    ')?[,.!]?\\s*$',
  'u',
);
/**
 * The sentence opens with the interviewer's own introduction ("(Hi,) my name is X", «me llamo
 * X», "my job is", «mi trabajo es»), whatever follows it.
 * @param sentence the normalised sentence.
 */
export function opensIntroduction(sentence: string): boolean {
  return SELF_INTRO.test(sentence);
}

function selfIntroduction(sentence: string): boolean {
  const m = SELF_INTRO.exec(sentence);
  if (!m) return false;
  // Only the introduction with a generic tail is exempt; anything else about touching, a person
  // or an event gets the ordinary checks (review23: the old rule exempted every tail without
  // "you").
  return GENERIC_INTRO_TAIL.test(sentence.slice(m.index + m[0].length).trim());
}

/** `original` without its self-introduction sentences (selfIntroduction), case kept. */
function withoutSelfIntroduction(original: string): string {
  if (!SELF_INTRO_ANYWHERE.test(original)) return original;
  return original
    .split(/(?<=[.!?])\s+/)
    .filter((part) => !selfIntroduction(part.toLowerCase().replace(/[¿¡]/g, '').trim()))
    .join(' ');
}
const SELF_INTRO_ANYWHERE =
  /\b(?:my name is|i'm|me llamo|mi nombre es|soy|my job is|mi trabajo es)\b/i;
