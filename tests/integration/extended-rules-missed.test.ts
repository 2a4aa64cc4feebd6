// Practitioner review 11, P11-2: when session 1 of an extended interview ended before the ground
// rules (a reluctant child closed warmly in rapport), session 2 plans the full ground rules after
// reconnect, recorded in its sealed link, so the child is never "reminded" of rules never given;
// once given, the next session goes back to the reminder.
import { call, callError, caseWithSessions, makeVault, removeDir } from '../helpers/core';

jest.setTimeout(180_000);

test('NICHD: session 2 gives the ground rules session 1 never reached; session 3 does not', async () => {
  const core = await makeVault();
  try {
    const { start } = await caseWithSessions(core, {
      reference: 'EXT-RULES',
      childAlias: 'Sam',
      childAgeYears: 7,
      protocolId: 'nichd',
    });
    const first = await start();
    await call(core, 'sessions.linkExtended', { sessionId: first, plannedSessions: 3 });
    await call(core, 'sessions.enterPhase', { sessionId: first, phaseId: 'rapport' });
    await call(core, 'sessions.finalize', { sessionId: first });

    const second = await start();
    await call(core, 'sessions.linkExtended', {
      sessionId: second,
      plannedSessions: 3,
      previousSessionId: first,
    });
    const summary = await call(core, 'sessions.get', { sessionId: second });
    expect(summary.extended).toMatchObject({
      index: 2,
      rulesPhasesNotReached: ['groundRules', 'narrativePractice'],
    });
    // The core accepts the full rules phases in session 2: they are in its plan.
    await call(core, 'sessions.enterPhase', { sessionId: second, phaseId: 'reconnect' });
    await call(core, 'sessions.enterPhase', { sessionId: second, phaseId: 'groundRules' });
    await call(core, 'sessions.enterPhase', { sessionId: second, phaseId: 'narrativePractice' });
    await call(core, 'sessions.finalize', { sessionId: second });

    const third = await start();
    await call(core, 'sessions.linkExtended', {
      sessionId: third,
      plannedSessions: 3,
      previousSessionId: second,
    });
    expect((await call(core, 'sessions.get', { sessionId: third })).extended).not.toHaveProperty(
      'rulesPhasesNotReached',
    );
    // Session 2 gave them: session 3 reminds, and has no ground-rules phase to enter.
    expect(
      await callError(core, 'sessions.enterPhase', { sessionId: third, phaseId: 'groundRules' }),
    ).toMatchObject({ code: 'INVALID_INPUT' });
  } finally {
    core.close();
    removeDir(core.vaultDir);
  }
});
