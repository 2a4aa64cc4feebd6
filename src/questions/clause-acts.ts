// Acts a time clause takes as given though it names them only by a pronoun or by their end
// (review25 F13): "How did you feel when he put it in?", «¿Cómo te sentiste cuando te lo metió?»
// (a penetration), "What happened when he was done?", «¿Qué dijo cuando terminó?» (that an act
// happened and ended). A time clause is presupposed by the question around it (Loftus & Zanni
// 1975; Lamb, Orbach, Hershkowitz, Esplin & Horowitz 2007, Child Abuse Negl 31:1201-1231: a prompt
// that assumes what the child has not disclosed is suggestive). The word lists are Hearth's.
import type { Lexicon } from './lexicon';
import type { ChildVocabulary } from './vocabulary';

// A penetration named by a pronoun: "put it in", "stuck it inside", «te lo metió».
const PENETRATION: Record<'en' | 'es', RegExp> = {
  en: /\b(?:put|puts|putting|stuck|stick|sticks|sticking|shoved|shove|pushed|push) (?:it|that|something) (?:in|inside|up)\b/,
  es: /\b(?:te|se|me|le) lo (?:meti|meto|metio|metia|meta)\w*/,
};
// The child's own telling of it, in any person ("he put it in me", «me lo metió», «me metió»).
const CHILD_PENETRATION: Record<'en' | 'es', RegExp> = {
  en: /\b(?:put|puts|putting|stuck|stick|sticks|sticking|shoved|shove|pushed|push)\b(?: \w+){0,3} (?:in|inside|into|up)\b/,
  es: /\bmet(?:i|io|ia|e|er)\w*/,
};
// The end of an act by a third person, the clause's whole content: "he was done", "he finished",
// «terminó», «acabó» (a finished drawing, "when you were done", is the child's own and not here).
const COMPLETION: Record<'en' | 'es', RegExp> = {
  en: /^(?:he|she|they|the man|the woman) (?:was done|were done|was finished|were finished|finished|got done|had finished|was through)$/,
  es: /^(?:(?:el|ella|ellos|ellas) )?(?:termino|terminaron|acabo|acabaron)$/,
};

/**
 * The words of `clause` (a time clause, normalised) that presume an act the child has not told,
 * or undefined: a penetration named by a pronoun, or a third person's finishing when the child
 * has told no act the lexicon knows (acts, body parts: its sensitive details) and no finishing.
 * @param clause the clause after when / after / cuando..., normalised ("he put it in").
 * @param vocab the child's words so far.
 */
export function presumedClauseAct(
  clause: string,
  vocab: ChildVocabulary,
  lex: Lexicon,
): string | undefined {
  const language = lex.language;
  const denied = (t: string) => /\b(?:didn'?t|did not|never|no|nunca)\b/.test(t);
  const penetration = PENETRATION[language].exec(clause);
  if (penetration)
    return vocab.turns.some((t) => CHILD_PENETRATION[language].test(t) && !denied(t))
      ? undefined
      : penetration[0];
  const end = COMPLETION[language].exec(clause.trim());
  if (!end) return undefined;
  const toldAct = [...vocab.stems.keys()].some((s) => lex.presumptiveStems.has(s));
  const toldEnd = vocab.turns.some((t) =>
    /\b(?:done|finish\w*|stopped|termin\w*|acab\w*|paro|dejo de)\b/.test(t),
  );
  return toldAct || toldEnd ? undefined : end[0];
}
