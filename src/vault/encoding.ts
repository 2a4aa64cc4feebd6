// Canonical byte encodings used as associated data and MAC input. JSON arrays of strings and
// integers are unambiguous (no field can run into the next), which is all that is needed here.
import { HearthError } from './errors';

const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8', { fatal: true });

export function utf8(text: string): Uint8Array {
  return encoder.encode(text);
}

export function fromUtf8(bytes: Uint8Array): string {
  return decoder.decode(bytes);
}

export function canonicalTuple(...fields: Array<string | number>): Uint8Array {
  return encoder.encode(JSON.stringify(fields));
}

export function toHex(bytes: Uint8Array): string {
  // A view, not a copy: this runs several times per record and audit entry in `vault check`.
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('hex');
}

/**
 * Bytes from a better-sqlite3 BLOB (a Buffer) as a plain Uint8Array view. Any other value (TEXT
 * or a number put in the file outside Hearth, red team 24, R24-9) is damage, not a bug: TAMPERED,
 * reason VALUE_MALFORMED, which every reader already treats as a damaged row (it was a TypeError,
 * and one such row ended `vault check` INTERNAL). Readers that can name the row test its shape
 * first (row-shape.ts).
 */
export function blob(value: unknown): Uint8Array {
  if (!(value instanceof Uint8Array))
    throw new HearthError(
      'TAMPERED',
      'A value in the vault file has the wrong type (text or a number where bytes belong): it was changed outside Hearth. An admin runs a vault check (hearth vault check) and restores the newest backup (hearth vault restore).',
      { reason: 'VALUE_MALFORMED' },
    );
  return new Uint8Array(value.buffer, value.byteOffset, value.byteLength);
}
