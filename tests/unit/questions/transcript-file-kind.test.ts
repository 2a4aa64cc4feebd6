// A file that is not text (a picture, a PDF, an Office document, an archive, a recording) is
// refused as "not a transcript file, it looks like X; export .vtt/.srt/.txt", never with
// encoding advice (issue #20 review: a PNG got "save it as UTF-8"). Each kind is built from its
// published signature; text in every encoding the importer reads still passes.
import { parseTranscript, TranscriptError, type FileKind } from '../../../src/questions';

const ascii = (s: string): number[] => Array.from(s, (c) => c.charCodeAt(0));
const bytes = (...parts: Array<number[] | Uint8Array | string>): Uint8Array =>
  Uint8Array.from(parts.flatMap((p) => (typeof p === 'string' ? ascii(p) : Array.from(p))));
/** Filler that is itself binary-looking, as the rest of such a file would be. */
const body = [0x00, 0x10, 0x7f, 0x00, 0xff, 0x00, 0x01, 0x02];
/** A zip's first local file header naming `name` (as Office and OpenDocument write them). */
const zipEntry = (name: string) =>
  bytes(
    'PK',
    [3, 4, 20, 0, 0, 0, 8, 0],
    [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0],
    [name.length, 0, 0, 0],
    name,
    body,
  );

const KINDS: Array<[FileKind, Uint8Array, RegExp]> = [
  ['png', bytes([0x89], 'PNG', [0x0d, 0x0a, 0x1a, 0x0a], body), /PNG image/],
  ['jpeg', bytes([0xff, 0xd8, 0xff, 0xe0], body), /JPEG photo/],
  ['gif', bytes('GIF89a', body), /GIF image/],
  ['webp', bytes('RIFF', [0, 0, 0, 0], 'WEBPVP8 ', body), /WebP image/],
  ['tiff', bytes([0x49, 0x49, 0x2a, 0x00], body), /TIFF image/],
  ['heic', bytes([0, 0, 0, 0x18], 'ftypheic', body), /HEIC photo/],
  ['pdf', bytes('%PDF-1.7\n%\u00e2\u00e3\n1 0 obj\n'), /PDF document/],
  ['docx', bytes(zipEntry('[Content_Types].xml'), zipEntry('word/document.xml')), /Word document/],
  ['xlsx', bytes(zipEntry('[Content_Types].xml'), zipEntry('xl/workbook.xml')), /Excel/],
  ['pptx', bytes(zipEntry('[Content_Types].xml'), zipEntry('ppt/presentation.xml')), /PowerPoint/],
  [
    'odf',
    bytes('PK', [3, 4], 'x'.repeat(26), 'mimetypeapplication/vnd.oasis.opendocument.text'),
    /OpenDocument/,
  ],
  ['zip', zipEntry('transcript.vtt'), /zip archive/],
  ['doc', bytes([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], body), /\.doc\)/],
  ['rtf', bytes('{\\rtf1\\ansi\\deff0 Interviewer: hello}'), /rich-text/],
  ['gzip', bytes([0x1f, 0x8b, 0x08, 0x00], body), /gzip/],
  ['sevenzip', bytes([0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c], body), /7-Zip/],
  ['rar', bytes('Rar!', [0x1a, 0x07, 0x01, 0x00], body), /RAR/],
  ['audio', bytes('ID3', [4, 0, 0], body), /audio recording/],
  ['audio', bytes([0xff, 0xfb, 0x90, 0x64], body), /audio recording/],
  ['audio', bytes('RIFF', [0, 0, 0, 0], 'WAVEfmt ', body), /audio recording/],
  ['audio', bytes([0, 0, 0, 0x20], 'ftypM4A ', body), /audio recording/],
  ['video', bytes([0, 0, 0, 0x20], 'ftypisom', body), /video recording/],
  ['video', bytes([0x1a, 0x45, 0xdf, 0xa3], body), /video recording/],
  ['sqlite', bytes('SQLite format 3', [0], body), /database/],
  ['executable', bytes([0x7f], 'ELF', body), /program/],
  ['binary', bytes('Interviewer: hello', body), /binary file/],
];

function refusal(input: Uint8Array): TranscriptError {
  try {
    parseTranscript(input);
  } catch (e) {
    if (e instanceof TranscriptError) return e;
    throw e;
  }
  throw new Error('expected the file to be refused');
}

describe('a file that is not text', () => {
  test.each(KINDS)('%s is named, with what to export instead (%#)', (kind, file, name) => {
    const error = refusal(file);
    expect(error.code).toBe('NOT_TRANSCRIPT');
    expect(error.fileKind).toBe(kind);
    expect(error.message).toMatch(/^This is not a transcript file \(it looks like /);
    expect(error.message).toMatch(name);
    expect(error.next).toMatch(/\.vtt, \.srt or \.txt/);
    // Never encoding advice, and nothing of the file's content.
    expect(error.message).not.toMatch(/UTF-8|encoding|Interviewer|hello/);
  });
});

describe('text is still text', () => {
  const lines = 'Interviewer: Tell me everything.\nChild: We went to the park.\n';
  test.each<[string, Uint8Array]>([
    ['UTF-8', new TextEncoder().encode(lines)],
    ['UTF-8 with BOM', bytes([0xef, 0xbb, 0xbf], lines)],
    [
      'UTF-16LE with BOM',
      Uint8Array.from([0xff, 0xfe, ...Array.from(lines).flatMap((c) => [c.charCodeAt(0), 0])]),
    ],
    [
      'UTF-16BE with BOM',
      Uint8Array.from([0xfe, 0xff, ...Array.from(lines).flatMap((c) => [0, c.charCodeAt(0)])]),
    ],
    [
      'UTF-16LE without BOM',
      Uint8Array.from(Array.from(lines).flatMap((c) => [c.charCodeAt(0), 0])),
    ],
    ['Windows-1252', bytes('Interviewer: Tell me everything.\nChild: Ni', [0xf1], 'a.\n')],
    ['a line starting "BM"', bytes('BM: Tell me everything.\nChild: ok\n')],
  ])('%s', (_name, file) => {
    expect(() => parseTranscript(file, { labels: { interviewer: ['BM'] } })).not.toThrow(
      expect.objectContaining({ code: 'NOT_TRANSCRIPT' }) as never,
    );
    try {
      parseTranscript(file, { labels: { interviewer: ['BM'] } });
    } catch (e) {
      expect((e as TranscriptError).code).not.toBe('NOT_TRANSCRIPT');
    }
  });
});
