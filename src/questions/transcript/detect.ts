// Which format a transcript is in, from its first lines.
import { CLOCK } from './times';

export type CaptionFormat = 'vtt' | 'srt';
export type TranscriptFormat = CaptionFormat | 'text';

const CUE_TIMING = new RegExp(String.raw`^\s*${CLOCK}\s*(?:-->|—>|–>)\s*${CLOCK}`);

/**
 * "vtt" when the text starts with the WEBVTT signature; "srt" when a cue timing line
 * ("00:00:01,000 --> 00:00:02,000", with or without cue numbers, hours or spaces) comes among
 * the first twenty non-blank lines; "text" otherwise.
 */
export function detectFormat(lines: readonly string[]): TranscriptFormat {
  if (/^WEBVTT(?:[ \t]|$)/.test(lines[0] ?? '')) return 'vtt';
  let seen = 0;
  for (const line of lines) {
    if (line.trim() === '') continue;
    if (CUE_TIMING.test(line)) return 'srt';
    if (++seen >= 20) break;
  }
  return 'text';
}

/** Splits on CRLF, LF or CR alone (classic Mac and some caption tools); drops page breaks. */
export function splitLines(text: string): string[] {
  return text
    .replace(/^\uFEFF/, '')
    .replace(/\f/g, '')
    .split(/\r\n|\r|\n/);
}
