// One typed error for every bad input to the protocol engine, so callers (src/api) can map the
// code to their own error envelope and the UI can show a localized message for it.

export type ProtocolErrorCode =
  | 'UNKNOWN_PROTOCOL'
  | 'UNSUPPORTED_AGE'
  | 'UNSUPPORTED_LANGUAGE'
  | 'INVALID_OPTION'
  | 'MISSING_TEXT'
  | 'INVALID_CATALOG'
  | 'UNKNOWN_SOURCE';

export class ProtocolError extends Error {
  override readonly name = 'ProtocolError';
  readonly code: ProtocolErrorCode;
  readonly details: Readonly<Record<string, unknown>>;

  constructor(code: ProtocolErrorCode, message: string, details: Record<string, unknown> = {}) {
    super(message);
    this.code = code;
    this.details = details;
  }
}

export function isProtocolError(value: unknown): value is ProtocolError {
  return value instanceof ProtocolError;
}
