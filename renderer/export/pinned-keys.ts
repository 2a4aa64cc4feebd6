// The address book of pinned centre keys: a prosecutor pins a centre's public key once, under a
// name, and picks it on the verify screen. Stored as the app stores its other UI settings (the UI
// language): the renderer's localStorage (in Electron, the user-data folder's "Local Storage"),
// key `hearth.pinnedCentreKeys`. Outside the vault on purpose: a public key is not secret, the
// verify screen works without a vault (a prosecutor's office has none), and nothing of a case,
// note or transcript is ever stored here (only a name the user typed and a minisign public key).

const STORAGE_KEY = 'hearth.pinnedCentreKeys';
const MAX_PINNED = 100;
const MAX_NAME = 120;

/** One pinned centre key: `publicKey` is the minisign public key file text as pasted. */
export interface PinnedKey {
  name: string;
  publicKey: string;
  /** minisign key id, upper-case hex (as `minisign -p` and Hearth's Settings show it). */
  keyId: string;
  pinnedAt: string;
}

/** The base64 key line of a minisign public key file ("RW" + 54 characters), or undefined. */
function keyLine(text: string): string | undefined {
  return text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .find((l) => /^RW[A-Za-z0-9+/]{54}$/.test(l));
}

/**
 * The minisign key id of a public key file's text (bytes 2-9 of the key, little-endian, as
 * minisign prints it), or undefined when the text holds no minisign public key.
 */
export function minisignKeyId(text: string): string | undefined {
  const line = keyLine(text);
  if (!line) return undefined;
  let bytes: Uint8Array;
  try {
    bytes = Uint8Array.from(atob(line), (c) => c.charCodeAt(0));
  } catch {
    return undefined;
  }
  if (bytes.length !== 42 || bytes[0] !== 0x45 || bytes[1] !== 0x64) return undefined;
  return Array.from(bytes.subarray(2, 10))
    .reverse()
    .map((b) => b.toString(16).padStart(2, '0'))
    .join('')
    .toUpperCase();
}

function storage(): Storage | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
}

function isPinned(value: unknown): value is PinnedKey {
  const v = value as PinnedKey;
  return (
    typeof v === 'object' &&
    v !== null &&
    typeof v.name === 'string' &&
    typeof v.publicKey === 'string' &&
    typeof v.keyId === 'string' &&
    typeof v.pinnedAt === 'string' &&
    minisignKeyId(v.publicKey) === v.keyId
  );
}

/** The pinned keys, by name; entries that do not parse (edited by hand) are left out. */
export function loadPinnedKeys(): PinnedKey[] {
  const raw = storage()?.getItem(STORAGE_KEY);
  if (!raw) return [];
  try {
    const parsed: unknown = JSON.parse(raw);
    return Array.isArray(parsed) ? parsed.filter(isPinned) : [];
  } catch {
    return [];
  }
}

function save(keys: PinnedKey[]): void {
  storage()?.setItem(STORAGE_KEY, JSON.stringify(keys));
}

/** Why a key cannot be pinned: no name, not a minisign key, or already pinned (by name or key). */
export type PinProblem = 'noName' | 'notAKey' | 'sameName' | 'sameKey';

/**
 * Pins `publicKey` under `name` (trimmed, at most 120 characters). Returns the new list, or the
 * problem (nothing is stored then).
 */
export function pinKey(name: string, publicKey: string, now: Date): PinnedKey[] | PinProblem {
  const cleanName = name.trim().normalize('NFC').slice(0, MAX_NAME);
  if (cleanName === '') return 'noName';
  const keyId = minisignKeyId(publicKey);
  if (!keyId) return 'notAKey';
  const keys = loadPinnedKeys();
  if (keys.some((k) => k.name.toLowerCase() === cleanName.toLowerCase())) return 'sameName';
  if (keys.some((k) => k.keyId === keyId)) return 'sameKey';
  const next = [
    ...keys,
    { name: cleanName, publicKey: publicKey.trim() + '\n', keyId, pinnedAt: now.toISOString() },
  ]
    .sort((a, b) => a.name.localeCompare(b.name))
    .slice(0, MAX_PINNED);
  save(next);
  return next;
}

/** Removes the key with this key id; returns the new list. */
export function unpinKey(keyId: string): PinnedKey[] {
  const next = loadPinnedKeys().filter((k) => k.keyId !== keyId);
  save(next);
  return next;
}
