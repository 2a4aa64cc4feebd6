// One error type for every cryptographic failure. libsodium signals failure in several ways
// (throwing, returning false, returning a stream tag); the wrappers turn all of them into this.
export type CryptoErrorCode =
  | 'NOT_READY' // initCrypto() has not completed
  | 'BAD_INPUT' // wrong key/nonce length or malformed encoding
  | 'DECRYPT_FAILED' // authentication failed: wrong key, wrong associated data or altered bytes
  | 'BAD_SIGNATURE'
  | 'STREAM_TRUNCATED' // a secretstream ended without its final tag
  | 'KDF_PARAMS_OUT_OF_RANGE'; // stored Argon2id parameters below the floor or above the ceiling

export class CryptoError extends Error {
  constructor(
    readonly code: CryptoErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'CryptoError';
  }
}
