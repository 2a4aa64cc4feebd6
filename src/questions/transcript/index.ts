// Transcript import (pure: bytes or text in, turns out; usable from the core, the CLI and the
// renderer). Two steps, so that a user sees what was found before anything is stored:
//   readTranscript  decode, detect the format and layout, read cues or lines, join them into
//                   turns with their labels; list the labels with their counts
//   parseTranscript the same, then give each label a role (built-in or mapped) and check it
// Errors carry a code, a line and a next step, never transcript text (errors.ts).
import type { Turn } from '../turns';
import { assemble, type DraftTurn, type Segment } from './assemble';
import { parseCaptions } from './captions';
import { checkDecodedText, decodeTranscript, type TranscriptEncoding } from './decode';
import { detectFormat, splitLines, type TranscriptFormat } from './detect';
import { TranscriptError } from './errors';
import { SPEAKER_ROLES, type SpeakerRole } from './labels';
import { detectTextLayout, parseTextLayout, type TextLayout } from './layouts';
import {
  assignSpeakers,
  findLabels,
  UNLABELLED,
  type FoundLabel,
  type LabelRole,
} from './speakers';
import { Warnings, type TranscriptWarning } from './warnings';

export { decodeTranscript, checkDecodedText, type TranscriptEncoding } from './decode';
export { detectFormat, splitLines, type TranscriptFormat } from './detect';
export { FILE_KINDS, nonTextKind, type FileKind } from './file-kind';
export { TranscriptError, type TranscriptErrorCode, type TranscriptRule } from './errors';
export { builtInRole, isSpeakerRole, labelKey, SPEAKER_ROLES, type SpeakerRole } from './labels';
export { TEXT_LAYOUTS, type TextLayout } from './layouts';
export { readCaptionCues } from './captions';
export {
  confirmedLabels,
  findLabels,
  UNLABELLED,
  type ConfirmedLabel,
  type FoundLabel,
  type LabelRole,
} from './speakers';
export { WARNING_CODES, type TranscriptWarning, type WarningCode } from './warnings';
export type { DraftTurn } from './assemble';

export const TRANSCRIPT_LIMITS = { maxBytes: 5 * 1024 * 1024, maxTurns: 20_000 } as const;

/** Extra labels per role, added to the built-in English and Spanish ones. */
export type SpeakerLabels = Partial<Record<SpeakerRole, readonly string[]>>;

export interface ReadOptions {
  /** Forces a format; default: detected. */
  format?: TranscriptFormat | 'auto';
  /** Default 5 MB (of bytes, or of UTF-8 for text). */
  maxBytes?: number;
  /** Default 20,000. */
  maxTurns?: number;
}

export interface ParseOptions extends ReadOptions {
  /** Roles chosen for labels (they override the built-in ones). */
  mapping?: readonly LabelRole[];
  /** Older form of `mapping`: labels listed per role. */
  labels?: SpeakerLabels;
}

/** What a transcript holds, before roles are given. */
export interface TranscriptDraft {
  format: TranscriptFormat;
  /** For format 'text': which plain-text layout was read. */
  layout?: TextLayout;
  encoding: TranscriptEncoding;
  turns: DraftTurn[];
  /** Labels in order of first appearance, with counts and built-in roles. */
  labels: FoundLabel[];
  warnings: TranscriptWarning[];
}

export interface ParsedTranscript {
  format: TranscriptFormat;
  layout?: TextLayout;
  encoding: TranscriptEncoding;
  turns: Turn[];
  labels: FoundLabel[];
  /** Codes and counts only. */
  warnings: TranscriptWarning[];
}

/**
 * Reads a transcript up to its labelled turns.
 * @param input the file's bytes (decoded here: BOM, UTF-8, else Windows-1252) or text
 * @throws TranscriptError BAD_ENCODING, BAD_TRANSCRIPT (with line), NO_TURNS,
 *   TRANSCRIPT_TOO_LARGE, TOO_MANY_TURNS
 */
export function readTranscript(
  input: Uint8Array | string,
  options: ReadOptions = {},
): TranscriptDraft {
  const maxBytes = options.maxBytes ?? TRANSCRIPT_LIMITS.maxBytes;
  const size = typeof input === 'string' ? utf8Length(input, maxBytes) : input.byteLength;
  if (size > maxBytes)
    throw new TranscriptError(
      'TRANSCRIPT_TOO_LARGE',
      `The transcript is larger than ${maxBytes} bytes`,
      'Split it into parts (for example one file per recording) and import each part',
    );
  const warnings = new Warnings();
  let text: string;
  let encoding: TranscriptEncoding;
  if (typeof input === 'string') {
    checkDecodedText(input);
    text = input;
    encoding = 'text';
  } else {
    const decoded = decodeTranscript(input);
    text = decoded.text;
    encoding = decoded.encoding;
    warnings.merge(decoded.warnings);
  }
  const lines = splitLines(text);
  const format =
    options.format === undefined || options.format === 'auto'
      ? detectFormat(lines)
      : options.format;
  let segments: Segment[];
  let layout: TextLayout | undefined;
  if (format === 'text') {
    layout = detectTextLayout(lines);
    segments = parseTextLayout(lines, layout, warnings);
  } else segments = parseCaptions(lines, format, warnings);
  const turns = assemble(segments, warnings);
  if (turns.length === 0)
    throw new TranscriptError(
      'NO_TURNS',
      'The transcript has no text',
      'Check that you chose the transcript file and not the recording, then import again',
    );
  const maxTurns = options.maxTurns ?? TRANSCRIPT_LIMITS.maxTurns;
  if (turns.length > maxTurns)
    throw new TranscriptError(
      'TOO_MANY_TURNS',
      `The transcript has more than ${maxTurns} turns`,
      'Split it into parts and import each part',
      turns[maxTurns]?.line,
    );
  const labels = findLabels(turns);
  warnings.add(
    'UNKNOWN_LABEL',
    labels.filter((l) => l.label !== UNLABELLED && l.source !== 'built-in').length,
  );
  return {
    format,
    ...(layout ? { layout } : {}),
    encoding,
    turns,
    labels,
    warnings: warnings.list(),
  };
}

/**
 * Reads a transcript and gives every turn its speaker.
 * @throws TranscriptError as readTranscript, plus UNMAPPED_LABELS and NO_INTERVIEWER
 */
export function parseTranscript(
  input: Uint8Array | string,
  options: ParseOptions = {},
): ParsedTranscript {
  const draft = readTranscript(input, options);
  return assignRoles(draft, [...labelsAsMapping(options.labels), ...(options.mapping ?? [])]);
}

/**
 * Gives the turns of a draft their speakers. The draft's warnings carry over, except
 * UNKNOWN_LABEL, which the mapping has answered.
 * @throws TranscriptError UNMAPPED_LABELS, NO_INTERVIEWER
 */
export function assignRoles(
  draft: TranscriptDraft,
  mapping: readonly LabelRole[],
): ParsedTranscript {
  const warnings = new Warnings();
  // UNKNOWN_LABEL asks for a role; every label has one once assignSpeakers returns (it refuses
  // an unmapped label), so it is not repeated after the mapping (newcomer 17, N17-4).
  warnings.merge(draft.warnings.filter((w) => w.code !== 'UNKNOWN_LABEL'));
  const turns = assignSpeakers(draft.turns, mapping, warnings);
  return {
    format: draft.format,
    ...(draft.layout ? { layout: draft.layout } : {}),
    encoding: draft.encoding,
    turns,
    labels: findLabels(draft.turns, mapping),
    warnings: warnings.list(),
  };
}

function labelsAsMapping(labels: SpeakerLabels | undefined): LabelRole[] {
  if (!labels) return [];
  return SPEAKER_ROLES.flatMap((role) => (labels[role] ?? []).map((label) => ({ label, role })));
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
