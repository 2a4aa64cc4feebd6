// The shell's log. Its entries are closed shapes of names, codes and numbers: there is no
// field a payload, a value or a free-text message could travel in, so no case data, note or
// passphrase can reach a log line (DESIGN.md: logs contain no plaintext).
import { isChannel, type ErrorCode } from '../src/api/contract';

export type LogEntry =
  | { kind: 'call'; channel: string; outcome: 'ok' | ErrorCode; ms: number }
  | { kind: 'refused'; reason: 'sender' | 'channel' | 'payload' }
  | { kind: 'host'; event: 'started' | 'stopped' | 'crashed' | 'killed'; pid?: number }
  | { kind: 'lock'; reason: 'user' | 'idle' | 'system' }
  | { kind: 'navigation-blocked' | 'window-blocked' | 'request-blocked'; scheme: string }
  | { kind: 'permission-denied'; permission: string };

export type Logger = (entry: LogEntry) => void;

/** A channel name fit for a log: a contract channel, else just "unknown" (it is caller input). */
export function loggableChannel(channel: unknown): string {
  return typeof channel === 'string' && isChannel(channel) ? channel : 'unknown';
}

/** A URL's scheme only (never its path or query, which might carry data). */
export function loggableScheme(url: string): string {
  const match = /^([a-z][a-z0-9+.-]{0,20}):/i.exec(url);
  return match?.[1]?.toLowerCase() ?? 'invalid';
}

/** A permission name fit for a log (Electron's names are short identifiers). */
export function loggablePermission(permission: string): string {
  return /^[a-z][a-zA-Z0-9_-]{0,40}$/.test(permission) ? permission : 'other';
}

/** One JSON line per entry on the given stream (stderr in the app). */
export function createStreamLogger(write: (line: string) => void, now = Date.now): Logger {
  return (entry) => {
    write(`${JSON.stringify({ at: new Date(now()).toISOString(), ...entry })}\n`);
  };
}
