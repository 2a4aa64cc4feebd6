// The session hash chain: h0 = sha256(tag || session id), hi = sha256(h(i-1) || canonical(event i)).
// Sealing signs the head; verification recomputes it from the decrypted events, so any change to
// any event, or a missing one, shows.
import { sha256 } from '../crypto';
import { jcs, toHex } from '../vault';
import type { SessionEvent } from './events';

const encoder = new TextEncoder();

export function genesisHash(sessionId: string): string {
  return toHex(sha256(`hearth.session-chain.v1\u0000${sessionId}`));
}

export function nextHash(previousHex: string, event: SessionEvent): string {
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
