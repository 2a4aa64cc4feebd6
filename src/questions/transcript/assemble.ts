// Segments (what each layout parser reads: a label or none, some words, maybe a time) become
// turns. The same rules for every layout, so that a label read from "Name:" and one read from
// WebVTT's <v Name> behave alike: a label always starts a turn, known or not.
import type { Warnings } from './warnings';

export interface Segment {
  /** Speaker label as written, without markup; undefined when the segment has none. */
  label?: string;
  text: string;
  startMs?: number;
  endMs?: number;
  /** 1-based line in the decoded text. */
  line: number;
  /** A change of speaker without a name ("- " dialogue lines, ">>" in captions). */
  speakerChange?: boolean;
  /** Caption cue number (0-based), for cue-based formats. */
  cue?: number;
}

/** A turn before roles are assigned. */
export interface DraftTurn {
  label?: string;
  text: string;
  startMs?: number;
  endMs?: number;
  line: number;
}

const SENTENCE_END = /[.?!…]["')\]»”]*$/u;

/**
 * Joins segments into turns.
 * - A labelled segment starts a turn. In captions, a labelled cue that continues a sentence the
 *   same label left unfinished in the previous cue is joined to it (MERGED_CUES).
 * - An unlabelled segment continues the turn before it (captions label only changes of
 *   speaker: MERGED_CUES); a speaker change without a name, or text before any label, is a turn
 *   of its own without a label (UNLABELLED_TEXT is counted when roles are assigned).
 */
export function assemble(segments: readonly Segment[], warnings: Warnings): DraftTurn[] {
  const turns: DraftTurn[] = [];
  let lastCue: number | undefined;
  for (const seg of segments) {
    const last = turns[turns.length - 1];
    const newCue = seg.cue !== undefined && seg.cue !== lastCue;
    lastCue = seg.cue ?? lastCue;
    if (seg.label !== undefined) {
      const continues =
        last !== undefined &&
        newCue &&
        last.label === seg.label &&
        last.text.length > 0 &&
        !SENTENCE_END.test(last.text);
      if (continues) {
        warnings.add('MERGED_CUES');
        append(last, seg);
      } else turns.push(start(seg));
      continue;
    }
    if (last !== undefined && !seg.speakerChange) {
      if (newCue && seg.text.length > 0) warnings.add('MERGED_CUES');
      append(last, seg);
      continue;
    }
    turns.push(start(seg));
  }
  return turns.filter((t) => t.text.length > 0);
}

function start(seg: Segment): DraftTurn {
  const turn: DraftTurn = { text: seg.text, line: seg.line };
  if (seg.label !== undefined) turn.label = seg.label;
  if (seg.startMs !== undefined) turn.startMs = seg.startMs;
  if (seg.endMs !== undefined) turn.endMs = seg.endMs;
  return turn;
}

function append(turn: DraftTurn, seg: Segment): void {
  if (seg.text.length > 0) turn.text = turn.text.length > 0 ? `${turn.text} ${seg.text}` : seg.text;
  if (turn.startMs === undefined && seg.startMs !== undefined) turn.startMs = seg.startMs;
  if (seg.endMs !== undefined) turn.endMs = Math.max(turn.endMs ?? 0, seg.endMs);
}
