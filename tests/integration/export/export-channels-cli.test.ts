// The export group through createCore (as the app calls it) and the hearth verify / export
// commands in-process: keys, recipients, verify (no vault needed), exit codes and messages.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateSignKeyPair, initCrypto } from '../../../src/crypto';
import { exportCommand } from '../../../src/cli/commands/export';
import { verifyCommand } from '../../../src/cli/commands/verify';
import {
  buildBundle,
  DEFAULT_CHOICES,
  deriveKeyId,
  encodePublicKey,
  encryptBundle,
  generateIdentity,
  packFiles,
  parseIdentity,
  parsePublicKey,
  writeBundleDir,
} from '../../../src/export';
import { syntheticTranscript } from '../../fixtures/export/synthetic';
import { call, callError, makeCore, makeVault, removeDir, tempDir } from '../../helpers/core';
import { captureIo } from '../../helpers/cli-io';

jest.setTimeout(180_000);

let dir: string;
let bundlePath: string;
let keyFile: string;
let otherKeyFile: string;
let encryptedPath: string;
let identityFile: string;

beforeAll(async () => {
  await initCrypto();
  dir = tempDir('hearth-export-cli-');
  const {
    input,
    interviewerKey: signer,
    centreKey,
  } = syntheticTranscript({
    notes: 15,
    turns: 4,
    durationMs: 600_000,
  });
  const built = await buildBundle(
    input,
    DEFAULT_CHOICES,
    {
      exportedAt: '2026-03-05T10:00:00.000Z',
      exportedBy: 'ivan',
      exportedByName: 'Iván Muñoz',
      to: 'test',
      exportNumber: 1,
    },
    { username: 'ivan', displayName: 'Iván Muñoz', ...signer },
  );
  bundlePath = join(dir, 'bundle');
  writeBundleDir(bundlePath, built.files);
  // What a prosecutor pins: the centre's key (the exporter is certified by it).
  keyFile = join(dir, 'centre.pub');
  writeFileSync(
    keyFile,
    encodePublicKey({ keyId: deriveKeyId(centreKey.publicKey), publicKey: centreKey.publicKey }),
  );
  const other = generateSignKeyPair();
  otherKeyFile = join(dir, 'other.pub');
  writeFileSync(
    otherKeyFile,
    encodePublicKey({ keyId: deriveKeyId(other.publicKey), publicKey: other.publicKey }),
  );
  const office = generateIdentity('Fiscalía');
  identityFile = join(dir, 'office.identity');
  writeFileSync(identityFile, office.identity);
  encryptedPath = join(dir, 'bundle.hearth-sealed');
  writeFileSync(
    encryptedPath,
    encryptBundle(packFiles(built.files), {
      kind: 'recipient',
      publicKey: parseIdentity(office.identity)!.publicKey,
    }),
  );
});
afterAll(() => removeDir(dir));

const io = captureIo;

test('keys.myPublicKey and keys.exportPublic give minisign keys with fingerprints', async () => {
  const core = await makeVault();
  try {
    const mine = await call(core, 'keys.myPublicKey', {});
    expect(mine.publicKey).toMatch(/^untrusted comment: minisign public key [0-9A-F]{16}\nRW/);
    expect(mine.fingerprint).toMatch(/^([0-9A-F]{4} ){9}[0-9A-F]{4}$/);
    parsePublicKey(mine.publicKey);
    await call(core, 'users.add', {
      username: 'ivan',
      displayName: 'Iván Muñoz',
      role: 'interviewer',
      passphrase: 'interviewer passphrase',
    });
    const outPath = join(dir, 'agency-keys.txt');
    const published = await call(core, 'keys.exportPublic', { outPath });
    expect(published.keys.map((k) => k.username)).toEqual(['admin', 'ivan']);
    expect(readFileSync(outPath, 'utf8')).toBe(published.text);
    expect(published.text).toContain('Iván Muñoz (ivan)');
    expect(await callError(core, 'keys.exportPublic', { username: 'nobody' })).toMatchObject({
      code: 'NOT_FOUND',
    });
  } finally {
    core.close();
    removeDir(core.vaultDir);
  }
});

test('recipients.add / recipients.list keep an address book with fingerprints', async () => {
  const core = await makeVault();
  try {
    const office = generateIdentity('Fiscalía');
    const added = await call(core, 'recipients.add', {
      label: 'Fiscalía de Menores',
      publicKey: office.recipientKey,
    });
    expect(added.fingerprint).toBe(office.fingerprint);
    expect((await call(core, 'recipients.list', {})).recipients).toEqual([added]);
    expect(
      await callError(core, 'recipients.add', { label: 'x', publicKey: 'not a key' }),
    ).toMatchObject({
      code: 'INVALID_INPUT',
    });
    expect(
      await callError(core, 'export.sealed', { sessionId: 'ses_missing', outDir: dir }),
    ).toMatchObject({
      code: 'NOT_FOUND',
    });
  } finally {
    core.close();
    removeDir(core.vaultDir);
  }
});

test('export.verify needs no vault and returns typed verdicts', async () => {
  const core = makeCore();
  try {
    const publicKey = readFileSync(keyFile, 'utf8');
    expect(await call(core, 'export.verify', { path: bundlePath, publicKey })).toMatchObject({
      valid: true,
      signer: { username: 'ivan' },
    });
    expect(
      await call(core, 'export.verify', {
        path: bundlePath,
        publicKey: readFileSync(otherKeyFile, 'utf8'),
      }),
    ).toMatchObject({
      valid: false,
      failure: 'CERT_UNTRUSTED',
    });
    expect(
      await call(core, 'export.verify', { path: bundlePath, publicKey: 'garbage' }),
    ).toMatchObject({
      valid: false,
      failure: 'BAD_KEY',
    });
    expect(
      await call(core, 'export.verify', {
        path: encryptedPath,
        publicKey,
        identity: readFileSync(identityFile, 'utf8'),
      }),
    ).toMatchObject({ valid: true, encrypted: true });
    const opened = await call(core, 'export.openEncrypted', {
      path: encryptedPath,
      outDir: dir,
      publicKey,
      identity: readFileSync(identityFile, 'utf8'),
    });
    expect(opened).toMatchObject({ valid: true });
    expect(await call(core, 'export.verify', { path: opened.path!, publicKey })).toMatchObject({
      valid: true,
    });
  } finally {
    core.close();
    removeDir(core.vaultDir);
  }
});

test('hearth verify: exit 0 with a summary, 1 with the reason, 2 for usage', async () => {
  const ok = io();
  expect(await verifyCommand([bundlePath, '--key', keyFile], ok)).toBe(0);
  expect(ok.stdout()).toMatch(
    /^VALID: sealed transcript bundle, checked against the centre key; who signed is NOT checked against a staff list \(identity not proven: see below\)\n {2}- Sealed by Iván Muñoz \(ivan, interviewer, certified by centre key [0-9A-F]{16} on /,
  );
  expect(ok.stdout()).toContain('Not proven by this check:');
  expect(ok.stdout()).toContain('Bundle fingerprint:');

  const wrong = io();
  expect(await verifyCommand([bundlePath, '--key', otherKeyFile], wrong)).toBe(1);
  expect(wrong.stdout()).toMatch(/^INVALID: The bundle's certificates were issued by centre key/);

  const tampered = join(dir, 'tampered');
  const files = new Map<string, Uint8Array>();
  for (const name of [
    'SHA256SUMS',
    'SHA256SUMS.minisig',
    'VERIFY.txt',
    'certificates.json',
    'custody.jsonl',
    'manifest.json',
    'staff-keys.txt',
    'staff-keys.txt.minisig',
    'transcript.json',
    'transcript.pdf',
    'transcript.txt',
  ])
    files.set(name, readFileSync(join(bundlePath, name)));
  files.set(
    'transcript.txt',
    Buffer.from(
      readFileSync(join(bundlePath, 'transcript.txt'), 'utf8').replace('Begoña', 'Begoña '),
    ),
  );
  writeBundleDir(tampered, files);
  const bad = io();
  expect(await verifyCommand([tampered, '--key', keyFile, '--json'], bad)).toBe(1);
  expect(JSON.parse(bad.stdout())).toMatchObject({
    valid: false,
    failure: 'HASH_MISMATCH',
    reason: expect.stringContaining('transcript.txt'),
  });

  const enc = io();
  expect(
    await verifyCommand([encryptedPath, '--key', keyFile, '--identity', identityFile], enc),
  ).toBe(0);
  expect(enc.stdout()).toContain('(encrypted)');
  const noId = io();
  // Key material missing is a usage error (2) naming the next step, not a bundle found invalid.
  expect(await verifyCommand([encryptedPath, '--key', keyFile], noId)).toBe(2);
  expect(noId.stdout()).toBe('');
  expect(noId.stderr()).toContain('give the matching identity file with --identity FILE');

  for (const argv of [[], [bundlePath], [bundlePath, '--bogus']]) {
    const usage = io();
    expect(await verifyCommand(argv, usage)).toBe(2);
    // One line and where the options are, not the whole usage text (newcomer 26, m1).
    expect(usage.stderr()).toContain('Run hearth verify --help for its options.');
    expect(usage.stderr()).not.toContain('Usage:');
  }
  // A key file to fix is named with what is wrong, without the whole usage text (N17-6).
  const missingKey = io();
  expect(await verifyCommand([bundlePath, '--key', join(dir, 'missing.pub')], missingKey)).toBe(2);
  expect(missingKey.stderr()).toMatch(/--key file .*missing\.pub was not found: check the path/);
  expect(missingKey.stderr()).not.toContain('Usage:');
});

test('hearth export identity writes an identity and its public key', async () => {
  const out = io();
  const file = join(dir, 'new.identity');
  expect(await exportCommand(['identity', '--out', file, '--label', 'Fiscalía'], out)).toBe(0);
  expect(parseIdentity(readFileSync(file, 'utf8'))).toBeDefined();
  expect(readFileSync(`${file}.pub`, 'utf8')).toContain('hearth-recipient:');
  expect(out.stdout()).toContain('Fingerprint');
  expect(await exportCommand(['--session', 'x'], io())).toBe(2);
});
