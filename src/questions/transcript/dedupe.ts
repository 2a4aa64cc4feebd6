// Rolling captions (YouTube auto-captions, some live-caption tools) show each line two or three
// times: a cue repeats the line before it and adds one, and 10 ms "bridge" cues repeat both.
// Imported as they are, every sentence would be said two or three times. Lines are dropped
// only when the file is rolling (many cues open with the previous cue's last line), so that a
// child who really says "No." twice in ordinary captions keeps both answers.

export interface DedupeResult {
  /** keep[cue][line]: whether that line of that cue is kept. */
  keep: boolean[][];
  /** Lines dropped as repeats. */
  dropped: number;
}

const norm = (line: string): string => line.replace(/\s+/g, ' ').trim();

/**
 * @param cues each cue's lines, as plain text without tags
 * @returns which lines to keep; every line is kept when the captions are not rolling
 */
export function dedupeRollingCaptions(cues: readonly (readonly string[])[]): DedupeResult {
  const lines = cues.map((c) => c.map(norm));
  const keepAll = (): DedupeResult => ({ keep: lines.map((c) => c.map(() => true)), dropped: 0 });
  let candidates = 0;
  let hits = 0;
  let previous: string[] | undefined;
  for (const cue of lines) {
    const nonEmpty = cue.filter((l) => l.length > 0);
    if (nonEmpty.length === 0) continue;
    if (previous) {
      candidates++;
      if (nonEmpty[0] === previous[previous.length - 1]) hits++;
    }
    previous = nonEmpty;
  }
  if (hits < 2 || hits < candidates * 0.3) return keepAll();
  let dropped = 0;
  let before = new Set<string>();
  const keep = lines.map((cue) => {
    const flags = cue.map((l) => {
      if (l.length === 0) return false;
      if (before.has(l)) {
        dropped++;
        return false;
      }
      return true;
    });
    const nonEmpty = cue.filter((l) => l.length > 0);
    if (nonEmpty.length > 0) before = new Set(nonEmpty);
    return flags;
  });
  return { keep, dropped };
}
