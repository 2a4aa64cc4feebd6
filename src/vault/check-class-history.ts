// vault check: the signed history of the class keys (red team 23, R23-2, R23-3).
//
// Before sec51, an admin's sign-in re-made a late class (referral, training; LATE_CLASSES) whose
// key rows had been deleted outside Hearth, and its `vault.addKeyClass` entry stated every class's
// floor from the clear rows: with class:case@2's rows deleted too, the entry stated class:case@1,
// the newest statement won, and a removed user who kept @1 read every case created afterwards.
// vault check saw nothing. Sign-in no longer does either (vault.ts addLateClasses); this names
// what a file written before that (or forged) still holds, from one pass over the signed log:
// - LATE_CLASS_REMADE: a `vault.addKeyClass` entry for a class the log had already stated (a
//   floor, or an earlier `vault.addKeyClass`): the class was deleted and made again;
// - KEY_FLOOR_LOWERED: an admin's entry stating a class key version below one an earlier entry
//   stated (floors only go up: every entry that states them takes the higher of the two);
// and gives the record pass the classes the log says were made (a class made and then deleted,
// with no row left, is CLASS_KEY_UNUSABLE, not "not added yet").
import type { AuditRecordRef } from './audit';
import type { VaultProblem } from './check';
import { ADD_KEY_CLASS_ACTION, isFloorRef, KEY_FLOOR_HASH, KEY_FLOOR_PREFIX } from './key-floors';

interface Stated {
  version: number;
  seq: number;
}

/** Walks the admin-signed entries that state class key versions (see the file comment). */
export class ClassHistoryCheck {
  private readonly highest = new Map<string, Stated>();
  private readonly made = new Map<string, number>();
  readonly problems: VaultProblem[] = [];

  /** One audit entry of the walk (only entries signed by a certified admin count). */
  visit(
    seq: number,
    records: readonly AuditRecordRef[] | undefined,
    action: string | undefined,
    target: string | undefined,
    signerRole: string | undefined,
  ): void {
    if (signerRole !== 'admin') return;
    if (action === ADD_KEY_CLASS_ACTION && target?.startsWith('class:')) {
      const before = this.made.get(target) ?? this.highest.get(target)?.seq;
      if (before !== undefined)
        this.problems.push({
          kind: 'certificate',
          id: target,
          code: 'LATE_CLASS_REMADE',
          values: { key: target, entry: seq, first: before },
          detail: `audit entry ${seq} made ${target} again, but audit entry ${before} had already stated it: its key rows were deleted outside Hearth and an admin's sign-in made a new key (Hearth before sec51 did). Records sealed under the old key cannot be read with the new one, and the entry may have stated other class keys from rows rolled back outside Hearth (see KEY_FLOOR_LOWERED). Restore the newest backup made before entry ${seq} (hearth vault restore)`,
        });
      if (!this.made.has(target)) this.made.set(target, seq);
    }
    for (const ref of records ?? []) {
      if (!isFloorRef(ref.id) || ref.hash !== KEY_FLOOR_HASH || !Number.isSafeInteger(ref.seq))
        continue;
      const logical = ref.id.slice(KEY_FLOOR_PREFIX.length);
      const high = this.highest.get(logical);
      if (high && ref.seq < high.version)
        this.problems.push({
          kind: 'certificate',
          id: `${logical}@${high.version}`,
          code: 'KEY_FLOOR_LOWERED',
          values: {
            key: logical,
            entry: seq,
            version: ref.seq,
            floor: high.version,
            first: high.seq,
          },
          detail: `audit entry ${seq} states ${logical}@${ref.seq} as current, but audit entry ${high.seq} had stated ${logical}@${high.version}: the statement was made from key rows rolled back outside Hearth, and someone who held the older version (a removed user) may read what was written under it afterwards. Restore the newest backup made before entry ${seq} (hearth vault restore)`,
        });
      else if (!high || ref.seq > high.version)
        this.highest.set(logical, { version: ref.seq, seq });
    }
  }

  /** The classes the signed log says were made, with the highest version it states (1 at least). */
  madeClasses(): Map<string, Stated> {
    const out = new Map(this.highest);
    for (const [logical, seq] of this.made)
      if (!out.has(logical)) out.set(logical, { version: 1, seq });
    return out;
  }
}
