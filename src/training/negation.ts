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

/**
 * The negative word of the question's main clause as typed ("Nadie", "didn't", "No"), when the
 * question asks the child to agree that something did not happen; undefined for a positive
 * proposition, including a negative frame that presumes the positive answer.
 */
export function negatedProposition(
  question: string,
  language: TrainingLanguage,
): string | undefined {
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
