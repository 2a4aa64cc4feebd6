// The sec33 data-loss path (issue #15): before sec28, making a case allegation-blind made
// allegation key version 2 without custody (it did not hold version 1); since sec30 the migration
// leaves such a version uncertified (R15-1), so after the upgrade that allegation was readable by
// no one. Now, at the admin's first sign-in, such a version is certified (and given the custody
// wrap Hearth has made since sec28) when the signed, chained audit entry that wrote the allegation
// under it is a certified admin's, also wrote the case (which says blind), the version is wrapped
// for the staff key by a wrap that opens, and version 1 was open to the case key
// (src/vault/blind-version.ts). Forged variant, still refused: an interviewer's own version 2,
// with a junk staff wrap row, for a case blind from its creation, in a signed entry of his own.
// (Only admins hold the staff key, so only they could ever make a case blind: no interviewer's
// clear-signed sec28/sec29 version 2 exists to rescue.)
import Database from 'better-sqlite3';
import { SessionContext } from '../../../src/interview/session-context';
import { vaultFile } from '../../../src/vault';
import type * as Vouching from '../../../src/vault/key-vouching';
import type { Vault } from '../../../src/vault/vault';
import { ADMIN, call, makeCore, makeVault, removeDir } from '../../helpers/core';
import { PASS } from '../../helpers/insider';

jest.setTimeout(300_000);

// A build before sec28 wrote none of the signed marks sec30 reads to tell a vault that has had
// certificates (`everCertified`: admin checkpoints with keyCerts, keys.certify entries); a vault
// made by this build has them from its creation and cannot lose them without breaking the chain.
// While `noMarks` is set, the sign-in reads this vault's log as such an old build's.
let noMarks = false;
jest.mock('../../../src/vault/key-vouching', () => {
  const actual = jest.requireActual<typeof Vouching>('../../../src/vault/key-vouching');
  return {
    ...actual,
    everCertified: (...args: Parameters<typeof actual.everCertified>) =>
      noMarks ? false : actual.everCertified(...args),
  };
});

type Core = ReturnType<typeof makeCore>;
let ctx: SessionContext | undefined;
const proto = SessionContext.prototype as unknown as { load: (id: string) => { plan: unknown } };
const realLoad = proto.load;
beforeAll(() => {
  proto.load = function (this: SessionContext, id: string) {
    // eslint-disable-next-line @typescript-eslint/no-this-alias -- the test reads the live vault
    ctx = this;
    return realLoad.call(this, id);
  };
});
afterAll(() => {
  proto.load = realLoad;
});
afterEach(() => {
  noMarks = false;
});

async function as(core: Core, who: string, pass = PASS) {
  await call(core, 'vault.lock', {});
  await call(core, 'vault.unlock', { username: who, passphrase: pass });
}

/** The signed-in user's live vault (through a session's context). */
async function liveVault(core: Core, caseId: string): Promise<Vault> {
  const { sessionId } = await call(core, 'sessions.start', {
    caseId,
    protocolId: 'nichd',
    mode: 'live',
    language: 'en',
  });
  await call(core, 'sessions.get', { sessionId });
  return ctx!.vault;
}

async function allegationOf(core: Core, caseId: string): Promise<string> {
  const r = await core.invoke('cases.get', { caseId, revealAllegation: true });
  if (!r.ok) return `refused ${r.error.code}`;
  return (r.value as { allegationSummary?: string }).allegationSummary ?? 'none';
}

function rawDb(vault: Vault): Database.Database {
  return (vault.keys as unknown as { db: Database.Database }).db;
}

async function vaultWithStaff(): Promise<Core> {
  const core = await makeVault();
  for (const username of ['ola', 'ivan'])
    await call(core, 'users.add', {
      username,
      displayName: username.toUpperCase(),
      role: 'interviewer',
      passphrase: PASS,
    });
  return core;
}

const CASE = {
  reference: 'CAC-OLD',
  childAlias: 'A',
  childAgeYears: 7,
  language: 'en',
  allegationSummary: 'QALLEGQ',
};

describe('before sec28: a version 2 without custody, in a vault the migration certifies', () => {
  /** The vault as a build before sec28 left it: no certificate, no keycert: pointer, no custody wrap. */
  function asPreSec28(dir: string, logical: string): number {
    const db = new Database(vaultFile(dir));
    try {
      const custody = db
        .prepare('DELETE FROM key_wraps WHERE logical = ? AND version = 1 AND holder = ?')
        .run(logical, `${logical}@2`).changes;
      db.exec("DELETE FROM key_certs; DELETE FROM audit_index WHERE record_id LIKE 'keycert:%';");
      return custody;
    } finally {
      db.close();
    }
  }

  test.each([
    ['made blind by the admin through Hearth (genuine)', 'genuine'],
    ["ivan's own version 2 for a case blind from its creation (forged)", 'forged'],
  ])('%s', async (_label, variant) => {
    let core: Core = await vaultWithStaff();
    const dir = core.vaultDir;
    try {
      const { caseId } = await call(core, 'cases.create', {
        ...CASE,
        allegationBlind: variant === 'forged',
      });
      const logical = `allegation:${caseId}`;
      if (variant === 'genuine') {
        await call(core, 'cases.update', { caseId, patch: { allegationBlind: true } });
      } else {
        // ivan's modified client: a version 2 of his own with a junk row naming the staff key (he
        // cannot wrap for it), and a forged allegation under it, in one signed entry that also
        // writes the case, still blind.
        await as(core, 'ivan');
        const vault = await liveVault(core, caseId);
        const found = vault.records.get<{ version: number }>(caseId)!;
        const staff = vault.keys.requireCurrentId('class:staff');
        vault.write(
          'cases.update',
          caseId,
          (put) => {
            const made = vault.keys.create(logical, [vault.userKeyId]);
            rawDb(vault)
              .prepare(
                'INSERT INTO key_wraps (logical, version, holder, nonce, wrapped_key) VALUES (?, 2, ?, ?, ?)',
              )
              .run(logical, staff, Buffer.alloc(24), Buffer.alloc(48));
            expect(made).toBe(`${logical}@2`);
            const next = { ...found.value, version: found.value.version + 1 };
            put(
              { ...found.address, seq: next.version },
              next,
              vault.blindIndex('case-reference', 'CAC-OLD'),
            );
            put(
              {
                recordId: logical,
                containerId: caseId,
                kind: 'allegation',
                seq: next.version,
                keyRef: logical,
              },
              { caseId, text: 'QFORGEDQ' },
            );
          },
          { fields: 'allegationSummary' },
        );
      }
      await call(core, 'vault.lock', {});
      core.close();
      const custody = asPreSec28(dir, logical);
      expect(custody).toBe(variant === 'genuine' ? 1 : 0);
      noMarks = true;

      core = makeCore(dir);
      const olaFirst = await core.invoke('vault.unlock', { username: 'ola', passphrase: PASS });
      expect(olaFirst.ok).toBe(false); // KEYS_ADMIN_FIRST: a vault from before certificates
      await call(core, 'vault.unlock', { username: ADMIN.username, passphrase: ADMIN.passphrase });
      const adminReads = await allegationOf(core, caseId);
      const check = await call(core, 'vault.check', {});
      // Ola may not read a blind allegation until it is revealed to her (the reveal is audited).
      await as(core, 'ola');
      const olaBefore = await allegationOf(core, caseId);
      const ivanReads = await (async () => {
        await as(core, 'ivan');
        return allegationOf(core, caseId);
      })();
      let olaReads = olaBefore;
      if (variant === 'genuine') {
        await as(core, ADMIN.username, ADMIN.passphrase);
        await call(core, 'cases.revealAllegationTo', { caseId, username: 'ola' });
        await as(core, 'ola');
        olaReads = await allegationOf(core, caseId);
      }
      if (variant === 'genuine') {
        expect([adminReads, olaReads]).toEqual(['QALLEGQ', 'QALLEGQ']);
        expect(olaBefore).not.toBe('QALLEGQ');
        expect(ivanReads).not.toBe('QALLEGQ');
        expect(check.problems).toEqual([]);
      } else {
        for (const read of [adminReads, olaReads, ivanReads]) {
          expect(read).not.toBe('QFORGEDQ');
          expect(read).not.toBe('QALLEGQ');
        }
        expect(check.problems).toContainEqual(
          expect.objectContaining({ id: `${logical}@2`, code: 'KEY_VERSION_UNCERTIFIED' }),
        );
      }
      expect(JSON.stringify(check)).not.toMatch(/QALLEGQ|QFORGEDQ/);
      core.close();
      // The genuine version now holds version 1 (custody), as Hearth has made it since sec28.
      const db = new Database(vaultFile(dir), { readonly: true });
      const held = db
        .prepare('SELECT 1 FROM key_wraps WHERE logical = ? AND version = 1 AND holder = ?')
        .get(logical, `${logical}@2`);
      db.close();
      expect(held !== undefined).toBe(variant === 'genuine');
    } finally {
      core.close();
      removeDir(dir);
    }
  });
});
