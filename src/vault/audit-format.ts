// The plaintext inside an audit row's two ciphertexts (red team round 13, R13-6). Before, each was
// the JSON and nothing else, so with the file alone the body length told a read (`cases.get`,
// 133 bytes) from an unlock (117) or a lock (85), and the reference list's length told a read (an
// empty list, 18 bytes) from each kind of write (a case with an allegation, 395; a session
// start, 423): a per-signer timeline of what each person did, although README said the action
// was hidden. An entry is now written as format 1, like a record (record-format.ts): the byte
// 0x01, the JSON, then a pad (src/crypto/pad.ts) to at least a fixed floor and above that to its
// Padmé length. The floors are above every body and reference list the app writes for its common
// actions (measured in tests/integration/vault/audit-sizes.test.ts), so those all seal to one
// size. Entries written before are read as they are: JSON never begins with 0x01, and the
// format byte sits inside the authenticated plaintext; nothing about how an old entry is chained,
// signed or checked changes (the MAC and the signature cover the ciphertext either way).
import { pad, unpad } from '../crypto';
import { fromUtf8, utf8 } from './encoding';

/** The first plaintext byte of a padded (format 1) audit body or reference list. */
const PADDED_V1 = 0x01;

/**
 * Floors (plaintext bytes, format byte and pad included). Bodies (action, actor, time, target,
 * detail) of the app's actions measure 85-200 bytes; reference lists 2 (a read) to about 430
 * (a session start with its blind index) and grow by about 140 bytes per record written.
 * Changing a floor changes what a strict reader accepts: it needs a new format byte.
 */
export const AUDIT_PAD_FLOORS = { body: 256, refs: 512 } as const;

/** Which of an audit row's two ciphertexts a plaintext belongs to. */
export type AuditPart = keyof typeof AUDIT_PAD_FLOORS;

/** The plaintext an audit body or reference list holding `value` is sealed as (format 1). */
export function encodeAuditPlaintext(part: AuditPart, value: unknown): Uint8Array {
  const json = utf8(JSON.stringify(value));
  const content = new Uint8Array(json.length + 1);
  content[0] = PADDED_V1;
  content.set(json, 1);
  return pad(content, AUDIT_PAD_FLOORS[part]);
}

/**
 * The value of an authenticated audit plaintext: format 1 unpadded strictly (CryptoError when
 * the pad is not what encodeAuditPlaintext makes), or an entry from before padding as it was.
 * Throws SyntaxError when the JSON does not parse.
 */
export function decodeAuditPlaintext(part: AuditPart, plaintext: Uint8Array): unknown {
  if (plaintext[0] !== PADDED_V1) return JSON.parse(fromUtf8(plaintext));
  return JSON.parse(fromUtf8(unpad(plaintext, AUDIT_PAD_FLOORS[part]).subarray(1)));
}
