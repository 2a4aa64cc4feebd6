// The planning record as an export choice (#19): left out by default (and then nothing of it is in
// any bundle file, and the verdict counts it as withheld); when chosen it is its own file,
// planning-record.json, never inside the transcript; the verifier insists that the file matches
// the signed choice; only users who may export and read the case include it.
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { call, callError, removeDir, tempDir } from '../../helpers/core';
import { liveSession, signIn, teamVault } from '../team/helpers';

jest.setTimeout(240_000);

const OPEN_STRINGS = ['Referral-source-Quenwick-209', 'Safety-concern-Plimsoll-404'];
const BLIND_STRINGS = ['Planning-allegation-Zorblat-551', 'Indicator-note-Frabjous-77'];

async function sealedWithPlanning(options: { allegationBlind?: boolean } = {}) {
  const core = await teamVault(options);
  await call(core, 'planning.update', {
    caseId: core.caseId,
    allegation: BLIND_STRINGS[0],
    known: { referralSource: OPEN_STRINGS[0] },
    safetyConcerns: OPEN_STRINGS[1],
    exploitation: {
      indicators: [
        { category: 'coercion', finding: 'present', basis: 'records', note: BLIND_STRINGS[1] },
      ],
      outcome: 'clear-concern',
      referrals: ['advocacy'],
    },
  });
  const sessionId = await liveSession(core, core.caseId);
  await call(core, 'sessions.addNote', { sessionId, kind: 'question', text: 'Tell me everything.' });
  await call(core, 'sessions.finalize', { sessionId });
  return Object.assign(core, { sessionId });
}

/** Every file of a bundle folder, as text (the PDF's bytes too: a plain string must not be there). */
function bundleText(path: string): Map<string, string> {
  return new Map(readdirSync(path).map((n) => [n, readFileSync(join(path, n), 'latin1')]));
}

test('default: no planning-record file, none of its values in any file, counted as withheld', async () => {
  const core = await sealedWithPlanning();
  const out = tempDir();
  try {
    const defaults = await call(core, 'export.choices', {});
    expect(defaults.defaults.includePlanningRecord).toBe(false);
    const { path } = await call(core, 'export.sealed', { sessionId: core.sessionId, outDir: out });
    const files = bundleText(path);
    expect([...files.keys()]).not.toContain('planning-record.json');
    for (const [name, body] of files)
      for (const value of [...OPEN_STRINGS, ...BLIND_STRINGS])
        expect(`${name}: ${body.includes(value) ? value : 'absent'}`).toBe(`${name}: absent`);
    const { publicKey } = await call(core, 'keys.centrePublicKey', {});
    const verdict = await call(core, 'export.verify', { path, publicKey });
    expect(verdict.valid).toBe(true);
    expect(verdict.withheld).toMatchObject({ 'planning-record': 1 });
    expect(verdict.proven?.join('\n')).toMatch(/planning record was left out at export/);
  } finally {
    core.close();
    removeDir(core.vaultDir);
    removeDir(out);
  }
});

test('chosen: its own file with the values, not in the transcript; verifies; removing it fails', async () => {
  const core = await sealedWithPlanning();
  const out = tempDir();
  try {
    const { path } = await call(core, 'export.sealed', {
      sessionId: core.sessionId,
      outDir: out,
      choices: { includePlanningRecord: true },
    });
    const files = bundleText(path);
    const planning = files.get('planning-record.json') ?? '';
    for (const value of [...OPEN_STRINGS, ...BLIND_STRINGS]) expect(planning).toContain(value);
    const parsed = JSON.parse(readFileSync(join(path, 'planning-record.json'), 'utf8')) as {
      format: string;
      record: { caseId: string };
    };
    expect(parsed.format).toBe('hearth.planning-record.v1');
    expect(parsed.record.caseId).toBe(core.caseId);
    for (const name of ['transcript.json', 'transcript.txt'])
      for (const value of [...OPEN_STRINGS, ...BLIND_STRINGS])
        expect(files.get(name)).not.toContain(value);
    const { publicKey } = await call(core, 'keys.centrePublicKey', {});
    const verdict = await call(core, 'export.verify', { path, publicKey });
    expect(verdict.valid).toBe(true);
    expect(verdict.files).toContain('planning-record.json');
    expect(verdict.withheld?.['planning-record']).toBeUndefined();
    expect(verdict.proven?.join('\n')).toMatch(/planning-record\.json .*not part of the sealed/);

    rmSync(join(path, 'planning-record.json'));
    const broken = await call(core, 'export.verify', { path, publicKey });
    expect(broken.valid).toBe(false);
    // SHA256SUMS (signed) lists planning-record.json: a bundle without it is not the one signed.
    expect(broken.failure).toBe('BAD_FORMAT');
  } finally {
    core.close();
    removeDir(core.vaultDir);
    removeDir(out);
  }
});

test('role rules: a certified interviewer (a reader of the case) may include it; a trainer may not export', async () => {
  const core = await sealedWithPlanning();
  const out = tempDir();
  try {
    await signIn(core, 'ines');
    const { path } = await call(core, 'export.sealed', {
      sessionId: core.sessionId,
      outDir: out,
      choices: { includePlanningRecord: true },
    });
    const planning = readFileSync(join(path, 'planning-record.json'), 'utf8');
    for (const value of OPEN_STRINGS) expect(planning).toContain(value);
    expect(JSON.parse(planning)).toMatchObject({ exportedBy: 'ines' });
    await signIn(core, 'tara');
    const refused = await callError(core, 'export.sealed', {
      sessionId: core.sessionId,
      outDir: out,
      choices: { includePlanningRecord: true },
    });
    expect(refused.code).toBe('FORBIDDEN');
  } finally {
    core.close();
    removeDir(core.vaultDir);
    removeDir(out);
  }
});
