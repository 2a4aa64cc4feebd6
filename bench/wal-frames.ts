// Counting what commits write to SQLite's write-ahead log: the frames (one page each) of the
// log's current generation and the page numbers they carry. `npm run bench -- notes` reports
// WAL pages per durable note beside the time ratio; tests/integration/vault/lean-append.test.ts
// holds the count down. The WAL format (sqlite.org/fileformat2.html#walformat): a 32-byte header
// (page size at offset 8, salts at 16 and 20), then frames of a 24-byte header (page number at
// 0, the salts at 8 and 12) and one page. Frames whose salts differ from the header's are left
// over from before the last checkpoint restarted the log and are not counted.
import { closeSync, existsSync, openSync, readSync } from 'node:fs';

/** The page numbers of the current generation's frames, in log order (empty: no WAL yet). */
export function walFramePages(walFile: string): number[] {
  if (!existsSync(walFile)) return [];
  const fd = openSync(walFile, 'r');
  try {
    const header = Buffer.alloc(32);
    if (readSync(fd, header, 0, 32, 0) < 32) return [];
    const pageSize = header.readUInt32BE(8);
    const salt1 = header.readUInt32BE(16);
    const salt2 = header.readUInt32BE(20);
    const frame = Buffer.alloc(24);
    const pages: number[] = [];
    for (let at = 32; readSync(fd, frame, 0, 24, at) === 24; at += 24 + pageSize) {
      if (frame.readUInt32BE(8) !== salt1 || frame.readUInt32BE(12) !== salt2) break;
      pages.push(frame.readUInt32BE(0));
    }
    return pages;
  } finally {
    closeSync(fd);
  }
}
