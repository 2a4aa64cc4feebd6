// Red team 18, R18-1: an interviewer holding a case's key (so its sessions' data key) replaced a
// colleague's pending note draft, through his own client (the Vault object the core drives), with
// a leading question. The app handed it back to her after her next unlock as her own unsent note,
// ready to be asked of a child; only `vault check` named his entry. Now a draft is used only when
// its owner signed the audit entry that wrote it: his version is left out, and she is told that a
// draft written by someone else was left out (no content, no name).
import { call, removeDir } from '../../helpers/core';
import { liveInterview } from '../../helpers/live-interview';
import { checkAsAdmin, signInAs, vaultWithStaff } from '../../helpers/red-team';

jest.setTimeout(120_000);

const MARKER = 'QPLANTEDQ';

test("a colleague's planted draft is left out of the owner's drafts, and she is told; her own drafts still come back", async () => {
  const core = await vaultWithStaff([
    ['ola', 'interviewer'],
    ['ivan', 'interviewer'],
  ]);
  try {
    await signInAs(core, 'ola');
    const sessionId = await liveInterview(core);
    const other = await liveInterview(core);
    await call(core, 'sessions.saveDrafts', {
      drafts: [
        { sessionId, kind: 'question', text: 'Tell me more about dinner.' },
        { sessionId: other, kind: 'question', text: 'What happened next?' },
      ],
      resume: sessionId,
    });
    // Her own drafts come back as they were.
    await signInAs(core, 'ola');
    const own = await call(core, 'sessions.drafts', {});
    expect(own.drafts.map((d: { text: string }) => d.text).sort()).toEqual([
      'Tell me more about dinner.',
      'What happened next?',
    ]);
    expect(own.withheld).toBeUndefined();

    // Ivan's client replaces her draft of the first session.
    const v = await signInAs(core, 'ivan');
    const id = `${sessionId}~draft~ola`;
    // Her draft is under her personal key (R19-6): he cannot read it, but he can still write a
    // newer version under the session key, which he holds (the row's version is cleartext).
    expect(() => v.records.get(id)).toThrow(/does not open/);
    const seq = v.records.seqOf(id)!;
    v.write('sessions.saveDrafts', 'user:ola', (put) =>
      put(
        {
          recordId: id,
          containerId: sessionId,
          kind: 'draft',
          seq: seq + 1,
          keyRef: `session:${sessionId}`,
        },
        {
          sessionId,
          username: 'ola',
          kind: 'question',
          text: `Did he touch you under your clothes? ${MARKER}`,
          savedAt: new Date().toISOString(),
        },
      ),
    );

    await signInAs(core, 'ola');
    const hers = await call(core, 'sessions.drafts', {});
    // Before the fix: the planted text came back as her own question draft.
    expect(JSON.stringify(hers)).not.toContain(MARKER);
    expect(
      hers.drafts.map((d: { sessionId: string; text: string }) => [d.sessionId, d.text]),
    ).toEqual([[other, 'What happened next?']]);
    expect(hers.withheld).toEqual({
      count: 1,
      message:
        'A note draft written by someone else was left out; ask an admin to run vault check.',
    });
    expect(hers.resume).toBe(sessionId);

    // vault check still names his entry, without its content.
    const problems = await checkAsAdmin(core);
    expect(
      problems
        .filter((p) => p.code === 'AUDIT_AUTHOR_NOT_ALLOWED' && p.values?.record === id)
        .map((p) => p.values?.signer),
    ).toEqual(['ivan']);
    expect(JSON.stringify(problems)).not.toContain(MARKER);

    // Her next save replaces it with her own version: trusted again.
    await signInAs(core, 'ola');
    await call(core, 'sessions.saveDrafts', {
      drafts: [{ sessionId, kind: 'question', text: 'Tell me about the kitchen.' }],
    });
    const again = await call(core, 'sessions.drafts', {});
    expect(again.drafts.map((d: { text: string }) => d.text)).toEqual([
      'Tell me about the kitchen.',
    ]);
    expect(again.withheld).toBeUndefined();
  } finally {
    core.close();
    removeDir(core.vaultDir);
  }
});
