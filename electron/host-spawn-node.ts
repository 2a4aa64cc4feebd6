// Starts the core host with Node's child_process.fork: what the tests (and any Node caller)
// use. Same messages as the utilityProcess spawner; the host picks its side automatically.
import { fork, type ForkOptions } from 'node:child_process';
import type { HostProcess, SpawnHost } from './host-client';
import { hostArgs } from './host-protocol';

export interface ForkHostOptions {
  /** The host entry: dist/electron/core-host.js, or electron/core-host.ts with tsx. */
  modulePath: string;
  vaultDir: string;
  /** For example ['--import', 'tsx'] to run the TypeScript source. */
  execArgv?: string[];
  env?: NodeJS.ProcessEnv;
}

export function forkHostSpawner(options: ForkHostOptions): SpawnHost {
  return () => {
    const forkOptions: ForkOptions = {
      execArgv: options.execArgv ?? [],
      serialization: 'advanced',
      stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
      ...(options.env ? { env: options.env } : {}),
    };
    const child = fork(options.modulePath, hostArgs(options.vaultDir), forkOptions);
    const host: HostProcess = {
      pid: child.pid,
      send: (message) => {
        child.send(message);
      },
      onMessage: (listener) => {
        child.on('message', listener);
      },
      onExit: (listener) => {
        // A fork that fails to start emits 'error' and may never emit 'exit'.
        let done = false;
        const once = (code: number | null): void => {
          if (done) return;
          done = true;
          listener(code);
        };
        child.once('exit', (code) => once(code));
        child.once('error', () => once(null));
      },
      kill: () => {
        child.kill('SIGKILL');
      },
    };
    return host;
  };
}
