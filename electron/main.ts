// The Electron main process. Wiring only: every decision it applies (window options, CSP,
// navigation, permissions, requests, sender check, payload validation, app:// files, auto-lock,
// menus) is a plain function in this folder with unit tests. The core never runs here: it
// runs in a utilityProcess (core-host.ts) that locking ends.
//
// No crash reporter is started: Electron collects and uploads nothing unless
// crashReporter.start() is called, and a minidump of a renderer would hold case data.
import { join } from 'node:path';
import {
  app,
  BrowserWindow,
  ipcMain,
  Menu,
  powerMonitor,
  protocol,
  session,
  shell,
  type IpcMainInvokeEvent,
  type WebContents,
} from 'electron';
import type { CoreEvent } from '../src/api/contract';
import {
  APP_ENTRY_URL,
  APP_SCHEME,
  APP_SCHEME_PRIVILEGES,
  createAppProtocolHandler,
} from './app-protocol';
import { AutoLock } from './auto-lock';
import { CoreHostClient } from './host-client';
import { utilityHostSpawner } from './host-spawn-utility';
import { EVENT_CHANNEL, INVOKE_CHANNEL, type ShellEvent } from './ipc';
import { createIpcRelay, type SenderInfo } from './ipc-relay';
import { OBSERVER_CHANNELS, observerWindowOpenDecision } from './observer-window';
import { createStreamLogger, loggablePermission, loggableScheme, type Logger } from './log';
import { buildMenuTemplate, loadMenuStrings, menuLanguage } from './menu';
import { appPaths } from './paths';
import {
  isExternalUrlAllowed,
  isNavigationAllowed,
  isRequestAllowed,
  mainWindowOptions,
  permissionCheckDecision,
  permissionRequestDecision,
  windowOpenDecision,
} from './security';
import { loadShellSettings, saveIdleLockMinutes } from './settings';
import { createShellChannels } from './shell-channels';

/**
 * How long a lock the shell starts (menu, idle, OS lock) waits for the renderer to save unsent
 * drafts (encrypted, through the core) and lock by itself before the shell locks anyway.
 */
const LOCK_GRACE_MS = 2_000;

const packaged = app.isPackaged;
const log: Logger = createStreamLogger((line) => process.stderr.write(line));

const paths = appPaths(__dirname);

// Development and the optional real-app tests may point the app at a throwaway profile.
if (!packaged && process.env.HEARTH_USER_DATA_DIR) {
  app.setPath('userData', process.env.HEARTH_USER_DATA_DIR);
}

// Must happen before 'ready'.
protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: APP_SCHEME_PRIVILEGES }]);
app.enableSandbox();

let mainWindow: BrowserWindow | undefined;
/** The observer windows' webContents ids (the relay lets them call OBSERVER_CHANNELS only). */
const observerWindows = new Set<number>();

function liveWindow(): BrowserWindow | undefined {
  return mainWindow && !mainWindow.isDestroyed() ? mainWindow : undefined;
}

function sendEvent(event: ShellEvent): void {
  liveWindow()?.webContents.send(EVENT_CHANNEL, event);
}

/** Hardening for every webContents the app ever creates (windows, devtools, anything). */
function hardenContents(contents: WebContents): void {
  const refuse = (event: { preventDefault(): void }, url: string): void => {
    if (isNavigationAllowed(url)) return;
    event.preventDefault();
    log({ kind: 'navigation-blocked', scheme: loggableScheme(url) });
  };
  contents.on('will-navigate', refuse);
  contents.on('will-redirect', refuse);
  contents.on('will-frame-navigate', (event) => refuse(event, event.url));
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    const main = liveWindow();
    const observer = observerWindowOpenDecision(url, main?.webContents === contents, {
      preload: paths.preload,
      packaged,
    });
    if (observer.action === 'allow' && main) {
      return {
        ...observer,
        overrideBrowserWindowOptions: { ...observer.overrideBrowserWindowOptions, parent: main },
      };
    }
    if (isExternalUrlAllowed(url)) void shell.openExternal(url);
    log({ kind: 'window-blocked', scheme: loggableScheme(url) });
    return windowOpenDecision({ url });
  });
}

function hardenSession(): void {
  const ses = session.defaultSession;
  ses.setPermissionRequestHandler((_contents, permission, callback) => {
    log({ kind: 'permission-denied', permission: loggablePermission(permission) });
    callback(permissionRequestDecision(permission));
  });
  ses.setPermissionCheckHandler((_contents, permission) => permissionCheckDecision(permission));
  ses.setDevicePermissionHandler(() => false);
  ses.setSpellCheckerEnabled(false);
  ses.webRequest.onBeforeRequest((details, callback) => {
    const allowed = isRequestAllowed(details.url, packaged);
    if (!allowed) log({ kind: 'request-blocked', scheme: loggableScheme(details.url) });
    callback({ cancel: !allowed });
  });
  ses.protocol.handle(APP_SCHEME, createAppProtocolHandler(paths.renderer));
}

function senderInfo(event: IpcMainInvokeEvent): SenderInfo {
  const frame = event.senderFrame;
  return {
    webContentsId: event.sender.id,
    frameUrl: frame ? frame.url : null,
    isMainFrame: frame !== null && frame.parent === null,
  };
}

function createWindow(autoLock: AutoLock): BrowserWindow {
  const window = new BrowserWindow(mainWindowOptions({ preload: paths.preload, packaged }));
  window.once('ready-to-show', () => window.show());
  // Keyboard input in our window counts as presence for the idle lock.
  window.webContents.on('before-input-event', () => autoLock.noteActivity());
  // The observer window (allowed in hardenContents): shown when drawn, forgotten when closed.
  window.webContents.on('did-create-window', (child) => {
    const id = child.webContents.id;
    observerWindows.add(id);
    child.once('ready-to-show', () => child.show());
    child.once('closed', () => observerWindows.delete(id));
  });
  void window.loadURL(APP_ENTRY_URL);
  return window;
}

function start(): void {
  const settingsFile = join(app.getPath('userData'), 'settings.json');
  const settings = loadShellSettings(settingsFile);
  let liveInterview = false;
  const vaultDir = join(app.getPath('userData'), 'vault');
  // The second, signed copy of the audit anchor lives outside the vault folder (src/vault/anchor.ts);
  // the core host inherits this environment.
  process.env.HEARTH_ANCHOR_COPY ??= join(app.getPath('userData'), 'hearth-vault.anchor.json');

  // On lock the renderer is reloaded so that no decrypted state survives in the page; the
  // fresh page is then told why it is on the sign-in screen.
  const onCoreEvent = (event: CoreEvent): void => {
    if (event.type !== 'locked') {
      sendEvent(event);
      return;
    }
    liveInterview = false;
    const window = liveWindow();
    if (!window) return;
    window.webContents.once('did-finish-load', () => sendEvent(event));
    window.webContents.reload();
  };

  const client = new CoreHostClient({
    spawn: utilityHostSpawner(paths.coreHost, vaultDir),
    onEvent: onCoreEvent,
    log,
  });

  // The renderer is asked first so that an unsent note is saved, sealed, before the keys go;
  // a renderer that does not answer is locked anyway after the grace.
  const requestLock = (reason: 'user' | 'idle' | 'system'): void => {
    if (!client.unlocked) return;
    sendEvent({ type: 'lock-requested', reason });
    setTimeout(() => void client.lock(reason), LOCK_GRACE_MS);
  };

  const autoLock = new AutoLock(
    {
      now: Date.now,
      setInterval: (fn, ms) => setInterval(fn, ms),
      clearInterval: (handle) => clearInterval(handle as NodeJS.Timeout),
      system: (thresholdMs) => ({
        state: powerMonitor.getSystemIdleState(Math.max(1, Math.round(thresholdMs / 1000))),
        idleMs: powerMonitor.getSystemIdleTime() * 1000,
      }),
      isUnlocked: () => client.unlocked,
      // The OS locked the screen or is suspending: no grace, the keys go now.
      lock: (reason) => (reason === 'system' ? void client.lock(reason) : requestLock(reason)),
      isLiveInterview: () => liveInterview,
      idleDuringInterview: () => sendEvent({ type: 'idle-notice' }),
    },
    settings.idleLockMs,
  );

  const shellChannels = createShellChannels({
    idleLockMs: () => autoLock.idleTimeoutMs,
    setIdleLockMs: (ms) => autoLock.setIdleTimeout(ms),
    save: (minutes) => saveIdleLockMinutes(settingsFile, minutes),
    isAdmin: async () => {
      const status = await client.invoke('vault.status', {});
      return status.ok && (status.value as { user?: { role?: string } }).user?.role === 'admin';
    },
    setLiveInterview: (active) => {
      liveInterview = active;
    },
  });

  const relay = createIpcRelay({
    target: client,
    shell: shellChannels,
    trustedWebContentsId: () => liveWindow()?.webContents.id ?? null,
    observerWebContentsIds: () => observerWindows,
    observerChannels: OBSERVER_CHANNELS,
    log,
  });
  ipcMain.handle(INVOKE_CHANNEL, (event, channel: unknown, payload: unknown) =>
    relay(senderInfo(event), channel, payload),
  );

  app.on('web-contents-created', (_event, contents) => hardenContents(contents));

  void app.whenReady().then(() => {
    hardenSession();
    Menu.setApplicationMenu(
      Menu.buildFromTemplate(
        buildMenuTemplate({
          strings: loadMenuStrings(paths.locales, menuLanguage(app.getLocale())),
          platform: process.platform,
          packaged,
          onAction: (action) => sendEvent({ type: 'menu', action }),
          onLock: () => requestLock('user'),
        }),
      ),
    );
    powerMonitor.on('lock-screen', () => autoLock.systemEvent('lock-screen'));
    powerMonitor.on('suspend', () => autoLock.systemEvent('suspend'));
    mainWindow = createWindow(autoLock);
    autoLock.start();
  });

  app.on('second-instance', () => {
    const window = liveWindow();
    if (!window) return;
    if (window.isMinimized()) window.restore();
    window.show();
    window.focus();
  });

  // A vault app does not linger without a window, on any platform.
  app.on('window-all-closed', () => app.quit());

  // Give the host the chance to finish in-flight writes and close the vault before exiting.
  let closing = false;
  app.on('before-quit', (event) => {
    if (closing) return;
    closing = true;
    event.preventDefault();
    autoLock.stop();
    void client.close().finally(() => app.quit());
  });
}

// One instance: a second launch focuses the first window instead (the vault has one owner).
if (app.requestSingleInstanceLock()) {
  start();
} else {
  app.quit();
}
