// The session hash chain. h0 = sha256("hearth.session-chain.v1" NUL session id). Version 2 (every
// session started since certificates; event 1 says `chain: 2`) links each event by its digest:
//   d(i) = sha256(JCS(event i)),  h(i) = sha256(h(i-1) || d(i))   (raw 32-byte values)
// so an export can leave an event out and still give its digest, and anyone can recompute the
// head from the bundle alone. Version 1 (older sessions) linked the event bytes themselves:
//   h(i) = sha256(h(i-1) || JCS(event i)).
// JCS is RFC 8785. Sealing signs the head; verification recomputes it, so any change to any
// event, or a missing one, shows.
import { sha256 } from '../crypto';
import {
  jcs,
  recordsAuthorshipProblem,
  toHex,
  type AuditVerification,
  type Vault,
} from '../vault';

const encoder = new TextEncoder();

export function genesisHash(sessionId: string): string {
  return toHex(sha256(`hearth.session-chain.v1\u0000${sessionId}`));
}

export type ChainVersion = 1 | 2;
export const CURRENT_CHAIN_VERSION = 2;

/** The chain version a session declares in its first event (absent: 1). */
export function chainVersionOf(
  firstEvent: { type: string; chain?: unknown } | undefined,
): ChainVersion {
  return firstEvent?.type === 'session-started' && firstEvent.chain === 2 ? 2 : 1;
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

export function nextHash(previousHex: string, event: unknown, version: ChainVersion = 2): string {
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
 * A session's events checked against their authors' signed audit entries (see
 * src/vault/authorship.ts): `{ ok: true }`, or the first event that is not what its author
 * wrote, with the reason. This covers live (unsealed) sessions, whose events have no seal yet.
 */
export function authorshipVerdict(
  vault: Vault,
  audit: AuditVerification,
  sessionId: string,
): { ok: boolean; firstBadEvent?: number; reason?: string } {
  const problem = recordsAuthorshipProblem(vault, audit, sessionId);
  if (!problem) return { ok: true };
  return {
    ok: false,
    firstBadEvent: problem.recordSeq,
    reason: `event ${problem.recordSeq} ${problem.reason}`,
  };
}
