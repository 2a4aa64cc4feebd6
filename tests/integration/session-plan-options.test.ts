// The plan screen's choices the case does not hold (break reminder, Ten Step's putative-confession
// decision) are kept with the session: sealed in its first event and returned by sessions.get and
// sessions.list after a lock and after the vault is closed and opened again, so a resumed session
// plans as it started and "Child named the person" (Alt+P) is still offered. A decision the plan
// refuses (outside the ages) is refused at start, and no session is left behind.
import { planSession } from '../../src/protocols';
import { ADMIN, call, callError, makeCore, makeVault, removeDir } from '../helpers/core';

jest.setTimeout(300_000);

const DECISION = {
  decidedBy: 'MDT with the prosecutor, 12 May',
  personNamed: 'this-interview',
} as const;
const CHOICES = { breakReminderMinutes: 25, putativeConfession: DECISION } as const;

/** What a screen plans for the session from its summary alone (as renderer/common/session-plan). */
const pcPromptIn = (summary: {
  protocolId: string;
  ageYears: number;
  planOptions?: {
    putativeConfession?: { decidedBy: string; personNamed: 'this-interview' };
    breakReminderMinutes?: number | null;
  };
}): boolean =>
  planSession(summary.protocolId, summary.ageYears, 'en', { ...summary.planOptions })
    .sessions.flatMap((s) => s.phases)
    .some((ph) => ph.prompts.some((p) => p.id === 'tenStep.putativeConfession'));

test('kept with the session across a lock and a reopen; the core plans with them', async () => {
  const first = await makeVault();
  const dir = first.vaultDir;
  let core = first;
  try {
    const { caseId } = await call(core, 'cases.create', {
      reference: 'KEEP-1',
      childAlias: 'Robin',
      childAgeYears: 7,
      language: 'en',
    });
    const { sessionId } = await call(core, 'sessions.start', {
      caseId,
      protocolId: 'ten-step',
      mode: 'live',
      language: 'en',
      planOptions: CHOICES,
    });
    const started = await call(core, 'sessions.get', { sessionId });
    expect(started.planOptions).toEqual(CHOICES);
    expect(pcPromptIn(started)).toBe(true);
    // A session started without choices keeps none, and plans without the option.
    const { sessionId: plain } = await call(core, 'sessions.start', {
      caseId,
      protocolId: 'ten-step',
      mode: 'live',
      language: 'en',
    });
    const plainSummary = await call(core, 'sessions.get', { sessionId: plain });
    expect(plainSummary.planOptions).toBeUndefined();
    expect(pcPromptIn(plainSummary)).toBe(false);

    await call(core, 'vault.lock', {});
    await call(core, 'vault.unlock', { username: ADMIN.username, passphrase: ADMIN.passphrase });
    expect((await call(core, 'sessions.get', { sessionId })).planOptions).toEqual(CHOICES);

    core.close();
    core = Object.assign(makeCore(dir), { recoveryKey: '' });
    await call(core, 'vault.unlock', { username: ADMIN.username, passphrase: ADMIN.passphrase });
    const reopened = await call(core, 'sessions.get', { sessionId });
    expect(reopened.planOptions).toEqual(CHOICES);
    expect(pcPromptIn(reopened)).toBe(true);
    const listed = (await call(core, 'sessions.list', { caseId })).sessions;
    expect(listed.find((s) => s.sessionId === sessionId)?.planOptions).toEqual(CHOICES);

    // The core plans with them too: the naming is marked and the session seals as usual.
    await call(core, 'sessions.markPersonNamed', { sessionId });
    const timeline = await call(core, 'sessions.timeline', { sessionId });
    expect(timeline.events[0]?.type).toBe('session-started');
    expect(timeline.events.map((e) => e.type)).toContain('person-named');
  } finally {
    core.close();
    removeDir(dir);
  }
});

test.each([3, 10, 15])(
  'a putative-confession decision for a child of %i is refused at start; nothing is written',
  async (age) => {
    const core = await makeVault();
    try {
      const { caseId } = await call(core, 'cases.create', {
        reference: `KEEP-${age}`,
        childAlias: 'Robin',
        childAgeYears: age,
        language: 'en',
      });
      const refused = await callError(core, 'sessions.start', {
        caseId,
        protocolId: 'ten-step',
        mode: 'live',
        language: 'en',
        planOptions: { putativeConfession: DECISION },
      });
      expect(refused.code).toBe('INVALID_INPUT');
      expect(refused.message).toMatch(/aged 4 to 9/);
      expect(refused.message).toMatch(/Plan the session without it/);
      expect((await call(core, 'sessions.list', { caseId })).sessions).toEqual([]);
      // The option belongs to Ten Step: on another protocol it is refused the same way.
      const other = await callError(core, 'sessions.start', {
        caseId,
        protocolId: 'nichd',
        mode: 'live',
        language: 'en',
        planOptions: { putativeConfession: DECISION },
      });
      expect(other.code).toBe('INVALID_INPUT');
    } finally {
      core.close();
      removeDir(core.vaultDir);
    }
  },
);
