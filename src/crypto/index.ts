// Public surface of src/crypto. Encodings: every key, nonce, salt, message and signature is a
// Uint8Array of raw bytes; strings appear only as passphrases (UTF-8, NFC) and KDF contexts.
export { CryptoError, type CryptoErrorCode } from './errors';
export { initCrypto } from './sodium';
export { randomBytes, sha256, sha256Hex, wipe, constantTimeEqual } from './random';
export {
  aeadEncrypt,
  aeadEncryptWithNonce,
  aeadDecrypt,
  AEAD_KEY_BYTES,
  AEAD_NONCE_BYTES,
  type Sealed,
} from './aead';
export {
  deriveKeyFromPassphrase,
  chooseArgon2Params,
  assertArgon2Params,
  verifyArgon2idEncoded,
  ARGON2_LIMITS,
  ARGON2_OPS,
  ARGON2_SALT_BYTES,
  ARGON2_MEMORY_CHOICES,
  type Argon2Params,
} from './argon2';
export { blake2b, deriveSubkey, KDF_CONTEXT_BYTES } from './hash';
export { sha256File } from './file-hash';
export {
  generateSignKeyPair,
  signKeyPairFromSeed,
  signDetached,
  verifyDetached,
  type SignKeyPair,
} from './sign';
export {
  createVerifyPool,
  verifiesInline,
  type DeferredVerifier,
  type VerifyJob,
} from './verify-pool';
export {
  generateBoxKeyPair,
  boxKeyPairFromSecret,
  sealTo,
  openSealed,
  type BoxKeyPair,
} from './box';
export {
  createStreamEncryptor,
  createStreamDecryptor,
  STREAM_KEY_BYTES,
  STREAM_CHUNK_OVERHEAD,
  type StreamEncryptor,
  type StreamDecryptor,
} from './stream';
export {
  encodePublicKey,
  parsePublicKey,
  parseSignature,
  parseSecretKey,
  signMessage,
  verifySignature,
  deriveKeyId,
  keyIdText,
  keyFingerprint,
  MinisignError,
  type MinisignPublicKey,
  type MinisignSignature,
  type MinisignVerdict,
} from './minisign';
export { pad, unpad, padmeLength, paddedLength } from './pad';
