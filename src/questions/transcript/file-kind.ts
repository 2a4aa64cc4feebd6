// What a file is when it is not text: recognised by its first bytes ("magic numbers", as the
// file(1) magic database and each format's specification define them), so a picture, a PDF, a
// Word document or a recording gets "this is not a transcript file" instead of encoding advice.
// Checked before any decoding; only the first bytes are read and nothing of them is reported.

/** The kinds of non-text file people pick by mistake, named for the person who picked it. */
export const FILE_KINDS = [
  'png',
  'jpeg',
  'gif',
  'webp',
  'tiff',
  'heic',
  'bmp',
  'pdf',
  'docx',
  'xlsx',
  'pptx',
  'odf',
  'zip',
  'doc',
  'rtf',
  'gzip',
  'sevenzip',
  'rar',
  'audio',
  'video',
  'sqlite',
  'executable',
  'binary',
] as const;
export type FileKind = (typeof FILE_KINDS)[number];

const ascii = (text: string): number[] => Array.from(text, (c) => c.charCodeAt(0));

function startsWith(bytes: Uint8Array, signature: readonly number[], offset = 0): boolean {
  if (bytes.length < offset + signature.length) return false;
  return signature.every((b, i) => bytes[offset + i] === b);
}

/** True when `needle` (ASCII) occurs in the first `limit` bytes. */
function contains(bytes: Uint8Array, needle: string, limit: number): boolean {
  const n = ascii(needle);
  const end = Math.min(bytes.length, limit) - n.length;
  for (let i = 0; i <= end; i++) if (startsWith(bytes, n, i)) return true;
  return false;
}

/** Office Open XML and OpenDocument are zip files; the first entries' names tell which. */
function zipKind(bytes: Uint8Array): FileKind {
  const head = 64 * 1024;
  if (contains(bytes, 'mimetypeapplication/vnd.oasis.opendocument', 200)) return 'odf';
  if (contains(bytes, 'word/', head)) return 'docx';
  if (contains(bytes, 'xl/', head)) return 'xlsx';
  if (contains(bytes, 'ppt/', head)) return 'pptx';
  return 'zip';
}

/** ISO base media (MP4, MOV, M4A, HEIC): "ftyp" at offset 4, then the brand. */
function isoMediaKind(bytes: Uint8Array): FileKind | undefined {
  if (!startsWith(bytes, ascii('ftyp'), 4)) return undefined;
  const brand = String.fromCharCode(...bytes.subarray(8, 12));
  if (/^(heic|heix|hevc|heim|heis|mif1|msf1|avif)$/.test(brand)) return 'heic';
  if (/^M4A |^M4B /.test(brand)) return 'audio';
  return 'video';
}

const SIGNATURES: ReadonlyArray<[FileKind, readonly number[], number?]> = [
  ['png', [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]],
  ['jpeg', [0xff, 0xd8, 0xff]],
  ['gif', ascii('GIF87a')],
  ['gif', ascii('GIF89a')],
  ['tiff', [0x49, 0x49, 0x2a, 0x00]],
  ['tiff', [0x4d, 0x4d, 0x00, 0x2a]],
  ['pdf', ascii('%PDF-')],
  ['doc', [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]],
  ['rtf', ascii('{\\rtf')],
  ['gzip', [0x1f, 0x8b]],
  ['sevenzip', [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c]],
  ['rar', ascii('Rar!\u001a\u0007')],
  ['audio', ascii('ID3')],
  ['audio', ascii('fLaC')],
  ['audio', ascii('OggS')],
  ['audio', ascii('#!AMR')],
  ['video', [0x1a, 0x45, 0xdf, 0xa3]], // Matroska / WebM
  ['sqlite', ascii('SQLite format 3\u0000')],
  ['executable', [0x7f, 0x45, 0x4c, 0x46]], // ELF
  ['executable', [0xcf, 0xfa, 0xed, 0xfe]], // Mach-O
];

/**
 * The kind of a file that is not text, from its first bytes, or undefined for text (including
 * UTF-16 with or without a byte order mark, which the decoder handles).
 * @param bytes the whole file, or at least its first 64 KiB
 * @param utf16 true when the caller already recognised UTF-16 text (its NUL bytes are text)
 */
export function nonTextKind(bytes: Uint8Array, utf16 = false): FileKind | undefined {
  for (const [kind, signature, offset] of SIGNATURES) {
    if (startsWith(bytes, signature, offset ?? 0)) return kind;
  }
  if (startsWith(bytes, ascii('PK\u0003\u0004')) || startsWith(bytes, ascii('PK\u0005\u0006')))
    return zipKind(bytes);
  if (startsWith(bytes, ascii('RIFF'))) {
    const form = String.fromCharCode(...bytes.subarray(8, 12));
    if (form === 'WEBP') return 'webp';
    if (form === 'WAVE') return 'audio';
    if (form === 'AVI ') return 'video';
  }
  if (startsWith(bytes, ascii('BM')) && bytes.length > 14 && bytes[6] === 0 && bytes[7] === 0)
    return 'bmp';
  if (startsWith(bytes, ascii('MZ')) && contains(bytes, 'This program cannot be run', 512))
    return 'executable';
  // MPEG audio frames (MP3 without an ID3 tag): an 11-bit sync word.
  // (Not for UTF-16: its byte order mark FF FE looks like one.)
  if (!utf16 && bytes[0] === 0xff && bytes[1] !== undefined && (bytes[1] & 0xe0) === 0xe0)
    return 'audio';
  const media = isoMediaKind(bytes);
  if (media) return media;
  // Anything else with NUL bytes in its first 8 KiB is binary: text never holds NUL.
  if (!utf16 && bytes.subarray(0, 8192).includes(0)) return 'binary';
  return undefined;
}
