// A turn of an interview, as typed live or parsed from a transcript.
import type { Classification } from './types';

/** Who speaks a turn. The report codes the interviewer's turns and counts the child's. */
export type Speaker = 'interviewer' | 'child' | 'interpreter' | 'other';

export interface Turn {
  speaker: Speaker;
  text: string;
  /** Offset from the start of the recording or session, when known. */
  startMs?: number;
  endMs?: number;
  /** Protocol phase the turn belongs to (e.g. 'rapport', 'substantive'). */
  phaseId?: string;
  /** Speaker label as written in a transcript ("Interviewer", "Niña"...). */
  label?: string;
  /** 1-based line of the transcript where the turn starts. */
  line?: number;
  /**
   * Child turns of an interpreted or code-switched interview: the child's own words, verbatim, in
   * the language the child used (`text` is then the rendering or gloss). Part of what the child
   * has said for the coach (child-said.ts).
   */
  original?: { text: string; language: string };
  /** An existing code (e.g. corrected by a reviewer); recomputed when absent. */
  coding?: Classification;
}

export interface CodedTurn extends Turn {
  /** Position in the interview, 0-based over all turns. */
  index: number;
}
