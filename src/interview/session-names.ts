// The encrypted side record of a session's committed names (name-commitment.ts): one write-once
// record per name, 'names:<session>:<commitment>', sealed under the session's own data key (so
// crypto-shredding the session shreds its names too) and written in the transaction of the event
// that commits to it. Its id never matches an event id ('<session>:<10 digits>'), so listing a
// session's events never reads it.
import { HearthError, type RecordAddress, type Vault } from '../vault';
import { disclosureMatches, type NameDisclosure } from './name-commitment';

const KIND = 'name-disclosure';
const prefix = (sessionId: string) => `names:${sessionId}`;

/** Where one disclosure of a session lives. */
export const nameAddress = (sessionId: string, commitment: string): RecordAddress => ({
  recordId: `${prefix(sessionId)}:${commitment}`,
  containerId: sessionId,
  kind: KIND,
  seq: 1,
  keyRef: `session:${sessionId}`,
});

/**
 * Every committed name of a session this sign-in can read, by commitment (callers check that the
 * user may read the session). Throws TAMPERED when a record fails authentication or does not hash
 * to the commitment it is filed under, naming the next step (a vault check).
 */
export function readNameDisclosures(vault: Vault, sessionId: string): Map<string, NameDisclosure> {
  const { records, unreadable } = vault.records.listByIdPrefix<NameDisclosure>(prefix(sessionId));
  if (unreadable.length > 0) throw tampered(sessionId);
  const out = new Map<string, NameDisclosure>();
  for (const r of records) {
    const d = r.value;
    if (
      r.address.kind !== KIND ||
      r.address.recordId !== `${prefix(sessionId)}:${d.commitment}` ||
      !disclosureMatches(d)
    )
      throw tampered(sessionId);
    out.set(d.commitment, { commitment: d.commitment, name: d.name, salt: d.salt });
  }
  return out;
}

function tampered(sessionId: string): HearthError {
  return new HearthError(
    'TAMPERED',
    `A name record of session ${sessionId} was altered outside Hearth (it no longer matches the digest the session sealed). Run a vault check; export without observer names meanwhile.`,
  );
}
