// The app:// protocol serves the renderer build and nothing else: no traversal (plain, encoded,
// double-encoded, backslashed), no other host, no hidden files, no unknown types, no symlinks
// out of the build, GET only; every response carries the CSP.
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  APP_ENTRY_URL,
  APP_SCHEME_PRIVILEGES,
  createAppProtocolHandler,
  resolveAppPath,
} from '../../../electron/app-protocol';
import { CONTENT_SECURITY_POLICY } from '../../../electron/security';

let base: string;
let root: string;

beforeAll(() => {
  base = mkdtempSync(join(tmpdir(), 'hearth-proto-'));
  root = join(base, 'renderer');
  mkdirSync(join(root, 'assets'), { recursive: true });
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>Hearth</title>');
  writeFileSync(join(root, 'assets', 'index-abc.js'), 'console.log(1)');
  writeFileSync(join(root, 'assets', 'index-abc.css'), 'body{}');
  writeFileSync(join(root, '.env'), 'SECRET=1');
  writeFileSync(join(root, 'notes.txt'), 'not part of the app');
  writeFileSync(join(base, 'secret.js'), 'outside the build');
  symlinkSync(join(base, 'secret.js'), join(root, 'assets', 'link.js'));
});

afterAll(() => rmSync(base, { recursive: true, force: true }));

describe('resolveAppPath', () => {
  test('the entry and assets map into the renderer folder', () => {
    expect(resolveAppPath(APP_ENTRY_URL, root)).toBe(join(root, 'index.html'));
    expect(resolveAppPath('app://hearth/', root)).toBe(join(root, 'index.html'));
    expect(resolveAppPath('app://hearth/assets/index-abc.js?v=1#x', root)).toBe(
      join(root, 'assets', 'index-abc.js'),
    );
  });

  test.each([
    ['double-encoded dots', 'app://hearth/%252e%252e/secret.js'],
    ['encoded slash', 'app://hearth/assets%2f..%2f..%2fsecret.js'],
    ['encoded backslash', 'app://hearth/..%5csecret.js'],
    ['backslash', 'app://hearth/..\\secret.js'],
    ['NUL', 'app://hearth/index.html%00.js'],
    ['another host', 'app://evil/index.html'],
    ['a port', 'app://hearth:99/index.html'],
    ['credentials', 'app://user:pw@hearth/index.html'],
    ['file scheme', 'file:///etc/passwd'],
    ['http scheme', 'http://hearth/index.html'],
    ['hidden file', 'app://hearth/.env'],
    ['unknown type', 'app://hearth/notes.txt'],
    ['no extension', 'app://hearth/assets'],
    ['windows drive', 'app://hearth/C:/Windows/win.ini'],
    ['a percent sign left after decoding', 'app://hearth/%25.js'],
    ['non-ASCII names', 'app://hearth/%C3%A9.js'],
    ['empty segment', 'app://hearth/assets//index-abc.js'],
    ['malformed escape', 'app://hearth/%E0%A4%A.js'],
    ['not a URL', 'index.html'],
  ])('refuses %s', (_name, url) => {
    expect(resolveAppPath(url, root)).toBeNull();
  });

  test.each(['app://hearth/assets/../../../secret.js', 'app://hearth/%2e%2e/%2E%2E/secret.js'])(
    'dot segments that the URL parser folds away (%s) still cannot leave the folder',
    (url) => {
      // WHATWG parsing turns this into /secret.js, inside the root (which does not have it).
      expect(resolveAppPath(url, root)).toBe(join(root, 'secret.js'));
    },
  );
});

describe('protocol handler', () => {
  const handler = (): ReturnType<typeof createAppProtocolHandler> => createAppProtocolHandler(root);

  test('serves index.html with the CSP and a correct content type', async () => {
    const response = await handler()({ url: APP_ENTRY_URL, method: 'GET' });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await response.text()).toContain('<title>Hearth</title>');
  });

  test('serves scripts and styles with their types', async () => {
    const js = await handler()({ url: 'app://hearth/assets/index-abc.js' });
    expect(js.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    const css = await handler()({ url: 'app://hearth/assets/index-abc.css' });
    expect(css.headers.get('content-type')).toBe('text/css; charset=utf-8');
  });

  test.each([
    'app://hearth/%2e%2e/secret.js',
    'app://hearth/missing.js',
    'app://hearth/assets/link.js',
    'app://hearth/.env',
    'app://other/index.html',
  ])('%s is a 404 that reveals nothing', async (url) => {
    const response = await handler()({ url });
    expect(response.status).toBe(404);
    expect(await response.text()).toBe('Not found');
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
  });

  test('only GET', async () => {
    const response = await handler()({ url: APP_ENTRY_URL, method: 'POST' });
    expect(response.status).toBe(405);
  });

  test('the scheme is standard and secure but bypasses nothing', () => {
    expect(APP_SCHEME_PRIVILEGES).toMatchObject({
      standard: true,
      secure: true,
      bypassCSP: false,
      allowServiceWorkers: false,
      corsEnabled: false,
    });
  });
});
