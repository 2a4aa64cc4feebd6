// Files an operating system writes into a folder by itself when a person only looks at it: one
// rule for a bundle folder and a zip of it (newcomer 26, F4: a .DS_Store made a genuine folder
// INVALID while the same file in a zip was accepted). Exactly these names are ignored, never
// read, and named in the verify report; every other extra file is still refused.
//   .DS_Store    macOS Finder's folder view settings
//   ._NAME       macOS "AppleDouble" resource forks, on disks without extended attributes
//   __MACOSX     the folder macOS Finder's "Compress" puts those forks in, inside a zip
//   Thumbs.db    Windows Explorer's thumbnail cache
//   desktop.ini  Windows Explorer's folder view settings

const EXACT = new Set(['.DS_Store', 'Thumbs.db', 'desktop.ini']);

/**
 * True when the path `parts` (a zip entry's name split at "/", or one folder entry's name) is
 * OS-made metadata: the __MACOSX folder or anything under it, or a last part that is .DS_Store,
 * Thumbs.db, desktop.ini or starts with "._". Names are compared exactly (case included).
 */
export function isOsExtra(parts: readonly string[]): boolean {
  const last = parts[parts.length - 1] ?? '';
  return parts[0] === '__MACOSX' || EXACT.has(last) || (last.startsWith('._') && last.length > 2);
}
