// Import warnings: a code and a count, never names or words, so that they can be logged, shown
// and stored beside a report without carrying any of the transcript.

export const WARNING_CODES = [
  /** The bytes were not UTF-8 and were read as Windows-1252 (count: 1). */
  'DECODED_AS_WINDOWS_1252',
  /**
   * Labels with no built-in role that the caller must map (count: distinct labels). A draft
   * lists it; once roles are given (assignRoles), it no longer applies and is dropped.
   */
  'UNKNOWN_LABEL',
  /** Caption cues joined to the turn before them: no label, or a sentence split across cues. */
  'MERGED_CUES',
  /** Repeated lines of rolling captions (YouTube auto-captions) that were dropped. */
  'DUPLICATES_DROPPED',
  /** Turns without a time in a transcript where other turns have one. */
  'MISSING_TIMESTAMPS',
  /** Turns whose speaker is not labelled (imported as "other" unless mapped). */
  'UNLABELLED_TEXT',
  /**
   * Interviewer questions (by their words) without a question mark, in a transcript whose
   * questions have almost none (count: those questions; requests such as "Tell me more" need none).
   */
  'FEW_QUESTION_MARKS',
  /** No turn is the child's: the report will count no answers. */
  'NO_CHILD_TURNS',
  /** Cue text came in a block of its own after a blank line, and was joined to its cue. */
  'BLANK_LINE_IN_CUE',
  /** Formatting codes (SSA "{\an8}", markdown "**") removed from labels or text. */
  'FORMATTING_REMOVED',
] as const;

export type WarningCode = (typeof WARNING_CODES)[number];

export interface TranscriptWarning {
  code: WarningCode;
  count: number;
}

/** Collects counts per code and lists them in the order of WARNING_CODES. */
export class Warnings {
  private readonly counts = new Map<WarningCode, number>();

  add(code: WarningCode, count = 1): void {
    if (count <= 0) return;
    this.counts.set(code, (this.counts.get(code) ?? 0) + count);
  }

  merge(other: readonly TranscriptWarning[]): void {
    for (const w of other) this.add(w.code, w.count);
  }

  list(): TranscriptWarning[] {
    return WARNING_CODES.filter((c) => this.counts.has(c)).map((code) => ({
      code,
      count: this.counts.get(code) ?? 0,
    }));
  }
}
