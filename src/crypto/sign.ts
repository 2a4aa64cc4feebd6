// Ed25519 signatures (crypto_sign_*). Verification returns false in libsodium; here it throws.
// Signing uses libsodium; verification computes the same function natively (see verifyDetached).
import { createPublicKey, verify as nativeVerify, type KeyObject } from 'node:crypto';
import { CryptoError } from './errors';
import { expectLength, lib } from './sodium';

export interface SignKeyPair {
  publicKey: Uint8Array; // 32 bytes
  secretKey: Uint8Array; // 64 bytes (seed || public key)
}

export function generateSignKeyPair(): SignKeyPair {
  const { publicKey, privateKey } = lib().crypto_sign_keypair();
  return { publicKey, secretKey: privateKey };
}

/** seed: 32 bytes (RFC 8032's "secret key"). */
export function signKeyPairFromSeed(seed: Uint8Array): SignKeyPair {
  expectLength('seed', seed, 32);
  const { publicKey, privateKey } = lib().crypto_sign_seed_keypair(seed);
  return { publicKey, secretKey: privateKey };
}

export function signDetached(message: Uint8Array, secretKey: Uint8Array): Uint8Array {
  expectLength('secret key', secretKey, 64);
  return lib().crypto_sign_detached(message, secretKey);
}

/**
 * Throws CryptoError('BAD_SIGNATURE') unless signature (64 bytes) is valid for message under
 * publicKey (32 bytes), by exactly libsodium's rules for crypto_sign_verify_detached (Ed25519,
 * RFC 8032, cofactorless, plus: S canonical (< L), R not of small order, the public key
 * canonical and not of small order).
 *
 * Computed with node:crypto's native Ed25519 (OpenSSL, several times faster than libsodium's
 * WASM build, which a vault check calls once per audit entry), with libsodium's extra rules
 * applied around it: OpenSSL checks the same equation and S < L, but not the small-order rules,
 * so R is checked here against libsodium's own list, and each public key is accepted only after
 * libsodium itself has verified one signature under it (its key rules then hold for the key).
 * tests/unit/crypto/sign-native.test.ts compares both on vectors and edge cases.
 */
export function verifyDetached(
  signature: Uint8Array,
  message: Uint8Array,
  publicKey: Uint8Array,
): void {
  expectLength('public key', publicKey, 32);
  if (signature.length !== 64) throw new CryptoError('BAD_SIGNATURE', 'Signature must be 64 bytes');
  const keyHex = Buffer.from(publicKey).toString('hex');
  const vetted = vettedKeys.get(keyHex);
  const valid = vetted
    ? !hasSmallOrder(signature.subarray(0, 32)) &&
      isCanonicalScalar(signature.subarray(32)) &&
      nativeVerify(null, message, vetted, signature)
    : sodiumVerify(signature, message, publicKey);
  if (!valid)
    throw new CryptoError('BAD_SIGNATURE', 'Signature does not match the message and key');
  if (!vetted) vetKey(keyHex, publicKey);
}

function sodiumVerify(signature: Uint8Array, message: Uint8Array, publicKey: Uint8Array): boolean {
  try {
    return lib().crypto_sign_verify_detached(signature, message, publicKey);
  } catch {
    return false;
  }
}

/** Public keys libsodium has accepted a signature under, as node:crypto key objects. */
const vettedKeys = new Map<string, KeyObject>();
const VETTED_MAX = 4096;
/** DER prefix of an Ed25519 SubjectPublicKeyInfo (RFC 8410): the raw key follows. */
const ED25519_SPKI_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');

function vetKey(keyHex: string, publicKey: Uint8Array): void {
  if (vettedKeys.size >= VETTED_MAX) vettedKeys.clear();
  vettedKeys.set(
    keyHex,
    createPublicKey({
      key: Buffer.concat([ED25519_SPKI_PREFIX, publicKey]),
      format: 'der',
      type: 'spki',
    }),
  );
}

/**
 * libsodium's ge25519_has_small_order: the encodings (sign bit of x ignored) of the points of
 * order 1, 2, 4 and 8, and the non-canonical encodings p and p + 1 of two of them.
 */
const SMALL_ORDER = [
  '0000000000000000000000000000000000000000000000000000000000000000',
  '0100000000000000000000000000000000000000000000000000000000000000',
  '26e8958fc2b227b045c3f489f2ef98f0d5dfac05d3c63339b13802886d53fc05',
  'c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac037a',
  'ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f',
  'edffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f',
  'eeffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f',
].map((hex) => Buffer.from(hex, 'hex'));

function hasSmallOrder(point: Uint8Array): boolean {
  return SMALL_ORDER.some(
    (bad) =>
      (point[31]! & 0x7f) === bad[31] &&
      Buffer.compare(bad.subarray(0, 31), point.subarray(0, 31)) === 0,
  );
}

/** L = 2^252 + 27742317777372353535851937790883648493, little-endian. */
const L = Buffer.from('edd3f55c1a631258d69cf7a2def9de1400000000000000000000000000000010', 'hex');

/** libsodium's sc25519_is_canonical: the scalar S (little-endian) is below L. */
function isCanonicalScalar(s: Uint8Array): boolean {
  for (let i = 31; i >= 0; i--) {
    if (s[i]! < L[i]!) return true;
    if (s[i]! > L[i]!) return false;
  }
  return false;
}
