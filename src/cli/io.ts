// What a CLI command may touch of the outside world, so that commands are testable in-process.
export interface CliIo {
  stdin: NodeJS.ReadableStream & { isTTY?: boolean };
  out: (text: string) => void;
  err: (text: string) => void;
  env: NodeJS.ProcessEnv;
}

/** Exit codes shared by every command: 0 ok, 1 problem found, 2 usage error. */
export const EXIT = { ok: 0, problem: 1, usage: 2, findings: 3 } as const;

export type CliCommand = (argv: string[], io: CliIo) => Promise<number>;

/** The exit-code table printed by `hearth --help` and by every command's own help. */
export const EXIT_CODES_HELP = `Exit codes (every command):
  0  ok: done, or the bundle/recording/vault checked out
  1  problem found: not valid, wrong identity or passphrase, refused, or the vault reported an error
  2  usage or invalid input: a missing or unknown option, an unreadable or malformed input file
  3  hearth verify only: the bundle is valid but has FINDINGS (events written into the interview
     by someone other than its interviewer); read them before relying on it`;
