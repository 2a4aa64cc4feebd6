// Which kept keywords of an earlier session are provably the child's own words, and what the
// interviewer already asked. A later session may reconnect only on a word the child said: a
// keyword counts when it occurs in the CURRENT text of a child note (after corrections) and the
// child said it before any interviewer question did. A word the interviewer said first and the
// child then echoed ("Was it in the basement?" / "yes, the basement") is the source-monitoring
// contamination path across sessions (La Rooy, Lamb & Pipe 2009; NICHD coding, Lamb et al. 2007:
// a suggestive utterance "assumes details that have not been revealed by the child"), so it is
// held back and shown as such, never offered as a reconnect topic. The matching is the live
// guidance's own (src/protocols/said-first.ts), so a word held back across sessions is never
// offered as a cued pairing within one either. Pure.
import {
  firstSaying,
  findWords as findIn,
  type SaidQuestion,
  wordTokens as tokens,
} from '../protocols/said-first';
import { classifyQuestion, type QuestionType } from '../questions';
import { fold } from '../questions/text';
import { promptAsked, type PromptToMatch } from './asked-prompts';
import type { OriginalWords, SessionEvent } from './events';

type Lang = 'en' | 'es';

/** A keyword the child provably said first, with the child's own phrase for the reconnect line. */
export interface ChildTopic {
  keyword: string;
  /**
   * The child's words as typed, with the article the child used ("the basement", "el sótano";
   * "al"/"del" become "el"), or null when the child used none (the line then quotes the word).
   */
  phrase: string | null;
}

/** A kept keyword that is not offered as a topic, and why. */
export interface HeldTopic {
  keyword: string;
  /**
   * `interviewer-first`: an interviewer question contained it before the child said it;
   * `not-in-child-words`: no child note's current text contains it (e.g. corrected away).
   */
  reason: 'interviewer-first' | 'not-in-child-words';
  /** `interviewer-first`: when the interviewer first said it (ms since that session started). */
  interviewerAtMs?: number;
  /**
   * `interviewer-first` in an EARLIER session of the series than the one the child used it in:
   * that session's index (absent when it was the same session).
   */
  interviewerSession?: number;
}

export { firstSaying, type SaidQuestion };

/** Every question of one session, in order, with every version of its text. */
export function questionLinesOf(events: readonly SessionEvent[]): SaidQuestion[] {
  return notesOf(events)
    .filter((n) => n.kind === 'question')
    .map((n) => ({ elapsedMs: n.elapsedMs, versions: n.versions }));
}

/** One question of an earlier session, as recorded (latest version), with the child's answer. */
export interface AskedQuestion {
  elapsedMs: number;
  text: string;
  /** An interpreted question: what the interpreter said to the child. */
  original?: OriginalWords;
  /**
   * The protocol prompt it is: the one picked with Use (recorded on the note), else the plan
   * prompt whose fixed words it has, blanks filled or "somebody" said as "anyone" (promptAsked).
   */
  promptId?: string;
  /**
   * The question coach's coding of the question (as the live hint coded it, without the child's
   * context): a focused one (option-posing, directive, suggestive) is not asked again; an open
   * invitation may be (La Rooy et al. 2010; Memon & Vartoukian 1996).
   */
  questionType: QuestionType;
  /** The child's next turn (latest version), verbatim; absent when none was recorded. */
  answer?: string;
}

interface Note {
  noteId: string;
  kind: string;
  /** seq and elapsed time of the first version: when it was said. */
  seq: number;
  elapsedMs: number;
  text: string;
  original?: OriginalWords;
  /** Every version's text (a correction does not unsay what the interviewer said). */
  versions: string[];
  keywords: string[];
  /** A question: the planned prompt picked with Use (first version's note event). */
  promptId?: string;
}

/** Notes in the order first written, each with its latest text and all its versions. */
function notesOf(events: readonly SessionEvent[]): Note[] {
  const byId = new Map<string, Note>();
  for (const e of events) {
    if (e.type !== 'note') continue;
    const known = byId.get(e.noteId);
    if (known) {
      known.text = e.text;
      known.versions.push(e.text);
      if (e.original) known.original = e.original;
      else delete known.original;
      for (const k of e.keywords ?? []) if (!known.keywords.includes(k)) known.keywords.push(k);
    } else {
      byId.set(e.noteId, {
        noteId: e.noteId,
        kind: e.kind,
        seq: e.seq,
        elapsedMs: e.elapsedMs,
        text: e.text,
        ...(e.original ? { original: e.original } : {}),
        versions: [e.text],
        keywords: [...(e.keywords ?? [])],
        ...(e.promptId ? { promptId: e.promptId } : {}),
      });
    }
  }
  return [...byId.values()].sort((a, b) => a.seq - b.seq);
}

// Articles the reconnect line can carry over unchanged ("you told me about the basement").
// Possessives are left out: "my room" would need a change of person, which Hearth never makes.
const ARTICLES: Record<Lang, Record<string, string>> = {
  en: { the: 'the', a: 'a', an: 'an' },
  es: {
    el: 'el',
    la: 'la',
    los: 'los',
    las: 'las',
    un: 'un',
    una: 'una',
    unos: 'unos',
    unas: 'unas',
    al: 'el',
    del: 'el',
  },
};

/** The child's phrase around the keyword, with the child's own article; null without one. */
function phraseOf(text: string, keyword: string, language: Lang): string | null {
  const found = findIn(text, keyword, language);
  if (!found || found.at === 0) return null;
  const all = tokens(text, language);
  const before = all[found.at - 1]!;
  const article = ARTICLES[language][fold(text.slice(before.start, before.end))];
  if (!article) return null;
  const typed = text.slice(all[found.at]!.start, all[found.end]!.end);
  return `${article} ${typed}`;
}

/**
 * Splits the kept keywords of one session (every keyword on any version of a child note) into
 * the topics the child provably raised and those held back. `language`: the session's.
 */
export function childTopicsOf(
  events: readonly SessionEvent[],
  language: string,
): { topics: ChildTopic[]; held: HeldTopic[] } {
  const lang: Lang = language === 'es' ? 'es' : 'en';
  const notes = notesOf(events);
  const child = notes.filter((n) => n.kind === 'child');
  const questions = notes.filter((n) => n.kind === 'question');
  const kept = [...new Set(child.flatMap((n) => n.keywords))];
  const topics: ChildTopic[] = [];
  const held: HeldTopic[] = [];
  for (const keyword of kept) {
    const said = child.find((n) => findIn(n.text, keyword, lang) !== null);
    if (!said) {
      held.push({ keyword, reason: 'not-in-child-words' });
      continue;
    }
    const asked = questions.find(
      (q) => q.seq < said.seq && q.versions.some((v) => findIn(v, keyword, lang) !== null),
    );
    if (asked) {
      held.push({ keyword, reason: 'interviewer-first', interviewerAtMs: asked.elapsedMs });
      continue;
    }
    topics.push({ keyword, phrase: phraseOf(said.text, keyword, lang) });
  }
  return { topics, held };
}

/**
 * Every question of one session (latest version, in the order asked) with the child's next turn,
 * verbatim, the coach's coding, and the id of the plan prompt it asks (`prompts`: that session's
 * plan prompts; the id recorded with Use, else promptAsked's match on the prompt's fixed words).
 * `language`: the session's. For the no-repeat rule: the later session sees what was asked and
 * answered (Memon & Vartoukian 1996; Poole & White 1991).
 */
export function questionsAskedOf(
  events: readonly SessionEvent[],
  prompts: readonly PromptToMatch[],
  language: string,
): AskedQuestion[] {
  const lang: Lang = language === 'es' ? 'es' : 'en';
  const notes = notesOf(events);
  const out: AskedQuestion[] = [];
  notes.forEach((n, i) => {
    if (n.kind !== 'question') return;
    const next = notes.slice(i + 1).find((m) => m.kind === 'child' || m.kind === 'question');
    const promptId = n.promptId ?? promptAsked(n.text, prompts, lang);
    out.push({
      elapsedMs: n.elapsedMs,
      text: n.text,
      ...(n.original ? { original: n.original } : {}),
      ...(promptId ? { promptId } : {}),
      questionType: classifyQuestion(n.text, lang).type,
      ...(next?.kind === 'child' ? { answer: next.text } : {}),
    });
  });
  return out;
}
