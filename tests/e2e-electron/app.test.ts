// The real desktop app, driven by Playwright's _electron: it loads from app://, exposes only
// window.hearth, has no Node and no network, creates and unlocks a vault through the
// utilityProcess host, and locking reloads the page. Runs wherever the Electron binary is
// installed (`npm install` without ELECTRON_SKIP_BINARY_DOWNLOAD); skipped with a message
// otherwise. Needs `npm run build`, `npm run build:renderer`, `npm run build:electron` and
// better-sqlite3 rebuilt for Electron (`npx electron-builder install-app-deps`; `npm start`
// does all of these).
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { _electron, type ElectronApplication, type Page } from 'playwright-core';

const root = join(__dirname, '../..');

function electronBinary(): string | null {
  try {
    // The electron package exports the binary's path, and throws when it was never downloaded.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const path = require('electron') as unknown;
    return typeof path === 'string' && existsSync(path) ? path : null;
  } catch {
    return null;
  }
}

const binary = electronBinary();
const built =
  existsSync(join(root, 'dist/electron/main.js')) &&
  existsSync(join(root, 'dist/renderer/index.html'));
const why = !binary
  ? 'the Electron binary is not installed (ELECTRON_SKIP_BINARY_DOWNLOAD)'
  : !built
    ? 'the app is not built (npm run build && npm run build:renderer && npm run build:electron)'
    : null;

if (why) {
  process.stderr.write(`\n[e2e-electron] SKIPPED: ${why}.\n\n`);
  test.skip(`real-app suite skipped: ${why}`, () => undefined);
} else {
  jest.setTimeout(120_000);

  let app: ElectronApplication;
  let page: Page;
  let userData: string;

  beforeAll(async () => {
    userData = mkdtempSync(join(tmpdir(), 'hearth-e2e-electron-'));
    app = await _electron.launch({
      executablePath: binary!,
      args: [root],
      env: { ...process.env, HEARTH_USER_DATA_DIR: userData },
    });
    page = await app.firstWindow();
    await page.waitForLoadState('domcontentloaded');
  });

  afterAll(async () => {
    await app?.close();
    rmSync(userData, { recursive: true, force: true });
  });

  type Invoke = (channel: string, payload?: unknown) => Promise<{ ok: boolean; value?: unknown }>;
  const invoke = (channel: string, payload: unknown = {}) =>
    page.evaluate(
      ([c, p]) => (globalThis as unknown as { hearth: { invoke: Invoke } }).hearth.invoke(c, p),
      [channel, payload] as const,
    );

  test('loads from app://hearth and exposes only window.hearth = { invoke, onEvent }', async () => {
    expect(page.url()).toBe('app://hearth/index.html');
    const shape = await page.evaluate(() => ({
      hearth: Object.keys((globalThis as unknown as { hearth: object }).hearth).sort(),
      require: typeof (globalThis as unknown as { require?: unknown }).require,
      process: typeof (globalThis as unknown as { process?: unknown }).process,
    }));
    expect(shape).toEqual({
      hearth: ['invoke', 'onEvent'],
      require: 'undefined',
      process: 'undefined',
    });
  });

  test('the page cannot reach the network', async () => {
    const outcome = await page.evaluate(() =>
      fetch('https://example.com/').then(
        () => 'fetched',
        () => 'blocked',
      ),
    );
    expect(outcome).toBe('blocked');
  });

  test('creates, locks and unlocks a vault through the host process', async () => {
    expect(await invoke('vault.status')).toEqual({
      ok: true,
      value: { exists: false, unlocked: false },
    });
    const passphrase = 'correct horse battery staple';
    const created = await invoke('vault.create', {
      username: 'admin',
      displayName: 'Ada Admin',
      passphrase,
    });
    expect(created.ok).toBe(true);

    const reloaded = page.waitForEvent('load');
    expect(await invoke('vault.lock')).toEqual({ ok: true, value: {} });
    await reloaded;
    expect(await invoke('vault.status')).toEqual({
      ok: true,
      value: { exists: true, unlocked: false },
    });

    expect(await invoke('vault.unlock', { username: 'admin', passphrase })).toEqual({
      ok: true,
      value: { username: 'admin', role: 'admin' },
    });
  });
}
