// Builds a synthetic vault for `npm run bench -- scale` through the real storage layer: the same
// Vault, case and SessionService calls as the app, so every record, summary version and signed
// audit entry is written by the code that writes them in use (tests/integration/scale-build.test.ts
// compares a bulk-built vault with one written call by call, and tampers with a bulk-built note).
// What the bulk path changes is durability and one read-back: many sessions per SQLite commit,
// synchronous=OFF while the synthetic vault is built (nothing in it is worth an fsync), then
// synchronous=FULL again and a checkpoint, so the file measured is the one the app would have
// written; and the seal skips finalize's pre-seal check, which re-verified every event this
// process had just signed (bench/scale-seal.ts). Each session: 150 notes, sealed, then opened
// five times (audited reads).
//
// A build of N sessions is the first N sessions of any larger build (session i belongs to case
// ⌊4i/5⌋: 1.25 sessions per case, cases created as their first session is), so one vault can
// grow 1,250 → 5,000 → 20,000 and be copied at each size (bench/scale-cache.ts), and a build that
// was stopped resumes from its last commit (its state is saved after every commit).
//
// Where the time goes (node --cpu-prof, 30 Nov 2026, bench/RESULTS-scale.md): per event, the
// audit entry (JCS, SHA-256, chain MAC, Ed25519 signature, sealed references, index rows), the
// sealed event, the summary's next sealed version and the session chain hash: each is tens of
// microseconds of the app's own work; and per session, the seal's pre-seal check that every
// event's audit entry is signed by its author (one Ed25519 verification per event).
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { initCrypto } from '../src/crypto';
import { SessionService } from '../src/interview';
import { createCase, Vault } from '../src/vault';
import { sealBuiltSession } from './scale-seal';

export const BENCH_USER = {
  username: 'bench',
  displayName: 'Bench Admin',
  passphrase: 'benchmark passphrase',
};
export const BENCH_ARGON2 = { opsLimit: 3, memLimitBytes: 64 * 1024 * 1024 };
export const NOTES_PER_SESSION = 150;
/** Sessions per SQLite transaction (each about 150 sealed events and their audit entries). */
const SESSIONS_PER_COMMIT = 50;
/** Sessions a synthetic year holds: 20,000 sessions span a decade from 2016. */
const SESSIONS_PER_YEAR = 2_000;

export interface Built {
  sessions: number;
  cases: number;
  events: number;
  caseIds: string[];
  sessionIds: string[];
  /** Wall time spent building, summed over every resumed part. */
  buildMs: number;
}

/** What a build saves after each commit to resume from (build-state.json beside the vault). */
interface BuildState extends Built {
  /** The clocks the sessions saw, to continue from. */
  wall: number;
  mono: number;
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

const STATE_FILE = 'build-state.json';

/** The case session `i` belongs to: 1.25 sessions per case, independent of the build's size. */
export const caseOfSession = (i: number): number => Math.floor((i * 4) / 5);

function readState(vaultDir: string): BuildState | undefined {
  const file = join(vaultDir, STATE_FILE);
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as BuildState) : undefined;
}

function saveState(vaultDir: string, state: BuildState): void {
  const file = join(vaultDir, STATE_FILE);
  writeFileSync(`${file}.tmp`, JSON.stringify(state));
  renameSync(`${file}.tmp`, file); // never a half-written state
}

/** Session events in the vault: a resumed build refuses a vault whose count is not the state's. */
function eventCount(vault: Vault): number {
  return (
    vault.db.prepare("SELECT count(*) AS n FROM records WHERE kind = 'event'").get() as {
      n: number;
    }
  ).n;
}

/**
 * Grows the synthetic vault in `vaultDir` to `sessions` sessions: creates it when the folder holds
 * none, else resumes from its build-state.json (a vault with more sessions is refused). Each
 * session: 150 notes, sealed, then opened five times. The wall clock the sessions see starts at
 * 2016-01-04 09:00 UTC and advances one second per call (four hours per session), so two builds
 * of the same size write the same times.
 */
export async function growScaleVault(
  vaultDir: string,
  sessions: number,
  options: BuildOptions = {},
): Promise<Built> {
  await initCrypto();
  const bulk = options.bulk ?? true;
  const log = options.log ?? true;
  const started = process.hrtime.bigint();
  const previous = readState(vaultDir);
  if (previous && previous.sessions > sessions)
    throw new Error(
      `${vaultDir} already holds ${previous.sessions} sessions, more than the ${sessions} asked for. Use a fresh folder.`,
    );
  let vault: Vault;
  if (previous) {
    vault = Vault.open(vaultDir);
    if (eventCount(vault) !== previous.events) {
      vault.close();
      throw new Error(
        `${vaultDir}: the vault does not match ${STATE_FILE} (stopped between a commit and saving the state, or changed since). Delete the folder and build again.`,
      );
    }
    vault.unlock(BENCH_USER.username, BENCH_USER.passphrase);
  } else
    vault = Vault.create(vaultDir, BENCH_USER, { argon2: options.argon2 ?? BENCH_ARGON2 }).vault;
  const state: BuildState = previous ?? {
    sessions: 0,
    cases: 0,
    events: 0,
    caseIds: [],
    sessionIds: [],
    buildMs: 0,
    wall: Date.parse('2016-01-04T09:00:00Z'),
    mono: 0,
  };
  // A synthetic vault needs no fsync per commit; FULL is restored (and the WAL checkpointed)
  // before it is closed, so the vault measured afterwards runs with the app's settings.
  if (bulk) vault.db.pragma('synchronous = OFF');
  const batch = bulk ? (fn: () => void) => vault.transact(fn) : (fn: () => void) => fn();
  const clocks = {
    wallNow: () => (state.wall += 1000),
    monotonicNow: () => (state.mono += 1000),
  };
  const service = new SessionService(vault, clocks);
  const sinceResume = () => Number(process.hrtime.bigint() - started) / 1e6;
  const buildMsBefore = state.buildMs;
  try {
    while (state.sessions < sessions) {
      const from = state.sessions;
      const to = Math.min(sessions, from + SESSIONS_PER_COMMIT);
      // The ids are kept apart until the batch is committed (the clocks move on regardless: a
      // failed batch ends the build, and its state is not saved).
      const caseIds = [...state.caseIds];
      const sessionIds: string[] = [];
      batch(() => {
        for (let i = from; i < to; i++) {
          const c = caseOfSession(i);
          const year = 2016 + Math.floor(i / SESSIONS_PER_YEAR);
          while (caseIds.length <= c) {
            const n = caseIds.length;
            caseIds.push(
              createCase(vault, {
                reference: `CAC-${year}-${String(n).padStart(6, '0')}`,
                childAlias: `Child ${n}`,
                childAgeYears: 4 + (n % 12),
                language: n % 5 === 0 ? 'es' : 'en',
                allegationSummary: 'Synthetic allegation text for a benchmark.',
              }),
            );
          }
          state.wall += 4 * 3600 * 1000; // a decade of interviews: about 4 hours per session
          const sessionId = service.start({
            caseId: caseIds[c],
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
          if (bulk) sealBuiltSession(service, sessionId);
          else service.finalize(sessionId);
          for (let r = 0; r < 5; r++) service.summary(sessionId);
          sessionIds.push(sessionId);
        }
      });
      state.caseIds = caseIds;
      state.cases = caseIds.length;
      state.sessionIds.push(...sessionIds);
      state.sessions = to;
      state.events += (to - from) * (NOTES_PER_SESSION + 1);
      state.buildMs = buildMsBefore + sinceResume();
      saveState(vaultDir, state);
      if (log && (to / SESSIONS_PER_COMMIT) % 10 === 0)
        process.stderr.write(
          `  built ${to} / ${sessions} sessions (${Math.round(state.buildMs / 1000)} s)\n`,
        );
      service.suspendAll(); // drops the cached states (nothing to pause: every session is sealed)
    }
  } finally {
    if (bulk) {
      vault.db.pragma('synchronous = FULL');
      vault.db.pragma('wal_checkpoint(TRUNCATE)');
    }
    vault.close();
  }
  const { wall: _w, mono: _m, ...built } = state;
  return built;
}

/** Builds `sessions` sessions in `vaultDir`, which must not hold a vault (see growScaleVault). */
export async function buildScaleVault(
  vaultDir: string,
  sessions: number,
  options: BuildOptions = {},
): Promise<Built> {
  if (readState(vaultDir) || Vault.exists(vaultDir))
    throw new Error(`${vaultDir} already holds a vault.`);
  return growScaleVault(vaultDir, sessions, options);
}
