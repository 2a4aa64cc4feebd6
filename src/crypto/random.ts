import { createHash, randomFillSync } from 'node:crypto';
import { lib } from './sodium';

const POOL_BYTES = 4096;
const pool = new Uint8Array(POOL_BYTES);
let poolOffset = POOL_BYTES;

/**
 * Cryptographically secure random bytes from the OS CSPRNG through node:crypto. libsodium's
 * randombytes_buf costs tens of microseconds per call in the WASM build, and even node's
 * randomBytes costs ~7 µs per small call (measured), so small requests (nonces, ids: one or
 * more per note) are served from a pool refilled 4 KiB at a time. Every byte is handed out once
 * and then overwritten, and callers get copies, never views of the pool.
 */
export function randomBytes(length: number): Uint8Array {
  if (length > 256) {
    const out = new Uint8Array(length);
    randomFillSync(out);
    return out;
  }
  if (poolOffset + length > POOL_BYTES) {
    randomFillSync(pool);
    poolOffset = 0;
  }
  const out = pool.slice(poolOffset, poolOffset + length);
  pool.fill(0, poolOffset, poolOffset + length);
  poolOffset += length;
  return out;
}

/** SHA-256 of bytes; used where outside tools must agree (sha256sum, manifests). */
export function sha256(data: Uint8Array | string): Uint8Array {
  const digest = createHash('sha256').update(data).digest();
  return new Uint8Array(digest.buffer, digest.byteOffset, digest.byteLength);
}

/**
 * SHA-256 (lowercase hex) of the concatenation of `parts`, hashed in place: the same digest as
 * `sha256` of the joined bytes without copying them (hot on every record and audit entry).
 */
export function sha256Hex(...parts: Uint8Array[]): string {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(part);
  return hash.digest('hex');
}

/** Overwrites a secret in place. JS strings cannot be wiped; keys are kept as bytes for this. */
export function wipe(bytes: Uint8Array | undefined): void {
  if (bytes && bytes.length > 0) lib().memzero(bytes);
}

/** Constant-time equality of two byte strings of equal length (false when lengths differ). */
export function constantTimeEqual(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && lib().memcmp(a, b);
}
