// One way every command turns an error into a message and an exit code, so the same fault gives
// the same exit code whichever command met it (the table is in `hearth --help`).
import { HearthError } from '../vault';
import { CommandFailed } from './core-call';
import { invalidInputInWords } from './field-words';
import { EXIT } from './io';
import { InputError, UsageError } from './passphrase';

/**
 * Core error codes that mean the caller's input was wrong, not that a problem was found: exit 2
 * (README and `hearth --help`: "2 usage or invalid input"). VAULT_NOT_FOUND is a --vault path
 * with no vault in it, like `hearth verify` on a path with no bundle.
 */
export const INPUT_CODES: ReadonlySet<string> = new Set(['INVALID_INPUT', 'VAULT_NOT_FOUND']);

/** The typed code of a core (CommandFailed) or vault (HearthError) error, else undefined. */
export function errorCode(error: unknown): string | undefined {
  return error instanceof CommandFailed
    ? error.error.code
    : error instanceof HearthError
      ? error.code
      : undefined;
}

/**
 * A usage error's message; node's parseArgs text for an unknown option ("Unknown option '--valt'.
 * To specify a positional argument starting with a '-', ...") is cut to what is wrong.
 */
function usageMessage(error: Error): string {
  const unknown = /^Unknown option '([^']+)'/.exec(error.message);
  return unknown ? `unknown option ${unknown[1]}: nothing was done` : error.message;
}

/** "Run hearth CMD --help for its options.", CMD read from the usage text's first command line. */
export function helpHint(usage: string): string {
  const named = /hearth ([a-z-]+)/.exec(usage);
  return `Run hearth ${named?.[1] ?? ''}${named ? ' ' : ''}--help for its options.`;
}

/**
 * Reports `error` on stderr as `hearth <command>: ...` and returns its exit code: 2 for usage
 * (with where to find its usage) or an input file to fix (InputError: the message alone), 2 for a core
 * code in INPUT_CODES, 1 for a problem found (another typed core error), 1 with a generic
 * message for anything unexpected (whose text may hold case data, so it is not shown).
 */
export function reportError(
  command: string,
  error: unknown,
  err: (text: string) => void,
  usage: string,
  nothingDone = 'nothing was changed',
): number {
  if (error instanceof InputError) {
    err(`hearth ${command}: ${error.message}\n`);
    return EXIT.usage;
  }
  if (
    error instanceof UsageError ||
    (error as { code?: string } | null)?.code?.startsWith('ERR_PARSE_ARGS') === true
  ) {
    // One line and where the options are, not the whole usage text (which scrolled the error
    // away: newcomer 26, m1). `usage` names the command's help.
    err(`hearth ${command}: ${usageMessage(error as Error)}\n${helpHint(usage)}\n`);
    return EXIT.usage;
  }
  const code = errorCode(error);
  if (code !== undefined) {
    // Contract field names ("recipientKey") in the words of the CLI's options (N17-7).
    const message =
      code === 'INVALID_INPUT'
        ? invalidInputInWords((error as Error).message)
        : (error as Error).message;
    err(`hearth ${command}: ${code}: ${message}\n`);
    return INPUT_CODES.has(code) ? EXIT.usage : EXIT.problem;
  }
  err(`hearth ${command}: an unexpected error occurred; ${nothingDone}\n`);
  return EXIT.problem;
}
