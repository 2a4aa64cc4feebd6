// Where the CLI gets a passphrase: --passphrase-file, then HEARTH_PASSPHRASE, then a hidden
// prompt on a terminal. Never from a plain command-line argument (it would show in `ps`).
import { closeSync, openSync, readSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { Writable } from 'node:stream';
import type { CliIo } from './io';

/** A wrong or missing option: exit 2, and the command's usage text follows the message. */
export class UsageError extends Error {}

/**
 * An input file to fix (missing, unreadable, of the wrong kind): exit 2 like a usage error, but
 * the message alone says what is wrong and what to do, without the whole usage text after it.
 */
export class InputError extends UsageError {}

/** "was not found" / "cannot be read (permission denied)" / "cannot be read", from a failed fs call. */
export function unreadableReason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  if (code === 'ENOENT') return 'was not found: check the path';
  if (code === 'EACCES' || code === 'EPERM') return 'cannot be read (permission denied)';
  if (code === 'EISDIR') return 'is a folder, not a file';
  return 'cannot be read';
}

/** A passphrase or a recovery kit is short; a file longer than this is not one (e.g. /dev/zero). */
const MAX_SECRET_FILE_BYTES = 4096;

/**
 * Reads a small text file (a passphrase, a recovery kit) without ever reading more than
 * MAX_SECRET_FILE_BYTES + 1 bytes, so a device or a huge file is refused instead of exhausting
 * memory. The trailing newline is dropped.
 */
export function readSecretFile(file: string, what: string): string {
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch (error) {
    throw new InputError(`the ${what} file ${file} ${unreadableReason(error)}`);
  }
  try {
    const buffer = Buffer.alloc(MAX_SECRET_FILE_BYTES + 1);
    let length = 0;
    while (length < buffer.length) {
      const n = readSync(fd, buffer, length, buffer.length - length, null);
      if (n === 0) break;
      length += n;
    }
    if (length > MAX_SECRET_FILE_BYTES)
      throw new InputError(
        `the ${what} file ${file} is larger than ${MAX_SECRET_FILE_BYTES} bytes: it is not a ${what} file`,
      );
    return buffer
      .subarray(0, length)
      .toString('utf8')
      .replace(/\r?\n$/, '');
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new InputError(`the ${what} file ${file} ${unreadableReason(error)}`);
  } finally {
    closeSync(fd);
  }
}

function promptHidden(io: CliIo, question: string): Promise<string> {
  io.err(question);
  const muted = new Writable({ write: (_chunk, _enc, done) => done() });
  const rl = createInterface({ input: io.stdin, output: muted, terminal: true });
  return new Promise((resolve) => {
    rl.question('', (answer) => {
      rl.close();
      io.err('\n');
      resolve(answer);
    });
  });
}

export async function readPassphrase(
  io: CliIo,
  file: string | undefined,
  options: { confirm?: boolean; label?: string } = {},
): Promise<string> {
  const label = options.label ?? 'Passphrase';
  if (file !== undefined) return readSecretFile(file, 'passphrase');
  const fromEnv = io.env.HEARTH_PASSPHRASE;
  if (fromEnv !== undefined && fromEnv !== '') return fromEnv;
  if (!io.stdin.isTTY) {
    throw new UsageError(
      'no passphrase given: use --passphrase-file FILE, set HEARTH_PASSPHRASE, or run in a terminal',
    );
  }
  const first = await promptHidden(io, `${label}: `);
  if (options.confirm) {
    const second = await promptHidden(io, `${label} (again): `);
    if (first !== second) throw new UsageError('the two passphrases do not match');
  }
  return first;
}
