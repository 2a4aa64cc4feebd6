// Session time. Elapsed time comes from a monotonic clock while this process holds the session,
// so a wall-clock jump never reorders notes; when a session is reopened by a new process it
// continues from the later of its last event and the wall-clock time since it started.
export interface Clocks {
  /** Wall clock, ms since the epoch. */
  wallNow: () => number;
  /** Monotonic clock, ms (performance.now()). */
  monotonicNow: () => number;
}

export const systemClocks: Clocks = {
  wallNow: () => Date.now(),
  monotonicNow: () => performance.now(),
};

export class SessionClock {
  private readonly anchorElapsed: number;
  private readonly anchorMonotonic: number;

  constructor(
    private readonly clocks: Clocks,
    startedAtMs: number,
    lastElapsedMs: number,
  ) {
    this.anchorElapsed = Math.max(lastElapsedMs, clocks.wallNow() - startedAtMs, 0);
    this.anchorMonotonic = clocks.monotonicNow();
  }

  /** Elapsed ms since the session started; never smaller than an earlier reading. */
  elapsedMs(): number {
    return Math.round(
      this.anchorElapsed + Math.max(0, this.clocks.monotonicNow() - this.anchorMonotonic),
    );
  }
}

/** hh:mm:ss for an offset into the recording, as the video player shows it. */
export function formatOffset(ms: number | null): string | null {
  if (ms === null) return null;
  const total = Math.max(0, Math.floor(ms / 1000));
  const hh = Math.floor(total / 3600);
  const mm = Math.floor((total % 3600) / 60);
  const ss = total % 60;
  return [hh, mm, ss].map((n) => String(n).padStart(2, '0')).join(':');
}
