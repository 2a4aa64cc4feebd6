// Reliability harnesses (kill loops, fuzzing): bounded in `npm test`, full counts with
// RELIABILITY_FULL=1, which can run for many minutes.
jest.setTimeout(30 * 60_000);
