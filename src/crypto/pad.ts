// Length hiding for sealed payloads (red team round 11, R11-6): an AEAD ciphertext is exactly as
// long as its plaintext plus the tag, so a record holding a name or a short note told anyone with
// the file the name's or note's exact length in bytes. A payload is padded before it is sealed:
// to at least `floor` bytes (so every short string of a kind seals to one size), and above the
// floor to its Padmé length (Nikitin et al., "Reducing Metadata Leakage from Encrypted Files and
// Communication with PURBs", PETS 2019: at most 12 % overhead, O(log log L) bits of the length
// left visible). The pad itself is ISO/IEC 7816-4 (one 0x80 byte, then zeros; what libsodium's
// sodium_pad writes), and removing it is strict: the pad must be well formed AND exactly as long
// as this function would have made it, so a truncated, extended or altered pad is refused.
// Unpadding runs only on plaintext the AEAD has already authenticated, so it is no oracle.
import { CryptoError } from './errors';

const MARK = 0x80;

/**
 * The Padmé length of a payload of `length` bytes: `length` rounded up so that only its top
 * bits (about log2(log2(length)) + 1 of them) vary. Lengths below 2 stay as they are.
 */
export function padmeLength(length: number): number {
  if (!Number.isSafeInteger(length) || length < 0)
    throw new CryptoError('BAD_INPUT', 'padding length must be a non-negative integer');
  if (length < 2) return length;
  const e = Math.floor(Math.log2(length));
  const s = Math.floor(Math.log2(e)) + 1;
  const lastBits = e - s;
  const mask = 2 ** lastBits - 1;
  return Math.ceil(length / (mask + 1)) * (mask + 1);
}

/** The padded size of `contentLength` bytes under `floor`: the content, the 0x80 mark, zeros. */
export function paddedLength(contentLength: number, floor: number): number {
  return Math.max(floor, padmeLength(contentLength + 1));
}

/** `content` padded to paddedLength(content.length, floor) (a new array; the input is kept). */
export function pad(content: Uint8Array, floor: number): Uint8Array {
  const out = new Uint8Array(paddedLength(content.length, floor));
  out.set(content);
  out[content.length] = MARK;
  return out;
}

/**
 * The content of a payload `pad` made with the same `floor`. Throws CryptoError
 * ('DECRYPT_FAILED') when the pad is malformed (no 0x80 mark after the zeros) or the payload is
 * not exactly the length `pad` gives its content (a pad cut short, lengthened or re-sized).
 */
export function unpad(padded: Uint8Array, floor: number): Uint8Array {
  let end = padded.length - 1;
  while (end >= 0 && padded[end] === 0) end--;
  if (end < 0 || padded[end] !== MARK || padded.length !== paddedLength(end, floor))
    throw new CryptoError('DECRYPT_FAILED', 'the payload padding is malformed');
  return padded.subarray(0, end);
}
