// The main process's side of the core host: starts the host process on demand, relays calls by
// request id, forwards its events, and ends it on lock. Locking ends the process (keys leave
// memory with it); the next call, typically vault.unlock, starts a fresh one.
import type { CoreError, CoreEvent, Result } from '../src/api/contract';
import type { Logger } from './log';
import { parseFromHost, type ToHost } from './host-protocol';

/** One running host process, whichever way it was started (utilityProcess or fork). */
export interface HostProcess {
  readonly pid: number | undefined;
  send(message: ToHost): void;
  onMessage(listener: (message: unknown) => void): void;
  onExit(listener: (code: number | null) => void): void;
  /** Ends the process at once (SIGKILL where there are signals). */
  kill(): void;
}

export type SpawnHost = () => HostProcess;

export type LockReason = 'user' | 'idle' | 'system';

export interface HostClientOptions {
  spawn: SpawnHost;
  onEvent?: (event: CoreEvent) => void;
  log?: Logger;
  /** How long a locking host may take to finish its calls before it is killed. */
  shutdownTimeoutMs?: number;
}

/** Channels after whose success the vault is unlocked (auto-lock applies from then on). */
const UNLOCKING_CHANNELS = new Set(['vault.unlock', 'vault.create', 'vault.recover']);

const LOCKED: CoreError = { code: 'VAULT_LOCKED', message: 'The vault was locked.' };
const HOST_STOPPED: CoreError = {
  code: 'INTERNAL',
  message: 'The vault process stopped, so the vault is locked. Unlock it again to continue.',
};

interface Running {
  process: HostProcess;
  pending: Map<number, (result: Result<unknown>) => void>;
  exited: Promise<void>;
  /** Set while a lock is ending this process on purpose. */
  locking: boolean;
}

export class CoreHostClient {
  private running: Running | undefined;
  private nextId = 1;
  private unlockedFlag = false;
  private locking: Promise<void> | undefined;

  constructor(private readonly options: HostClientOptions) {}

  /** The host's pid, or undefined when no host runs (locked, or not started yet). */
  get pid(): number | undefined {
    return this.running?.process.pid;
  }

  /** Whether a user is signed in to the vault held by the running host. */
  get unlocked(): boolean {
    return this.unlockedFlag && this.running !== undefined;
  }

  async invoke(channel: string, payload: unknown): Promise<Result<unknown>> {
    if (channel === 'vault.lock') {
      await this.lock('user');
      return { ok: true, value: {} };
    }
    // A call made while a lock is under way waits for it, then goes to a fresh host.
    if (this.locking) await this.locking;
    const running = this.ensureRunning();
    const id = this.nextId++;
    const result = await new Promise<Result<unknown>>((resolve) => {
      running.pending.set(id, resolve);
      try {
        running.process.send({ t: 'invoke', id, channel, payload });
      } catch {
        running.pending.delete(id);
        resolve({ ok: false, error: HOST_STOPPED });
      }
    });
    if (result.ok && UNLOCKING_CHANNELS.has(channel)) this.unlockedFlag = true;
    return result;
  }

  /**
   * Ends the host process (it finishes in-flight calls, closes the vault and exits; if it does
   * not within the timeout it is killed), then reports `locked`. Safe to call at any time.
   */
  lock(reason: LockReason): Promise<void> {
    this.locking ??= this.stop(reason).finally(() => {
      this.locking = undefined;
    });
    return this.locking;
  }

  /** Ends the host without reporting a lock (the app is quitting). */
  async close(): Promise<void> {
    const running = this.running;
    if (!running) return;
    await this.shutdown(running);
  }

  private async stop(reason: LockReason): Promise<void> {
    const running = this.running;
    const wasUnlocked = this.unlocked;
    if (running) await this.shutdown(running);
    this.options.log?.({ kind: 'lock', reason });
    // Only a vault that was open is news to the renderer; a lock on the sign-in screen is not.
    if (wasUnlocked || reason === 'user') this.options.onEvent?.({ type: 'locked', reason });
  }

  private async shutdown(running: Running): Promise<void> {
    running.locking = true;
    this.unlockedFlag = false;
    try {
      running.process.send({ t: 'shutdown' });
    } catch {
      running.process.kill();
    }
    const timeoutMs = this.options.shutdownTimeoutMs ?? 10_000;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timedOut = new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => resolve('timeout'), timeoutMs);
    });
    const outcome = await Promise.race([running.exited.then(() => 'exited' as const), timedOut]);
    clearTimeout(timer);
    if (outcome === 'timeout') {
      running.process.kill();
      this.options.log?.({ kind: 'host', event: 'killed', ...pidField(running.process.pid) });
      await running.exited;
    }
  }

  private ensureRunning(): Running {
    if (this.running) return this.running;
    const process = this.options.spawn();
    let markExited: () => void = () => undefined;
    const exited = new Promise<void>((resolve) => {
      markExited = resolve;
    });
    const running: Running = { process, pending: new Map(), exited, locking: false };
    process.onMessage((raw) => {
      const message = parseFromHost(raw);
      if (message === null) return;
      if (message.t === 'result') {
        const resolve = running.pending.get(message.id);
        running.pending.delete(message.id);
        resolve?.(message.result);
      } else if (message.t === 'event') {
        this.options.onEvent?.(message.event);
      }
    });
    process.onExit(() => {
      const unexpected = !running.locking;
      for (const resolve of running.pending.values()) {
        resolve({ ok: false, error: unexpected ? HOST_STOPPED : LOCKED });
      }
      running.pending.clear();
      if (this.running === running) this.running = undefined;
      this.options.log?.({
        kind: 'host',
        event: unexpected ? 'crashed' : 'stopped',
        ...pidField(process.pid),
      });
      if (unexpected && this.unlockedFlag) {
        // The keys died with the process: tell the renderer it is locked.
        this.unlockedFlag = false;
        this.options.onEvent?.({ type: 'locked', reason: 'system' });
      }
      markExited();
    });
    this.running = running;
    this.options.log?.({ kind: 'host', event: 'started', ...pidField(process.pid) });
    return running;
  }
}

function pidField(pid: number | undefined): { pid?: number } {
  return pid === undefined ? {} : { pid };
}
