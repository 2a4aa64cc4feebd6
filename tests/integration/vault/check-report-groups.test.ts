// perf22 (issue #22): whoever can write the vault file plants tens of thousands of junk key
// versions; `vault check` then found one KEY_VERSION_UNCERTIFIED per row and returned them all
// (every finding's wording in memory, a CLI that printed a line per row, a Settings screen with
// a list item per row). The report now groups findings by code: an exact count per code and the
// first 20 of each (EXAMPLES_PER_GROUP), in `problems` as before. Rows are planted with SQL; the
// report's size and counts are asserted, never its speed.
import { randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import Database from 'better-sqlite3';
import { withGuardsLifted } from '../../helpers/lift-guards';
import { runCli } from '../../../src/cli/main';
import { EXAMPLES_PER_GROUP, vaultFile } from '../../../src/vault';
import { ADMIN, call, makeCore, makeVault, removeDir } from '../../helpers/core';

jest.setTimeout(600_000);

const PLANTED = 50_000;
const MALFORMED = 3;

/**
 * `PLANTED` junk versions of the case key (from version 2, random bytes, held by 'user:ivan'),
 * and `MALFORMED` rows with a version Hearth never writes, put in with SQL as an attacker would
 * (dropping the triggers that refuse such a version first).
 */
function plantJunk(dir: string): void {
  const db = new Database(vaultFile(dir));
  try {
    db.transaction(() => {
      const insert = db.prepare('INSERT INTO key_wraps VALUES (?, ?, ?, ?, ?)');
      for (let i = 0; i < PLANTED; i++)
        insert.run('class:case', 2 + i, 'user:ivan', randomBytes(24), randomBytes(80));
      withGuardsLifted(db, () => {
        for (let i = 0; i < MALFORMED; i++)
          insert.run('class:case', 2.5 + i, 'user:ivan', randomBytes(24), randomBytes(80));
      });
    })();
  } finally {
    db.close();
  }
}

interface Finding {
  kind: string;
  id: string;
  code?: string;
  detail: string;
}
interface Group {
  code?: string;
  kind: string;
  count: number;
  listed: number;
}

async function cli(vaultDir: string, lang: string) {
  let out = '';
  let err = '';
  const code = await runCli(['vault', 'check', '--vault', vaultDir, '--user', ADMIN.username], {
    stdin: Readable.from([]) as Readable & { isTTY?: boolean },
    out: (t) => void (out += t),
    err: (t) => void (err += t),
    env: { HEARTH_PASSPHRASE: ADMIN.passphrase, LANG: lang },
  });
  return { code, out, err };
}

let vaultDir: string;
beforeAll(async () => {
  const core = await makeVault();
  vaultDir = core.vaultDir;
  await call(core, 'vault.lock', {});
  core.close();
  plantJunk(vaultDir);
});
afterAll(() => removeDir(vaultDir));

test('50,000 planted key versions: the check counts every one exactly and lists only the first 20; the report stays small', async () => {
  const core = makeCore(vaultDir);
  try {
    await call(core, 'vault.unlock', { username: ADMIN.username, passphrase: ADMIN.passphrase });
    const result = (await call(core, 'vault.check', {})) as {
      ok: boolean;
      problems: Finding[];
      groups: Group[];
    };
    expect(result.ok).toBe(false);
    const byCode = new Map(result.groups.map((g) => [g.code ?? g.kind, g]));
    // Exact counts: every planted version, not the 20 listed.
    expect(byCode.get('KEY_VERSION_UNCERTIFIED')).toEqual({
      code: 'KEY_VERSION_UNCERTIFIED',
      kind: 'role',
      count: PLANTED,
      listed: EXAMPLES_PER_GROUP,
    });
    // A small group is listed whole: the three malformed versions and the junk holder.
    expect(byCode.get('KEY_ROW_MALFORMED')).toMatchObject({
      count: MALFORMED + 1,
      listed: MALFORMED + 1,
    });
    expect(result.groups[0]!.code).toBe('KEY_VERSION_UNCERTIFIED'); // largest first
    // `problems` (what callers before perf22 read): the first 20 of the big code, in the order
    // found, each a real planted version.
    const listed = result.problems.filter((p) => p.code === 'KEY_VERSION_UNCERTIFIED');
    expect(listed).toHaveLength(EXAMPLES_PER_GROUP);
    for (const p of listed) {
      expect(p.id).toMatch(/^class:case@(\d+)$/);
      const version = Number(p.id.split('@')[1]);
      expect(version).toBeGreaterThanOrEqual(2);
      expect(version).toBeLessThan(2 + PLANTED);
    }
    expect(new Set(listed.map((p) => p.id)).size).toBe(EXAMPLES_PER_GROUP);
    // Every group's listed findings are in `problems`, and nothing else is.
    expect(result.problems).toHaveLength(result.groups.reduce((n, g) => n + g.listed, 0));
    for (const g of result.groups) expect(g.listed).toBe(Math.min(g.count, EXAMPLES_PER_GROUP));
    // Bounded: at most 20 findings per code, whatever the vault holds (one finding's wording is
    // a few hundred characters; 50,000 of them were about 15 MB of JSON).
    expect(result.problems.length).toBeLessThanOrEqual(EXAMPLES_PER_GROUP * result.groups.length);
    expect(JSON.stringify(result).length).toBeLessThan(100_000);
  } finally {
    core.close();
  }
});

test('the CLI prints one line per code with its exact count, the first 20, and how many more (English and Spanish)', async () => {
  const en = await cli(vaultDir, 'en_US.UTF-8');
  expect(en.code).toBe(1);
  const lines = en.out.split('\n');
  // Was one line per planted row (50,000 and more); now a header, a line per group, its examples.
  expect(lines.length).toBeLessThan(100);
  expect(en.out).toMatch(/^vault check: 50,00\d problem\(s\) found$/m);
  expect(en.out).toContain('  KEY_VERSION_UNCERTIFIED ×50,000: the first 20:\n');
  expect(en.out).toContain(
    '    … and 49,980 more KEY_VERSION_UNCERTIFIED (the same kind of finding, counted but not listed; the next step is the same)\n',
  );
  expect(lines.filter((l) => /^ {4}role class:case@\d+ /.test(l))).toHaveLength(20);
  expect(en.out).toContain(`  KEY_ROW_MALFORMED ×${MALFORMED + 1}:\n`);

  const es = await cli(vaultDir, 'es_MX.UTF-8');
  expect(es.code).toBe(1);
  expect(es.out).toMatch(/^vault check: se encontraron 50,00\d problema\(s\)$/m);
  expect(es.out).toContain('  KEY_VERSION_UNCERTIFIED ×50,000: los primeros 20:\n');
  expect(es.out).toContain('    … y 49,980 más de KEY_VERSION_UNCERTIFIED');
  expect(es.out.split('\n').length).toBeLessThan(100);
});
