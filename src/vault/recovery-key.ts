// The recovery key: 256 random bits shown once as a printable kit. It is encoded in Crockford
// base32 with a 16-bit checksum, in groups of five, so a typo is caught before any unlock attempt.
import { blake2b, randomBytes } from '../crypto';
import { HearthError } from './errors';

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const KEY_BYTES = 32;
const CHECK_BYTES = 2;

function checksum(key: Uint8Array): Uint8Array {
  return blake2b(key, 16).subarray(0, CHECK_BYTES);
}

function toBase32(bytes: Uint8Array): string {
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += ALPHABET[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += ALPHABET[(value << (5 - bits)) & 31];
  return out;
}

function fromBase32(text: string): Uint8Array | undefined {
  let bits = 0;
  let value = 0;
  const out: number[] = [];
  for (const ch of text) {
    const index = ALPHABET.indexOf(ch);
    if (index < 0) return undefined;
    value = ((value << 5) | index) & 0xffff;
    bits += 5;
    if (bits >= 8) {
      out.push((value >>> (bits - 8)) & 0xff);
      bits -= 8;
    }
  }
  return Uint8Array.from(out);
}

export function generateRecoveryKey(): { key: Uint8Array; text: string } {
  const key = randomBytes(KEY_BYTES);
  return { key, text: formatRecoveryKey(key) };
}

export function formatRecoveryKey(key: Uint8Array): string {
  const encoded = toBase32(Uint8Array.from([...key, ...checksum(key)]));
  return encoded.match(/.{1,5}/g)?.join('-') ?? encoded;
}

/** Parses a typed recovery key: case, spaces and dashes do not matter; O/I/L read as 0/1/1. */
export function parseRecoveryKey(text: string): Uint8Array {
  const cleaned = text.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  const bytes = fromBase32(cleaned);
  const bad = () =>
    new HearthError(
      'BAD_RECOVERY_KEY',
      'That recovery key is not valid. Check it against the printed recovery kit.',
    );
  if (!bytes || bytes.length < KEY_BYTES + CHECK_BYTES) throw bad();
  const key = bytes.slice(0, KEY_BYTES);
  const check = bytes.slice(KEY_BYTES, KEY_BYTES + CHECK_BYTES);
  if (Buffer.compare(Buffer.from(check), Buffer.from(checksum(key))) !== 0) throw bad();
  return key;
}
