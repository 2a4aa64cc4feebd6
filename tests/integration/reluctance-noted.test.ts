// Practitioner review 7, P7-1: the interviewer notes that the child is reluctant (the live
// screen's "Child reluctant", Alt+L). The note is a sealed chained event with the phase it was
// noted in; the timeline and the exported transcript show it like any session event (en, es);
// the guidance reducer, fed the renderer's own events, offers support first, withholds the
// escalating transition prompts and shows "close warmly"; and a later session of the extended
// interview sees "reluctance noted in session 1" in its continuity and starts with support.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { planSessionAt, reduceGuidance, type GuidanceEvent } from '../../src/protocols';
import { call, callError, makeVault, removeDir, tempDir } from '../helpers/core';
import { startExtendedSession } from '../helpers/sessions';

jest.setTimeout(300_000);

const LINES = {
  en: {
    open: 'Tell me why you came to talk to me today.',
    child: "I don't know.",
    word: 'Child reluctant',
  },
  es: {
    open: 'Cuéntame por qué viniste a hablar conmigo hoy.',
    child: 'No sé.',
    word: 'Reticencia de la persona entrevistada (según lo anotó quien entrevista)',
  },
} as const;

describe.each(['en', 'es'] as const)('reluctance noted (%s)', (language) => {
  test('sealed, exported, carried into session 2', async () => {
    const core = await makeVault();
    const out = tempDir();
    try {
      const { caseId, sessionId: first } = await startExtendedSession(
        core,
        `REL-${language}`,
        language,
      );
      await call(core, 'sessions.enterPhase', { sessionId: first, phaseId: 'transition' });
      await call(core, 'sessions.addNote', {
        sessionId: first,
        kind: 'question',
        text: LINES[language].open,
      });
      await call(core, 'sessions.addNote', {
        sessionId: first,
        kind: 'child',
        text: LINES[language].child,
      });
      const ack = await call(core, 'sessions.markReluctance', { sessionId: first });
      expect(ack.elapsedMs).toBeGreaterThanOrEqual(0);

      const timeline = await call(core, 'sessions.timeline', { sessionId: first });
      const noted = timeline.events.filter((e) => e.type === 'reluctance-noted');
      expect(noted).toHaveLength(1);
      expect(noted[0]).toMatchObject({ phaseId: 'transition', elapsedMs: ack.elapsedMs });
      // The chain verifies with the new event in it.
      await call(core, 'sessions.finalize', { sessionId: first });
      expect(await call(core, 'sessions.verify', { sessionId: first })).toMatchObject({ ok: true });
      // A sealed session takes no more notes of reluctance.
      expect(await callError(core, 'sessions.markReluctance', { sessionId: first })).toMatchObject({
        code: 'SESSION_SEALED',
      });

      // The export shows it in the interview's language, with the phase it was noted in.
      const exported = await call(core, 'export.sealed', {
        sessionId: first,
        outDir: out,
        reason: 'p7-1',
      });
      const text = readFileSync(join(exported.path, 'transcript.txt'), 'utf8');
      const lines = text.split('\n');
      const at = lines.findIndex((l) => l.includes(LINES[language].word));
      expect(at).toBeGreaterThan(-1);
      // The event's line, then its body: the phase it was noted in.
      expect(lines.slice(at, at + 2).join('\n')).toMatch(
        language === 'en' ? /Transition/ : /Transici[oó]n/,
      );
      expect(
        await call(core, 'export.verify', {
          path: exported.path,
          publicKey: (await call(core, 'keys.centrePublicKey', {})).publicKey,
        }),
      ).toMatchObject({ valid: true });

      // Session 2: its continuity carries the reluctance with its time and phase.
      const { sessionId: second } = await call(core, 'sessions.start', {
        caseId,
        protocolId: 'nichd',
        mode: 'live',
        language,
        extended: { plannedSessions: 2, previousSessionId: first },
      });
      const continuity = await call(core, 'sessions.continuity', { sessionId: second });
      expect(continuity.sessions[0]?.reluctanceNoted).toEqual([
        { elapsedMs: ack.elapsedMs, phaseId: 'transition', phaseTitle: expect.any(String) },
      ]);
      // The team break is its own line, never in the account group (P7-6).
      const notReached = continuity.sessions[0]?.phasesNotReached ?? [];
      const brk = notReached.find((p) => p.id === 'break');
      expect(brk).toMatchObject({ teamBreak: true, substantive: false });

      // Session 2's guidance, started reluctant as the renderer starts it: a supportive statement
      // is offered from the reconnect phase on.
      const plan = planSessionAt('nichd', 8, language, {}, { index: 2, planned: 2 });
      const events: GuidanceEvent[] = [
        { type: 'session-started', elapsedMs: 0 },
        { type: 'reluctance-noted', elapsedMs: 0, earlierSession: 1 },
      ];
      const view = reduceGuidance(plan, events, 1000);
      expect(view.currentPhase?.id).toBe('reconnect');
      expect(view.reluctance).toMatchObject({ active: true, notedCount: 0, carriedFromSession: 1 });
      expect(view.nextPrompts[0]?.source).toBe('supportive');
    } finally {
      core.close();
      removeDir(out);
    }
  });
});
