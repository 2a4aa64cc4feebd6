// Unsent note drafts survive a lock, sealed in the vault: never as plaintext on disk, readable
// only by their author, dropped once the session is sealed, and never part of the record.
import { ADMIN, call, callError, plaintextHits, removeDir } from '../helpers/core';
import { timeline, vaultWithSession } from '../helpers/sessions';

const DRAFT = 'Half-typed question about the zebracorn-7731';

test('a draft saved before a lock comes back after unlock, with the session to return to', async () => {
  const core = await vaultWithSession();
  const { sessionId } = core;
  try {
    const before = (await timeline(core, sessionId)).length;
    expect(
      await call(core, 'sessions.saveDrafts', {
        drafts: [{ sessionId, kind: 'child', text: DRAFT, keywords: ['zebracorn'] }],
        resume: sessionId,
      }),
    ).toEqual({ saved: 1 });
    await call(core, 'vault.lock', {});
    // Locked: nothing to read, and the draft is nowhere on disk in plaintext.
    expect((await callError(core, 'sessions.drafts', {})).code).toBe('VAULT_LOCKED');
    expect(plaintextHits(core.vaultDir, ['zebracorn'])).toEqual([]);

    await call(core, 'vault.unlock', { username: ADMIN.username, passphrase: ADMIN.passphrase });
    const got = await call(core, 'sessions.drafts', {});
    expect(got.resume).toBe(sessionId);
    expect(got.drafts).toEqual([
      expect.objectContaining({ sessionId, kind: 'child', text: DRAFT, keywords: ['zebracorn'] }),
    ]);
    // A draft is not an event: the interview record is unchanged apart from the lock's
    // pause/resume markers.
    const events = await timeline(core, sessionId);
    expect(events.filter((e) => e.text === DRAFT)).toEqual([]);
    expect(events.length).toBeGreaterThanOrEqual(before);

    // An empty set clears them (the renderer does this once it holds the drafts again).
    await call(core, 'sessions.saveDrafts', { drafts: [] });
    expect(await call(core, 'sessions.drafts', {})).toEqual({ drafts: [] });
    expect((await call(core, 'vault.check', {})).ok).toBe(true);
  } finally {
    core.close();
    removeDir(core.vaultDir);
  }
});

test('drafts of a sealed session are not offered back; bad input is refused with a reason', async () => {
  const core = await vaultWithSession();
  const { sessionId } = core;
  try {
    await call(core, 'sessions.saveDrafts', {
      drafts: [{ sessionId, kind: 'question', text: 'Tell me more' }],
      resume: sessionId,
    });
    await call(core, 'sessions.finalize', { sessionId });
    expect(await call(core, 'sessions.drafts', {})).toEqual({ drafts: [] });
    const sealed = await callError(core, 'sessions.saveDrafts', {
      drafts: [{ sessionId, kind: 'question', text: 'x' }],
    });
    expect(sealed.code).toBe('SESSION_SEALED');
    const tooLong = await callError(core, 'sessions.saveDrafts', {
      drafts: [{ sessionId, kind: 'question', text: 'x'.repeat(20_001) }],
    });
    expect(tooLong).toMatchObject({ code: 'INVALID_INPUT' });
    expect(tooLong.message).toMatch(/20,000/);
  } finally {
    core.close();
    removeDir(core.vaultDir);
  }
});

test('a question draft from Use keeps its prompt id across a lock; a malformed id is refused (P7-2)', async () => {
  const core = await vaultWithSession();
  const { sessionId } = core;
  try {
    await call(core, 'sessions.saveDrafts', {
      drafts: [
        {
          sessionId,
          kind: 'question',
          text: 'I heard that you talked to your teacher. Tell me what you talked',
          promptId: 'transition.talkedTo',
        },
      ],
      resume: sessionId,
    });
    await call(core, 'vault.lock', {});
    await call(core, 'vault.unlock', { username: ADMIN.username, passphrase: ADMIN.passphrase });
    const got = await call(core, 'sessions.drafts', {});
    expect(got.drafts).toEqual([
      expect.objectContaining({ kind: 'question', promptId: 'transition.talkedTo' }),
    ]);
    // A child's-words draft never carries a prompt id, even if one is sent.
    await call(core, 'sessions.saveDrafts', {
      drafts: [{ sessionId, kind: 'child', text: 'my teacher', promptId: 'transition.talkedTo' }],
    });
    const child = await call(core, 'sessions.drafts', {});
    expect(child.drafts[0]).not.toHaveProperty('promptId');
    const bad = await callError(core, 'sessions.saveDrafts', {
      drafts: [{ sessionId, kind: 'question', text: 'x', promptId: 'Tell me more' }],
    });
    expect(bad.code).toBe('INVALID_INPUT');
  } finally {
    core.close();
    removeDir(core.vaultDir);
  }
});
