// Issue #17, extended interviews: session k of an extended interview is guided, checked and
// exported with ITS session's plan (the one the plan screen previewed: a later NICHD session opens
// with "reconnect"), read from the place its own sealed chain records, so a lock and unlock gives
// the same plan; and it sees a continuity summary of the earlier sealed sessions (topics the child
// raised, the child's words as recorded, phases covered, what remains), read through the core.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Core } from '../../../src/api/core';
import { ADMIN, call, callError, makeVault, removeDir, tempDir } from '../../helpers/core';

jest.setTimeout(300_000);

const WORDS = {
  en: {
    child: 'We went down to the basement.',
    keyword: 'basement',
    phrase: 'the basement',
    reconnect: 'Reconnecting',
  },
  es: {
    child: 'Fuimos al sótano.',
    keyword: 'sótano',
    phrase: 'el sótano',
    reconnect: 'Reencuentro',
  },
} as const;
type Lang = keyof typeof WORDS;

async function firstSession(core: Core, caseId: string, language: Lang) {
  const { sessionId } = await call(core, 'sessions.start', {
    caseId,
    protocolId: 'nichd',
    mode: 'live',
    language,
    extended: { plannedSessions: 2 },
  });
  await call(core, 'sessions.enterPhase', { sessionId, phaseId: 'rapport' });
  await call(core, 'sessions.addNote', {
    sessionId,
    kind: 'child',
    text: WORDS[language].child,
    keywords: [WORDS[language].keyword],
  });
  await call(core, 'sessions.finalize', { sessionId });
  return sessionId;
}

test.each(['en', 'es'] as const)(
  '%s: session 2 follows its own plan, sees the continuity summary, exports as session 2 of 2',
  async (language) => {
    const core = await makeVault();
    const out = tempDir('hearth-ext-plan-');
    try {
      const { caseId } = await call(core, 'cases.create', {
        reference: `EXT-PLAN-${language}`,
        childAlias: 'Ana',
        childAgeYears: 8,
        language,
      });
      const first = await firstSession(core, caseId, language);
      const { sessionId: second } = await call(core, 'sessions.start', {
        caseId,
        protocolId: 'nichd',
        mode: 'live',
        language,
        extended: { plannedSessions: 2, previousSessionId: first },
      });

      // The later session's own phases: "reconnect" (not part of a single-session plan) is a
      // phase of session 2, and the single-session phases it does not plan are refused. (Session 1
      // ended in rapport, so session 2 does plan the ground rules in full: P11-2; the rapport
      // phase it does not plan.)
      await call(core, 'sessions.enterPhase', { sessionId: second, phaseId: 'reconnect' });
      expect(
        await callError(core, 'sessions.enterPhase', { sessionId: second, phaseId: 'rapport' }),
      ).toMatchObject({ code: 'INVALID_INPUT' });
      const { sessionId: single } = await call(core, 'sessions.start', {
        caseId,
        protocolId: 'nichd',
        mode: 'live',
        language,
      });
      expect(
        await callError(core, 'sessions.enterPhase', { sessionId: single, phaseId: 'reconnect' }),
      ).toMatchObject({ code: 'INVALID_INPUT' });

      // The continuity summary: the first session's topics and the child's words as recorded.
      const continuity = await call(core, 'sessions.continuity', { sessionId: second });
      expect(continuity).toMatchObject({ index: 2, planned: 2 });
      expect(continuity.sessions).toHaveLength(1);
      const earlier = continuity.sessions[0]!;
      expect(earlier).toMatchObject({
        sessionId: first,
        index: 1,
        interviewer: ADMIN.username,
        topics: [{ keyword: WORDS[language].keyword, phrase: WORDS[language].phrase }],
      });
      expect(earlier.childWords.map((w) => w.text)).toEqual([WORDS[language].child]);
      expect(earlier.phasesCovered.map((p) => p.id)).toEqual(['introduction', 'rapport']);
      // What remains: the phases of session 1's plan not reached, and required items left open.
      const notReached = new Map(earlier.phasesNotReached.map((p) => [p.id, p.optional]));
      expect(notReached.get('closing')).toBe(false);
      expect(notReached.has('rapport')).toBe(false);
      expect(earlier.leftOpen.length).toBeGreaterThan(0);
      // Session 1 and a single session have no earlier sessions, so no reluctance carried in.
      expect((await call(core, 'sessions.continuity', { sessionId: first })).sessions).toEqual([]);
      expect(await call(core, 'sessions.continuity', { sessionId: single })).toEqual({
        index: 1,
        planned: 1,
        sessions: [],
        reluctance: null,
      });

      // After a lock and unlock the session is read again from the vault: same plan.
      await call(core, 'vault.lock', {});
      await call(core, 'vault.unlock', { username: ADMIN.username, passphrase: ADMIN.passphrase });
      await call(core, 'sessions.enterPhase', { sessionId: second, phaseId: 'transition' });
      await call(core, 'sessions.enterPhase', { sessionId: second, phaseId: 'reconnect' });
      await call(core, 'sessions.finalize', { sessionId: second });

      // The export names session 2 of 2 and prints session 2's phases (reconnect first).
      const exported = await call(core, 'export.sealed', {
        sessionId: second,
        outDir: out,
        reason: 'efi',
      });
      const doc = JSON.parse(readFileSync(join(exported.path, 'transcript.json'), 'utf8')) as {
        firstPhase?: { phaseId: string; title: string };
      };
      expect(doc.firstPhase?.phaseId).toBe('reconnect');
      const text = readFileSync(join(exported.path, 'transcript.txt'), 'utf8');
      expect(text).toContain(WORDS[language].reconnect);
      expect(text).not.toMatch(/\breconnect\b/);
      expect(text).toMatch(
        language === 'en'
          ? /session 2 of 2 of extended interview ext_[0-9a-f]{32}/
          : /sesión 2 de 2 de la entrevista extendida ext_[0-9a-f]{32}/,
      );
    } finally {
      core.close();
      removeDir(out);
    }
  },
);
