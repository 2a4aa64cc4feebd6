// Export channels arrive in a later build than the rest. Calls go through callAny and read
// UNKNOWN_CHANNEL as "not in this version", which the screens show calmly.
import type { CoreError, Result } from '../bridge/client';

export type Optional<T> =
  { state: 'ok'; value: T } | { state: 'unavailable' } | { state: 'error'; error: CoreError };

export function optional<T>(result: Result<unknown>): Optional<T> {
  if (result.ok) return { state: 'ok', value: result.value as T };
  if (result.error.code === 'UNKNOWN_CHANNEL') return { state: 'unavailable' };
  return { state: 'error', error: result.error };
}

export interface MyKey {
  publicKey: string;
  fingerprint: string;
}
export interface ExportResult {
  path: string;
  fingerprint: string;
}
export interface VerifyResult {
  valid: boolean;
  reason?: string;
  signer?: string;
}
export interface Recipient {
  name?: string;
  label?: string;
  publicKey?: string;
  fingerprint?: string;
  id?: string;
}

/** recipients.list is not fixed yet: accept { recipients: [...] } and read what is there. */
export function recipientsOf(value: unknown): Recipient[] {
  if (typeof value !== 'object' || value === null) return [];
  const list = (value as { recipients?: unknown }).recipients;
  return Array.isArray(list) ? (list.filter((r) => typeof r === 'object' && r) as Recipient[]) : [];
}
