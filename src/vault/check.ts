// `vault check`: proves, from the file alone plus the keys, that every record decrypts and is
// the version Hearth last wrote, and that the audit chain is whole. It names what is wrong.
import type { Vault } from './vault';

export interface VaultProblem {
  kind: 'sqlite' | 'audit' | 'record' | 'data-key';
  id: string;
  detail: string;
}

export function checkVault(vault: Vault): { ok: boolean; problems: VaultProblem[] } {
  vault.require('vault.check');
  const problems: VaultProblem[] = [];

  const integrity = vault.db.pragma('quick_check', { simple: false }) as Array<{
    quick_check: string;
  }>;
  for (const row of integrity) {
    if (row.quick_check !== 'ok')
      problems.push({ kind: 'sqlite', id: 'database', detail: row.quick_check });
  }

  const { entries, problems: auditProblems } = vault.audit.verify();
  for (const p of auditProblems)
    problems.push({ kind: 'audit', id: String(p.seq), detail: p.detail });

  // The last version of each record the audit log says Hearth wrote.
  const expected = new Map<string, { seq: number; hash: string; auditSeq: number }>();
  for (const entry of entries) {
    for (const ref of entry.records ?? [])
      expected.set(ref.id, { seq: ref.seq, hash: ref.hash, auditSeq: entry.seq });
  }

  const seen = new Set<string>();
  for (const row of vault.records.allRows()) {
    const id = row.address.recordId;
    seen.add(id);
    const audited = expected.get(id);
    if (!row.readable) {
      problems.push({
        kind: 'record',
        id,
        detail: 'fails authentication: altered, moved to another place, or its key is missing',
      });
    } else if (!audited || audited.hash === '') {
      problems.push({
        kind: 'record',
        id,
        detail: 'is not in the audit log: it was inserted outside Hearth',
      });
    } else if (audited.seq !== row.address.seq || audited.hash !== row.hash) {
      problems.push({
        kind: 'record',
        id,
        detail: `is not the version last written (audit entry ${audited.auditSeq}): rolled back or replaced outside Hearth`,
      });
    }
  }
  for (const [id, audited] of expected) {
    if (!seen.has(id) && audited.hash !== '') {
      problems.push({
        kind: 'record',
        id,
        detail: `is missing: written in audit entry ${audited.auditSeq} but deleted outside Hearth`,
      });
    }
  }
  return { ok: problems.length === 0, problems };
}
