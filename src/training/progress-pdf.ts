// The printable progress report of one trainee: a chart of the substantive invitation share and
// true facts elicited (lines, in %) with false details (bars) per practice interview, then a
// table. Colours are the on-screen chart's (palette.ts).
// Numbers and scenario titles only: no transcript text leaves the vault through this report.
import { readFileSync } from 'node:fs';
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument, rgb, type PDFFont, type PDFPage, type RGB } from 'pdf-lib';
import { PROGRESS_PALETTE } from './palette';
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
  const n = points.length;
  const xAt = (i: number): number =>
    n <= 1 ? (left + right) / 2 : left + 15 + ((right - left - 30) * i) / (n - 1);
  const barW = Math.min(18, (right - left) / Math.max(1, n) / 2);
  points.forEach((p, i) => {
    const h = (height * p.falseDetails) / maxFalse;
    if (h > 0)
      page.drawRectangle({
        x: xAt(i) - barW / 2,
        y: bottom,
        width: barW,
        height: h,
        color: FALSE,
        opacity: 0.35,
      });
    page.drawText(String(i + 1), {
      x: xAt(i) - 3,
      y: bottom - 12,
      size: 7,
      font: fonts.regular,
      color: GREY,
    });
  });
  const line = (values: number[], color: RGB): void => {
    values.forEach((v, i) => {
      const x = xAt(i);
      const y = bottom + height * v;
      const next = values[i + 1];
      if (next !== undefined)
        page.drawLine({
          start: { x, y },
          end: { x: xAt(i + 1), y: bottom + height * next },
          thickness: 1.6,
          color,
        });
      page.drawCircle({ x, y, size: 2.6, color });
    });
  };
  line(
    points.map((p) => p.invitationShare),
    SHARE,
  );
  line(
    points.map((p) => (p.trueFactsTotal > 0 ? p.trueFactsElicited / p.trueFactsTotal : 0)),
    FACTS,
  );
  page.drawRectangle({
    x: left,
    y: bottom,
    width: right - left,
    height,
    borderColor: GREY,
    borderWidth: 0.6,
  });
  // Legend.
  let x = left;
  const ly = bottom - 30;
  for (const [label, color] of [
    [labels.chartShare, SHARE],
    [labels.chartFacts, FACTS],
    [labels.chartFalse, FALSE],
  ] as const) {
    page.drawRectangle({ x, y: ly, width: 10, height: 6, color });
    page.drawText(label, { x: x + 14, y: ly, size: 8, font: fonts.regular });
    x += 28 + fonts.regular.widthOfTextAtSize(label, 8);
  }
  return ly - 20;
}

export async function renderProgressPdf(
  series: ProgressSeries,
  language: TrainingLanguage,
  generatedAt: Date,
): Promise<{ bytes: Uint8Array; pages: number }> {
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
  page.drawText(`${labels.sessions}: ${series.sessions.length} ${labels.finished}`, {
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
      [labels.colScenario, 170],
      [labels.colAge, 28],
      [labels.colQuestions, 52],
      [labels.colShare, 62],
      [labels.colFacts, 40],
      [labels.colFalse, 65],
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
  return { bytes: await pdf.save(), pages: pages.length };
}
