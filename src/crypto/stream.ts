// secretstream (XChaCha20-Poly1305 chunked). A stream is complete only when its last chunk
// carries TAG_FINAL: libsodium happily decrypts a truncated stream, so the decryptor tracks it.
import { CryptoError } from './errors';
import { expectLength, lib } from './sodium';

export const STREAM_KEY_BYTES = 32;

export interface StreamEncryptor {
  header: Uint8Array;
  /** Encrypts one chunk; pass final=true for the last chunk (exactly once). */
  push(chunk: Uint8Array, final: boolean): Uint8Array;
}

export function createStreamEncryptor(key: Uint8Array): StreamEncryptor {
  expectLength('key', key, STREAM_KEY_BYTES);
  const s = lib();
  const { state, header } = s.crypto_secretstream_xchacha20poly1305_init_push(key);
  let finished = false;
  return {
    header,
    push(chunk, final) {
      if (finished) throw new CryptoError('BAD_INPUT', 'Stream already finished');
      finished = final;
      const tag = final
        ? s.crypto_secretstream_xchacha20poly1305_TAG_FINAL
        : s.crypto_secretstream_xchacha20poly1305_TAG_MESSAGE;
      return s.crypto_secretstream_xchacha20poly1305_push(state, chunk, null, tag);
    },
  };
}

export interface StreamDecryptor {
  /** Decrypts the next encrypted chunk, in order. */
  pull(encryptedChunk: Uint8Array): Uint8Array;
  /** Throws STREAM_TRUNCATED unless the final chunk has been pulled. */
  finish(): void;
}

export const STREAM_CHUNK_OVERHEAD = 17;

export function createStreamDecryptor(key: Uint8Array, header: Uint8Array): StreamDecryptor {
  expectLength('key', key, STREAM_KEY_BYTES);
  const s = lib();
  expectLength('stream header', header, s.crypto_secretstream_xchacha20poly1305_HEADERBYTES);
  let state: ReturnType<typeof s.crypto_secretstream_xchacha20poly1305_init_pull>;
  try {
    state = s.crypto_secretstream_xchacha20poly1305_init_pull(header, key);
  } catch {
    throw new CryptoError('DECRYPT_FAILED', 'Stream header is invalid');
  }
  let sawFinal = false;
  return {
    pull(encryptedChunk) {
      if (sawFinal)
        throw new CryptoError('DECRYPT_FAILED', 'Data found after the end of the stream');
      let result: { message: Uint8Array; tag: number } | false;
      try {
        result = s.crypto_secretstream_xchacha20poly1305_pull(state, encryptedChunk, null);
      } catch {
        result = false;
      }
      if (!result) throw new CryptoError('DECRYPT_FAILED', 'Stream chunk failed authentication');
      sawFinal = result.tag === s.crypto_secretstream_xchacha20poly1305_TAG_FINAL;
      return result.message;
    },
    finish() {
      if (!sawFinal)
        throw new CryptoError('STREAM_TRUNCATED', 'Stream ended before its final chunk');
    },
  };
}
