// The day reluctance was noted in an earlier session (review28 M5): month and day within the same
// year; with the year when the earlier session was in another year (an extended interview across a
// year end), so "Dec 30" is never read as a day still to come.
import { shortDate } from '../../renderer/live/reluctance';

const now = new Date(2027, 0, 4, 10, 0, 0); // Jan 4, 2027, local time

test('same year: month and day only, in the screen language', () => {
  expect(shortDate(new Date(2027, 0, 2, 9, 0, 0).toISOString(), 'en', now)).toBe('Jan 2');
  expect(shortDate(new Date(2027, 0, 2, 9, 0, 0).toISOString(), 'es', now)).toMatch(/^2 ene/);
});

test('another year: the year is shown', () => {
  expect(shortDate(new Date(2026, 11, 30, 9, 0, 0).toISOString(), 'en', now)).toBe('Dec 30, 2026');
  expect(shortDate(new Date(2026, 11, 30, 9, 0, 0).toISOString(), 'es', now)).toMatch(
    /^30 dic.* 2026$/,
  );
});

test('no start or an unreadable one: a dash, not "Invalid Date"', () => {
  expect(shortDate(null, 'en', now)).toBe('–');
  expect(shortDate('not a date', 'en', now)).toBe('–');
});
