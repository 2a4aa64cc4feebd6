// The PDF progress chart places and draws its markers as the screen does (issue #18 "Trainer
// review", child20): interview i of n at the middle of its category (chart.js `offset: true`), so
// one interview sits in the middle and never on a side axis; and the report renders with one and
// with several interviews (the summary for one interview is its own sentence).
import {
  chartMarks,
  labelledInterviews,
  renderProgressPdf,
  sessionsLine,
} from '../../../src/training/progress-pdf';
import type { ProgressSeries } from '../../../src/training/service';

const point = (i: number, share: number, facts: number, falseDetails: number) => ({
  sessionId: `sess_${i}`,
  startedAt: '2026-01-01T10:00:00.000Z',
  finishedAt: '2026-01-01T10:20:00.000Z',
  scenarioId: 'visitor-nothing',
  scenarioTitle: "A parent's concern about a preschool visitor",
  ageYears: 5,
  session: 1,
  questions: 7,
  recommendedShare: share,
  invitationShare: share,
  optionPosing: 0,
  suggestive: 3,
  reviewed: false,
  trueFactsElicited: facts,
  trueFactsTotal: 7,
  falseDetails,
});
const series = (points: ReturnType<typeof point>[]) =>
  ({
    trainee: 'tom',
    displayName: 'Tom Trainee',
    sessions: points,
    inProgress: 0,
  }) as unknown as ProgressSeries;
const BOX = { left: 80, right: 515, bottom: 400, height: 220 };

test('one interview sits in the middle of the plot, off both side axes', () => {
  const marks = chartMarks(series([point(1, 4 / 7, 4, 2)]), BOX, 4);
  expect(marks).toHaveLength(3);
  for (const m of marks) expect(m.x).toBeCloseTo((BOX.left + BOX.right) / 2);
  const y = Object.fromEntries(marks.map((m) => [m.series, m.y]));
  expect(y.share).toBeCloseTo(BOX.bottom + BOX.height * (4 / 7));
  expect(y.facts).toBeCloseTo(y.share!);
  expect(y.falseDetails).toBeCloseTo(BOX.bottom + BOX.height / 2);
});

test('three interviews at the middles of three categories, as chart.js offset places them', () => {
  const marks = chartMarks(
    series([point(1, 0.5, 4, 2), point(2, 0.5, 2, 0), point(3, 0.5, 0, 0)]),
    BOX,
    4,
  );
  const xs = [...new Set(marks.map((m) => m.x))];
  const step = (BOX.right - BOX.left) / 3;
  expect(xs).toHaveLength(3);
  xs.forEach((x, i) => expect(x).toBeCloseTo(BOX.left + step * (i + 0.5)));
  expect(Math.min(...xs) - BOX.left).toBeGreaterThan(step / 3);
  expect(BOX.right - Math.max(...xs)).toBeGreaterThan(step / 3);
});

test.each(['en', 'es'] as const)(
  '%s: the report renders for one and for three interviews',
  async (language) => {
    for (const points of [
      [point(1, 0.75, 4, 2)],
      [point(1, 0.5, 4, 2), point(2, 0.6, 2, 0), point(3, 0.75, 0, 1)],
    ]) {
      const out = await renderProgressPdf(
        series(points),
        language,
        new Date('2026-12-02T08:00:00Z'),
      );
      expect(out.pages).toBe(1);
      expect(Buffer.from(out.bytes.subarray(0, 5)).toString()).toBe('%PDF-');
    }
  },
);

// train27: the PDF looked at as PNG (bench/RESULTS.md "train27", /work/notes24/shots): with 45
// interviews the numbers under the chart ran together ("1011121314..."), a continuation page did
// not say whose report it was, and Spanish said «1 terminadas».

test('numbers under the chart: all while there is room, else every k-th, never crowded', () => {
  expect(labelledInterviews(10, 435)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  for (const n of [30, 45, 60, 120]) {
    const shown = labelledInterviews(n, 435);
    const gap = 435 / n;
    expect(shown[0]).toBe(0);
    for (let k = 1; k < shown.length; k++)
      expect((shown[k]! - shown[k - 1]!) * gap).toBeGreaterThanOrEqual(16);
    // The last interview is printed or lies within one step of the last printed number.
    expect(n - 1 - shown[shown.length - 1]!).toBeLessThan(Math.ceil(16 / gap));
  }
  expect(labelledInterviews(45, 435)).toContain(44);
  expect(labelledInterviews(0, 435)).toEqual([]);
});

test.each([
  ['en', 'Practice progress: Tom Trainee (tom)'],
  ['es', 'Progreso de la práctica: Tom Trainee (tom)'],
] as const)('%s: a continuation page names the report and the trainee', async (language, head) => {
  const many = Array.from({ length: 45 }, (_, i) => point(i + 1, (i % 10) / 10, i % 8, i % 3));
  const out = await renderProgressPdf(series(many), language, new Date('2026-12-02T08:00:00Z'));
  expect(out.pages).toBeGreaterThanOrEqual(2);
  expect(out.continuationHeads).toEqual(Array.from({ length: out.pages - 1 }, () => head));
  const one = await renderProgressPdf(series([point(1, 0.75, 4, 2)]), language, new Date());
  expect(one.continuationHeads).toEqual([]);
});

test('the count line agrees with one interview in Spanish and English', () => {
  expect(sessionsLine('es', 1)).toBe('Entrevistas de práctica: 1 terminada');
  expect(sessionsLine('es', 3)).toBe('Entrevistas de práctica: 3 terminadas');
  expect(sessionsLine('en', 1)).toBe('Practice interviews: 1 finished');
});
