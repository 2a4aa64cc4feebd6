// Starts the core host in an Electron utilityProcess: a Node environment of its own, so the
// vault, Argon2id and SQLite never block the UI, and ending it takes the keys with it.
import { utilityProcess } from 'electron';
import type { HostProcess, SpawnHost } from './host-client';
import { hostArgs } from './host-protocol';

export function utilityHostSpawner(modulePath: string, vaultDir: string): SpawnHost {
  return () => {
    const child = utilityProcess.fork(modulePath, hostArgs(vaultDir), {
      serviceName: 'Hearth vault',
      // The host logs nothing of substance; keep its stderr for crash diagnostics only.
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    const host: HostProcess = {
      get pid() {
        return child.pid;
      },
      send: (message) => child.postMessage(message),
      onMessage: (listener) => {
        child.on('message', listener);
      },
      onExit: (listener) => {
        child.once('exit', (code) => listener(code));
      },
      kill: () => {
        child.kill();
      },
    };
    return host;
  };
}
