// The one IPC handler: checks who is calling, validates the payload against the contract, and
// relays to the core host. Plain functions over plain data so that tests exercise exactly the
// checks main.ts applies.
import type { z } from 'zod';
import {
  channels,
  describeInvalidInput,
  isChannel,
  isShellChannel,
  shellChannels,
  type CoreError,
  type Result,
} from '../src/api/contract';
import { APP_HOST, APP_SCHEME } from './app-protocol';
import { loggableChannel, type Logger } from './log';

/** What the main process knows about an IPC call's sender (from the IPC event). */
export interface SenderInfo {
  /** `event.sender.id`: the webContents that sent the message. */
  webContentsId: number;
  /** `event.senderFrame.url`, or null when the frame is gone. */
  frameUrl: string | null;
  /** Whether `event.senderFrame` is its page's main frame (no parent). */
  isMainFrame: boolean;
}

/**
 * True only for the main frame of our own window, showing our app:// origin. A subframe, any
 * other webContents, a page that navigated elsewhere, or a destroyed frame is refused.
 */
export function isTrustedSender(sender: SenderInfo, trustedWebContentsId: number | null): boolean {
  if (trustedWebContentsId === null || sender.webContentsId !== trustedWebContentsId) return false;
  if (!sender.isMainFrame || sender.frameUrl === null) return false;
  let url: URL;
  try {
    url = new URL(sender.frameUrl);
  } catch {
    return false;
  }
  return (
    url.protocol === `${APP_SCHEME}:` &&
    url.hostname === APP_HOST &&
    url.port === '' &&
    url.username === '' &&
    url.password === ''
  );
}

/** Null when the call names a contract channel with a valid payload; else the error to return. */
export function validateRequest(channel: unknown, payload: unknown): CoreError | null {
  if (typeof channel !== 'string' || !(isChannel(channel) || isShellChannel(channel))) {
    return { code: 'UNKNOWN_CHANNEL', message: 'There is no such channel.' };
  }
  const schema = isShellChannel(channel)
    ? shellChannels[channel].request
    : channels[channel].request;
  const parsed = (schema as z.ZodType).safeParse(payload);
  if (!parsed.success) {
    return { code: 'INVALID_INPUT', message: describeInvalidInput(parsed.error) };
  }
  return null;
}

export const FORBIDDEN_SENDER: CoreError = {
  code: 'FORBIDDEN',
  message: 'This request did not come from the Hearth window.',
};

export const FORBIDDEN_OBSERVER: CoreError = {
  code: 'FORBIDDEN',
  message: 'The observer window can only send suggested questions.',
};

export interface RelayTarget {
  invoke(channel: string, payload: unknown): Promise<Result<unknown>>;
}

export interface IpcRelayOptions {
  target: RelayTarget;
  /** Answers the shell's own channels (`shell.*`, see src/api/channels/shell.ts). */
  shell?: RelayTarget;
  /** The id of our main window's webContents (null while there is none). */
  trustedWebContentsId: () => number | null;
  /**
   * The observer windows' webContents ids (electron/observer-window.ts): their main frame on
   * our origin may call only `observerChannels`.
   */
  observerWebContentsIds?: () => ReadonlySet<number>;
  observerChannels?: ReadonlySet<string>;
  log?: Logger;
  now?: () => number;
}

/** The `ipcMain.handle(INVOKE_CHANNEL, ...)` body, over the sender's facts instead of the event. */
export function createIpcRelay({
  target,
  shell,
  trustedWebContentsId,
  observerWebContentsIds = () => new Set<number>(),
  observerChannels = new Set<string>(),
  log = () => undefined,
  now = () => performance.now(),
}: IpcRelayOptions): (
  sender: SenderInfo,
  channel: unknown,
  payload: unknown,
) => Promise<Result<unknown>> {
  return async (sender, channel, payload) => {
    const observer =
      observerWebContentsIds().has(sender.webContentsId) &&
      isTrustedSender(sender, sender.webContentsId);
    if (!observer && !isTrustedSender(sender, trustedWebContentsId())) {
      log({ kind: 'refused', reason: 'sender' });
      return { ok: false, error: FORBIDDEN_SENDER };
    }
    if (observer && !(typeof channel === 'string' && observerChannels.has(channel))) {
      log({ kind: 'refused', reason: 'sender' });
      return { ok: false, error: FORBIDDEN_OBSERVER };
    }
    const invalid = validateRequest(channel, payload);
    if (invalid) {
      log({ kind: 'refused', reason: invalid.code === 'UNKNOWN_CHANNEL' ? 'channel' : 'payload' });
      return { ok: false, error: invalid };
    }
    const started = now();
    // Validated above: the channel is a contract or shell channel name.
    const name = channel as string;
    const result =
      isShellChannel(name) && shell
        ? await shell.invoke(name, payload)
        : isShellChannel(name)
          ? {
              ok: false as const,
              error: { code: 'UNKNOWN_CHANNEL' as const, message: 'There is no such channel.' },
            }
          : await target.invoke(name, payload);
    log({
      kind: 'call',
      channel: loggableChannel(channel),
      outcome: result.ok ? 'ok' : result.error.code,
      ms: Math.round(now() - started),
    });
    return result;
  };
}
