// Runs `hearth ARGV` in-process with an empty stdin (not a terminal) and captures what it prints.
import { Readable } from 'node:stream';
import type * as CliMain from '../../src/cli/main';

export type RunCli = typeof CliMain.runCli;

/**
 * The exit code, stdout and stderr of `runCli(argv)` with `env` as its environment.
 * @param runCli the CLI entry to use (a fresh module registry's, to run as a new process would)
 */
export async function runCaptured(
  runCli: RunCli,
  argv: string[],
  env: NodeJS.ProcessEnv = {},
): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runCli(argv, {
    stdin: Readable.from([]),
    out: (t) => void (out += t),
    err: (t) => void (err += t),
    env,
  });
  return { code, out, err };
}
