// What `vault check` says about admin checkpoints (checkpoint.ts; red team round 8, R8-T, and
// round 7, R7-11): the in-file checkpoint against the log it names, and the anchor findings of
// earlier sign-ins that the audit log keeps (vault.rollbackDetected entries).
import type { CheckpointRecord } from './checkpoint';
import type { AuditedVersion } from './check-ledger';

/** A coded finding, in the shape check.ts reports (kind 'rollback' or 'audit'). */
export interface CheckpointProblem {
  kind: 'rollback' | 'audit';
  id: string;
  code: 'CHECKPOINT_REWRITTEN' | 'ANCHOR_SIGNER_REMOVED' | 'ANCHOR_CHECKPOINT_MISSING';
  values: Record<string, string | number>;
  detail: string;
}

const NEXT_STEP = 'Restore the newest backup and report it.';

function rewritten(entry: number, at: string, why: string): CheckpointProblem {
  return {
    kind: 'audit',
    id: String(entry),
    code: 'CHECKPOINT_REWRITTEN',
    values: { entry, at },
    detail: `CHECKPOINT_REWRITTEN: the admin checkpoint of ${at} names audit entry ${entry}, but ${why}: the audit log up to that checkpoint was re-written outside Hearth under another staff key. ${NEXT_STEP}`,
  };
}

/**
 * The in-file checkpoint (read by an admin: class:staff) against the log: the entry it names must
 * still carry the MAC it recorded, and the entry that wrote it must be the one right after
 * (Hearth writes both in one transaction). `audited` is the version the audit walk last saw
 * committed for the record; `macAt` reads the cleartext MAC column.
 */
export function inFileCheckpointProblems(
  checkpoint: CheckpointRecord | undefined,
  audited: AuditedVersion | undefined,
  macAt: (seq: number) => string | undefined,
): CheckpointProblem[] {
  if (!checkpoint) return []; // absent with a committing entry: RECORD_MISSING names it
  const mac = macAt(checkpoint.seq);
  if (mac === undefined) return [rewritten(checkpoint.seq, checkpoint.at, 'that entry is gone')];
  if (mac !== checkpoint.mac)
    return [rewritten(checkpoint.seq, checkpoint.at, 'that entry is not the one the admin saw')];
  if (audited && audited.auditSeq !== checkpoint.seq + 1)
    return [
      rewritten(
        checkpoint.seq,
        checkpoint.at,
        `it was written by audit entry ${audited.auditSeq}, not the entry right after it`,
      ),
    ];
  return [];
}

/**
 * A coded problem for a vault.rollbackDetected entry whose status is one of the checkpoint
 * findings, or undefined for any other status (check.ts words those).
 */
export function checkpointRollbackProblem(
  seq: number,
  at: string,
  detail: Record<string, unknown> | undefined,
): CheckpointProblem | undefined {
  const status = detail?.status;
  const id = `audit:${seq}`;
  const checkpointSeq = Number(detail?.checkpointSeq ?? 0);
  const text = (value: unknown) => (typeof value === 'string' ? value : '');
  const signer = text(detail?.signer);
  if (status === 'checkpoint-rewritten')
    return {
      kind: 'rollback',
      id,
      code: 'CHECKPOINT_REWRITTEN',
      values: { entry: checkpointSeq, at },
      detail: `CHECKPOINT_REWRITTEN: at the unlock of ${at}, audit entry ${checkpointSeq}, which an admin had checkpointed in the anchor, was no longer the one the admin signed: the audit log up to it was re-written outside Hearth. ${NEXT_STEP}`,
    };
  if (status === 'signer-removed')
    return {
      kind: 'rollback',
      id,
      code: 'ANCHOR_SIGNER_REMOVED',
      values: { entry: checkpointSeq, at, signer },
      detail: `ANCHOR_SIGNER_REMOVED: at the unlock of ${at}, the audit anchor was signed by staff key ${signer}, which was not certified at the admin checkpoint of entry ${checkpointSeq} (a removed user): an older copy of the vault was put back. ${NEXT_STEP}`,
    };
  if (status === 'checkpoint-missing')
    return {
      kind: 'rollback',
      id,
      code: 'ANCHOR_CHECKPOINT_MISSING',
      values: { at },
      detail: `ANCHOR_CHECKPOINT_MISSING: at the unlock of ${at}, the audit anchor carried no valid admin checkpoint (${text(detail?.problem)}), though the vault file has one: a rollback or a re-written audit log could not be ruled out then. Compare the case list and staff list with your newest backup; ${NEXT_STEP}`,
    };
  return undefined;
}
