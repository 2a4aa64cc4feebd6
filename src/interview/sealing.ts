// Sealing a session and writing addenda after the seal: each is a statement over the chain head
// signed with the signer's Ed25519 key, and refused on a session that fails its own verification
// (a signature over an altered record would make the alteration verify).
import { signDetached, wipe } from '../crypto';
import { HearthError, pickProfile, readSigningKey, toHex, type UserProfile } from '../vault';
import { addendumStatement, sealStatement } from './chain';
import type { SessionEvent, SessionMeta } from './events';
import { ack, conflict, type EventAck, type SessionContext } from './session-context';
import { metaAddress } from './session-records';
import { assertIntact } from './session-verify';

function profileOf(ctx: SessionContext, username: string): UserProfile {
  const found = ctx.vault.records.get<UserProfile>(`user:${username}`);
  if (!found) throw new HearthError('TAMPERED', "The signer's profile is missing from the vault.");
  return pickProfile(found.value);
}

/** Signs `statement` with the user's Ed25519 secret key (hex); the key is wiped afterwards. */
function signAs(ctx: SessionContext, username: string, statement: Uint8Array): string {
  const secretKey = readSigningKey(ctx.vault.records, username);
  try {
    return toHex(signDetached(statement, secretKey));
  } finally {
    wipe(secretKey);
  }
}

/** SessionService.finalize: see there. */
export function finalize(
  ctx: SessionContext,
  sessionId: string,
): { sealedAt: string; head: string; eventCount: number } {
  const user = ctx.user();
  const before = ctx.load(sessionId).state.meta;
  if (before.mode === 'live' && before.interviewer !== user.username) {
    // The seal is the interviewer's own statement; the bundle verifier accepts no other. Refused
    // before prepareWrite, which may write a resume mark (R9-1: nothing written on refusal).
    ctx.vault.recordRefusal('sessions.write', sessionId);
    throw new HearthError(
      'FORBIDDEN',
      'Only the interviewer who ran this session can seal it. Ask them to sign in and seal it.',
    );
  }
  const loaded = ctx.prepareWrite(sessionId);
  const { state } = loaded;
  // A seal over events their authors did not write would make the alteration verify. Events a
  // colleague wrote into the live interview are kept and named in the signed seal (R8-D).
  const foreign = assertIntact(ctx, sessionId);
  const profile = profileOf(ctx, user.username);
  const sealedAt = ctx.nowIso();
  const statement = {
    sessionId,
    head: state.head,
    eventCount: state.lastSeq,
    sealedAt,
    signer: user.username,
    signerPublicKey: profile.signPublicKey,
    ...(foreign.length > 0 ? { foreignEvents: foreign } : {}),
  };
  const signature = signAs(ctx, user.username, sealStatement(statement));
  const elapsedMs = Math.max(loaded.clock.elapsedMs(), state.lastElapsedMs);
  const event: SessionEvent = {
    type: 'sealed',
    head: statement.head,
    eventCount: statement.eventCount,
    signer: user.username,
    signerPublicKey: profile.signPublicKey,
    signature,
    ...(foreign.length > 0 ? { foreignEvents: foreign } : {}),
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
  return { sealedAt, head: statement.head, eventCount: statement.eventCount };
}

/** SessionService.addAddendum: see there. */
export function addAddendum(
  ctx: SessionContext,
  sessionId: string,
  text: string,
): EventAck & { head: string } {
  text = text.normalize('NFC');
  const loaded = ctx.prepareWrite(sessionId, { allowSealed: true });
  if (!loaded.state.sealed)
    throw conflict('Addenda are written after the session is sealed. Add a note instead.');
  // An addendum signs onto the sealed record: never onto one altered since (red team round 5).
  assertIntact(ctx, sessionId);
  const user = ctx.user();
  const profile = profileOf(ctx, user.username);
  const at = ctx.nowIso();
  const seq = loaded.state.lastSeq + 1;
  const head = loaded.state.head;
  const signature = signAs(
    ctx,
    user.username,
    addendumStatement({ sessionId, seq, at, author: user.username, text, head }),
  );
  const event = ctx.append(
    loaded,
    { type: 'addendum', text, head, signerPublicKey: profile.signPublicKey, signature },
    'sessions.addAddendum',
    at, // the signed statement carries this exact time
  );
  return { ...ack(event), head };
}
