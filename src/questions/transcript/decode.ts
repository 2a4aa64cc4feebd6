// Bytes to text, as the WHATWG Encoding Standard decodes them (TextDecoder, in Node and in the
// renderer alike). Transcripts come from Windows tools as often as from the web: a byte order
// mark decides first; then strict UTF-8; then Windows-1252, which every byte sequence decodes
// under, so that is announced with a warning. Text that still carries a replacement character,
// a NUL or a control character was mangled before it reached us and is refused: importing it
// would put U+FFFD into speaker labels and the child's words.
import { TranscriptError } from './errors';
import { nonTextKind, type FileKind } from './file-kind';
import type { TranscriptWarning } from './warnings';

export type TranscriptEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252' | 'text';

export interface DecodedTranscript {
  text: string;
  encoding: TranscriptEncoding;
  warnings: TranscriptWarning[];
}

const RESAVE =
  'Save the file as UTF-8 (Save As, then choose the encoding UTF-8) and import it again.';

/**
 * Decodes a transcript file.
 * @param bytes the file's bytes (at most the caller's size limit)
 * @returns the text without a byte order mark, the encoding used, and warnings
 * @throws TranscriptError NOT_TRANSCRIPT (with fileKind) for a picture, PDF, Word document,
 *   archive, recording or other binary file; BAD_ENCODING when the decoded text holds U+FFFD,
 *   NUL or control characters
 */
export function decodeTranscript(bytes: Uint8Array): DecodedTranscript {
  const [b0, b1, b2] = [bytes[0], bytes[1], bytes[2]];
  const hasUtf16Bom = (b0 === 0xff && b1 === 0xfe) || (b0 === 0xfe && b1 === 0xff);
  const kind = nonTextKind(bytes, hasUtf16Bom || sniffUtf16(bytes) !== undefined);
  if (kind) throw notTranscript(kind);
  let result: DecodedTranscript;
  if (b0 === 0xef && b1 === 0xbb && b2 === 0xbf)
    result = { text: strict('utf-8', bytes.subarray(3)), encoding: 'utf-8', warnings: [] };
  else if (b0 === 0xff && b1 === 0xfe)
    result = { text: strict('utf-16le', bytes.subarray(2)), encoding: 'utf-16le', warnings: [] };
  else if (b0 === 0xfe && b1 === 0xff)
    result = { text: strict('utf-16be', bytes.subarray(2)), encoding: 'utf-16be', warnings: [] };
  else {
    const utf16 = sniffUtf16(bytes);
    if (utf16) result = { text: strict(utf16, bytes), encoding: utf16, warnings: [] };
    else {
      try {
        result = {
          text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes),
          encoding: 'utf-8',
          warnings: [],
        };
      } catch (error) {
        // Only a decoding failure (TypeError) means "not UTF-8"; anything else is a fault.
        if (!isDecodingError(error)) throw error;
        result = {
          text: decodeWindows1252(bytes),
          encoding: 'windows-1252',
          warnings: [{ code: 'DECODED_AS_WINDOWS_1252', count: 1 }],
        };
      }
    }
  }
  checkDecodedText(result.text);
  return result;
}

/**
 * Refuses text that was damaged by a wrong decoding before it reached Hearth (pasted text too).
 * @throws TranscriptError BAD_ENCODING naming the first bad line
 */
export function checkDecodedText(text: string): void {
  // eslint-disable-next-line no-control-regex
  const bad = /[\u0000-\u0008\u000e-\u001f\u007f-\u009f\ufffd]/.exec(text);
  if (!bad) return;
  const line = countLines(text, bad.index);
  throw new TranscriptError(
    'BAD_ENCODING',
    bad[0] === '\ufffd'
      ? 'The text contains replacement characters (\uFFFD): it was decoded with the wrong encoding before it reached Hearth'
      : 'The text contains NUL or control characters: it is not a text transcript, or its encoding is not one Hearth reads',
    `Open the original file instead of a copy, or: ${RESAVE}`,
    line,
  );
}

/** Names of the kinds, for the English message (the app words them itself from fileKind). */
const KIND_NAMES: Record<FileKind, string> = {
  png: 'a PNG image',
  jpeg: 'a JPEG photo',
  gif: 'a GIF image',
  webp: 'a WebP image',
  tiff: 'a TIFF image',
  heic: 'a HEIC photo',
  bmp: 'a BMP image',
  pdf: 'a PDF document',
  docx: 'a Word document (.docx)',
  xlsx: 'an Excel workbook (.xlsx)',
  pptx: 'a PowerPoint presentation (.pptx)',
  odf: 'an OpenDocument file',
  zip: 'a zip archive',
  doc: 'an old-style Office document (.doc)',
  rtf: 'a rich-text document (.rtf)',
  gzip: 'a gzip archive',
  sevenzip: 'a 7-Zip archive',
  rar: 'a RAR archive',
  audio: 'an audio recording',
  video: 'a video recording',
  sqlite: 'a database file',
  executable: 'a program',
  binary: 'a binary file, not text',
};

function notTranscript(kind: FileKind): TranscriptError {
  return new TranscriptError(
    'NOT_TRANSCRIPT',
    `This is not a transcript file (it looks like ${KIND_NAMES[kind]})`,
    'Export the transcript as .vtt, .srt or .txt from your transcription or meeting tool, and choose that file',
    undefined,
    undefined,
    kind,
  );
}

/** TextDecoder's fatal mode throws a TypeError (by name: it may come from another realm). */
function isDecodingError(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as Error).name === 'TypeError';
}

function strict(encoding: 'utf-8' | 'utf-16le' | 'utf-16be', bytes: Uint8Array): string {
  try {
    return new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch (error) {
    if (!isDecodingError(error)) throw error;
    throw new TranscriptError(
      'BAD_ENCODING',
      `The file says it is ${encoding.toUpperCase()} but has bytes that are not`,
      RESAVE,
    );
  }
}

/** UTF-16 without a byte order mark: ASCII text leaves a NUL in every other byte. */
function sniffUtf16(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  const n = Math.min(bytes.length, 4096) & ~1;
  if (n < 4) return undefined;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenNul++;
    if (bytes[i + 1] === 0) oddNul++;
  }
  const pairs = n / 2;
  if (oddNul > pairs * 0.6 && evenNul < pairs * 0.05) return 'utf-16le';
  if (evenNul > pairs * 0.6 && oddNul < pairs * 0.05) return 'utf-16be';
  return undefined;
}

// WHATWG index-windows-1252 for 0x80..0x9F (the rest is ISO-8859-1). Written out because some
// Node releases decode the "windows-1252" label as ISO-8859-1, turning "’" into U+0092.
// The five unassigned bytes stay C1 controls, which checkDecodedText refuses.
const CP1252_HIGH =
  '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f' +
  '\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

/** Windows-1252 bytes to text (every byte sequence decodes). */
export function decodeWindows1252(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 8192) {
    const chunk = bytes.subarray(i, i + 8192);
    out += String.fromCharCode(
      ...Array.from(chunk, (b) => (b >= 0x80 && b < 0xa0 ? CP1252_HIGH.charCodeAt(b - 0x80) : b)),
    );
  }
  return out;
}

function countLines(text: string, index: number): number {
  let line = 1;
  for (let i = 0; i < index; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) line++;
  }
  return line;
}
