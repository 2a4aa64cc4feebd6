// Typed transcript errors. A message names a rule, a line number and what to do next, and never
// any of the transcript's words or speaker names: a child's interview must not leak into logs,
// crash reports or a screen shared with someone who may not read it.
import type { FileKind } from './file-kind';

export type TranscriptErrorCode =
  | 'BAD_ENCODING'
  | 'NOT_TRANSCRIPT'
  | 'BAD_TRANSCRIPT'
  | 'UNMAPPED_LABELS'
  | 'NO_INTERVIEWER'
  | 'NO_TURNS'
  | 'TRANSCRIPT_TOO_LARGE'
  | 'TOO_MANY_TURNS';

/** Which rule a BAD_TRANSCRIPT broke, so that callers can explain it in the user's language. */
export type TranscriptRule = 'MISSING_WEBVTT' | 'BAD_TIMING' | 'TEXT_BEFORE_CUE';

export class TranscriptError extends Error {
  override readonly name = 'TranscriptError';
  /**
   * @param code stable code for callers and translations
   * @param problem what is wrong, without transcript text
   * @param next what the user can do about it
   * @param line 1-based line of the (decoded) transcript where the problem was found
   * @param rule for BAD_TRANSCRIPT: the rule that was broken
   * @param fileKind for NOT_TRANSCRIPT: what the file looks like (png, pdf, docx, ...)
   */
  constructor(
    readonly code: TranscriptErrorCode,
    readonly problem: string,
    readonly next: string,
    readonly line?: number,
    readonly rule?: TranscriptRule,
    readonly fileKind?: FileKind,
  ) {
    super(`${problem}${line === undefined ? '' : ` (line ${line})`}. ${next}`);
  }
}
