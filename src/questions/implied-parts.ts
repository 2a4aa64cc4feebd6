// Body parts an act the child has named already implies (Hearth's list, issue #16): "he slapped
// me" → "Which hand did he use?" asks which of the hands a slap is done with; it brings no new
// detail, so it stays the directive it is (NICHD protocol 2007: wh- questions about details the
// child has mentioned). Without such an act, "Which hand…?" still takes a hand as given (coach37,
// the 'asserted' category check). Deliberately short: only parts the act is done WITH, by
// definition of the word (a slap is with the open hand, a kick with the foot, a bite with the
// teeth), never the part it is done TO, which the child must say.
import { stem } from './text';
import type { Language } from './types';

interface Implication {
  /** The act in the child's normalised words (lower case, accents folded). */
  act: RegExp;
  /** Stems of the parts the act is done with. */
  parts: ReadonlySet<string>;
  /** Implied for open (wh-) questions only: the usual part, not the only possible one. */
  openOnly?: true;
}

const stems = (language: Language, list: string): ReadonlySet<string> =>
  new Set(list.split(' ').map((w) => stem(w, language)));

const IMPLIED: Record<Language, readonly Implication[]> = {
  en: [
    {
      act: /\b(?:slap(?:s|ped|ping)?|spank(?:s|ed|ing)?|smack(?:s|ed|ing)?)\b/,
      parts: stems('en', 'hand hands palm'),
    },
    { act: /\bpunch(?:es|ed|ing)?\b/, parts: stems('en', 'fist fists hand hands') },
    { act: /\bkick(?:s|ed|ing)?\b/, parts: stems('en', 'foot feet leg legs') },
    // "bit" only with its object: "it hurt a bit" names no bite.
    {
      act: /\b(?:bite|bites|bitten|biting)\b|\bbit (?:me|my|him|her|his|us|them|you|your|on)\b/,
      parts: stems('en', 'teeth tooth mouth'),
    },
    { act: /\bscratch(?:es|ed|ing)?\b/, parts: stems('en', 'nail nails fingernail fingernails') },
    // A touch, grab, push, squeeze or choke is done with the hand in the verb's ordinary sense
    // (Merriam-Webster: touch "to bring a bodily part into contact with, especially so as to
    // perceive through the tactile sense", in use the hand; grab/grasp/squeeze "with the hand";
    // heldout25: "What did he do with his hand when he touched your chest?" after the touch).
    // Open questions only: a touch can be with another part, so "Did he use his hand?" after
    // "he touched me" still offers the hand as an option (coach30's new-detail question).
    {
      act: /\b(?:touch(?:es|ed|ing)?|grab(?:s|bed|bing)?|push(?:es|ed|ing)?|shov(?:e|es|ed|ing)|squeez(?:e|es|ed|ing)|chok(?:e|es|ed|ing)|pinch(?:es|ed|ing)?)\b/,
      parts: stems('en', 'hand hands'),
      openOnly: true,
    },
  ],
  es: [
    {
      act: /\b(?:cachetad\w*|cachete(?:o|ó|aba|ar)\w*|bofetad\w*|abofete\w*|manotazo\w*|nalgad\w*)\b/,
      parts: stems('es', 'mano manos palma'),
    },
    { act: /\b(?:punetazo\w*|puñetazo\w*)\b/, parts: stems('es', 'puno puños puño mano manos') },
    {
      act: /\b(?:patad\w*|pate(?:o|ó|aba|ar|aron)\w*)\b/,
      parts: stems('es', 'pie pies pierna piernas'),
    },
    {
      act: /\b(?:mordid\w*|mord(?:io|ió|ia|ía|er)\w*|muerde\w*)\b/,
      parts: stems('es', 'diente dientes boca'),
    },
    {
      act: /\b(?:aranaz\w*|arañaz\w*|aran(?:o|ó)\w*|arañ(?:o|ó)\w*)\b/,
      parts: stems('es', 'una unas uña uñas'),
    },
    // Tocar, agarrar, empujar, apretar, ahorcar, pellizcar: con la mano (DLE: agarrar "asir
    // fuertemente con la mano"; the same verbs as the English entry). Only with a person as the
    // object (a clitic before, «me tocó», or after, «tocarme»): «toco la guitarra», «tocó la
    // puerta» and «agarré el camión» are no touch of a person.
    {
      act: /\b(?:me|te|le|la|lo|nos|les|se) (?:toc\w*|toqu\w*|agarr\w+|empuj\w+|apret\w+|apriet\w+|ahorc\w+|pellizc\w+|pellizqu\w+)|\b(?:toc|agarr|empuj|apret|ahorc|pellizc)(?:ar|ando|andol?)(?:me|te|la|lo|nos|les)\b/,
      parts: stems('es', 'mano manos'),
      openOnly: true,
    },
  ],
};

/**
 * The stems (text.ts `stem`) of the parts the acts in one child turn are done with: "hand" after
 * "he slapped me", «mano» after «me dio una cachetada». Read once per turn, as the turn joins the
 * child's vocabulary (vocabulary.ts), not once per question.
 * @param turn the child's turn, normalised (lower case, accents folded)
 * @param language 'en' or 'es'
 * @returns the implied part stems for every question (not the open-only ones, impliedPartsOf),
 *   empty when the turn names no such act
 */
export function impliedParts(turn: string, language: Language): readonly string[] {
  return impliedPartsOf(turn, language).closed;
}

/**
 * impliedParts for both kinds of question in one pass over the acts (read once per child turn):
 * `closed` for every question, `open` also the parts implied for open (wh-) questions only.
 */
export function impliedPartsOf(
  turn: string,
  language: Language,
): { closed: readonly string[]; open: readonly string[] } {
  const closed: string[] = [];
  const open: string[] = [];
  for (const i of IMPLIED[language]) {
    if (!i.act.test(turn)) continue;
    open.push(...i.parts);
    if (!i.openOnly) closed.push(...i.parts);
  }
  return { closed, open };
}
