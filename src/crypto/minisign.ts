// The minisign file formats (https://jedisct1.github.io/minisign/), encoded and parsed here with
// src/crypto's Ed25519 and BLAKE2b so that a prosecutor can check a bundle with the stock
// `minisign -Vm SHA256SUMS -P <key>`. Only the prehashed algorithm ("ED": Ed25519 over
// BLAKE2b-512 of the file) is produced; the legacy "Ed" signatures are refused by the parser,
// as current minisign does, so one algorithm is all the verifier has to reason about.
// It lives in src/crypto because the vault signs with it too (the centre key, the staff key list).
import { CryptoError } from './errors';
import { blake2b } from './hash';
import { sha256 } from './random';
import { signDetached, signKeyPairFromSeed, verifyDetached } from './sign';

const encoder = new TextEncoder();
const utf8 = (text: string): Uint8Array => encoder.encode(text);
const toHex = (bytes: Uint8Array): string =>
  Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('hex');
const toBase64 = (bytes: Uint8Array): string =>
  Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');

function concatBytes(...parts: Uint8Array[]): Uint8Array {
  return Uint8Array.from(Buffer.concat(parts));
}

export function bytesEqual(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((v, i) => v === b[i]);
}

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/** Strict base64: undefined unless the text re-encodes to itself (no stray characters). */
function fromBase64(text: string): Uint8Array | undefined {
  if (text.length % 4 !== 0 || !BASE64.test(text)) return undefined;
  const bytes = Buffer.from(text, 'base64');
  if (bytes.toString('base64') !== text) return undefined;
  return Uint8Array.from(bytes);
}

/** "ABCD EF01 ..." groups of four upper-case hex digits, for reading aloud. */
export function groupHex(hex: string): string {
  return (hex.toUpperCase().match(/.{1,4}/g) ?? []).join(' ');
}

const KEY_ALG = utf8('Ed'); // public and secret keys
const SIG_ALG_PREHASHED = utf8('ED');
const CHK_ALG = utf8('B2');
const KEY_ID_BYTES = 8;
/** minisign reads comment lines into fixed buffers; longer lines would be refused by it. */
export const MAX_UNTRUSTED_COMMENT = 1000;
export const MAX_TRUSTED_COMMENT = 8000;

export interface MinisignPublicKey {
  keyId: Uint8Array; // 8 bytes
  publicKey: Uint8Array; // 32 bytes Ed25519
}

export interface MinisignSignature {
  untrustedComment: string;
  keyId: Uint8Array;
  signature: Uint8Array; // 64 bytes, over BLAKE2b-512(message)
  trustedComment: string;
  globalSignature: Uint8Array; // 64 bytes, over signature || trustedComment
}

export class MinisignError extends Error {
  override name = 'MinisignError';
}

/** minisign prints a key id as the upper-case hex of its little-endian 64-bit value. */
export function keyIdText(keyId: Uint8Array): string {
  return toHex(Uint8Array.from(keyId).reverse()).toUpperCase();
}

/** A stable key id for a Hearth user key, derived from the public key itself. */
export function deriveKeyId(publicKey: Uint8Array): Uint8Array {
  return blake2b(concatBytes(utf8('hearth.minisign-keyid.v1'), publicKey), 32).slice(
    0,
    KEY_ID_BYTES,
  );
}

/** Fingerprint for out-of-band comparison: SHA-256 of the raw key, first 160 bits, grouped. */
export function keyFingerprint(publicKey: Uint8Array): string {
  return groupHex(toHex(sha256(publicKey)).slice(0, 40));
}

function lines(text: string): string[] {
  // Tolerate CRLF (a key mailed through Windows) but nothing else.
  return text.replace(/\r\n/g, '\n').replace(/\n+$/, '').split('\n');
}

export function encodePublicKey(key: MinisignPublicKey): string {
  return (
    `untrusted comment: minisign public key ${keyIdText(key.keyId)}\n` +
    `${toBase64(concatBytes(KEY_ALG, key.keyId, key.publicKey))}\n`
  );
}

/** Parses a public key file's text, or the bare base64 line (as `minisign -P` takes it). */
export function parsePublicKey(text: string): MinisignPublicKey {
  const all = lines(text.trim());
  let line: string | undefined;
  if (all.length === 1) line = all[0];
  else if (all.length === 2 && all[0]?.startsWith('untrusted comment:')) line = all[1];
  if (line === undefined) throw new MinisignError('Not a minisign public key');
  const raw = fromBase64(line.trim());
  if (!raw || raw.length !== 42 || !bytesEqual(raw.subarray(0, 2), KEY_ALG)) {
    throw new MinisignError('Not a minisign Ed25519 public key');
  }
  return { keyId: raw.slice(2, 10), publicKey: raw.slice(10, 42) };
}

export function signMessage(
  message: Uint8Array,
  secretKey: Uint8Array,
  keyId: Uint8Array,
  untrustedComment: string,
  trustedComment: string,
): string {
  checkComment(untrustedComment, MAX_UNTRUSTED_COMMENT);
  checkComment(trustedComment, MAX_TRUSTED_COMMENT);
  const signature = signDetached(blake2b(message, 64), secretKey);
  const globalSignature = signDetached(concatBytes(signature, utf8(trustedComment)), secretKey);
  return (
    `untrusted comment: ${untrustedComment}\n` +
    `${toBase64(concatBytes(SIG_ALG_PREHASHED, keyId, signature))}\n` +
    `trusted comment: ${trustedComment}\n` +
    `${toBase64(globalSignature)}\n`
  );
}

function checkComment(comment: string, max: number): void {
  if (/[\r\n]/.test(comment) || utf8(comment).length > max) {
    throw new MinisignError('A minisign comment must be one line of limited length');
  }
}

/** Strict parse of a .minisig file: exactly four lines, LF-terminated, prehashed algorithm. */
export function parseSignature(text: string): MinisignSignature {
  if (!text.endsWith('\n') || text.includes('\r'))
    throw new MinisignError('Malformed signature file');
  const parts = text.slice(0, -1).split('\n');
  if (parts.length !== 4) throw new MinisignError('A signature file has exactly four lines');
  const [c1, s1, c2, s2] = parts as [string, string, string, string];
  if (!c1.startsWith('untrusted comment: ') || !c2.startsWith('trusted comment: ')) {
    throw new MinisignError('Signature comments are missing');
  }
  const sig = fromBase64(s1);
  const global = fromBase64(s2);
  if (!sig || sig.length !== 74 || !global || global.length !== 64) {
    throw new MinisignError('Signature lines are not valid');
  }
  if (!bytesEqual(sig.subarray(0, 2), SIG_ALG_PREHASHED)) {
    throw new MinisignError('Only prehashed (ED) minisign signatures are accepted');
  }
  return {
    untrustedComment: c1.slice('untrusted comment: '.length),
    keyId: sig.slice(2, 10),
    signature: sig.slice(10, 74),
    trustedComment: c2.slice('trusted comment: '.length),
    globalSignature: global,
  };
}

export type MinisignVerdict =
  | { ok: true; trustedComment: string }
  | { ok: false; reason: 'KEY_ID' | 'SIGNATURE' | 'GLOBAL_SIGNATURE' };

/** Checks both signatures as `minisign -V` does, against one trusted key. Never throws for bad input. */
export function verifySignature(
  message: Uint8Array,
  sig: MinisignSignature,
  key: MinisignPublicKey,
): MinisignVerdict {
  if (!bytesEqual(sig.keyId, key.keyId)) return { ok: false, reason: 'KEY_ID' };
  try {
    verifyDetached(sig.signature, blake2b(message, 64), key.publicKey);
  } catch (error) {
    if (error instanceof CryptoError) return { ok: false, reason: 'SIGNATURE' };
    throw error;
  }
  try {
    verifyDetached(
      sig.globalSignature,
      concatBytes(sig.signature, utf8(sig.trustedComment)),
      key.publicKey,
    );
  } catch (error) {
    if (error instanceof CryptoError) return { ok: false, reason: 'GLOBAL_SIGNATURE' };
    throw error;
  }
  return { ok: true, trustedComment: sig.trustedComment };
}

/**
 * An unencrypted minisign secret key file (`minisign -G -W`): returns the key id and the 64-byte
 * Ed25519 secret key. Password-protected keys are refused: their KDF is scrypt, which Hearth
 * does not carry.
 */
export function parseSecretKey(text: string): { keyId: Uint8Array; secretKey: Uint8Array } {
  const all = lines(text.trim());
  const raw = fromBase64((all.length === 2 ? all[1] : all[0])?.trim() ?? '');
  if (!raw || raw.length !== 158 || !bytesEqual(raw.subarray(0, 2), KEY_ALG)) {
    throw new MinisignError('Not a minisign secret key');
  }
  if (raw[2] !== 0 || raw[3] !== 0) {
    throw new MinisignError('Password-protected minisign keys are not supported');
  }
  if (!bytesEqual(raw.subarray(4, 6), CHK_ALG)) throw new MinisignError('Unknown checksum');
  const keyId = raw.slice(54, 62);
  const secretKey = raw.slice(62, 126);
  const chk = raw.subarray(126, 158);
  // minisign 0.11 leaves the checksum zeroed for unencrypted (-W) keys; older ones fill it in.
  const unchecked = chk.every((b) => b === 0);
  if (!unchecked && !bytesEqual(blake2b(concatBytes(KEY_ALG, keyId, secretKey), 32), chk)) {
    throw new MinisignError('Secret key checksum does not match');
  }
  if (!bytesEqual(signKeyPairFromSeed(secretKey.slice(0, 32)).publicKey, secretKey.subarray(32)))
    throw new MinisignError('Secret key is inconsistent');
  return { keyId, secretKey };
}
