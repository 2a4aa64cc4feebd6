// The session hash chain. h0 = sha256("hearth.session-chain.v1" NUL session id). Each session
// declares its version in event 1 (`chain: N`; absent: 1).
// Version 3 (sessions started since the security review) commits each event's kind in its link:
//   d(i) = sha256(JCS(event i)),  k(i) = JCS({"type": event type, "kind": note kind if a note}),
//   h(i) = sha256(h(i-1) || k(i) || d(i))   (h and d raw 32-byte values, k UTF-8 bytes)
// so an export that withholds an event gives (type, kind, digest) and the kind is proven by the
// seal: an exporter cannot relabel a withheld child note as a team note.
// Version 2 linked the digest only, h(i) = sha256(h(i-1) || d(i)): a withheld event's kind is
// the exporter's label there. Version 1 (oldest) linked the event bytes:
//   h(i) = sha256(h(i-1) || JCS(event i)), and nothing can be withheld.
// JCS is RFC 8785. Sealing signs the head; verification recomputes it, so any change to any
// event, or a missing one, shows.
import { sha256 } from '../crypto';
import { jcs, recordsAuthorshipProblem, toHex, type Vault } from '../vault';

const encoder = new TextEncoder();

export function genesisHash(sessionId: string): string {
  return toHex(sha256(`hearth.session-chain.v1\u0000${sessionId}`));
}

export type ChainVersion = 1 | 2 | 3;
export const CURRENT_CHAIN_VERSION = 3;

/** The chain version a session declares in its first event (absent: 1). */
export function chainVersionOf(
  firstEvent: { type: string; chain?: unknown } | undefined,
): ChainVersion {
  if (firstEvent?.type !== 'session-started') return 1;
  return firstEvent.chain === 3 ? 3 : firstEvent.chain === 2 ? 2 : 1;
}

/** What a version-3 link commits to besides the digest: the event type and, for a note, its kind. */
export interface EventKind {
  type: string;
  kind?: string;
}

/** The kind of an event as its version-3 link commits to it (and as an export shows it withheld). */
export function eventKindOf(event: { type: string; kind?: unknown }): EventKind {
  return event.type === 'note' && typeof event.kind === 'string'
    ? { type: event.type, kind: event.kind }
    : { type: event.type };
}

/** Version 3 link from a kind and a digest: what a verifier does for a withheld event. */
export function linkKindDigest(previousHex: string, kind: EventKind, digestHex: string): string {
  const label =
    kind.kind === undefined ? { type: kind.type } : { type: kind.type, kind: kind.kind };
  return toHex(
    sha256(
      Buffer.concat([
        Buffer.from(previousHex, 'hex'),
        encoder.encode(jcs(label)),
        Buffer.from(digestHex, 'hex'),
      ]),
    ),
  );
}

/** d(i): hex SHA-256 of the event's RFC 8785 form. */
export function eventDigest(event: unknown): string {
  return toHex(sha256(encoder.encode(jcs(event))));
}

/** Version 2 link from a digest: what a verifier does for an event an export withheld. */
export function linkDigest(previousHex: string, digestHex: string): string {
  return toHex(
    sha256(Buffer.concat([Buffer.from(previousHex, 'hex'), Buffer.from(digestHex, 'hex')])),
  );
}

export function nextHash(
  previousHex: string,
  event: { type: string; kind?: unknown },
  version: ChainVersion = CURRENT_CHAIN_VERSION,
): string {
  if (version === 3) return linkKindDigest(previousHex, eventKindOf(event), eventDigest(event));
  if (version === 2) return linkDigest(previousHex, eventDigest(event));
  return toHex(
    sha256(Buffer.concat([Buffer.from(previousHex, 'hex'), encoder.encode(jcs(event))])),
  );
}

/** The exact bytes the interviewer signs when sealing. */
export function sealStatement(input: {
  sessionId: string;
  head: string;
  eventCount: number;
  sealedAt: string;
  signer: string;
  signerPublicKey: string;
}): Uint8Array {
  return encoder.encode(`hearth.seal.v1\n${jcs(input)}`);
}

/** The exact bytes an addendum's author signs. */
export function addendumStatement(input: {
  sessionId: string;
  seq: number;
  at: string;
  author: string;
  text: string;
  head: string;
}): Uint8Array {
  return encoder.encode(`hearth.addendum.v1\n${jcs(input)}`);
}

/**
 * A session's events checked against their authors' signed audit entries, found through the
 * audit index (see src/vault/authorship.ts): `{ ok: true }`, or the first event that is not what
 * its author wrote, with the reason. `events`: the session's events as read (each event's `by`
 * must be the certified signer of its entry). This covers live (unsealed) sessions, whose events
 * have no seal yet; its cost depends on the session's length only, not on the vault's.
 */
export function authorshipVerdict(
  vault: Vault,
  sessionId: string,
  events: ReadonlyArray<{ seq: number; by: string }>,
): { ok: boolean; firstBadEvent?: number; reason?: string } {
  const authors = new Map(events.map((e) => [e.seq, e.by]));
  const problem = recordsAuthorshipProblem(vault, sessionId, (seq) => authors.get(seq));
  if (!problem) return { ok: true };
  return {
    ok: false,
    firstBadEvent: problem.recordSeq,
    reason: `event ${problem.recordSeq} ${problem.reason}`,
  };
}

/** Events another user writes into a session before its seal: an admin's seal, and the marks of how the interview stopped that the seal writes first. */
const SEAL_RUN = new Set(['interrupted', 'resumed']);

/**
 * Who wrote into a session before its seal (red team round 7, R7-6): only the interviewer, except
 * an admin's seal (its 'sealed' event, and the 'interrupted'/'resumed' marks the same admin's
 * seal writes just before it). After the seal, addenda by colleagues are fine. A modified client
 * can write a note into a colleague's live interview under its own (valid) signature; this names
 * it before the owner seals or exports. `events` must already have passed `authorshipVerdict`
 * (each `by` is the certified signer of its entry). `isAdmin`: whether a user name is an admin.
 */
export function liveWriterVerdict(
  interviewer: string,
  events: ReadonlyArray<{ seq: number; by: string; type: string }>,
  isAdmin: (username: string) => boolean,
): { ok: boolean; firstBadEvent?: number; reason?: string } {
  for (let i = 0; i < events.length; i++) {
    const e = events[i] as (typeof events)[number];
    if (e.by === interviewer) continue;
    if (e.type === 'sealed' && isAdmin(e.by)) return { ok: true };
    let next = i;
    while (
      next < events.length &&
      SEAL_RUN.has(events[next]?.type ?? '') &&
      events[next]?.by === e.by
    )
      next++;
    const sealer = events[next];
    if (SEAL_RUN.has(e.type) && sealer?.type === 'sealed' && sealer.by === e.by && isAdmin(e.by))
      return { ok: true };
    return {
      ok: false,
      firstBadEvent: e.seq,
      reason: `event ${e.seq} (${e.type}) was written into ${interviewer}'s interview by ${e.by} before the seal: only the interviewer writes into a live interview (FOREIGN_WRITER)`,
    };
  }
  return { ok: true };
}
