// Signing in from the CLI: one place for the default user and for the hint when it fails.
import type { ChannelResponse } from '../api/contract';
import type { Core } from '../api/core';
import { CommandFailed, must } from './core-call';

/** The user every vault command signs in as without --user (the first administrator's name). */
export const DEFAULT_USER = 'admin';

/**
 * Unlocks the vault as `user` (DEFAULT_USER when undefined: --user not given). A refused
 * sign-in as the default user names the option and where the user names are listed, since the
 * first administrator may have been created under another name (`hearth vault init --user`).
 * Throws CommandFailed (the core's BAD_PASSPHRASE, with the hint appended when it applies).
 */
export async function unlockVault(
  core: Core,
  user: string | undefined,
  passphrase: string,
): Promise<ChannelResponse<'vault.unlock'>> {
  try {
    return await must<ChannelResponse<'vault.unlock'>>(core, 'vault.unlock', {
      username: user ?? DEFAULT_USER,
      passphrase,
    });
  } catch (error) {
    if (user !== undefined || !(error instanceof CommandFailed)) throw error;
    if (error.error.code !== 'BAD_PASSPHRASE') throw error;
    throw new CommandFailed({
      ...error.error,
      message: `${error.error.message} No --user was given, so Hearth signed in as "${DEFAULT_USER}". If your user name is another, give it: --user NAME. An administrator sees every user name in the app under Settings → Users and roles.`,
    });
  }
}
