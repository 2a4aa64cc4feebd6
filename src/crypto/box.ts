// Anonymous sealed boxes (X25519 + XSalsa20-Poly1305): encrypt a small file key to a recipient's
// public key without revealing the sender.
import { CryptoError } from './errors';
import { expectLength, lib } from './sodium';

export interface BoxKeyPair {
  publicKey: Uint8Array; // 32 bytes
  secretKey: Uint8Array; // 32 bytes
}

export function generateBoxKeyPair(): BoxKeyPair {
  const { publicKey, privateKey } = lib().crypto_box_keypair();
  return { publicKey, secretKey: privateKey };
}

export function sealTo(recipientPublicKey: Uint8Array, message: Uint8Array): Uint8Array {
  expectLength('recipient public key', recipientPublicKey, 32);
  return lib().crypto_box_seal(message, recipientPublicKey);
}

export function openSealed(sealed: Uint8Array, keyPair: BoxKeyPair): Uint8Array {
  expectLength('public key', keyPair.publicKey, 32);
  expectLength('secret key', keyPair.secretKey, 32);
  try {
    return lib().crypto_box_seal_open(sealed, keyPair.publicKey, keyPair.secretKey);
  } catch {
    throw new CryptoError('DECRYPT_FAILED', 'Sealed box could not be opened with this key');
  }
}

/**
 * The key pair of a 32-byte X25519 secret key (crypto_scalarmult_base), so a wrapped random
 * secret can serve as a sealed-box recipient: its public half is derived, never stored alone.
 */
export function boxKeyPairFromSecret(secretKey: Uint8Array): BoxKeyPair {
  expectLength('secret key', secretKey, 32);
  return { publicKey: lib().crypto_scalarmult_base(secretKey), secretKey };
}
