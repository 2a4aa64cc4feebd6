// What a CLI command may touch of the outside world, so that commands are testable in-process.
export interface CliIo {
  stdin: NodeJS.ReadableStream & { isTTY?: boolean };
  out: (text: string) => void;
  err: (text: string) => void;
  env: NodeJS.ProcessEnv;
}

/** Exit codes shared by every command: 0 ok, 1 problem found, 2 usage error. */
export const EXIT = { ok: 0, problem: 1, usage: 2 } as const;

export type CliCommand = (argv: string[], io: CliIo) => Promise<number>;
