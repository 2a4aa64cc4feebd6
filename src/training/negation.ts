// Whether a leading question puts a negative proposition to the child (audit 18g/18h N18g-6).
// "¿Nadie te ayudó?", "He didn't hurt you with a knife, did he?", "¿No te dejó salir del baño?"
// put a "no" into what the child is asked to agree to: a "yes" agrees that nobody helped, that
// there was no knife. A child who agrees keeps the "no" (the record must not invert it), and
// agreeing that an act did NOT happen alleges no act. A negative frame that leads to a positive
// answer is not such a question: "Didn't he hit you?", "Isn't it true that...", "He slapped you,
// didn't he?", "¿A poco no te pegó con el cinturón?" (Mexican "surely he hit you"), "¿No es
// cierto que te tocó?", "Te dio una cachetada, ¿no?" all put the act itself (Walker 2013,
// Handbook on Questioning Children, 3rd ed., on negative and tag questions: the negative frame
// presumes the positive answer). Hearth's reading rule.
//
// One rule for both languages (issue #18, fix18r): a question opened by its negation ("Didn't he
// hit you with the belt?", "¿No te pegó con el cinturón?") presumes the act and is leading,
// except (a) a question about the child's own ability or permission ("Can't you remember?",
// "¿No te puedes acordar?", "¿No te acuerdas?"), which asks whether the child can, and presumes
// no act, and (b) a question whose proposition carries a second negative ("Didn't he not hit
// you?", "¿No es cierto que no te pegó?"), which puts the negative proposition (he did not).
// negativeQuestion() tells these apart; negatedProposition(), the child (child.ts) and the
// training coding (coding.ts) all read it. Hearth's rule, after Walker 2013.
import type { TrainingLanguage } from './types';

/** English tags and frames that lead to a positive answer. */
const EN_POSITIVE_LEAD =
  /^\s*(?:(?:did|does|do|was|were|is|are|has|have|had|would|could|should|can|will)n[’']t|can[’']t|won[’']t|isn[’']t it true)\b/iu;
const EN_TAIL =
  /,\s*(?:(?:did|does|do|was|were|is|are|has|have|had|would|could|will|can)(?:n[’']t)?\s+\w+|right|okay|huh|correct)\s*\??\s*$/iu;
const EN_NEGATOR =
  /\b(?:(?:did|does|do|was|were|is|are|has|have|had|would|could|should|can|will|wo|ca)n[’']t|can[’']t|won[’']t|not|never|nobody|no one|nothing|nowhere)\b/iu;

/** Spanish frames that lead to a positive answer (their "no" is no negation of the act). */
// "¿No viste...?", "¿No oíste...?" ask the child as a witness the way "Didn't you see...?" does:
// the frame presumes the child saw it (Walker 2013), and both languages read it alike.
const ES_POSITIVE_LEAD =
  /^\s*¿?\s*(?:a poco no|no es cierto que|no es verdad que|(?:es )?verdad que|es cierto que|no (?:viste|oíste|escuchaste|notaste|te diste cuenta))(?!\p{L})/iu;
const ES_TAIL = /,\s*¿?\s*(?:verdad|no|cierto|sí)\s*\??\s*$/iu;
/** An opening "No" that asks for confirmation: a "que" clause or "también" follows. */
const ES_CONFIRMING_NO = /^no\s(?=.*(?<!\p{L})(?:que|también)(?!\p{L}))/iu;
const ES_NEGATOR = /^(?:no|nunca|jamás|nadie|tampoco|ni)$/iu;

/** How a question opened by its negation reads (see the rule above). */
export type NegativeQuestion = 'presumes-act' | 'ability' | 'double-negative';

// "Can't you remember?", "Couldn't you tell her?", "Don't you remember?", "Can't you say?":
// the subject is the child and the verb is an ability, memory or permission verb.
const EN_ABILITY =
  /^\s*(?:can[’']t|cannot|couldn[’']t|don[’']t|won[’']t)\s+you\s+(?:(?:just|really|even)\s+)?(?:remember|recall|recollect|think|say|tell|talk|explain|speak|try|go|leave|stop|take|have a break|know)\b/iu;
// "¿No te puedes acordar?", "¿No puedes decirme?", "¿No te acuerdas?", "¿No recuerdas?",
// "¿No sabes?", "¿No quieres un descanso?", "¿No te puedes ir?".
const ES_ABILITY =
  /^\s*¿?\s*no\s+(?:(?:te|me|lo|la|le|nos)\s+)?(?:puedes|podías|podrías|pudiste|acuerdas|recuerdas|sabes|quieres|querías)(?!\p{L})/iu;
// "¿No te dejó...?", "¿No me dejaba...?", "¿No te permitió...?": letting or allowing, said of the child.
const ES_LETTING = /^\s*¿?\s*no\s+(?:te|me|nos)\s+(?:dej\p{L}*|permit\p{L}*)(?!\p{L})/iu;
const EN_LEAD_REST =
  /^\s*(?:isn[’']t it true that|(?:(?:did|does|do|was|were|is|are|has|have|had|would|could|should|can|will)n[’']t|can[’']t|won[’']t))\s+(.*)$/iu;
const ES_LEAD_REST =
  /^\s*¿?\s*(?:a poco no|no es cierto que|no es verdad que|no es que|no)\s+(.*)$/iu;

/**
 * How a question opened by its negation reads, the same in English and Spanish:
 * 'presumes-act' ("Didn't he hit you with the belt?", "¿No te pegó con el cinturón?": leading),
 * 'ability' ("Can't you remember?", "¿No te puedes acordar?": no act presumed),
 * 'double-negative' ("Didn't he not hit you?", "¿No es cierto que no te pegó?": the negative
 * proposition is put). Undefined for a question not opened by a negation (including "Nobody
 * helped you?", a negative proposition of its own, and tag questions). Hearth's rule (Walker
 * 2013 on negative questions). `question` is the interviewer's utterance as typed; the last
 * question sentence is read.
 */
export function negativeQuestion(
  question: string,
  language: TrainingLanguage,
): NegativeQuestion | undefined {
  const sentences = question.split(/(?<=[.!?])\s+/u).filter((x) => x.trim() !== '');
  const asked = ([...sentences].reverse().find((x) => /\?\s*$/u.test(x)) ?? question)
    .replace(/[?]\s*$/u, '')
    .trim();
  if (language === 'en') {
    const m = EN_LEAD_REST.exec(asked);
    if (!m) return undefined;
    if (EN_ABILITY.test(asked)) return 'ability';
    const rest = (m[1] ?? '').replace(/^(?:that)\s+/iu, '');
    const head = rest.split(/\s+/u).slice(0, 4).join(' ');
    const inner = EN_NEGATOR.exec(head);
    if (inner && !/^not to\b/iu.test(rest.slice(inner.index))) return 'double-negative';
    return 'presumes-act';
  }
  const open = asked.lastIndexOf('¿');
  const clause = (open >= 0 ? asked.slice(open + 1) : asked).replace(/[?¿]/gu, ' ').trim();
  const m = ES_LEAD_REST.exec(clause);
  if (!m) return undefined;
  if (ES_ABILITY.test(clause)) return 'ability';
  // "¿No te dejó salir del baño?": with a verb of letting, Spanish asks about the refusal itself
  // (he did not let you), so a child who goes along says "No me dejó salir." (native es-419
  // review, N18g-6). Read as a negative proposition, like "Nobody helped you?" (Hearth's rule).
  if (ES_LETTING.test(clause)) return undefined;
  // A second negative of the main clause, before any reported "que" clause of the rest
  // ("¿No te dijo que no le dijeras a nadie?" keeps the act: he told you).
  const rest = (m[1] ?? '').replace(/^que\s+/iu, '');
  const tokens = rest.split(/[\s,]+/u).filter((w) => w !== '');
  const que = tokens.findIndex((w) => /^que$/iu.test(w));
  const main = (que < 0 ? tokens : tokens.slice(0, que)).slice(0, 3);
  if (main.some((w) => /^(?:no|nunca|jamás)$/iu.test(w))) return 'double-negative';
  return 'presumes-act';
}

/**
 * The negative word of the question's main clause as typed ("Nadie", "didn't", "No"), when the
 * question asks the child to agree that something did not happen; undefined for a positive
 * proposition, including a negative frame that presumes the positive answer.
 */
export function negatedProposition(
  question: string,
  language: TrainingLanguage,
): string | undefined {
  const kind = negativeQuestion(question, language);
  if (kind === 'double-negative') return secondNegator(question, language);
  if (kind !== undefined) return undefined;
  if (language === 'en') {
    const sentences = question.split(/(?<=[.!?])\s+/u).filter((x) => x.trim() !== '');
    const asked = [...sentences].reverse().find((x) => /\?\s*$/u.test(x)) ?? question;
    const body = asked.replace(/[?]\s*$/u, '').trim();
    if (EN_POSITIVE_LEAD.test(body)) return undefined;
    // "He slapped you, didn't he?": a negative tag after a positive clause presumes the act.
    if (/,\s*\w+n[’']t\s+\w+\s*\??\s*$/iu.test(body)) return undefined;
    const clause = body.replace(EN_TAIL, '');
    const words = clause.split(/\s+/u).filter((w) => w !== '');
    // The main clause's negation stands in its first words ("He didn't", "Nobody", "You never");
    // "not to tell" is a negated infinitive inside the content, not a denial.
    const head = words.slice(0, 4).join(' ');
    const m = EN_NEGATOR.exec(head);
    if (!m || /\bnot to\b/iu.test(clause.slice(m.index, m.index + 7))) return undefined;
    return m[0];
  }
  const open = question.lastIndexOf('¿');
  // "No te lastimó con un cuchillo, ¿verdad?": the clause is before the tag's "¿".
  const tagged = ES_TAIL.test(question) && open > 0 && !/^\s*¿/u.test(question.slice(0, open + 1));
  const clause = (tagged ? question.slice(0, open) : question.slice(open + 1))
    .replace(/[?¿]/gu, ' ')
    .replace(/,\s*$/u, '')
    .trim();
  if (ES_POSITIVE_LEAD.test(clause)) return undefined;
  // "¿No te dijo que era un secreto?", "¿No estaba tu hermano también?": an opening "No" before
  // a reported clause or "también" asks the child to confirm the act, like English "Didn't he
  // tell you...?" (audit 18i, N18i-4: recorded as {no secreto}, the en twin as {secret}).
  if (!tagged && ES_CONFIRMING_NO.test(clause)) return undefined;
  const tokens = clause.split(/[\s,]+/u).filter((w) => w !== '');
  const upToQue = tokens.slice(
    0,
    Math.max(
      0,
      tokens.findIndex((w) => /^que$/iu.test(w)),
    ) || tokens.length,
  );
  const found = (upToQue.length > 0 ? upToQue : tokens).slice(0, 3).find((w) => ES_NEGATOR.test(w));
  return found;
}

/** The second negative word of a double-negative question ("not" in "Didn't he not hit you?"). */
function secondNegator(question: string, language: TrainingLanguage): string | undefined {
  if (language === 'en') {
    const m = EN_LEAD_REST.exec(question.replace(/^.*?(?=[^.!?]*\?\s*$)/su, '').trim());
    return EN_NEGATOR.exec(m?.[1] ?? '')?.[0];
  }
  const clause = question.slice(question.lastIndexOf('¿') + 1).replace(/[?¿]/gu, ' ');
  const m = ES_LEAD_REST.exec(clause.trim());
  return (m?.[1] ?? '').split(/[\s,]+/u).find((w) => /^(?:no|nunca|jamás)$/iu.test(w));
}

/**
 * The question a negative question asks without its opening negation, for coding it and for
 * hearing it (Hearth's rule above): an ability question asks whether the child can ("Can't you
 * remember?" -> "Can you remember?", "¿No te puedes acordar?" -> "¿Te puedes acordar?"); a
 * double negative puts its negative proposition ("Didn't he not hit you?" -> "Is it true that he
 * not hit you?", "¿No es cierto que no te pegó?" -> "¿Es cierto que no te pegó?"). Undefined for
 * a question that presumes the act or is not opened by a negation. Only the last question
 * sentence is returned.
 */
export function positiveCounterpart(
  question: string,
  language: TrainingLanguage,
): string | undefined {
  const kind = negativeQuestion(question, language);
  if (kind !== 'ability' && kind !== 'double-negative') return undefined;
  const sentences = question.split(/(?<=[.!?])\s+/u).filter((x) => x.trim() !== '');
  const asked = ([...sentences].reverse().find((x) => /\?\s*$/u.test(x)) ?? question).trim();
  if (language === 'en') {
    if (kind === 'ability')
      return asked
        .replace(/^(\s*)cannot\b/iu, '$1Can')
        .replace(/^(\s*)can[’']t\b/iu, '$1Can')
        .replace(/^(\s*)won[’']t\b/iu, '$1Will')
        .replace(/^(\s*)(\w+)n[’']t\b/iu, '$1$2');
    const rest = EN_LEAD_REST.exec(asked.replace(/\?\s*$/u, ''))?.[1] ?? '';
    return `Is it true that ${rest.replace(/^that\s+/iu, '')}?`;
  }
  const clause = asked
    .slice(asked.lastIndexOf('¿') + 1)
    .replace(/[?¿]/gu, ' ')
    .trim();
  if (kind === 'ability') {
    const rest = clause.replace(/^no\s+/iu, '');
    return `¿${rest.charAt(0).toUpperCase()}${rest.slice(1)}?`;
  }
  const rest = (ES_LEAD_REST.exec(clause)?.[1] ?? '').replace(/^que\s+/iu, '');
  return `¿Es cierto que ${rest}?`;
}

/**
 * The words of an ability question's head as typed, lowercased ("can't", "you", "remember";
 * "no", "te", "puedes", "acordar"): they ask whether the child can, and name no event detail,
 * so the child takes none of them up. Empty for any other question.
 */
export function abilityHeadWords(question: string, language: TrainingLanguage): string[] {
  if (negativeQuestion(question, language) !== 'ability') return [];
  const sentences = question.split(/(?<=[.!?])\s+/u).filter((x) => x.trim() !== '');
  const asked = ([...sentences].reverse().find((x) => /\?\s*$/u.test(x)) ?? question).trim();
  const clause = language === 'es' ? asked.slice(asked.lastIndexOf('¿') + 1) : asked;
  const m = (language === 'en' ? EN_ABILITY : ES_ABILITY).exec(clause);
  if (!m) return [];
  const words = m[0]
    .toLowerCase()
    .replace(/[¿?]/gu, ' ')
    .split(/\s+/u)
    .filter((w) => w !== '');
  // Spanish: the infinitive after "puedes", "podrías", "quieres" ("¿No te puedes ACORDAR?").
  const next = /^\s*(\p{L}+(?:ar|er|ir)(?:te|me|lo|la|le|se)?)(?!\p{L})/iu.exec(
    clause.slice((m.index ?? 0) + m[0].length),
  );
  return next?.[1] ? [...words, next[1].toLowerCase()] : words;
}
