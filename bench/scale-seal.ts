// The scale builder's seal (bench/scale-build.ts, bulk path only): `SessionService.finalize`
// (src/interview/sealing.ts) without its pre-seal check. That check reads back every event of the
// session and verifies its author's Ed25519 signature before signing the seal; in the builder it
// re-reads what the same process wrote a moment before, and it was a third of the build's time
// (bench/RESULTS-scale.md, "The builder profiled"). Everything written is what finalize writes:
// the same statement signed with the interviewer's key, the same sealed event and session record
// in one transaction under the same audited action, by the same SessionContext calls.
// tests/integration/scale-build.test.ts holds the two builds equal and checks the result, so a
// change to finalize that this copy misses fails there.
//
// Not for the app: it seals whatever the session holds, with no foreign events named (the builder
// writes every event as the session's one interviewer).
import { signDetached, wipe } from '../src/crypto';
import { sealStatement } from '../src/interview/chain';
import type { SessionEvent, SessionMeta } from '../src/interview/events';
import type { SessionContext } from '../src/interview/session-context';
import { metaAddress } from '../src/interview/session-records';
import type { SessionService } from '../src/interview';
import { HearthError, readSigningKey, toHex, type UserProfile } from '../src/vault';

/** Seals `sessionId` as finalize does, minus the pre-seal read-back (see above). */
export function sealBuiltSession(service: SessionService, sessionId: string): void {
  // The service's context is private to the app; the builder needs its commit path.
  const ctx = (service as unknown as { ctx: SessionContext }).ctx;
  const user = ctx.user();
  const loaded = ctx.prepareWrite(sessionId);
  const { state } = loaded;
  const profile = ctx.vault.records.get<UserProfile>(`user:${user.username}`)?.value;
  if (!profile)
    throw new HearthError('TAMPERED', "The signer's profile is missing from the vault.");
  // finalize's pre-seal check folds the session (session-verify.ts, the whole-summary compare),
  // which starts a SessionClock: one read of each clock. Read them here too, so that with the
  // builder's clocks (which move on at every read) both builds stamp the same times.
  ctx.clocks.wallNow();
  ctx.clocks.monotonicNow();
  const sealedAt = ctx.nowIso();
  const statement = {
    sessionId,
    head: state.head,
    eventCount: state.lastSeq,
    sealedAt,
    signer: user.username,
    signerPublicKey: profile.signPublicKey,
  };
  const secretKey = readSigningKey(ctx.vault.records, user.username);
  let signature: string;
  try {
    signature = toHex(signDetached(sealStatement(statement), secretKey));
  } finally {
    wipe(secretKey);
  }
  const elapsedMs = Math.max(loaded.clock.elapsedMs(), state.lastElapsedMs);
  const event: SessionEvent = {
    type: 'sealed',
    head: statement.head,
    eventCount: statement.eventCount,
    signer: user.username,
    signerPublicKey: profile.signPublicKey,
    signature,
    seq: state.lastSeq + 1,
    at: sealedAt,
    elapsedMs,
    recordingOffsetMs:
      state.recordingMarkerElapsedMs === null ? null : elapsedMs - state.recordingMarkerElapsedMs,
    by: user.username,
  };
  const meta: SessionMeta = {
    ...state.meta,
    status: 'sealed',
    sealedAt,
    version: state.meta.version + 1,
  };
  ctx.commit(loaded, 'sessions.finalize', [event], (put) => {
    put(metaAddress(meta), meta);
    state.meta = meta;
  });
}
