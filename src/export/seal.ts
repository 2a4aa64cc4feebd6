// The exact bytes the interviewer's seal and each addendum signature cover. The interview module
// signs these same bytes (it imports these functions), so the export and the verifier can check
// a seal without knowing how sessions are stored. Canonical JSON arrays: no field can run into
// the next, and the domain string keeps a seal signature from being reused as anything else.
import { CryptoError, verifyDetached } from '../crypto';
import { canonicalJsonBytes } from './canonical-json';
import { fromHex } from './encoding';

export interface SealFields {
  vaultId: string;
  sessionId: string;
  head: string;
  eventCount: number;
  sealedAt: string;
  sealedBy: string;
}

export function sealMessage(f: SealFields): Uint8Array {
  return canonicalJsonBytes([
    'hearth.session-seal.v1',
    f.vaultId,
    f.sessionId,
    f.head,
    f.eventCount,
    f.sealedAt,
    f.sealedBy,
  ]);
}

export interface AddendumFields {
  vaultId: string;
  sessionId: string;
  seq: number;
  at: string;
  author: string;
  text: string;
  head: string;
}

export function addendumMessage(f: AddendumFields): Uint8Array {
  return canonicalJsonBytes([
    'hearth.session-addendum.v1',
    f.vaultId,
    f.sessionId,
    f.seq,
    f.at,
    f.author,
    f.text.normalize('NFC'),
    f.head,
  ]);
}

/** What checkSeal needs: the same fields in TranscriptInput and transcript.json. */
export interface SealedRecord {
  vaultId: string;
  sessionId: string;
  session: { sealedAt: string; sealedBy: string; interviewer: { username: string } };
  seal: { head: string; eventCount: number; signature: string; signerPublicKey: string };
  addenda: Array<
    Omit<AddendumFields, 'vaultId' | 'sessionId'> & {
      signature: string;
      authorPublicKey?: string;
    }
  >;
}

function validSignature(signatureHex: string, message: Uint8Array, publicKeyHex: string): boolean {
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
      vaultId: r.vaultId,
      sessionId: r.sessionId,
      head: r.seal.head,
      eventCount: r.seal.eventCount,
      sealedAt: r.session.sealedAt,
      sealedBy: r.session.sealedBy,
    }),
    r.seal.signerPublicKey,
  );
  if (!sealOk) return "the interviewer's seal signature does not verify";
  let previous = r.session.sealedAt;
  for (const [i, a] of r.addenda.entries()) {
    if (a.seq !== i + 1) return 'addenda are out of order';
    if (a.at < previous)
      return `addendum ${a.seq} is dated before the seal or the addendum before it`;
    previous = a.at;
    if (
      a.authorPublicKey !== undefined &&
      !validSignature(
        a.signature,
        addendumMessage({ ...a, vaultId: r.vaultId, sessionId: r.sessionId }),
        a.authorPublicKey,
      )
    )
      return `addendum ${a.seq}'s signature does not verify`;
  }
  return undefined;
}
