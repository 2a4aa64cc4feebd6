// The preload bridge. It runs sandboxed, where `require` knows only 'electron', so this file
// imports nothing else at run time (types are erased) and repeats the two channel names from
// ipc.ts (tests/unit/electron/preload.test.ts keeps them equal and runs this file the way
// Electron does). It exposes exactly `window.hearth = { invoke, onEvent }`: never ipcRenderer,
// never the IPC event object (whose `sender` would hand the page ipcRenderer back).
import { contextBridge, ipcRenderer } from 'electron';
import type { HearthBridge, ShellEvent } from './ipc';

const INVOKE_CHANNEL = 'hearth:invoke';
const EVENT_CHANNEL = 'hearth:event';

const bridge: HearthBridge = {
  invoke(channel: string, payload: unknown = {}): Promise<unknown> {
    // A string check here only saves a round trip; the main process validates everything.
    if (typeof channel !== 'string') {
      return Promise.resolve({
        ok: false,
        error: { code: 'UNKNOWN_CHANNEL', message: 'There is no such channel.' },
      });
    }
    return ipcRenderer.invoke(INVOKE_CHANNEL, channel, payload);
  },
  onEvent(listener: (event: ShellEvent) => void): () => void {
    if (typeof listener !== 'function') return () => undefined;
    const relay = (_event: unknown, payload: ShellEvent): void => listener(payload);
    ipcRenderer.on(EVENT_CHANNEL, relay);
    return () => {
      ipcRenderer.removeListener(EVENT_CHANNEL, relay);
    };
  },
};

contextBridge.exposeInMainWorld('hearth', bridge);
