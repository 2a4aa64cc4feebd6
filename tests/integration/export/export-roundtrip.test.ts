// Export from a real vault, then verify: plain and encrypted, with Hearth and with the standard
// tools (minisign, sha256sum), the PDF's per-page stamps, the audit entry, the refusal of
// practice sessions, and atomicity (a failed export leaves nothing behind).
import { execFileSync, spawnSync } from 'node:child_process';
import {
  mkdirSync,
  readdirSync,
  readFileSync,
  symlinkSync,
  writeFileSync,
  renameSync,
} from 'node:fs';
import { join } from 'node:path';
import { initCrypto } from '../../../src/crypto';
import {
  addRecipient,
  exportTranscript,
  generateIdentity,
  listRecipients,
  myPublicKey,
  openEncrypted,
  parseIdentity,
  parsePublicKey,
  verifyPath,
  type TranscriptInput,
} from '../../../src/export';
import { groupHex } from '../../../src/export/encoding';
import { centrePublicKeyFile, HearthError, readSigningKey, Vault } from '../../../src/vault';
import { trustFromVault } from '../../../src/export/source';
import { syntheticTranscript } from '../../fixtures/export/synthetic';
import { ADMIN, FAST_ARGON2, removeDir, tempDir } from '../../helpers/core';

const has = (cmd: string, arg: string) => spawnSync(cmd, [arg]).status === 0;
const tools = has('minisign', '-v') && has('sha256sum', '--version') && has('pdftotext', '-v');
const itTools = tools ? it : it.skip;

// A 1,500-note PDF is rendered and re-rendered (to compare): generous for a loaded machine.
jest.setTimeout(300_000);

let vaultDir: string;
let outDir: string;
let vault: Vault;
let big: TranscriptInput;
let small: TranscriptInput;
let plainPath: string;
let fingerprint: string;
const scratchDirs: string[] = [];
const scratch = (prefix: string) => {
  const dir = tempDir(prefix);
  scratchDirs.push(dir);
  return dir;
};

beforeAll(async () => {
  await initCrypto();
  vaultDir = tempDir('hearth-export-vault-');
  outDir = tempDir('hearth-export-out-');
  vault = Vault.create(vaultDir, ADMIN, { argon2: FAST_ARGON2 }).vault;
  vault.addUser({
    username: 'ivan',
    displayName: 'Iván Muñoz',
    role: 'interviewer',
    passphrase: 'interviewer passphrase',
  });
  vault.unlock('ivan', 'interviewer passphrase');
  // Sessions sealed by ivan's own vault key and certified by this vault's centre key.
  const secretKey = readSigningKey(vault.records, 'ivan');
  const interviewerKey = { secretKey, publicKey: secretKey.slice(32) };
  const trust = trustFromVault(vault);
  big = {
    ...syntheticTranscript({ notes: 1500, turns: 2000, addenda: 3, interviewerKey }).input,
    trust,
  };
  small = {
    ...syntheticTranscript({ notes: 20, turns: 10, durationMs: 30 * 60_000, interviewerKey }).input,
    trust,
  };
  const result = await exportTranscript(vault, big, {
    outDir,
    reason: 'Solicitud de la fiscalía 2026/17',
  });
  plainPath = result.path;
  fingerprint = result.fingerprint;
}, 600_000);

afterAll(() => {
  vault.close();
  removeDir(vaultDir);
  removeDir(outDir);
  scratchDirs.forEach(removeDir);
});

const trustedKey = () => parsePublicKey(centrePublicKeyFile(vault.centreKey()));

test('a 1,500-note export verifies with Hearth and is recorded in the audit chain', async () => {
  const { verdict, encrypted } = await verifyPath(plainPath, trustedKey());
  expect(encrypted).toBe(false);
  expect(verdict).toMatchObject({
    valid: true,
    fingerprint,
    signer: { username: 'ivan', displayName: 'Iván Muñoz' },
  });
  vault.lock();
  vault.unlock(ADMIN.username, ADMIN.passphrase);
  const entries = vault.audit.list(20);
  vault.lock();
  vault.unlock('ivan', 'interviewer passphrase');
  const exported = entries.find((e) => e.action === 'export.sealed');
  expect(exported).toMatchObject({
    actor: 'ivan',
    target: `session:${big.sessionId}`,
    detail: { fingerprint, encrypted: false },
  });
  const json = JSON.parse(readFileSync(join(plainPath, 'transcript.json'), 'utf8')) as {
    events: Array<{ type: string }>;
    withheld: { count: number; byKind: Record<string, number> };
    addenda: unknown[];
    importedTranscript: { turns: unknown[] };
    case: { allegationSummary?: string };
  };
  // The team's (MDT) notes are left out by default: present as digests, counted as withheld.
  expect(json.withheld.byKind).toEqual({ mdt: json.withheld.count });
  expect(json.withheld.count).toBeGreaterThan(0);
  expect(json.events.filter((e) => e.type === 'note').length).toBe(1501 - json.withheld.count);
  expect(json.addenda).toHaveLength(3);
  expect(json.importedTranscript.turns).toHaveLength(2000);
  expect(json.case.allegationSummary).toBeUndefined();
});

itTools('minisign -V and sha256sum -c accept the bundle without Hearth', () => {
  const centreFile = join(scratch('hearth-centre-'), 'centre.pub');
  writeFileSync(centreFile, centrePublicKeyFile(vault.centreKey()));
  execFileSync('minisign', ['-Vm', 'staff-keys.txt', '-p', centreFile], { cwd: plainPath });
  const keyLine = myPublicKey(vault).publicKey.trim().split('\n')[1]!;
  expect(readFileSync(join(plainPath, 'staff-keys.txt'), 'utf8')).toContain(
    `${keyLine} interviewer ivan `,
  );
  const out = execFileSync('minisign', ['-Vm', 'SHA256SUMS', '-P', keyLine], {
    cwd: plainPath,
    encoding: 'utf8',
  });
  expect(out).toContain(`fingerprint:${fingerprint}`);
  const sums = execFileSync('sha256sum', ['-c', 'SHA256SUMS'], {
    cwd: plainPath,
    encoding: 'utf8',
  });
  expect(sums.trim().split('\n')).toHaveLength(9);
  expect(sums).not.toContain('FAILED');
});

itTools('every PDF page carries the bundle fingerprint, the signer key and "page x of y"', () => {
  const text = execFileSync('pdftotext', ['-layout', join(plainPath, 'transcript.pdf'), '-'], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  const pages = text.split('\f').filter((p) => p.trim() !== '');
  expect(pages.length).toBeGreaterThan(50);
  const signer = myPublicKey(vault).fingerprint;
  pages.forEach((page, i) => {
    expect(page).toContain(groupHex(fingerprint));
    expect(page).toContain(signer);
    // The synthetic interview is in Spanish: so is its PDF.
    expect(page).toContain(`Página ${i + 1} de ${pages.length}`);
  });
  expect(pages[0]).toContain('CAC-2026-0142');
  expect(pages[0]).toContain('Begoña');
  expect(text).toContain('escritas DESPUÉS de sellar la entrevista');
  expect(text).toContain('¿Qué ocurrió después de que se apagó la luz?');
});

test('encrypted to a recipient from the address book: opens only with its identity', async () => {
  const office = generateIdentity('Fiscalía Provincial');
  const other = generateIdentity('Someone else');
  const recipient = addRecipient(vault, 'Fiscalía Provincial', office.recipientKey);
  expect(recipient.fingerprint).toBe(office.fingerprint);
  expect(listRecipients(vault).map((r) => r.label)).toEqual(['Fiscalía Provincial']);
  expect(() => addRecipient(vault, 'again', office.recipientKey)).toThrow(HearthError);
  const percents: number[] = [];
  const result = await exportTranscript(vault, small, {
    outDir,
    recipientKey: recipient.recipientId,
    progress: (_step, percent) => percents.push(percent),
  });
  expect(percents.length).toBeGreaterThan(4);
  expect([...percents].sort((a, b) => a - b)).toEqual(percents);
  expect(percents.at(-1)).toBe(100);
  expect(result.path).toMatch(/\.hearth-sealed$/);
  const raw = readFileSync(result.path);
  expect(raw.includes(Buffer.from('Begoña'))).toBe(false);
  const key = trustedKey();
  expect(
    (await verifyPath(result.path, key, { identity: parseIdentity(office.identity)! })).verdict,
  ).toMatchObject({
    valid: true,
    fingerprint: result.fingerprint,
  });
  expect((await verifyPath(result.path, key)).verdict).toMatchObject({
    valid: false,
    failure: 'DECRYPT_FAILED',
  });
  expect(
    (await verifyPath(result.path, key, { identity: parseIdentity(other.identity)! })).verdict,
  ).toMatchObject({
    valid: false,
    failure: 'DECRYPT_FAILED',
  });
  const truncated = join(outDir, 'truncated.hearth-sealed');
  writeFileSync(truncated, raw.subarray(0, raw.length - 40));
  expect(
    (await verifyPath(truncated, key, { identity: parseIdentity(office.identity)! })).verdict,
  ).toMatchObject({
    valid: false,
    failure: 'DECRYPT_FAILED',
  });
  const openDir = tempDir('hearth-open-');
  try {
    const opened = await openEncrypted(result.path, openDir, key, {
      identity: parseIdentity(office.identity)!,
    });
    expect(opened.verdict.valid).toBe(true);
    expect((await verifyPath(opened.path!, key)).verdict.valid).toBe(true);
  } finally {
    removeDir(openDir);
  }
});

test('encrypted to a passphrase: opens with it, not with another', async () => {
  const result = await exportTranscript(vault, small, {
    outDir: scratch('hearth-pass-'),
    passphrase: 'una frase de paso larga',
    passphraseParams: FAST_ARGON2,
  });
  const key = trustedKey();
  expect(
    (await verifyPath(result.path, key, { passphrase: 'una frase de paso larga' })).verdict.valid,
  ).toBe(true);
  expect(
    (await verifyPath(result.path, key, { passphrase: 'otra frase de paso' })).verdict,
  ).toMatchObject({
    valid: false,
    failure: 'DECRYPT_FAILED',
  });
});

test('practice sessions are refused and nothing is written', async () => {
  const dir = scratch('hearth-practice-');
  const practice = { ...small, mode: 'practice' as const };
  await expect(exportTranscript(vault, practice, { outDir: dir })).rejects.toMatchObject({
    code: 'FORBIDDEN',
    message: expect.stringContaining('Practice sessions'),
  });
  expect(readdirSync(dir)).toEqual([]);
});

test('a failure while writing leaves no partial bundle and no export entry (only the signed attempt)', async () => {
  const dir = scratch('hearth-atomic-');
  const before = vault.db.prepare('SELECT COUNT(*) AS n FROM audit_log').get() as { n: number };
  let written = 0;
  const hook = () => {
    if (++written === 4) throw Object.assign(new Error('disk'), { code: 'ENOSPC' });
  };
  await expect(
    exportTranscript(vault, small, { outDir: dir, writeHook: hook }),
  ).rejects.toMatchObject({
    code: 'DISK_FULL',
  });
  expect(readdirSync(dir)).toEqual([]);
  written = 0;
  await expect(
    exportTranscript(vault, small, {
      outDir: dir,
      passphrase: 'una frase de paso larga',
      passphraseParams: FAST_ARGON2,
      writeHook: () => {
        throw Object.assign(new Error('io'), { code: 'EIO' });
      },
    }),
  ).rejects.toMatchObject({ code: 'IO_ERROR' });
  expect(readdirSync(dir)).toEqual([]);
  const after = vault.db.prepare('SELECT COUNT(*) AS n FROM audit_log').get() as { n: number };
  // Each attempt leaves only its signed export.started entry (the start an export committed
  // under another sign-in points to: red team round 7, R7-10), never an export.sealed.
  expect(after.n).toBe(before.n + 2);
  expect(vault.audit.list(2).map((e) => e.action)).toEqual(['export.started', 'export.started']);
});

test('on disk: symlinks, sub-folders and renamed files are refused with a reason', async () => {
  const key = trustedKey();
  const make = async () =>
    (await exportTranscript(vault, small, { outDir: scratch('hearth-disk-') })).path;
  const withLink = await make();
  renameSync(join(withLink, 'VERIFY.txt'), join(withLink, 'VERIFY.real'));
  symlinkSync(join(withLink, 'VERIFY.real'), join(withLink, 'VERIFY.txt'));
  expect((await verifyPath(withLink, key)).verdict).toMatchObject({
    valid: false,
    failure: 'PATH_TRICK',
  });
  const withDir = await make();
  mkdirSync(join(withDir, 'extra'));
  expect((await verifyPath(withDir, key)).verdict).toMatchObject({
    valid: false,
    failure: 'PATH_TRICK',
  });
  const linked = join(outDir, 'link-to-bundle');
  symlinkSync(withDir, linked);
  expect((await verifyPath(linked, key)).verdict).toMatchObject({
    valid: false,
    failure: 'PATH_TRICK',
  });
  expect((await verifyPath(join(outDir, 'nothing-here'), key)).verdict).toMatchObject({
    valid: false,
    failure: 'NOT_A_BUNDLE',
  });
});

test('on disk: 100 random single-byte changes are all rejected', async () => {
  const key = trustedKey();
  const path = (await exportTranscript(vault, small, { outDir: scratch('hearth-disk-fuzz-') }))
    .path;
  const names = readdirSync(path).sort();
  let seed = 12345;
  const next = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0);
  for (let i = 0; i < 100; i++) {
    const name = names[next() % names.length]!;
    const file = join(path, name);
    const original = readFileSync(file);
    const changed = Buffer.from(original);
    const at = next() % changed.length;
    changed[at] = (changed[at]! + 1 + (next() % 255)) & 0xff;
    writeFileSync(file, changed);
    const { verdict } = await verifyPath(path, key);
    expect({ name, at, valid: verdict.valid }).toEqual({ name, at, valid: false });
    writeFileSync(file, original);
  }
  expect((await verifyPath(path, key)).verdict.valid).toBe(true);
});
