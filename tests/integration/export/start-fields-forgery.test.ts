// R12-7 and the open half of R11-1: an exporter's modified client (a certified admin key, the
// forgery kit of insider-forgery.test.ts) states in transcript.json another protocol, interview
// language or age band than the sealed start (event 1), or adds a room or observers to an
// interview started without them. A version-3 start is written only by Hearth's own start, which
// always seals the room and the observers it was given (none: none), and the band is the one
// Hearth plans from the sealed age: each is INCONSISTENT. The stored v3-bundle fixture (chain
// version 2, a synthetic start that names neither room nor observers and a band Hearth never
// used) still verifies, and its "not proven" list names what stays unchecked for it.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { initCrypto, parsePublicKey, type MinisignPublicKey } from '../../../src/crypto';
import {
  BUNDLE_FILES,
  parseTrustedKey,
  readBundlePath,
  verifyBundleFiles,
  type BundleFiles,
  type TranscriptDocument,
} from '../../../src/export';
import { readSigningKey, Vault } from '../../../src/vault';
import { ADMIN, call, FAST_ARGON2, makeVault, removeDir, tempDir } from '../../helpers/core';
import { forge, type ForgerKey } from './forge';

jest.setTimeout(180_000);

let vaultDir: string;
let outDir: string;
let genuine: BundleFiles;
let centre: MinisignPublicKey;
let admin: ForgerKey;

/** The sentence a chain older than version 3 adds to "not proven" (verify.json startNotCompared). */
const START_NOT_COMPARED = /age band, and a room or observers that this session's start does not name/;

beforeAll(async () => {
  await initCrypto();
  const core = await makeVault({ argon2: FAST_ARGON2 });
  vaultDir = core.vaultDir;
  outDir = tempDir();
  const { caseId } = await call(core, 'cases.create', {
    reference: 'CAC-12',
    childAlias: 'Sam',
    childAgeYears: 7,
    language: 'en',
  });
  // No room and no observers: the start seals none.
  const { sessionId } = await call(core, 'sessions.start', {
    caseId,
    protocolId: 'nichd',
    mode: 'live',
    language: 'en',
  });
  await call(core, 'sessions.addNote', { sessionId, kind: 'child', text: 'It was after dinner.' });
  await call(core, 'sessions.finalize', { sessionId });
  const exported = await call(core, 'export.sealed', { sessionId, outDir });
  centre = parsePublicKey((await call(core, 'keys.centrePublicKey', {})).publicKey);
  core.close();
  const read = readBundlePath(exported.path, BUNDLE_FILES);
  if (read.kind !== 'folder') throw new Error('expected a folder');
  genuine = read.files;
  const vault = Vault.open(vaultDir, { argon2: FAST_ARGON2 });
  vault.unlock(ADMIN.username, ADMIN.passphrase);
  const secretKey = readSigningKey(vault.records, ADMIN.username);
  vault.close();
  admin = {
    username: ADMIN.username,
    displayName: ADMIN.displayName,
    role: 'admin',
    secretKey,
    publicKey: secretKey.slice(32),
  };
});

afterAll(() => {
  removeDir(vaultDir);
  removeDir(outDir);
});

test('the genuine bundle (chain version 3, no room, no observers) verifies; nothing of its start is left unproven', async () => {
  const verdict = await verifyBundleFiles(genuine, centre);
  if (!verdict.valid) throw new Error(`${verdict.failure}: ${verdict.reason}`);
  const doc = JSON.parse(new TextDecoder().decode(genuine.get('transcript.json'))) as TranscriptDocument;
  expect(doc.chain.version).toBe(3);
  expect(doc.session).toMatchObject({ protocolId: 'nichd', language: 'en', ageBand: '6-9' });
  expect(doc.session.room).toBeUndefined();
  expect(doc.session.observers).toEqual([]);
  expect(verdict.notProven.join('\n')).not.toMatch(START_NOT_COMPARED);
});

test('the forgery kit alone (nothing restated) still verifies: each finding below is the restatement', async () => {
  const verdict = await verifyBundleFiles(await forge(genuine, admin, {}), centre);
  if (!verdict.valid) throw new Error(`${verdict.failure}: ${verdict.reason}`);
});

const restatements: Array<[string, (doc: TranscriptDocument) => void]> = [
  ['protocol', (doc) => void (doc.session.protocolId = 'abe')],
  ['language', (doc) => void (doc.session.language = 'es')],
  ['age band', (doc) => void (doc.session.ageBand = '14-17')],
  ['room added', (doc) => void (doc.session.room = 'Room 9')],
  ['observers added', (doc) => void (doc.session.observers = [{ role: 'law-enforcement' }])],
];
test.each(restatements)(
  'the exporter restates the sealed start (%s): INCONSISTENT',
  async (_what, restate) => {
    const verdict = await verifyBundleFiles(await forge(genuine, admin, { doc: restate }), centre);
    expect(verdict).toMatchObject({ valid: false, failure: 'INCONSISTENT' });
    if (!verdict.valid) expect(verdict.reason).toMatch(/sealed (session )?start/);
  },
);

test('the stored v3-bundle fixture (chain version 2) still verifies; its not-proven list names the age band, room and observers', async () => {
  const root = join(__dirname, '../../fixtures/export/v3-bundle');
  const dir = join(root, 'bundle');
  const files: BundleFiles = new Map(
    readdirSync(dir).map((n) => [n, new Uint8Array(readFileSync(join(dir, n)))]),
  );
  const verdict = await verifyBundleFiles(files, parseTrustedKey(readFileSync(join(root, 'centre.pub'), 'utf8'))!);
  if (!verdict.valid) throw new Error(`${verdict.failure}: ${verdict.reason}`);
  expect(verdict.notProven.join('\n')).toMatch(START_NOT_COMPARED);
  expect(verdict.notProven.join('\n')).toMatch(/version 2/);
});
