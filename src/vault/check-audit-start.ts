// `vault check`, the start of signed audit and the centre key (red team rounds 3 M1 and 4 N1).
// Three things must agree: the centre's commitment sealed in its secret record (admins only can
// write it, centre-key.ts), the centre-signed statement (vault_meta.audit_start, audit-start.ts)
// and the cleartext column vault_meta.audit_signed_from. The commitment wins; a statement the
// audit log says was signed must still be there. Kept apart from check.ts so that the check's
// main loop stays small.
import { auditStartHash } from './audit-start';
import type { CheckCode, VaultNotice, VaultProblem } from './check';
import type { Vault } from './vault';

const ID = 'audit-start';
const RESTORE = 'Restore the newest backup (hearth vault restore), or report it.';

/**
 * Findings about the start of signed audit. `committedRef` is the audit log's last reference to
 * the statement (the entry that signed it), if any.
 */
export function auditStartFindings(
  vault: Vault,
  committedRef: { hash: string; auditSeq: number } | undefined,
): { problems: VaultProblem[]; notices: VaultNotice[] } {
  const problems: VaultProblem[] = [];
  const notices: VaultNotice[] = [];
  const audit = (code: CheckCode, values: Record<string, number>, detail: string) =>
    problems.push({ kind: 'audit', id: ID, code, values, detail });
  const centre = vault.centreCommitment();
  if (centre.status === 'missing' || centre.status === 'mismatch') {
    problems.push({
      kind: 'certificate',
      id: 'centre',
      code: centre.status === 'missing' ? 'CENTRE_KEY_MISSING' : 'CENTRE_KEY_REPLACED',
      detail: centreKeyProblem(centre.status),
    });
    return { problems, notices };
  }
  const column = vault.auditSignedFromColumn();
  const malformed = vault.auditSignedFromMalformed();
  if (malformed !== undefined)
    audit(
      'AUDIT_START_COLUMN_MALFORMED',
      {},
      `AUDIT_START_COLUMN_MALFORMED: the vault file's clear column of where signed audit starts (vault_meta.audit_signed_from) holds ${malformed}, not a whole number from 1: it was changed outside Hearth. Hearth reads it as 1, so every audit entry must carry its author's signature (nothing is excused); an admin's sign-in records the change and staff sign in again. ${RESTORE}`,
    );
  const verdict = vault.auditStart();
  const text = vault.auditStartStored();
  const committed = centre.status === 'committed' ? centre.auditSignedFrom : undefined;
  if (verdict.status === 'invalid')
    audit(
      committed === undefined ? 'AUDIT_START_INVALID' : 'AUDIT_START_INVALID_COMMITTED',
      committed === undefined ? {} : { committed },
      `AUDIT_START_INVALID: the centre's statement of where signed audit starts cannot be trusted (${verdict.problem}): edited outside Hearth. ${committed === undefined ? 'Every audit entry is now required to be signed.' : `Hearth keeps requiring author signatures from entry ${committed}, as the centre committed.`} ${RESTORE}`,
    );
  const signedValue = verdict.status === 'signed' ? verdict.auditSignedFrom : undefined;
  const reference = committed ?? signedValue;
  if (reference !== undefined && column !== reference)
    audit(
      'AUDIT_START_MOVED',
      { column, reference },
      `AUDIT_START_MOVED: the vault file says audit entries are signed from entry ${column} on, but the centre ${committed !== undefined ? 'committed to' : 'key signed'} ${reference}: the start of signed audit was moved outside Hearth, so that entries whose author signatures were removed would pass as older. ${RESTORE}`,
    );
  if (committed !== undefined && signedValue !== undefined && signedValue !== committed)
    audit(
      'AUDIT_START_STATEMENT_MOVED',
      { signed: signedValue, committed },
      `AUDIT_START_MOVED: the centre's statement says signed audit starts at entry ${signedValue}, but the centre committed to ${committed} when the vault was made (or first signed into by an admin after the upgrade). ${RESTORE}`,
    );
  const deletedPerLog =
    committedRef !== undefined &&
    committedRef.hash !== '' &&
    (text === null || auditStartHash(text) !== committedRef.hash);
  if (deletedPerLog && text !== null)
    audit(
      'AUDIT_START_REPLACED',
      { entry: committedRef.auditSeq },
      `AUDIT_START_REPLACED: the statement of where signed audit starts is not the one signed in audit entry ${committedRef.auditSeq}: replaced outside Hearth. ${RESTORE}`,
    );
  else if (text === null && (deletedPerLog || committed !== undefined))
    audit(
      committed === undefined ? 'AUDIT_START_DELETED' : 'AUDIT_START_DELETED_COMMITTED',
      committed === undefined ? {} : { committed },
      `AUDIT_START_DELETED: the centre committed that audit entries are signed from entry ${committed ?? '?'} on${deletedPerLog ? ` and signed it in audit entry ${committedRef.auditSeq}` : ''}, but the signed statement is no longer in the vault file: deleted outside Hearth. Hearth does not sign it again and ${committed === undefined ? 'cannot tell which entries lost their signatures' : `keeps requiring signatures from entry ${committed}`}. ${RESTORE}`,
    );
  if (centre.status === 'uncommitted' && !deletedPerLog && verdict.status === 'absent')
    audit(
      'AUDIT_START_UNCONFIRMED',
      { column, last: column - 1 },
      `AUDIT_START_UNCONFIRMED: the centre has not committed where signed audit starts, and nothing an admin or the centre signed records it. The vault file says entries 1-${column - 1} were written before author signatures existed, but a staff member with an older copy of the file can strip signatures and move that boundary (only the audit chain key is needed), so the file alone cannot show it was not moved. Hearth does not commit it on its own, and the number must not be taken from this file. What to check: the newest backup file made before the upgrade to signed audit, from the admin's own offline media; an admin runs hearth vault confirm-audit-start --backup FILE, which checks that this vault's audit log matches the backup's up to the backup's last entry and takes the start from the backup. A bundle's custody names only the interview's custody, not the vault's audit log, so it cannot serve. If the vault was already in use with signed audit, restore the newest backup instead.`,
    );
  else if (centre.status === 'uncommitted' && !deletedPerLog && verdict.status !== 'invalid')
    notices.push({
      kind: 'audit-start-pending',
      id: ID,
      code: 'AUDIT_START_PENDING',
      values: { column },
      detail: `AUDIT_START_PENDING: this vault predates the centre's commitment to where signed audit starts (entry ${column}). It is made at an admin's sign-in when the anchor outside the file agrees with the file; until then, only that anchor shows if the boundary was moved.`,
    });
  return { problems, notices };
}

function centreKeyProblem(status: 'missing' | 'mismatch'): string {
  return status === 'missing'
    ? `CENTRE_KEY_MISSING: the centre key (its public or its secret half) is missing from the vault file: deleted outside Hearth, or only an older copy of it, from before the centre committed where signed audit starts, was put back. Nothing can be certified or sealed, and Hearth does not make a new one, which would let whoever deleted it choose what it vouches for. ${RESTORE}`
    : `CENTRE_KEY_REPLACED: the centre public key in the vault file is not the half of the centre's secret key: replaced outside Hearth, so that certificates and statements signed by another key would be trusted. ${RESTORE}`;
}
