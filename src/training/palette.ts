// The progress chart's colours, shared by the PDF report and (as a copy checked by a unit test,
// because the renderer may not import src/training) the on-screen chart: one series, one colour,
// on paper and on screen. Markers and dash patterns differ too, so colour is not the only cue.
export const PROGRESS_PALETTE = {
  /** Substantive invitation share (%). */
  share: '#2f6f5e',
  /** True facts elicited (%). */
  facts: '#4f6d9a',
  /** False details introduced (count). */
  falseDetails: '#8a5a9e',
} as const;

/**
 * The progress chart's markers, on paper as on screen (issue #18, child20: the PDF drew every
 * series with the same dot and false details as bars, the screen with three shapes and a line).
 * The facts square is hollow and larger, so that when both percentages are equal (a common case
 * with one interview) the invitation circle still shows inside it; false details are a dashed
 * line with triangles on the count axis. The renderer keeps a copy checked by a unit test.
 */
export const PROGRESS_MARKERS = {
  share: { shape: 'circle', hollow: false, radius: 6, dashed: false },
  facts: { shape: 'rect', hollow: true, radius: 8, dashed: false },
  falseDetails: { shape: 'triangle', hollow: false, radius: 6, dashed: true },
} as const;
