// Issue #17: an extended interview's sessions are sealed and exported one by one; each export's
// signed manifest lists the linked sessions with their seal heads, and `hearth verify-set` given
// the bundles says whether the set is complete and consistent. End to end: a real vault, three
// NCAC sessions, the export channel, the CLI (in-process and, once, the built bin/hearth.js).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { verifySetCommand } from '../../../src/cli/commands/verify-set';
import { call, makeVault, removeDir, tempDir } from '../../helpers/core';
import { captureIo } from '../../helpers/cli-io';

jest.setTimeout(600_000);

const io = captureIo;

async function verifySet(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const o = io();
  const code = await verifySetCommand(args, o);
  return { code, out: o.stdout(), err: o.stderr() };
}

test('bundles of one extended interview: complete, incomplete, broken and foreign sets', async () => {
  const core = await makeVault();
  const dir = tempDir();
  try {
    const newCase = async (reference: string) =>
      (
        await call(core, 'cases.create', {
          reference,
          childAlias: 'Robin',
          childAgeYears: 7,
          language: 'en',
        })
      ).caseId;
    const caseId = await newCase('EFI-SET');
    const start = async (
      c: string,
      extended: { plannedSessions: number; previousSessionId?: string },
    ) =>
      (
        await call(core, 'sessions.start', {
          caseId: c,
          protocolId: 'ncac',
          mode: 'live',
          language: 'en',
          extended,
        })
      ).sessionId;
    const sealAndExport = async (sessionId: string, name: string) => {
      await call(core, 'sessions.addNote', { sessionId, kind: 'child', text: 'red bike secret' });
      await call(core, 'sessions.finalize', { sessionId });
      const out = join(dir, name);
      mkdirSync(out);
      return (await call(core, 'export.sealed', { sessionId, outDir: out, reason: 'efi set' }))
        .path;
    };
    const s1 = await start(caseId, { plannedSessions: 3 });
    const b1 = await sealAndExport(s1, 'b1');
    const s2 = await start(caseId, { plannedSessions: 3, previousSessionId: s1 });
    const b2 = await sealAndExport(s2, 'b2');
    const s3 = await start(caseId, { plannedSessions: 3, previousSessionId: s2 });
    const b3 = await sealAndExport(s3, 'b3');
    // Another extended interview (another case): its bundle does not belong to the set.
    const other = await newCase('EFI-OTHER');
    const o1 = await start(other, { plannedSessions: 2 });
    const bOther = await sealAndExport(o1, 'bo');
    // A single session: not part of any extended interview.
    const single = (
      await call(core, 'sessions.start', {
        caseId,
        protocolId: 'ncac',
        mode: 'live',
        language: 'en',
      })
    ).sessionId;
    const bSingle = await sealAndExport(single, 'bs');

    const key = join(dir, 'centre.pub');
    writeFileSync(key, (await call(core, 'keys.centrePublicKey', {})).publicKey);

    // The signed manifest of session 3 lists all three with their seal heads; no content.
    const manifest = JSON.parse(readFileSync(join(b3, 'manifest.json'), 'utf8')) as {
      sealHead: string;
      extendedInterview: {
        index: number;
        planned: number;
        sessions: Array<{ sessionId: string; sealHead?: string }>;
      };
    };
    expect(manifest.extendedInterview).toMatchObject({ index: 3, planned: 3 });
    expect(manifest.extendedInterview.sessions.map((s) => s.sessionId)).toEqual([s1, s2, s3]);
    const head1 = (
      JSON.parse(readFileSync(join(b1, 'manifest.json'), 'utf8')) as { sealHead: string }
    ).sealHead;
    expect(manifest.extendedInterview.sessions[0]!.sealHead).toBe(head1);
    expect(JSON.stringify(manifest)).not.toContain('red bike');

    // One bundle alone tells its reader that it is session 2 of 3 and how to check the set
    // (newcomer review 5, F2), in the report's facts and its English words.
    const one = await call(core, 'export.verify', {
      path: b2,
      publicKey: readFileSync(key, 'utf8'),
    });
    expect(one.valid).toBe(true);
    expect(one.provenFacts?.map((f: { code: string }) => f.code)).toContain('extendedPlace');
    expect(one.proven?.join('\n')).toMatch(/Session 2 of 3 of an extended interview/);
    expect(one.proven?.join('\n')).toContain('hearth verify-set');
    const lone = await call(core, 'export.verify', {
      path: bSingle,
      publicKey: readFileSync(key, 'utf8'),
    });
    expect(lone.provenFacts?.map((f: { code: string }) => f.code)).not.toContain('extendedPlace');

    // Complete: all three, in any order.
    const all = await verifySet([b3, b1, b2, '--key', key]);
    expect(all.code).toBe(0);
    expect(all.out).toMatch(/^COMPLETE AND CONSISTENT: extended interview ext_[0-9a-f]{32}/);
    expect(all.out).toContain('bundles given for: 1, 2, 3');

    // Session 2 held back: consistent but incomplete, and session 2 is named from the list.
    const gap = await verifySet([b1, b3, '--key', key, '--json']);
    expect(gap.code).toBe(1);
    const gapReport = JSON.parse(gap.out) as {
      complete: boolean;
      consistent: boolean;
      missing: unknown[];
    };
    expect(gapReport).toMatchObject({ consistent: true, complete: false });
    expect(gapReport.missing).toEqual([{ index: 2, sessionId: s2, status: 'sealed' }]);

    // Only sessions 1 and 2 (exported before session 3 existed): session 3 is unlisted.
    const early = await verifySet([b1, b2, '--key', key]);
    expect(early.code).toBe(1);
    expect(early.out).toContain('CONSISTENT BUT INCOMPLETE');
    expect(early.out).toContain('missing: session 3 (no export names it');

    // A bundle of another extended interview, and a single session, are named as not belonging.
    const foreign = await verifySet([b1, b2, b3, bOther, '--key', key]);
    expect(foreign.code).toBe(1);
    expect(foreign.out).toContain('NOT CONSISTENT');
    expect(foreign.out).toContain('OTHER_SERIES');
    const withSingle = await verifySet([b1, b2, b3, bSingle, '--key', key]);
    expect(withSingle.out).toContain('NOT_EXTENDED');

    // A changed list in a manifest breaks that bundle's signature: the set is not consistent.
    const tampered = join(b2, 'manifest.json');
    const original = readFileSync(tampered, 'utf8');
    writeFileSync(
      tampered,
      original.replace(
        head1,
        head1.replace(/^./, (c) => (c === 'a' ? 'b' : 'a')),
      ),
    );
    const broken = await verifySet([b1, b2, b3, '--key', key]);
    expect(broken.code).toBe(1);
    expect(broken.out).toContain('BUNDLE_INVALID');
    writeFileSync(tampered, original);

    // Usage: fewer than two bundles, or no key.
    expect((await verifySet([b1, '--key', key])).code).toBe(2);
    expect((await verifySet([b1, b2])).code).toBe(2);

    // The built command, as a prosecutor runs it (needs npm run build).
    const bin = join(__dirname, '..', '..', '..', 'bin', 'hearth.js');
    const built = join(
      __dirname,
      '..',
      '..',
      '..',
      'dist',
      'src',
      'cli',
      'commands',
      'verify-set.js',
    );
    if (existsSync(built)) {
      const run = spawnSync(process.execPath, [bin, 'verify-set', b1, b2, b3, '--key', key], {
        encoding: 'utf8',
      });
      expect(run.status).toBe(0);
      expect(run.stdout).toContain('COMPLETE AND CONSISTENT');
    }
  } finally {
    core.close();
    removeDir(dir);
  }
});
