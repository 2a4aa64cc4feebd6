// The one IPC handler: only the main frame of our window on app://hearth gets through, only
// contract channels with valid payloads reach the core host, and the log never sees a payload.
import type { Result } from '../../../src/api/contract';
import {
  createIpcRelay,
  FORBIDDEN_SENDER,
  isTrustedSender,
  validateRequest,
  type SenderInfo,
} from '../../../electron/ipc-relay';
import type { LogEntry } from '../../../electron/log';

const OUR_WINDOW = 7;
const trusted: SenderInfo = {
  webContentsId: OUR_WINDOW,
  frameUrl: 'app://hearth/index.html',
  isMainFrame: true,
};

describe('isTrustedSender', () => {
  test('the main frame of our window on app://hearth is trusted', () => {
    expect(isTrustedSender(trusted, OUR_WINDOW)).toBe(true);
    expect(
      isTrustedSender({ ...trusted, frameUrl: 'app://hearth/index.html#/cases' }, OUR_WINDOW),
    ).toBe(true);
  });

  test.each<[string, Partial<SenderInfo>, number | null]>([
    ['another webContents', { webContentsId: 8 }, OUR_WINDOW],
    ['no window yet', {}, null],
    ['a subframe', { isMainFrame: false }, OUR_WINDOW],
    ['a destroyed frame', { frameUrl: null }, OUR_WINDOW],
    ['a foreign origin', { frameUrl: 'https://evil.example/' }, OUR_WINDOW],
    ['a file:// page', { frameUrl: 'file:///home/u/index.html' }, OUR_WINDOW],
    ['an http page', { frameUrl: 'http://hearth/index.html' }, OUR_WINDOW],
    ['another app:// host', { frameUrl: 'app://evil/index.html' }, OUR_WINDOW],
    ['app:// with a port', { frameUrl: 'app://hearth:1234/index.html' }, OUR_WINDOW],
    ['app:// with credentials', { frameUrl: 'app://x@hearth/index.html' }, OUR_WINDOW],
    ['about:blank', { frameUrl: 'about:blank' }, OUR_WINDOW],
    ['a data: page', { frameUrl: 'data:text/html,hi' }, OUR_WINDOW],
    ['garbage', { frameUrl: 'not a url' }, OUR_WINDOW],
  ])('refuses %s', (_name, change, ours) => {
    expect(isTrustedSender({ ...trusted, ...change }, ours)).toBe(false);
  });
});

describe('validateRequest', () => {
  test('a contract channel with a valid payload passes', () => {
    expect(validateRequest('vault.status', {})).toBeNull();
    expect(validateRequest('vault.unlock', { username: 'ada', passphrase: 'x' })).toBeNull();
  });

  test.each([['no.such.channel'], ['__proto__'], ['constructor'], ['toString'], [42], [null]])(
    'unknown channel %p',
    (channel) => {
      expect(validateRequest(channel, {})).toMatchObject({ code: 'UNKNOWN_CHANNEL' });
    },
  );

  test.each([
    ['vault.status', { extra: 1 }],
    ['vault.status', null],
    ['vault.status', 'string'],
    ['vault.unlock', { username: 'ada' }],
    ['cases.create', { reference: 'R', childAlias: 'A', childAgeYears: 30, language: 'en' }],
    ['cases.create', { reference: 'R', childAlias: 'A', childAgeYears: 3, language: 'en', x: 1 }],
  ])('malformed payload for %s', (channel, payload) => {
    const error = validateRequest(channel, payload);
    expect(error).toMatchObject({ code: 'INVALID_INPUT' });
  });

  test('the error message names fields, never echoes values', () => {
    const error = validateRequest('cases.create', {
      reference: 'R',
      childAlias: 'Secret Alias',
      childAgeYears: 99,
      language: 'en',
    });
    expect(error?.message).toMatch(/childAgeYears/);
    expect(error?.message).not.toMatch(/Secret Alias/);
  });
});

describe('createIpcRelay', () => {
  function setup(reply: Result<unknown> = { ok: true, value: { fine: true } }) {
    const calls: Array<[string, unknown]> = [];
    const logs: LogEntry[] = [];
    let clock = 1000;
    const relay = createIpcRelay({
      target: {
        invoke: (channel, payload) => {
          calls.push([channel, payload]);
          clock += 12.4;
          return Promise.resolve(reply);
        },
      },
      trustedWebContentsId: () => OUR_WINDOW,
      log: (entry) => logs.push(entry),
      now: () => clock,
    });
    return { relay, calls, logs };
  }

  test('relays a valid call from our window, unchanged, and logs name, outcome and duration', async () => {
    const { relay, calls, logs } = setup();
    const payload = {
      reference: 'SECRET-1',
      childAlias: 'Secret',
      childAgeYears: 9,
      language: 'en',
    };
    expect(await relay(trusted, 'cases.create', payload)).toEqual({
      ok: true,
      value: { fine: true },
    });
    expect(calls).toEqual([['cases.create', payload]]);
    expect(logs).toEqual([{ kind: 'call', channel: 'cases.create', outcome: 'ok', ms: 12 }]);
    expect(JSON.stringify(logs)).not.toMatch(/SECRET|Secret/);
  });

  test('core errors come back as they are, and only their code is logged', async () => {
    const { relay, logs } = setup({
      ok: false,
      error: { code: 'BAD_PASSPHRASE', message: 'The passphrase is not correct.' },
    });
    const result = await relay(trusted, 'vault.unlock', { username: 'ada', passphrase: 'hunter2' });
    expect(result).toEqual({
      ok: false,
      error: { code: 'BAD_PASSPHRASE', message: 'The passphrase is not correct.' },
    });
    expect(logs).toEqual([
      { kind: 'call', channel: 'vault.unlock', outcome: 'BAD_PASSPHRASE', ms: 12 },
    ]);
    expect(JSON.stringify(logs)).not.toMatch(/hunter2/);
  });

  test('a subframe or foreign sender never reaches the core', async () => {
    const { relay, calls, logs } = setup();
    expect(await relay({ ...trusted, isMainFrame: false }, 'vault.status', {})).toEqual({
      ok: false,
      error: FORBIDDEN_SENDER,
    });
    expect(
      await relay({ ...trusted, frameUrl: 'https://evil.example/' }, 'vault.status', {}),
    ).toEqual({
      ok: false,
      error: FORBIDDEN_SENDER,
    });
    expect(calls).toEqual([]);
    expect(logs).toEqual([
      { kind: 'refused', reason: 'sender' },
      { kind: 'refused', reason: 'sender' },
    ]);
  });

  test('unknown channels and malformed payloads never reach the core', async () => {
    const { relay, calls, logs } = setup();
    expect(await relay(trusted, 'secret-channel-name', {})).toMatchObject({
      ok: false,
      error: { code: 'UNKNOWN_CHANNEL' },
    });
    expect(await relay(trusted, 'vault.unlock', { username: 'ada', passphrase: 7 })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
    expect(calls).toEqual([]);
    expect(logs).toEqual([
      { kind: 'refused', reason: 'channel' },
      { kind: 'refused', reason: 'payload' },
    ]);
    expect(JSON.stringify(logs)).not.toMatch(/secret-channel-name/);
  });

  test('before the window exists nothing is trusted', async () => {
    const relay = createIpcRelay({
      target: { invoke: () => Promise.reject(new Error('must not be called')) },
      trustedWebContentsId: () => null,
    });
    expect(await relay(trusted, 'vault.status', {})).toEqual({
      ok: false,
      error: FORBIDDEN_SENDER,
    });
  });
});

describe('shell channels through the relay', () => {
  test('go to the shell, never to the core; their payloads are validated like any other', async () => {
    const core: string[] = [];
    const shell: Array<[string, unknown]> = [];
    const relay = createIpcRelay({
      target: {
        invoke: (channel) => {
          core.push(channel);
          return Promise.resolve({ ok: true, value: {} });
        },
      },
      shell: {
        invoke: (channel, payload) => {
          shell.push([channel, payload]);
          return Promise.resolve({ ok: true, value: {} });
        },
      },
      trustedWebContentsId: () => OUR_WINDOW,
    });
    await relay(trusted, 'shell.interviewActive', { active: true });
    expect(shell).toEqual([['shell.interviewActive', { active: true }]]);
    expect(core).toEqual([]);
    const bad = await relay(trusted, 'shell.setIdleLock', { minutes: 0 });
    expect(bad).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(shell).toHaveLength(1);
    // And only from our window.
    const foreign = await relay(
      { ...trusted, webContentsId: OUR_WINDOW + 1 },
      'shell.idleLock',
      {},
    );
    expect(foreign).toEqual({ ok: false, error: FORBIDDEN_SENDER });
  });
});
