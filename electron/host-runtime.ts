// The core host's logic: runs the core behind a HostPort. Entry point: core-host.ts.
// A result is posted only after core.invoke resolved, i.e. after the write committed: an
// acknowledged note survives the host being killed right after.
import { createCore } from '../src/api/core';
import type { HostPort } from './host-port';
import { parseToHost, type FromHost } from './host-protocol';

export function runHost(port: HostPort, vaultDir: string, exit: (code: number) => void): void {
  const post = (message: FromHost): void => port.post(message);
  const core = createCore({ vaultDir, onEvent: (event) => post({ t: 'event', event }) });
  const inFlight = new Set<Promise<void>>();
  let stopping = false;

  const stop = (): void => {
    if (stopping) return;
    stopping = true;
    // Let calls already running finish (and be acknowledged) before the vault closes.
    void Promise.allSettled([...inFlight]).then(() => {
      try {
        core.close();
      } finally {
        exit(0);
      }
    });
  };

  port.onMessage((raw) => {
    const message = parseToHost(raw);
    if (message === null) return;
    if (message.t === 'shutdown') {
      stop();
      return;
    }
    if (stopping) {
      post({
        t: 'result',
        id: message.id,
        result: { ok: false, error: { code: 'VAULT_LOCKED', message: 'The vault is locking.' } },
      });
      return;
    }
    const call = core.invoke(message.channel, message.payload).then((result) => {
      post({ t: 'result', id: message.id, result });
    });
    inFlight.add(call);
    void call.finally(() => inFlight.delete(call));
  });
  port.onParentGone(stop);
  post({ t: 'ready', pid: process.pid });
}
