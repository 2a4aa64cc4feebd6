// Builds a synthetic vault for `npm run bench -- scale` through the real storage layer: the same
// Vault, case and SessionService calls as the app, so every record, summary version and signed
// audit entry is written by the code that writes them in use (tests/integration/scale-build.test.ts
// compares a bulk-built vault with one written call by call). What the bulk path changes is
// durability only: many sessions per SQLite commit, and synchronous=OFF while the synthetic vault
// is built (nothing in it is worth an fsync), then synchronous=FULL again and a checkpoint, so the
// file measured is the one the app would have written. Each session: 150 notes, sealed, then
// opened five times (audited reads).
//
// Where the time goes (node --cpu-prof, 30 Nov 2026, bench/RESULTS-scale.md): per event, the
// audit entry (JCS, SHA-256, chain MAC, Ed25519 signature, sealed references, index rows), the
// sealed event, the summary's next sealed version and the session chain hash: each is tens of
// microseconds of the app's own work; and per session, the seal's pre-seal check that every
// event's audit entry is signed by its author (one Ed25519 verification per event).
import { initCrypto } from '../src/crypto';
import { SessionService } from '../src/interview';
import { createCase, Vault } from '../src/vault';

export const BENCH_USER = {
  username: 'bench',
  displayName: 'Bench Admin',
  passphrase: 'benchmark passphrase',
};
export const BENCH_ARGON2 = { opsLimit: 3, memLimitBytes: 64 * 1024 * 1024 };
export const NOTES_PER_SESSION = 150;
/** Sessions per SQLite transaction (each about 150 sealed events and their audit entries). */
const SESSIONS_PER_COMMIT = 50;
const SESSIONS_PER_CASE = 1.25;

export interface Built {
  sessions: number;
  cases: number;
  events: number;
  caseIds: string[];
  sessionIds: string[];
  buildMs: number;
}

export interface BuildOptions {
  /**
   * true (default): the bulk path (many sessions per commit, synchronous=OFF while building).
   * false: every call commits on its own with synchronous=FULL, exactly as the app writes.
   */
  bulk?: boolean;
  /** Argon2id cost of the bench user's key slot (tests use a cheap one). */
  argon2?: typeof BENCH_ARGON2;
  /** Progress lines on stderr (default true). */
  log?: boolean;
}

/**
 * Builds `sessions` sessions in `vaultDir` (which must not hold a vault): cases of 1.25 sessions
 * on average, each session 150 notes, sealed, then opened five times. The wall clock the
 * sessions see starts at 2016-01-04 09:00 UTC and advances one second per call (four hours per
 * session), so two builds of the same size write the same times.
 */
export async function buildScaleVault(
  vaultDir: string,
  sessions: number,
  options: BuildOptions = {},
): Promise<Built> {
  await initCrypto();
  const bulk = options.bulk ?? true;
  const log = options.log ?? true;
  const started = process.hrtime.bigint();
  const { vault } = Vault.create(vaultDir, BENCH_USER, { argon2: options.argon2 ?? BENCH_ARGON2 });
  // A synthetic vault needs no fsync per commit; FULL is restored (and the WAL checkpointed)
  // before it is closed, so the vault measured afterwards runs with the app's settings.
  if (bulk) vault.db.pragma('synchronous = OFF');
  const batch = bulk ? (fn: () => void) => vault.transact(fn) : (fn: () => void) => fn();
  // A decade of interviews: the wall clock advances about 4 hours per session.
  let wall = Date.parse('2016-01-04T09:00:00Z');
  let mono = 0;
  const clocks = { wallNow: () => (wall += 1000), monotonicNow: () => (mono += 1000) };
  const service = new SessionService(vault, clocks);
  const caseCount = Math.ceil(sessions / SESSIONS_PER_CASE);
  const caseIds: string[] = [];
  const sessionIds: string[] = [];
  let events = 0;
  batch(() => {
    for (let c = 0; c < caseCount; c++)
      caseIds.push(
        createCase(vault, {
          reference: `CAC-${String(2016 + Math.floor((c * 10) / caseCount))}-${String(c).padStart(6, '0')}`,
          childAlias: `Child ${c}`,
          childAgeYears: 4 + (c % 12),
          language: c % 5 === 0 ? 'es' : 'en',
          allegationSummary: 'Synthetic allegation text for a benchmark.',
        }),
      );
  });
  for (let s = 0; s < sessions; s += SESSIONS_PER_COMMIT) {
    batch(() => {
      for (let i = s; i < Math.min(sessions, s + SESSIONS_PER_COMMIT); i++) {
        wall += 4 * 3600 * 1000;
        const sessionId = service.start({
          caseId: caseIds[i % caseCount],
          protocolId: 'nichd',
          mode: 'live',
          language: 'en',
        });
        service.markRecording(sessionId, false);
        for (let n = 0; n < NOTES_PER_SESSION - 2; n++)
          service.addNote(
            sessionId,
            n % 2 ? 'child' : 'question',
            `Synthetic note ${n} of session ${i}: `.padEnd(160, 'x'),
            n % 10 === 1 ? [`word${n}`] : undefined,
          );
        service.finalize(sessionId);
        for (let r = 0; r < 5; r++) service.summary(sessionId);
        sessionIds.push(sessionId);
        events += NOTES_PER_SESSION + 1;
      }
    });
    if (log && (s / SESSIONS_PER_COMMIT) % 10 === 0)
      process.stderr.write(`  built ${s} / ${sessions} sessions\n`);
    service.suspendAll(); // drops the cached states (nothing to pause: every session is sealed)
  }
  if (bulk) {
    vault.db.pragma('synchronous = FULL');
    vault.db.pragma('wal_checkpoint(TRUNCATE)');
  }
  vault.close();
  return {
    sessions,
    cases: caseCount,
    events,
    caseIds,
    sessionIds,
    buildMs: Number(process.hrtime.bigint() - started) / 1e6,
  };
}
