// The staff list a prosecutor pinned (staff-keys.txt and its staff-keys.txt.minisig), remembered
// between visits to the verify screen like the centre-key address book (pinned-keys.ts): the
// renderer's localStorage, key `hearth.pinnedStaffList`. Only public material is ever stored:
// a list whose every line is a minisign public key line with a role and user name (or a comment),
// and a minisign signature. Anything else (a pasted note, a transcript) is refused, never stored.
// Whether it is the centre's list is checked by the core at each verify, against the centre key.

const STORAGE_KEY = 'hearth.pinnedStaffList';
/** staff-keys.txt of a large centre stays far below this; more is not a staff list. */
const MAX_LIST_CHARS = 200_000;
const MAX_SIG_CHARS = 4_000;

/** The remembered list: both files as pasted, and when they were saved (ISO 8601). */
export interface PinnedStaffList {
  list: string;
  minisig: string;
  savedAt: string;
}

/** The first line of staff-keys.txt (src/export/trust.ts writes it). */
const HEADER = 'hearth staff key list v1';
/** Every other line: a key line, a comment, or one of the header lines. */
const LINE_SHAPES = [
  /^RW[A-Za-z0-9+/]{54} \S+ \S+( .*)?$/,
  /^#/,
  /^centre key id [0-9A-F]{16}, fingerprint [0-9A-F ]+$/,
  /^issued \S+ by \S+$/,
  // Numbered lists (src/export/identity.ts): the newest list wins, and a same number conflicts.
  /^list number [1-9][0-9]{0,14}$/,
];

/**
 * True when `list` has the shape of staff-keys.txt (its header, then only key lines with a role
 * and user name, comments and the centre-key/issued lines; at least one key) and `minisig` that
 * of a minisign signature file. Shape only: the core checks the signature against the centre key.
 */
export function looksLikeStaffList(list: string, minisig: string): boolean {
  if (list.length > MAX_LIST_CHARS || minisig.length > MAX_SIG_CHARS) return false;
  const [first, ...lines] = list
    .replace(/\r\n/g, '\n')
    .split('\n')
    .filter((l) => l.trim() !== '');
  const keys = lines.filter((l) => LINE_SHAPES[0]!.test(l));
  const shaped = lines.every((l) => LINE_SHAPES.some((shape) => shape.test(l)));
  const sigLines = minisig.replace(/\r\n/g, '\n').split('\n');
  const sigShape =
    sigLines[0]?.startsWith('untrusted comment:') === true &&
    sigLines.some((l) => l.startsWith('trusted comment:'));
  return first === HEADER && keys.length > 0 && shaped && sigShape;
}

function storage(): Storage | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
}

/** The remembered list, or undefined (none, or a stored value that no longer has the shape). */
export function loadPinnedStaffList(): PinnedStaffList | undefined {
  const raw = storage()?.getItem(STORAGE_KEY);
  if (!raw) return undefined;
  try {
    const v = JSON.parse(raw) as Partial<PinnedStaffList>;
    return typeof v.list === 'string' &&
      typeof v.minisig === 'string' &&
      typeof v.savedAt === 'string' &&
      looksLikeStaffList(v.list, v.minisig)
      ? { list: v.list, minisig: v.minisig, savedAt: v.savedAt }
      : undefined;
  } catch {
    return undefined;
  }
}

/** Remembers the list (replacing any earlier one); false, with nothing stored, if it is not one. */
export function savePinnedStaffList(list: string, minisig: string, now: Date): boolean {
  if (!looksLikeStaffList(list, minisig)) return false;
  const value: PinnedStaffList = { list, minisig, savedAt: now.toISOString() };
  try {
    storage()?.setItem(STORAGE_KEY, JSON.stringify(value));
    return true;
  } catch {
    return false;
  }
}

/** Forgets the remembered list. */
export function forgetPinnedStaffList(): void {
  storage()?.removeItem(STORAGE_KEY);
}
