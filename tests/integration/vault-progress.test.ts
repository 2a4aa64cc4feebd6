// vault.check and vault.backup stream progress events while they run (issue #22).
import { join } from 'node:path';
import type { CoreEvent } from '../../src/api/contract';
import { ADMIN, call, makeCore, removeDir, tempDir } from '../helpers/core';

type Progress = Extract<CoreEvent, { type: 'progress' }>;

async function vaultWithEvents(events: CoreEvent[]) {
  const core = makeCore(undefined, { onEvent: (e) => events.push(e) });
  await call(core, 'vault.create', ADMIN);
  const { caseId } = await call(core, 'cases.create', {
    reference: 'PR-1',
    childAlias: 'Sam',
    childAgeYears: 9,
    language: 'en',
  });
  const { sessionId } = await call(core, 'sessions.start', {
    caseId,
    protocolId: 'nichd',
    mode: 'live',
    language: 'en',
  });
  await call(core, 'sessions.addNote', {
    sessionId,
    kind: 'question',
    text: 'Tell me everything.',
  });
  await call(core, 'sessions.finalize', { sessionId });
  return core;
}

const progressOf = (events: CoreEvent[], channel: string) =>
  events.filter((e): e is Progress => e.type === 'progress' && e.channel === channel);

test('vault.check reports each pass in order, percentages within 0-100, every pass finishing', async () => {
  const events: CoreEvent[] = [];
  const core = await vaultWithEvents(events);
  try {
    events.length = 0;
    expect(await call(core, 'vault.check', {})).toEqual({ ok: true, problems: [] });
    const progress = progressOf(events, 'vault.check');
    const steps = [...new Set(progress.map((p) => p.step))];
    expect(steps).toEqual(['database', 'audit', 'records', 'keys', 'seals']);
    for (const p of progress) expect(p.percent).toBeGreaterThanOrEqual(0);
    for (const p of progress) expect(p.percent).toBeLessThanOrEqual(100);
    for (const step of steps)
      expect(progress.filter((p) => p.step === step).at(-1)?.percent).toBe(100);
  } finally {
    core.close();
    removeDir(core.vaultDir);
  }
});

test('vault.backup reports the copy and the check of the copy', async () => {
  const events: CoreEvent[] = [];
  const core = await vaultWithEvents(events);
  const out = tempDir();
  try {
    events.length = 0;
    await call(core, 'vault.backup', { path: join(out, 'copy.hearth') });
    const progress = progressOf(events, 'vault.backup');
    expect(progress[0]).toMatchObject({ step: 'copy', percent: 0 });
    expect(progress.filter((p) => p.step === 'copy').at(-1)?.percent).toBe(100);
    expect(progress.at(-1)).toMatchObject({ step: 'verify', percent: 100 });
  } finally {
    core.close();
    removeDir(core.vaultDir);
    removeDir(out);
  }
});
