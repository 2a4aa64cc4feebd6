// Red team 25, R25-6 (low): no key, one INSERT. A row whose clear `kind` says 'case' but whose id
// lies outside the `case_` range (a copy of a real case row under another id) made the index
// count of cases (every row of kind 'case') disagree with the primary-key count (the rows under
// `case_`): every listing of the Cases screen refused TAMPERED INDEX_DISAGREES, for every user,
// until a restore. A keyless lock-out of the screen. Now the index count is taken over the same
// id range, and a row of the kind the listing cannot place is named in `unreadable` while the
// real cases are listed.
import Database from 'better-sqlite3';
import { vaultFile } from '../../../src/vault';
import { call, makeCore, removeDir } from '../../helpers/core';
import { makeCase, signInAs, vaultWithStaff, type Core } from '../../helpers/red-team';

jest.setTimeout(300_000);

/** A vault with two cases, then a copy of the first case's row planted under `plantedId`. */
async function vaultWithPlantedRow(plantedId: string): Promise<{ core: Core; cases: string[] }> {
  let core: Core = await vaultWithStaff([['ola', 'interviewer']]);
  await signInAs(core, 'ola');
  const cases = [await makeCase(core, 'SEEN-1'), await makeCase(core, 'SEEN-2')];
  await call(core, 'vault.lock', {});
  core.close();
  const db = new Database(vaultFile(core.vaultDir));
  try {
    const planted = db
      .prepare(
        `INSERT INTO records (record_id, container_id, kind, seq, key_ref, nonce, ciphertext, blind_index)
         SELECT ?, container_id, kind, seq, key_ref, nonce, ciphertext, NULL FROM records WHERE record_id = ?`,
      )
      .run(plantedId, cases[0]);
    expect(planted.changes).toBe(1);
  } finally {
    db.close();
  }
  core = Object.assign(makeCore(core.vaultDir), { recoveryKey: core.recoveryKey });
  return { core, cases };
}

const references = (listing: Record<string, unknown>) =>
  (listing.cases as Array<{ reference: string }>).map((c) => c.reference).sort();

test.each([
  ['before the case_ range', 'casd_planted'],
  ['after the case_ range', 'zz_planted'],
  ['inside the range, with an event-like id', 'case_planted:0001'],
])(
  'a planted case row %s: every listing shows the real cases and names the row',
  async (_label, plantedId) => {
    const { core } = await vaultWithPlantedRow(plantedId);
    try {
      for (const who of ['ola', 'admin']) {
        await signInAs(core, who);
        for (const request of [{}, { query: 'seen' }, { includeArchived: true }, { limit: 1 }]) {
          const listed = await call(core, 'cases.list', request);
          expect(listed.unreadable).toEqual([plantedId]);
          if (request.limit !== 1) expect(references(listed)).toEqual(['SEEN-1', 'SEEN-2']);
          else expect(listed.cases).toHaveLength(1);
        }
        await call(core, 'vault.lock', {});
      }
    } finally {
      core.close();
      removeDir(core.vaultDir);
    }
  },
);
