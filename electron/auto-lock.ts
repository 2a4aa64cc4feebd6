// Auto-lock: after the workstation's idle time (settings.json, default 15 minutes; the one
// setting Settings shows and changes), and at once when the OS locks the screen or suspends.
// During a live interview idleness never locks: the interviewer may listen for a long time
// without touching anything, and a lock would end the session in front of the child. A quiet
// notice is sent instead (once per idle stretch); the OS screen lock still locks.
// Plain logic over an injected clock and timers; main.ts feeds it Electron's powerMonitor and
// keyboard activity, tests feed it a fake clock.
import { DEFAULT_IDLE_LOCK_MINUTES, idleDecision } from '../src/api/channels/shell';

export const DEFAULT_IDLE_LOCK_MS = DEFAULT_IDLE_LOCK_MINUTES * 60_000;
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
  /** Whether a live interview is on screen (the renderer says so through the shell channel). */
  isLiveInterview?: () => boolean;
  /** The idle time passed during a live interview: show the quiet notice. */
  idleDuringInterview?: () => void;
}

export class AutoLock {
  private lastActivity: number;
  private handle: unknown;
  /** The notice was sent for the current idle stretch (reset by activity). */
  private noticeSent = false;

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
    this.noticeSent = false;
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
    if (reason === 'system') return this.deps.lock('system');
    if (reason === null) {
      this.noticeSent = false;
      return;
    }
    const decision = idleDecision({
      idleMs: this.timeoutMs,
      timeoutMs: this.timeoutMs,
      liveInterview: this.deps.isLiveInterview?.() ?? false,
    });
    if (decision === 'lock') this.deps.lock('idle');
    else if (decision === 'notice' && !this.noticeSent) {
      this.noticeSent = true;
      this.deps.idleDuringInterview?.();
    }
  }
}
