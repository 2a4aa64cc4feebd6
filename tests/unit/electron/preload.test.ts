// The preload runs the way Electron runs a sandboxed preload: wrapped in a function whose
// `require` knows only 'electron'. It must expose exactly window.hearth = { invoke, onEvent },
// use the channel names main.ts listens on, and never hand the page the IPC event object.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createContext, Script } from 'node:vm';
import ts from 'typescript';
import {
  EVENT_CHANNEL,
  INVOKE_CHANNEL,
  type HearthBridge,
  type ShellEvent,
} from '../../../electron/ipc';

const source = readFileSync(join(__dirname, '../../../electron/preload.ts'), 'utf8');

function compile(): string {
  return ts.transpileModule(source, {
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 },
  }).outputText;
}

function loadPreload() {
  const exposed = new Map<string, unknown>();
  const listeners = new Map<string, Set<(...args: unknown[]) => void>>();
  const invoked: unknown[][] = [];
  const required: string[] = [];
  const electron = {
    contextBridge: {
      exposeInMainWorld: (key: string, api: unknown) => exposed.set(key, api),
    },
    ipcRenderer: {
      invoke: (...args: unknown[]) => {
        invoked.push(args);
        return Promise.resolve({ ok: true, value: 'relayed' });
      },
      on: (channel: string, listener: (...args: unknown[]) => void) => {
        if (!listeners.has(channel)) listeners.set(channel, new Set());
        listeners.get(channel)!.add(listener);
      },
      removeListener: (channel: string, listener: (...args: unknown[]) => void) => {
        listeners.get(channel)?.delete(listener);
      },
      send: () => {
        throw new Error('the preload must not use send');
      },
    },
  };
  const sandboxRequire = (name: string): unknown => {
    required.push(name);
    if (name === 'electron') return electron;
    throw new Error(`module not found: ${name}`);
  };
  const wrapped = new Script(
    `(function (require, process, Buffer, global, setImmediate, clearImmediate, exports, module) {\n${compile()}\n})`,
  );
  const run = wrapped.runInContext(createContext({ Promise })) as (...args: unknown[]) => void;
  const module = { exports: {} };
  run(sandboxRequire, {}, undefined, {}, undefined, undefined, module.exports, module);
  return { exposed, listeners, invoked, required };
}

test('runs sandboxed: requires nothing but electron', () => {
  const { required } = loadPreload();
  expect(required).toEqual(['electron']);
  // And the source has no other runtime import to begin with.
  const runtimeImports = [...source.matchAll(/^import\s+(?!type\b)[^;]*from\s+'([^']+)'/gm)].map(
    (m) => m[1],
  );
  expect(runtimeImports).toEqual(['electron']);
});

test('exposes exactly window.hearth = { invoke, onEvent }', () => {
  const { exposed } = loadPreload();
  expect([...exposed.keys()]).toEqual(['hearth']);
  const bridge = exposed.get('hearth') as Record<string, unknown>;
  expect(Object.keys(bridge).sort()).toEqual(['invoke', 'onEvent']);
  expect(typeof bridge.invoke).toBe('function');
  expect(typeof bridge.onEvent).toBe('function');
});

test('the channel names match the ones main.ts uses', () => {
  expect(source).toContain(`const INVOKE_CHANNEL = '${INVOKE_CHANNEL}';`);
  expect(source).toContain(`const EVENT_CHANNEL = '${EVENT_CHANNEL}';`);
});

test('invoke relays (channel, payload) on the one invoke channel', async () => {
  const { exposed, invoked } = loadPreload();
  const bridge = exposed.get('hearth') as HearthBridge;
  expect(await bridge.invoke('vault.status', {})).toEqual({ ok: true, value: 'relayed' });
  await bridge.invoke('vault.status');
  expect(invoked).toEqual([
    [INVOKE_CHANNEL, 'vault.status', {}],
    [INVOKE_CHANNEL, 'vault.status', {}],
  ]);
  expect(await bridge.invoke(42 as unknown as string)).toMatchObject({
    ok: false,
    error: { code: 'UNKNOWN_CHANNEL' },
  });
  expect(invoked).toHaveLength(2);
});

test('onEvent delivers only the event, never the IPC event object, and unsubscribes', () => {
  const { exposed, listeners } = loadPreload();
  const bridge = exposed.get('hearth') as HearthBridge;
  const received: unknown[][] = [];
  const off = bridge.onEvent((...args: unknown[]) => received.push(args));
  const event: ShellEvent = { type: 'menu', action: 'new-note' };
  const ipcEvent = { sender: { send: () => undefined }, ports: [] };
  for (const listener of listeners.get(EVENT_CHANNEL)!) listener(ipcEvent, event);
  expect(received).toEqual([[event]]);
  off();
  expect(listeners.get(EVENT_CHANNEL)!.size).toBe(0);
  expect(bridge.onEvent(undefined as unknown as () => void)()).toBeUndefined();
});
