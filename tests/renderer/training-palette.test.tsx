// The on-screen progress chart and the PDF report draw each series in the same colour
// (review: "chart colours differing between screen and PDF").
import { PROGRESS_PALETTE } from '../../src/training/palette';
import { COLOURS } from '../../renderer/training/progress-chart';

test('screen and PDF progress charts share one palette', () => {
  expect(COLOURS).toEqual(PROGRESS_PALETTE);
});
