// main.ts is wiring; this test runs it against a recording fake of the electron module (the
// real binary is not available here) and checks that every hardening step is actually applied:
// privileged app:// scheme and sandbox before ready, single-instance lock, hardened session and
// webContents, the window options, one IPC handler with the sender check, the host in a
// utilityProcess, auto-lock on OS lock-screen, menu actions as events, and no crash reporter.
import { EventEmitter } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { APP_ENTRY_URL, APP_SCHEME_PRIVILEGES } from '../../../electron/app-protocol';
import { EVENT_CHANNEL, INVOKE_CHANNEL } from '../../../electron/ipc';
import { appPaths } from '../../../electron/paths';
import { mainWindowOptions } from '../../../electron/security';

type Fn = (...args: unknown[]) => unknown;

interface FakeHost extends EventEmitter {
  pid: number;
  modulePath: string;
  args: string[];
  kill: jest.Mock;
  postMessage: (message: { t: string; id?: number; channel?: string }) => void;
}

function makeFakeElectron(options: { gotLock: boolean; userData: string }) {
  const calls: string[] = [];
  const app = Object.assign(new EventEmitter(), {
    isPackaged: true,
    setPath: jest.fn(),
    getPath: jest.fn(() => options.userData),
    getLocale: jest.fn(() => 'es-ES'),
    enableSandbox: jest.fn(() => calls.push('enableSandbox')),
    requestSingleInstanceLock: jest.fn(() => {
      calls.push('requestSingleInstanceLock');
      return options.gotLock;
    }),
    quit: jest.fn(),
    whenReady: jest.fn(() => {
      calls.push('whenReady');
      return Promise.resolve();
    }),
  });
  const contentsHandlers = new Map<string, Fn>();
  let windowOpenHandler: Fn | undefined;
  const webContents = Object.assign(new EventEmitter(), {
    id: 41,
    send: jest.fn(),
    reload: jest.fn(),
    setWindowOpenHandler: jest.fn((fn: Fn) => {
      windowOpenHandler = fn;
    }),
  });
  const windows: Array<{ options: unknown; loadURL: jest.Mock }> = [];
  class BrowserWindow extends EventEmitter {
    webContents = webContents;
    loadURL = jest.fn(() => Promise.resolve());
    constructor(public options: unknown) {
      super();
      windows.push(this);
    }
    isDestroyed = () => false;
    isMinimized = () => false;
    restore = jest.fn();
    show = jest.fn();
    focus = jest.fn();
  }
  let permissionRequest: Fn | undefined;
  let permissionCheck: Fn | undefined;
  let beforeRequest: Fn | undefined;
  const protocolHandlers = new Map<string, Fn>();
  const session = {
    defaultSession: {
      setPermissionRequestHandler: jest.fn((fn: Fn) => (permissionRequest = fn)),
      setPermissionCheckHandler: jest.fn((fn: Fn) => (permissionCheck = fn)),
      setDevicePermissionHandler: jest.fn(),
      setSpellCheckerEnabled: jest.fn(),
      webRequest: { onBeforeRequest: jest.fn((fn: Fn) => (beforeRequest = fn)) },
      protocol: { handle: jest.fn((scheme: string, fn: Fn) => protocolHandlers.set(scheme, fn)) },
    },
  };
  const ipcHandlers = new Map<string, Fn>();
  const hostMessages: unknown[] = [];
  const hosts: FakeHost[] = [];
  const utilityProcess = {
    fork: jest.fn((modulePath: string, args: string[]) => {
      const host = new EventEmitter() as FakeHost;
      host.pid = 5000 + hosts.length;
      host.modulePath = modulePath;
      host.args = args;
      host.kill = jest.fn(() => host.emit('exit', 9));
      host.postMessage = (message) => {
        hostMessages.push(message);
        if (message.t === 'shutdown') setImmediate(() => host.emit('exit', 0));
        if (message.t === 'invoke') {
          const value =
            message.channel === 'vault.unlock'
              ? { username: 'ada', role: 'admin' }
              : { exists: true, unlocked: false };
          setImmediate(() =>
            host.emit('message', { t: 'result', id: message.id, result: { ok: true, value } }),
          );
        }
      };
      hosts.push(host);
      return host;
    }),
  };
  const powerMonitor = Object.assign(new EventEmitter(), {
    getSystemIdleState: jest.fn(() => 'active'),
    getSystemIdleTime: jest.fn(() => 0),
  });
  let menuTemplate: Array<{ submenu?: Array<{ id?: string; click?: Fn }> }> = [];
  const electron = {
    app,
    BrowserWindow,
    ipcMain: { handle: jest.fn((channel: string, fn: Fn) => ipcHandlers.set(channel, fn)) },
    Menu: {
      buildFromTemplate: jest.fn((template: typeof menuTemplate) => {
        menuTemplate = template;
        return { template };
      }),
      setApplicationMenu: jest.fn(),
    },
    powerMonitor,
    protocol: {
      registerSchemesAsPrivileged: jest.fn(() => calls.push('registerSchemesAsPrivileged')),
    },
    session,
    shell: { openExternal: jest.fn() },
    utilityProcess,
    crashReporter: { start: jest.fn() },
  };
  return {
    electron,
    calls,
    windows,
    webContents,
    contentsHandlers,
    ipcHandlers,
    hosts,
    hostMessages,
    protocolHandlers,
    get menuTemplate() {
      return menuTemplate;
    },
    get windowOpenHandler() {
      return windowOpenHandler;
    },
    get permissionRequest() {
      return permissionRequest!;
    },
    get permissionCheck() {
      return permissionCheck!;
    },
    get beforeRequest() {
      return beforeRequest!;
    },
  };
}

let userData: string;
beforeEach(() => {
  userData = mkdtempSync(join(tmpdir(), 'hearth-main-'));
});
afterEach(() => rmSync(userData, { recursive: true, force: true }));

let loaded: ReturnType<typeof makeFakeElectron> | undefined;
afterEach(async () => {
  // Quitting stops the auto-lock interval and closes the fake host.
  loaded?.electron.app.emit('before-quit', { preventDefault: () => undefined });
  loaded = undefined;
  await new Promise((r) => setTimeout(r, 5));
});

async function loadMain(gotLock = true) {
  const fake = makeFakeElectron({ gotLock, userData });
  loaded = fake;
  jest.resetModules();
  jest.doMock('electron', () => fake.electron);
  const stderr = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
  jest.isolateModules(() => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    require('../../../electron/main');
  });
  await new Promise((r) => setImmediate(r));
  // Hardening of webContents happens in 'web-contents-created'; emit it like Electron does.
  fake.electron.app.emit('web-contents-created', {}, fake.webContents);
  return { fake, stderr };
}

afterEach(() => jest.restoreAllMocks());

test('before ready: app:// is privileged, the sandbox is forced, one instance only', async () => {
  const { fake } = await loadMain();
  expect(fake.electron.protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([
    { scheme: 'app', privileges: APP_SCHEME_PRIVILEGES },
  ]);
  expect(fake.calls.slice(0, 4)).toEqual([
    'registerSchemesAsPrivileged',
    'enableSandbox',
    'requestSingleInstanceLock',
    'whenReady',
  ]);
  expect(fake.electron.crashReporter.start).not.toHaveBeenCalled();
  // Packaged builds ignore HEARTH_USER_DATA_DIR.
  expect(fake.electron.app.setPath).not.toHaveBeenCalled();
});

test('a second instance quits at once and opens nothing', async () => {
  const { fake } = await loadMain(false);
  expect(fake.electron.app.quit).toHaveBeenCalled();
  expect(fake.windows).toHaveLength(0);
  expect(fake.ipcHandlers.size).toBe(0);
});

test('a second launch focuses the first window', async () => {
  const { fake } = await loadMain();
  fake.electron.app.emit('second-instance');
  const window = fake.windows[0] as unknown as { focus: jest.Mock };
  expect(window.focus).toHaveBeenCalled();
});

test('the window uses the hardened options and loads app://hearth/index.html', async () => {
  const { fake } = await loadMain();
  expect(fake.windows).toHaveLength(1);
  const [window] = fake.windows;
  const expected = mainWindowOptions({
    preload: join(__dirname, '../../../electron/preload.js'),
    packaged: true,
  });
  expect(window!.options).toEqual(expected);
  expect(window!.loadURL).toHaveBeenCalledWith(APP_ENTRY_URL);
});

test('the session denies permissions, cancels network requests and serves app://', async () => {
  const { fake } = await loadMain();
  const granted = jest.fn();
  fake.permissionRequest({}, 'media', granted);
  expect(granted).toHaveBeenCalledWith(false);
  expect(fake.permissionCheck({}, 'notifications')).toBe(false);
  const decide = (url: string) => {
    let decision: unknown;
    fake.beforeRequest({ url }, (d: unknown) => (decision = d));
    return decision;
  };
  expect(decide('https://example.com/')).toEqual({ cancel: true });
  expect(decide('file:///etc/passwd')).toEqual({ cancel: true });
  expect(decide('app://hearth/index.html')).toEqual({ cancel: false });
  expect(fake.protocolHandlers.has('app')).toBe(true);
  expect(fake.electron.session.defaultSession.setSpellCheckerEnabled).toHaveBeenCalledWith(false);
});

test('navigation, redirects, webviews and new windows are refused', async () => {
  const { fake } = await loadMain();
  for (const event of ['will-navigate', 'will-redirect']) {
    const preventDefault = jest.fn();
    fake.webContents.emit(event, { preventDefault }, 'http://example.com/');
    expect(preventDefault).toHaveBeenCalled();
  }
  const frameNav = jest.fn();
  fake.webContents.emit('will-frame-navigate', { preventDefault: frameNav, url: 'file:///x' });
  expect(frameNav).toHaveBeenCalled();
  const webview = jest.fn();
  fake.webContents.emit('will-attach-webview', { preventDefault: webview });
  expect(webview).toHaveBeenCalled();
  expect(fake.windowOpenHandler!({ url: 'https://example.com/' })).toEqual({ action: 'deny' });
  expect(fake.electron.shell.openExternal).not.toHaveBeenCalled();
});

test('one IPC handler: a subframe is refused, our main frame reaches a utilityProcess host', async () => {
  const { fake } = await loadMain();
  expect([...fake.ipcHandlers.keys()]).toEqual([INVOKE_CHANNEL]);
  const handler = fake.ipcHandlers.get(INVOKE_CHANNEL)!;
  const frame = { url: 'app://hearth/index.html', parent: null };
  const subframe = { url: 'app://hearth/index.html', parent: frame };

  const refused = await handler({ sender: { id: 41 }, senderFrame: subframe }, 'vault.status', {});
  expect(refused).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  const foreign = await handler(
    { sender: { id: 41 }, senderFrame: { url: 'https://evil.example/', parent: null } },
    'vault.status',
    {},
  );
  expect(foreign).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  expect(fake.electron.utilityProcess.fork).not.toHaveBeenCalled();

  const status = await handler({ sender: { id: 41 }, senderFrame: frame }, 'vault.status', {});
  expect(status).toEqual({ ok: true, value: { exists: true, unlocked: false } });
  const [modulePath, args] = fake.electron.utilityProcess.fork.mock.calls[0]!;
  expect(modulePath).toBe(join(__dirname, '../../../electron/core-host.js'));
  expect(args).toEqual(['--vault-dir', join(userData, 'vault')]);
});

test('OS lock-screen ends the host and reloads the renderer, which is then told why', async () => {
  const { fake } = await loadMain();
  const handler = fake.ipcHandlers.get(INVOKE_CHANNEL)!;
  const frame = { url: 'app://hearth/index.html', parent: null };
  await handler({ sender: { id: 41 }, senderFrame: frame }, 'vault.unlock', {
    username: 'ada',
    passphrase: 'whatever passphrase',
  });
  fake.electron.powerMonitor.emit('lock-screen');
  // Until the renderer is reloaded (the last step), not for a fixed time: the ending host's exit
  // and the reload follow each other in turns of the event loop, however slow the machine.
  while (fake.webContents.reload.mock.calls.length === 0)
    await new Promise((r) => setTimeout(r, 5));
  expect(fake.hostMessages).toContainEqual({ t: 'shutdown' });
  expect(fake.webContents.reload).toHaveBeenCalled();
  fake.webContents.emit('did-finish-load');
  expect(fake.webContents.send).toHaveBeenCalledWith(EVENT_CHANNEL, {
    type: 'locked',
    reason: 'system',
  });
});

test('menus are localized and interview actions reach the renderer as menu events', async () => {
  const { fake } = await loadMain();
  const items = fake.menuTemplate.flatMap((m) => m.submenu ?? []);
  expect(fake.menuTemplate.map((m) => (m as { label?: string }).label)).toContain('Entrevista');
  items.find((i) => i.id === 'privacy-curtain')!.click!();
  expect(fake.webContents.send).toHaveBeenCalledWith(EVENT_CHANNEL, {
    type: 'menu',
    action: 'privacy-curtain',
  });
});

test('logs are JSON lines with no payload', async () => {
  const { fake, stderr } = await loadMain();
  const handler = fake.ipcHandlers.get(INVOKE_CHANNEL)!;
  const frame = { url: 'app://hearth/index.html', parent: null };
  await handler({ sender: { id: 41 }, senderFrame: frame }, 'vault.unlock', {
    username: 'ada',
    passphrase: 'hunter2 hunter2',
  });
  const written = stderr.mock.calls.map((c) => String(c[0])).join('');
  expect(written).toContain('"channel":"vault.unlock"');
  expect(written).not.toContain('hunter2');
  for (const line of written.trim().split('\n'))
    expect(() => JSON.parse(line) as unknown).not.toThrow();
});

test('paths resolve from the compiled shell folder to the renderer build and locales', () => {
  const root = join(__dirname, '../../..');
  expect(appPaths(join(root, 'dist', 'electron'))).toEqual({
    renderer: join(root, 'dist', 'renderer'),
    locales: join(root, 'locales'),
    preload: join(root, 'dist', 'electron', 'preload.js'),
    coreHost: join(root, 'dist', 'electron', 'core-host.js'),
  });
});
