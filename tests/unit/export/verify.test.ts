// The strict verifier on in-memory bundles: a valid bundle passes; each kind of tampering is
// rejected with the right failure and a reason, including by someone holding the signing key.
import { generateSignKeyPair, initCrypto } from '../../../src/crypto';
import { buildBundle, BUNDLE_FILES, DEFAULT_CHOICES, verifyBundleFiles } from '../../../src/export';
import { canonicalJson } from '../../../src/export/canonical-json';
import { wordFacts } from '../../../src/export/verify-words';
import { type Certificate } from '../../../src/vault';
import { signWithdrawal, WITHDRAWAL_FORMAT } from '../../../src/vault/certificate-format';
import {
  CONTEXT,
  bytes,
  cloneFiles,
  makeBundle,
  resign,
  text,
  trustedKeyOf,
  type TestBundle,
} from './helpers';

let b: TestBundle;
beforeAll(async () => {
  await initCrypto();
  b = await makeBundle();
});

test('a fresh bundle is valid and says who signed it', async () => {
  const v = await verifyBundleFiles(b.files, b.key);
  expect(v).toMatchObject({
    valid: true,
    signer: { username: 'ivan', displayName: 'Iván Muñoz' },
    fingerprint: b.fingerprint,
    files: BUNDLE_FILES,
  });
  expect([...b.files.keys()].sort()).toEqual(BUNDLE_FILES);
});

test('transcript.txt is NFC with LF line ends and holds the Spanish text as typed', () => {
  const t = text(b.files.get('transcript.txt'));
  expect(t).toBe(t.normalize('NFC'));
  expect(t).not.toContain('\r');
  expect(t).toContain('Begoña');
  expect(t).toContain('ADENDAS (escritas DESPUÉS de sellar la entrevista');
});

test('another centre key is rejected: the certificates were not issued by it', async () => {
  const v = await verifyBundleFiles(b.files, trustedKeyOf(generateSignKeyPair()));
  expect(v).toMatchObject({ valid: false, failure: 'CERT_UNTRUSTED' });
  if (!v.valid) expect(v.reason).toMatch(/issued by centre key [0-9A-F]{16}/);
});

test("the interviewer's own staff key instead of the centre key is refused, not 'valid'", async () => {
  const v = await verifyBundleFiles(b.files, trustedKeyOf(b.signer));
  expect(v).toMatchObject({ valid: false, failure: 'NOT_CENTRE_KEY' });
});

test("another valid bundle's signature swapped in is rejected", async () => {
  const other = await makeBundle({ signer: b.signer, seed: 99, notes: 13 });
  expect((await verifyBundleFiles(other.files, b.key)).valid).toBe(true);
  const swapped = cloneFiles(b.files);
  swapped.set('SHA256SUMS.minisig', other.files.get('SHA256SUMS.minisig')!);
  expect(await verifyBundleFiles(swapped, b.key)).toMatchObject({
    valid: false,
    failure: 'BAD_SIGNATURE',
  });
  const both = cloneFiles(b.files);
  both.set('SHA256SUMS.minisig', other.files.get('SHA256SUMS.minisig')!);
  both.set('SHA256SUMS', other.files.get('SHA256SUMS')!);
  expect(await verifyBundleFiles(both, b.key)).toMatchObject({
    valid: false,
    failure: 'HASH_MISMATCH',
  });
});

test('reordered custody entries are rejected, even when re-signed with the right key', async () => {
  const lines = text(b.files.get('custody.jsonl')).trimEnd().split('\n');
  expect(lines.length).toBe(2);
  const reordered = cloneFiles(b.files);
  reordered.set('custody.jsonl', bytes([lines[1], lines[0]].join('\n') + '\n'));
  expect(await verifyBundleFiles(reordered, b.key)).toMatchObject({
    valid: false,
    failure: 'HASH_MISMATCH',
  });
  expect(await verifyBundleFiles(resign(reordered, b.signer), b.key)).toMatchObject({
    valid: false,
    failure: 'CUSTODY_BROKEN',
  });
});

test('checks past the signature: a validly re-signed but inconsistent bundle is rejected', async () => {
  const cases: Array<[string, (s: string) => string, string]> = [
    ['transcript.txt', (s) => s.replace('Begoña', 'Begona'), 'TXT_MISMATCH'],
    ['VERIFY.txt', (s) => s + 'extra\n', 'INCONSISTENT'],
    ['transcript.json', (s) => s.replace('"childAgeYears":7', '"childAgeYears":8'), 'INCONSISTENT'],
    ['manifest.json', (s) => s.replace('"sealedBy":"ivan"', '"sealedBy":"eve"'), 'INCONSISTENT'],
    ['staff-keys.txt', (s) => s.replace('interviewer ivan', 'admin ivan'), 'STAFF_LIST_INVALID'],
    ['transcript.pdf', (s) => s.replace('%%EOF', '%%EOX'), 'PDF_MISMATCH'],
  ];
  for (const [name, edit, failure] of cases) {
    const files = cloneFiles(b.files);
    const before =
      name === 'transcript.pdf'
        ? Buffer.from(files.get(name)!).toString('latin1')
        : text(files.get(name));
    const after = edit(before);
    expect(after).not.toBe(before);
    files.set(
      name,
      name === 'transcript.pdf' ? Uint8Array.from(Buffer.from(after, 'latin1')) : bytes(after),
    );
    const v = await verifyBundleFiles(resign(files, b.signer), b.key);
    expect({ name, ...v }).toMatchObject({ name, valid: false, failure });
  }
});

test('a manifest that does not describe the export choices made is rejected', async () => {
  const redacted = await makeBundle({
    signer: b.signer,
    choices: { ...DEFAULT_CHOICES, noteKinds: ['question', 'child'], includeChildAlias: false },
  });
  expect((await verifyBundleFiles(redacted.files, b.key)).valid).toBe(true);
  const json = text(redacted.files.get('transcript.json'));
  expect(json).not.toContain('Begoña');
  expect(json).not.toContain('Detective pide');
  expect(JSON.parse(json).omittedEventSeqs.length).toBeGreaterThan(0);
  const files = cloneFiles(redacted.files);
  files.set(
    'manifest.json',
    bytes(
      text(files.get('manifest.json')).replace(
        '"includeChildAlias":false',
        '"includeChildAlias":true',
      ),
    ),
  );
  expect(await verifyBundleFiles(resign(files, b.signer), b.key)).toMatchObject({ valid: false });
});

test('a bundle whose seal signature is not the interviewer’s is rejected', async () => {
  const files = cloneFiles(b.files);
  const json = text(files.get('transcript.json'));
  const sig = (JSON.parse(json) as { seal: { signature: string } }).seal.signature;
  const flipped = (sig[0] === 'a' ? 'b' : 'a') + sig.slice(1);
  files.set('transcript.json', bytes(json.replace(sig, flipped)));
  // The fingerprint and custody pin transcript.json; rebuild those would need the whole writer,
  // so this checks the first line of defence: a changed transcript.json never passes.
  expect((await verifyBundleFiles(resign(files, b.signer), b.key)).valid).toBe(false);
});

test('an export must show the whole sealed record: a session with a gap is refused', async () => {
  const gap = { ...b.input, events: b.input.events.filter((e) => e.seq !== 5) };
  await expect(
    buildBundle(gap, DEFAULT_CHOICES, CONTEXT, {
      username: 'ivan',
      displayName: 'Iván',
      ...b.signer,
    }),
  ).rejects.toMatchObject({ code: 'INVALID_INPUT' });
  const review = { ...b.input, mode: 'review' as const };
  await expect(
    buildBundle(review, DEFAULT_CHOICES, CONTEXT, {
      username: 'ivan',
      displayName: 'Iván',
      ...b.signer,
    }),
  ).rejects.toMatchObject({ code: 'FORBIDDEN' });
});

describe('red-team fixes: exporter withdrawal, certificate after signature, appended PDF', () => {
  type Certs = {
    certificates: Array<{ statement: Record<string, unknown> & { publicKey: string } }>;
    withdrawals: unknown[];
  };
  const editCerts = (files: Map<string, Uint8Array>, edit: (c: Certs) => void) => {
    const c = JSON.parse(text(files.get('certificates.json'))) as Certs;
    edit(c);
    files.set('certificates.json', bytes(canonicalJson(c)));
  };

  test("a withdrawal of the exporter's certificate in the bundle rejects it, whatever its time (the export time is self-declared): EXPORTER_WITHDRAWN", async () => {
    const b = await makeBundle();
    const files = cloneFiles(b.files);
    editCerts(files, (c) => {
      const s = c.certificates[0]!.statement as unknown as Certificate['statement'];
      c.withdrawals.push(
        signWithdrawal(
          {
            format: WITHDRAWAL_FORMAT,
            vaultId: s.vaultId,
            centreKeyId: s.centreKeyId,
            username: s.username,
            publicKey: s.publicKey,
            withdrawnAt: '2099-01-01T00:00:00.000Z',
            withdrawnBy: 'admin',
            reason: 'left the centre',
          },
          b.centreKey.secretKey,
        ),
      );
    });
    const verdict = await verifyBundleFiles(resign(files, b.signer), b.key);
    expect(verdict).toMatchObject({ valid: false, failure: 'EXPORTER_WITHDRAWN' });
  });

  test('the true PDF with bytes appended after %%EOF is rejected: PDF_MISMATCH', async () => {
    const b = await makeBundle();
    const files = cloneFiles(b.files);
    const pdf = files.get('transcript.pdf')!;
    const tail = bytes('\n% appended incremental update\n%%EOF\n');
    const out = new Uint8Array(pdf.length + tail.length);
    out.set(pdf);
    out.set(tail, pdf.length);
    files.set('transcript.pdf', out);
    const verdict = await verifyBundleFiles(resign(files, b.signer), b.key);
    expect(verdict).toMatchObject({ valid: false, failure: 'PDF_MISMATCH' });
  });
});

test("VERIFY.txt says the exporter role must be interviewer or admin and that VERIFY.txt is the exporter's own", async () => {
  const b = await makeBundle();
  const verify = text(b.files.get('VERIFY.txt'));
  expect(verify).toMatch(/must be interviewer or admin: trainer and reviewer keys are never valid/);
  expect(verify).toMatch(/VERIFY\.txt is itself written by the\s+exporter/);
});

test("the verdict's notProven names the centre-key, withheld-kind and addenda/export-number limits", async () => {
  const b = await makeBundle();
  const verdict = await verifyBundleFiles(b.files, b.key);
  if (!verdict.valid) throw new Error(verdict.reason);
  const notProven = verdict.notProven.join('\n');
  expect(notProven).toMatch(/any admin holds the centre key/);
  expect(notProven).toMatch(
    /chain is version 2 \(before kinds were committed\), so the kind is the exporter.s label/,
  );
  expect(notProven).toMatch(/leave out the latest addenda/);
});

test("the verdict's notProven says what only the vault checks: withdrawn or replaced keys of event writers (R13-1), in en and es", async () => {
  const b = await makeBundle();
  const verdict = await verifyBundleFiles(b.files, b.key);
  if (!verdict.valid) throw new Error(verdict.reason);
  const codes = verdict.notProvenFacts.map((f) => f.code);
  expect(codes).toContain('vaultChecksNotCarried');
  const en = verdict.notProven.join('\n');
  for (const named of ['SIGNER_WITHDRAWN', 'STALE_KEY_VERSION', 'hearth vault check', 'audit log'])
    expect(en).toContain(named);
  const es = wordFacts(verdict.notProvenFacts, 'es').join('\n');
  expect(es).toContain('registro de auditoría');
  expect(es).toContain('hearth vault check');
});
