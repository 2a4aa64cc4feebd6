// The exact bytes the interviewer's seal and each addendum signature cover. They are defined
// once, by src/interview (which signs them at sealing and for each addendum); the export and
// the verifier use the same functions, so a seal checks here exactly as it was made there.
import { CryptoError, verifyDetached } from '../crypto';
import { addendumStatement, sealStatement } from '../interview/chain';
import { fromHex } from './encoding';

export interface SealFields {
  sessionId: string;
  head: string;
  eventCount: number;
  sealedAt: string;
  sealedBy: string;
  signerPublicKey: string;
  /** Events others wrote before the seal, as the seal names them (absent: none; R8-D). */
  foreignEvents?: ReadonlyArray<{ seq: number; by: string }> | undefined;
}

export function sealMessage(f: SealFields): Uint8Array {
  return sealStatement({
    sessionId: f.sessionId,
    head: f.head,
    eventCount: f.eventCount,
    sealedAt: f.sealedAt,
    signer: f.sealedBy,
    signerPublicKey: f.signerPublicKey,
    foreignEvents: f.foreignEvents,
  });
}

export interface AddendumFields {
  sessionId: string;
  /** The addendum's event seq in the session chain. */
  seq: number;
  at: string;
  author: string;
  text: string;
  /** The chain head the addendum was written after. */
  head: string;
}

export function addendumMessage(f: AddendumFields): Uint8Array {
  return addendumStatement({
    sessionId: f.sessionId,
    seq: f.seq,
    at: f.at,
    author: f.author,
    text: f.text,
    head: f.head,
  });
}

/** What checkSeal needs: the same fields in TranscriptInput and transcript.json. */
export interface SealedRecord {
  vaultId: string;
  sessionId: string;
  session: { sealedAt: string; sealedBy: string; interviewer: { username: string } };
  seal: {
    head: string;
    eventCount: number;
    signature: string;
    signerPublicKey: string;
    foreignEvents?: Array<{ seq: number; by: string }>;
  };
  addenda: Array<
    Omit<AddendumFields, 'vaultId' | 'sessionId'> & {
      signature: string;
      authorPublicKey?: string;
    }
  >;
}

/** True when the hex signature is valid for message under the hex public key; never throws for bad hex. */
export function validSignature(
  signatureHex: string,
  message: Uint8Array,
  publicKeyHex: string,
): boolean {
  const signature = fromHex(signatureHex, 64);
  const publicKey = fromHex(publicKeyHex, 32);
  if (!signature || !publicKey) return false;
  try {
    verifyDetached(signature, message, publicKey);
    return true;
  } catch (error) {
    if (error instanceof CryptoError) return false;
    throw error;
  }
}

/** undefined when the interviewer's seal and every keyed addendum signature verify; else why not. */
export function checkSeal(r: SealedRecord): string | undefined {
  const sealOk = validSignature(
    r.seal.signature,
    sealMessage({
      sessionId: r.sessionId,
      head: r.seal.head,
      eventCount: r.seal.eventCount,
      sealedAt: r.session.sealedAt,
      sealedBy: r.session.sealedBy,
      signerPublicKey: r.seal.signerPublicKey,
      foreignEvents: r.seal.foreignEvents,
    }),
    r.seal.signerPublicKey,
  );
  if (!sealOk) return "the interviewer's seal signature does not verify";
  // Order is by sequence number, never by wall-clock time: a clock set back between the seal and
  // an addendum is a fact about the computer's clock, not tampering.
  let lastSeq = r.seal.eventCount;
  for (const a of r.addenda) {
    if (a.seq <= lastSeq) return 'addenda are out of order or numbered inside the sealed record';
    lastSeq = a.seq;
    // Every addendum carries its author's key and signature; none is taken on trust.
    if (
      a.authorPublicKey === undefined ||
      !validSignature(
        a.signature,
        addendumMessage({ ...a, sessionId: r.sessionId }),
        a.authorPublicKey,
      )
    )
      return `addendum ${a.seq}'s signature does not verify`;
  }
  return undefined;
}
