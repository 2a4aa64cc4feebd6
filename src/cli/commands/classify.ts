// `hearth classify --lang en|es [--json] [--age N] [--earlier FILE]`: codes interviewer utterances read from
// stdin, one per line. Dialogue input: "Child:" / "Niño:" / "Niña:" lines are context (not
// coded), "Interviewer:" / "Entrevistador:" / "Entrevistadora:" lines are coded with the child's
// lines since the last blank line; unlabelled lines in a dialogue with no label yet are coded
// with the child's words unknown (a note on stderr says so); a blank line starts a new dialogue.
// Streams line by line so that it works interactively as well as in a pipe. `--earlier FILE` gives
// the child's words from earlier sessions of the same extended interview (practitioner review 6,
// C14), so a later session is coded from the CLI as the app codes it.
import { readFileSync, statSync } from 'node:fs';
import {
  checkLanguage,
  DialogueCoder,
  isLanguage,
  languageWarning,
  parseEarlierChildWords,
  type CodedLine,
  type Language,
} from '../../questions';
import { EXIT, type CliCommand, type CliIo } from '../io';

const USAGE = [
  'Usage: hearth classify --lang en|es [--json] [--age YEARS] [--earlier FILE]',
  '  Prints, per coded line: type/subtype, verdict, the utterance (cut at 60 characters), the',
  '  reason, and "-> a better question" when there is one. A warning on stderr says when the',
  '  input looks like the other language (the codes assume --lang).',
  '  One utterance per line on stdin. Lines starting "Child:" (en) or "Niño:"/"Niña:" (es) are',
  '  the child\'s words: context, not coded. "Interviewer:" lines are coded with them. Unlabelled',
  "  lines are coded with the child's words unknown: a question presuming a detail the child has",
  '  not said gets no warning (a note on stderr says so). A blank line starts a new dialogue.',
  "  --earlier FILE  the child's words from earlier sessions of the same extended interview",
  '                  (a UTF-8 text file: its "Child:"/"Niño:"/"Niña:" lines, or every line when',
  '                  none is labeled). They count as said in every labeled dialogue on stdin.',
].join('\n');

/** A larger file is not one child's earlier sessions (bounds memory; the coach reads 2,000 chars a line). */
const EARLIER_MAX_BYTES = 5 * 1024 * 1024;

interface Options {
  language: Language;
  json: boolean;
  childAgeYears?: number;
  earlierFile?: string;
}

function parseArgs(argv: readonly string[]): Options | string {
  let language: string | undefined;
  let json = false;
  let age: number | undefined;
  let earlierFile: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === '--json') json = true;
    else if (arg === '--lang' || arg === '-l' || arg === '--age' || arg === '--earlier') {
      const value = argv[i + 1];
      if (value === undefined || value.startsWith('-')) return `Missing value for ${arg}.`;
      if (arg === '--age') age = Number(value);
      else if (arg === '--earlier') earlierFile = value;
      else language = value.trim().toLowerCase();
      i++;
    } else if (arg.startsWith('--lang='))
      language = arg.slice('--lang='.length).trim().toLowerCase();
    else if (arg.startsWith('--age=')) age = Number(arg.slice('--age='.length));
    else if (arg.startsWith('--earlier=')) earlierFile = arg.slice('--earlier='.length);
    else return `Unknown argument "${arg}".`;
  }
  if (language === undefined) return 'Missing --lang.';
  if (!isLanguage(language))
    return `Unsupported language "${language}": use en (English) or es (Spanish).`;
  if (age !== undefined && !(Number.isInteger(age) && age >= 0 && age <= 17))
    return 'The age must be a whole number of years from 0 to 17 (for example --age 7).';
  if (earlierFile === '') return 'Missing value for --earlier.';
  return {
    language,
    json,
    ...(age !== undefined ? { childAgeYears: age } : {}),
    ...(earlierFile !== undefined ? { earlierFile } : {}),
  };
}

/**
 * The child's earlier-session words from `--earlier FILE`, or a message saying what is wrong and
 * what to do. Messages never quote the file's content (it is a child's words).
 */
export function readEarlierWords(path: string): string[] | string {
  const fix =
    "Give a UTF-8 text file with the child's words from the earlier sessions, one utterance a line (or a dialogue with Child:/Niño:/Niña: lines).";
  let bytes: Buffer;
  try {
    const stat = statSync(path);
    if (stat.isDirectory()) return `The --earlier path is a folder, not a file. ${fix}`;
    if (stat.size > EARLIER_MAX_BYTES)
      return `The --earlier file is larger than 5 MB: it is not one child's earlier sessions. ${fix}`;
    bytes = readFileSync(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return `The --earlier file was not found. Check the path. ${fix}`;
    if (code === 'EACCES' || code === 'EPERM')
      return 'The --earlier file cannot be read (permission denied). Check its permissions.';
    return `The --earlier file could not be read (${code ?? 'unknown error'}). ${fix}`;
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return `The --earlier file is not UTF-8 text. Save it as UTF-8 text. ${fix}`;
  }
  if (text.includes('\u0000')) return `The --earlier file is not a text file. ${fix}`;
  const words = parseEarlierChildWords(text.replace(/^\uFEFF/, ''));
  if (words === 'empty') return `The --earlier file is empty. ${fix}`;
  if (words === 'no-child-lines')
    return `The --earlier file is a dialogue with no Child:/Niño:/Niña: lines, so it has none of the child's words. ${fix}`;
  return words;
}

function format({ text, coding: c }: CodedLine, json: boolean): string {
  if (json) {
    const out: Record<string, unknown> = {
      text,
      type: c.type,
      subtype: c.subtype,
      recommended: c.recommended,
      verdict: c.verdict,
      reason: c.reason,
    };
    if (c.suggestion !== undefined) out.suggestion = c.suggestion;
    return JSON.stringify(out);
  }
  const suggestion = c.suggestion !== undefined ? `\t-> ${c.suggestion}` : '';
  return `${c.type}/${c.subtype}\t${c.verdict}\t“${shortened(text)}”\t${c.reason}${suggestion}`;
}

/** Longest utterance echoed whole in the plain output; a longer one is cut with "…". */
export const ECHO_MAX_CHARS = 60;

/**
 * The utterance as the plain output echoes it beside its code (newcomer 17, N17-11: which line
 * got which code), on one line and at most ECHO_MAX_CHARS characters (code points).
 */
export function shortened(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  const chars = [...flat];
  if (chars.length <= ECHO_MAX_CHARS) return flat;
  const cut = chars.slice(0, ECHO_MAX_CHARS - 1).join('');
  // At a word's end when one is near, so no word is cut in half ("about th…").
  const space = cut.lastIndexOf(' ');
  return `${(space >= cut.length - 15 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/**
 * Whether the line being coded has unknown context, by DialogueCoder's rule (src/questions/
 * dialogue.ts, whose labels these mirror): until a dialogue (lines since the last blank one) has
 * a Child:/Niño:/Niña: line or an Interviewer:/Entrevistador(a): line, the child's words are
 * unknown, so what a question presumes cannot be checked against them (newcomer 26, F2).
 */
export class UnlabelledContext {
  private known = false;

  /** Feeds one input line; returns true when it is an unlabelled line coded with unknown context. */
  push(line: string): boolean {
    if (line.trim() === '') {
      this.known = false;
      return false;
    }
    if (
      /^\s*(?:child|niño|niña|nino|nina|interviewer|entrevistador|entrevistadora)\s*:/i.test(line)
    ) {
      this.known = true;
      return false;
    }
    return !this.known;
  }
}

/** Said once on stderr when unlabelled lines were coded: their all-clear is not a check. */
export const UNLABELLED_NOTE =
  "hearth classify: note: unlabelled lines are coded without the child's words (unknown here), so the coach cannot check whether a question presumes a detail the child has not said: such a question gets no warning. Label the dialogue (Child: lines for what the child said, Interviewer: lines for the questions) to have it checked.\n";

/** Lines kept for the language check: enough to tell, bounded for a long pipe. */
const LANGUAGE_CHECK_LINES = 200;

export const classifyCommand: CliCommand = async (argv: string[], io: CliIo): Promise<number> => {
  if (argv.includes('--help') || argv.includes('-h')) {
    io.out(`${USAGE}\n`);
    return EXIT.ok;
  }
  const options = parseArgs(argv);
  if (typeof options === 'string') {
    io.err(`hearth classify: ${options}\nRun hearth classify --help for its options.\n`);
    return EXIT.usage;
  }
  let earlierChildWords: string[] | undefined;
  if (options.earlierFile !== undefined) {
    const read = readEarlierWords(options.earlierFile);
    if (typeof read === 'string') {
      io.err(`hearth classify: --earlier ${options.earlierFile}: ${read}\n`);
      return EXIT.usage;
    }
    earlierChildWords = read;
  }
  const coder = new DialogueCoder({
    language: options.language,
    ...(options.childAgeYears !== undefined ? { childAgeYears: options.childAgeYears } : {}),
    ...(earlierChildWords ? { earlierChildWords } : {}),
  });
  const sample: string[] = [];
  const context = new UnlabelledContext();
  let noted = false;
  const emit = (line: string): void => {
    if (sample.length < LANGUAGE_CHECK_LINES && line.trim() !== '') sample.push(line);
    const unknown = context.push(line);
    const coded = coder.push(line);
    if (coded) io.out(format(coded, options.json) + '\n');
    if (coded && unknown && !noted) {
      noted = true;
      io.err(UNLABELLED_NOTE);
    }
  };
  // A streaming decoder keeps a multi-byte character split across chunks intact.
  const decoder = new TextDecoder('utf-8');
  let pending = '';
  for await (const chunk of io.stdin) {
    pending += typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
    let newline = pending.indexOf('\n');
    while (newline >= 0) {
      emit(pending.slice(0, newline));
      pending = pending.slice(newline + 1);
      newline = pending.indexOf('\n');
    }
  }
  const last = pending + decoder.decode();
  if (last.length > 0) emit(last);
  // Input in the other language is coded confidently and wrongly: say so, with the next step
  // (on stderr, after the codes: the input is read as a stream). The codes are not changed.
  const mismatch = checkLanguage(sample, options.language);
  if (mismatch) io.err(`hearth classify: ${languageWarning(mismatch, options.language)}\n`);
  if (coder.earlierWordsUnused)
    io.err(
      "Note: the --earlier words were not used for unlabelled lines: with no Child:/Interviewer: labels this session's own child words are unknown. Label the lines (Child: / Interviewer:) to use them.\n",
    );
  return EXIT.ok;
};
