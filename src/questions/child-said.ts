// What a child turn contributes to the coach's context. In an interpreted or code-switched
// interview the note's text is the interpreter's rendering (or the interviewer's gloss) and
// `original` is the child's own words, verbatim, in the language the child used. Both are things
// the child said: a cued invitation on the child's own word ("You said 'celular'") reuses the
// child's words (Lamb et al. 2007; Fontes & Tishelman 2016 on interpreted interviews), and a
// label the child used herself is hers, not the interviewer's. Every place that builds the
// coach's context (live hint, live guidance, break queue, report, export coding) takes the
// child's words through this one function, so one wording gets one verdict (audit 19c, B19c-2).

/** A child note or turn: its text, and the child's own-language words when recorded. */
export interface ChildUtterance {
  text: string;
  original?: { text: string } | undefined;
}

/**
 * The child's words one child note or turn holds, for the coach's context: its text, then its
 * own-language original when there is one (an empty original adds nothing).
 */
export function childSaidOf(turn: ChildUtterance): string[] {
  const own = turn.original?.text;
  return own !== undefined && own.trim() !== '' ? [turn.text, own] : [turn.text];
}
