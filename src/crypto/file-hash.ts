// SHA-256 of a file of any size (a multi-GB interview video), streamed in large chunks so memory
// stays flat and the speed is the disk's. node:crypto's SHA-256 uses the CPU's SHA extensions
// where present (OpenSSL), as sha256sum does.
import { createHash } from 'node:crypto';
import { open, stat } from 'node:fs/promises';
import { CryptoError } from './errors';

/** Read size: 4 MiB keeps syscalls few without holding much memory. */
const CHUNK_BYTES = 4 * 1024 * 1024;

/**
 * Streams `path` through SHA-256. Returns `{ sha256 (lower-case hex, 64 chars), bytes }`.
 * `onProgress(doneBytes, totalBytes)` is called after each chunk (totalBytes from fstat at open;
 * a file still growing is refused: the bytes read must equal the size at open). Throws
 * CryptoError('BAD_INPUT') when the path is not a readable regular file.
 */
export async function sha256File(
  path: string,
  onProgress?: (doneBytes: number, totalBytes: number) => void,
): Promise<{ sha256: string; bytes: number }> {
  let handle;
  try {
    // Checked before opening: opening a FIFO would block until something writes to it.
    if (!(await stat(path)).isFile())
      throw new CryptoError('BAD_INPUT', 'The recording path is not a regular file');
    handle = await open(path, 'r');
  } catch (error) {
    if (error instanceof CryptoError) throw error;
    throw new CryptoError('BAD_INPUT', 'The recording file cannot be opened');
  }
  try {
    const info = await handle.stat();
    if (!info.isFile()) throw new CryptoError('BAD_INPUT', 'The recording path is not a file');
    const total = info.size;
    const hash = createHash('sha256');
    const buffer = Buffer.allocUnsafe(CHUNK_BYTES);
    let done = 0;
    for (;;) {
      const { bytesRead } = await handle.read(buffer, 0, CHUNK_BYTES, null);
      if (bytesRead === 0) break;
      hash.update(buffer.subarray(0, bytesRead));
      done += bytesRead;
      onProgress?.(done, total);
    }
    if (done !== total)
      throw new CryptoError(
        'BAD_INPUT',
        'The recording changed size while it was read; wait until it is complete',
      );
    return { sha256: hash.digest('hex'), bytes: done };
  } finally {
    await handle.close();
  }
}
