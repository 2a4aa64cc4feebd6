// BLAKE2b (libsodium generichash), plain and keyed, and KDF subkeys from a master key.
import { CryptoError } from './errors';
import { expectLength, lib } from './sodium';

/** BLAKE2b of data; outLength 16..64 bytes; key (optional) 16..64 bytes makes it a MAC. */
export function blake2b(data: Uint8Array, outLength = 32, key?: Uint8Array): Uint8Array {
  const s = lib();
  if (outLength < s.crypto_generichash_BYTES_MIN || outLength > s.crypto_generichash_BYTES_MAX) {
    throw new CryptoError('BAD_INPUT', 'BLAKE2b output length out of range');
  }
  if (
    key &&
    (key.length < s.crypto_generichash_KEYBYTES_MIN ||
      key.length > s.crypto_generichash_KEYBYTES_MAX)
  ) {
    throw new CryptoError('BAD_INPUT', 'BLAKE2b key length out of range');
  }
  return s.crypto_generichash(outLength, data, key ?? null);
}

export const KDF_CONTEXT_BYTES = 8;

/**
 * A 32-byte subkey of a 32-byte master key (crypto_kdf_derive_from_key). `context` is exactly
 * 8 ASCII characters naming the purpose family; `subkeyId` names the purpose within it.
 */
export function deriveSubkey(masterKey: Uint8Array, subkeyId: number, context: string): Uint8Array {
  expectLength('master key', masterKey, 32);
  if (context.length !== KDF_CONTEXT_BYTES || !/^[\x20-\x7e]+$/.test(context)) {
    throw new CryptoError('BAD_INPUT', 'KDF context must be 8 printable ASCII characters');
  }
  if (!Number.isSafeInteger(subkeyId) || subkeyId < 0) {
    throw new CryptoError('BAD_INPUT', 'KDF subkey id must be a non-negative integer');
  }
  return lib().crypto_kdf_derive_from_key(32, subkeyId, context, masterKey);
}
