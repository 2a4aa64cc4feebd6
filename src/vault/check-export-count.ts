// A sealed session's export counter in `vault check` (red team round 12, R12-6). The counter is
// one record, `exports:<session>`, whose version is the number of bundles exported; each
// bundle's manifest carries the next number (src/export/service.ts). Every role that exports
// (cases.write) can write it, so a colleague deleted it in an entry of his own and the next
// bundle said "export #1" after two exports, with the check clean. Hearth writes it only in the
// export's commit (action `export.sealed`), one version up each time (version 1 when it is
// absent). The check names any other write of it, with the entry and its signer
// (EXPORT_COUNT_REWRITTEN), and compares the counter the vault holds with the number of export
// commits the audit log records for the session (EXPORT_COUNT_MISMATCH). The record id is
// mirrored here as a pattern (the vault layer's view of the export layer's id).
import type { AuditRecordRef } from './audit';
import type { AuditedVersion } from './check-ledger';

const COUNTER = /^exports:(.+)$/;
const EXPORT_COMMIT = 'export.sealed';

/** A finding, coded for the screen (check.ts CHECK_CODES). */
export interface ExportCountProblem {
  id: string;
  code: 'EXPORT_COUNT_REWRITTEN' | 'EXPORT_COUNT_MISMATCH';
  values: Record<string, string | number>;
  detail: string;
}

/**
 * Fed every audit entry's counted refs in order, before the ledger learns them (`visit`), then
 * asked for its findings with the counters the vault holds (`problems`). Memory: one number per
 * exported session, and the findings.
 */
export class ExportCountCheck {
  private readonly commits = new Map<string, number>();
  private readonly rewrites: ExportCountProblem[] = [];
  /** Per session, the first entry that wrote version 1 over a counter the log vouched for. */
  private readonly restarts = new Map<string, { seq: number; signer: string }>();

  /**
   * `previous(id)`: the version the audit log vouched for before this entry (undefined: none).
   */
  constructor(private readonly previous: (id: string) => AuditedVersion | undefined) {}

  /** One audit entry: its counted refs, its certified signer and action (undefined: unreadable). */
  visit(
    seq: number,
    refs: readonly AuditRecordRef[] | undefined,
    signer: string | undefined,
    action: string | undefined,
  ): void {
    for (const ref of refs ?? []) {
      const sessionId = COUNTER.exec(ref.id)?.[1];
      if (sessionId === undefined) continue;
      const before = this.previous(ref.id);
      const expected = before === undefined || before.hash === '' ? 1 : before.seq + 1;
      // Version 1 over a counter the log vouched for: the exporting client found it absent, so
      // it was deleted before this entry with no entry saying so. That client may be honest (the
      // colleague who deleted it left no trace), so the mismatch below names this entry as where
      // the count restarted, not as its forger.
      const restart = ref.hash !== '' && ref.seq === 1 && expected !== 1;
      const why =
        action !== undefined && action !== EXPORT_COMMIT
          ? `is not an export's commit (${action})`
          : ref.hash === ''
            ? 'removes it'
            : ref.seq !== expected && !restart
              ? `sets it to ${ref.seq}, not ${expected}`
              : undefined;
      if (why === undefined) {
        this.commits.set(sessionId, (this.commits.get(sessionId) ?? 0) + 1);
        if (restart && !this.restarts.has(sessionId))
          this.restarts.set(sessionId, { seq, signer: signer ?? 'no certified key' });
        continue;
      }
      const by = signer ?? 'no certified key';
      this.rewrites.push({
        id: ref.id,
        code: 'EXPORT_COUNT_REWRITTEN',
        values: { entry: seq, signer: by },
        detail: `EXPORT_COUNT_REWRITTEN: audit entry ${seq} (${action ?? 'action not readable'}, signed by ${by}) writes the export counter of session ${sessionId} but ${why}: only an export's commit writes it, one up each time, so the next bundle's export number is wrong. Ask the signer why the entry was written.`,
      });
    }
  }

  /**
   * Every write named in `visit`, and every session whose counter (`counterOf`: the version the
   * vault holds, 0 when absent) is not the number of export commits the audit log records for it
   * (`counterIds`: the counters the vault holds, so that one without any commit is named too).
   */
  problems(
    counterOf: (sessionId: string) => number,
    counterIds: readonly string[],
  ): ExportCountProblem[] {
    const out = [...this.rewrites];
    const sessions = new Set(this.commits.keys());
    for (const id of counterIds) {
      const sessionId = COUNTER.exec(id)?.[1];
      if (sessionId !== undefined) sessions.add(sessionId);
    }
    for (const sessionId of [...sessions].sort()) {
      const commits = this.commits.get(sessionId) ?? 0;
      const counter = counterOf(sessionId);
      if (counter === commits) continue;
      const restart = this.restarts.get(sessionId);
      const where = restart
        ? ` It restarted at 1 in audit entry ${restart.seq} (signed by ${restart.signer}), so it was deleted before that entry without an entry saying so.`
        : '';
      out.push({
        id: `exports:${sessionId}`,
        code: 'EXPORT_COUNT_MISMATCH',
        values: { counter, commits },
        detail: `EXPORT_COUNT_MISMATCH: the export counter of session ${sessionId} says ${counter} bundles were exported, but the audit log records ${commits} export commits for it: the counter was rewritten, so the next bundle's export number is wrong.${where} A bundle's export number is the vault's count, not a proof.`,
      });
    }
    return out;
  }
}
