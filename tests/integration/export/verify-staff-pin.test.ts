// `hearth verify --staff FILE` and export.verify's pinnedStaffList (red team rounds 3 and 4,
// M2/M3): a signer whose key is not on the pinned staff list (pinned before they were added, or
// after they were removed) makes the result NOT PROVEN, exit 1, with what to do; a list the
// pinned centre did not sign, or one without its .minisig, is refused (exit 2) before anything is
// checked; without --staff the result is VALID but says that who signed is not proven.
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { verifyCommand } from '../../../src/cli/commands/verify';
import { ADMIN, call, makeCore, makeVault, removeDir, tempDir } from '../../helpers/core';
import { captureIo } from '../../helpers/cli-io';
import { copyFolder, exportWithCli, IVAN, sealedSession } from '../../helpers/staff-list';

jest.setTimeout(300_000);

let dir: string;
let vaultDir: string;
let centrePub: string;
let pinned: string; // taken before ivan was added
let current: string; // taken after
let afterRemoval: string; // taken after ivan was removed
let foreign: string; // another centre's list
let folder: string;

const io = captureIo;

beforeAll(async () => {
  dir = tempDir('hearth-staff-pin-');
  centrePub = join(dir, 'centre.pub');
  pinned = join(dir, 'pinned-staff.txt');
  current = join(dir, 'current-staff.txt');
  afterRemoval = join(dir, 'after-removal-staff.txt');
  foreign = join(dir, 'foreign-staff.txt');
  const core = await makeVault();
  vaultDir = core.vaultDir;
  await call(core, 'keys.centrePublicKey', { outPath: centrePub });
  await call(core, 'keys.staffList', { outPath: pinned });
  await call(core, 'users.add', IVAN);
  await call(core, 'keys.staffList', { outPath: current });
  await call(core, 'vault.lock', {});
  await call(core, 'vault.unlock', { username: IVAN.username, passphrase: IVAN.passphrase });
  const sessionId = await sealedSession(core, 'PIN-1');
  core.close();
  // ivan is removed later; a copy of the vault from before keeps his export working, so the
  // bundle below is what a removed user can still make.
  const later = join(dir, 'later-vault');
  copyFolder(vaultDir, later);
  const laterCore = makeCore(later);
  await call(laterCore, 'vault.unlock', { username: ADMIN.username, passphrase: ADMIN.passphrase });
  await call(laterCore, 'users.remove', { username: IVAN.username });
  await call(laterCore, 'keys.staffList', { outPath: afterRemoval });
  laterCore.close();
  const other = await makeVault();
  await call(other, 'keys.staffList', { outPath: foreign });
  other.close();
  removeDir(other.vaultDir);

  folder = await exportWithCli(dir, vaultDir, IVAN, sessionId);
});
afterAll(() => {
  removeDir(vaultDir);
  removeDir(dir);
});

async function verify(extra: string[]) {
  const out = io();
  const code = await verifyCommand([folder, '--key', centrePub, ...extra], out);
  return { code, out: out.stdout(), err: out.stderr() };
}

test('a list pinned before ivan was added: NOT PROVEN (exit 1), naming his key and what to do', async () => {
  const { code, out } = await verify(['--staff', pinned]);
  expect(code).toBe(1);
  expect(out).toMatch(
    /^NOT PROVEN: the content of this sealed transcript bundle checks against the centre key, but who signed it is not proven/,
  );
  const lines = out.split('\n').filter((l) => l.includes('NOT PROVEN: the '));
  // ivan sealed and exported: one line for each role his key played (in the reason list).
  expect(
    lines.some((w) =>
      /sealing key of ivan \(interviewer, fingerprint [0-9A-F ]+, certified .*\) is not on the staff list you pinned \((?:number \d+, )?issued .*\): it was certified after that list/.test(
        w,
      ),
    ),
  ).toBe(true);
  expect(lines.some((w) => w.includes('exporting key of ivan'))).toBe(true);
  expect(out).toContain("Obtain the centre's current staff list from the centre itself");
  // The admin key is on the pinned list: nothing about it.
  expect(out).not.toMatch(/NOT PROVEN: the \w+ key of admin/);
});

test('a list pinned after ivan was removed: his bundle (made from an older copy) is NOT PROVEN', async () => {
  const { code, out } = await verify(['--staff', afterRemoval]);
  expect(code).toBe(1);
  expect(out).toMatch(
    /sealing key of ivan .* is not on the staff list you pinned .*: it was withdrawn before that list \(a removed staff member\)/,
  );
  const json = io();
  expect(
    await verifyCommand([folder, '--key', centrePub, '--staff', afterRemoval, '--json'], json),
  ).toBe(1);
  expect(JSON.parse(json.stdout())).toMatchObject({ valid: false, failure: 'IDENTITY_NOT_PROVEN' });
});

test('without --staff: VALID, and the report says who signed is not proven; with a current list: VALID and pinned', async () => {
  const plain = await verify([]);
  expect(plain.code).toBe(0);
  expect(plain.out).toMatch(
    /^VALID: .*; who signed is NOT checked against a staff list \(identity not proven: see below\)/,
  );
  expect(plain.out).toContain(
    'IDENTITY NOT PROVEN: who signed was checked only against the certificates inside the bundle',
  );
  const withCurrent = await verify(['--staff', current]);
  expect(withCurrent.code).toBe(0);
  expect(withCurrent.out).toMatch(
    /^VALID: .*checked against the centre key and the staff list you pinned/,
  );
  expect(withCurrent.out).not.toContain('IDENTITY NOT PROVEN');
  expect(withCurrent.out).not.toMatch(/NOT PROVEN: the /);
});

test("another centre's list, a changed list, or a missing .minisig is refused with exit 2", async () => {
  const foreignRun = await verify(['--staff', foreign]);
  expect(foreignRun.code).toBe(2);
  expect(foreignRun.out).toBe('');
  expect(foreignRun.err).toContain('pinned staff list cannot be used');
  expect(foreignRun.err).toContain('not signed by the trusted centre key');

  const edited = join(dir, 'edited-staff.txt');
  writeFileSync(edited, `${readFileSync(current, 'utf8')}# added\n`);
  copyFileSync(`${current}.minisig`, `${edited}.minisig`);
  const editedRun = await verify(['--staff', edited]);
  expect(editedRun.code).toBe(2);
  expect(editedRun.err).toContain('not signed by the trusted centre key');

  const lonely = join(dir, 'lonely-staff.txt');
  copyFileSync(pinned, lonely);
  const lonelyRun = await verify(['--staff', lonely]);
  expect(lonelyRun.code).toBe(2);
  expect(lonelyRun.err).toContain(`cannot read ${lonely}.minisig`);

  const missing = await verify(['--staff', join(dir, 'nope.txt')]);
  expect(missing.code).toBe(2);
  expect(missing.err).toContain('cannot read the staff list');
});

test('--help names --staff', async () => {
  const out = io();
  expect(await verifyCommand(['--help'], out)).toBe(0);
  expect(out.stdout()).toContain('--staff STAFF_LIST');
});

test('export.verify takes pinnedStaffList with its minisig; refuses one the centre did not sign', async () => {
  const core = makeCore(vaultDir);
  try {
    await call(core, 'vault.unlock', { username: ADMIN.username, passphrase: ADMIN.passphrase });
    const publicKey = readFileSync(centrePub, 'utf8');
    const base = { path: folder, publicKey };
    const warned = await call(core, 'export.verify', {
      ...base,
      pinnedStaffList: readFileSync(pinned, 'utf8'),
      pinnedStaffListMinisig: readFileSync(`${pinned}.minisig`, 'utf8'),
    });
    expect(warned).toMatchObject({ valid: false, failure: 'IDENTITY_NOT_PROVEN' });
    expect(warned.reason).toContain('NOT PROVEN: the sealing key of ivan');
    const plain = await call(core, 'export.verify', base);
    expect(plain.valid).toBe(true);
    expect(JSON.stringify(plain)).toContain('IDENTITY NOT PROVEN');
    const refused = await call(core, 'export.verify', {
      ...base,
      pinnedStaffList: readFileSync(foreign, 'utf8'),
      pinnedStaffListMinisig: readFileSync(`${foreign}.minisig`, 'utf8'),
    });
    expect(refused).toMatchObject({ valid: false, failure: 'BAD_KEY' });
    const unsigned = await call(core, 'export.verify', {
      ...base,
      pinnedStaffList: readFileSync(pinned, 'utf8'),
    });
    expect(unsigned).toMatchObject({ valid: false, failure: 'BAD_KEY' });
  } finally {
    core.close();
  }
});

test('a path with no bundle, or a file that is not one, is input to fix: exit 2 with the next step', async () => {
  for (const path of [join(dir, 'nonexistent'), join(dir, 'notabundle.txt')]) {
    if (path.endsWith('.txt')) writeFileSync(path, 'not a bundle\n');
    for (const json of [false, true]) {
      const out = io();
      const code = await verifyCommand(
        [path, '--key', centrePub, ...(json ? ['--json'] : [])],
        out,
      );
      expect({ path, json, code }).toEqual({ path, json, code: 2 });
      expect(out.stderr()).toContain('Give as BUNDLE the bundle folder');
      if (json) expect(JSON.parse(out.stdout())).toMatchObject({ failure: 'NOT_A_BUNDLE' });
      else expect(out.stdout()).toBe('');
    }
  }
  // A tampered bundle is still a problem found (1), not input to fix.
  const tampered = join(dir, 'tampered');
  copyFolder(folder, tampered);
  writeFileSync(
    join(tampered, 'transcript.txt'),
    `${readFileSync(join(tampered, 'transcript.txt'), 'utf8')}x`,
  );
  expect(await verifyCommand([tampered, '--key', centrePub], io())).toBe(1);
});
