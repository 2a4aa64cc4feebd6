// Ed25519 signatures (crypto_sign_*). Verification returns false in libsodium; here it throws.
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

/** Throws CryptoError('BAD_SIGNATURE') unless signature is valid for message under publicKey. */
export function verifyDetached(
  signature: Uint8Array,
  message: Uint8Array,
  publicKey: Uint8Array,
): void {
  expectLength('public key', publicKey, 32);
  if (signature.length !== 64) throw new CryptoError('BAD_SIGNATURE', 'Signature must be 64 bytes');
  let valid = false;
  try {
    valid = lib().crypto_sign_verify_detached(signature, message, publicKey);
  } catch {
    valid = false;
  }
  if (!valid)
    throw new CryptoError('BAD_SIGNATURE', 'Signature does not match the message and key');
}
