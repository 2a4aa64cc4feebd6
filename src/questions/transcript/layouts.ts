// Plain-text transcript layouts, as tools export them. Hearth's own code: no library knows them.
//   labelled     "Interviewer: text", optionally after a time ("[00:01:02] Child: ...") or a
//                line holding only a time; "**Label:**" markdown; continuation lines
//   name-time    a line "Name  0:03" then the text (Otter; Microsoft Teams .txt/.docx)
//   bracket-name a line "[Name] 00:01:02" then the text (Zoom transcript .txt)
//   rev          "Name (00:00:03):" then the text on the same or the next lines (Rev)
//   timecode     "[00:00:01:00 - 00:00:04:12]", a speaker line, the text (DaVinci Resolve)
//   court-qa     "Q. ..." / "A. ..." (English) or "P. ..." / "R. ..." (Spanish), optionally
//                after printed line numbers (court and deposition transcripts)
import type { Segment } from './assemble';
import { isLabelLike, splitLabel } from './labels';
import { CLOCK, clockToMs, timecodeToMs } from './times';
import type { Warnings } from './warnings';

export const TEXT_LAYOUTS = [
  'labelled',
  'name-time',
  'bracket-name',
  'rev',
  'timecode',
  'court-qa',
] as const;
export type TextLayout = (typeof TEXT_LAYOUTS)[number];

const TIMECODE = String.raw`\d{1,2}:\d{2}:\d{2}(?:[:;]\d{2}|[.,]\d{1,3})?`;
const NAME_TIME = new RegExp(String.raw`^(.+?)\s+(${CLOCK})$`);
const BRACKET_NAME = new RegExp(String.raw`^\[([^\]]+)\]\s+(${CLOCK})$`);
const REV = new RegExp(String.raw`^(.+?)\s*\((${CLOCK})\)\s*:\s*(.*)$`);
const TIMECODE_RANGE = new RegExp(String.raw`^\[\s*(${TIMECODE})\s*[-–]\s*(${TIMECODE})\s*\]$`);
const TIME_ONLY = new RegExp(String.raw`^[[(]?(${CLOCK})[\])]?$`);
const LEADING_TIME = new RegExp(String.raw`^[[(]?(${CLOCK})[\])]?\s*[-–]?\s+(.*)$`);
const COURT = /^(?:\d{1,2}\s+)?([QAPR])[.:]\s+(.*)$/;
const COURT_LINE_NUMBER = /^\d{1,2}\s{2,}/;

interface Header {
  label: string;
  startMs?: number;
  rest?: string;
}

// Header lines are short. Longer lines are never tried against the header patterns, whose
// lazy "(.+?)\s+" prefix would otherwise take quadratic time on a hostile line of spaces.
const MAX_HEADER_LENGTH = 120;

const HEADER_PATTERNS: Partial<Record<TextLayout, (line: string) => Header | undefined>> = {
  'name-time': (line) => {
    const m = NAME_TIME.exec(line);
    if (!m || !isLabelLike(m[1] ?? '') || clockToMs(m[2] ?? '') === undefined) return undefined;
    return { label: (m[1] ?? '').trim(), startMs: clockToMs(m[2] ?? '') ?? 0 };
  },
  'bracket-name': (line) => {
    const m = BRACKET_NAME.exec(line);
    if (!m || !isLabelLike(m[1] ?? '') || clockToMs(m[2] ?? '') === undefined) return undefined;
    return { label: (m[1] ?? '').trim(), startMs: clockToMs(m[2] ?? '') ?? 0 };
  },
  rev: (line) => {
    const m = REV.exec(line);
    if (!m || !isLabelLike(m[1] ?? '') || clockToMs(m[2] ?? '') === undefined) return undefined;
    return { label: (m[1] ?? '').trim(), startMs: clockToMs(m[2] ?? '') ?? 0, rest: m[3] ?? '' };
  },
  'court-qa': (line) => {
    const m = COURT.exec(line);
    return m ? { label: m[1] ?? '', rest: m[2] ?? '' } : undefined;
  },
};

const HEADERS: Partial<Record<TextLayout, (line: string) => Header | undefined>> =
  Object.fromEntries(
    Object.entries(HEADER_PATTERNS).map(([layout, match]) => [
      layout,
      (line: string) => (line.length <= MAX_HEADER_LENGTH ? match(line) : undefined),
    ]),
  );

/** The layout most lines follow (header-style layouts need at least two headers). */
export function detectTextLayout(lines: readonly string[]): TextLayout {
  const counts = new Map<TextLayout, number>();
  const courtLetters = new Set<string>();
  for (const raw of lines) {
    const line = raw.trim();
    if (line.length === 0) continue;
    if (TIMECODE_RANGE.test(line)) counts.set('timecode', (counts.get('timecode') ?? 0) + 1);
    for (const layout of ['name-time', 'bracket-name', 'rev', 'court-qa'] as const) {
      const header = HEADERS[layout]?.(line);
      if (!header) continue;
      counts.set(layout, (counts.get(layout) ?? 0) + 1);
      if (layout === 'court-qa') courtLetters.add(header.label);
    }
  }
  const order: TextLayout[] = ['timecode', 'rev', 'bracket-name', 'name-time', 'court-qa'];
  for (const layout of order) {
    if ((counts.get(layout) ?? 0) < 2) continue;
    // Court transcripts alternate questions and answers.
    if (layout === 'court-qa' && courtLetters.size < 2) continue;
    return layout;
  }
  return 'labelled';
}

/**
 * Reads a plain-text transcript into segments.
 * @param lines decoded text split into lines
 */
export function parseTextLayout(
  lines: readonly string[],
  layout: TextLayout,
  warnings: Warnings,
): Segment[] {
  const segments: Segment[] = [];
  const header = HEADERS[layout];
  let pendingMs: number | undefined;
  let speakerLineNext = false;
  const push = (seg: Segment): void => {
    if (pendingMs !== undefined && seg.startMs === undefined) seg.startMs = pendingMs;
    pendingMs = undefined;
    segments.push(seg);
  };
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i] ?? '';
    let line = raw.trim();
    const lineNo = i + 1;
    if (line.length === 0) continue;
    if (layout === 'court-qa') line = line.replace(COURT_LINE_NUMBER, '');
    // A line that is only a time gives the time of what follows; it is never turn text.
    const timeOnly = TIME_ONLY.exec(line);
    if (timeOnly) {
      pendingMs = clockToMs(timeOnly[1] ?? '');
      if (pendingMs !== undefined) continue;
    }
    if (layout === 'timecode') {
      const range = TIMECODE_RANGE.exec(line);
      if (range) {
        pendingMs = timecodeToMs(range[1] ?? '');
        speakerLineNext = true;
        continue;
      }
      if (speakerLineNext) {
        speakerLineNext = false;
        const next = lines[i + 1] ?? '';
        // The speaker line is followed by indented text; without a speaker it is the text.
        if (isLabelLike(line) && /^\s+\S/.test(next)) {
          push({ label: line, text: '', line: lineNo });
          continue;
        }
        push({ text: line, line: lineNo, speakerChange: true });
        continue;
      }
      segments.push({ text: line, line: lineNo });
      continue;
    }
    const head = header?.(line);
    if (head) {
      push({
        label: head.label,
        text: (head.rest ?? '').trim(),
        line: lineNo,
        ...(head.startMs !== undefined ? { startMs: head.startMs } : {}),
      });
      continue;
    }
    if (layout === 'labelled' || layout === 'court-qa') {
      const labelled = readLabelledLine(line, warnings);
      if (labelled) {
        push({ ...labelled, line: lineNo });
        continue;
      }
    }
    segments.push({ text: line, line: lineNo });
  }
  return segments;
}

function readLabelledLine(
  line: string,
  warnings: Warnings,
): { label: string; text: string; startMs?: number } | undefined {
  let rest = line;
  let startMs: number | undefined;
  const timed = LEADING_TIME.exec(line);
  if (timed) {
    startMs = clockToMs(timed[1] ?? '');
    if (startMs !== undefined) rest = timed[2] ?? '';
  }
  const split = splitLabel(rest);
  if (!split) return undefined;
  if (split.cleaned) warnings.add('FORMATTING_REMOVED');
  return { label: split.label, text: split.rest, ...(startMs !== undefined ? { startMs } : {}) };
}
