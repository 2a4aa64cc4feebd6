// Two exports of one sealed interview in the same second (for two recipients, or an export and
// its re-export by an admin) must both be written. The bundle folder was named by the session
// and the second only, so the second export failed with CONFLICT "An export with this name
// already exists in that folder" whenever the machine was fast enough.
import { readdirSync } from 'node:fs';
import { call, makeVault, removeDir, tempDir } from '../../helpers/core';
import { liveInterview } from '../../helpers/live-interview';

const FROZEN = Date.parse('2026-11-30T12:00:00.000Z');

test('two exports of one session in the same second both land, under different names', async () => {
  const core = await makeVault({ now: () => FROZEN });
  const out = tempDir();
  try {
    const sessionId = await liveInterview(core);
    await call(core, 'sessions.finalize', { sessionId });
    const first = await call(core, 'export.sealed', { sessionId, outDir: out });
    const second = await call(core, 'export.sealed', { sessionId, outDir: out });
    expect(first.path).not.toBe(second.path);
    const names = readdirSync(out).filter((n) => n.startsWith(`hearth-bundle-${sessionId}-`));
    expect(names).toHaveLength(2);
  } finally {
    core.close();
    removeDir(out);
    removeDir(core.vaultDir);
  }
});
