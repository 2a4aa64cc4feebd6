// The stored export fixtures (tests/fixtures/export/<name>/bundle and centre.pub) and the PDF's
// text, shared by the rendition tests that re-render frozen bundles byte for byte.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BundleFiles } from '../../src/export';

const FIXTURES = join(__dirname, '../fixtures/export');

/** A stored bundle's files by name and its centre's public key (minisign text). */
export function storedBundle(name: string): { files: BundleFiles; centre: string } {
  const dir = join(FIXTURES, name, 'bundle');
  return {
    files: new Map(readdirSync(dir).map((n) => [n, new Uint8Array(readFileSync(join(dir, n)))])),
    centre: readFileSync(join(FIXTURES, name, 'centre.pub'), 'utf8'),
  };
}

/** The PDF's text with its line breaks and spacing folded (poppler's pdftotext). */
export function pdfText(pdf: Uint8Array | undefined): string {
  const dir = mkdtempSync(join(tmpdir(), 'hearth-pdf-'));
  try {
    writeFileSync(join(dir, 't.pdf'), pdf ?? new Uint8Array());
    return execFileSync('pdftotext', [join(dir, 't.pdf'), '-'], { encoding: 'utf8' }).replace(
      /\s+/g,
      ' ',
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
