// An undressing presumed by a time clause of an open prompt (coach38, issue #16): "Where did
// you put your clothes when you took them off?" / «¿Dónde pusiste tu ropa cuando te la
// quitaste?» take as given that the child's clothes came off. A time clause is presupposed by the
// question around it (Loftus & Zanni 1975 on presupposition; Lamb, Orbach, Hershkowitz, Esplin &
// Horowitz 2007, Child Abuse Negl 31:1201-1231: a prompt that assumes what the child has not
// disclosed is suggestive). The lexicon's undressing phrases ("clothes off", «quitarte la ropa»)
// name the garment; here its place is taken by a pronoun («te la quitaste», "took them off"),
// which only the garment named elsewhere in the question resolves. The word lists are Hearth's.
import type { Lexicon } from './lexicon';
import type { ChildVocabulary } from './vocabulary';

// Garments a question may name beside the clause (normalised: accents folded, lower case).
const GARMENT: Record<'en' | 'es', RegExp> = {
  en: /\b(?:clothes|clothing|shirt|pants|shorts|underwear|undies|panties|bra|dress|skirt|pajamas|pjs|jeans|diaper|swimsuit|leggings|nightgown|nightie|jacket|sweatshirt|hoodie|socks)\b/,
  es: /\b(?:ropa|camis\w*|playera\w*|pantal\w*|calzon\w*|chones|pantaletas|brasier|shorts?|falda\w*|vestido\w*|pijama\w*|piyama\w*|panal\w*|calcet\w*|chamarra\w*|sudadera\w*|blusa\w*)\b/,
};

// The undressing verb with a pronoun object in the clause: "took them off", "pulled it down";
// «te la quitaste», «se los bajó», «quitártela».
const PRONOUN_UNDRESSING: Record<'en' | 'es', RegExp> = {
  en: /\b(?:took|take|takes|taking|taken|pulled|pull|pulls|pulling) (?:it|them) (?:off|down)\b|\b(?:took|take|takes|taking|taken|pulled|pull|pulls|pulling) (?:off|down) (?:it|them)\b/,
  es: /\b(?:te|se|me|le) (?:la|lo|las|los) (?:quit|baj|desabroch)\w*|\b(?:quit|baj)[a-z]*(?:te|se|me)(?:la|lo|las|los)\b/,
};

// The child's own telling of an undressing, in either person ("he took my clothes off", "I took
// them off", «me quitó la ropa», «me la quité», «me desvistió»).
const CHILD_UNDRESSING: Record<'en' | 'es', RegExp> = {
  en: /\b(?:took|take|takes|taking|taken|pulled|pull|pulls|pulling)(?: \w+){0,3} (?:off|down)\b|\bundress\w*|\bnaked\b/,
  es: /\b(?:quit|baj|desabroch)\w*(?: \w+){0,2} (?:ropa|camis\w*|playera\w*|pantal\w*|calzon\w*|chones|pantaletas|falda\w*|vestido\w*|pijama\w*|short\w*)\b|\b(?:me|te|se|le) (?:la|lo|las|los) (?:quit|baj)\w*|\bdesvest\w*|\bdesvist\w*|\bdesnud\w*|\bencuer\w*|\bsin ropa\b/,
};

// An undressing verb that needs no garment (review25 F13): "got undressed", «te desvestiste»,
// «te encueraste» (Mexican colloquial), «te desnudaste», «quitarte la ropa».
const SELF_UNDRESSING: Record<'en' | 'es', RegExp> = {
  en: /\b(?:got|get|gets|getting) (?:undressed|naked)\b|\bundress\w*/,
  es: /\b(?:desvest|desvist|encuer|desnud)\w*|\bquitarte la ropa\b/,
};

/**
 * The words of `clause` (a time clause of `norm`, both normalised) that presume an undressing the
 * child has not told, or undefined: a take-off verb with a pronoun object while `norm` names a
 * garment, or an undressing verb that names none («te desvestiste», "got undressed"). The child has told it when a turn holds an undressing in any person.
 */
export function presumedUndressing(
  norm: string,
  clause: string,
  vocab: ChildVocabulary,
  lex: Lexicon,
): string | undefined {
  const language = lex.language;
  const pronoun = PRONOUN_UNDRESSING[language].exec(clause);
  const verb =
    pronoun && GARMENT[language].test(norm) ? pronoun : SELF_UNDRESSING[language].exec(clause);
  if (!verb) return undefined;
  const told = CHILD_UNDRESSING[language];
  return vocab.turns.some((t) => told.test(t) && !DENIED.test(t)) ? undefined : verb[0];
}
// A denial is no telling: "he didn't take my clothes off", «no me quitó la ropa».
const DENIED = /\b(?:didn'?t|did not|never|nobody|no one|no|nunca|nadie)\b/;
