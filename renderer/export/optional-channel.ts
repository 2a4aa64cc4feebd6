// Export channels arrive in a later build than the rest. Calls go through callAny and read
// UNKNOWN_CHANNEL as "not in this version", which the screens show calmly.
import type { ChannelResponse, CoreError, Result } from '../bridge/client';

export type Optional<T> =
  { state: 'ok'; value: T } | { state: 'unavailable' } | { state: 'error'; error: CoreError };

export function optional<T>(result: Result<unknown>): Optional<T> {
  if (result.ok) return { state: 'ok', value: result.value as T };
  if (result.error.code === 'UNKNOWN_CHANNEL') return { state: 'unavailable' };
  return { state: 'error', error: result.error };
}

export type MyKey = ChannelResponse<'keys.myPublicKey'>;
export type ExportResult = ChannelResponse<'export.sealed'>;
export type VerifyResult = ChannelResponse<'export.verify'>;
export type Recipient = ChannelResponse<'recipients.list'>['recipients'][number];
