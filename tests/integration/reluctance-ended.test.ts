// Issue #18 (review B3/E2): reluctance noted in session 1 of an extended interview holds into
// session 2 until the interviewer records that it ended (revised NICHD protocol; Hershkowitz et
// al. 2021). sessions.continuity says where it came from (session 1, its start); the interviewer's
// "Reluctance ended" (sessions.endReluctance) is a sealed, audited `reluctance-ended` event naming
// the session it was carried from; it is refused, with a code and a next step, on a sealed
// session, to anyone but the session's interviewer, and when no reluctance holds. The exported
// transcript labels it in the interview's language.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ADMIN, call, callError, makeVault, removeDir, tempDir } from '../helpers/core';
import { startExtendedSession } from '../helpers/sessions';

jest.setTimeout(300_000);

const WORDS = {
  en: {
    ended: 'Reluctance ended (recorded by the interviewer)',
    from: 'reluctance carried from session 1',
  },
  es: {
    ended: 'Fin de la reticencia de la persona entrevistada (según lo anotó quien entrevista)',
    from: 'reticencia que venía de la sesión 1',
  },
} as const;

describe.each(['en', 'es'] as const)('reluctance ended (%s)', (language) => {
  test('carried into session 2 with its source, ended there, audited, exported', async () => {
    const core = await makeVault();
    const out = tempDir();
    try {
      const { caseId, sessionId: first } = await startExtendedSession(
        core,
        `END-${language}`,
        language,
      );
      await call(core, 'sessions.enterPhase', { sessionId: first, phaseId: 'transition' });
      const noted = await call(core, 'sessions.markReluctance', { sessionId: first });
      await call(core, 'sessions.finalize', { sessionId: first });
      const firstSummary = await call(core, 'sessions.get', { sessionId: first });
      // A sealed session takes no "Reluctance ended": the refusal names the next step.
      const sealed = await callError(core, 'sessions.endReluctance', { sessionId: first });
      expect(sealed.code).toBe('SESSION_SEALED');
      expect(sealed.message).toMatch(/addendum/);

      const { sessionId: second } = await call(core, 'sessions.start', {
        caseId,
        protocolId: 'nichd',
        mode: 'live',
        language,
        extended: { plannedSessions: 2, previousSessionId: first },
      });
      const continuity = await call(core, 'sessions.continuity', { sessionId: second });
      expect(continuity.reluctance).toEqual({
        session: 1,
        sessionId: first,
        startedAt: firstSummary.startedAt,
        notedAtMs: noted.elapsedMs,
      });

      const ended = await call(core, 'sessions.endReluctance', { sessionId: second });
      const timeline = await call(core, 'sessions.timeline', { sessionId: second });
      const event = timeline.events.find((e) => e.type === 'reluctance-ended');
      expect(event).toMatchObject({ seq: ended.seq, fromSession: 1, phaseId: expect.any(String) });
      // Ended once: nothing holds any more, so a second press is a CONFLICT and writes nothing.
      const again = await callError(core, 'sessions.endReluctance', { sessionId: second });
      expect(again.code).toBe('CONFLICT');
      expect(again.message).toMatch(/no reluctance to end.*Nothing was changed.*Child reluctant/s);
      expect((await call(core, 'sessions.timeline', { sessionId: second })).events).toHaveLength(
        timeline.events.length,
      );
      // Audited like every session write.
      const audit = (await call(core, 'audit.list', {})).entries;
      expect(
        audit.filter((e) => e.action === 'sessions.endReluctance' && e.target === second),
      ).toHaveLength(1);

      await call(core, 'sessions.finalize', { sessionId: second });
      expect(await call(core, 'sessions.verify', { sessionId: second })).toMatchObject({
        ok: true,
      });
      const exported = await call(core, 'export.sealed', {
        sessionId: second,
        outDir: out,
        reason: 'rel28',
      });
      const text = readFileSync(join(exported.path, 'transcript.txt'), 'utf8');
      const lines = text.split('\n');
      const at = lines.findIndex((l) => l.includes(WORDS[language].ended));
      expect(at).toBeGreaterThan(-1);
      expect(lines.slice(at, at + 2).join('\n')).toContain(WORDS[language].from);
      expect(
        await call(core, 'export.verify', {
          path: exported.path,
          publicKey: (await call(core, 'keys.centrePublicKey', {})).publicKey,
        }),
      ).toMatchObject({ valid: true });
    } finally {
      core.close();
      removeDir(out);
    }
  });
});

test('refused to a colleague, and when no reluctance holds; a press of this session is ended without a source', async () => {
  const core = await makeVault();
  try {
    const { sessionId } = await startExtendedSession(core, 'END-REFUSE', 'en');
    // Nothing noted here, nothing earlier: CONFLICT, with the next step, and nothing written.
    const before = (await call(core, 'sessions.timeline', { sessionId })).events.length;
    const none = await callError(core, 'sessions.endReluctance', { sessionId });
    expect(none.code).toBe('CONFLICT');
    expect(none.message).toMatch(/press "Child reluctant" \(Alt\+L\)/);
    expect((await call(core, 'sessions.timeline', { sessionId })).events).toHaveLength(before);

    await call(core, 'sessions.markReluctance', { sessionId });
    await call(core, 'users.add', {
      username: 'ivan',
      displayName: 'Ivan',
      role: 'interviewer',
      passphrase: 'a long enough staff passphrase',
    });
    await call(core, 'vault.lock', {});
    await call(core, 'vault.unlock', {
      username: 'ivan',
      passphrase: 'a long enough staff passphrase',
    });
    // Only the session's interviewer records that the child's reluctance ended.
    expect((await callError(core, 'sessions.endReluctance', { sessionId })).code).toBe('FORBIDDEN');
    await call(core, 'vault.lock', {});
    await call(core, 'vault.unlock', { username: ADMIN.username, passphrase: ADMIN.passphrase });

    await call(core, 'sessions.endReluctance', { sessionId });
    const events = (await call(core, 'sessions.timeline', { sessionId })).events;
    const ended = events.find((e) => e.type === 'reluctance-ended');
    expect(ended).toBeDefined();
    expect(ended!.fromSession).toBeUndefined();
    expect(events.filter((e) => e.type === 'reluctance-noted')).toHaveLength(1);
    // The refusal to the colleague is in the audit log; the end is written once.
    const audit = (await call(core, 'audit.list', {})).entries;
    expect(audit.filter((e) => e.action === 'sessions.endReluctance')).toHaveLength(1);
    expect(
      audit.some(
        (e) => e.actor === 'ivan' && /refus/i.test(e.action + JSON.stringify(e.detail ?? {})),
      ),
    ).toBe(true);
  } finally {
    core.close();
  }
});

test('carried through a session that neither noted nor ended it, and not after it ended', async () => {
  const core = await makeVault();
  try {
    const { caseId } = await call(core, 'cases.create', {
      reference: 'END-3',
      childAlias: 'Robin',
      childAgeYears: 8,
      language: 'en',
    });
    const start = async (previousSessionId?: string) =>
      (
        await call(core, 'sessions.start', {
          caseId,
          protocolId: 'nichd',
          mode: 'live',
          language: 'en',
          extended: { plannedSessions: 3, ...(previousSessionId ? { previousSessionId } : {}) },
        })
      ).sessionId;
    const s1 = await start();
    await call(core, 'sessions.markReluctance', { sessionId: s1 });
    await call(core, 'sessions.finalize', { sessionId: s1 });
    const s2 = await start(s1);
    await call(core, 'sessions.addNote', { sessionId: s2, kind: 'question', text: 'How are you?' });
    await call(core, 'sessions.finalize', { sessionId: s2 });
    const s3 = await start(s2);
    expect((await call(core, 'sessions.continuity', { sessionId: s3 })).reluctance).toMatchObject({
      session: 1,
      sessionId: s1,
    });
    // Ended in session 3: the sealed event names session 1, where the reluctance came from.
    await call(core, 'sessions.endReluctance', { sessionId: s3 });
    const ended = (await call(core, 'sessions.timeline', { sessionId: s3 })).events.find(
      (e) => e.type === 'reluctance-ended',
    );
    expect(ended?.fromSession).toBe(1);
  } finally {
    core.close();
  }
});
