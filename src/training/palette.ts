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
