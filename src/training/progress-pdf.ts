// The printable progress report of one trainee: a chart of the substantive invitation share and
// true facts elicited (lines, in %) with false details (a dashed line on a count axis) per
// practice interview, then a table. Colours, markers and the place of each interview on the
// axis are the on-screen chart's (palette.ts; chartMarks).
// Numbers and scenario titles only: no transcript text leaves the vault through this report.
import { readFileSync } from 'node:fs';
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument, rgb, type PDFFont, type PDFPage, type RGB } from 'pdf-lib';
import { PROGRESS_MARKERS, PROGRESS_PALETTE } from './palette';
import type { ProgressSeries } from './service';
import { fill, textsFor } from './texts';
import type { TrainingLanguage } from './types';

const W = 595.28;
const H = 841.89;
const M = 50;
function hex(colour: string): RGB {
  const n = Number.parseInt(colour.slice(1), 16);
  return rgb(((n >> 16) & 255) / 255, ((n >> 8) & 255) / 255, (n & 255) / 255);
}
const SHARE = hex(PROGRESS_PALETTE.share);
const FACTS = hex(PROGRESS_PALETTE.facts);
const FALSE = hex(PROGRESS_PALETTE.falseDetails);
const GREY = rgb(0.45, 0.45, 0.45);
const LIGHT = rgb(0.88, 0.88, 0.88);
const BLACK = rgb(0, 0, 0);

function fontBytes(name: string): Uint8Array {
  const dir = require
    .resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf')
    .replace(/DejaVuSans\.ttf$/, '');
  return readFileSync(`${dir}${name}`);
}

interface Fonts {
  regular: PDFFont;
  bold: PDFFont;
}

const pct = (x: number): string => `${Math.round(x * 100)}%`;

function fit(text: string, font: PDFFont, size: number, width: number): string {
  if (font.widthOfTextAtSize(text, size) <= width) return text;
  let t = text;
  while (t.length > 1 && font.widthOfTextAtSize(`${t}…`, size) > width) t = t.slice(0, -1);
  return `${t}…`;
}

/** Words of a cell on up to `maxLines` lines of `width` (the last one ellipsised if needed). */
function wrap(
  text: string,
  font: PDFFont,
  size: number,
  width: number,
  maxLines: number,
): string[] {
  const lines: string[] = [];
  let current = '';
  for (const word of text.split(/\s+/)) {
    const next = current ? `${current} ${word}` : word;
    if (font.widthOfTextAtSize(next, size) <= width || current === '') current = next;
    else {
      lines.push(current);
      current = word;
    }
  }
  if (current) lines.push(current);
  if (lines.length <= maxLines) return lines.map((l) => fit(l, font, size, width));
  const kept = lines.slice(0, maxLines);
  kept[maxLines - 1] = fit(lines.slice(maxLines - 1).join(' '), font, size, width);
  return kept;
}

/** One marker of the PDF chart, in page points. */
export interface ChartMark {
  series: keyof typeof PROGRESS_MARKERS;
  /** 0-based interview index. */
  index: number;
  x: number;
  y: number;
}

/**
 * Where each interview's markers go in a plot box [left, right] x [bottom, bottom + height]:
 * interview i of n at the middle of its category, as chart.js places it on screen with
 * `offset: true`, so a single interview sits in the middle and no marker lies on the side axes;
 * percentages on the left scale (0..100 %), false details on the right one (0..maxFalse).
 */
export function chartMarks(
  series: ProgressSeries,
  box: { left: number; right: number; bottom: number; height: number },
  maxFalse: number,
): ChartMark[] {
  const n = series.sessions.length;
  const xAt = (i: number): number => box.left + ((box.right - box.left) * (i + 0.5)) / n;
  const yAt = (share: number): number => box.bottom + box.height * share;
  return series.sessions.flatMap((p, i) => [
    { series: 'share' as const, index: i, x: xAt(i), y: yAt(p.invitationShare) },
    {
      series: 'facts' as const,
      index: i,
      x: xAt(i),
      y: yAt(p.trueFactsTotal > 0 ? p.trueFactsElicited / p.trueFactsTotal : 0),
    },
    { series: 'falseDetails' as const, index: i, x: xAt(i), y: yAt(p.falseDetails / maxFalse) },
  ]);
}

/**
 * The interviews whose number is printed under the chart (0-based indexes): every one while
 * there is room, else every k-th so that two printed numbers are at least `minGap` points apart
 * (45 interviews on a 435-point axis printed "1011121314..." as one run); the first is always
 * printed, the last whenever it does not crowd the one before it.
 */
export function labelledInterviews(n: number, width: number, minGap = 16): number[] {
  if (n <= 0) return [];
  const gap = width / n;
  const step = Math.max(1, Math.ceil(minGap / gap));
  const out: number[] = [];
  for (let i = 0; i < n; i += step) out.push(i);
  const last = n - 1;
  if (out[out.length - 1] !== last && (last - out[out.length - 1]!) * gap >= minGap) out.push(last);
  return out;
}

const COLOUR: Readonly<Record<ChartMark['series'], RGB>> = {
  share: SHARE,
  facts: FACTS,
  falseDetails: FALSE,
};

/** A marker of the series' shape (palette.ts PROGRESS_MARKERS), scaled from screen pixels. */
function drawMarker(page: PDFPage, series: ChartMark['series'], x: number, y: number): void {
  const m = PROGRESS_MARKERS[series];
  const r = m.radius * 0.45;
  const color = COLOUR[series];
  if (m.shape === 'circle') page.drawCircle({ x, y, size: r, color });
  else if (m.shape === 'rect')
    page.drawRectangle({
      x: x - r,
      y: y - r,
      width: 2 * r,
      height: 2 * r,
      ...(m.hollow ? { borderColor: color, borderWidth: 1.2 } : { color }),
    });
  // drawSvgPath's y axis points down from (x, y).
  else page.drawSvgPath(`M 0 ${-r} L ${r} ${r * 0.8} L ${-r} ${r * 0.8} Z`, { x, y, color });
}

function chart(
  page: PDFPage,
  fonts: Fonts,
  series: ProgressSeries,
  labels: ReturnType<typeof textsFor>['report'],
  top: number,
): number {
  const height = 220;
  const left = M + 30;
  const right = W - M - 30;
  const bottom = top - height;
  const points = series.sessions;
  // Whole numbers on the right axis: round the top up to a multiple of the four grid steps.
  const maxFalse = Math.max(
    4,
    Math.ceil(Math.max(0, ...points.map((p) => p.falseDetails)) / 4) * 4,
  );
  // Grid: 0..100 % on the left axis, 0..maxFalse on the right.
  for (let i = 0; i <= 4; i++) {
    const y = bottom + (height * i) / 4;
    page.drawLine({ start: { x: left, y }, end: { x: right, y }, thickness: 0.5, color: LIGHT });
    page.drawText(`${i * 25}%`, { x: M - 4, y: y - 3, size: 7, font: fonts.regular, color: GREY });
    const f = String((maxFalse * i) / 4);
    page.drawText(f, { x: right + 6, y: y - 3, size: 7, font: fonts.regular, color: FALSE });
  }
  const marks = chartMarks(series, { left, right, bottom, height }, maxFalse);
  for (const i of labelledInterviews(points.length, right - left)) {
    const x = marks.find((m) => m.index === i)?.x ?? left;
    const label = String(i + 1);
    page.drawText(label, {
      x: x - fonts.regular.widthOfTextAtSize(label, 7) / 2,
      y: bottom - 12,
      size: 7,
      font: fonts.regular,
      color: GREY,
    });
  }
  // Lines first, markers on top; false details first so the percentages' markers stay visible.
  const order: Array<ChartMark['series']> = ['falseDetails', 'facts', 'share'];
  for (const name of order) {
    const own = marks.filter((m) => m.series === name);
    own.forEach((m, k) => {
      const next = own[k + 1];
      if (next)
        page.drawLine({
          start: { x: m.x, y: m.y },
          end: { x: next.x, y: next.y },
          thickness: 1.6,
          color: COLOUR[name],
          ...(PROGRESS_MARKERS[name].dashed ? { dashArray: [6, 4] } : {}),
        });
    });
  }
  for (const name of order)
    for (const m of marks.filter((x) => x.series === name)) drawMarker(page, name, m.x, m.y);
  page.drawRectangle({
    x: left,
    y: bottom,
    width: right - left,
    height,
    borderColor: GREY,
    borderWidth: 0.6,
  });
  // Legend: each series' marker and colour, as on screen.
  let x = left;
  const ly = bottom - 30;
  for (const [label, name] of [
    [labels.chartShare, 'share'],
    [labels.chartFacts, 'facts'],
    [labels.chartFalse, 'falseDetails'],
  ] as const) {
    drawMarker(page, name, x + 5, ly + 3);
    page.drawText(label, { x: x + 14, y: ly, size: 8, font: fonts.regular });
    x += 28 + fonts.regular.widthOfTextAtSize(label, 8);
  }
  return ly - 20;
}

/**
 * The count line under the trainee ("Practice interviews: 3 finished"); «1 terminadas» read wrong
 * in Spanish, so one interview takes the singular word (report.finishedOne).
 */
export function sessionsLine(language: TrainingLanguage, count: number): string {
  const labels = textsFor(language).report;
  return `${labels.sessions}: ${count} ${count === 1 ? labels.finishedOne : labels.finished}`;
}

/**
 * The progress report of one trainee as a PDF (A4, DejaVu fonts): title, trainee (display name
 * and user name), a summary sentence, the chart and one table row per finished practice
 * interview; continuation pages repeat the title and trainee. Numbers and scenario titles only.
 * `generatedAt` is printed in UTC. Returns the bytes, the page count and each continuation
 * page's heading (what a printed page says on top, for tests).
 */
export async function renderProgressPdf(
  series: ProgressSeries,
  language: TrainingLanguage,
  generatedAt: Date,
): Promise<{
  bytes: Uint8Array;
  pages: number;
  /** The heading of each page after the first (title and trainee), in page order. */
  continuationHeads: string[];
}> {
  const labels = textsFor(language).report;
  const pdf = await PDFDocument.create();
  pdf.registerFontkit(fontkit);
  const fonts: Fonts = {
    regular: await pdf.embedFont(fontBytes('DejaVuSans.ttf'), { subset: true }),
    bold: await pdf.embedFont(fontBytes('DejaVuSans-Bold.ttf'), { subset: true }),
  };
  const who =
    series.displayName && series.displayName !== series.trainee
      ? `${series.displayName} (${series.trainee})`
      : series.trainee;
  pdf.setTitle(`${labels.title}: ${who}`);
  pdf.setProducer('Hearth');
  pdf.setCreator('Hearth');
  pdf.setCreationDate(generatedAt);
  pdf.setModificationDate(generatedAt);

  let page = pdf.addPage([W, H]);
  let y = H - M;
  const continuationHeads: string[] = [];
  page.drawText(labels.title, { x: M, y: y - 16, size: 18, font: fonts.bold });
  y -= 40;
  page.drawText(`${labels.trainee}: ${who}`, { x: M, y, size: 11, font: fonts.regular });
  y -= 15;
  page.drawText(
    `${labels.generated}: ${generatedAt.toISOString().slice(0, 16).replace('T', ' ')} UTC`,
    {
      x: M,
      y,
      size: 9,
      font: fonts.regular,
      color: GREY,
    },
  );
  y -= 15;
  page.drawText(sessionsLine(language, series.sessions.length), {
    x: M,
    y,
    size: 9,
    font: fonts.regular,
    color: GREY,
  });
  y -= 25;
  const first = series.sessions[0];
  const last = series.sessions[series.sessions.length - 1];
  if (!first || !last) {
    page.drawText(labels.none, { x: M, y, size: 11, font: fonts.regular });
  } else {
    // "went from 75% to 75% over 1 interviews" said nothing: one interview gets its own wording.
    const summary =
      series.sessions.length === 1
        ? fill(labels.summaryOne, { last: pct(last.invitationShare) })
        : fill(labels.summary, {
            first: pct(first.invitationShare),
            last: pct(last.invitationShare),
            count: series.sessions.length,
          });
    page.drawText(summary, { x: M, y, size: 10, font: fonts.bold });
    y = chart(page, fonts, series, labels, y - 20);
    const cols: Array<[string, number]> = [
      ['#', 18],
      [labels.colDate, 60],
      [labels.colScenario, 164],
      [labels.colAge, 28],
      [labels.colQuestions, 52],
      [labels.colShare, 62],
      [labels.colFacts, 40],
      // 71: room for the Spanish «Detalles falsos» (66 pt in bold 8 pt; train29), which "Falsos"
      // had abbreviated to a word that does not say false what.
      [labels.colFalse, 71],
    ];
    const header = (): void => {
      let x = M;
      for (const [label, width] of cols) {
        page.drawText(fit(label, fonts.bold, 8, width - 4), { x, y, size: 8, font: fonts.bold });
        x += width;
      }
      y -= 4;
      page.drawLine({ start: { x: M, y }, end: { x: W - M, y }, thickness: 0.6, color: GREY });
      y -= 12;
    };
    header();
    series.sessions.forEach((s, i) => {
      if (y < M + 50) {
        page = pdf.addPage([W, H]);
        y = H - M;
        // A printed page may be read apart from the first: it names the report and the trainee.
        page.drawText(fit(`${labels.title}: ${who}`, fonts.regular, 9, W - 2 * M), {
          x: M,
          y,
          size: 9,
          font: fonts.regular,
          color: GREY,
        });
        continuationHeads.push(`${labels.title}: ${who}`);
        y -= 22;
        header();
      }
      const cells = [
        String(i + 1),
        (s.finishedAt ?? s.startedAt).slice(0, 10),
        s.session > 1 ? `${s.scenarioTitle} (${labels.session} ${s.session})` : s.scenarioTitle,
        String(s.ageYears),
        String(s.questions),
        pct(s.invitationShare),
        `${s.trueFactsElicited}/${s.trueFactsTotal}`,
        String(s.falseDetails),
      ];
      // The scenario title wraps (up to three lines) instead of being cut.
      const lines = cells.map((cell, c) => {
        const width = (cols[c]?.[1] ?? 40) - 4;
        return c === 2
          ? wrap(cell, fonts.regular, 8.5, width, 3)
          : [fit(cell, fonts.regular, 8.5, width)];
      });
      let x = M;
      lines.forEach((cellLines, c) => {
        cellLines.forEach((text, k) =>
          page.drawText(text, {
            x,
            y: y - k * 10,
            size: 8.5,
            font: fonts.regular,
            color: c === 7 && s.falseDetails > 0 ? FALSE : BLACK,
          }),
        );
        x += cols[c]?.[1] ?? 40;
      });
      y -= 13 + 10 * (Math.max(...lines.map((l) => l.length)) - 1);
    });
  }
  const pages = pdf.getPages();
  pages.forEach((p, i) => {
    p.drawText(fill(labels.footer, { page: i + 1, pages: pages.length }), {
      x: M,
      y: 25,
      size: 7.5,
      font: fonts.regular,
      color: GREY,
    });
  });
  return { bytes: await pdf.save(), pages: pages.length, continuationHeads };
}
