// XChaCha20-Poly1305 (IETF) with associated data. The 24-byte nonce is random per message, which
// is safe with XChaCha's nonce size; the associated data binds a ciphertext to where it belongs.
import { CryptoError } from './errors';
import { randomBytes } from './random';
import { expectLength, lib } from './sodium';

export const AEAD_KEY_BYTES = 32;
export const AEAD_NONCE_BYTES = 24;

export interface Sealed {
  nonce: Uint8Array; // 24 bytes
  ciphertext: Uint8Array; // plaintext length + 16-byte tag
}

/** key: 32 bytes; plaintext and associatedData: bytes (UTF-8 encode strings first). */
export function aeadEncrypt(
  key: Uint8Array,
  plaintext: Uint8Array,
  associatedData: Uint8Array,
): Sealed {
  expectLength('key', key, AEAD_KEY_BYTES);
  const nonce = randomBytes(AEAD_NONCE_BYTES);
  return { nonce, ciphertext: aeadEncryptWithNonce(key, nonce, plaintext, associatedData) };
}

/** Deterministic form for known-answer tests only; callers must never reuse a nonce. */
export function aeadEncryptWithNonce(
  key: Uint8Array,
  nonce: Uint8Array,
  plaintext: Uint8Array,
  associatedData: Uint8Array,
): Uint8Array {
  expectLength('key', key, AEAD_KEY_BYTES);
  expectLength('nonce', nonce, AEAD_NONCE_BYTES);
  return lib().crypto_aead_xchacha20poly1305_ietf_encrypt(
    plaintext,
    associatedData,
    null,
    nonce,
    key,
  );
}

/** Throws CryptoError('DECRYPT_FAILED') when the key, nonce, associated data or bytes are wrong. */
export function aeadDecrypt(
  key: Uint8Array,
  nonce: Uint8Array,
  ciphertext: Uint8Array,
  associatedData: Uint8Array,
): Uint8Array {
  expectLength('key', key, AEAD_KEY_BYTES);
  expectLength('nonce', nonce, AEAD_NONCE_BYTES);
  try {
    return lib().crypto_aead_xchacha20poly1305_ietf_decrypt(
      null,
      ciphertext,
      associatedData,
      nonce,
      key,
    );
  } catch {
    throw new CryptoError(
      'DECRYPT_FAILED',
      'Authentication failed: the data was altered or the key is wrong',
    );
  }
}
