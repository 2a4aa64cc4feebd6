// Issue #17 (extended interviews, NCAC EFI): sessions of one case linked in order as one
// interview; each knows it is "session k of n", sees what earlier sessions covered (phases, never
// content) and the rules for later sessions with their source; the link is sealed in each chain
// and appears in the session's export.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { call, callError, makeVault, removeDir, tempDir } from '../helpers/core';

jest.setTimeout(180_000);

test('three NCAC sessions linked as one extended interview', async () => {
  const core = await makeVault();
  const out = tempDir();
  try {
    const { caseId } = await call(core, 'cases.create', {
      reference: 'EFI-1',
      childAlias: 'Robin',
      childAgeYears: 6,
      language: 'en',
    });
    const start = async () =>
      (
        await call(core, 'sessions.start', {
          caseId,
          protocolId: 'ncac',
          mode: 'live',
          language: 'en',
        })
      ).sessionId;

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
    expect(noRepeat.source.basis).toEqual(['Katz & Hershkowitz, 2013', 'La Rooy et al., 2010']);
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
