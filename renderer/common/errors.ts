// Core errors become plain-language text with what to do next. The core's own message is
// never shown: it is English-only and written for logs, and a stack trace never reaches here.
import type { TFunction } from 'i18next';
import type { CoreError } from '../bridge/client';

const KNOWN = new Set([
  'INVALID_INPUT',
  'UNKNOWN_CHANNEL',
  'VAULT_NOT_FOUND',
  'VAULT_EXISTS',
  'VAULT_LOCKED',
  'VAULT_IN_USE',
  'VAULT_TOO_NEW',
  'VAULT_CORRUPT',
  'BAD_PASSPHRASE',
  'BAD_RECOVERY_KEY',
  'RATE_LIMITED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'TAMPERED',
  'SESSION_SEALED',
  'DISK_FULL',
  'IO_ERROR',
  'INTERNAL',
]);

export interface PlainError {
  what: string;
  next: string;
}

export function plainError(t: TFunction, error: CoreError): PlainError {
  const code = KNOWN.has(error.code) ? error.code : 'INTERNAL';
  return { what: t(`errors.${code}.what`), next: t(`errors.${code}.next`) };
}
