// Confidential bundles: the whole signed bundle (packed by archive.ts) encrypted as one file,
// to a recipient's X25519 public key (a sealed box carries a random file key) or to a
// passphrase (Argon2id wraps the file key). The content is a secretstream: a truncated file
// fails at TAG_FINAL instead of yielding a shorter bundle.
//
// Layout: "HEARTHX1" | mode (1 = recipient, 2 = passphrase) | key block | stream header (24) |
// chunks, each u32 LE length + ciphertext. Key block: mode 1, sealed box of the 32-byte file key
// (80 bytes); mode 2, salt (16) | ops u32 LE | memory bytes u32 LE | nonce (24) | wrapped key (48).
import {
  aeadDecrypt,
  aeadEncrypt,
  ARGON2_SALT_BYTES,
  createStreamDecryptor,
  createStreamEncryptor,
  CryptoError,
  deriveKeyFromPassphrase,
  generateBoxKeyPair,
  openSealed,
  randomBytes,
  sealTo,
  sha256,
  wipe,
  type Argon2Params,
  type BoxKeyPair,
} from '../crypto';
import { concatBytes, groupHex, toHex, utf8 } from './encoding';
import { BundleError } from './errors';

const MAGIC = 'HEARTHX1';
const CHUNK = 1024 * 1024;
const SEALED_KEY_BYTES = 32 + 48;
const STREAM_HEADER_BYTES = 24;
const MiB = 1024 * 1024;
/** Default for bundles sent to a passphrase: a prosecutor's machine, about a second. */
export const BUNDLE_ARGON2: Argon2Params = { opsLimit: 3, memLimitBytes: 256 * MiB };
export const ENCRYPTED_EXTENSION = '.hearth-sealed';

export type EncryptTo =
  | { kind: 'recipient'; publicKey: Uint8Array }
  | { kind: 'passphrase'; passphrase: string; params?: Argon2Params };

export type DecryptWith =
  { kind: 'identity'; keyPair: BoxKeyPair } | { kind: 'passphrase'; passphrase: string };

const u32 = (n: number) => {
  const b = new Uint8Array(4);
  new DataView(b.buffer).setUint32(0, n, true);
  return b;
};

function passphraseAd(salt: Uint8Array): Uint8Array {
  return concatBytes(utf8('hearth.bundle-passphrase.v1'), salt);
}

export function isEncryptedBundle(bytes: Uint8Array): boolean {
  return bytes.length >= 8 && Buffer.from(bytes.subarray(0, 8)).toString('latin1') === MAGIC;
}

export function encryptBundle(plaintext: Uint8Array, to: EncryptTo): Uint8Array {
  const fileKey = randomBytes(32);
  try {
    let keyBlock: Uint8Array;
    if (to.kind === 'recipient') {
      keyBlock = concatBytes(Uint8Array.of(1), sealTo(to.publicKey, fileKey));
    } else {
      const params = to.params ?? BUNDLE_ARGON2;
      const salt = randomBytes(ARGON2_SALT_BYTES);
      const kek = deriveKeyFromPassphrase(to.passphrase, salt, params);
      try {
        const wrapped = aeadEncrypt(kek, fileKey, passphraseAd(salt));
        keyBlock = concatBytes(
          Uint8Array.of(2),
          salt,
          u32(params.opsLimit),
          u32(params.memLimitBytes),
          wrapped.nonce,
          wrapped.ciphertext,
        );
      } finally {
        wipe(kek);
      }
    }
    const stream = createStreamEncryptor(fileKey);
    const parts: Uint8Array[] = [utf8(MAGIC), keyBlock, stream.header];
    for (let offset = 0; ; offset += CHUNK) {
      const end = Math.min(plaintext.length, offset + CHUNK);
      const final = end === plaintext.length;
      const chunk = stream.push(plaintext.subarray(offset, end), final);
      parts.push(u32(chunk.length), chunk);
      if (final) break;
    }
    return concatBytes(...parts);
  } finally {
    wipe(fileKey);
  }
}

/** Decrypts; throws BundleError('DECRYPT_FAILED' | 'BAD_FORMAT') for anything wrong. */
export function decryptBundle(bytes: Uint8Array, using: DecryptWith): Uint8Array {
  if (!isEncryptedBundle(bytes))
    throw new BundleError('BAD_FORMAT', 'Not an encrypted Hearth bundle');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const truncated = () => new BundleError('DECRYPT_FAILED', 'The encrypted bundle is truncated');
  const mode = bytes[8];
  let offset = 9;
  let fileKey: Uint8Array;
  try {
    if (mode === 1) {
      if (using.kind !== 'identity')
        throw new BundleError(
          'DECRYPT_FAILED',
          'This bundle is encrypted to a recipient key: give the identity file',
        );
      if (bytes.length < offset + SEALED_KEY_BYTES) throw truncated();
      fileKey = openSealed(bytes.subarray(offset, offset + SEALED_KEY_BYTES), using.keyPair);
      offset += SEALED_KEY_BYTES;
    } else if (mode === 2) {
      if (using.kind !== 'passphrase')
        throw new BundleError(
          'DECRYPT_FAILED',
          'This bundle is encrypted to a passphrase: give the passphrase',
        );
      if (bytes.length < offset + 16 + 8 + 24 + 48) throw truncated();
      const salt = bytes.slice(offset, offset + 16);
      const params = {
        opsLimit: view.getUint32(offset + 16, true),
        memLimitBytes: view.getUint32(offset + 20, true),
      };
      const nonce = bytes.slice(offset + 24, offset + 48);
      const wrapped = bytes.slice(offset + 48, offset + 96);
      offset += 96;
      const kek = deriveKeyFromPassphrase(using.passphrase, salt, params);
      try {
        fileKey = aeadDecrypt(kek, nonce, wrapped, passphraseAd(salt));
      } finally {
        wipe(kek);
      }
    } else {
      throw new BundleError('BAD_FORMAT', 'Unknown encryption mode');
    }
  } catch (error) {
    if (error instanceof BundleError) throw error;
    if (error instanceof CryptoError)
      throw new BundleError(
        'DECRYPT_FAILED',
        error.code === 'KDF_PARAMS_OUT_OF_RANGE'
          ? 'The encrypted bundle asks for out-of-range key derivation parameters (altered)'
          : 'The bundle could not be decrypted: wrong identity or passphrase, or the file was altered',
      );
    throw error;
  }
  try {
    if (bytes.length < offset + STREAM_HEADER_BYTES) throw truncated();
    const stream = createStreamDecryptor(
      fileKey,
      bytes.subarray(offset, offset + STREAM_HEADER_BYTES),
    );
    offset += STREAM_HEADER_BYTES;
    const out: Uint8Array[] = [];
    while (offset < bytes.length) {
      if (offset + 4 > bytes.length) throw truncated();
      const length = view.getUint32(offset, true);
      offset += 4;
      if (offset + length > bytes.length) throw truncated();
      out.push(stream.pull(bytes.subarray(offset, offset + length)));
      offset += length;
    }
    stream.finish();
    return concatBytes(...out);
  } catch (error) {
    if (error instanceof BundleError) throw error;
    if (error instanceof CryptoError)
      throw new BundleError(
        'DECRYPT_FAILED',
        error.code === 'STREAM_TRUNCATED'
          ? 'The encrypted bundle is truncated'
          : 'The encrypted bundle was altered (authentication failed)',
      );
    throw error;
  } finally {
    wipe(fileKey);
  }
}

// Recipient keys and identities (X25519). Text files, so they can be mailed and compared.
const RECIPIENT_PREFIX = 'hearth-recipient:';
const IDENTITY_PREFIX = 'hearth-identity:';

export function encodeRecipientKey(publicKey: Uint8Array, label: string): string {
  return `untrusted comment: hearth recipient public key ${label.replace(/[\r\n]/g, ' ')}\n${RECIPIENT_PREFIX}${Buffer.from(publicKey).toString('base64')}\n`;
}

function base64Exact(text: string, length: number): Uint8Array | undefined {
  const bytes = Buffer.from(text, 'base64');
  return bytes.length === length && bytes.toString('base64') === text
    ? Uint8Array.from(bytes)
    : undefined;
}

/** The key from a recipient key file's text (or the bare "hearth-recipient:..." line). */
export function parseRecipientKey(text: string): Uint8Array | undefined {
  const line = text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .find((l) => l.startsWith(RECIPIENT_PREFIX));
  return line === undefined ? undefined : base64Exact(line.slice(RECIPIENT_PREFIX.length), 32);
}

export function encodeIdentity(keyPair: BoxKeyPair): string {
  return (
    '# Hearth identity: the X25519 secret key that opens bundles sent to you. Keep it private.\n' +
    `# public key: ${RECIPIENT_PREFIX}${Buffer.from(keyPair.publicKey).toString('base64')}\n` +
    `${IDENTITY_PREFIX}${Buffer.from(concatBytes(keyPair.secretKey, keyPair.publicKey)).toString('base64')}\n`
  );
}

export function parseIdentity(text: string): BoxKeyPair | undefined {
  const line = text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .find((l) => l.startsWith(IDENTITY_PREFIX));
  const raw = line === undefined ? undefined : base64Exact(line.slice(IDENTITY_PREFIX.length), 64);
  return raw ? { secretKey: raw.slice(0, 32), publicKey: raw.slice(32) } : undefined;
}

/** Fingerprint of a recipient key for out-of-band confirmation (same form as signer keys). */
export function recipientFingerprint(publicKey: Uint8Array): string {
  return groupHex(toHex(sha256(publicKey)).slice(0, 40));
}

/** Which key opens an encrypted bundle's bytes, or undefined when they are not one. */
export function encryptionMode(bytes: Uint8Array): 'recipient' | 'passphrase' | undefined {
  if (!isEncryptedBundle(bytes)) return undefined;
  return bytes[8] === 1 ? 'recipient' : bytes[8] === 2 ? 'passphrase' : undefined;
}

/** A new identity for a prosecutor's office: the secret file text and the public key to hand out. */
export function generateIdentity(label: string): {
  identity: string;
  recipientKey: string;
  fingerprint: string;
} {
  const pair = generateBoxKeyPair();
  try {
    return {
      identity: encodeIdentity(pair),
      recipientKey: encodeRecipientKey(pair.publicKey, label),
      fingerprint: recipientFingerprint(pair.publicKey),
    };
  } finally {
    wipe(pair.secretKey);
  }
}
