// Questions that ask the child to judge whether someone lies or tells the truth, and the
// truth/lie competence item about a person in a picture (coach43, review28 M2 and its open
// question). Pure.
//
// Hearth's decision, one for both languages and both polarities: "Is X lying?", "Is X telling the
// truth?", "Did X make that up?", "Was X making that up?", "Did X lie to you?", "Who is lying?",
// «¿Quién miente?», «¿Tu hermana te mintió?», «¿Tu hermana está diciendo la verdad?», «¿Se lo
// inventó?» are all suggestive/confrontation. Each puts the credibility of an account (someone
// else's, or the child's own: "Are you telling the truth?") to the child, who is asked to vouch
// for or against it instead of telling what happened. This is Hearth's coding, not a category of
// the published typologies: Garven, Wood & Malpass 2000 (J Appl Psychol 85:38-49) studied
// reinforcement and co-witness information, not questions about lying, and in the NICHD typology
// (Lamb, Orbach, Hershkowitz, Esplin & Horowitz 2007, Child Abuse Negl 31:1201-1231) a yes/no
// question is option-posing unless it implies the expected answer. The reason says so
// (lexicon reasons.truthJudgement). A story told at bedtime is not a lie: "telling a story" and
// «contar un cuento» are never read as one.
//
// The truth/lie competence item ("Is the girl in this picture telling the truth or telling a
// lie?", «¿La niña de este dibujo está diciendo la verdad o una mentira?") is the picture task of
// Lyon & Saywitz 1999 (Applied Developmental Science 3:16-27), a ground-rules item about a
// character, not about the event: before the substantive phase, or with the phase unknown, it is
// coded as the protocols' own truth practice is (option-posing/protocol, no warning). The
// protocols Hearth's plans follow script the true/not-true practice or the promise instead
// (src/protocols), so the reason names Lyon & Saywitz, not a protocol.
import { decide, type Decision } from './decision';
import type { InterviewStage, Language } from './types';

// "lie down", "lie on the bed": the posture, not a lie.
const NOT_POSTURE =
  '(?! (?:down|on|in|there|here|next|under|beside|by|back|face|flat|still|around|asleep|awake|in bed|with)\\b)';
const MADE_UP =
  '(?:it|that|this|things|stuff|all that|it all|this all|that all|all this|everything)';
const TELLING_EN = `(?:you |me |us |her |him |them )?(?:a lie|lies|a fib|fibs|the truth)`;
const OPEN_EN = '^(?:(?:so|and|but|now|okay|ok),? )?';

const JUDGEMENT: Record<Language, readonly RegExp[]> = {
  en: [
    new RegExp(
      `${OPEN_EN}(?:is|was|are|were|isn'?t|wasn'?t)( (?:\\w+ ){1,3})(?:lying${NOT_POSTURE}|fibbing|making ${MADE_UP} up|telling ${TELLING_EN}|being (?:honest|truthful))\\b`,
    ),
    new RegExp(
      `${OPEN_EN}(?:did|does|do|has|have|had|didn'?t)( (?:\\w+ ){1,3})(?:lie${NOT_POSTURE}|lied${NOT_POSTURE}|fib|make ${MADE_UP} up|made ${MADE_UP} up|tell ${TELLING_EN})\\b`,
    ),
    new RegExp(
      `\\b(?:do|did) you (?:think|believe|feel like) (?:that )?((?:\\w+ ){1,3})(?:(?:is|was|are|were) (?:lying${NOT_POSTURE}|fibbing|making ${MADE_UP} up|telling ${TELLING_EN})|lied${NOT_POSTURE}|made ${MADE_UP} up|told ${TELLING_EN})\\b`,
    ),
    new RegExp(
      `${OPEN_EN}(?:who|which one|which of them|which one of them)((?:'s| is| was| are| were)?) (?:lying${NOT_POSTURE}|fibbing|making ${MADE_UP} up|telling ${TELLING_EN}|lied${NOT_POSTURE}|made ${MADE_UP} up|told ${TELLING_EN})\\b`,
    ),
  ],
  es: [
    /^¿?\s*(?:(?:y|entonces|pero|asi que|o sea),? )?((?:\w+ ){0,3})(?:esta|estaba|estan|estaban|anda|andaba|andan|estas|estabas) (?:mintiendo|inventando|diciendo (?:mentiras|una mentira|la verdad)|echando mentiras)\b/,
    /^¿?\s*(?:(?:y|entonces|pero|asi que|o sea),? )?((?:\w+ ){0,3})(?:miente|mintio|mentia|mienten|mintieron|mientes|mentiste|(?:dijo|dice|dijeron|dicen) (?:una mentira|mentiras|la verdad)|se lo invento|se lo inventaron|lo invento|lo inventaron|se invento (?:eso|todo|esto)|invento (?:eso|todo|esto|esa historia))\b/,
    /\b(?:crees|piensas|te parece) que ((?:\w+ ){1,3})(?:(?:esta|estaba|estan|estaban) (?:mintiendo|inventando|diciendo (?:la verdad|mentiras))|(?:miente|mintio|mentia|dijo la verdad|dice la verdad|se lo invento|lo invento))\b/,
  ],
};

// What the subject may not hold: the promise to tell the truth and other requests about the
// child's own future truthfulness ("Do you promise to tell the truth?", "Will you tell me the
// truth?"), which are the protocols' ground rules, not a judgement.
const NOT_A_SUBJECT =
  /\b(?:promise|promises|to|will|gonna|going|need|needs|want|wants|should|must|always|can|could|would|know|remember|understand|mean|means|prometes|promete|vas|puedes|quieres|debes)\b/;

// The child is the one asked about ("Are you lying?", «¿Me estás mintiendo?»): a challenge to the
// child, worded with the general confrontation reason.
const ABOUT_THE_CHILD: Record<Language, RegExp> = {
  en: /^\s*you\b/,
  es: /\b(?:estas|estabas|mientes|mentiste)\b/,
};

/**
 * A question asking the child to judge whether someone lies or tells the truth, as a decision
 * (suggestive/confrontation), or undefined.
 * @param norm the utterance, normalised (folded, lower case), one sentence or more.
 * @param language 'en' or 'es'.
 * @returns reason `truthJudgement` when another person is judged, `confrontation` when the child
 *   is ("Are you telling the truth?"); cue = the matched words.
 */
export function truthJudgement(norm: string, language: Language): Decision | undefined {
  for (const sentence of norm.split(/(?<=[.?!])\s+/)) {
    const s = sentence.replace(/^[¿¡\s]+/, '');
    for (const pattern of JUDGEMENT[language]) {
      const m = pattern.exec(s);
      if (!m) continue;
      const subject = m[1] ?? '';
      if (NOT_A_SUBJECT.test(subject)) continue;
      const cue = m[0].replace(/^[¿¡\s]+/, '').trim();
      const child = ABOUT_THE_CHILD[language].test(language === 'en' ? subject : m[0]);
      return decide(
        'suggestive',
        'confrontation',
        child ? 'confrontation' : 'truthJudgement',
        cue,
        s,
      );
    }
  }
  return undefined;
}

const CHOICE: Record<Language, RegExp> = {
  en: /\b(?:(?:telling |tell |told )?the truth or (?:telling |tell |told |is it |was it )?(?:a lie|lies|a fib|not the truth)|(?:telling |tell |told )?(?:a lie|lies) or (?:telling |tell |told )?the truth|true or not true|true or a lie)\b/,
  es: /\b(?:(?:diciendo|dice|dijo|decir) )?la verdad o (?:(?:esta |estaba )?(?:diciendo|dice|dijo|decir) )?(?:una )?mentira|(?:una )?mentira o (?:(?:esta )?(?:diciendo|dice|dijo|decir) )?la verdad|verdad o no (?:es |seria )?verdad\b/,
};
const CHARACTER: Record<Language, RegExp> = {
  en: /\b(?:in|on) (?:this|the|that) (?:picture|drawing|photo|card|page)\b|\b(?:this|that) (?:boy|girl|kid|child|man|woman|lady|person|puppy|dog|cat|bear|teddy)\b/,
  es: /\b(?:en|de) (?:este|ese|el|esta|esa|la) (?:dibujo|foto|imagen|tarjeta|pagina)\b|\b(?:este|ese|esta|esa) (?:nino|nina|senor|senora|muchacho|muchacha|perrito|perro|gato|osito)\b/,
};

/**
 * The truth/lie competence item about a character (see the module note), as option-posing/
 * protocol with reason `protocolTruthPicture`, before the substantive phase or with the phase
 * unknown; undefined otherwise (in the substantive phase the ordinary rules code it).
 * @param norm the utterance, normalised. @param stage the interview stage, when known.
 */
export function truthLieCompetence(
  norm: string,
  language: Language,
  stage: InterviewStage | undefined,
): Decision | undefined {
  if (stage !== undefined && stage !== 'pre-substantive') return undefined;
  if (!CHARACTER[language].test(norm)) return undefined;
  const choice = CHOICE[language].exec(norm);
  if (!choice) return undefined;
  return decide('option-posing', 'protocol', 'protocolTruthPicture', choice[0], norm);
}
