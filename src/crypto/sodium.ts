// The only module that imports libsodium. The sumo build is required: the plain build has no
// crypto_pwhash (Argon2id) at run time even though its types declare it.
import sodium from 'libsodium-wrappers-sumo';
import { CryptoError } from './errors';

let isReady = false;
let readyPromise: Promise<void> | undefined;

/** Loads the WASM module once; every other function in src/crypto needs it to have resolved. */
export function initCrypto(): Promise<void> {
  readyPromise ??= sodium.ready.then(() => {
    isReady = true;
  });
  return readyPromise;
}

export function lib(): typeof sodium {
  if (!isReady) throw new CryptoError('NOT_READY', 'Cryptography is not initialised yet');
  return sodium;
}

export function expectLength(name: string, bytes: Uint8Array, length: number): void {
  if (!(bytes instanceof Uint8Array) || bytes.length !== length) {
    throw new CryptoError('BAD_INPUT', `${name} must be ${length} bytes`);
  }
}
