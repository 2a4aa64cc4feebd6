/* eslint-disable @typescript-eslint/no-explicit-any, @typescript-eslint/no-unsafe-argument, @typescript-eslint/no-unsafe-call -- the attack drives Hearth internals as an insider would */
// Red team round 4, N3: interviewer Iris, offline with her own passphrase (interviewers hold the
// case-data key), rewrites the case order index chunk in one audit entry signed by her own key:
// case B marked archived, or case A listed twice and B left out. The Cases screen must still
// list B (the listing falls back to reading every case when the index disagrees with them),
// and vault check names the rewrite (CASE_ORDER_ARCHIVED, CASE_ORDER_DUPLICATE, CASE_ORDER_MISSING).
import { initCrypto } from '../../../src/crypto';
import { Vault } from '../../../src/vault';
import { readCaseOrder } from '../../../src/vault/case-order';
import { classKey } from '../../../src/vault/roles';
import { ADMIN, call, FAST_ARGON2, makeCore, makeVault, removeDir } from '../../helpers/core';

jest.setTimeout(120_000);

const PASS = 'a long enough staff passphrase';

for (const variant of ['archived-flag', 'duplicate'] as const) {
  test(`a case hidden by rewriting the case order index is still listed (${variant})`, async () => {
    await initCrypto();
    const core = await makeVault();
    await call(core, 'users.add', {
      username: 'iris',
      displayName: 'Iris',
      role: 'interviewer',
      passphrase: PASS,
    });
    const a = await call(core, 'cases.create', {
      reference: 'R-A',
      childAlias: 'A',
      childAgeYears: 8,
      language: 'en',
    });
    const b = await call(core, 'cases.create', {
      reference: 'R-B',
      childAlias: 'B',
      childAgeYears: 9,
      language: 'en',
    });
    await call(core, 'vault.lock', {});
    core.close();
    try {
      const v: any = Vault.open(core.vaultDir, { argon2: FAST_ARGON2 });
      v.unlock('iris', PASS);
      const chunk = readCaseOrder(v.records)![0]!;
      const entries =
        variant === 'archived-flag'
          ? chunk.entries.map((e) => (e.caseId === b.caseId ? { ...e, archived: true } : e))
          : chunk.entries.map((e) =>
              e.caseId === b.caseId ? chunk.entries.find((x) => x.caseId === a.caseId) : e,
            );
      v.transact(() => {
        const ref = v.records.put(
          {
            recordId: 'case-order:000000',
            containerId: 'case-order',
            kind: 'case-order',
            seq: chunk.version + 1,
            keyRef: classKey('case'),
          },
          { chunk: 0, entries },
        );
        v.audit.append({
          at: v.nowIso(),
          actor: 'iris',
          action: 'cases.update',
          target: a.caseId,
          records: [ref],
        });
      });
      v.lock();
      v.close();

      const core2 = makeCore(core.vaultDir);
      try {
        await call(core2, 'vault.unlock', { username: 'admin', passphrase: ADMIN.passphrase });
        const list = await call(core2, 'cases.list', {});
        expect(list.cases.map((c) => c.reference).sort()).toEqual(['R-A', 'R-B']);
        const all = await call(core2, 'cases.list', { includeArchived: true });
        expect(all.cases.map((c) => `${c.reference}:${c.archived}`).sort()).toEqual([
          'R-A:false',
          'R-B:false',
        ]);
        // And vault check names the rewrite (red team round 4, item 3 of #15).
        const check = await call(core2, 'vault.check', {});
        expect(check.ok).toBe(false);
        const details = check.problems.map((p) => p.detail).join('\n');
        if (variant === 'archived-flag')
          expect(details).toMatch(
            new RegExp(`CASE_ORDER_ARCHIVED: the case order index marks case ${b.caseId} archived`),
          );
        else {
          expect(details).toMatch(new RegExp(`CASE_ORDER_DUPLICATE: .*case ${a.caseId} 2 times`));
          expect(details).toMatch(new RegExp(`CASE_ORDER_MISSING: case ${b.caseId} is not in`));
        }
      } finally {
        core2.close();
      }
    } finally {
      removeDir(core.vaultDir);
    }
  });
}
