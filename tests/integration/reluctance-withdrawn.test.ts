// Newcomer 7, finding 3: a mistaken "Child reluctant" press (Alt+L) is undone like a phase change
// (Alt+Z), and the record stays honest: the `reluctance-noted` event stays in the sealed chain and
// a `reluctance-withdrawn` event follows it, in the timeline and the exported transcript (en, es,
// rendition 4's wording). A later session's continuity does not carry a withdrawn press; the
// guidance ends the reluctance it started. Nothing to withdraw is a clear CONFLICT.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { planSession, reduceGuidance, type GuidanceEvent } from '../../src/protocols';
import { call, callError, makeVault, removeDir, tempDir } from '../helpers/core';
import { startExtendedSession } from '../helpers/sessions';

jest.setTimeout(300_000);

const WORDS = {
  en: { noted: 'Child reluctant (noted', withdrawn: 'Child reluctant withdrawn' },
  es: {
    noted: 'Reticencia de la persona entrevistada',
    withdrawn: 'Anotación de reticencia retirada',
  },
} as const;

describe.each(['en', 'es'] as const)('reluctance withdrawn (%s)', (language) => {
  test('kept in the record, exported, not carried', async () => {
    const core = await makeVault();
    const out = tempDir();
    try {
      const { caseId, sessionId: first } = await startExtendedSession(
        core,
        `WDR-${language}`,
        language,
      );
      // Nothing noted yet: nothing to withdraw, and the refusal says so.
      const none = await callError(core, 'sessions.withdrawReluctance', { sessionId: first });
      expect(none.code).toBe('CONFLICT');
      expect(none.message).toMatch(/no "Child reluctant" to withdraw/);

      await call(core, 'sessions.enterPhase', { sessionId: first, phaseId: 'transition' });
      await call(core, 'sessions.markReluctance', { sessionId: first });
      await call(core, 'sessions.withdrawReluctance', { sessionId: first });
      // One press, one withdrawal: a second withdrawal is refused.
      expect(
        (await callError(core, 'sessions.withdrawReluctance', { sessionId: first })).code,
      ).toBe('CONFLICT');
      const timeline = await call(core, 'sessions.timeline', { sessionId: first });
      const types = timeline.events.map((e) => e.type);
      expect(types.filter((t) => t === 'reluctance-noted')).toHaveLength(1);
      expect(types.filter((t) => t === 'reluctance-withdrawn')).toHaveLength(1);
      expect(types.indexOf('reluctance-withdrawn')).toBeGreaterThan(
        types.indexOf('reluctance-noted'),
      );

      await call(core, 'sessions.finalize', { sessionId: first });
      expect(await call(core, 'sessions.verify', { sessionId: first })).toMatchObject({ ok: true });
      const exported = await call(core, 'export.sealed', {
        sessionId: first,
        outDir: out,
        reason: 'newcomer7-3',
      });
      const text = readFileSync(join(exported.path, 'transcript.txt'), 'utf8');
      const noted = text.indexOf(WORDS[language].noted);
      const withdrawn = text.indexOf(WORDS[language].withdrawn);
      expect(noted).toBeGreaterThan(-1);
      expect(withdrawn).toBeGreaterThan(noted);
      expect(
        await call(core, 'export.verify', {
          path: exported.path,
          publicKey: (await call(core, 'keys.centrePublicKey', {})).publicKey,
        }),
      ).toMatchObject({ valid: true });

      const { sessionId: second } = await call(core, 'sessions.start', {
        caseId,
        protocolId: 'nichd',
        mode: 'live',
        language,
        extended: { plannedSessions: 2, previousSessionId: first },
      });
      const continuity = await call(core, 'sessions.continuity', { sessionId: second });
      expect(continuity.sessions[0]?.reluctanceNoted).toEqual([]);
    } finally {
      core.close();
      removeDir(out);
    }
  });
});

test('the guidance ends a reluctance whose only press was withdrawn, and keeps a second one', () => {
  const plan = planSession('nichd', 8, 'en', {});
  const base: GuidanceEvent[] = [
    { type: 'session-started', elapsedMs: 0 },
    { type: 'phase-entered', phaseId: 'transition', elapsedMs: 1000 },
    { type: 'reluctance-noted', elapsedMs: 2000 },
  ];
  const undone = reduceGuidance(
    plan,
    [...base, { type: 'reluctance-withdrawn', elapsedMs: 3000 }],
    4000,
  );
  expect(undone.reluctance.active).toBe(false);
  const twice = reduceGuidance(
    plan,
    [
      ...base,
      { type: 'reluctance-noted', elapsedMs: 2500 },
      { type: 'reluctance-withdrawn', elapsedMs: 3000 },
    ],
    4000,
  );
  expect(twice.reluctance).toMatchObject({ active: true, notedCount: 1 });
});
