// How the simulated child says a suggested detail it takes up (audit N18d-7). A child who
// complies with a leading yes/no question affirms the interviewer's proposition in the
// interviewer's own words ("Did he take your ID?" -> "Yes. He did take my ID."): compliance is
// the acceptance of what was put (Gudjonsson 2003, The Psychology of Interrogations and
// Confessions, ch. 14; Ceci & Bruck 1993: planted details come from the question's content). So
// the sentence is the question's own clause seen from the child's side (you -> me, your -> my,
// te -> me, tu -> mi, fuiste -> fui): a full sentence at any age, with no word the interviewer
// did not say apart from those person changes. Hearth's rendering rule, not a published rate.
import { sentencesOf } from '../questions';
import { normalise } from '../questions/text';
import { detailWordsOf, PHRASES } from './detail-words';
import { irregularPast, isOverregularised } from './english-past';
import { negatedProposition } from './negation';
import type { TrainingLanguage } from './types';

const EN_AUX = '(?:did|does|do|is|was|were|are|has|have|had|will|would|can|could)';
const EN_SUBJECT =
  "(?:he|she|they|it|you|someone|somebody|anyone|anybody|anything|something|(?:mr|mrs|ms|dr|miss)\\.? [A-Z][\\w'-]*|(?:the|your|his|her|their|a|an|that|this) [\\w'-]+|[A-Z][\\w'-]*)";
/** Auxiliary + subject + the rest, at the start of the question or after a comma (vocative). */
const EN_YES_NO = new RegExp(`(?:^|,\\s+)(${EN_AUX})\\s+(${EN_SUBJECT})\\s+(.+)$`, 'i');
/** A tag or a vocative after the clause: ", or not", ", right", ", my friend", ", sweetie". */
const EN_TAIL = /,\s*(?:or not|right|okay|ok|huh|(?:my\s+)?[a-z]+)\s*$/i;
const EN_OBJECT: Readonly<Record<string, string>> = {
  you: 'me',
  your: 'my',
  yours: 'mine',
  yourself: 'myself',
  anyone: 'someone',
  anybody: 'somebody',
  anything: 'something',
};
const EN_SUBJECT_SWAP: Readonly<Record<string, string>> = {
  you: 'I',
  anyone: 'someone',
  anybody: 'somebody',
  anything: 'something',
};
const EN_AUX_FOR_I: Readonly<Record<string, string>> = { are: 'am', were: 'was' };
/** Words that only ask ("ever", "really") and would be odd in the child's affirmation. */
const EN_QUESTION_ONLY = /\b(?:ever|really)\s+/gi;

/**
 * The question's clause from the child's side ("Did he take your ID?" -> "He did take my ID."),
 * or undefined when the question is not a yes/no clause that can be turned (a wh- question, a
 * fragment).
 */
export function compliantClause(
  question: string,
  language: TrainingLanguage,
  detailWords: readonly string[],
): string | undefined {
  const asked = sentencesOf(question, language).filter((s) => /\?\s*$/.test(s));
  const last = asked[asked.length - 1];
  if (last === undefined) return undefined;
  // English drops fillers by a grammar-word list; Spanish keeps the clause whole (its verb, its
  // "que", its auxiliaries) and drops only a closed list of fillers (es12 E12-2: the list
  // filter left "Me dijo no le dijeras a.").
  const clause = withActObject(
    language === 'en'
      ? ((t) => (t === undefined ? undefined : withoutFillers(t, question, language)))(
          englishClause(withoutWh(last)),
        )
      : spanishClause(last),
    language,
  );
  // The clause must carry the detail taken up (in the child's person: "tocaste" is "toqué");
  // otherwise it says nothing the child adopted.
  const words = new Set((clause ?? '').toLowerCase().match(/[\p{L}\p{N}']+/gu) ?? []);
  const forms = (w: string): string[] =>
    language === 'en'
      ? [englishWord(w)]
      : [spanishWord(w), spanishPresent(w, false) ?? w, spanishPresent(w, true) ?? w];
  return clause !== undefined &&
    detailWords.every(
      (w) => words.has(w.toLowerCase()) || forms(w).some((f) => words.has(f.toLowerCase())),
    ) &&
    brokenReason(clause, last, language, englishDropped(last, clause, language)) === undefined
    ? clause
    : undefined;
}

/**
 * "What did he do to you in the basement?" / "¿Qué te hizo en el sótano?" turned without its
 * wh- word has lost the object of "do" / "hacer": the child who accepts the presumption says
 * "He did something to me in the basement." / "Me hizo algo en el sótano." (audit 18i, child
 * speech: "Me hizo en el sótano."). Hearth's rendering.
 */
function withActObject(clause: string | undefined, language: TrainingLanguage): string | undefined {
  if (clause === undefined) return undefined;
  if (language === 'en') return clause.replace(/\bdid do\b/u, 'did something');
  return clause.replace(
    /^((?:me|le|nos)\s+)?(hizo|hacía|hace)(?=\s+(?:en|con|a|al|de|del|por|cuando|después|antes|ahí|allí)(?!\p{L})|\.?$)/iu,
    (_m, cl: string | undefined, verb: string) => `${cl ?? ''}${verb} algo`,
  );
}

/** The English words the filler filter took out of the clause (none for Spanish). */
function englishDropped(question: string, clause: string, language: TrainingLanguage): string[] {
  if (language !== 'en') return [];
  const whole = withActObject(englishClause(withoutWh(question)), language);
  if (whole === undefined) return [];
  const kept = new Set(clause.toLowerCase().match(/[\p{L}\p{N}']+/gu) ?? []);
  return (whole.toLowerCase().match(/[\p{L}\p{N}']+/gu) ?? []).filter((w) => !kept.has(w));
}

const ES_SECOND: ReadonlySet<string> = new Set(['te', 'tu', 'tus', 'ti', 'contigo', 'tú']);

/** Fillers a child does not repeat: the only words the English filter may take out. */
const EN_FILLERS = new Set(
  'um uh like just totally really kind sort of you know so okay ok well actually basically maybe even ever'.split(
    ' ',
  ),
);

/**
 * Why a turned clause is not a natural sentence of the child's, or undefined when it is. The
 * rule of audit 18g (N18g-3 to N18g-8): when the rewrite cannot give a natural sentence the
 * child says a bare "Yes." / "Sí.", never a broken one. Checked: the interviewer's second person
 * left in the child's first-person reply (es "dijeras", "te", "tu"; en "you"), a reply that opens
 * with "Que", an either/or left in, a negative question whose "no" / "nadie" / "nunca" is lost or
 * whose "nada" became "algo", a plural noun in -ías made singular, a verb-like "-zco" made of a
 * noun, a meta question ("remember if", "acuerdas si"), and in English a word other than a filler
 * dropped by the filler filter ("so you wouldn't tell" -> "I tell"). Hearth's rule.
 */
export function brokenReason(
  clause: string,
  question: string,
  language: TrainingLanguage,
  dropped: readonly string[] = [],
): string | undefined {
  const c = clause.toLowerCase();
  const q = question.toLowerCase();
  const cw: string[] = c.match(/[\p{L}']+/gu) ?? [];
  const qw: string[] = q.match(/[\p{L}']+/gu) ?? [];
  if (
    /(?:^|[\s,¿])o\s/u.test(q.replace(/\bo no\b|\bor not\b/gu, '')) ||
    /\bor\b/u.test(q.replace(/\bor not\b/u, ''))
  )
    return 'either/or';
  if (language === 'es') {
    if (/^que\b/u.test(c)) return 'opens with que';
    const second = cw.find(
      (w) =>
        ES_SECOND.has(w) ||
        (/(?:aras|eras|ieras|ases|ieses|aste|iste)$/u.test(w) &&
          !ES_NOT_VERBS.has(w) &&
          w.length > 5),
    );
    if (second !== undefined) return `second person "${second}"`;
    if (
      cw.some(
        (w) => /\p{L}zco$/u.test(w) && !qw.some((x) => x === w || /(?:zco|zca|zcas)$/u.test(x)),
      )
    )
      return 'made-up -zco';
    // es12 E12-4 turns "nada"/"ningún" under the question's "no" ("¿No te dijo nada?" -> "Me
    // dijo algo"); a "no", "nunca" or "nadie" that is itself the suggested content must stay.
    // A negative proposition keeps its "no" in the child's agreement (N18g-6): "¿Nadie te
    // ayudó?" -> "Nadie me ayudó.", never "Me ayudó.".
    const negative = negatedProposition(question, 'es') !== undefined;
    if (negative && !/(?:^|\s)(?:no|nadie|nunca|jamás|tampoco|ni)(?!\p{L})/u.test(c))
      return 'polarity lost';
    // A positive frame's "no" ("¿A poco no te pegó?", "¿No es cierto que...?") is no content.
    if (!negative && /^(?:a poco no|no es cierto|no es verdad)\b/u.test(c)) return 'frame left';
    if (/que no .*nada/u.test(q) && /(?:^|\s)algo(?!\p{L})/u.test(c)) return 'nada made algo';
    const plural = qw.find(
      (w, k) => /ías$/u.test(w) && qw[k - 1] !== 'te' && cw.includes(w.slice(0, -1)),
    );
    if (plural !== undefined) return `plural lost "${plural}"`;
    if (/\b(?:acuerdas|recuerdas|sabes) si\b/u.test(q)) return 'meta question';
    return undefined;
  }
  if (cw.some((w) => w === 'you' || w === 'your' || w === "you're")) return 'second person "you"';
  if (/\b(?:remember|know|think|recall) (?:if|whether)\b/u.test(c)) return 'meta question';
  if (/\byou (?:guys|all|two|both)\b|\by'all\b/u.test(q)) return 'plural you';
  const bad = dropped.find((w) => !EN_FILLERS.has(w));
  if (bad !== undefined) return `dropped "${bad}"`;
  if (/\b(?:a|an|the) (?:afterwards|before|after|then|later|again|too)\b/u.test(c))
    return 'article before an adverb';
  const negative =
    negatedProposition(question, 'en') !== undefined ||
    /^\s*(?:didn't|don't|doesn't|wasn't|weren't|isn't|aren't|hasn't|haven't|won't|can't|couldn't)\b/u.test(
      q,
    ) ||
    /\b(?:nobody|no one|never|nothing)\b/u.test(q);
  if (negative && !/\b(?:not|n't|nobody|no one|never|nothing)\b|n't\b/u.test(c))
    return 'polarity lost';
  const made = cw.find(isOverregularised);
  if (made !== undefined) return `made-up past "${made}"`;
  return undefined;
}

/**
 * A presumptive wh- question's presupposition ("What did he hit you with?" -> "did he hit you"):
 * the wh- word and a stranded preposition go; what is left is a yes/no clause.
 */
function withoutWh(sentence: string): string {
  const m =
    /^\s*(?:what|who|where|when|how|why)\s+(.*?)(?:\s+(?:with|to|at|in|on|for|from|about|of))?\s*\?\s*$/i.exec(
      sentence,
    );
  return m ? `${m[1]}?` : sentence;
}

function englishClause(sentence: string): string | undefined {
  const plain = sentence
    .replace(/\?\s*$/, '')
    .replace(EN_TAIL, '')
    // "Was he wearing glasses or not?" asks yes or no; "or not" is no part of the clause the
    // child affirms (audit 18i, N18i-3: "Yes. He was wearing glasses or not.").
    .replace(/\s+or not\s*$/i, '')
    .trim();
  const m = EN_YES_NO.exec(plain);
  if (!m) return undefined;
  const aux = (m[1] ?? '').toLowerCase();
  const subjectWord = m[2] ?? '';
  const rest = (m[3] ?? '').replace(EN_QUESTION_ONLY, '').trim();
  if (rest === '' || /^(?:what|where|who|when|how|why|which)\b/i.test(subjectWord))
    return undefined;
  const lower = subjectWord.toLowerCase();
  // "your friend" is "my friend" from the child's side (audit N18f-4: "Friend did hit me").
  const subject =
    EN_SUBJECT_SWAP[lower] ??
    (/^[A-Z]/.test(subjectWord) ? subjectWord : lower.split(' ').map(englishWord).join(' '));
  const verb = subject === 'I' ? (EN_AUX_FOR_I[aux] ?? aux) : aux;
  // "you" as the subject of its own clause ("that you live there") is "I", not "me"; its
  // "are/were" follow (es12 E12-3, same rule as Spanish "vives" -> "vivo").
  const turned = rest
    .replace(
      /\b(that|if|when|because|where|while|until|before|after|and|so)\s+you\s+(are|were)\b/gi,
      (_m, c: string, be: string) => `${c} I ${EN_AUX_FOR_I[be.toLowerCase()] ?? be}`,
    )
    .replace(/\b(that|if|when|because|where|while|until|before|after|and|so)\s+you\b/gi, '$1 I')
    .replace(
      /\byou\s+(are|were)\b/gi,
      (_m, be: string) => `I ${EN_AUX_FOR_I[be.toLowerCase()] ?? be}`,
    )
    .replace(/\b[\w']+\b/g, englishWord);
  return capital(`${subject} ${verb} ${turned}.`);
}

const ES_TAIL = /,\s*(?:¿\s*)?(?:verdad|no|s[ií]|cierto|(?:mi\s+)?\p{L}+)\s*\??\s*$/u;
const ES_WH =
  /^(?:(?:en|de|a|con|para|por)\s+)?(?:cu[aá]ntas veces|qu[eé]|d[oó]nde|ad[oó]nde|qui[eé]n(?:es)?|cu[aá]ndo|c[oó]mo|cu[aá]l(?:es)?|cu[aá]nt[oa]s?|por qu[eé])(?![\p{L}])/iu;
/** The interviewer's second person as the child says it of itself. */
const ES_PERSON: Readonly<Record<string, string>> = {
  te: 'me',
  tú: 'yo',
  tu: 'mi',
  tus: 'mis',
  ti: 'mí',
  contigo: 'conmigo',
  tuyo: 'mío',
  tuya: 'mía',
  tuyos: 'míos',
  tuyas: 'mías',
  fuiste: 'fui',
  estuviste: 'estuve',
  tuviste: 'tuve',
  hiciste: 'hice',
  viste: 'vi',
  dijiste: 'dije',
  pudiste: 'pude',
  quisiste: 'quise',
  supiste: 'supe',
  viniste: 'vine',
  diste: 'di',
  pusiste: 'puse',
  estás: 'estoy',
  eres: 'soy',
  tienes: 'tengo',
  vas: 'voy',
  sabes: 'sé',
  quieres: 'quiero',
  puedes: 'puedo',
  haces: 'hago',
  ves: 'veo',
  sientes: 'siento',
  has: 'he',
  estabas: 'estaba',
  eras: 'era',
  ibas: 'iba',
};
/** Words ending like a second-person preterite that are not verbs. */
const ES_NOT_VERBS = new Set(['chiste', 'triste', 'alpiste', 'contraste', 'desgaste', 'embiste']);

/** A regular second-person preterite or imperfect in the first person ("tocaste" -> "toqué"). */
function spanishFirstPerson(word: string): string | undefined {
  const w = word.toLowerCase();
  if (ES_NOT_VERBS.has(w)) return undefined;
  let m = /^(\p{L}{2,})aste$/u.exec(w);
  if (m) {
    const stem = m[1]!.replace(/c$/, 'qu').replace(/g$/, 'gu').replace(/z$/, 'c');
    return `${stem}é`;
  }
  m = /^(\p{L}{2,})[ií]ste$/u.exec(w);
  if (m) return `${m[1]}í`;
  m = /^(\p{L}{2,})abas$/u.exec(w);
  if (m) return `${m[1]}aba`;
  m = /^(\p{L}{3,})ías$/u.exec(w);
  if (m) return `${m[1]}ía`;
  return undefined;
}

/** Fillers a child who says "yes" does not repeat (closed list; es12 E12-2). Folded. */
const ES_FILLERS = new Set(
  'nomas mija mijo mijita mijito pues bueno oye verdad neta tipo ya orale andale hijole mira fijate'.split(
    ' ',
  ),
);
/** Negative words that agree with a question's opening "no"/"nunca", and their affirmatives. */
const ES_NEGATIVE: Readonly<Record<string, string>> = {
  nada: 'algo',
  nadie: 'alguien',
  ningún: 'algún',
  ninguna: 'alguna',
  ninguno: 'alguno',
  tampoco: 'también',
};
/** Clitics that stand before a finite verb ("me dijo", "se bajó", "no le dijeras"). */
const ES_CLITIC = new Set(['me', 'te', 'se', 'le', 'les', 'nos', 'no']);
/** Object clitics that are also articles: clitics only where a clitic can stand. */
const ES_CLITIC_OR_ARTICLE = new Set(['lo', 'la', 'los', 'las']);
/** Words after which a finite verb comes ("que no le dijeras", "él me grababa"). */
const ES_BEFORE_VERB = new Set(['que', 'yo', 'tú', 'él', 'ella', 'y']);
/** Finite forms the child may say that no ending rule recognises. */
const ES_FINITE = new Set(
  'he ha hay había era fue es está estaba tengo tiene iba voy va gusta gustaba sé soy estoy fui di vi hice dijo hizo quiero puedo siento veo hago'.split(
    ' ',
  ),
);
/** Second-person present forms whose first person is irregular. */
const ES_PRESENT_IRREGULAR: Readonly<Record<string, string>> = {
  dices: 'digo',
  sales: 'salgo',
  pones: 'pongo',
  traes: 'traigo',
  vienes: 'vengo',
  oyes: 'oigo',
  caes: 'caigo',
  das: 'doy',
  conoces: 'conozco',
  pareces: 'parezco',
  sigues: 'sigo',
};

/**
 * A second-person present or imperfect subjunctive at a verb slot in the child's first person
 * ("vives" -> "vivo", "acuerdas" -> "acuerdo", "quitaras" -> "quitara"; after "que" a present
 * subjunctive "digas" -> "diga"), or undefined when the word has no such ending.
 */
function spanishPresent(word: string, afterQue: boolean): string | undefined {
  const w = word.toLowerCase();
  const m = /^(\p{L}{2,}?)(aras|ieras|eras|ases|ieses)$/u.exec(w);
  if (m) return `${m[1]}${m[2]!.slice(0, -1)}`;
  if (afterQue && /^\p{L}{2,}[ae]s$/u.test(w)) return w.slice(0, -1);
  const irregular = ES_PRESENT_IRREGULAR[w];
  if (irregular) return irregular;
  if (/^\p{L}{2,}ces$/u.test(w)) return `${w.slice(0, -3)}zco`;
  if (/^\p{L}{2,}ges$/u.test(w)) return `${w.slice(0, -3)}jo`;
  if (/^\p{L}{2,}[ae]s$/u.test(w)) return `${w.slice(0, -2)}o`;
  return undefined;
}

/** Second-person words that are no verb ("tu tío", "contigo"). */
const ES_PERSON_NOT_VERB = new Set('te tú tu tus ti contigo tuyo tuya tuyos tuyas'.split(' '));

/** A finite verb as the child says it: an ending only a conjugated verb has. */
function looksFinite(w: string): boolean {
  return ES_FINITE.has(w) || /(?:[óéí]|aba|aban|ía|ían|aron|ieron|ara|iera|ase|iese)$/u.test(w);
}

const ES_ARTICLE_OR_PREP = new Set(
  'un una unos unas el la los las lo al del a en con de por para sin sobre que y o mi mis su sus'.split(
    ' ',
  ),
);

/**
 * The question's clause from the child's side, whole ("¿Te dijo que no le contaras a tu mamá?"
 * -> "Me dijo que no le contara a mi mamá."), or undefined when it cannot be turned with
 * certainty: no finite verb, a second person left ("ustedes"), a clause ending on a
 * preposition. Only the person changes and a closed list of fillers; "alguna vez" goes, as
 * English drops "ever", and an opening negation's "nada/nadie" become "algo/alguien" (E12-4).
 */
function spanishClause(sentence: string): string | undefined {
  // "Mi amor, ¿te pegó con una pala?": the question is what the ¿ opens.
  const open = sentence.lastIndexOf('¿');
  let body = (open >= 0 ? sentence.slice(open + 1) : sentence)
    .replace(/\?\s*$/, '')
    .replace(ES_TAIL, '')
    .replace(/\s+o no\s*$/iu, '')
    .trim();
  // "¿Con qué te pegó?" presupposes "te pegó": the wh- phrase goes.
  body = body.replace(ES_WH, '').trim();
  body = PHRASES.es.reduce(
    (text, phrase) => text.replace(new RegExp(`(^|\\s)${phrase}(?=\\s|$)`, 'giu'), ' '),
    body.replace(/(^|\s)mi (?:amor|vida|cielo|reina|rey)(?=[\s,]|$)/giu, ' '),
  );
  // A frame that presumes the positive answer goes whole ("¿A poco no te pegó?" -> "Me pegó.",
  // N18g-6: "A poco no me pegó" was said). A negative proposition keeps its negation and the
  // negative words agreeing with it ("¿Nadie te ayudó?" -> "Nadie me ayudó."); "alguna vez"
  // goes, as English drops "ever".
  const negated = negatedProposition(sentence, 'es') !== undefined;
  body = body
    .replace(
      /^(?:a poco no|no es cierto que|no es verdad que|no es que|(?:es )?verdad que|es cierto que)\s+/iu,
      '',
    )
    .replace(/(^|\s)alguna vez(?=\s|$)/giu, ' ');
  if (!negated) body = body.replace(/^(?:no|nunca|jamás)\s+/iu, '');
  const tokens = body
    .split(/[\s,]+/)
    .filter((t) => t !== '' && !ES_FILLERS.has(normalise(t)) && !/mente$/iu.test(t));
  if (tokens.length < 2) return undefined;
  const out: string[] = [];
  let slot = true; // a finite verb may stand here
  let cliticRun = true; // only clitics since the last verb slot opened
  let afterQue = false;
  let finite = false;
  let innerNo = false;
  for (const raw of tokens) {
    const w = raw.toLowerCase();
    if (w === 'ustedes' || w === 'usted' || w === 'vosotros') return undefined;
    // A clitic after a subject noun opens the verb's slot ("Tu amiga TE pegó" -> "Mi amiga me
    // pegó", audit N18f-4: the clause was dropped for a bare "Sí.").
    if (!slot && w !== 'no' && ES_CLITIC.has(w) && out.length > 0) {
      out.push(spanishWord(raw));
      slot = true;
      cliticRun = true;
      continue;
    }
    // An opening "nunca"/"nadie" of a negative proposition stays, and opens the verb's slot.
    if (out.length === 0 && negated && /^(?:nunca|jamás|nadie|tampoco)$/u.test(w)) {
      innerNo = true;
      out.push(raw);
      slot = true;
      cliticRun = true;
      continue;
    }
    if (w === 'no') innerNo = true;
    if (slot && (ES_CLITIC.has(w) || (cliticRun && ES_CLITIC_OR_ARTICLE.has(w)))) {
      out.push(spanishWord(raw));
      continue;
    }
    // "nada" with no "no" before it agrees with the opening negation that went, or with one the
    // child missed ("¿Te dijo nada?"); after an inner "no" it stays ("que no le dijera a nadie").
    if (!innerNo && ES_NEGATIVE[w]) {
      out.push(ES_NEGATIVE[w]);
      slot = false;
      continue;
    }
    let verb = false;
    if (slot && !ES_ARTICLE_OR_PREP.has(w) && !ES_PERSON_NOT_VERB.has(w)) {
      const person = ES_PERSON[w] ?? spanishFirstPerson(w) ?? spanishPresent(w, afterQue);
      const said = person ?? w;
      const afterClitic = out.length > 0 && ES_CLITIC.has(out[out.length - 1]!.toLowerCase());
      verb = person !== undefined || looksFinite(said) || afterClitic;
      if (verb) finite = true;
      out.push(/^\p{Lu}/u.test(raw) ? capital(said) : said);
    } else out.push(spanishWord(raw));
    // A name is a subject ("Marcus te quitó..."): a verb may follow it.
    // "con él los fines" has no verb slot: a pronoun after a preposition is no subject.
    const prev = out.length > 1 ? out[out.length - 2]!.toLowerCase() : '';
    // "para que", "sin que": a verb follows "que" after a preposition too ("para que no le
    // dijeras" -> "para que no le dijera"; audit 18h: "le dijero a alguien").
    slot =
      (ES_BEFORE_VERB.has(w) && (w === 'que' || !ES_ARTICLE_OR_PREP.has(prev))) ||
      (!verb && /^\p{Lu}/u.test(raw));
    cliticRun = slot;
    afterQue = w === 'que';
  }
  const last = out[out.length - 1]!.toLowerCase();
  if (!finite || ES_ARTICLE_OR_PREP.has(last) || ES_CLITIC.has(last)) return undefined;
  // Any second person left means the turn was not certain: a bare "Sí." is safer.
  if (out.some((t) => /^(?:te|tu|tus|ti|tú|contigo)$/iu.test(t))) return undefined;
  return capital(`${out.join(' ')}.`);
}

/** An English word of the question's object side as the child says it ("your" -> "my"). */
function englishWord(w: string): string {
  return EN_OBJECT[w.toLowerCase()] ?? w;
}

/** A Spanish word of the second person as the child says it ("te" -> "me", "fuiste" -> "fui"). */
function spanishWord(w: string): string {
  const swap = ES_PERSON[w.toLowerCase()] ?? spanishFirstPerson(w);
  if (swap === undefined) return w;
  return /^\p{Lu}/u.test(w) ? capital(swap) : swap;
}

/**
 * Grammar words a compliant sentence keeps (articles, prepositions, pronouns, auxiliaries,
 * possessives, "and/or"). Any other word outside the question's detail words is a filler or an
 * intensifier ("totally", "just", "tipo", "nomás") that the child does not repeat (audit N-2).
 */
const STRUCTURE: Readonly<Record<TrainingLanguage, ReadonlySet<string>>> = {
  en: new Set(
    'a an the to in on at with of for from into onto off out up down over under about by and or that he she it they i me my mine myself him his her them their someone somebody something did does do is was were are am has have had will would can could'.split(
      ' ',
    ),
  ),
  es: new Set(
    'un una unos unas el la los las lo al del a en con de por para sin sobre y o me mi mis mio mia yo conmigo le les se su sus el ella ellos ellas alguien algo'.split(
      ' ',
    ),
  ),
};

/** The clause without the words that are neither the question's details nor its grammar. */
function withoutFillers(clause: string, question: string, language: TrainingLanguage): string {
  const turn = language === 'en' ? englishWord : spanishWord;
  const asked = detailWordsOf(question, language);
  // The detail words in the child's person too ("caíste" said as "caí").
  const details = new Set([...asked, ...[...asked].map((w) => normalise(turn(w)))]);
  // A discourse phrase goes whole ("o sea", "you know"): its grammar words are no grammar here.
  const spoken = PHRASES[language].reduce(
    (text, phrase) => text.replace(new RegExp(`(^|\\s)${phrase}(?=\\s|$)`, 'giu'), ' '),
    clause.replace(/\.$/, ''),
  );
  const kept = spoken
    .trim()
    .split(/\s+/)
    .filter((token) => {
      const w = normalise(token).replace(/[^\p{L}\p{N}']/gu, '');
      return details.has(w) || STRUCTURE[language].has(w) || w === '';
    });
  return capital(`${kept.join(' ')}.`);
}

function capital(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * The adopted clause as a child of this age band says it (audit N18f-4: the same words at 4 and
 * 16). A preschooler (band 0) echoes the end of the question, the phrase that carries the
 * detail ("Did he hit you with a shovel?" -> "With a shovel.", "¿Te pegó con una pala?" -> "Con
 * una pala."): young children's answers are short and echo the last words they heard (Walker
 * 2013, Handbook on Questioning Children, 3rd ed., on young children answering the last part of
 * a question). The echo is one phrase cut at its boundary (prepositional phrases, or one noun
 * phrase that ends the clause); when the end of the clause is no such phrase ("la panza
 * después", "mi tío el que me lastimó", "my arm hard", audit N18h-4) the preschooler says the
 * clause whole. English drops the question's emphatic auxiliary at every age ("He did hit me" ->
 * "He hit me", "He does hit me" -> "He hits me": a child does not say the interviewer's "did",
 * audit N18f-4/N18h-4); Spanish keeps its clause, which is already the child's own form. Which
 * band says which form is Hearth's rendering rule, not a published rate; no word is added that
 * names a detail.
 */
export function clauseForAge(clause: string, language: TrainingLanguage, band: number): string {
  const own = language === 'en' ? ownEnglish(clause) : clause;
  // An echo of a negative clause would drop its "no" ("No me dejó salir del baño." -> "Del
  // baño."): said whole.
  const negative =
    /(?:^|\s)(?:no|nunca|nadie|nada|ningún|ninguna|jamás|not|never|nobody|nothing)(?!\p{L})|n't(?!\p{L})/iu;
  if (band === 0 && !negative.test(own)) return echoedEnd(own, language) ?? own;
  return own;
}

const ECHO_PREP: Readonly<Record<TrainingLanguage, RegExp>> = {
  en: /^(?:with|in|into|on|onto|at|to|from|off|under|behind|about|over|by|near|inside|outside|for)$/iu,
  es: /^(?:con|en|a|al|de|del|sobre|debajo|detrás|delante|encima|por|para|sin|hasta|desde|adentro|afuera)$/iu,
};
const ECHO_DET: Readonly<Record<TrainingLanguage, RegExp>> = {
  en: /^(?:my|the|a|an|his|her|some|their|this|that|our)$/iu,
  es: /^(?:mi|mis|el|la|los|las|un|una|unos|unas|su|sus|este|esta|ese|esa)$/iu,
};
/** Words that cannot stand in an echoed phrase: verbs, joiners, adverbs, pronouns. */
const ECHO_NOT_CONTENT: Readonly<Record<TrainingLanguage, RegExp>> = {
  en: /^(?:because|if|when|while|that|who|which|and|or|but|so|then|after|afterwards|before|later|again|too|very|really|hard|fast|lot|much|he|she|they|it|i|me|him|them|us|we|you|not|never|did|do|does|was|were|is|are|had|has|have|\p{L}+ly|\p{L}+ing)$/iu,
  es: /^(?:que|porque|si|cuando|mientras|y|o|pero|después|antes|luego|mucho|muy|ya|también|tampoco|no|nunca|me|te|se|le|les|lo|nos|él|ella|yo|\p{L}+mente|\p{L}+(?:ó|aba|aban|aron|ieron|ando|iendo))$/iu,
};

/** Whether words[from..] is one echoable phrase: prepositional phrases, or one noun phrase. */
function isEchoPhrase(words: readonly string[], language: TrainingLanguage): boolean {
  const prep = ECHO_PREP[language];
  const det = ECHO_DET[language];
  const content = (w: string) =>
    !prep.test(w) && !det.test(w) && !ECHO_NOT_CONTENT[language].test(w) && !isOverregularised(w);
  let i = 0;
  let phrases = 0;
  let nounPhrase = false;
  while (i < words.length) {
    const opensWithPrep = prep.test(words[i]!);
    if (!opensWithPrep && phrases > 0) return false;
    while (i < words.length && prep.test(words[i]!)) i++;
    if (i < words.length && det.test(words[i]!)) i++;
    else if (!opensWithPrep) return false;
    let n = 0;
    while (i < words.length && n < 3 && content(words[i]!)) {
      i++;
      n++;
    }
    if (n === 0) return false;
    if (!opensWithPrep) nounPhrase = true;
    phrases++;
    if (nounPhrase && i < words.length) return false;
  }
  return phrases > 0;
}

/**
 * The last phrase of the clause that starts at a preposition or determiner after the verb and
 * runs to the end as one phrase ("with a shovel", "my ID", "con una pala", "en la pierna"), or
 * undefined when no such phrase ends the clause.
 */
function echoedEnd(clause: string, language: TrainingLanguage): string | undefined {
  const words = clause.replace(/\.$/, '').split(/\s+/);
  for (let i = 1; i < words.length; i++) {
    const w = words[i]!;
    if (!ECHO_PREP[language].test(w) && !ECHO_DET[language].test(w)) continue;
    const rest = words.slice(i);
    if (isEchoPhrase(rest, language)) return capital(`${rest.join(' ')}.`);
  }
  return undefined;
}

function englishPast(verb: string): string {
  return irregularPast(verb);
}

function englishThird(verb: string): string {
  const v = verb.toLowerCase();
  if (v === 'have') return 'has';
  if (v === 'do') return 'does';
  if (v === 'go') return 'goes';
  if (/(?:s|sh|ch|x|z)$/.test(v)) return `${v}es`;
  if (/[^aeiou]y$/.test(v)) return `${v.slice(0, -1)}ies`;
  return `${v}s`;
}

/** "He did hit me with a shovel." -> "He hit me with a shovel."; "I do live" -> "I live". */
function ownEnglish(clause: string): string {
  const m = /^(.+?) (did|does|do) ([a-z]+)\b(.*)$/u.exec(clause);
  if (!m) return clause;
  const [, subject, aux, verb, rest] = m as unknown as [string, string, string, string, string];
  const said = aux === 'did' ? englishPast(verb) : aux === 'does' ? englishThird(verb) : verb;
  return `${subject} ${said}${rest}`;
}
