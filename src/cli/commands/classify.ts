// `hearth classify --lang en|es [--json]`: codes one interviewer utterance per stdin line.
// Streams line by line so that it works interactively as well as in a pipe.
import { classifyQuestion, isLanguage, type Classification, type Language } from '../../questions';
import { EXIT, type CliCommand, type CliIo } from '../io';

const USAGE = 'Usage: hearth classify --lang en|es [--json]  (one utterance per line on stdin)';

interface Options {
  language: Language;
  json: boolean;
}

function parseArgs(argv: readonly string[]): Options | string {
  let language: string | undefined;
  let json = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === '--json') json = true;
    else if (arg === '--lang' || arg === '-l') {
      const value = argv[i + 1];
      if (value === undefined || value.startsWith('-')) return 'Missing value for --lang.';
      language = value;
      i++;
    } else if (arg.startsWith('--lang=')) language = arg.slice('--lang='.length);
    else return `Unknown argument "${arg}".`;
  }
  if (language === undefined) return 'Missing --lang.';
  if (!isLanguage(language)) return `Unsupported language "${language}": use en or es.`;
  return { language, json };
}

function format(text: string, c: Classification, json: boolean): string {
  if (json) {
    const out: Record<string, unknown> = {
      text,
      type: c.type,
      subtype: c.subtype,
      recommended: c.recommended,
      reason: c.reason,
    };
    if (c.suggestion !== undefined) out.suggestion = c.suggestion;
    return JSON.stringify(out);
  }
  const verdict = c.recommended ? 'recommended' : 'not recommended';
  const suggestion = c.suggestion !== undefined ? `\t-> ${c.suggestion}` : '';
  return `${c.type}/${c.subtype}\t${verdict}\t${c.reason}${suggestion}`;
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
  const emit = (line: string): void => {
    const text = line.replace(/\r$/, '');
    if (text.trim().length === 0) return;
    io.out(format(text, classifyQuestion(text, options.language), options.json) + '\n');
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
  emit(pending + decoder.decode());
  return EXIT.ok;
};
