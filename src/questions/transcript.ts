// Transcript import (pure: string in, turns out) for WebVTT, SRT and plain text with speaker
// labels. Errors carry a code and a line number but never any transcript text, because a
// transcript of a child's interview must not leak into logs or error reports.
import { fold } from './text';
import type { Speaker, Turn } from './turns';

export type TranscriptFormat = 'vtt' | 'srt' | 'text';
export type TranscriptErrorCode = 'BAD_TRANSCRIPT' | 'TRANSCRIPT_TOO_LARGE' | 'TOO_MANY_TURNS';

export class TranscriptError extends Error {
  override readonly name = 'TranscriptError';
  constructor(
    readonly code: TranscriptErrorCode,
    message: string,
    /** 1-based line where the problem was found. */
    readonly line?: number,
  ) {
    super(line === undefined ? message : `${message} (line ${line})`);
  }
}

export interface SpeakerLabels {
  interviewer?: readonly string[];
  child?: readonly string[];
  other?: readonly string[];
}

export interface ParseOptions {
  format?: TranscriptFormat | 'auto';
  /** Extra labels, added to the built-in English and Spanish ones. */
  labels?: SpeakerLabels;
  /** Default 5 MB (UTF-8). */
  maxBytes?: number;
  /** Default 20,000. */
  maxTurns?: number;
}

export interface ParsedTranscript {
  format: TranscriptFormat;
  turns: Turn[];
}

export const TRANSCRIPT_LIMITS = { maxBytes: 5 * 1024 * 1024, maxTurns: 20_000 } as const;

const DEFAULT_LABELS: Required<SpeakerLabels> = {
  interviewer: [
    'interviewer',
    'forensic interviewer',
    'int',
    'i',
    'q',
    'fi',
    'iv',
    'interviewer 1',
    'interviewer 2',
    'entrevistador',
    'entrevistadora',
    'entrevistador a',
    'entrevistador/a',
    'entrevistador(a)',
    'e',
    'ent',
    'p',
  ],
  child: [
    'child',
    'c',
    'ch',
    'a',
    'witness',
    'kid',
    'youth',
    'victim',
    'nino',
    'nina',
    'nino a',
    'nino/a',
    'nino(a)',
    'n',
    'menor',
    'r',
  ],
  other: [
    'interpreter',
    'translator',
    'observer',
    'mdt',
    'parent',
    'mother',
    'father',
    'support person',
    'officer',
    'interprete',
    'traductor',
    'traductora',
    'observador',
    'observadora',
    'madre',
    'padre',
    'acompanante',
  ],
};

function labelKey(label: string): string {
  return fold(label)
    .replace(/[^a-z0-9/() ]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

function buildLabelMap(extra?: SpeakerLabels): Map<string, Speaker> {
  const map = new Map<string, Speaker>();
  for (const speaker of ['interviewer', 'child', 'other'] as const) {
    for (const l of [...DEFAULT_LABELS[speaker], ...(extra?.[speaker] ?? [])])
      map.set(labelKey(l), speaker);
  }
  return map;
}

function utf8Length(text: string, limit: number): number {
  if (text.length * 3 <= limit) return text.length;
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    bytes += c < 0x80 ? 1 : c < 0x800 ? 2 : c >= 0xd800 && c <= 0xdbff ? 2 : 3;
    if (bytes > limit) break;
  }
  return bytes;
}

export function detectFormat(input: string): TranscriptFormat {
  const head = input.replace(/^\uFEFF/, '').trimStart();
  if (/^WEBVTT(?:[ \t]|\r?\n|$)/.test(head)) return 'vtt';
  if (/^\d+[ \t]*\r?\n[ \t]*\d{1,2}:\d{2}:\d{2}[,.]\d{1,3}[ \t]*-->/.test(head)) return 'srt';
  return 'text';
}

export function parseTranscript(input: string, options: ParseOptions = {}): ParsedTranscript {
  const maxBytes = options.maxBytes ?? TRANSCRIPT_LIMITS.maxBytes;
  if (utf8Length(input, maxBytes) > maxBytes) {
    throw new TranscriptError(
      'TRANSCRIPT_TOO_LARGE',
      `Transcript is larger than ${maxBytes} bytes.`,
    );
  }
  const format =
    options.format === undefined || options.format === 'auto'
      ? detectFormat(input)
      : options.format;
  const lines = input.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  const builder = new TurnBuilder(
    buildLabelMap(options.labels),
    options.maxTurns ?? TRANSCRIPT_LIMITS.maxTurns,
  );
  if (format === 'text') parsePlain(lines, builder);
  else parseCues(lines, builder, format);
  const turns = builder.finish();
  if (!turns.some((t) => t.speaker === 'interviewer')) {
    throw new TranscriptError(
      'BAD_TRANSCRIPT',
      'No interviewer turns found: check the speaker labels.',
    );
  }
  return { format, turns };
}

// Optional "[00:01:02]" or "00:01:02" stamp, then "Label:" of at most 40 characters.
const LABELLED =
  /^\s*(?:[[(]?(\d{1,2}:\d{2}(?::\d{2})?(?:[.,]\d{1,3})?)[\])]?\s*[-–]?\s*)?([^:\s][^:]{0,39}?)\s*:\s*(.*)$/;

class TurnBuilder {
  private readonly turns: Turn[] = [];
  constructor(
    private readonly labels: Map<string, Speaker>,
    private readonly maxTurns: number,
  ) {}

  speakerOf(label: string): Speaker | undefined {
    return this.labels.get(labelKey(label));
  }

  get last(): Turn | undefined {
    return this.turns[this.turns.length - 1];
  }

  add(turn: Turn): void {
    if (this.turns.length >= this.maxTurns) {
      throw new TranscriptError(
        'TOO_MANY_TURNS',
        `Transcript has more than ${this.maxTurns} turns.`,
        turn.line,
      );
    }
    this.turns.push(turn);
  }

  append(text: string, endMs?: number): void {
    const last = this.last;
    if (!last) return;
    last.text = last.text ? `${last.text} ${text}` : text;
    if (endMs !== undefined) last.endMs = endMs;
  }

  finish(): Turn[] {
    return this.turns.filter((t) => t.text.length > 0);
  }
}

function parsePlain(lines: readonly string[], builder: TurnBuilder): void {
  for (let i = 0; i < lines.length; i++) {
    const raw = (lines[i] ?? '').trim();
    if (raw.length === 0) continue;
    const lineNo = i + 1;
    const m = LABELLED.exec(raw);
    const speaker = m ? builder.speakerOf(m[2] ?? '') : undefined;
    if (m && speaker) {
      const turn: Turn = {
        speaker,
        label: (m[2] ?? '').trim(),
        text: (m[3] ?? '').trim(),
        line: lineNo,
      };
      if (m[1]) turn.startMs = parseTimestamp(m[1], lineNo, true);
      builder.add(turn);
    } else if (builder.last) {
      builder.append(raw);
    } else {
      throw new TranscriptError(
        'BAD_TRANSCRIPT',
        'Expected a speaker label such as "Interviewer:" or "Child:"',
        lineNo,
      );
    }
  }
}

const TIMING = /^\s*(\S+)\s+-->\s+(\S+)(?:\s+.*)?$/;
const VOICE = /<v(?:\.[^\s>]*)?\s+([^>]+)>/i;

function parseCues(lines: readonly string[], builder: TurnBuilder, format: 'vtt' | 'srt'): void {
  let i = 0;
  if (format === 'vtt') {
    if (!/^WEBVTT(?:[ \t]|$)/.test(lines[0] ?? ''))
      throw new TranscriptError('BAD_TRANSCRIPT', 'Missing WEBVTT header', 1);
    // Skip the header block.
    while (i < lines.length && (lines[i] ?? '').trim() !== '') i++;
  }
  while (i < lines.length) {
    while (i < lines.length && (lines[i] ?? '').trim() === '') i++;
    if (i >= lines.length) break;
    const blockStart = i;
    const block: string[] = [];
    while (i < lines.length && (lines[i] ?? '').trim() !== '') block.push(lines[i++] ?? '');
    const first = (block[0] ?? '').trim();
    if (format === 'vtt' && /^(NOTE|STYLE|REGION)(\s|$)/.test(first)) continue;
    let t = 0;
    if (!block[0]?.includes('-->')) {
      if (format === 'srt' && !/^\d+$/.test(first)) {
        throw new TranscriptError('BAD_TRANSCRIPT', 'Expected a cue number', blockStart + 1);
      }
      t = 1;
    }
    const timingLine = blockStart + t + 1;
    const timing = TIMING.exec(block[t] ?? '');
    if (!timing)
      throw new TranscriptError(
        'BAD_TRANSCRIPT',
        'Expected a cue timing "start --> end"',
        timingLine,
      );
    const startMs = parseTimestamp(timing[1] ?? '', timingLine, format === 'vtt');
    const endMs = parseTimestamp(timing[2] ?? '', timingLine, format === 'vtt');
    if (endMs < startMs)
      throw new TranscriptError('BAD_TRANSCRIPT', 'Cue ends before it starts', timingLine);
    const payload = block.slice(t + 1).join(' ');
    addCue(builder, payload, startMs, endMs, timingLine + 1);
  }
}

function addCue(
  builder: TurnBuilder,
  payload: string,
  startMs: number,
  endMs: number,
  line: number,
): void {
  let label: string | undefined;
  let text = payload;
  const voice = VOICE.exec(text);
  if (voice) label = (voice[1] ?? '').trim();
  text = decodeEntities(text.replace(/<[^>]*>/g, '')).trim();
  if (label === undefined) {
    const m = LABELLED.exec(text);
    if (m && builder.speakerOf(m[2] ?? '')) {
      label = (m[2] ?? '').trim();
      text = (m[3] ?? '').trim();
    }
  }
  const speaker = label === undefined ? undefined : (builder.speakerOf(label) ?? 'other');
  const last = builder.last;
  if (speaker === undefined) {
    // Captions usually label only a change of speaker: an unlabelled cue continues the last one.
    if (last) {
      builder.append(text, endMs);
      return;
    }
    builder.add({ speaker: 'other', text, startMs, endMs, line });
    return;
  }
  // A sentence split across cues by the captioner is one turn.
  if (
    last &&
    last.speaker === speaker &&
    last.label === label &&
    !/[.?!]["')\]]*$/.test(last.text)
  ) {
    builder.append(text, endMs);
    return;
  }
  builder.add({ speaker, label, text, startMs, endMs, line });
}

function decodeEntities(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&nbsp;/g, ' ')
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&apos;/g, "'")
    .replace(/&amp;/g, '&');
}

const TIMESTAMP = /^(?:(\d{1,3}):)?(\d{1,2}):(\d{2})(?:[.,](\d{1,3}))?$/;

/** hh:mm:ss.ttt (SRT uses a comma; WebVTT allows mm:ss.ttt) to milliseconds. */
function parseTimestamp(value: string, line: number, allowShort: boolean): number {
  const m = TIMESTAMP.exec(value);
  if (!m || (!allowShort && m[1] === undefined)) {
    throw new TranscriptError('BAD_TRANSCRIPT', 'Malformed timestamp', line);
  }
  const minutes = Number(m[2]);
  const seconds = Number(m[3]);
  if (minutes >= 60 || seconds >= 60)
    throw new TranscriptError('BAD_TRANSCRIPT', 'Malformed timestamp', line);
  const fraction = m[4] ? Number(m[4].padEnd(3, '0')) : 0;
  return ((Number(m[1] ?? 0) * 60 + minutes) * 60 + seconds) * 1000 + fraction;
}
