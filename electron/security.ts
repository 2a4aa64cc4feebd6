// Every security-critical setting of the shell, as plain data and plain functions, so that unit
// tests read exactly what main.ts applies (Electron's security checklist, DESIGN.md).
import type { BrowserWindowConstructorOptions } from 'electron';

/**
 * The renderer's Content Security Policy, sent as a header on every app:// response. Only the
 * app's own files; no network at all (`connect-src 'none'`), no inline or eval'd script, no
 * plugins, frames, forms or <base> tricks. Inline styles are refused too, which React's style
 * properties do not need (they go through the CSSOM).
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'none'",
  "media-src 'self'",
  "object-src 'none'",
  "worker-src 'none'",
  "frame-src 'none'",
  "child-src 'none'",
  "frame-ancestors 'none'",
  "form-action 'none'",
  "base-uri 'none'",
  "manifest-src 'none'",
].join('; ');

export interface WindowOptionsInput {
  /** Absolute path of the compiled preload script. */
  preload: string;
  /** True in a packaged build: devtools are off there. */
  packaged: boolean;
}

/** The main window's options: sandboxed, isolated, no Node, no webview, no spellcheck service. */
export function mainWindowOptions({
  preload,
  packaged,
}: WindowOptionsInput): BrowserWindowConstructorOptions {
  return {
    width: 1280,
    height: 800,
    minWidth: 900,
    minHeight: 600,
    title: 'Hearth',
    // Shown on 'ready-to-show', so nobody sees a blank or half-drawn window.
    show: false,
    backgroundColor: '#faf7f2',
    webPreferences: {
      preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      // Chromium's spellchecker downloads dictionaries and sees every typed note.
      spellcheck: false,
      devTools: !packaged,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      enableWebSQL: false,
      autoplayPolicy: 'user-gesture-required',
    },
  };
}

/**
 * Whether a `will-navigate`, `will-redirect` or `will-frame-navigate` may go ahead: never. The
 * renderer is a single page on app://hearth that changes views without navigating; reloads
 * (done by the main process on lock) do not pass through these events.
 */
export function isNavigationAllowed(_url: string): boolean {
  return false;
}

/** `setWindowOpenHandler`: no new windows, ever (allowlisted links open in the OS browser). */
export function windowOpenDecision(_details: { url: string }): { action: 'deny' } {
  return { action: 'deny' };
}

/**
 * Links that may be handed to the operating system's browser. Empty: Hearth has no reason to
 * send anyone online during an interview. Entries are exact https origins.
 */
export const EXTERNAL_URL_ALLOWLIST: readonly string[] = [];

export function isExternalUrlAllowed(
  url: string,
  allowlist: readonly string[] = EXTERNAL_URL_ALLOWLIST,
): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return parsed.protocol === 'https:' && allowlist.includes(parsed.origin);
}

/** Every permission request (camera, microphone, notifications, geolocation, ...) is refused. */
export function permissionRequestDecision(_permission: string): boolean {
  return false;
}

/** Every permission check is answered "not granted". */
export function permissionCheckDecision(_permission: string): boolean {
  return false;
}

/**
 * Schemes the session may load. Everything else (http, https, ws, wss, ftp, file, ...) is
 * cancelled in `webRequest.onBeforeRequest`, whatever the CSP says. devtools: only while
 * developing (devtools are disabled in packaged builds anyway).
 */
export function isRequestAllowed(url: string, packaged: boolean): boolean {
  let protocol: string;
  try {
    protocol = new URL(url).protocol;
  } catch {
    return false;
  }
  if (protocol === 'app:' || protocol === 'data:' || protocol === 'blob:') return true;
  return protocol === 'devtools:' && !packaged;
}
