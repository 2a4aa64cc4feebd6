// The window, CSP, navigation, new-window, permission and request rules that main.ts applies.
import {
  CONTENT_SECURITY_POLICY,
  EXTERNAL_URL_ALLOWLIST,
  isExternalUrlAllowed,
  isNavigationAllowed,
  isRequestAllowed,
  mainWindowOptions,
  permissionCheckDecision,
  permissionRequestDecision,
  windowOpenDecision,
} from '../../../electron/security';

describe('main window options', () => {
  const packaged = mainWindowOptions({ preload: '/app/dist/electron/preload.js', packaged: true });
  const dev = mainWindowOptions({ preload: '/app/dist/electron/preload.js', packaged: false });

  test('renderer is isolated, sandboxed and has no Node', () => {
    expect(packaged.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      spellcheck: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      preload: '/app/dist/electron/preload.js',
    });
  });

  test('devtools are off in packaged builds only', () => {
    expect(packaged.webPreferences?.devTools).toBe(false);
    expect(dev.webPreferences?.devTools).toBe(true);
  });

  test('the window is shown only when ready (no blank flash)', () => {
    expect(packaged.show).toBe(false);
  });
});

describe('content security policy', () => {
  const directives = new Map(
    CONTENT_SECURITY_POLICY.split(';').map((d) => {
      const [name, ...values] = d.trim().split(/\s+/);
      return [name!, values.join(' ')];
    }),
  );

  test('own files only, and no network at all', () => {
    expect(directives.get('default-src')).toBe("'self'");
    expect(directives.get('connect-src')).toBe("'none'");
    expect(directives.get('script-src')).toBe("'self'");
    expect(directives.get('object-src')).toBe("'none'");
    expect(directives.get('frame-ancestors')).toBe("'none'");
    expect(directives.get('base-uri')).toBe("'none'");
    expect(directives.get('form-action')).toBe("'none'");
  });

  test('no inline or eval script, no remote sources anywhere', () => {
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-inline|unsafe-eval|wasm-unsafe|\*/);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/https?:|wss?:|file:/);
  });
});

describe('navigation and new windows', () => {
  test.each([
    'file:///etc/passwd',
    'http://example.com/',
    'https://example.com/',
    'app://evil/index.html',
    'app://hearth/index.html',
    'javascript:alert(1)',
    'data:text/html,<h1>hi</h1>',
    'not a url',
  ])('will-navigate to %s is denied', (url) => {
    expect(isNavigationAllowed(url)).toBe(false);
  });

  test.each(['https://example.com/', 'app://hearth/other.html', 'about:blank', 'file:///x'])(
    'window.open(%s) is denied',
    (url) => {
      expect(windowOpenDecision({ url })).toEqual({ action: 'deny' });
    },
  );

  test('no external link is allowed by default; an allowlist takes exact https origins', () => {
    expect(EXTERNAL_URL_ALLOWLIST).toEqual([]);
    expect(isExternalUrlAllowed('https://example.org/help')).toBe(false);
    const allow = ['https://help.example.org'];
    expect(isExternalUrlAllowed('https://help.example.org/page?x=1', allow)).toBe(true);
    expect(isExternalUrlAllowed('http://help.example.org/page', allow)).toBe(false);
    expect(isExternalUrlAllowed('https://help.example.org.evil.com/', allow)).toBe(false);
    expect(isExternalUrlAllowed('https://help.example.org:8443/', allow)).toBe(false);
    expect(isExternalUrlAllowed('file:///etc/passwd', allow)).toBe(false);
    expect(isExternalUrlAllowed('::::', allow)).toBe(false);
  });
});

describe('permissions', () => {
  test.each([
    'media',
    'geolocation',
    'notifications',
    'clipboard-read',
    'display-capture',
    'openExternal',
    'fullscreen',
    'unknown',
  ])('%s is refused, as a request and as a check', (permission) => {
    expect(permissionRequestDecision(permission)).toBe(false);
    expect(permissionCheckDecision(permission)).toBe(false);
  });
});

describe('requests', () => {
  test.each([
    'http://example.com/x.js',
    'https://example.com/',
    'ws://localhost:8080/',
    'wss://example.com/',
    'file:///etc/passwd',
    'ftp://example.com/',
    'chrome-extension://abc/x.js',
    'nonsense',
  ])('%s is cancelled', (url) => {
    expect(isRequestAllowed(url, true)).toBe(false);
    expect(isRequestAllowed(url, false)).toBe(false);
  });

  test('the app scheme, data and blob URLs load', () => {
    for (const url of [
      'app://hearth/index.html',
      'data:image/png;base64,AA',
      'blob:app://hearth/1',
    ]) {
      expect(isRequestAllowed(url, true)).toBe(true);
    }
  });

  test('devtools: only while developing', () => {
    expect(isRequestAllowed('devtools://devtools/bundled/x.html', false)).toBe(true);
    expect(isRequestAllowed('devtools://devtools/bundled/x.html', true)).toBe(false);
  });
});
