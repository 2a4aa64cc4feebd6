// The observer window's address: the app's own page with "#observer/<sessionId>". The shell
// (electron/security.ts observerWindowDecision) opens a second window only for exactly this
// shape, and the IPC relay lets that window call observers.suggest and nothing else.

/** The session id pattern of the contract (src/api/channels/sessions.ts sessionId). */
const OBSERVER_HASH = /^#observer\/(sess_[0-9a-f]{32})$/;

/** The session an observer window is for, or null when the page is the main app. */
export function observerSessionFrom(hash: string): string | null {
  return OBSERVER_HASH.exec(hash)?.[1] ?? null;
}

/** The address of the observer window for a session, on the page's own origin and path. */
export function observerWindowUrl(
  sessionId: string,
  location: { origin: string; pathname: string },
): string {
  return `${location.origin}${location.pathname}#observer/${sessionId}`;
}
