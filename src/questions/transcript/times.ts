// Clock readings written by transcript tools ("0:03", "00:01:02", "01:02.5", "00:00:01,000").
// Caption timings go through the WebVTT library; these are the plain-text layouts' stamps.

/** A timestamp pattern (no anchors) for building layout patterns. */
export const CLOCK = String.raw`\d{1,3}:\d{2}(?::\d{2})?(?:[.,]\d{1,3})?`;

const CLOCK_PARTS = /^(?:(\d{1,3}):)?(\d{1,3}):(\d{2})(?:[.,](\d{1,3}))?$/;

/**
 * "h:mm:ss(.ttt)" or "m:ss(.ttt)" to milliseconds.
 * @returns undefined when the text is not a clock reading (minutes or seconds over 59)
 */
export function clockToMs(text: string): number | undefined {
  const m = CLOCK_PARTS.exec(text.trim());
  if (!m) return undefined;
  const hours = m[1] === undefined ? 0 : Number(m[1]);
  const minutes = Number(m[2]);
  const seconds = Number(m[3]);
  if (seconds > 59 || (m[1] !== undefined && minutes > 59)) return undefined;
  const fraction = m[4] ? Number(m[4].padEnd(3, '0')) : 0;
  return ((hours * 60 + minutes) * 60 + seconds) * 1000 + fraction;
}

/**
 * SMPTE timecode "hh:mm:ss:ff" (DaVinci Resolve) to milliseconds. The frame rate is not in the
 * file, so frames are dropped: the time is exact to the second.
 */
export function timecodeToMs(text: string): number | undefined {
  const m = /^(\d{1,2}):(\d{2}):(\d{2})[:;](\d{2})$/.exec(text.trim());
  if (!m) return clockToMs(text);
  const [h, mi, s] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mi > 59 || s > 59) return undefined;
  return ((h * 60 + mi) * 60 + s) * 1000;
}
