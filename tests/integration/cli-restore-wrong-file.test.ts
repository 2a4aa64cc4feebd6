// `hearth vault restore --from FILE` given a file that is not a Hearth backup (newcomer review,
// issue #16): a text file, a PDF, an empty file, another program's SQLite database, a cut-off
// backup and a backup whose pages fail SQLite's integrity check. Each is an input to fix (exit 2)
// that says plainly which, names the file and gives the next step, in English or Latin American
// Spanish, and leaves the vault in place byte for byte as it was.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { PDFDocument } from 'pdf-lib';
import { runCli } from '../../src/cli/main';
import { runCaptured } from '../helpers/cli-run';
import { removeDir, tempDir } from '../helpers/core';

// One vault init and one backup (Argon2id) for the file; no test here is about speed.
jest.setTimeout(120_000);

const PASSPHRASE = 'a very good passphrase';

const run = (argv: string[], env: NodeJS.ProcessEnv = {}) => runCaptured(runCli, argv, env);

/** Every file in the vault folder with its sha256: what "the vault was not changed" means. */
function snapshot(folder: string): Record<string, string> {
  return Object.fromEntries(
    readdirSync(folder)
      .sort()
      .map((name) => [
        name,
        createHash('sha256')
          .update(readFileSync(join(folder, name)))
          .digest('hex'),
      ]),
  );
}

let dir: string;
let vault: string;
let passFile: string;
let backup: Buffer;

beforeAll(async () => {
  dir = tempDir();
  vault = join(dir, 'vault');
  passFile = join(dir, 'pass.txt');
  writeFileSync(passFile, `${PASSPHRASE}\n`);
  const args = ['--vault', vault, '--passphrase-file', passFile];
  expect((await run(['vault', 'init', ...args, '--kdf-memory-mib', '64'])).code).toBe(0);
  const file = join(dir, 'backup.db');
  expect((await run(['vault', 'backup', ...args, '--out', file])).code).toBe(0);
  backup = readFileSync(file);
});
afterAll(() => removeDir(dir));

/** Restores `file` over the vault (--replace) and checks the vault and its folder are as before. */
async function restoreRefused(file: string, env: NodeJS.ProcessEnv = {}) {
  const before = snapshot(vault);
  const result = await run(
    [
      'vault',
      'restore',
      '--vault',
      vault,
      '--from',
      file,
      '--passphrase-file',
      passFile,
      '--replace',
    ],
    env,
  );
  expect(snapshot(vault)).toEqual(before);
  return result;
}

const NEXT_NOT_BACKUP =
  "Next: give --from the file that hearth vault backup --out FILE wrote (or that Make a backup saved in the app's Settings).";
const NEXT_DAMAGED =
  'Next: restore from another copy of this backup (for example the one on your offline media) or from an earlier backup.';

test.each([
  [
    'a text file',
    'notes.txt',
    () => Buffer.from('Meeting at 10.\nBring the folder.\n'),
    'it is not a database file',
  ],
  ['an empty file', 'empty.db', () => Buffer.alloc(0), 'it is empty (0 bytes)'],
])(
  '%s: "not a Hearth backup", exit 2, the file named, the next step, the vault unchanged',
  async (_what, name, bytes, why) => {
    const file = join(dir, name);
    writeFileSync(file, bytes());
    const { code, out, err } = await restoreRefused(file);
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err).toBe(
      `hearth vault restore: ${file} is not a Hearth backup: ${why}. Nothing was restored and nothing in ${vault} was changed. ${NEXT_NOT_BACKUP}\n`,
    );
    expect(err).not.toMatch(/VAULT_CORRUPT|Restore it from a backup/);
  },
);

test('a PDF: says it is a PDF document, not a database file', async () => {
  const pdf = await PDFDocument.create();
  pdf.addPage();
  const file = join(dir, 'report.pdf');
  writeFileSync(file, await pdf.save());
  const { code, err } = await restoreRefused(file);
  expect(code).toBe(2);
  expect(err).toContain(
    `${file} is not a Hearth backup: it is a PDF document, not a database file. Nothing was restored`,
  );
  expect(err).toContain(NEXT_NOT_BACKUP);
});

test("another program's SQLite database: not a Hearth backup (after the passphrase, before anything is moved)", async () => {
  const file = join(dir, 'contacts.sqlite');
  const db = new Database(file);
  db.exec("CREATE TABLE contacts (name TEXT); INSERT INTO contacts VALUES ('x');");
  db.close();
  const { code, err } = await restoreRefused(file);
  expect(code).toBe(2);
  expect(err).toContain(
    `${file} is not a Hearth backup: it is another program's database, not a Hearth vault.`,
  );
  expect(err).toContain(NEXT_NOT_BACKUP);
  expect(readdirSync(vault).filter((n) => n.startsWith('.restore-'))).toEqual([]);
});

test('a cut-off backup and one whose pages are overwritten: "the backup is damaged", exit 2', async () => {
  const cut = join(dir, 'cut.db');
  writeFileSync(cut, backup.subarray(0, 20_000));
  const cutResult = await restoreRefused(cut);
  expect(cutResult.code).toBe(2);
  expect(cutResult.err).toBe(
    `hearth vault restore: the backup ${cut} is damaged: it is shorter than its own header says, so the copy was cut off. Nothing was restored and nothing in ${vault} was changed. ${NEXT_DAMAGED}\n`,
  );

  // The whole length, but the b-tree page after the schema zeroed: SQLite's check fails.
  const broken = Buffer.from(backup);
  broken.fill(0, 4096, 4096 + 100);
  const file = join(dir, 'broken.db');
  writeFileSync(file, broken);
  const brokenResult = await restoreRefused(file);
  expect(brokenResult.code).toBe(2);
  expect(brokenResult.err).toContain(
    `the backup ${file} is damaged: it fails SQLite's integrity check.`,
  );
  expect(brokenResult.err).toContain(NEXT_DAMAGED);
});

test('in Latin American Spanish when the environment asks for it (LANG=es_MX.UTF-8)', async () => {
  const file = join(dir, 'notas.txt');
  writeFileSync(file, 'Reunión a las 10.\n');
  const { code, err } = await restoreRefused(file, { LANG: 'es_MX.UTF-8' });
  expect(code).toBe(2);
  expect(err).toBe(
    `hearth vault restore: ${file} no es una copia de seguridad de Hearth: no es un archivo de base de datos. No se restauró nada y no se cambió nada en ${vault}. Siguiente paso: indique con --from el archivo que escribió hearth vault backup --out ARCHIVO (o el que guardó «Hacer una copia de seguridad» en la Configuración de la app).\n`,
  );
  const cut = join(dir, 'cortada.db');
  writeFileSync(cut, backup.subarray(0, 20_000));
  expect((await restoreRefused(cut, { LANG: 'es_MX.UTF-8' })).err).toContain(
    `la copia de seguridad ${cut} está dañada: es más corta de lo que indica su propio encabezado`,
  );
});

test('a restore into a new folder from a wrong file leaves no folder behind', async () => {
  const file = join(dir, 'other.txt');
  writeFileSync(file, 'hello\n');
  const target = join(dir, 'new-vault');
  const { code } = await run([
    'vault',
    'restore',
    '--vault',
    target,
    '--from',
    file,
    '--passphrase-file',
    passFile,
  ]);
  expect(code).toBe(2);
  expect(existsSync(target)).toBe(false);
});

test('the real backup still restores (the check refuses only wrong files)', async () => {
  const file = join(dir, 'good.db');
  writeFileSync(file, backup);
  const { code, out } = await run([
    'vault',
    'restore',
    '--vault',
    join(dir, 'restored'),
    '--from',
    file,
    '--passphrase-file',
    passFile,
  ]);
  expect(code).toBe(0);
  expect(out).toMatch(/vault restored into/);
});
