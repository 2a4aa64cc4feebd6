// The renderer build compiles this file without src/ in its project, so the library's types
// are referenced from here rather than picked up as an ambient file.
// eslint-disable-next-line @typescript-eslint/triple-slash-reference
/// <reference path="./webvtt-parser.d.ts" />
// WebVTT and SRT. Caption editors and meeting tools bend both formats (no blank line after
// WEBVTT, no cue numbers, "-->" without spaces, a blank line inside a cue, SSA "{\an8}" tags,
// bare "<" in SRT text), and a spec parser drops such cues or their text without a word. So
// Hearth finds the cues itself, tolerantly and keeping line numbers, and hands each timing line
// and each cue's text to webvtt-parser (w3c/webvtt.js, the W3C validator's parser) for the
// timestamps, tags, voice spans (<v Name>) and character references. The speaker rules after
// that are Hearth's own (labels.ts, assemble.ts).
import {
  WebVTTCueTextParser,
  WebVTTCueTimingsAndSettingsParser,
  type CueNode,
} from 'webvtt-parser';
import entities from 'webvtt-parser/html-entities.json';
import type { Segment } from './assemble';
import { dedupeRollingCaptions } from './dedupe';
import { TranscriptError } from './errors';
import { splitLabel } from './labels';
import { splitLines } from './detect';
import { Warnings } from './warnings';

interface CueLine {
  text: string;
  line: number;
}

interface Cue {
  /** The cue identifier line (WebVTT id, SRT number), if any. */
  id?: string;
  startMs: number;
  endMs: number;
  lines: CueLine[];
}

const ARROW = /-->|—>|–>/;
const TIMING_CUE = /^\s*(\S+?)\s*(?:-->|—>|–>)\s*(\S+)(.*)$/;
const VTT_SIGNATURE = /^WEBVTT(?:[ \t]|$)/;
const VTT_BLOCK = /^(?:NOTE|STYLE|REGION)(?:[ \t]|$)/;
const TIMING_NEXT =
  'Each cue needs a timing line such as "00:00:01.000 --> 00:00:04.000" (SRT: "00:00:01,000 --> 00:00:04,000"); correct this line and import again';

/**
 * Reads caption cues into segments.
 * @param lines the decoded text split into lines (any line ending)
 * @throws TranscriptError BAD_TRANSCRIPT naming the line of a malformed timing or stray text
 */
export function parseCaptions(
  lines: readonly string[],
  format: 'vtt' | 'srt',
  warnings: Warnings,
): Segment[] {
  const cues = findCues(lines, format, warnings);
  const cueLines = cues.map((cue) => cue.lines.map((l) => toRuns(l.text, format, warnings)));
  const kept = dedupeRollingCaptions(
    cueLines.map((lines) => lines.map((runs) => runs.map((r) => r.text).join(''))),
  );
  warnings.add('DUPLICATES_DROPPED', kept.dropped);
  const segments: Segment[] = [];
  cues.forEach((cue, index) => {
    const keep = kept.keep[index] ?? [];
    const runsByLine = cueLines[index] ?? [];
    segmentsOfCue(
      cue,
      index,
      runsByLine.filter((_, k) => keep[k] === true),
      cue.lines.filter((_, k) => keep[k] === true),
      segments,
      warnings,
    );
  });
  return segments;
}

/**
 * The cues of a caption file as Hearth finds them (for conformance checks against the WebVTT
 * test suite): identifier, times in ms, and the text lines joined with "\n".
 */
export function readCaptionCues(
  text: string,
  format: 'vtt' | 'srt',
): Array<{ id?: string; startMs: number; endMs: number; text: string }> {
  return findCues(splitLines(text), format, new Warnings()).map((c) => ({
    ...(c.id !== undefined ? { id: c.id } : {}),
    startMs: c.startMs,
    endMs: c.endMs,
    text: c.lines.map((l) => l.text).join('\n'),
  }));
}

function findCues(lines: readonly string[], format: 'vtt' | 'srt', warnings: Warnings): Cue[] {
  let i = 0;
  if (format === 'vtt') {
    if (!VTT_SIGNATURE.test(lines[0] ?? ''))
      throw new TranscriptError(
        'BAD_TRANSCRIPT',
        'A WebVTT file must start with the line "WEBVTT"',
        'Add "WEBVTT" as the first line, or import the file as SRT or text',
        1,
        'MISSING_WEBVTT',
      );
    // Header lines run to the first blank line, but a timing line ends the header too: tools
    // that leave out the blank line must not lose their first cue.
    i = 1;
    while (i < lines.length && (lines[i] ?? '').trim() !== '' && !ARROW.test(lines[i] ?? '')) i++;
  }
  const cues: Cue[] = [];
  let current: Cue | undefined;
  let afterBlank = true;
  let afterEmpty = false;
  let pendingId: string | undefined;
  for (; i < lines.length; i++) {
    const raw = lines[i] ?? '';
    if (raw.trim() === '') {
      afterBlank = true;
      if (raw.length === 0) afterEmpty = true;
      continue;
    }
    if (ARROW.test(raw)) {
      current = {
        ...(pendingId !== undefined ? { id: pendingId } : {}),
        ...parseTiming(raw, i + 1, format),
        lines: [],
      };
      pendingId = undefined;
      cues.push(current);
      afterBlank = false;
      afterEmpty = false;
      continue;
    }
    const next = lines[i + 1] ?? '';
    // The line just before a timing line names the cue: in WebVTT always (as the spec parses
    // "text\nid\n00:01.000 --> ..."); in SRT when it is a number or follows a blank line, so
    // that a cue's last line of words is never taken for the next cue's number.
    const isIdentifier =
      ARROW.test(next) &&
      (format === 'vtt' || afterBlank || current === undefined || /^\d+$/.test(raw.trim()));
    if (isIdentifier) {
      pendingId = raw;
      continue;
    }
    if (format === 'vtt' && afterBlank && VTT_BLOCK.test(raw)) {
      while (i + 1 < lines.length && (lines[i + 1] ?? '').trim() !== '') i++;
      continue;
    }
    if (current === undefined)
      throw new TranscriptError(
        'BAD_TRANSCRIPT',
        'Text before the first cue timing',
        TIMING_NEXT,
        i + 1,
        'TEXT_BEFORE_CUE',
      );
    if (afterEmpty) warnings.add('BLANK_LINE_IN_CUE');
    current.lines.push({ text: raw, line: i + 1 });
    afterBlank = false;
    afterEmpty = false;
  }
  return cues;
}

/** "00:01,5", "1:02:03" and "00:00:01,000" as WebVTT timestamps ("00:01.500", ...). */
function normaliseTimestamp(value: string): string {
  const m = /^(\d+(?::\d+){1,2})(?:[.,:](\d{1,3}))?$/.exec(value);
  if (!m) return value;
  return `${m[1]}.${(m[2] ?? '0').padEnd(3, '0')}`;
}

function parseTiming(
  raw: string,
  line: number,
  format: 'vtt' | 'srt',
): { startMs: number; endMs: number } {
  const m = TIMING_CUE.exec(raw);
  const bad = (problem: string): TranscriptError =>
    new TranscriptError('BAD_TRANSCRIPT', problem, TIMING_NEXT, line, 'BAD_TIMING');
  if (!m) throw bad('Malformed cue timing');
  const settings = format === 'vtt' ? (m[3] ?? '') : '';
  const normalised = `${normaliseTimestamp(m[1] ?? '')} --> ${normaliseTimestamp(m[2] ?? '')}${settings}`;
  const cue: { startTime?: number; endTime?: number } = {};
  // Setting errors (unknown "align:", SRT coordinates) do not matter to a transcript.
  const ok = new WebVTTCueTimingsAndSettingsParser(normalised, () => undefined).parse(cue, 0);
  if (!ok || cue.startTime === undefined || cue.endTime === undefined)
    throw bad('Malformed cue timing');
  // A cue that ends before it starts is kept, as WebVTT parsers keep it: its words matter more
  // than a captioner's slip in the end time.
  return { startMs: Math.round(cue.startTime * 1000), endMs: Math.round(cue.endTime * 1000) };
}

interface Run {
  text: string;
  /** The <v> span this run belongs to: its annotation and a number telling spans apart. */
  voice?: { name: string; span: number };
}

let spanCounter = 0;
const MAX_TAGS_PER_LINE = 500;

/** One line of cue text as runs of text, each with the voice span it is in. */
function toRuns(text: string, format: 'vtt' | 'srt', warnings: Warnings): Run[] {
  let source = text;
  // SubStation overrides ("{\an8}", "{\i1}") that caption editors leave in SRT.
  if (/\{\\[^}]*\}/.test(source)) {
    warnings.add('FORMATTING_REMOVED');
    source = source.replace(/\{\\[^}]*\}/g, '');
  }
  // A "<" that opens no tag is text (WebVTT would start a tag and drop the rest); SRT also
  // writes a bare "&".
  source = source.replace(/<(?![/]?[a-z0-9][^<>]*>)/gi, '&lt;');
  if (format === 'srt') source = source.replace(/&(?![a-z]+;|#\d+;|#x[0-9a-f]+;)/gi, '&amp;');
  // Real cue lines hold a few dozen tags (a <c> per word in karaoke captions). Thousands of
  // them nest deeper than the parser's recursion can go: read such a line as plain text.
  if ((source.match(/<[a-z]/gi)?.length ?? 0) > MAX_TAGS_PER_LINE) {
    warnings.add('FORMATTING_REMOVED');
    source = source.replace(/<[^<>]*>/g, '').replace(/</g, '&lt;');
  }
  const tree = new WebVTTCueTextParser(source, () => undefined, 'subtitles', entities).parse(0, 0);
  const runs: Run[] = [];
  const walk = (nodes: readonly CueNode[], voice: Run['voice']): void => {
    for (const node of nodes) {
      if (node.type === 'text')
        runs.push(voice ? { text: node.value, voice } : { text: node.value });
      else if (node.type === 'object') {
        const inner =
          node.name === 'v' && node.value
            ? { name: node.value.trim(), span: ++spanCounter }
            : voice;
        walk(node.children, inner);
      }
    }
  };
  walk(tree.children, undefined);
  return runs;
}

const DIALOGUE_MARK = /^\s*(?:>>+|[-–—](?=\s))\s*/;

function segmentsOfCue(
  cue: Cue,
  index: number,
  lines: readonly Run[][],
  sources: readonly CueLine[],
  out: Segment[],
  warnings: Warnings,
): void {
  let current: Segment | undefined;
  let lastSpan: number | undefined;
  lines.forEach((runs, k) => {
    const line = sources[k]?.line ?? 0;
    runs.forEach((run, r) => {
      let text = run.text.replace(/\s+/g, ' ');
      let label: string | undefined;
      let change = false;
      if (run.voice && run.voice.span !== lastSpan) label = run.voice.name;
      lastSpan = run.voice?.span;
      if (r === 0 || label !== undefined) {
        const mark = DIALOGUE_MARK.exec(text);
        if (mark) {
          change = true;
          text = text.slice(mark[0].length);
        }
        // Inside a <v> span the span names the speaker; elsewhere a "Name:" prefix does.
        const split = label === undefined ? splitLabel(text) : undefined;
        if (split) {
          label = split.label;
          text = split.rest;
          if (split.cleaned) warnings.add('FORMATTING_REMOVED');
        }
      }
      text = text.trim();
      if (label !== undefined || change || current === undefined) {
        current = {
          text,
          line,
          startMs: cue.startMs,
          endMs: cue.endMs,
          cue: index,
          ...(label !== undefined ? { label } : {}),
          ...(change && label === undefined ? { speakerChange: true } : {}),
        };
        out.push(current);
      } else if (text.length > 0) {
        current.text = current.text.length > 0 ? `${current.text} ${text}` : text;
      }
    });
  });
}
