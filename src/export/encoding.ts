// Byte helpers shared by the export files.
const encoder = new TextEncoder();
// ignoreBOM keeps a leading U+FEFF in the text instead of silently dropping it: a BOM added to a
// bundle file is a changed byte and must fail the parse (minisign refuses it too).
const strictDecoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

export function utf8(text: string): Uint8Array {
  return encoder.encode(text);
}

/** Strict UTF-8 decoding: invalid sequences throw (a changed byte must not decode silently). */
export function fromUtf8(bytes: Uint8Array): string {
  return strictDecoder.decode(bytes);
}

export function toHex(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('hex');
}

const HEX = /^(?:[0-9a-f]{2})*$/;

/** Lower-case hex to bytes; undefined when the text is not exactly hex of `length` bytes. */
export function fromHex(text: string, length?: number): Uint8Array | undefined {
  if (!HEX.test(text)) return undefined;
  if (length !== undefined && text.length !== length * 2) return undefined;
  return Uint8Array.from(Buffer.from(text, 'hex'));
}

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/** Strict base64: undefined unless the text re-encodes to itself (no stray characters). */
export function fromBase64(text: string): Uint8Array | undefined {
  if (text.length % 4 !== 0 || !BASE64.test(text)) return undefined;
  const bytes = Buffer.from(text, 'base64');
  if (bytes.toString('base64') !== text) return undefined;
  return Uint8Array.from(bytes);
}

export function toBase64(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');
}

export function concatBytes(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let offset = 0;
  for (const p of parts) {
    out.set(p, offset);
    offset += p.length;
  }
  return out;
}

export function bytesEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** "ABCD EF01 ..." groups of four upper-case hex digits, for reading aloud. */
export function groupHex(hex: string): string {
  return (hex.toUpperCase().match(/.{1,4}/g) ?? []).join(' ');
}
