// Auto-lock: after an idle time set by an admin (default 5 minutes), and at once when the OS
// locks the screen or suspends. Plain logic over an injected clock and timers; main.ts feeds
// it Electron's powerMonitor and keyboard activity, tests feed it a fake clock.

export const DEFAULT_IDLE_LOCK_MS = 5 * 60_000;
/** How often idleness is checked: a lock lands at most this late. */
export const IDLE_POLL_MS = 5_000;

/** `powerMonitor.getSystemIdleState()`: 'unknown' where the OS cannot tell (e.g. Wayland). */
export type SystemIdleState = 'active' | 'idle' | 'locked' | 'unknown';

export interface IdleInput {
  nowMs: number;
  /** Last keyboard input in our window. */
  lastAppActivityMs: number;
  /** Time since the last input anywhere on the machine (OS idle counter). */
  systemIdleMs: number;
  systemState: SystemIdleState;
  timeoutMs: number;
}

/**
 * Whether to lock now, and why. The OS idle counter sees mouse and keyboard everywhere; our
 * own keyboard activity covers systems where that counter is unavailable ('unknown'). A
 * locked OS session locks Hearth at once, also on platforms without a lock-screen event.
 */
export function idleLockReason(input: IdleInput): 'idle' | 'system' | null {
  if (input.systemState === 'locked') return 'system';
  const appIdle = Math.max(0, input.nowMs - input.lastAppActivityMs);
  const idle =
    input.systemState === 'unknown' ? appIdle : Math.min(appIdle, Math.max(0, input.systemIdleMs));
  return idle >= input.timeoutMs ? 'idle' : null;
}

export interface AutoLockDeps {
  now: () => number;
  setInterval: (fn: () => void, ms: number) => unknown;
  clearInterval: (handle: unknown) => void;
  /** The OS view: state and idle time in ms (from powerMonitor). */
  system: (thresholdMs: number) => { state: SystemIdleState; idleMs: number };
  /** Whether a user is signed in: there is nothing to lock on the sign-in screen. */
  isUnlocked: () => boolean;
  lock: (reason: 'idle' | 'system') => void;
}

export class AutoLock {
  private lastActivity: number;
  private handle: unknown;

  constructor(
    private readonly deps: AutoLockDeps,
    private timeoutMs: number = DEFAULT_IDLE_LOCK_MS,
    private readonly pollMs: number = IDLE_POLL_MS,
  ) {
    this.lastActivity = deps.now();
  }

  get idleTimeoutMs(): number {
    return this.timeoutMs;
  }

  start(): void {
    if (this.handle !== undefined) return;
    this.lastActivity = this.deps.now();
    this.handle = this.deps.setInterval(() => this.check(), this.pollMs);
  }

  stop(): void {
    if (this.handle === undefined) return;
    this.deps.clearInterval(this.handle);
    this.handle = undefined;
  }

  setIdleTimeout(ms: number): void {
    this.timeoutMs = ms;
  }

  /** Keyboard input in our window, an unlock, or any other sign that someone is there. */
  noteActivity(): void {
    this.lastActivity = this.deps.now();
  }

  /** The OS locked the screen or is suspending: lock now, whatever the idle time. */
  systemEvent(_event: 'lock-screen' | 'suspend'): void {
    if (this.deps.isUnlocked()) this.deps.lock('system');
  }

  /** One idle check (the interval calls it; exposed for tests). */
  check(): void {
    if (!this.deps.isUnlocked()) {
      // The idle clock starts again from the next unlock, not from the sign-in screen.
      this.lastActivity = this.deps.now();
      return;
    }
    const system = this.deps.system(this.timeoutMs);
    const reason = idleLockReason({
      nowMs: this.deps.now(),
      lastAppActivityMs: this.lastActivity,
      systemIdleMs: system.idleMs,
      systemState: system.state,
      timeoutMs: this.timeoutMs,
    });
    if (reason) this.deps.lock(reason);
  }
}
