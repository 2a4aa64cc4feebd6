// Insiders with Hearth's own code and their own certified (or fresh) keys try to make a bundle
// say something the interviewer did not seal. Each attack must be rejected by the verifier that
// pins only the centre key, with its own reason code. (Security review F1, F2; issue #13.)
import {
  deriveKeyId,
  keyIdText,
  generateSignKeyPair,
  initCrypto,
  parsePublicKey,
  signDetached,
  type MinisignPublicKey,
} from '../../../src/crypto';
import {
  BUNDLE_FILES,
  canonicalJson,
  readBundlePath,
  verifyBundleFiles,
  type BundleFiles,
  type TranscriptDocument,
  type UnprovenBundle,
} from '../../../src/export';
import { renderPdf } from '../../../src/export/pdf';
import { eventDigest, sealStatement } from '../../../src/interview';
import type { SessionEvent } from '../../../src/interview';
import { readSigningKey, signCertificate, Vault, type Certificate } from '../../../src/vault';
import type { CertificatesFile } from '../../../src/export/trust';
import { ADMIN, call, FAST_ARGON2, makeVault, removeDir, tempDir } from '../../helpers/core';
import { forge, readJson, type ForgerKey } from './forge';

jest.setTimeout(180_000);

const IVAN = {
  username: 'ivan',
  displayName: 'Iván Muñoz',
  role: 'interviewer',
  passphrase: 'ivan passphrase 12345',
};
const TARA = {
  username: 'tara',
  displayName: 'Tara Trainer',
  role: 'trainer',
  passphrase: 'tara passphrase 12345',
};

let vaultDir: string;
let outDir: string;
let genuine: BundleFiles;
let centre: MinisignPublicKey;
let admin: ForgerKey;
let tara: ForgerKey;
let taraCertificate: Certificate;

async function verdictOf(files: BundleFiles) {
  return verifyBundleFiles(files, centre);
}

async function expectRejected(files: BundleFiles, failure: string) {
  const verdict = await verdictOf(files);
  expect(verdict).toMatchObject({ valid: false, failure });
}

type Chained = {
  seq: number;
  event?: SessionEvent & Record<string, unknown>;
  withheld?: { type: string; kind?: string };
  digest?: string;
};
const entriesOf = (doc: TranscriptDocument) => doc.chain.entries as Chained[];

beforeAll(async () => {
  await initCrypto();
  const core = await makeVault({ argon2: FAST_ARGON2 });
  vaultDir = core.vaultDir;
  outDir = tempDir();
  await call(core, 'users.add', IVAN);
  await call(core, 'users.add', TARA);
  await call(core, 'vault.unlock', { username: IVAN.username, passphrase: IVAN.passphrase });
  const { caseId } = await call(core, 'cases.create', {
    reference: 'CAC-7',
    childAlias: 'Robin',
    childAgeYears: 8,
    language: 'en',
  });
  const { sessionId } = await call(core, 'sessions.start', {
    caseId,
    protocolId: 'nichd',
    mode: 'live',
    language: 'en',
    room: 'Room 1',
    observers: [{ role: 'law-enforcement' }],
  });
  await call(core, 'sessions.addNote', {
    sessionId,
    kind: 'question',
    text: 'Tell me everything that happened.',
  });
  await call(core, 'sessions.addNote', {
    sessionId,
    kind: 'child',
    text: 'He hit me in the kitchen.',
  });
  await call(core, 'sessions.addNote', {
    sessionId,
    kind: 'mdt',
    text: 'Detective asks about the date.',
  });
  await call(core, 'sessions.addNote', { sessionId, kind: 'child', text: 'It was after dinner.' });
  await call(core, 'sessions.finalize', { sessionId });
  await call(core, 'sessions.addAddendum', {
    sessionId,
    text: 'Correction: the kitchen of the grandmother.',
  });
  await call(core, 'sessions.addAddendum', {
    sessionId,
    text: 'Second correction: it was a Tuesday.',
  });
  await call(core, 'vault.unlock', { username: ADMIN.username, passphrase: ADMIN.passphrase });
  const exported = await call(core, 'export.sealed', { sessionId, outDir });
  centre = parsePublicKey((await call(core, 'keys.centrePublicKey', {})).publicKey);
  core.close();
  const read = readBundlePath(exported.path, BUNDLE_FILES);
  if (read.kind !== 'folder') throw new Error('expected a folder');
  genuine = read.files;

  const vault = Vault.open(vaultDir, { argon2: FAST_ARGON2 });
  // A signing key sits under its owner's personal key (#15): each forger signs in as themself,
  // which is exactly the insider the attacks below model.
  const keyOf = (
    u: { username: string; displayName: string; passphrase: string },
    role: ForgerKey['role'],
  ): ForgerKey => {
    vault.unlock(u.username, u.passphrase);
    const secretKey = readSigningKey(vault.records, u.username);
    vault.lock();
    return {
      username: u.username,
      displayName: u.displayName,
      role,
      secretKey,
      publicKey: secretKey.slice(32),
    };
  };
  admin = keyOf(ADMIN, 'admin');
  tara = keyOf(TARA, 'trainer');
  vault.unlock(ADMIN.username, ADMIN.passphrase);
  taraCertificate = vault
    .certificates()
    .find((c) => c.certificate.statement.username === 'tara')!.certificate;
  vault.close();
});

afterAll(() => {
  removeDir(vaultDir);
  removeDir(outDir);
});

const rewriteChildWords = (doc: TranscriptDocument) => {
  for (const e of entriesOf(doc))
    if (e.event?.type === 'note' && e.event.kind === 'child')
      e.event.text = 'I made it all up, nobody hurt me.';
  for (const e of doc.events) if (e.kind === 'child') e.text = 'I made it all up, nobody hurt me.';
};

test('the genuine bundle verifies and says in words what is proven', async () => {
  const verdict = await verdictOf(genuine);
  if (!verdict.valid) throw new Error(verdict.reason);
  expect(verdict.proven.join('\n')).toMatch(
    /Sealed by Iván Muñoz \(ivan, interviewer, certified by centre key/,
  );
  expect(verdict.proven.join('\n')).toMatch(/2 addenda after the seal/);
  expect(verdict.addendaCount).toBe(2);
});

const relabels: Array<[string, (doc: TranscriptDocument) => void]> = [
  ['case', (doc) => void (doc.case.caseId = 'case_another_child')],
  ['room', (doc) => void (doc.session.room = 'Room 9 (forged)')],
  ['observers', (doc) => void (doc.session.observers = [{ role: 'advocate' }])],
];
test.each(relabels)(
  'R11-1: the exporter relabels the sealed interview (%s) against its sealed start: INCONSISTENT',
  async (_field, relabel) => {
    await expectRejected(await forge(genuine, admin, { doc: relabel }), 'INCONSISTENT');
  },
);

test('rewrite by the exporter (certified admin key): CHAIN_MISMATCH', async () => {
  await expectRejected(await forge(genuine, admin, { doc: rewriteChildWords }), 'CHAIN_MISMATCH');
});

test("rewrite signed with a trainer's certified key: EXPORTER_ROLE", async () => {
  const files = await forge(genuine, tara, {
    doc: rewriteChildWords,
    certificates: (c) => {
      c.certificates.push(taraCertificate);
    },
  });
  await expectRejected(files, 'EXPORTER_ROLE');
});

test('fake seal: a made-up head signed by a fresh key, still "sealed by ivan": SEALER_NOT_CERTIFIED', async () => {
  const fresh = generateSignKeyPair();
  const files = await forge(genuine, admin, {
    doc: (doc) => {
      rewriteChildWords(doc);
      const sealed = entriesOf(doc).find((e) => e.event?.type === 'sealed')!
        .event as SessionEvent & { type: 'sealed' };
      sealed.head = 'ab'.repeat(32);
      sealed.signerPublicKey = Buffer.from(fresh.publicKey).toString('hex');
      sealed.signature = Buffer.from(
        signDetached(
          sealStatement({
            sessionId: doc.sessionId,
            head: sealed.head,
            eventCount: sealed.eventCount,
            sealedAt: sealed.at,
            signer: 'ivan',
            signerPublicKey: sealed.signerPublicKey,
          }),
          fresh.secretKey,
        ),
      ).toString('hex');
      doc.seal = {
        head: sealed.head,
        eventCount: sealed.eventCount,
        signature: sealed.signature,
        signerPublicKey: sealed.signerPublicKey,
      };
    },
  });
  await expectRejected(files, 'SEALER_NOT_CERTIFIED');
});

test('dropped addendum: the last one removed while the bundle still states 2 (ADDENDA_COUNT); the first one removed (ADDENDUM_CHAIN)', async () => {
  const dropLast = await forge(genuine, admin, {
    doc: (doc) => {
      doc.chain.entries.pop();
      doc.addenda.pop();
    },
  });
  await expectRejected(dropLast, 'ADDENDA_COUNT');
  const dropFirst = await forge(genuine, admin, {
    doc: (doc) => {
      const entries = entriesOf(doc);
      const first = entries.findIndex((e) => e.event?.type === 'addendum');
      entries.splice(first, 1);
      entries.forEach((e, i) => {
        e.seq = i + 1;
        if (e.event) e.event.seq = i + 1;
      });
      doc.addenda.splice(0, 1);
      doc.addenda.forEach((a, i) => (a.seq = doc.seal.eventCount + 2 + i));
      doc.export.addendaCount = 1;
    },
  });
  await expectRejected(dropFirst, 'ADDENDUM_CHAIN');
});

test('unsigned addendum: all-zero signature and no author key: ADDENDUM_UNSIGNED', async () => {
  const files = await forge(genuine, admin, {
    doc: (doc) => {
      const entries = entriesOf(doc);
      const last = entries[entries.length - 1]!.event!;
      const seq = entries.length + 1;
      const forged = {
        ...last,
        seq,
        text: 'The child later said it was a dream.',
        signature: '0'.repeat(128),
      } as Record<string, unknown>;
      delete forged.signerPublicKey;
      entries.push({ seq, event: forged as unknown as SessionEvent & Record<string, unknown> });
      doc.addenda.push({
        seq,
        at: last.at,
        author: 'ivan',
        text: forged.text as string,
        signature: '0'.repeat(128),
        head: (last as { head: string }).head,
      });
      doc.export.addendaCount = 3;
    },
  });
  await expectRejected(files, 'ADDENDUM_UNSIGNED');
});

test('silent omission: every child note left out while the choices include child notes: OMISSION_INCONSISTENT', async () => {
  const files = await forge(genuine, admin, {
    doc: (doc) => {
      const entries = entriesOf(doc);
      entries.forEach((e, i) => {
        if (e.event?.type === 'note' && e.event.kind === 'child')
          entries[i] = {
            seq: e.seq,
            withheld: { type: 'note', kind: 'child' },
            digest: eventDigest(e.event),
          };
      });
      doc.events = doc.events.filter((e) => e.kind !== 'child');
    },
  });
  await expectRejected(files, 'OMISSION_INCONSISTENT');
});

test('withheld kind relabelled: a child note withheld as an "mdt" note (chain version 3 commits the kind): CHAIN_MISMATCH', async () => {
  // The exporter states in the manifest too that team (mdt) notes were not chosen.
  const base: BundleFiles = new Map(genuine);
  const manifest = readJson<{ choices: { noteKinds: string[] } }>(genuine, 'manifest.json');
  manifest.choices.noteKinds = manifest.choices.noteKinds.filter((k) => k !== 'mdt');
  base.set('manifest.json', new TextEncoder().encode(canonicalJson(manifest)));
  const files = await forge(base, admin, {
    doc: (doc) => {
      doc.choices.noteKinds = doc.choices.noteKinds.filter((k) => k !== 'mdt');
      const entries = entriesOf(doc);
      const hide = new Set<number>();
      entries.forEach((e, i) => {
        const ev = e.event;
        if (ev?.type === 'note' && (ev.kind === 'mdt' || ev.text.startsWith('He hit'))) {
          hide.add(e.seq);
          entries[i] = {
            seq: e.seq,
            withheld: { type: 'note', kind: 'mdt' },
            digest: eventDigest(ev),
          };
        }
      });
      doc.events = doc.events.filter((t) => !hide.has(t.seq));
      doc.omittedEventSeqs = [...hide].sort((a, b) => a - b);
      doc.withheld.count = hide.size;
      doc.withheld.byKind = { mdt: hide.size };
    },
  });
  await expectRejected(files, 'CHAIN_MISMATCH');
});

test('the verdict names the chain version and that withheld kinds are committed', async () => {
  const verdict = await verdictOf(genuine);
  if (!verdict.valid) throw new Error(verdict.reason);
  expect(verdict.proven).toContain(
    'Chain version 3: each link commits to the event kind and the event digest.',
  );
  expect(verdict.notProven.join('\n')).not.toMatch(/exporter's label/);
});

test('pinned staff list: a sealing key not on the list the prosecutor pinned is IDENTITY_NOT_PROVEN, not valid (red team 4, M2/M3: a key certified outside the vault, a removed user)', async () => {
  const pinned = new TextDecoder().decode(genuine.get('staff-keys.txt'));
  const onList = await verifyBundleFiles(genuine, centre, { pinnedStaffList: pinned });
  if (!onList.valid) throw new Error(onList.reason);
  expect(onList.notProven.join('\n')).not.toMatch(/NOT PROVEN/);
  // The list as the centre issues it without ivan's key: withdrawn (removed), or never certified
  // in the vault (an admin certified a key for his name outside it).
  // A later list carries a higher number; one with the bundle's number but other content is a
  // number given out twice (STAFF_LIST_CONFLICT, red team 6, R6-3).
  const sameNumber = pinned
    .split('\n')
    .filter((line) => !line.includes(' interviewer ivan '))
    .join('\n');
  const twice = await verifyBundleFiles(genuine, centre, { pinnedStaffList: sameNumber });
  expect(twice.valid ? 'valid' : twice.failure).toBe('STAFF_LIST_CONFLICT');
  const before = sameNumber.replace(
    /^list number (\d+)$/m,
    (_, n) => `list number ${Number(n) + 1}`,
  );
  expect(before).not.toBe(sameNumber);
  const off = await verifyBundleFiles(genuine, centre, { pinnedStaffList: before });
  expect(off.valid).toBe(false);
  if (off.valid || off.failure !== 'IDENTITY_NOT_PROVEN') throw new Error('expected NOT PROVEN');
  expect(off.reason).toMatch(
    /^NOT PROVEN: the sealing key of ivan \(interviewer, fingerprint .*\) is not on the staff list you pinned \((?:number \d+, )?issued .*\): .*Obtain the centre's current staff list/,
  );
  expect((off as UnprovenBundle).proven.length).toBeGreaterThan(0);
  // On the list under another role: not proven either.
  const otherRole = pinned
    .replace(' interviewer ivan ', ' reviewer ivan ')
    .replace(/^list number (\d+)$/m, (_, n) => `list number ${Number(n) + 1}`);
  const renamed = await verifyBundleFiles(genuine, centre, { pinnedStaffList: otherRole });
  expect(renamed).toMatchObject({ valid: false, failure: 'IDENTITY_NOT_PROVEN' });
  if (!renamed.valid)
    expect(renamed.reason).toMatch(/is on the staff list you pinned .* as reviewer ivan/);
});

test('without a pinned staff list, the verdict says that who signed is not proven', async () => {
  const verdict = await verdictOf(genuine);
  if (!verdict.valid) throw new Error(verdict.reason);
  expect(verdict.notProven[0]).toMatch(
    /^IDENTITY NOT PROVEN: who signed was checked only against the certificates inside the bundle/,
  );
});

test('swapped PDF that says something else, with the right fingerprint on every page: PDF_MISMATCH', async () => {
  const files = await forge(genuine, admin, {
    pdf: (doc, stamp, rendition) => {
      const lie = JSON.parse(JSON.stringify(doc)) as TranscriptDocument;
      for (const e of lie.events) if (e.kind === 'child') e.text = 'He never touched me.';
      return renderPdf(lie, stamp, rendition);
    },
  });
  await expectRejected(files, 'PDF_MISMATCH');
});

test('stub PDF (12 bytes): PDF_INCOMPLETE', async () => {
  const files = await forge(genuine, admin, {
    pdf: () => new TextEncoder().encode('%PDF-\n%%EOF\n'),
  });
  await expectRejected(files, 'PDF_INCOMPLETE');
});

test('certificate forged with a non-centre key (a fake centre): CERT_UNTRUSTED', async () => {
  const fakeCentre = generateSignKeyPair();
  const fakeId = keyIdText(deriveKeyId(fakeCentre.publicKey));
  const files = await forge(genuine, tara, {
    doc: rewriteChildWords,
    certificates: (c: CertificatesFile) => {
      c.centreKeyId = fakeId;
      c.certificates = c.certificates.map((cert) =>
        signCertificate({ ...cert.statement, centreKeyId: fakeId }, fakeCentre.secretKey),
      );
      c.certificates.push(
        signCertificate(
          { ...taraCertificate.statement, centreKeyId: fakeId, role: 'interviewer' },
          fakeCentre.secretKey,
        ),
      );
    },
  });
  await expectRejected(files, 'CERT_UNTRUSTED');
});

test("role changed in a certificate (the trainer's made 'interviewer'): CERT_INVALID", async () => {
  const files = await forge(
    genuine,
    { ...tara, role: 'interviewer' },
    {
      certificates: (c) => {
        c.certificates.push({
          ...taraCertificate,
          statement: { ...taraCertificate.statement, role: 'interviewer' },
        });
      },
    },
  );
  await expectRejected(files, 'CERT_INVALID');
});

test('every attack above has its own reason code', () => {
  const codes = [
    'CHAIN_MISMATCH',
    'EXPORTER_ROLE',
    'SEALER_NOT_CERTIFIED',
    'ADDENDA_COUNT',
    'ADDENDUM_CHAIN',
    'ADDENDUM_UNSIGNED',
    'OMISSION_INCONSISTENT',
    'PDF_MISMATCH',
    'PDF_INCOMPLETE',
    'CERT_UNTRUSTED',
    'CERT_INVALID',
  ];
  expect(new Set(codes).size).toBe(codes.length);
  expect(readJson<{ format: string }>(genuine, 'certificates.json').format).toBe(
    'hearth.certificates.v1',
  );
});
