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

test('a question begun from an observer suggestion keeps the link in its draft across a lock; the note saved from it is recorded as asking that suggestion', async () => {
  const core = await vaultWithSession();
  const { sessionId } = core;
  try {
    const { suggestionId } = await call(core, 'observers.suggest', {
      sessionId,
      role: 'cps',
      text: 'Who do you live with now?',
    });
    await call(core, 'sessions.startBreak', { sessionId, reason: 'team' });
    await call(core, 'observers.decide', {
      sessionId,
      suggestionId,
      decision: 'rephrased',
      text: 'Tell me about the people at your home.',
    });
    await call(core, 'sessions.endBreak', { sessionId });
    // The interviewer pressed "Use this wording", began editing it, and the vault locked.
    const wording = 'Tell me about the people at your home, and';
    await call(core, 'sessions.saveDrafts', {
      drafts: [{ sessionId, kind: 'question', text: wording, suggestionId }],
      resume: sessionId,
    });
    await call(core, 'vault.lock', {});
    expect(plaintextHits(core.vaultDir, ['people at your home, and'])).toEqual([]);
    await call(core, 'vault.unlock', { username: ADMIN.username, passphrase: ADMIN.passphrase });
    const [draft] = (await call(core, 'sessions.drafts', {})).drafts;
    expect(draft).toEqual(expect.objectContaining({ kind: 'question', text: wording, suggestionId }));

    // The question saved from the draft (its wording finished, so no wording match could find
    // it) carries the link, and the queue shows the suggestion asked by that note.
    const { noteId } = await call(core, 'sessions.addNote', {
      sessionId,
      kind: draft!.kind,
      text: `${draft!.text} who else comes to visit.`,
      suggestionId: draft!.suggestionId,
    });
    const queue = await call(core, 'observers.queue', { sessionId });
    expect(queue.suggestions[0]).toEqual(
      expect.objectContaining({
        suggestionId,
        status: 'rephrased',
        askedIn: expect.objectContaining({ noteId, matchedBy: 'link' }),
      }),
    );
    expect(queue.counts.notAsked).toBe(0);

    // A child's-words draft never carries the link; a malformed id is refused with a reason.
    await call(core, 'sessions.saveDrafts', {
      drafts: [{ sessionId, kind: 'child', text: 'my aunt', suggestionId }],
    });
    expect((await call(core, 'sessions.drafts', {})).drafts[0]).not.toHaveProperty('suggestionId');
    const bad = await callError(core, 'sessions.saveDrafts', {
      drafts: [{ sessionId, kind: 'question', text: 'x', suggestionId: 'suggestion 1' }],
    });
    expect(bad.code).toBe('INVALID_INPUT');
    expect(bad.message).toMatch(/Suggestion id/);
  } finally {
    core.close();
    removeDir(core.vaultDir);
  }
});
