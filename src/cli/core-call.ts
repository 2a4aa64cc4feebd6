// Calling the core from a CLI command: a failed call becomes an exception the command's error
// handler turns into a message and an exit code.
import type { CoreError } from '../api/contract';
import type { Core } from '../api/core';

export class CommandFailed extends Error {
  constructor(readonly error: CoreError) {
    super(error.message);
  }
}

/** The call's value, or CommandFailed with the core's typed error. */
export async function must<T>(core: Core, channel: string, payload: unknown): Promise<T> {
  const result = await core.invoke(channel, payload);
  if (!result.ok) throw new CommandFailed(result.error);
  return result.value as T;
}
