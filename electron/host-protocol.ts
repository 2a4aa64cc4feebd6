// The message protocol between the main process and the core host process. The same messages
// travel over Electron's utilityProcess (MessagePort) and Node's child_process.fork (IPC
// channel), both of which structured-clone plain objects. Each side checks what it receives:
// a message from another process is input, not trusted data.
import type { CoreEvent, Result } from '../src/api/contract';

export type ToHost =
  | { t: 'invoke'; id: number; channel: string; payload: unknown }
  /** Finish in-flight calls, close the vault (wiping keys), and exit. */
  | { t: 'shutdown' };

export type FromHost =
  | { t: 'ready'; pid: number }
  | { t: 'result'; id: number; result: Result<unknown> }
  | { t: 'event'; event: CoreEvent };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

export function parseToHost(message: unknown): ToHost | null {
  if (!isRecord(message)) return null;
  if (message.t === 'shutdown') return { t: 'shutdown' };
  if (
    message.t === 'invoke' &&
    Number.isSafeInteger(message.id) &&
    typeof message.channel === 'string'
  ) {
    return {
      t: 'invoke',
      id: message.id as number,
      channel: message.channel,
      payload: message.payload,
    };
  }
  return null;
}

export function parseFromHost(message: unknown): FromHost | null {
  if (!isRecord(message)) return null;
  if (message.t === 'ready' && Number.isSafeInteger(message.pid)) {
    return { t: 'ready', pid: message.pid as number };
  }
  if (message.t === 'result' && Number.isSafeInteger(message.id) && isRecord(message.result)) {
    const result = message.result;
    if (result.ok === true)
      return { t: 'result', id: message.id as number, result: { ok: true, value: result.value } };
    if (result.ok === false && isRecord(result.error) && typeof result.error.code === 'string') {
      return { t: 'result', id: message.id as number, result: result as Result<unknown> };
    }
    return null;
  }
  if (message.t === 'event' && isRecord(message.event) && typeof message.event.type === 'string') {
    return { t: 'event', event: message.event as CoreEvent };
  }
  return null;
}

/** The host's command line: `--vault-dir <dir>`. */
export function hostArgs(vaultDir: string): string[] {
  return ['--vault-dir', vaultDir];
}

export function parseHostArgs(argv: readonly string[]): { vaultDir: string } | null {
  const at = argv.indexOf('--vault-dir');
  const vaultDir = at >= 0 ? argv[at + 1] : undefined;
  return vaultDir ? { vaultDir } : null;
}
