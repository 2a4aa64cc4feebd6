// Issue #17 (extended interviews, NCAC EFI): sessions of one case linked in order as one
// interview; each knows it is "session k of n", sees what earlier sessions covered (phases, never
// content) and the rules for later sessions with their source; the link is sealed in each chain
// and appears in the session's export.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { call, callError, caseWithSessions, makeVault, removeDir, tempDir } from '../helpers/core';

jest.setTimeout(180_000);

test('three NCAC sessions linked as one extended interview', async () => {
  const core = await makeVault();
  const out = tempDir();
  try {
    const { caseId, start } = await caseWithSessions(core, {
      reference: 'EFI-1',
      childAlias: 'Robin',
      childAgeYears: 6,
      protocolId: 'ncac',
    });

    const first = await start();
    await call(core, 'sessions.linkExtended', { sessionId: first, plannedSessions: 3 });
    await call(core, 'sessions.enterPhase', { sessionId: first, phaseId: 'introductions' });
    await call(core, 'sessions.enterPhase', { sessionId: first, phaseId: 'earlyEngagement' });
    await call(core, 'sessions.addNote', {
      sessionId: first,
      kind: 'child',
      text: 'I like my red bike',
    });
    await call(core, 'sessions.finalize', { sessionId: first });

    const second = await start();
    await call(core, 'sessions.linkExtended', {
      sessionId: second,
      plannedSessions: 3,
      previousSessionId: first,
    });
    const view = await call(core, 'sessions.extendedInterview', { sessionId: second });
    expect(view).toMatchObject({ index: 2, planned: 3 });
    expect(view.sessions.map((s) => [s.index, s.status])).toEqual([
      [1, 'sealed'],
      [2, 'active'],
    ]);
    // What the first session covered: its phases, never its content.
    expect(view.sessions[0]!.phasesCovered.map((p) => p.id)).toEqual([
      'introductions',
      'earlyEngagement',
    ]);
    expect(view.sessions[0]!.phasesCovered[1]!.title).toBe('Early engagement');
    expect(JSON.stringify(view)).not.toContain('red bike');
    // Guidance for a later session: reconnect first; answered specific questions are not
    // repeated but invitations to tell again are (Katz & Hershkowitz 2013; La Rooy et al. 2010);
    // every rule cites NCAC's own extended-interview material.
    expect(view.guidance.phases[0]!.id).toBe('reconnect');
    expect(view.guidance.rules.map((r) => r.id)).toEqual([
      'rapportAgain',
      'noRepeat',
      'followDisclosure',
    ]);
    const noRepeat = view.guidance.rules.find((r) => r.id === 'noRepeat')!;
    expect(noRepeat.text).toMatch(/specific or option-posing questions the child already answered/);
    expect(noRepeat.text).toMatch(/open invitations to tell again are appropriate/i);
    expect(noRepeat.source.basis).toEqual([
      'Katz & Hershkowitz, 2013',
      'La Rooy et al., 2010',
      'Memon & Vartoukian, 1996',
    ]);
    for (const r of view.guidance.rules) expect(r.source.doc).toBe('ncac-efi');
    // NCAC's extended interview is for a child who has not disclosed despite concerns.
    expect(view.guidance.rules.find((r) => r.id === 'followDisclosure')!.text).toMatch(
      /has not told, despite concerns/,
    );

    // The first session's own view: session 1, no later-session rules.
    const firstView = await call(core, 'sessions.extendedInterview', { sessionId: first });
    expect(firstView).toMatchObject({ index: 1, planned: 3 });
    expect(firstView.guidance.rules).toEqual([]);

    // Bad links are refused with the fix, and write nothing.
    expect(
      await callError(core, 'sessions.linkExtended', {
        sessionId: second,
        plannedSessions: 3,
        previousSessionId: first,
      }),
    ).toMatchObject({ code: 'CONFLICT' });
    const third = await start();
    // A later session begins after the earlier one ended: the second is still open.
    const stillOpen = await callError(core, 'sessions.linkExtended', {
      sessionId: third,
      plannedSessions: 3,
      previousSessionId: second,
    });
    expect(stillOpen).toMatchObject({ code: 'INVALID_INPUT', fields: ['extended.previousOpen'] });
    expect(stillOpen.message).toMatch(/Finish and seal session 2 first/);
    await call(core, 'sessions.finalize', { sessionId: second });
    const wrongCount = await callError(core, 'sessions.linkExtended', {
      sessionId: third,
      plannedSessions: 4,
      previousSessionId: second,
    });
    expect(wrongCount.code).toBe('INVALID_INPUT');
    expect(wrongCount.message).toMatch(/planned with 3 sessions/);
    const tooMany = await callError(core, 'sessions.linkExtended', {
      sessionId: third,
      plannedSessions: 9,
    });
    expect(tooMany.code).toBe('INVALID_INPUT');
    expect(await callError(core, 'sessions.extendedInterview', { sessionId: third })).toMatchObject(
      { code: 'CONFLICT' },
    );
    await call(core, 'sessions.linkExtended', {
      sessionId: third,
      plannedSessions: 3,
      previousSessionId: second,
    });
    expect((await call(core, 'sessions.extendedInterview', { sessionId: third })).index).toBe(3);

    // A single-session protocol has no extended model.
    const { sessionId: tenStep } = await call(core, 'sessions.start', {
      caseId,
      protocolId: 'ten-step',
      mode: 'live',
      language: 'en',
    });
    expect(
      await callError(core, 'sessions.linkExtended', { sessionId: tenStep, plannedSessions: 2 }),
    ).toMatchObject({ code: 'INVALID_INPUT' });

    // The export of the first session names its place in the extended interview.
    const exported = await call(core, 'export.sealed', {
      sessionId: first,
      outDir: out,
      reason: 'efi',
    });
    const text = readFileSync(join(exported.path, 'transcript.txt'), 'utf8');
    expect(text).toMatch(/session 1 of 3 of extended interview ext_[0-9a-f]{32}/);
  } finally {
    core.close();
    removeDir(out);
  }
});

// The plan screen starts a session already linked (sessions.start { extended }): the link is
// checked before anything is written, so each refusal leaves no session behind, and names its
// rule for the screen (fields: extended.<rule>).
test('sessions.start with a link: checked first, refused with the rule, nothing left behind', async () => {
  const core = await makeVault();
  try {
    const newCase = async (reference: string) =>
      (
        await call(core, 'cases.create', {
          reference,
          childAlias: 'Robin',
          childAgeYears: 8,
          language: 'en',
        })
      ).caseId;
    const caseId = await newCase('EFI-2');
    const otherCase = await newCase('EFI-3');
    const start = (extra: Record<string, unknown> = {}, protocolId = 'nichd', c = caseId) =>
      core.invoke('sessions.start', {
        caseId: c,
        protocolId,
        mode: 'live',
        language: 'en',
        ...extra,
      });
    const count = async (c: string) =>
      (await call(core, 'sessions.list', { caseId: c, mode: 'live' })).sessions.length;

    const first = await call(core, 'sessions.start', {
      caseId,
      protocolId: 'nichd',
      mode: 'live',
      language: 'en',
      extended: { plannedSessions: 2 },
    });
    const listed = (await call(core, 'sessions.list', { caseId })).sessions[0]!;
    expect(listed.extended).toMatchObject({ index: 1, planned: 2 });
    await call(core, 'sessions.finalize', { sessionId: first.sessionId });

    const single = (
      await call(core, 'sessions.start', {
        caseId,
        protocolId: 'nichd',
        mode: 'live',
        language: 'en',
      })
    ).sessionId;
    await call(core, 'sessions.finalize', { sessionId: single });
    const elsewhere = (
      await call(core, 'sessions.start', {
        caseId: otherCase,
        protocolId: 'nichd',
        mode: 'live',
        language: 'en',
        extended: { plannedSessions: 2 },
      })
    ).sessionId;
    expect(await count(caseId)).toBe(2);

    const refused = async (extra: Record<string, unknown>, protocolId = 'nichd') => {
      const r = await start(extra, protocolId);
      if (r.ok) throw new Error('expected a refusal');
      return r.error;
    };
    // A session of another case.
    expect(
      await refused({ extended: { plannedSessions: 2, previousSessionId: elsewhere } }),
    ).toMatchObject({ code: 'INVALID_INPUT', fields: ['extended.otherCase'] });
    // A session sealed as a single interview cannot be numbered afterwards.
    const sealedSingle = await refused({
      extended: { plannedSessions: 2, previousSessionId: single },
    });
    expect(sealedSingle).toMatchObject({ fields: ['extended.notLinkedSealed'] });
    expect(sealedSingle.message).toMatch(/session 1 of a new extended interview/);
    // Another protocol than the earlier session's.
    expect(
      await refused(
        { extended: { plannedSessions: 2, previousSessionId: first.sessionId } },
        'abe',
      ),
    ).toMatchObject({ fields: ['extended.otherProtocol'] });
    // Beyond the protocol's session limit (NICHD: 3).
    expect(await refused({ extended: { plannedSessions: 4 } })).toMatchObject({
      fields: ['extended.planned'],
    });
    // Ten Step has no extended model.
    expect(await refused({ extended: { plannedSessions: 2 } }, 'ten-step')).toMatchObject({
      fields: ['extended.planned'],
    });
    expect(await count(caseId)).toBe(2);

    // The fitting link: session 2 of 2, then the series is complete.
    const second = (
      await call(core, 'sessions.start', {
        caseId,
        protocolId: 'nichd',
        mode: 'live',
        language: 'en',
        extended: { plannedSessions: 2, previousSessionId: first.sessionId },
      })
    ).sessionId;
    const view = await call(core, 'sessions.extendedInterview', { sessionId: second });
    expect(view).toMatchObject({ index: 2, planned: 2 });
    expect(view.sessions.map((s) => s.sessionId)).toEqual([first.sessionId, second]);
    for (const r of view.guidance.rules) expect(r.source.label).not.toBe('');
    expect(
      await refused({ extended: { plannedSessions: 2, previousSessionId: second } }),
    ).toMatchObject({ fields: ['extended.complete'] });
    expect(await count(caseId)).toBe(3);

    // An earlier session still open (not sealed) cannot be continued yet: nothing is written.
    const open = (
      await call(core, 'sessions.start', {
        caseId,
        protocolId: 'nichd',
        mode: 'live',
        language: 'en',
        extended: { plannedSessions: 3 },
      })
    ).sessionId;
    const early = await refused({ extended: { plannedSessions: 3, previousSessionId: open } });
    expect(early).toMatchObject({ code: 'INVALID_INPUT', fields: ['extended.previousOpen'] });
    expect(early.message).toMatch(/Finish and seal session 1 first/);
    expect(await count(caseId)).toBe(4);
  } finally {
    core.close();
  }
});
