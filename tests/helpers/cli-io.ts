// An in-process CLI's input and output for tests: empty stdin, no environment, and what the
// command wrote to stdout and stderr (the CLI tests all need exactly this).
import { PassThrough } from 'node:stream';
import type { CliIo } from '../../src/cli/io';

/** A CliIo whose output is collected: `stdout()` / `stderr()` return everything written so far. */
export function captureIo(): CliIo & { stdout: () => string; stderr: () => string } {
  let out = '';
  let err = '';
  const stdin = new PassThrough();
  stdin.end();
  return {
    stdin,
    out: (t) => (out += t),
    err: (t) => (err += t),
    env: {},
    stdout: () => out,
    stderr: () => err,
  };
}
