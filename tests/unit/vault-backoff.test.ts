import { BACKOFF, delayAfterFailures } from '../../src/vault';

test('no delay for the first failures, then 30 s doubling, capped at 15 minutes', () => {
  expect([1, 2, 3, 4].map(delayAfterFailures)).toEqual([0, 0, 0, 0]);
  expect([5, 6, 7, 8].map(delayAfterFailures)).toEqual([30_000, 60_000, 120_000, 240_000]);
  expect(delayAfterFailures(10)).toBe(BACKOFF.maxDelayMs);
  expect(delayAfterFailures(10_000)).toBe(15 * 60_000);
});
