// Red team 25, R25-2 (high): no key, one statement. A case row's clear `kind` column changed
// ('case' -> 'casf'), or the row deleted. Both the records_by_kind count and sec55's primary-key
// count filtered on that same kind, so they agreed on the narrowed set; the sealed order's totals
// disagreed, which only sent the listing to "decrypt every case", which read the same narrowed
// set: the case vanished from every list and search, its reference could be taken again, and
// with the order row deleted too the sign-in signed a rebuilt order without it. Now a row with a
// case id and another kind is listed as an unreadable case (and its reference is not free), a
// case the sealed order names but the table lacks is listed as unreadable, and the rebuild is
// refused.
import Database from 'better-sqlite3';
import { vaultFile } from '../../../src/vault';
import { call, callError, makeCore, removeDir } from '../../helpers/core';
import { makeCase, signInAs, vaultWithStaff, type Core } from '../../helpers/red-team';

jest.setTimeout(300_000);

function edit(vaultDir: string, sql: string, ...params: unknown[]): void {
  const db = new Database(vaultFile(vaultDir));
  try {
    expect(db.prepare(sql).run(...params).changes).toBeGreaterThan(0);
  } finally {
    db.close();
  }
}

async function vaultWithHiddenCase(tamper: (vaultDir: string, hidden: string) => void): Promise<{ core: Core; hidden: string }> {
  let core: Core = await vaultWithStaff([['ola', 'interviewer']]);
  await signInAs(core, 'ola');
  await makeCase(core, 'SEEN-1');
  const hidden = await makeCase(core, 'HIDDEN-NEW');
  await call(core, 'vault.lock', {});
  core.close();
  tamper(core.vaultDir, hidden);
  core = Object.assign(makeCore(core.vaultDir), { recoveryKey: core.recoveryKey });
  return { core, hidden };
}

const references = (listing: Record<string, unknown>) =>
  (listing.cases as Array<{ reference: string }>).map((c) => c.reference).sort();

test("a case row's kind edited: list and search show it as unreadable, its reference stays taken", async () => {
  const { core, hidden } = await vaultWithHiddenCase((dir, id) =>
    edit(dir, "UPDATE records SET kind = 'casf' WHERE record_id = ?", id),
  );
  try {
    for (const who of ['ola', 'admin']) {
      await signInAs(core, who);
      for (const request of [{}, { query: 'hidden' }, { includeArchived: true }]) {
        const listed = await call(core, 'cases.list', request);
        expect(listed.unreadable).toEqual([hidden]);
      }
      expect(references(await call(core, 'cases.list', {}))).toEqual(['SEEN-1']);
      await call(core, 'vault.lock', {});
    }
    await signInAs(core, 'ola');
    const refused = await callError(core, 'cases.create', {
      reference: 'HIDDEN-NEW',
      childAlias: 'K',
      childAgeYears: 7,
      language: 'en',
    });
    expect(refused.code).toBe('CONFLICT');
    await call(core, 'vault.lock', {});
  } finally {
    core.close();
    removeDir(core.vaultDir);
  }
});

test('a case row deleted while the sealed order names it: listed as unreadable, not left out', async () => {
  const { core, hidden } = await vaultWithHiddenCase((dir, id) => edit(dir, 'DELETE FROM records WHERE record_id = ?', id));
  try {
    for (const who of ['ola', 'admin']) {
      await signInAs(core, who);
      for (const request of [{}, { query: 'hidden' }]) {
        const listed = await call(core, 'cases.list', request);
        expect(listed.unreadable).toEqual([hidden]);
      }
      await call(core, 'vault.lock', {});
    }
  } finally {
    core.close();
    removeDir(core.vaultDir);
  }
});

test('the kind edit with the order rows deleted: the sign-in signs no order without the case; the list shows it unreadable', async () => {
  const { core, hidden } = await vaultWithHiddenCase((dir, id) => {
    edit(dir, "UPDATE records SET kind = 'casf' WHERE record_id = ?", id);
    edit(dir, "DELETE FROM records WHERE kind = 'case-order'");
  });
  try {
    await signInAs(core, 'ola');
    const listed = await call(core, 'cases.list', {});
    expect(listed.unreadable).toEqual([hidden]);
    expect(references(listed)).toEqual(['SEEN-1']);
    await call(core, 'vault.lock', {});
    core.close();
    const db = new Database(vaultFile(core.vaultDir), { readonly: true });
    try {
      expect(db.prepare("SELECT count(*) AS n FROM records WHERE kind = 'case-order'").get()).toEqual({ n: 0 });
    } finally {
      db.close();
    }
  } finally {
    core.close();
    removeDir(core.vaultDir);
  }
});
