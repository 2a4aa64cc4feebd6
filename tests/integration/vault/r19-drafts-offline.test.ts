// Red team 19, R19-6: an interviewer's unsent note drafts were sealed under the session's data
// key, which every colleague who reads the case holds: a colleague interviewer or a reviewer with
// a copy of the file decrypted them offline with their own passphrase (the app refuses them).
// Now a draft is sealed under its owner's personal key, like the draft index: only she opens it.
// A draft an older version saved under the session key is still handed back to her, and moves
// under her personal key at her next save.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { call, removeDir } from '../../helpers/core';
import { liveInterview } from '../../helpers/live-interview';
import { copyVault, offlineRead } from '../../helpers/offline-insider';
import { checkAsAdmin, PASS, signInAs, vaultWithStaff } from '../../helpers/red-team';

jest.setTimeout(180_000);

const MARKER = 'QDRAFTCHILDQ';

test("a colleague's passphrase no longer opens another user's unsent drafts offline; an old-format draft still comes back to its owner", async () => {
  const core = await vaultWithStaff([
    ['ola', 'interviewer'],
    ['ivan', 'interviewer'],
    ['rita', 'reviewer'],
  ]);
  const work = mkdtempSync(join(tmpdir(), 'r19-drafts-'));
  try {
    await signInAs(core, 'ola');
    const sessionId = await liveInterview(core);
    const older = await liveInterview(core);
    await call(core, 'sessions.saveDrafts', {
      drafts: [{ sessionId, kind: 'child', text: `${MARKER} he said not to tell` }],
    });
    // A draft as an older version saved it: under the session key, written by ola herself.
    const v = await signInAs(core, 'ola');
    const oldId = `${older}~draft~ola`;
    v.write('sessions.saveDrafts', 'user:ola', (put) =>
      put(
        { recordId: oldId, containerId: older, kind: 'draft', seq: 1, keyRef: `session:${older}` },
        {
          sessionId: older,
          username: 'ola',
          kind: 'question',
          text: 'QOLDQ what happened?',
          savedAt: v.nowIso(),
        },
      ),
    );
    const index = v.records.get<{ username: string; sessions: string[] }>('drafts:ola')!;
    v.write('sessions.saveDrafts', 'user:ola', (put) =>
      put(
        { ...index.address, seq: index.address.seq + 1 },
        { ...index.value, sessions: [sessionId, older] },
      ),
    );
    await call(core, 'vault.lock', {});

    const file = (who: string) => copyVault(core.vaultDir, work, who);
    for (const who of ['ivan', 'rita']) {
      const view = offlineRead(file(who), { username: who, passphrase: PASS });
      // Before the fix: true for both (the session key opened the draft).
      expect(view.plaintext).not.toContain(MARKER);
      expect(view.readable.has(`${sessionId}~draft~ola`)).toBe(false);
      // The old-format draft is still under the session key until she saves again.
      expect(view.plaintext).toContain('QOLDQ');
    }
    // The owner's own passphrase still opens hers (the test would notice a draft lost).
    expect(offlineRead(file('ola'), { username: 'ola', passphrase: PASS }).plaintext).toContain(
      MARKER,
    );

    // In the app, both come back to her; her next save moves the old one under her key.
    await signInAs(core, 'ola');
    const hers = await call(core, 'sessions.drafts', {});
    expect(hers.drafts.map((d: { text: string }) => d.text).sort()).toEqual([
      `${MARKER} he said not to tell`,
      'QOLDQ what happened?',
    ]);
    await call(core, 'sessions.saveDrafts', {
      drafts: hers.drafts.map(
        ({ sessionId: id, kind, text }: { sessionId: string; kind: string; text: string }) => ({
          sessionId: id,
          kind,
          text,
        }),
      ),
    });
    await call(core, 'vault.lock', {});
    const after = offlineRead(file('ivan-after'), { username: 'ivan', passphrase: PASS });
    expect(after.plaintext).not.toContain('QOLDQ');
    expect(after.plaintext).not.toContain(MARKER);
    // vault check finds nothing wrong with drafts under a personal key.
    const problems = await checkAsAdmin(core);
    expect(problems.filter((p) => JSON.stringify(p).includes('draft'))).toEqual([]);
  } finally {
    core.close();
    removeDir(core.vaultDir);
    removeDir(work);
  }
});
