// sec46: a vault made before the fix holds the first admin's passphrase in her profile. At an
// admin's sign-in the profile is rewritten without it (audited, field names only), she is told
// to change her passphrase, and vault check names PROFILE_HOLDS_SECRET until she has.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeFileSync } from 'node:fs';
import { Readable } from 'node:stream';
import { runCli } from '../../../src/cli/main';
import type { RecordAddress } from '../../../src/vault/records';
import type * as Users from '../../../src/vault/users';
import { ADMIN, call, makeCore, makeVault, removeDir } from '../../helpers/core';
import { copyVault, offlineRead } from '../../helpers/offline-insider';

jest.setTimeout(180_000);

// The file vault.create wrote before sec46: the profile from the whole create input.
let mockPlantPassphrase = true;
jest.mock('../../../src/vault/users', () => {
  const actual = jest.requireActual<typeof Users>('../../../src/vault/users');
  return {
    ...actual,
    createUserRecords: (
      put: (address: RecordAddress, value: unknown) => unknown,
      profile: Parameters<typeof actual.createUserRecords>[1],
    ) =>
      actual.createUserRecords(
        (address, value) =>
          put(
            address,
            mockPlantPassphrase && address.kind === 'user'
              ? { ...(value as object), passphrase: 'correct horse battery staple' }
              : value,
          ) as ReturnType<Parameters<typeof actual.createUserRecords>[0]>,
        profile,
      ),
  };
});

const PASS = 'a long enough staff passphrase';

test("an admin's sign-in removes the stored passphrase, tells her, and check names it until she changes it", async () => {
  const core = await makeVault();
  mockPlantPassphrase = false;
  const work = mkdtempSync(join(tmpdir(), 'hearth-sec46-repair-'));
  let reopened2: ReturnType<typeof makeCore> | undefined;
  try {
    await call(core, 'users.add', {
      username: 'ivan',
      displayName: 'Ivan Interviewer',
      role: 'interviewer',
      passphrase: PASS,
    });
    await call(core, 'vault.lock', {});
    // The old file: any staff passphrase reads hers.
    const before = offlineRead(copyVault(core.vaultDir, work, 'before'), {
      username: 'ivan',
      passphrase: PASS,
    });
    expect(before.plaintext).toContain(ADMIN.passphrase);

    // An interviewer signing in first changes nothing (only admins write others' profiles).
    const ivan = await call(core, 'vault.unlock', { username: 'ivan', passphrase: PASS });
    expect(ivan.passphraseExposed).toBeUndefined();

    const admin = await call(core, 'vault.unlock', {
      username: ADMIN.username,
      passphrase: ADMIN.passphrase,
    });
    expect(admin.passphraseExposed?.message).toMatch(/Change your passphrase now/);
    const check = await call(core, 'vault.check', {});
    // Worded as what happened (R21-5): held until this sign-in removed it.
    expect(check.problems.map((p) => [p.code, p.id, p.values])).toEqual([
      [
        'PROFILE_HELD_SECRET',
        'user:admin',
        { username: 'admin', since: admin.passphraseExposed?.since },
      ],
    ]);
    expect(check.problems[0]!.detail).toContain(`until ${admin.passphraseExposed!.since}, when`);
    expect(JSON.stringify(check)).not.toContain(ADMIN.passphrase);
    await call(core, 'vault.lock', {});

    const after = offlineRead(copyVault(core.vaultDir, work, 'after'), {
      username: ADMIN.username,
      passphrase: ADMIN.passphrase,
    });
    expect(after.plaintext).not.toContain(ADMIN.passphrase);
    expect(after.auditText).not.toContain(ADMIN.passphrase);
    // The repair is audited with the field's name, by the admin who signed in.
    expect(after.auditText).toMatch(/"action":"users.repairProfile"/);
    expect(after.auditText).toMatch(/"removedFields":"passphrase"/);
    // Nor can the interviewer read it any more.
    expect(
      offlineRead(copyVault(core.vaultDir, work, 'after2'), { username: 'ivan', passphrase: PASS })
        .plaintext,
    ).not.toContain(ADMIN.passphrase);

    // The CLI says it too, in both languages, and its check names the profile.
    core.close();
    const passFile = join(work, 'pass.txt');
    writeFileSync(passFile, `${ADMIN.passphrase}\n`);
    let out = '';
    let err = '';
    const code = await runCli(
      ['vault', 'check', '--vault', core.vaultDir, '--passphrase-file', passFile],
      {
        stdin: Readable.from([]),
        out: (t) => void (out += t),
        err: (t) => void (err += t),
        env: {},
      },
    );
    // In the one language chosen (sec47 (b)): English without a setting.
    expect(err).toMatch(/WARNING: Your passphrase was stored inside your staff profile/);
    expect(err).not.toMatch(/AVISO|Una versión anterior/);
    expect(out + err).toContain('PROFILE_HELD_SECRET');
    expect(code).not.toBe(0);
    expect(out + err).not.toContain(ADMIN.passphrase);
    // --lang es (or LANG=es_US.UTF-8): Spanish only.
    for (const [args, env] of [
      [['--lang', 'es'], {}],
      [[], { LANG: 'es_US.UTF-8' }],
    ] as const) {
      let esErr = '';
      await runCli(
        ['vault', 'check', '--vault', core.vaultDir, '--passphrase-file', passFile, ...args],
        {
          stdin: Readable.from([]),
          out: () => undefined,
          err: (t) => void (esErr += t),
          env,
        },
      );
      expect(esErr).toMatch(/AVISO: Una versión anterior de Hearth guardó su frase de contraseña/);
      expect(esErr).not.toMatch(/WARNING|Your passphrase/);
      expect(esErr).not.toContain(ADMIN.passphrase);
    }

    const reopened = makeCore(core.vaultDir);
    reopened2 = reopened;
    // Told again at the next sign-in, until she changes it.
    const again = await call(reopened, 'vault.unlock', {
      username: ADMIN.username,
      passphrase: ADMIN.passphrase,
    });
    expect(again.passphraseExposed).toBeDefined();
    await call(reopened, 'vault.changePassphrase', {
      currentPassphrase: ADMIN.passphrase,
      newPassphrase: 'a brand new admin passphrase',
    });
    expect((await call(reopened, 'vault.check', {})).problems).toEqual([]);
    await call(reopened, 'vault.lock', {});
    const changed = await call(reopened, 'vault.unlock', {
      username: ADMIN.username,
      passphrase: 'a brand new admin passphrase',
    });
    expect(changed.passphraseExposed).toBeUndefined();
  } finally {
    reopened2?.close();
    core.close();
    removeDir(work);
    removeDir(core.vaultDir);
  }
});
