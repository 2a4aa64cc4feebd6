// The user's own input mistakes on the verify screen, told apart from a bundle that fails: a
// relative path (the app has no working folder a user could mean), the bundle's own
// staff-keys.txt or the exporter's key pasted where the centre key belongs, a key that is not a
// key, a zip refused for its shape (extra or misplaced files; a path trick stays a failure). Each says "not checked yet" and the fix, never "do not rely
// on this bundle", because nothing about the bundle was learnt.
import type { VerifyResult } from './optional-channel';

/** Which input mistake, if any; each has a title-less fix text under verify.mistakes.<kind>. */
export type InputMistake =
  'relativePath' | 'staffList' | 'signerKey' | 'badKey' | 'pinnedStaffList' | 'zipShape';

/** "/x", "\\server\x", "C:\x" or "C:/x", "~/x": a path the main process can resolve alone. */
export function isFullPath(path: string): boolean {
  return /^(\/|\\\\|[A-Za-z]:[\\/]|~[\\/])/.test(path.trim());
}

/** A line of staff-keys.txt: a minisign key followed by a role and a user name. */
const STAFF_LINE = /^RW[A-Za-z0-9+/]{40,}=*\s+[a-z]+\s+\S+/m;

/** The mistake shown instead of the path, when the path alone shows it (before any check). */
export function pathMistake(path: string): InputMistake | undefined {
  return isFullPath(path) ? undefined : 'relativePath';
}

/** The mistake a failed verdict reveals about the input (undefined: the bundle failed). */
export function verdictMistake(result: VerifyResult, keyText: string): InputMistake | undefined {
  if (result.valid) return undefined;
  if (STAFF_LINE.test(keyText)) return 'staffList';
  if (result.failure === 'NOT_CENTRE_KEY') return 'signerKey';
  // The pinned staff list (or its .minisig) is refused before the bundle is read: the core's
  // reason names it ("The pinned staff list cannot be used: ...").
  if (result.failure === 'BAD_KEY' && /pinned staff list/i.test(result.reason ?? ''))
    return 'pinnedStaffList';
  if (result.failure === 'BAD_KEY') return 'badKey';
  if (result.zipped === true && (result.failure === 'FILE_SET' || result.failure === 'BAD_FORMAT'))
    return 'zipShape';
  return undefined;
}
