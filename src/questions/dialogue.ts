// Dialogue input for `hearth classify`: lines labelled "Child:" / "Niño:" / "Niña:" are the
// child's words (context, not coded); lines labelled "Interviewer:" / "Entrevistador:" /
// "Entrevistadora:", or unlabelled, are coded with every child line since the last blank line
// as context; a blank line starts a new dialogue. Pure: the CLI feeds it lines.
import { classifyQuestion } from './classify';
import type { Classification, Language } from './types';

const CHILD_LABEL = /^\s*(?:child|niño|niña|nino|nina)\s*:\s*/i;
const INTERVIEWER_LABEL = /^\s*(?:interviewer|entrevistador|entrevistadora)\s*:\s*/i;

export interface CodedLine {
  /** 1-based line number in the input. */
  line: number;
  /** The utterance without its speaker label. */
  text: string;
  coding: Classification;
}

export interface DialogueOptions {
  language: Language;
  childAgeYears?: number;
}

/**
 * Feeds lines one at a time; returns the coding of an interviewer line, or undefined for a child
 * line, a blank line or an empty utterance.
 *
 * Context rule: once a dialogue has a child line, or its interviewer lines are labelled, the
 * child's words are known (possibly none yet), so what an utterance assumes is checked against
 * them. A plain list of unlabelled utterances has unknown context and is coded as before.
 */
export class DialogueCoder {
  private childWords: string[] = [];
  private contextKnown = false;
  private lineNumber = 0;

  constructor(private readonly options: DialogueOptions) {}

  push(rawLine: string): CodedLine | undefined {
    this.lineNumber++;
    const line = rawLine.replace(/\r$/, '');
    if (line.trim().length === 0) {
      // A new dialogue: a new array, so that cached vocabularies of the old one are not reused.
      this.childWords = [];
      this.contextKnown = false;
      return undefined;
    }
    const child = CHILD_LABEL.exec(line);
    if (child) {
      const said = line.slice(child[0].length).trim();
      if (said.length > 0) this.childWords.push(said);
      this.contextKnown = true;
      return undefined;
    }
    const interviewer = INTERVIEWER_LABEL.exec(line);
    if (interviewer) this.contextKnown = true;
    const text = (interviewer ? line.slice(interviewer[0].length) : line).trim();
    if (text.length === 0) return undefined;
    const coding = classifyQuestion(text, this.options.language, {
      ...(this.contextKnown ? { childWords: this.childWords } : {}),
      ...(this.options.childAgeYears !== undefined
        ? { childAgeYears: this.options.childAgeYears }
        : {}),
    });
    return { line: this.lineNumber, text, coding };
  }
}
