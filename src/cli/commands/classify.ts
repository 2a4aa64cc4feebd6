// `hearth classify --lang en|es [--json] [--age N]`: codes interviewer utterances read from
// stdin, one per line. Dialogue input: "Child:" / "Niño:" / "Niña:" lines are context (not
// coded), "Interviewer:" / "Entrevistador:" / "Entrevistadora:" or unlabelled lines are coded
// with the child's lines since the last blank line; a blank line starts a new dialogue.
// Streams line by line so that it works interactively as well as in a pipe.
import { DialogueCoder, isLanguage, type CodedLine, type Language } from '../../questions';
import { EXIT, type CliCommand, type CliIo } from '../io';

const USAGE = [
  'Usage: hearth classify --lang en|es [--json] [--age YEARS]',
  '  One utterance per line on stdin. Lines starting "Child:" (en) or "Niño:"/"Niña:" (es) are',
  "  the child's words: context, not coded. A blank line starts a new dialogue.",
].join('\n');

interface Options {
  language: Language;
  json: boolean;
  childAgeYears?: number;
}

function parseArgs(argv: readonly string[]): Options | string {
  let language: string | undefined;
  let json = false;
  let age: number | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === '--json') json = true;
    else if (arg === '--lang' || arg === '-l' || arg === '--age') {
      const value = argv[i + 1];
      if (value === undefined || value.startsWith('-')) return `Missing value for ${arg}.`;
      if (arg === '--age') age = Number(value);
      else language = value;
      i++;
    } else if (arg.startsWith('--lang=')) language = arg.slice('--lang='.length);
    else if (arg.startsWith('--age=')) age = Number(arg.slice('--age='.length));
    else return `Unknown argument "${arg}".`;
  }
  if (language === undefined) return 'Missing --lang.';
  if (!isLanguage(language)) return `Unsupported language "${language}": use en or es.`;
  if (age !== undefined && !(Number.isInteger(age) && age >= 0 && age <= 17))
    return 'The age must be a whole number of years from 0 to 17 (for example --age 7).';
  return { language, json, ...(age !== undefined ? { childAgeYears: age } : {}) };
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
  return `${c.type}/${c.subtype}\t${c.verdict}\t${c.reason}${suggestion}`;
}

export const classifyCommand: CliCommand = async (argv: string[], io: CliIo): Promise<number> => {
  if (argv.includes('--help') || argv.includes('-h')) {
    io.out(`${USAGE}\n`);
    return EXIT.ok;
  }
  const options = parseArgs(argv);
  if (typeof options === 'string') {
    io.err(`${options}\n${USAGE}\n`);
    return EXIT.usage;
  }
  const coder = new DialogueCoder(options);
  const emit = (line: string): void => {
    const coded = coder.push(line);
    if (coded) io.out(format(coded, options.json) + '\n');
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
  return EXIT.ok;
};
