// A whole interview through createCore: start, recording marker, phases, notes (with keywords
// and corrections), checklist, breaks, distress, pause, seal, addenda, verify, timeline.
import { call, callError, removeDir } from '../helpers/core';
import { timeline, vaultWithSession } from '../helpers/sessions';

test('a full live session from start to sealed with an addendum', async () => {
  let wall = Date.parse('2026-11-28T14:00:00.000Z');
  let mono = 1_000;
  const core = await vaultWithSession({ now: () => wall, monotonicNow: () => mono });
  const { sessionId } = core;
  const tick = (ms: number) => {
    wall += ms;
    mono += ms;
  };
  try {
    tick(60_000);
    // Before recording starts there is no recording offset.
    const early = await call(core, 'sessions.addNote', {
      sessionId,
      kind: 'observation',
      text: 'Child arrives with advocate',
    });
    expect(early).toMatchObject({
      seq: 2,
      elapsedMs: 60_000,
      recordingOffsetMs: null,
      at: '2026-11-28T14:01:00.000Z',
    });

    tick(30_000);
    expect(await call(core, 'sessions.markRecording', { sessionId })).toMatchObject({
      recordingOffsetMs: 0,
      elapsedMs: 90_000,
    });
    expect(await callError(core, 'sessions.markRecording', { sessionId })).toMatchObject({
      code: 'CONFLICT',
    });

    tick(5_000);
    await call(core, 'sessions.enterPhase', { sessionId, phaseId: 'introduction' });
    await call(core, 'sessions.checkItem', {
      sessionId,
      phaseId: 'introduction',
      itemId: await firstChecklistItem(core, 'introduction'),
    });
    tick(125_000);
    const question = await call(core, 'sessions.addNote', {
      sessionId,
      kind: 'question',
      text: 'Tell me everything that happened.',
    });
    expect(question.recordingOffsetMs).toBe(130_000);
    tick(10_000);
    const child = await call(core, 'sessions.addNote', {
      sessionId,
      kind: 'child',
      text: 'We were in the garage with the dog',
      keywords: ['garage', 'dog'],
    });
    tick(10_000);
    await call(core, 'sessions.addNote', {
      sessionId,
      kind: 'child',
      text: 'The Garage was cold',
      keywords: ['Garage', 'cold'],
    });
    const edit = await call(core, 'sessions.editNote', {
      sessionId,
      noteId: child.noteId,
      text: 'We were in the garage with the big dog',
      reason: 'typo',
    });
    expect(edit).toMatchObject({ noteId: child.noteId, version: 2 });
    await call(core, 'sessions.addNote', {
      sessionId,
      kind: 'mdt',
      text: 'Ask about the time of day',
    });
    await call(core, 'sessions.addNote', {
      sessionId,
      kind: 'interpreter',
      text: 'Interpreter clarified a word',
    });

    tick(60_000);
    await call(core, 'sessions.startBreak', { sessionId, reason: 'Child asked for water' });
    expect(
      await callError(core, 'sessions.startBreak', { sessionId, reason: 'again' }),
    ).toMatchObject({ code: 'CONFLICT' });
    expect((await call(core, 'sessions.get', { sessionId })).onBreak).toBe(true);
    tick(300_000);
    await call(core, 'sessions.endBreak', { sessionId });
    await call(core, 'sessions.markDistress', { sessionId, text: 'Child cried briefly' });
    await call(core, 'sessions.pause', { sessionId, reason: 'Fire drill' });
    await call(core, 'sessions.resume', { sessionId });
    // A recording restart is allowed and offsets restart from it.
    tick(1_000);
    expect(await call(core, 'sessions.markRecording', { sessionId, restart: true })).toMatchObject({
      recordingOffsetMs: 0,
    });
    tick(2_000);
    expect(
      (
        await call(core, 'sessions.addNote', {
          sessionId,
          kind: 'question',
          text: 'What happened next?',
        })
      ).recordingOffsetMs,
    ).toBe(2_000);

    const summary = await call(core, 'sessions.get', { sessionId });
    expect(summary).toMatchObject({
      status: 'active',
      ageBand: '6-9',
      currentPhaseId: 'introduction',
      onBreak: false,
      paused: false,
      room: 'Soft room 2',
      recordingStartedAt: '2026-11-28T14:01:30.000Z',
      keywords: ['garage', 'dog', 'cold'],
    });
    expect(summary.observers).toEqual([
      { role: 'law-enforcement', name: 'Det. Ruiz' },
      { role: 'cps' },
    ]);

    tick(1_000);
    const sealed = await call(core, 'sessions.finalize', { sessionId });
    expect(sealed.head).toMatch(/^[0-9a-f]{64}$/);
    expect((await call(core, 'sessions.get', { sessionId })).status).toBe('sealed');

    // After the seal nothing can be added, edited or removed; only addenda follow.
    for (const [channel, payload] of [
      ['sessions.addNote', { sessionId, kind: 'question', text: 'one more?' }],
      ['sessions.editNote', { sessionId, noteId: child.noteId, text: 'changed' }],
      ['sessions.enterPhase', { sessionId, phaseId: 'closing' }],
      ['sessions.startBreak', { sessionId, reason: 'x' }],
      ['sessions.markRecording', { sessionId, restart: true }],
      ['sessions.finalize', { sessionId }],
    ] as const) {
      expect(await callError(core, channel, payload)).toMatchObject({ code: 'SESSION_SEALED' });
    }
    tick(3_600_000);
    const addendum = await call(core, 'sessions.addAddendum', {
      sessionId,
      text: 'Reviewed the recording: the street is Calle Ñandú.',
    });
    expect(addendum.head).toMatch(/^[0-9a-f]{64}$/);
    expect(await call(core, 'sessions.verify', { sessionId })).toEqual({ ok: true });

    const events = await timeline(core, sessionId);
    expect(events.map((e) => e.seq)).toEqual(events.map((_, i) => i + 1));
    const original = events.find((e) => e.noteId === child.noteId && e.version === 1)!;
    const corrected = events.find((e) => e.noteId === child.noteId && e.version === 2)!;
    expect(original).toMatchObject({
      text: 'We were in the garage with the dog',
      superseded: true,
    });
    expect(corrected).toMatchObject({
      text: 'We were in the garage with the big dog',
      replacesSeq: original.seq,
      reason: 'typo',
    });
    expect(events.find((e) => e.type === 'note' && e.kind === 'question')).toMatchObject({
      recordingOffset: '00:02:10',
    });
    expect(events.at(-1)).toMatchObject({ type: 'addendum', afterSeal: true, author: 'admin' });
    expect(events.find((e) => e.type === 'sealed')).toMatchObject({
      head: sealed.head,
      signer: 'admin',
    });
    expect(
      events.filter((e) => e.type === 'recording-marker').map((e) => e.recordingMarker),
    ).toEqual(['started', 'restarted']);
    expect((await call(core, 'vault.check', {})).ok).toBe(true);
    const listed = await call(core, 'sessions.list', { caseId: core.caseId });
    expect(listed.sessions.map((s) => s.sessionId)).toEqual([sessionId]);
    // Listing by mode finds live sessions across cases too (they are stored under their case).
    const live = await call(core, 'sessions.list', { mode: 'live' });
    expect(live.sessions.map((s) => s.sessionId)).toEqual([sessionId]);
    expect((await call(core, 'sessions.list', { mode: 'practice' })).sessions).toEqual([]);
  } finally {
    core.close();
    removeDir(core.vaultDir);
  }

  async function firstChecklistItem(c: typeof core, phaseId: string): Promise<string> {
    const { plan } = await call(c, 'protocols.plan', {
      protocolId: 'nichd',
      ageYears: 7,
      language: 'en',
    });
    const phase = (
      plan.sessions[0]!.phases as unknown as Array<{ id: string; checklist: Array<{ id: string }> }>
    ).find((p) => p.id === phaseId)!;
    return phase.checklist[0]!.id;
  }
});

test('addenda are only for sealed sessions; each is signed and chained', async () => {
  const core = await vaultWithSession();
  try {
    expect(
      await callError(core, 'sessions.addAddendum', {
        sessionId: core.sessionId,
        text: 'too early',
      }),
    ).toMatchObject({ code: 'CONFLICT' });
    await call(core, 'sessions.finalize', { sessionId: core.sessionId });
    const a1 = await call(core, 'sessions.addAddendum', {
      sessionId: core.sessionId,
      text: 'first',
    });
    const a2 = await call(core, 'sessions.addAddendum', {
      sessionId: core.sessionId,
      text: 'second',
    });
    expect(a1.head).not.toBe(a2.head);
    expect(await call(core, 'sessions.verify', { sessionId: core.sessionId })).toEqual({
      ok: true,
    });
  } finally {
    core.close();
    removeDir(core.vaultDir);
  }
});

test('practice sessions: no case, their own trainee, listed by trainee, invisible to case roles', async () => {
  const core = await vaultWithSession();
  try {
    await call(core, 'users.add', {
      username: 'tina',
      displayName: 'Tina Trainee',
      role: 'interviewer',
      passphrase: 'trainee passphrase 1',
    });
    await call(core, 'users.add', {
      username: 'tess',
      displayName: 'Tess Trainer',
      role: 'trainer',
      passphrase: 'trainer passphrase 1',
    });
    await call(core, 'users.add', {
      username: 'rory',
      displayName: 'Rory Reviewer',
      role: 'reviewer',
      passphrase: 'reviewer passphrase 1',
    });
    expect(
      await callError(core, 'sessions.start', {
        caseId: core.caseId,
        protocolId: 'nichd',
        mode: 'practice',
        language: 'en',
        ageYears: 7,
      }),
    ).toMatchObject({
      code: 'INVALID_INPUT',
      message: expect.stringMatching(/never attach to a real case/),
    });
    await call(core, 'vault.unlock', { username: 'tina', passphrase: 'trainee passphrase 1' });
    const { sessionId } = await call(core, 'sessions.start', {
      protocolId: 'ten-step',
      mode: 'practice',
      language: 'es',
      ageYears: 10,
    });
    await call(core, 'sessions.addNote', {
      sessionId,
      kind: 'question',
      text: 'Cuéntame todo lo que pasó.',
    });

    await call(core, 'vault.unlock', { username: 'tess', passphrase: 'trainer passphrase 1' });
    const practice = await call(core, 'sessions.list', { mode: 'practice', trainee: 'tina' });
    expect(practice.sessions).toMatchObject([
      { sessionId, mode: 'practice', interviewer: 'tina', ageBand: '10-13' },
    ]);
    // Trainers never see live (case) sessions.
    expect(await callError(core, 'sessions.get', { sessionId: core.sessionId })).toMatchObject({
      code: 'FORBIDDEN',
    });
    expect(await callError(core, 'sessions.timeline', { sessionId: core.sessionId })).toMatchObject(
      { code: 'FORBIDDEN' },
    );
    // ...and cannot write into a trainee's practice session.
    expect(
      await callError(core, 'sessions.addNote', { sessionId, kind: 'question', text: 'x' }),
    ).toMatchObject({ code: 'FORBIDDEN' });

    // A reviewer reads live sessions but does not write to them, and sees no practice.
    await call(core, 'vault.unlock', { username: 'rory', passphrase: 'reviewer passphrase 1' });
    expect((await call(core, 'sessions.get', { sessionId: core.sessionId })).mode).toBe('live');
    expect(
      await callError(core, 'sessions.addNote', {
        sessionId: core.sessionId,
        kind: 'question',
        text: 'x',
      }),
    ).toMatchObject({ code: 'FORBIDDEN' });
    expect(await callError(core, 'sessions.get', { sessionId })).toMatchObject({
      code: 'FORBIDDEN',
    });
  } finally {
    core.close();
    removeDir(core.vaultDir);
  }
});

test('locking pauses an open session and unlocking resumes it; no interruption is reported', async () => {
  const core = await vaultWithSession();
  try {
    await call(core, 'sessions.addNote', {
      sessionId: core.sessionId,
      kind: 'question',
      text: 'Tell me about your day.',
    });
    await call(core, 'vault.lock', {});
    await call(core, 'vault.unlock', {
      username: 'admin',
      passphrase: 'correct horse battery staple',
    });
    await call(core, 'sessions.addNote', {
      sessionId: core.sessionId,
      kind: 'child',
      text: 'It was fine',
    });
    const types = (await timeline(core, core.sessionId)).map((e) => e.type);
    expect(types).toEqual(['session-started', 'note', 'paused', 'resumed', 'note']);
  } finally {
    core.close();
    removeDir(core.vaultDir);
  }
});
