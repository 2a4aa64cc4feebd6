// One way every command turns an error into a message and an exit code, so the same fault gives
// the same exit code whichever command met it (the table is in `hearth --help`).
import { HearthError } from '../vault';
import { CommandFailed } from './core-call';
import { EXIT } from './io';
import { UsageError } from './passphrase';

/** Core error codes that mean the caller's input was wrong, not that a problem was found. */
const INPUT_CODES = new Set(['INVALID_INPUT']);

/**
 * Reports `error` on stderr as `hearth <command>: ...` and returns its exit code: 2 for usage
 * or invalid input (the usage text follows), 1 for a problem found (a typed core error), 1 with
 * a generic message for anything unexpected (whose text may hold case data, so it is not shown).
 */
export function reportError(
  command: string,
  error: unknown,
  err: (text: string) => void,
  usage: string,
  nothingDone = 'nothing was changed',
): number {
  if (
    error instanceof UsageError ||
    (error as { code?: string } | null)?.code?.startsWith('ERR_PARSE_ARGS') === true
  ) {
    err(`hearth ${command}: ${(error as Error).message}\n${usage}\n`);
    return EXIT.usage;
  }
  const code =
    error instanceof CommandFailed
      ? error.error.code
      : error instanceof HearthError
        ? error.code
        : undefined;
  if (code !== undefined) {
    err(`hearth ${command}: ${code}: ${(error as Error).message}\n`);
    return INPUT_CODES.has(code) ? EXIT.usage : EXIT.problem;
  }
  err(`hearth ${command}: an unexpected error occurred; ${nothingDone}\n`);
  return EXIT.problem;
}
