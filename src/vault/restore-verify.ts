// A backup's audit log is walked before it is restored (red team 24, "Observations").
//
// `hearth vault restore` is the advised way out of tampering, and it restored (and signed, as the
// admin's act) a backup whose audit entry 5 had been changed, without a word: the damage then
// stood in the vault as restored. Now, inside the staged copy and after the admin's sign-in
// (which needs her key: the chain MACs and signatures need the chain key), the whole log is
// walked as `vault check` walks it. An entry that was changed, deleted, re-chained, of the wrong
// type, or whose signature does not verify (key-floors.ts `blocksDerivation`: the same "the log
// was changed" test the floors use) refuses the restore, naming the entries, unless the admin
// accepts it knowingly (--accept-damaged-log: the newest backup may be all there is). The staged
// copy is thrown away on refusal: nothing is restored and the vault in place is untouched.
// Cost: one walk of the backup's log (as `vault check`'s audit pass; measured in bench for that).
import type { AuditProblem } from './audit';
import { BACKUP_DAMAGED_FIELD } from './backup-file';
import { HearthError } from './errors';
import { blocksDerivation } from './key-floors';
import type { Vault } from './vault';

/** The problems of the signed-in staged backup's audit log that say it was changed. */
export function backupLogDamage(vault: Vault): AuditProblem[] {
  const audit = vault.audit;
  const problems = audit.walk(() => undefined, undefined, 5000, {
    lookup: vault.signerLookup(),
    authorship: audit.newAuthorship(),
  });
  return problems.filter(blocksDerivation);
}

/** The refusal of a backup whose audit log was changed (INVALID_INPUT, reason BACKUP_LOG_DAMAGED). */
export function backupLogError(backupName: string, damage: readonly AuditProblem[]): HearthError {
  const entries = [...new Set(damage.map((p) => p.seq))].sort((a, b) => a - b);
  const named = entries.slice(0, 10).join(', ') + (entries.length > 10 ? ', ...' : '');
  return new HearthError(
    'INVALID_INPUT',
    `${backupName}: the backup's audit log does not verify at ${entries.length === 1 ? 'entry' : 'entries'} ${named} (changed outside Hearth), so nothing was restored and the vault in place is unchanged. Restore an older backup, or, if this is the only one, restore it knowingly with --accept-damaged-log and run hearth vault check after.`,
    { reason: 'BACKUP_LOG_DAMAGED', fields: [BACKUP_DAMAGED_FIELD], entries },
  );
}
