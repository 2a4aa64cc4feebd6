// Canonical JSON for the bundle's files: RFC 8785 (JCS, see src/vault/jcs.ts) over values whose
// strings are first normalised to NFC, so that two writers holding the same text produce the
// same bytes however it was typed.
import { CanonicalJsonError, jcs } from '../vault';

export { CanonicalJsonError };

/** A deep copy with every string (keys too) in Unicode NFC. */
export function nfcDeep<T>(value: T): T {
  if (typeof value === 'string') return value.normalize('NFC') as T;
  if (Array.isArray(value)) return value.map((v: unknown) => nfcDeep(v)) as T;
  if (value !== null && typeof value === 'object')
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>).map(([k, v]) => [
        k.normalize('NFC'),
        nfcDeep(v),
      ]),
    ) as T;
  return value;
}

/** JCS text of the value with its strings in NFC. Undefined members are omitted. */
export function canonicalJson(value: unknown): string {
  return jcs(nfcDeep(value));
}

export function canonicalJsonBytes(value: unknown): Uint8Array {
  return new TextEncoder().encode(canonicalJson(value));
}

/** True when `text` is exactly the canonical encoding of what it parses to. */
export function isCanonicalJson(text: string): boolean {
  try {
    return canonicalJson(JSON.parse(text)) === text;
  } catch {
    return false;
  }
}
