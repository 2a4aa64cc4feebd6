// Rendition version 4 (issue #13): no text of transcript.pdf runs past the page margins. Found on
// an extended interview's second session, whose first phase "Reconnecting (second session)
// (first phase, from the session start)" ran off the right edge of the Phases table. The kind:
// every free text the vault or the exporter supplies (phase titles, names, reasons, keywords,
// the case reference, unbroken ids and URLs) must wrap, or break, within its column. Checked on
// the rendered PDF's own layout (pdftotext -bbox), in English and Spanish; version 3's layout is
// kept for bundles that state it, and a version-3 bundle still verifies byte for byte.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { initCrypto } from '../../../src/crypto';
import {
  DEFAULT_CHOICES,
  parseTrustedKey,
  verifyBundleFiles,
  type BundleFiles,
  type ExportChoices,
  type TranscriptDocument,
} from '../../../src/export';
import { buildDocument } from '../../../src/export/document';
import { groupHex } from '../../../src/export/encoding';
import { renderPdf } from '../../../src/export/pdf';
import { wordsFor } from '../../../src/export/words';
import { syntheticTranscript } from '../../fixtures/export/synthetic';
import { CONTEXT, text } from './helpers';

const PAGE_W = 595.28;
const PAGE_H = 841.89;
const MARGIN_X = 48;
/** Distance from the page's bottom edge to the top of the footer's text (the footer's rule). */
const FOOTER_TOP = 52;
/** pdftotext's word boxes are rounded; half a point of slack. */
const SLACK = 0.5;

const EVERYTHING: ExportChoices = {
  ...DEFAULT_CHOICES,
  includeAllegationSummary: true,
  noteKinds: ['question', 'child', 'observation', 'mdt', 'interpreter'],
  includeCoding: true,
  includeObserverQueue: true,
};

// Long prose (wraps at spaces) and unbroken tokens (must be broken by character).
const UNBROKEN = `https://example.org/${'a1b2c3d4e5f6'.repeat(12)}`;
const LONG_ID = `sess_${'0123456789abcdef'.repeat(8)}`;
const prose = (language: string) =>
  language === 'es'
    ? 'Reconexión (segunda sesión) (primera fase, desde el inicio de la sesión) con un título muy largo para la tabla de fases'
    : 'Reconnecting (second session) (first phase, from the session start) with a very long title for the phases table';

/** A transcript document where every free text is very long. */
function longDocument(language: string): TranscriptDocument {
  const { input } = syntheticTranscript({
    notes: 12,
    turns: 4,
    addenda: 2,
    durationMs: 20 * 60 * 1000,
    seed: 5,
    extras: true,
  });
  const doc = buildDocument(input, EVERYTHING, {
    ...CONTEXT,
    reason: `${prose(language)} ${UNBROKEN}`,
    exportedByName: `Maximiliana Guadalupe Fernández-Villavicencio de los Ríos ${UNBROKEN}`,
    to: `${prose(language)} (${UNBROKEN})`,
  });
  const long = prose(language);
  doc.case.reference = `CASE-${'2026-000123-'.repeat(12)}${UNBROKEN}`;
  doc.case.childAlias = `${long} ${UNBROKEN}`;
  // Several pages long: a value must continue on the next page, not run past the bottom.
  doc.case.allegationSummary = `${long} ${UNBROKEN} `.repeat(150);
  doc.session.protocolName = `${long} ${UNBROKEN}`;
  doc.session.interviewer = { username: LONG_ID, displayName: `${long} ${UNBROKEN}` };
  doc.session.observers = [
    { role: 'detective', name: `${long} ${UNBROKEN}` },
    { role: `${UNBROKEN}-role`, name: UNBROKEN },
  ];
  doc.session.room = `${long} ${UNBROKEN}`;
  doc.session.sealedBy = LONG_ID;
  doc.firstPhase = { phaseId: 'reconnect', title: long };
  doc.phases = doc.phases.map((p, i) => ({
    ...p,
    title: i % 2 === 0 ? `${long} ${i}` : `${UNBROKEN}${i}`,
  }));
  doc.events = doc.events.map((e, i) => ({
    ...e,
    ...(e.reason !== undefined || i % 3 === 0 ? { reason: `${long} ${UNBROKEN}` } : {}),
    ...(e.type === 'note' ? { keywords: [UNBROKEN, long, `${long} ${i}`] } : {}),
    ...(e.text !== undefined ? { text: `${e.text} ${UNBROKEN}` } : {}),
  }));
  doc.addenda = doc.addenda.map((a) => ({ ...a, author: LONG_ID, text: `${long} ${UNBROKEN}` }));
  if (doc.importedTranscript)
    doc.importedTranscript = {
      ...doc.importedTranscript,
      importedBy: LONG_ID,
      turns: doc.importedTranscript.turns.map((t, i) => ({
        ...t,
        speaker: i % 2 === 0 ? `${long}` : UNBROKEN,
        text: `${t.text} ${UNBROKEN}`,
      })),
    };
  return doc;
}

interface Word {
  page: number;
  xMin: number;
  xMax: number;
  yMin: number;
  yMax: number;
  text: string;
}

/** Every word of `pdf` with its box, from poppler's own layout (pdftotext -bbox). */
function wordsOf(pdf: Uint8Array): { words: Word[]; pages: { width: number; height: number }[] } {
  const dir = mkdtempSync(join(tmpdir(), 'hearth-margins-'));
  try {
    writeFileSync(join(dir, 't.pdf'), pdf);
    const html = execFileSync('pdftotext', ['-bbox', join(dir, 't.pdf'), '-'], {
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
    const pages: { width: number; height: number }[] = [];
    const words: Word[] = [];
    const tag =
      /<page width="([\d.]+)" height="([\d.]+)">|<word xMin="([\d.-]+)" yMin="([\d.-]+)" xMax="([\d.-]+)" yMax="([\d.-]+)">([^<]*)<\/word>/g;
    for (const m of html.matchAll(tag)) {
      if (m[1] !== undefined) pages.push({ width: Number(m[1]), height: Number(m[2]) });
      else
        words.push({
          page: pages.length,
          xMin: Number(m[3]),
          yMin: Number(m[4]),
          xMax: Number(m[5]),
          yMax: Number(m[6]),
          text: m[7] ?? '',
        });
    }
    return { words, pages };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Words outside the page's margins: left and right margins, the top edge, and the footer's band
 * (body text running into the fingerprint footer, or off the bottom, is caught there).
 */
function outside(pdf: Uint8Array, language: string): Word[] {
  const { words, pages } = wordsOf(pdf);
  expect(pages.length).toBeGreaterThan(0);
  for (const p of pages) expect(p).toEqual({ width: PAGE_W, height: PAGE_H });
  // The footer's own words are the only ones allowed below its rule.
  const t = wordsFor({ version: 4, language, utcOffsetMinutes: 0 });
  const footer = (page: number) =>
    new Set(
      [
        `${t.t('bundleFingerprint')} ${groupHex(STAMP.bundleFingerprint)}`,
        t.t('signerKey', { fingerprint: STAMP.signerFingerprint }),
        t.t('page', { n: page, total: pages.length }),
      ]
        .join(' ')
        .split(/\s+/),
    );
  return words.filter(
    (w) =>
      w.xMin < MARGIN_X - SLACK ||
      w.xMax > PAGE_W - MARGIN_X + SLACK ||
      w.yMin < 0 ||
      w.yMax > PAGE_H ||
      (w.yMax > PAGE_H - FOOTER_TOP && !footer(w.page).has(w.text)),
  );
}

const STAMP = {
  bundleFingerprint: 'ab'.repeat(32),
  signerFingerprint: '6745 3E2E 0357 82FE 16E8 1328 55E1 BE7C 6279 1193',
  signerName: `Maximiliana Guadalupe Fernández-Villavicencio ${UNBROKEN}`,
};

beforeAll(async () => {
  await initCrypto();
});

test.each(['en', 'es'])(
  'rendition 4 (%s): every text item of the PDF lies within the page margins',
  async (language) => {
    const doc = longDocument(language);
    const pdf = await renderPdf(doc, STAMP, { version: 4, language, utcOffsetMinutes: -300 });
    const { words } = wordsOf(pdf);
    // The long texts are all printed (wrapped, not dropped): the phase title's words and the
    // pieces of the unbroken URL.
    const all = words.map((w) => w.text).join(' ');
    for (const word of prose(language).split(' ')) expect(all).toContain(word);
    expect(words.filter((w) => w.text.includes('a1b2c3d4e5f6')).length).toBeGreaterThan(20);
    expect(outside(pdf, language).map((w) => `p${w.page} ${w.xMin}-${w.xMax}: ${w.text}`)).toEqual(
      [],
    );
  },
  120_000,
);

test('the same document in rendition 3 keeps its old layout, where long texts ran past the margin', async () => {
  // What the check above would catch: version 3 is kept byte for byte, faults included.
  const pdf = await renderPdf(longDocument('en'), STAMP, {
    version: 3,
    language: 'en',
    utcOffsetMinutes: -300,
  });
  const past = outside(pdf, 'en').map((w) => w.text);
  expect(past.length).toBeGreaterThan(0);
  expect(past.join(' ')).toMatch(/Reconnecting|phases|session/);
}, 600_000);

// Exported by main's code at 1f8a26c (rendition version 3), before version 4; synthetic data.
const V3 = join(__dirname, '../../fixtures/export/v3-bundle');

test('a version-3 bundle exported before version 4 still re-renders byte for byte: VALID', async () => {
  const dir = join(V3, 'bundle');
  const files: BundleFiles = new Map(
    readdirSync(dir).map((n) => [n, new Uint8Array(readFileSync(join(dir, n)))]),
  );
  expect(JSON.parse(text(files.get('manifest.json'))).rendition).toMatchObject({
    version: 3,
    language: 'es',
  });
  const key = parseTrustedKey(readFileSync(join(V3, 'centre.pub'), 'utf8'))!;
  const verdict = await verifyBundleFiles(files, key);
  if (!verdict.valid) throw new Error(`${verdict.failure}: ${verdict.reason}`);
  expect(verdict.rendition).toEqual({
    version: 3,
    language: 'es',
    utcOffsetMinutes: -300,
    reRendered: true,
  });
  // Its wording stays version 3's (the es-419 review terms arrive with version 4).
  expect(text(files.get('transcript.txt'))).toContain('Resumen de la denuncia');
}, 600_000);

test('version 4 takes the es-419 review terms; version 3 keeps its own', () => {
  const v4 = wordsFor({ version: 4, language: 'es', utcOffsetMinutes: 0 });
  const v3 = wordsFor({ version: 3, language: 'es', utcOffsetMinutes: 0 });
  expect(v4.t('allegation')).toBe('Resumen de la alegación');
  expect(v4.lookup('subtypes', 'leading-declarative')).toBe('declarativa sugestiva');
  expect(v3.t('allegation')).toBe('Resumen de la denuncia');
  expect(v3.lookup('subtypes', 'leading-declarative')).toBe('declarativa inductiva');
});
