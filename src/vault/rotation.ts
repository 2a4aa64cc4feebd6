// Key rotation when a user is removed (users.remove). Every key the removed user could reach
// gets a new version, wrapped for the holders that remain; the old version is wrapped under the
// new one, so what was written before stays readable to them, and anything written afterwards
// is sealed with keys the removed user never held. Records are not re-encrypted: rotation works
// at the key-encryption layer, so it costs one key per reachable key, not one per record. What
// the removed user already copied stays readable to them (README).
import { HearthError } from './errors';
import { parseKeyId, type KeyId, type KeyStore } from './key-store';

/** Keys that are written once and never again (audit epochs) keep their version. */
const NEVER_WRITTEN_AGAIN = /^epoch:/;

function isCurrent(keys: KeyStore, id: KeyId): boolean {
  return keys.currentId(parseKeyId(id).logical) === id;
}

/**
 * Rotates every current key reachable from `removed` (key versions of the removed principal),
 * except those in `skip` (logical names, e.g. the user's personal key, shredded instead), plus
 * `roots` (current keys the user could reach by policy, whatever rows are present) and every
 * key reachable from them.
 * Parents are rotated before their children, so no new version is ever wrapped under an old
 * version the removed user held. Returns old id → new id.
 *
 * Red team 26, R26-1: a key version without a valid certificate (its case row damaged, its
 * certificate deleted) is never opened nor written under by Hearth, so it cannot be rotated and
 * needs no new version: it is left as it is and pushed onto `unusable` (the caller names it),
 * instead of refusing the whole removal and leaving the departing user's keys valid.
 */
export function rotateReachable(
  keys: KeyStore,
  removed: KeyId[],
  skip: (logical: string) => boolean,
  roots: readonly KeyId[] = [],
  unusable: KeyId[] = [],
): Map<KeyId, KeyId> {
  const removedSet = new Set(removed);
  const toRotate = new Set<KeyId>();
  const pending = [...removed];
  // Keys the removed user could reach by policy (their role's classes, what the signed log says
  // was revealed to them; removal-reach.ts), rotated whether or not a row still shows it
  // (red team 24, R24-12).
  for (const root of roots) {
    const { logical } = parseKeyId(root);
    if (removedSet.has(root) || skip(logical) || NEVER_WRITTEN_AGAIN.test(logical)) continue;
    if (!isCurrent(keys, root) || toRotate.has(root)) continue;
    toRotate.add(root);
    pending.push(root);
  }
  while (pending.length > 0) {
    const holder = pending.pop() as KeyId;
    // Table scan, not key_wraps_by_holder (R24-11: an index rebuilt to leave a row out).
    for (const child of keys.heldByScan(holder)) {
      const { logical } = parseKeyId(child);
      if (toRotate.has(child) || removedSet.has(child) || skip(logical)) continue;
      if (NEVER_WRITTEN_AGAIN.test(logical) || !isCurrent(keys, child)) continue;
      toRotate.add(child);
      pending.push(child);
    }
  }

  for (const id of toRotate)
    if (keys.expectedCommitment(id) === null && !keys.canOpen(id)) {
      toRotate.delete(id);
      unusable.push(id);
    }
  const rotated = new Map<KeyId, KeyId>();
  while (rotated.size < toRotate.size) {
    let progressed = false;
    for (const oldId of toRotate) {
      if (rotated.has(oldId)) continue;
      const holders = keys.holdersOf(oldId);
      if (holders.some((h) => toRotate.has(h) && !rotated.has(h))) continue;
      const newHolders = holders.filter((h) => !removedSet.has(h)).map((h) => rotated.get(h) ?? h);
      const { logical } = parseKeyId(oldId);
      const publicHolder = keys.publicKey(oldId) !== undefined;
      const newId = keys.create(logical, newHolders, { publicHolder });
      keys.wrap(oldId, newId);
      rotated.set(oldId, newId);
      progressed = true;
    }
    if (!progressed)
      throw new HearthError(
        'TAMPERED',
        'The vault keys wrap each other in a cycle; nothing was changed. Run a vault check.',
      );
  }
  return rotated;
}
