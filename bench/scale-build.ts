// Builds a synthetic vault for `npm run bench -- scale` through the real storage layer: the same
// Vault, case and SessionService calls as the app (so every record, summary and audit entry is
// written exactly as in use), with many calls per SQLite commit (a bulk path: only the number of
// fsyncs differs). Each session: 150 notes, sealed, then opened five times (audited reads).
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
const SESSIONS_PER_COMMIT = 20;
const SESSIONS_PER_CASE = 1.25;

export interface Built {
  sessions: number;
  cases: number;
  events: number;
  caseIds: string[];
  sessionIds: string[];
  buildMs: number;
}

/** Builds `sessions` sessions in `vaultDir` (which must not hold a vault); logs progress to stderr. */
export async function buildScaleVault(vaultDir: string, sessions: number): Promise<Built> {
  await initCrypto();
  const started = process.hrtime.bigint();
  const { vault } = Vault.create(vaultDir, BENCH_USER, { argon2: BENCH_ARGON2 });
  // A decade of interviews: the wall clock advances about 4 hours per session.
  let wall = Date.parse('2016-01-04T09:00:00Z');
  let mono = 0;
  const clocks = { wallNow: () => (wall += 1000), monotonicNow: () => (mono += 1000) };
  const service = new SessionService(vault, clocks);
  const caseCount = Math.ceil(sessions / SESSIONS_PER_CASE);
  const caseIds: string[] = [];
  const sessionIds: string[] = [];
  let events = 0;
  vault.transact(() => {
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
    vault.transact(() => {
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
    if ((s / SESSIONS_PER_COMMIT) % 25 === 0)
      process.stderr.write(`  built ${s} / ${sessions} sessions\n`);
    service.suspendAll(); // drops the cached states (nothing to pause: every session is sealed)
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
