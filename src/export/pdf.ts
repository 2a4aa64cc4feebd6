// transcript.pdf: the human rendition for a prosecutor or a court. pdf-lib with DejaVu Sans
// embedded (subset), which covers Spanish and most Latin, Greek and Cyrillic text. Layout is
// done in two passes: lay out every page, then draw the headers and "page x of y" footers,
// which carry the bundle and signer fingerprints so a single printed page can be matched to
// its bundle.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { deflateSync } from 'node:zlib';
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument, rgb, type PDFFont, type PDFPage } from 'pdf-lib';
import { visibleText } from '../vault';
import type { TranscriptDocument } from './document';
import {
  citedSources,
  phaseRef,
  promptLine,
  sourcesLines,
  type CitedSources,
} from './cited-sources';
import { groupHex } from './encoding';
import {
  ageText,
  clock,
  chainedEvents,
  describeEvent,
  rowPhaseTitles,
  recordCounts,
  shownPhases,
  toText,
  interpreterInHeader,
  languageLine,
  notIncluded,
  observerList,
  oneLine,
  withheldEventsValue,
  withheldKinds,
} from './format';
import type { Rendition } from './rendition';
import {
  headerObservers,
  interpretationSummary,
  observerContext,
  observerSummary,
  teamWording,
} from './team';
import { foreignHeaderFields, foreignMarkText, foreignMarksOf } from './foreign-writers';
import { afterSealLines } from './after-seal';
import { mediaAidLine, mediaPhaseTitles } from './media-line';
import { planOptionFields } from './plan-options';
import { wordsFor, type Words } from './words';

/** Offset into the recording for a narrow column; a dash before the recording started. */
const recCell = (ms: number | null): string => (ms === null ? '—' : clock(ms));

export interface PdfStamp {
  bundleFingerprint: string;
  signerFingerprint: string;
  signerName: string;
}

const PAGE_W = 595.28; // A4
const PAGE_H = 841.89;
const MARGIN_X = 48;
const TOP = PAGE_H - 64;
const BOTTOM = 70;
const BODY = 9.5;
const LINE = 12.5;
const GREY = rgb(0.35, 0.35, 0.35);
const BLACK = rgb(0, 0, 0);

/**
 * pdf-lib compresses every content stream with pako (pure JS), about a quarter of the render
 * time for a 3-hour interview (measured). Node's zlib produces the same zlib format natively.
 * The swap is made on pdf-lib's own pako instance, once, and only if it has the expected shape.
 */
function useNativeDeflate(): void {
  try {
    const pakoPath = require.resolve('pako', { paths: [require.resolve('pdf-lib')] });
    const pako = createRequire(__filename)(pakoPath) as {
      deflate?: unknown;
      hearthNative?: boolean;
    };
    if (typeof pako.deflate !== 'function' || pako.hearthNative) return;
    pako.deflate = (data: Uint8Array) => new Uint8Array(deflateSync(data));
    pako.hearthNative = true;
  } catch {
    // pdf-lib's pure-JS deflate still works; only slower.
  }
}

let fontCache: { regular: Uint8Array; bold: Uint8Array } | undefined;

function fontBytes(): { regular: Uint8Array; bold: Uint8Array } {
  if (!fontCache) {
    const dir = require
      .resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf')
      .replace(/DejaVuSans\.ttf$/, '');
    fontCache = {
      regular: readFileSync(`${dir}DejaVuSans.ttf`),
      bold: readFileSync(`${dir}DejaVuSans-Bold.ttf`),
    };
  }
  return fontCache;
}

/**
 * Control, ANSI-escape and bidi-override characters are drawn as [U+XXXX] (as in transcript.txt):
 * they would otherwise draw as nothing, or reorder the text a reader sees.
 */
function printable(text: string): string {
  const visible = visibleText(text, true);
  if (drawable === undefined) return visible;
  // A character the embedded fonts cannot draw (emoji, scripts DejaVu lacks) would print as an
  // empty box a reader cannot tell from another: show its code point instead, visibly.
  let out = '';
  for (const ch of visible) {
    const cp = ch.codePointAt(0) ?? 0;
    out +=
      ch === '\n' || drawable.has(cp)
        ? ch
        : `[U+${cp.toString(16).toUpperCase().padStart(4, '0')}]`;
  }
  return out;
}

/** Code points the embedded (DejaVu Sans) fonts can draw; set once the font is loaded. */
let drawable: ReadonlySet<number> | undefined;

/** Width measurement per character, cached: fontkit's full layout per line is too slow for 3,500 entries. */
class Measurer {
  private readonly widths = new Map<string, number>();
  constructor(private readonly font: PDFFont) {}

  width(text: string, size: number): number {
    let w = 0;
    for (const ch of text) {
      let cw = this.widths.get(ch);
      if (cw === undefined) {
        cw = this.font.widthOfTextAtSize(ch, 1000);
        this.widths.set(ch, cw);
      }
      w += cw;
    }
    return (w * size) / 1000;
  }

  /** Greedy word wrap; words longer than a line are broken by character. */
  wrap(text: string, size: number, maxWidth: number): string[] {
    const out: string[] = [];
    for (const paragraph of printable(text).split('\n')) {
      let line = '';
      for (const word of paragraph.split(/(?<= )/)) {
        const candidate = line + word;
        if (this.width(candidate.trimEnd(), size) <= maxWidth) {
          line = candidate;
          continue;
        }
        if (line !== '') out.push(line.trimEnd());
        line = '';
        let rest = word;
        while (this.width(rest.trimEnd(), size) > maxWidth) {
          let cut = 1;
          while (cut < rest.length && this.width(rest.slice(0, cut + 1), size) <= maxWidth) cut++;
          out.push(rest.slice(0, cut));
          rest = rest.slice(cut);
        }
        line = rest;
      }
      out.push(line.trimEnd());
    }
    return out;
  }
}

interface Fonts {
  regular: PDFFont;
  bold: PDFFont;
  m: Measurer;
  mb: Measurer;
}

class Writer {
  pages: PDFPage[] = [];
  page!: PDFPage;
  y = TOP;
  constructor(
    private readonly pdf: PDFDocument,
    readonly f: Fonts,
    readonly w: Words,
  ) {
    this.newPage();
  }

  newPage(): void {
    this.page = this.pdf.addPage([PAGE_W, PAGE_H]);
    this.pages.push(this.page);
    this.y = TOP;
  }

  ensure(height: number): void {
    if (this.y - height < BOTTOM) this.newPage();
  }

  /**
   * True from rendition version 4: every text is wrapped within its column and the margins.
   * Version 2 and 3 bundles keep their layout (a long phase title or name could run past the
   * right margin there), so they still re-render byte for byte.
   */
  get bounded(): boolean {
    return this.w.version >= 4;
  }

  /** Lines of `text` in bold at `size`, wrapped to `width` (one line, as drawn, before v4). */
  boldLines(text: string, size: number, width: number): string[] {
    return this.bounded ? this.f.mb.wrap(text, size, width) : [text];
  }

  text(x: number, text: string, size = BODY, bold = false, color = BLACK): void {
    this.page.drawText(printable(text), {
      x,
      y: this.y,
      size,
      font: bold ? this.f.bold : this.f.regular,
      color,
    });
  }

  heading(title: string, subtitle?: string): void {
    this.ensure(60);
    this.y -= 10;
    this.text(MARGIN_X, title, 14, true);
    this.y -= 6;
    this.page.drawLine({
      start: { x: MARGIN_X, y: this.y },
      end: { x: PAGE_W - MARGIN_X, y: this.y },
      thickness: 0.8,
      color: GREY,
    });
    this.y -= LINE + 2;
    if (subtitle) {
      for (const line of this.f.m.wrap(subtitle, 8.5, PAGE_W - 2 * MARGIN_X)) {
        this.text(MARGIN_X, line, 8.5, false, GREY);
        this.y -= 11;
      }
      this.y -= 4;
    }
  }

  /** Width of the title page's label column: set from the widest label of the language. */
  labelColumn = 130;

  /** A label: value row on the title page, the value wrapped in its column. */
  /** A header field; `value` on one line (oneLine, from rendition 7) unless `multiLine`. */
  field(label: string, value: string, multiLine = false): void {
    const col = MARGIN_X + this.labelColumn;
    const shown = multiLine ? value : oneLine(this.w, value);
    const lines = this.f.m.wrap(shown, 10.5, PAGE_W - MARGIN_X - col);
    // From v4 a value taller than the rest of the page (a long allegation summary) continues on
    // the next page; before, it was kept whole and could run past the bottom of the page.
    this.ensure((this.bounded ? Math.min(lines.length, 3) : lines.length) * 14 + 4);
    this.text(MARGIN_X, label, 10.5, true);
    for (const line of lines) {
      if (this.bounded) this.ensure(14);
      this.text(col, line, 10.5);
      this.y -= 14;
    }
    this.y -= 3;
  }

  /**
   * Lines at x, one drawText call per page: a multi-line block is a fraction of the content
   * stream operators of one call per line, which matters across 100+ pages.
   */
  block(x: number, lines: string[], size = BODY, lineHeight = LINE, color = BLACK): void {
    let i = 0;
    while (i < lines.length) {
      this.ensure(lineHeight);
      const fit = Math.max(1, Math.floor((this.y - BOTTOM) / lineHeight) + 1);
      const part = lines.slice(i, i + fit);
      this.page.drawText(part.map(printable).join('\n'), {
        x,
        y: this.y,
        size,
        lineHeight,
        font: this.f.regular,
        color,
      });
      this.y -= part.length * lineHeight;
      i += part.length;
    }
  }

  paragraph(text: string, size = BODY, color = BLACK): void {
    for (const line of this.f.m.wrap(text, size, PAGE_W - 2 * MARGIN_X)) {
      this.ensure(LINE);
      this.text(MARGIN_X, line, size, false, color);
      this.y -= size + 3;
    }
  }
}

// Timeline columns: #, local time, elapsed, recording offset, entry.
const COL = {
  seq: MARGIN_X,
  utc: MARGIN_X + 34,
  elapsed: MARGIN_X + 80,
  rec: MARGIN_X + 142,
  entry: MARGIN_X + 198,
};

function timelineHeader(w: Writer, withSeq = true): void {
  w.text(COL.seq, withSeq ? '#' : '', 8, true, GREY);
  w.text(COL.utc, w.w.t('colTime'), 8, true, GREY);
  w.text(COL.elapsed, w.w.t('colElapsed'), 8, true, GREY);
  w.text(COL.rec, w.w.t('colRecording'), 8, true, GREY);
  w.text(COL.entry, w.w.t(withSeq ? 'colEntry' : 'colPhase'), 8, true, GREY);
  w.y -= LINE;
}

function titlePage(w: Writer, doc: TranscriptDocument, stamp: PdfStamp): void {
  const s = doc.session;
  const c = doc.case;
  const t = w.w;
  const labels = (
    [
      'caseReference',
      'childAlias',
      'childAge',
      'language',
      'protocol',
      'interviewer',
      'observers',
      'room',
      'sessionStarted',
      'recordingStarted',
      'sealed',
      'record',
      'withheld',
      'exported',
      'reason',
      'sessionId',
      'sealHead',
      'bundleFingerprint',
      'exporterKey',
      'allegation',
      'interpretation',
      'observerQueue',
      'leftOut',
    ] as const
  ).map((k) => w.f.mb.width(t.t(k), 10.5));
  // Only a record with events written by others (rendition 5, R8-D, R9-4) has these labels.
  const foreign = foreignHeaderFields(t, foreignMarksOf(doc, w.w.version));
  for (const [label] of foreign) labels.push(w.f.mb.width(label, 10.5));
  // The plan choices sealed at the start (rendition 6, P9-2; plan-options.ts).
  const planned = planOptionFields(t, doc);
  for (const [label] of planned) labels.push(w.f.mb.width(label, 10.5));
  w.labelColumn = Math.max(130, Math.ceil(Math.max(...labels)) + 10);
  w.y -= 10;
  for (const line of w.boldLines(t.t('pdfTitle'), 20, PAGE_W - 2 * MARGIN_X)) {
    w.text(MARGIN_X, line, 20, true);
    w.y -= 22;
  }
  const produced = t.t('producedBy', { offset: t.offset });
  for (const line of w.bounded ? w.f.m.wrap(produced, 10, PAGE_W - 2 * MARGIN_X) : [produced]) {
    w.text(MARGIN_X, line, 10, false, GREY);
    w.y -= w.bounded ? 13 : 0;
  }
  w.y -= w.bounded ? 15 : 28;
  w.field(t.t('caseReference'), notIncluded(t, c.reference));
  w.field(t.t('childAlias'), notIncluded(t, c.childAlias));
  w.field(t.t('childAge'), ageText(t, c.childAgeYears, c.childAgeMonths));
  w.field(t.t('language'), languageLine(t, s.language, interpreterInHeader(t, doc)));
  w.field(t.t('protocol'), `${s.protocolName}, ${t.t('ageBand', { band: s.ageBand })}`);
  for (const [label, value] of planned) w.field(label, value);
  w.field(t.t('interviewer'), `${s.interviewer.displayName} (${s.interviewer.username})`);
  w.field(t.t('observers'), observerList(t, headerObservers(t, doc)));
  w.field(t.t('room'), s.room ?? t.t('notRecorded'));
  w.field(t.t('sessionStarted'), t.dateTime(s.startedAt));
  w.field(
    t.t('recordingStarted'),
    s.recordingStartedAt ? t.dateTime(s.recordingStartedAt) : t.t('noRecordingMarked'),
  );
  w.field(
    t.t('sealed'),
    `${t.t('sealedBy', { time: t.dateTime(s.sealedAt), who: s.sealedBy })} (#${doc.seal.eventCount + 1})`,
  );
  w.field(t.t('record'), recordCounts(t, doc.seal.eventCount, doc.addenda.length));
  for (const [label, value] of foreign) w.field(label, value);
  w.field(
    t.t('withheld'),
    doc.withheld.count === 0
      ? t.t('withheldNothing')
      : t.version >= 9 && doc.omittedEventSeqs.length > 0
        ? withheldEventsValue(t, doc)
        : t.t('withheldBy', {
            what: withheldKinds(t, doc.withheld.byKind),
            who: doc.withheld.byChoiceOf,
          }),
  );
  w.field(
    t.t('exported'),
    `${t.t('exportedBy', {
      time: t.dateTime(doc.export.exportedAt),
      name: doc.export.exportedByName,
      user: doc.export.exportedBy,
      to: toText(t, doc.export.to),
    })}; ${t.t('exportNumber').toLowerCase()} ${t.t('exportNumberValue', { n: doc.export.exportNumber })}`,
  );
  if (doc.export.reason) w.field(t.t('reason'), doc.export.reason);
  w.field(t.t('sessionId'), doc.sessionId);
  w.field(t.t('sealHead'), doc.seal.head);
  w.y -= 8;
  w.field(t.t('bundleFingerprint'), groupHex(stamp.bundleFingerprint));
  w.field(
    t.t('exporterKey'),
    t.t('exporterKeyValue', { name: stamp.signerName, fingerprint: stamp.signerFingerprint }),
  );
  if (c.allegationSummary !== undefined) {
    w.y -= 6;
    w.field(t.t('allegation'), c.allegationSummary, true);
  }
  const team = teamWording(t);
  const interpretation = interpretationSummary(doc, team);
  if (interpretation !== undefined) w.field(t.t('interpretation'), interpretation);
  const queue = observerSummary(doc.observerQueue, team);
  if (queue !== undefined) w.field(t.t('observerQueue'), queue);
  // Rendition 9 says it once, in "Withheld at export" (B19g-5).
  if (doc.omittedEventSeqs.length > 0 && t.version < 9) {
    w.y -= 6;
    const kinds =
      doc.choices.noteKinds.map((k) => t.kind(k).toLowerCase()).join(', ') || t.t('none');
    const events = t.count('event', doc.omittedEventSeqs.length);
    // Version 7 names what was left out by kind, as "Withheld at export" does: the withheld
    // observer queue is not "notes of kinds not included" (audit 19c, B19c-4).
    w.field(
      t.t('leftOut'),
      t.version >= 7
        ? t.t('leftOutEvents', { events, what: withheldKinds(t, doc.withheld.byKind), kinds })
        : t.t('leftOutValue', { events, kinds }),
    );
  }
  w.y -= 14;
  // Rendition 9 (B19g-5): the paragraph is kept whole, on this page or at the top of the next,
  // where the timeline then follows it (no near-empty page).
  if (t.version >= 9)
    w.ensure(w.f.m.wrap(t.t('howToCheck'), 8.5, PAGE_W - 2 * MARGIN_X).length * 11.5);
  w.paragraph(t.t('howToCheck'), 8.5, GREY);
}

/** Offset into the recording of a moment, or null before the recording started. */
function recordingSince(doc: TranscriptDocument, iso: string): number | null {
  const recStart = doc.session.recordingStartedAt;
  const since = recStart !== undefined ? Date.parse(iso) - Date.parse(recStart) : -1;
  return since >= 0 ? since : null;
}

/** A full-width date row wherever the local date changes (and before the first row). */
function dateRow(w: Writer): (iso: string) => void {
  let last = '';
  return (iso) => {
    const date = w.w.date(iso);
    if (date === last) return;
    last = date;
    w.ensure(2 * LINE);
    w.text(COL.seq, date, 8.5, true);
    w.y -= LINE;
  };
}

function timeline(w: Writer, doc: TranscriptDocument): void {
  const t = w.w;
  // Rendition 9 (B19g-5): when the title page ran onto a second page, the phases follow on it
  // (the heading keeps itself with the next lines) rather than leaving that page nearly empty.
  if (t.version >= 9 && w.pages.length > 1) w.y -= 18;
  else w.newPage();
  w.heading(t.t('phasesTitle'), t.t('phasesHelp', { offset: t.offset }));
  timelineHeader(w, false);
  const phases = shownPhases(t, doc);
  if (phases.length === 0) w.paragraph(t.t('noPhases'));
  const phaseDate = dateRow(w);
  const entryWidth = PAGE_W - MARGIN_X - COL.entry;
  // From version 6: the sources sealed with each phase and scripted prompt (cited-sources.ts).
  const refs = t.version >= 6 ? citedSources(doc, t.version) : undefined;
  for (const p of phases) {
    phaseDate(p.enteredAt);
    const lines = w.boldLines(`${p.title}${refs ? phaseRef(refs, p) : ''}`, BODY, entryWidth);
    w.ensure(Math.min(lines.length, 3) * LINE);
    w.text(COL.utc, t.time(p.enteredAt));
    w.text(COL.elapsed, clock(p.elapsedMs));
    w.text(COL.rec, recCell(recordingSince(doc, p.enteredAt)));
    for (const line of lines) {
      w.ensure(LINE);
      w.text(COL.entry, line, BODY, true);
      w.y -= LINE;
    }
  }
  w.y -= 10;
  if (refs) sourcesSection(w, refs);
  w.heading(t.t('timelineTitle'), t.t('timelineHelp', { offset: t.offset }));
  timelineHeader(w);
  const titles = rowPhaseTitles(t, doc);
  const chained = chainedEvents(doc);
  const foreign = foreignMarksOf(doc, w.w.version).marks;
  const observers = observerContext(doc.events);
  const mediaTitles = mediaPhaseTitles(doc);
  const eventDate = dateRow(w);
  for (const e of doc.events) {
    const { label, body } = describeEvent(
      t,
      e,
      titles,
      chained.get(e.seq),
      observers,
      doc.session.language,
    );
    const bodyLines = body === '' ? [] : w.f.m.wrap(body, BODY, entryWidth);
    const labelLines = w.f.mb.wrap(label, 8.5, entryWidth);
    eventDate(e.at);
    // Keep an entry's heading with at least its first line of text.
    w.ensure((labelLines.length + Math.min(1, bodyLines.length)) * LINE + 3);
    if (w.y === TOP) timelineHeader(w);
    w.text(COL.seq, `${e.seq}`, 8.5, false, GREY);
    w.text(COL.utc, t.time(e.at), 8.5);
    w.text(COL.elapsed, clock(e.elapsedMs), 8.5);
    w.text(COL.rec, recCell(e.recordingOffsetMs), 8.5);
    for (const line of labelLines) {
      w.text(COL.entry, line, 8.5, true, e.type === 'note' ? GREY : BLACK);
      w.y -= LINE - 1;
    }
    w.block(COL.entry, bodyLines);
    const prompt = refs ? promptLine(t, refs, e.seq) : undefined;
    if (prompt !== undefined)
      w.block(COL.entry, w.f.m.wrap(prompt, 8.5, entryWidth), 8.5, LINE - 1, GREY);
    const media = mediaAidLine(t, doc, refs, mediaTitles, chained.get(e.seq));
    if (media !== undefined)
      w.block(COL.entry, w.f.m.wrap(media, 8.5, entryWidth), 8.5, LINE - 1, GREY);
    const mark = foreign.get(e.seq);
    if (mark) {
      for (const line of w.f.mb.wrap(foreignMarkText(t, mark), 8.5, entryWidth)) {
        w.ensure(LINE);
        w.text(COL.entry, line, 8.5, true);
        w.y -= LINE - 1;
      }
    }
    w.y -= 3;
  }
}

/** The sources list (version 6, cited-sources.ts): one paragraph per source, then the documents. */
function sourcesSection(w: Writer, refs: CitedSources): void {
  const t = w.w;
  w.heading(t.t('sourcesTitle'), t.t('sourcesHelp'));
  for (const line of sourcesLines(t, refs)) {
    if (line === '') w.y -= 4;
    else w.paragraph(line, 9);
  }
  w.y -= 10;
}

function endOfRecord(w: Writer, doc: TranscriptDocument): void {
  w.ensure(2 * LINE);
  w.y -= 6;
  w.paragraph(
    w.w.t('endOfRecord', {
      count: doc.seal.eventCount,
      time: `${w.w.dateTime(doc.session.sealedAt)} (#${doc.seal.eventCount + 1})`,
      who: doc.session.sealedBy,
    }),
  );
  w.y -= LINE;
}

function addenda(w: Writer, doc: TranscriptDocument): void {
  const t = w.w;
  // Rendition 9 (B19g-5): no forced page for the addenda; their heading (kept with its next
  // lines) says they were written after the seal.
  if (t.version >= 9) w.y -= 18;
  else w.newPage();
  w.heading(t.t('addendaTitle'), t.t('addendaHelp'));
  if (doc.addenda.length === 0) w.paragraph(t.t('noAddenda'));
  for (const [i, a] of doc.addenda.entries()) {
    const header = w.boldLines(
      `${t.t('addendum', { n: i + 1, seq: a.seq })} — ${t.t('sealedBy', { time: t.dateTime(a.at), who: a.author })} — ${t.t('writtenAfter')}`,
      BODY,
      PAGE_W - 2 * MARGIN_X,
    );
    w.ensure((header.length + 2) * LINE);
    w.page.drawRectangle({
      x: MARGIN_X - 4,
      y: w.y - 3 - (header.length - 1) * LINE,
      width: PAGE_W - 2 * MARGIN_X + 8,
      height: header.length * LINE + 2,
      color: rgb(0.93, 0.93, 0.93),
    });
    for (const line of header) {
      w.text(MARGIN_X, line, BODY, true);
      w.y -= LINE;
    }
    w.y -= 3;
    w.paragraph(a.text);
    w.y -= 6;
  }
}

/**
 * From rendition 8: the events others wrote after the seal, named by writer, stated time and
 * kind without their content, under the addenda (issue #15). Nothing when there are none.
 */
function afterSeal(w: Writer, doc: TranscriptDocument): void {
  const lines = afterSealLines(w.w, doc);
  if (lines.length === 0) return;
  w.y -= LINE;
  w.heading(w.w.t('afterSealTitle'), w.w.t('afterSealHelp'));
  for (const line of lines) w.paragraph(line);
}

function imported(w: Writer, doc: TranscriptDocument): void {
  const t = doc.importedTranscript;
  if (!t) return;
  w.newPage();
  w.heading(
    w.w.t('importedTitle'),
    w.w.t('importedHelp', {
      format: t.format,
      turns: w.w.count('turn', t.turns.length),
      time: w.w.dateTime(t.importedAt),
      who: t.importedBy,
      sha: t.sourceSha256,
    }),
  );
  const speakerX = MARGIN_X + 52;
  const textX = MARGIN_X + 150;
  const width = PAGE_W - MARGIN_X - textX;
  for (const turn of t.turns) {
    const lines = w.f.m.wrap(turn.text, BODY, width);
    const speaker = turn.coding
      ? `${turn.speaker} [${w.w.coding(turn.coding.type)}]`
      : turn.speaker;
    // From v4 the speaker (and its coding) wraps within its column instead of being cut at 24
    // characters, which could still overlap the text column.
    const speakerLines = w.bounded
      ? w.f.mb.wrap(speaker, 8.5, textX - speakerX - 6)
      : [speaker.slice(0, 24)];
    w.ensure(Math.max(speakerLines.length, Math.min(2, lines.length)) * LINE);
    if (turn.startMs !== undefined) w.text(MARGIN_X, clock(turn.startMs), 8.5, false, GREY);
    const top = w.y;
    for (const line of speakerLines) {
      w.text(speakerX, line, 8.5, true);
      w.y -= LINE;
    }
    const below = w.y;
    w.y = top;
    w.block(textX, lines);
    if (w.page === w.pages[w.pages.length - 1] && w.y > below) w.y = below;
    w.y -= 2;
  }
}

/** Lines the page header takes from v4: at most 3 (the top margin), the last cut with "…". */
const HEADER_LINES = 3;

/**
 * The page header's lines. Before v4, one line as drawn. From v4 it wraps within the margins; a
 * case reference long enough to need more than HEADER_LINES lines is cut with "…" there, and is
 * printed in full on the title page.
 */
function headerLines(w: Writer, header: string): string[] {
  if (!w.bounded) return [header];
  const width = PAGE_W - 2 * MARGIN_X;
  const lines = w.f.m.wrap(header, 7.5, width);
  if (lines.length <= HEADER_LINES) return lines;
  let last = lines[HEADER_LINES - 1] ?? '';
  while (last !== '' && w.f.m.width(`${last}…`, 7.5) > width) last = last.slice(0, -1);
  return [...lines.slice(0, HEADER_LINES - 1), `${last.trimEnd()}…`];
}

function stampPages(w: Writer, doc: TranscriptDocument, stamp: PdfStamp): void {
  const t = w.w;
  const total = w.pages.length;
  const ref = doc.case.reference ?? t.t('refNotIncluded');
  w.pages.forEach((page, i) => {
    const small = { size: 7.5, font: w.f.regular, color: GREY };
    headerLines(w, t.t('footer', { ref, session: doc.sessionId })).forEach((line, k, all) =>
      page.drawText(printable(line), {
        x: MARGIN_X,
        y: PAGE_H - 36 + (all.length - 1 - k) * 9,
        ...small,
      }),
    );
    page.drawLine({
      start: { x: MARGIN_X, y: BOTTOM - 18 },
      end: { x: PAGE_W - MARGIN_X, y: BOTTOM - 18 },
      thickness: 0.5,
      color: GREY,
    });
    page.drawText(printable(`${t.t('bundleFingerprint')} ${groupHex(stamp.bundleFingerprint)}`), {
      x: MARGIN_X,
      y: BOTTOM - 30,
      ...small,
    });
    page.drawText(printable(t.t('signerKey', { fingerprint: stamp.signerFingerprint })), {
      x: MARGIN_X,
      y: BOTTOM - 41,
      ...small,
    });
    const label = t.t('page', { n: i + 1, total });
    page.drawText(printable(label), {
      // Drawn in bold: measured in bold from v4 (v3 measured it in regular, a few points too far right).
      x: PAGE_W - MARGIN_X - (w.bounded ? w.f.mb : w.f.m).width(label, 9),
      y: BOTTOM - 41,
      size: 9,
      font: w.f.bold,
      color: BLACK,
    });
  });
}

interface LayoutFont {
  layout(text: string): { glyphs: unknown[] };
  glyphForCodePoint(codePoint: number): unknown;
}

/**
 * fontkit with shaping turned off. pdf-lib lays out every drawn string with full OpenType
 * shaping (GSUB/GPOS lookups), which took about 3 s for a 3-hour interview (measured).
 * Transcript text is Latin-script prose in NFC, where a plain cmap lookup per code point gives
 * the same glyphs; only kerning is lost.
 */
const unshapedFontkit = {
  create(bytes: Uint8Array): unknown {
    const font = fontkit.create(bytes) as unknown as LayoutFont;
    const glyphs = new Map<number, unknown>();
    const glyphFor = (cp: number): unknown => {
      let glyph = glyphs.get(cp);
      if (glyph === undefined) {
        glyph = font.glyphForCodePoint(cp);
        glyphs.set(cp, glyph);
      }
      return glyph;
    };
    font.layout = (text: string) => ({
      glyphs: Array.from(text, (ch) => glyphFor(ch.codePointAt(0) ?? 0x20)),
    });
    return font;
  },
} as unknown as typeof fontkit;

/**
 * Renders transcript.pdf for `doc` with the wording and UTC offset of `rendition` (a version
 * this Hearth reproduces: see rendition.ts), stamped with `stamp` on every page. Deterministic:
 * the same inputs give the same bytes.
 */
export async function renderPdf(
  doc: TranscriptDocument,
  stamp: PdfStamp,
  rendition: Rendition,
): Promise<Uint8Array> {
  useNativeDeflate();
  const pdf = await PDFDocument.create();
  pdf.registerFontkit(unshapedFontkit);
  const bytes = fontBytes();
  const regular = await pdf.embedFont(bytes.regular, { subset: true });
  const bold = await pdf.embedFont(bytes.bold, { subset: true });
  // The same font files every time, so the same set: renditions stay deterministic.
  if (drawable === undefined) {
    const both = new Set(bold.getCharacterSet());
    drawable = new Set(regular.getCharacterSet().filter((cp) => both.has(cp)));
  }
  // Fixed dates: the PDF's own metadata should say when it was exported, not when it was rendered.
  const exported = new Date(doc.export.exportedAt);
  pdf.setCreationDate(exported);
  pdf.setModificationDate(exported);
  pdf.setTitle(wordsFor(rendition).t('pdfTitle'));
  pdf.setLanguage(rendition.language === 'es' ? 'es-419' : 'en');
  pdf.setProducer('Hearth');
  pdf.setCreator('Hearth');
  pdf.setSubject(`Bundle fingerprint ${stamp.bundleFingerprint}`);
  const words = wordsFor(rendition);
  const w = new Writer(
    pdf,
    { regular, bold, m: new Measurer(regular), mb: new Measurer(bold) },
    words,
  );
  titlePage(w, doc, stamp);
  timeline(w, doc);
  endOfRecord(w, doc);
  addenda(w, doc);
  afterSeal(w, doc);
  imported(w, doc);
  stampPages(w, doc, stamp);
  return pdf.save({ useObjectStreams: true, objectsPerTick: Number.POSITIVE_INFINITY });
}

/** True when the bytes parse as a PDF with at least one page (used to name a stub or truncated file). */
export async function pdfHasPages(bytes: Uint8Array): Promise<boolean> {
  try {
    const doc = await PDFDocument.load(bytes, { updateMetadata: false });
    return doc.getPageCount() > 0;
  } catch {
    return false;
  }
}
