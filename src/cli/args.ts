// The argument preamble every `hearth` command shares: parse the options strictly (an unknown
// option is a usage error, exit 2, via reportError), and answer --help with the command's usage
// on stdout (exit 0).
import { parseArgs, type ParseArgsConfig } from 'node:util';
import type { CliIo } from './io';

type Options = NonNullable<ParseArgsConfig['options']>;

/** What parseArgs returns for `options` with positionals allowed. */
export type ParsedArgs<O extends Options> = ReturnType<
  typeof parseArgs<{ args: string[]; options: O; allowPositionals: true }>
>;

/**
 * Parses `argv` against `options` (which must include a boolean `help`). Returns undefined when
 * --help was given (its usage is already printed: the command returns EXIT.ok); throws the
 * parseArgs error (ERR_PARSE_ARGS_*) for an unknown or malformed option.
 */
export function parseCommandArgs<O extends Options>(
  argv: string[],
  options: O,
  usage: string,
  io: CliIo,
): ParsedArgs<O> | undefined {
  const parsed = parseArgs({ args: argv, options, allowPositionals: true });
  if ((parsed.values as { help?: boolean }).help === true) {
    io.out(`${usage}\n`);
    return undefined;
  }
  return parsed;
}
