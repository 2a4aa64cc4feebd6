// How a staff member is named on screen: the name people know them by, with the username the
// record keeps, when Hearth knows it ("Ada Admin (ada)"); else the username alone. Sessions store
// only the username (the audit and the bundle name staff by it), so the display name comes from
// who is signed in: the common case, an interviewer picking their own earlier session.
import type { SignedInUser } from '../app/app-context';

/** "Ada Admin (ada)" for the signed-in user with a display name; otherwise `username` unchanged. */
export function staffName(username: string, signedIn: SignedInUser | undefined): string {
  const display = signedIn?.username === username ? signedIn.displayName?.trim() : undefined;
  return display && display !== username ? `${display} (${username})` : username;
}
