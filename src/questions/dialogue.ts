// Dialogue input for `hearth classify`: lines labelled "Child:" / "Niño:" / "Niña:" are the
// child's words (context, not coded); lines labelled "Interviewer:" / "Entrevistador:" /
// "Entrevistadora:", or unlabelled, are coded with every child line since the last blank line
// as context; a blank line starts a new dialogue. Pure: the CLI feeds it lines.
import { classifyQuestion } from './classify';
import type { AnsweredQuestion, Classification, Language } from './types';

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
  /**
   * The child's words from the earlier sessions of the same extended interview, oldest first
   * (see earlier-sessions.ts): put before each dialogue's own child words when that dialogue's
   * context is known. A dialogue of unlabelled lines keeps its unknown context (Hearth's rule,
   * withEarlierSessions): the earlier words alone would make this session's untyped words look
   * like the interviewer's.
   */
  earlierChildWords?: readonly string[];
}

/** Why an earlier-sessions file gave no child words (parseEarlierChildWords). */
export type EarlierWordsProblem = 'empty' | 'no-child-lines';

/**
 * The child's words in an earlier session's text for `hearth classify --earlier FILE`: the lines
 * labelled "Child:" / "Niño:" / "Niña:" when the file is a labelled dialogue (interviewer lines
 * are skipped, they are not the child's words), or every non-blank line when no line is labelled.
 * @returns the child's utterances in order, or the problem when there are none.
 */
export function parseEarlierChildWords(text: string): string[] | EarlierWordsProblem {
  const lines = text
    .split('\n')
    .map((l) => l.replace(/\r$/, '').trim())
    .filter((l) => l.length > 0);
  if (lines.length === 0) return 'empty';
  const labelled = lines.some((l) => CHILD_LABEL.test(l) || INTERVIEWER_LABEL.test(l));
  if (!labelled) return lines;
  const child = lines
    .map((l) => CHILD_LABEL.exec(l)?.[0].length)
    .map((n, i) => (n === undefined ? '' : (lines[i] ?? '').slice(n).trim()))
    .filter((l) => l.length > 0);
  return child.length > 0 ? child : 'no-child-lines';
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
  private childWords: string[];
  // This dialogue's interviewer lines with the child's replies (asked-answered.ts): appended in
  // place, a new array per dialogue.
  private answered: AnsweredQuestion[] = [];
  // The last interviewer line and the child lines since it, not yet in `answered`.
  private lastQuestion: string | undefined;
  private replies: string[] = [];
  private contextKnown = false;
  private lineNumber = 0;
  /** True once an utterance was coded with unknown context although earlier words were given. */
  earlierWordsUnused = false;

  constructor(private readonly options: DialogueOptions) {
    this.childWords = this.newDialogueWords();
  }

  /** A new array per dialogue (cached vocabularies are per array), starting with earlier words. */
  private newDialogueWords(): string[] {
    return [...(this.options.earlierChildWords ?? [])];
  }

  push(rawLine: string): CodedLine | undefined {
    this.lineNumber++;
    const line = rawLine.replace(/\r$/, '');
    if (line.trim().length === 0) {
      // A new dialogue: a new array, so that cached vocabularies of the old one are not reused.
      this.childWords = this.newDialogueWords();
      this.answered = [];
      this.lastQuestion = undefined;
      this.replies = [];
      this.contextKnown = false;
      return undefined;
    }
    const child = CHILD_LABEL.exec(line);
    if (child) {
      const said = line.slice(child[0].length).trim();
      if (said.length > 0) this.childWords.push(said);
      if (this.lastQuestion !== undefined) this.replies.push(said);
      this.contextKnown = true;
      return undefined;
    }
    const interviewer = INTERVIEWER_LABEL.exec(line);
    if (interviewer) this.contextKnown = true;
    const text = (interviewer ? line.slice(interviewer[0].length) : line).trim();
    if (text.length === 0) return undefined;
    this.closeExchange();
    if (!this.contextKnown && (this.options.earlierChildWords?.length ?? 0) > 0)
      this.earlierWordsUnused = true;
    const coding = classifyQuestion(text, this.options.language, {
      ...(this.contextKnown ? { childWords: this.childWords, answered: this.answered } : {}),
      ...(this.options.childAgeYears !== undefined
        ? { childAgeYears: this.options.childAgeYears }
        : {}),
    });
    this.lastQuestion = text;
    return { line: this.lineNumber, text, coding };
  }

  /** The last interviewer line, with the child lines after it, joins `answered` (if replied). */
  private closeExchange(): void {
    if (this.lastQuestion !== undefined && this.replies.length > 0)
      this.answered.push({ question: this.lastQuestion, answer: this.replies.join(' ') });
    this.lastQuestion = undefined;
    this.replies = [];
  }
}
