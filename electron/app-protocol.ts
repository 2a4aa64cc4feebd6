// The `app://` protocol that serves the built renderer (dist/renderer). The renderer never
// loads from file:// (which would give it the whole disk's origin) or from http (network).
// Only GET of an existing file with a known type under the renderer folder is answered;
// traversal, encoded separators, hidden files and unknown types get a 404.
import { readFile, realpath } from 'node:fs/promises';
import { extname, resolve, sep } from 'node:path';
import { CONTENT_SECURITY_POLICY } from './security';

export const APP_SCHEME = 'app';
export const APP_HOST = 'hearth';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/**
 * Privileges for `protocol.registerSchemesAsPrivileged`. `standard` gives the scheme a real
 * origin (so 'self' in the CSP means app://hearth), `secure` makes it a secure context, and
 * `supportFetchAPI` lets Chromium load the renderer's ES module scripts from it. No
 * `bypassCSP`, no service workers, no CORS opening.
 */
export const APP_SCHEME_PRIVILEGES = {
  standard: true,
  secure: true,
  supportFetchAPI: true,
  bypassCSP: false,
  allowServiceWorkers: false,
  corsEnabled: false,
  stream: false,
  codeCache: true,
} as const;

/** The file types the renderer build may contain, with their content types. */
export const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
};

const SAFE_SEGMENT = /^[A-Za-z0-9_@~+-][A-Za-z0-9._@~+-]{0,199}$/;

/**
 * The file an app:// URL names under `root`, or null when the URL is not ours or the path is
 * not plainly a file inside `root`. Pure string work; the handler also checks real paths.
 */
export function resolveAppPath(url: string, root: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== `${APP_SCHEME}:` || parsed.hostname !== APP_HOST) return null;
  if (parsed.port !== '' || parsed.username !== '' || parsed.password !== '') return null;

  const rawPath = parsed.pathname;
  // Encoded separators, dots and NULs have no business in a bundle path: refuse, do not decode.
  if (/%(2f|5c|00|2e)/i.test(rawPath) || rawPath.includes('\\')) return null;
  let decoded: string;
  try {
    decoded = decodeURIComponent(rawPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const relative = decoded === '/' ? 'index.html' : decoded.replace(/^\/+/, '');
  const segments = relative.split('/');
  // Bundle file names are plain ASCII (Vite emits name-hash.ext): anything else, including
  // '.', '..', hidden files, a Windows drive 'C:' or a '%' left after decoding, is refused.
  if (!segments.every((s) => SAFE_SEGMENT.test(s))) return null;

  const extension = extname(relative).toLowerCase();
  if (!Object.prototype.hasOwnProperty.call(CONTENT_TYPES, extension)) return null;

  const base = resolve(root);
  const file = resolve(base, ...segments);
  if (!file.startsWith(base + sep)) return null;
  return file;
}

/** The headers every app:// response carries. */
export function responseHeaders(contentType: string): Record<string, string> {
  return {
    'Content-Type': contentType,
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': 'no-store',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
    'Referrer-Policy': 'no-referrer',
  };
}

function notFound(): Response {
  return new Response('Not found', {
    status: 404,
    headers: responseHeaders('text/plain; charset=utf-8'),
  });
}

/** A `protocol.handle` handler serving files from `root` (the renderer build). */
export function createAppProtocolHandler(
  root: string,
): (request: { url: string; method?: string }) => Promise<Response> {
  return async (request) => {
    if ((request.method ?? 'GET') !== 'GET') {
      return new Response('Method not allowed', {
        status: 405,
        headers: responseHeaders('text/plain; charset=utf-8'),
      });
    }
    const file = resolveAppPath(request.url, root);
    if (file === null) return notFound();
    try {
      // A symlink inside the build must not lead out of it.
      const [realRoot, realFile] = await Promise.all([realpath(resolve(root)), realpath(file)]);
      if (!realFile.startsWith(realRoot + sep)) return notFound();
      const body = await readFile(realFile);
      const type = CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
      return new Response(new Uint8Array(body), { status: 200, headers: responseHeaders(type) });
    } catch {
      return notFound();
    }
  };
}
