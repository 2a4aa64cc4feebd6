// The plaintext inside a sealed record (red team round 11, R11-6). Before, it was the value's JSON
// and nothing else, so the ciphertext length (plaintext + 16) gave away the exact byte length of
// a committed observer's name, a case reference or a note to anyone holding the file. A record
// is now written as format 1: the byte 0x01, the JSON, then a pad (src/crypto/pad.ts) to at
// least its kind's floor and above that to its Padmé length. Records written before are read as
// they are: JSON never begins with 0x01, so the first byte tells the two apart, and the format
// byte sits inside the authenticated plaintext (a keyless attacker cannot flip it). A pad that is
// not exactly what the writer makes is a tamper error, like a failed authentication.
import { pad, unpad } from '../crypto';
import { fromUtf8, utf8 } from './encoding';

/** The first plaintext byte of a padded (format 1) record. */
const PADDED_V1 = 0x01;

/**
 * Floors (plaintext bytes, format byte and pad included) for the kinds that carry names or case
 * text; every other kind is padded to its Padmé length only. Chosen from measured sizes (a note
 * event is about 200 bytes plus its text; a name record about 160 plus the name):
 * - name-disclosure 512: every name the channel accepts (100 characters, up to 3 UTF-8 bytes
 *   each) seals to one size, so neither its length nor its script shows;
 * - event 384: a note up to about 180 bytes of text (most interview turns) seals to one size;
 * - the case, its allegation, the session record and summary, planning, referral hand-offs and
 *   drafts 512 (case reference, alias, room, allegation text, hand-off notes, a draft's text).
 * Changing a floor changes what a strict reader accepts: it needs a new format byte.
 */
const FLOORS: Readonly<Record<string, number>> = {
  'name-disclosure': 512,
  event: 384,
  case: 512,
  allegation: 512,
  session: 512,
  'session-summary': 512,
  planning: 512,
  'planning-blind': 512,
  referrals: 512,
  draft: 512,
  recipient: 256,
};

/** The pad floor of a record kind (0: Padmé only). */
export function padFloorOf(kind: string): number {
  return FLOORS[kind] ?? 0;
}

/** The plaintext a record of `kind` holding `value` is sealed as (format 1, padded). */
export function encodeRecordPlaintext(kind: string, value: unknown): Uint8Array {
  const json = utf8(JSON.stringify(value));
  const content = new Uint8Array(json.length + 1);
  content[0] = PADDED_V1;
  content.set(json, 1);
  return pad(content, padFloorOf(kind));
}

/**
 * The value of an authenticated record plaintext: format 1 unpadded strictly (CryptoError when
 * the pad is not what encodeRecordPlaintext makes), or a record from before padding as it was.
 * Throws SyntaxError when the JSON does not parse.
 */
export function decodeRecordPlaintext(kind: string, plaintext: Uint8Array): unknown {
  if (plaintext[0] !== PADDED_V1) return JSON.parse(fromUtf8(plaintext));
  return JSON.parse(fromUtf8(unpad(plaintext, padFloorOf(kind)).subarray(1)));
}
