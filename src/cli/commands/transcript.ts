// `hearth transcript FILE --lang en|es [--map "LABEL=role" ...] [--json]`: reads a transcript
// file (WebVTT, SRT, or a plain-text layout from Zoom, Teams, Otter, Rev, Resolve, courts),
// prints its turns, the labels found, warnings (codes and counts) and the question-type report.
// Needs no vault and writes nothing. Exit 0 read, 2 usage or a file to fix (unreadable, not a
// transcript, or refused with the line and a next step: the README's exit-code table).
import { readFileSync, statSync } from 'node:fs';
import { parseArgs } from 'node:util';
import {
  assignRoles,
  buildQualityReport,
  findLabels,
  checkLanguage,
  languageWarning,
  isLanguage,
  isSpeakerRole,
  readTranscript,
  TranscriptError,
  TRANSCRIPT_LIMITS,
  UNLABELLED,
  type FoundLabel,
  type LabelRole,
  type ParsedTranscript,
  type TranscriptDraft,
} from '../../questions';
import uiEn from '../../../locales/en/ui.json';
import { helpHint } from '../errors';
import { EXIT, EXIT_CODES_HELP, type CliCommand, type CliIo } from '../io';
import { unreadableReason } from '../passphrase';
import { cliLanguage, cliTranslator } from '../words';

export const TRANSCRIPT_USAGE = `Usage: hearth transcript FILE --lang en|es [--map "LABEL=ROLE" ...] [--json]

Reads WebVTT, SRT or a plain-text transcript (Zoom, Teams, Otter, Rev, DaVinci Resolve,
court Q./A., "Label: text") and prints its turns, the speaker labels found, warnings and the
question-type report. ROLE is interviewer, child, interpreter or other; labels match ignoring
case and accents; --map "=other" gives a role to turns without a label.
A transcript that cannot be read (exit 2: input to fix) is named by line with what to do.
A warning on stderr says when the turns look like the other language (--lang is not changed).

${EXIT_CODES_HELP}`;

const OPTIONS = {
  lang: { type: 'string', short: 'l' },
  map: { type: 'string', multiple: true, short: 'm' },
  json: { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h', default: false },
} as const;

interface Options {
  file: string;
  language: 'en' | 'es';
  mapping: LabelRole[];
  json: boolean;
}

function options(argv: string[]): Options | string {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true });
  } catch (error) {
    return error instanceof Error ? error.message : 'Bad arguments.';
  }
  const { values, positionals } = parsed;
  if (positionals.length !== 1) return 'Give exactly one transcript FILE.';
  if (values.lang === undefined) return 'Missing --lang (en or es).';
  const lang = values.lang.trim().toLowerCase();
  if (!isLanguage(lang))
    return `Unsupported language "${values.lang}": use en (English) or es (Spanish).`;
  const mapping: LabelRole[] = [];
  for (const item of values.map ?? []) {
    const at = item.lastIndexOf('=');
    const role = item.slice(at + 1).trim();
    if (at < 0 || !isSpeakerRole(role))
      return `--map takes "LABEL=ROLE" with ROLE interviewer, child, interpreter or other.`;
    mapping.push({ label: item.slice(0, at).trim(), role });
  }
  return { file: positionals[0] ?? '', language: lang, mapping, json: values.json };
}

const clock = (ms: number | undefined): string => {
  if (ms === undefined) return '--:--:--';
  const s = Math.floor(ms / 1000);
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${pad(Math.floor(s / 3600))}:${pad(Math.floor(s / 60) % 60)}:${pad(s % 60)}`;
};

function labelLines(labels: readonly FoundLabel[]): string[] {
  return labels.map((l) => {
    const name = l.label === UNLABELLED ? '(no label)' : l.label;
    const role = l.role
      ? `${l.role} (${l.source === 'mapping' ? '--map' : l.source})`
      : 'NOT MAPPED';
    return `  ${name.padEnd(24)} ${String(l.count).padStart(5)} turn(s)  ${role}`;
  });
}

/**
 * One shell word: as it is when safe, in double quotes when it has spaces or accents only, else
 * in single quotes (a label or path with $, `, \\, " or ! is not expanded by the shell).
 */
function shellWord(word: string): string {
  if (/^[\w./:@=+-]+$/u.test(word)) return word;
  if (!/[$`\\"!]/.test(word)) return `"${word}"`;
  return `'${word.replace(/'/g, `'\\''`)}'`;
}

/**
 * The command to run next when labels have no role: the same file, --lang and --map options,
 * plus one --map "LABEL=ROLE" per label still without a role, for the user to fill in ROLE.
 * The labels are the user's own file, printed to stdout beside the table that lists them.
 */
function mapCommand(opts: Options, labels: readonly FoundLabel[]): string {
  const words = ['hearth', 'transcript', shellWord(opts.file), '--lang', opts.language];
  for (const m of opts.mapping) words.push('--map', shellWord(`${m.label}=${m.role}`));
  for (const l of labels.filter((x) => x.role === undefined))
    words.push('--map', shellWord(`${l.label}=ROLE`));
  return words.join(' ');
}

function refuse(io: CliIo, opts: Options, error: TranscriptError, draft?: TranscriptDraft): number {
  // The table shows the roles the user already gave with --map, not only the built-in ones.
  const labels = draft ? findLabels(draft.turns, opts.mapping) : undefined;
  if (opts.json) {
    const out = {
      error: {
        code: error.code,
        message: error.message,
        ...(error.line !== undefined ? { line: error.line } : {}),
      },
      ...(labels ? { labels } : {}),
    };
    io.out(`${JSON.stringify(out, null, 2)}\n`);
    return EXIT.usage;
  }
  // The labels are the user's own file, printed to stdout like the turns; the error message on
  // stderr never holds them.
  if (labels) io.out(['Speaker labels found:', ...labelLines(labels), ''].join('\n'));
  const unmapped = labels?.filter((l) => l.role === undefined).length ?? 0;
  if (error.code === 'UNMAPPED_LABELS' && labels && unmapped > 0) {
    // The CLI's own next step (issue #15): the exact command, not the app's "import again".
    const t = cliTranslator(cliLanguage(io.env));
    io.out(`${t('transcript.mapCommandTitle')}\n  ${mapCommand(opts, labels)}\n`);
    io.err(
      `hearth transcript: ${error.code}: ${t('transcript.unmappedLabels', { count: unmapped })}\n`,
    );
  } else io.err(`hearth transcript: ${error.code}: ${error.message}\n`);
  // A file the user must fix or map (README: 2 usage or invalid input), not a problem found.
  return EXIT.usage;
}

function readFile(path: string): Uint8Array | string {
  try {
    const stat = statSync(path);
    if (stat.isDirectory())
      return `${path} is a folder: give the transcript file (.vtt, .srt or .txt) inside it.`;
    if (stat.size > TRANSCRIPT_LIMITS.maxBytes)
      return `${path} is larger than ${TRANSCRIPT_LIMITS.maxBytes} bytes: split it into parts.`;
    return readFileSync(path);
  } catch (error) {
    return `the transcript file ${path} ${unreadableReason(error)}.`;
  }
}

function printText(
  io: CliIo,
  parsed: ParsedTranscript,
  report: ReturnType<typeof buildQualityReport>,
): void {
  const out: string[] = [
    `Transcript: ${parsed.format}${parsed.layout ? ` (${parsed.layout})` : ''}, ${parsed.encoding}, ${parsed.turns.length} turns`,
    '',
    'Speaker labels:',
    ...labelLines(parsed.labels),
    '',
    'Turns:',
    ...parsed.turns.map(
      (t) =>
        `  ${clock(t.startMs)}  ${t.speaker.padEnd(11)} ${t.label ? `[${t.label}] ` : ''}${t.text}`,
    ),
    '',
    'Warnings:',
    ...(parsed.warnings.length === 0
      ? ['  none']
      : parsed.warnings.map((w) => `  ${w.code} x${w.count}: ${warningMeaning(w.code, w.count)}`)),
    '',
    'Report:',
    headlineLine(report.headline),
    `  interviewer turns ${report.interviewerTurns}, prompts ${report.prompts}, child turns ${report.childTurns}`,
    // One invitation share only, the headline's (of substantive questions); this line is over
    // every prompt, facilitators included (newcomer 17, N17-4: two unlabelled percentages).
    `  recommended ${Math.round(report.recommendedShare * 100)}% of all ${report.prompts} prompts (facilitators included)`,
    `  ${Object.entries(report.counts)
      .map(([type, n]) => `${type} ${n}`)
      .join(', ')}`,
    ...report.flagged.map(
      (f) =>
        `  not recommended: ${f.type}/${f.subtype}: ${f.text}${f.suggestion ? `  -> ${f.suggestion}` : ''}`,
    ),
    '',
  ];
  io.out(out.join('\n'));
}

const WARNING_TEXT: Readonly<Record<string, string>> = uiEn.transcript.warnings;

/**
 * What a transcript warning means, in the words the app shows (locales/en/ui.json
 * transcript.warnings, plural by count); the code alone when the locale has no text for it.
 */
function warningMeaning(code: string, count: number): string {
  const text = WARNING_TEXT[`${code}_${count === 1 ? 'one' : 'other'}`];
  return text === undefined ? code : text.replace(/\{\{count\}\}/g, String(count));
}

/**
 * The NICHD headline first (Lamb, Orbach, Hershkowitz, Esplin & Horowitz 2007): invitations
 * among substantive questions, option-posing and suggestive beside it, directives apart.
 */
function headlineLine(h: ReturnType<typeof buildQualityReport>['headline']): string {
  const scope = h.scope === 'substantive' ? 'substantive phase' : 'all interviewer turns';
  const share = Math.round(h.invitationShare * 100);
  return (
    `  NICHD headline (${scope}): invitations ${share}% (${h.invitations} of ${h.substantiveQuestions} questions); ` +
    `option-posing ${h.optionPosing}, suggestive ${h.suggestive}; directives ${h.directives} (acceptable, not preferred)`
  );
}

export const transcriptCommand: CliCommand = (argv: string[], io: CliIo): Promise<number> => {
  if (argv.includes('--help') || argv.includes('-h')) {
    io.out(`${TRANSCRIPT_USAGE}\n`);
    return Promise.resolve(EXIT.ok);
  }
  const opts = options(argv);
  if (typeof opts === 'string') {
    io.err(`hearth transcript: ${opts}\n${helpHint(TRANSCRIPT_USAGE)}\n`);
    return Promise.resolve(EXIT.usage);
  }
  const bytes = readFile(opts.file);
  if (typeof bytes === 'string') {
    io.err(`hearth transcript: ${bytes}\n`);
    return Promise.resolve(EXIT.usage);
  }
  let draft: TranscriptDraft | undefined;
  let parsed: ParsedTranscript;
  try {
    draft = readTranscript(bytes);
    parsed = assignRoles(draft, opts.mapping);
  } catch (error) {
    if (error instanceof TranscriptError) return Promise.resolve(refuse(io, opts, error, draft));
    throw error;
  }
  const mismatch = checkLanguage(
    parsed.turns.map((t) => t.text),
    opts.language,
  );
  if (mismatch) io.err(`hearth transcript: ${languageWarning(mismatch, opts.language)}\n`);
  const { coded: _coded, ...report } = buildQualityReport(parsed.turns, {
    language: opts.language,
  });
  if (opts.json) {
    const out = {
      format: parsed.format,
      ...(parsed.layout ? { layout: parsed.layout } : {}),
      encoding: parsed.encoding,
      labels: parsed.labels,
      turns: parsed.turns.map((t) => ({
        speaker: t.speaker,
        ...(t.label !== undefined ? { label: t.label } : {}),
        ...(t.startMs !== undefined ? { startMs: t.startMs } : {}),
        text: t.text,
      })),
      warnings: parsed.warnings,
      report,
    };
    io.out(`${JSON.stringify(out, null, 2)}\n`);
  } else printText(io, parsed, { ...report, coded: [] });
  return Promise.resolve(EXIT.ok);
};
