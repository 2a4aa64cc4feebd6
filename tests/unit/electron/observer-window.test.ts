// The observation room's window: only the exact observer address gets a window, only when the
// main window asks, with the main window's hardened webPreferences; its IPC may call
// observers.suggest and nothing else (never the record, the queue or a case).
import { createIpcRelay, type SenderInfo } from '../../../electron/ipc-relay';
import {
  isObserverWindowUrl,
  OBSERVER_CHANNELS,
  observerWindowOpenDecision,
} from '../../../electron/observer-window';
import { mainWindowOptions } from '../../../electron/security';

const SESSION = `sess_${'a1'.repeat(16)}`;
const URL_OK = `app://hearth/index.html#observer/${SESSION}`;
const INPUT = { preload: '/app/dist/electron/preload.js', packaged: true };

test.each([
  [URL_OK, true],
  [`app://hearth/index.html#observer/sess_${'A1'.repeat(16)}`, false],
  [`app://hearth/index.html#observer/${SESSION}x`, false],
  [`app://hearth/index.html?x=1#observer/${SESSION}`, false],
  [`app://hearth/other.html#observer/${SESSION}`, false],
  [`app://hearth.evil/index.html#observer/${SESSION}`, false],
  [`https://hearth/index.html#observer/${SESSION}`, false],
  ['app://hearth/index.html', false],
  ['about:blank', false],
])('isObserverWindowUrl(%s) is %s', (url, expected) => {
  expect(isObserverWindowUrl(url)).toBe(expected);
});

test('a window only for the observer address and only from the main window, hardened as it', () => {
  const allowed = observerWindowOpenDecision(URL_OK, true, INPUT);
  expect(allowed.action).toBe('allow');
  if (allowed.action !== 'allow') return;
  expect(allowed.overrideBrowserWindowOptions.webPreferences).toEqual(
    mainWindowOptions(INPUT).webPreferences,
  );
  expect(observerWindowOpenDecision(URL_OK, false, INPUT)).toEqual({ action: 'deny' });
  expect(observerWindowOpenDecision('https://example.com/', true, INPUT)).toEqual({
    action: 'deny',
  });
});

describe('the relay and an observer window', () => {
  const MAIN = 7;
  const OBSERVER = 9;
  const sender = (webContentsId: number, frameUrl = URL_OK): SenderInfo => ({
    webContentsId,
    frameUrl,
    isMainFrame: true,
  });
  function setup() {
    const calls: string[] = [];
    const relay = createIpcRelay({
      target: {
        invoke: (channel) => {
          calls.push(channel);
          return Promise.resolve({ ok: true, value: {} });
        },
      },
      trustedWebContentsId: () => MAIN,
      observerWebContentsIds: () => new Set([OBSERVER]),
      observerChannels: OBSERVER_CHANNELS,
    });
    return { relay, calls };
  }
  const suggestion = { sessionId: SESSION, role: 'cps', text: 'Ask where she goes after school.' };

  test('may send a suggestion', async () => {
    const { relay, calls } = setup();
    const r = await relay(sender(OBSERVER), 'observers.suggest', suggestion);
    expect(r.ok).toBe(true);
    expect(calls).toEqual(['observers.suggest']);
  });

  test.each([
    ['observers.queue', { sessionId: SESSION }],
    ['sessions.get', { sessionId: SESSION }],
    ['cases.list', {}],
    ['vault.lock', {}],
  ])('may not call %s', async (channel, payload) => {
    const { relay, calls } = setup();
    const r = await relay(sender(OBSERVER), channel, payload);
    expect(r).toEqual({ ok: false, error: expect.objectContaining({ code: 'FORBIDDEN' }) });
    expect(calls).toEqual([]);
  });

  test('a window that is neither main nor observer, or an observer on another origin, is refused', async () => {
    const { relay, calls } = setup();
    expect((await relay(sender(11), 'observers.suggest', suggestion)).ok).toBe(false);
    expect(
      (await relay(sender(OBSERVER, 'https://evil.example/'), 'observers.suggest', suggestion)).ok,
    ).toBe(false);
    expect(calls).toEqual([]);
  });

  test('the main window still calls anything', async () => {
    const { relay, calls } = setup();
    expect((await relay(sender(MAIN), 'observers.queue', { sessionId: SESSION })).ok).toBe(true);
    expect(calls).toEqual(['observers.queue']);
  });
});
