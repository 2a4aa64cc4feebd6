import { createHash, randomBytes as nodeRandomBytes } from 'node:crypto';
import { lib } from './sodium';

/**
 * Cryptographically secure random bytes. node:crypto is used because libsodium's
 * randombytes_buf costs tens of microseconds per call in the WASM build (measured), an order
 * of magnitude more than the OS CSPRNG through Node for nonce-sized requests.
 */
export function randomBytes(length: number): Uint8Array {
  const buf = nodeRandomBytes(length);
  return new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
}

/** SHA-256 of bytes; used where outside tools must agree (sha256sum, manifests). */
export function sha256(data: Uint8Array | string): Uint8Array {
  const digest = createHash('sha256').update(data).digest();
  return new Uint8Array(digest.buffer, digest.byteOffset, digest.byteLength);
}

/** Overwrites a secret in place. JS strings cannot be wiped; keys are kept as bytes for this. */
export function wipe(bytes: Uint8Array | undefined): void {
  if (bytes && bytes.length > 0) lib().memzero(bytes);
}

/** Constant-time equality of two byte strings of equal length (false when lengths differ). */
export function constantTimeEqual(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && lib().memcmp(a, b);
}
