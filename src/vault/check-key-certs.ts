// vault check: key versions and wraps no one vouched for (sec28, red team 14 R14-1, R14-3,
// R14-4). A version of a class, recovery or user key without a valid certificate (key-certs.ts)
// was made outside Hearth (or its certificate was deleted): Hearth never uses it, and names it
// here with the holders it was wrapped for. A wrap the checker can open that holds another key
// than the certified one is named too. Who made them cannot be said: key wraps are not in the
// signed audit log, so the findings carry the key and its holders, never a signer.
import type { Database } from 'better-sqlite3';
import type { VaultProblem } from './check';
import { HearthError } from './errors';
import { parseKeyId, type KeyStore } from './key-store';
import { vouchedVersions } from './key-vouching';

/** Names uncertified key versions and wraps that do not hold their certified key. */
export function keyCertProblems(
  db: Database,
  keys: KeyStore,
  signerName: (signerHex: string) => string | undefined,
): VaultProblem[] {
  const problems: VaultProblem[] = [];
  for (const id of vouchedVersions(db)) {
    const holders = keys.holdersOf(id);
    const holderNames = holders.map((h) => h.replace(/@\d+$/, '')).join(', ') || 'none';
    const expected = keys.certBook ? keys.expectedCommitment(id) : null;
    if (expected === null) {
      const recovery = parseKeyId(id).logical === 'recovery';
      problems.push({
        kind: 'role',
        id,
        code: recovery ? 'RECOVERY_KEY_UNCERTIFIED' : 'KEY_VERSION_UNCERTIFIED',
        values: { key: id, holders: holderNames },
        detail: recovery
          ? `the recovery key ${id} has no certificate from the centre key: its public half was put into the file outside Hearth; Hearth never wraps a new key for it`
          : `the key version ${id} (wrapped for: ${holderNames}) has no certificate from the centre key: it was made outside Hearth, or its certificate was deleted; Hearth never uses it`,
      });
      continue;
    }
    if (expected === undefined) continue;
    if (keys.custodyBroken(id)) {
      const signer = keys.certBook?.rows().find((r) => r.keyId === id)?.signer;
      const who = (signer && signerName(Buffer.from(signer).toString('hex'))) ?? 'unknown';
      problems.push({
        kind: 'role',
        id,
        code: 'KEY_CUSTODY_BROKEN',
        values: { key: id, signer: who },
        detail: `the key ${id} (certified by ${who}) does not hold the version before it: it was made by someone who did not hold that key, outside Hearth; Hearth never uses it`,
      });
      continue;
    }
    const publicRow = storedPublicKey(db, id);
    const badPublic =
      expected.kind === 'public' &&
      publicRow !== undefined &&
      !Buffer.from(publicRow).equals(Buffer.from(expected.value));
    const badWraps = holders.filter((h) => {
      try {
        return keys.wrapMatchesCommitment(id, h) === false;
      } catch (error) {
        if (error instanceof HearthError) return false;
        throw error;
      }
    });
    if (badPublic || badWraps.length > 0) {
      const names = badWraps.map((h) => h.replace(/@\d+$/, '')).join(', ') || 'its public half';
      problems.push({
        kind: 'role',
        id,
        code: 'KEY_COMMITMENT_MISMATCH',
        values: { key: id, holders: names },
        detail: `the key ${id} as wrapped for ${names} is not the key its certificate commits to: a wrap was replaced outside Hearth; Hearth refuses it`,
      });
    }
  }
  return problems;
}

function storedPublicKey(db: Database, id: string): Uint8Array | undefined {
  const row = db.prepare('SELECT public_key FROM public_keys WHERE key_id = ?').get(id) as
    | { public_key: Buffer }
    | undefined;
  return row?.public_key;
}
