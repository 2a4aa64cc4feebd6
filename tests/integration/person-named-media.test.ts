// Practitioner review 8, P8-2 and P8-3 through the core: "Child named the person" is a sealed
// `person-named` event with the phase, withdrawn only by a `person-named-withdrawn` event that
// follows it (nothing to withdraw is CONFLICT); a media aid recorded from the live screen is a
// sealed `media-aid` event with the protocol's stance. Both reach the exported transcript with
// their time, in rendition 4's wording (en, es), and the bundle still verifies.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { call, callError, makeVault, removeDir, tempDir } from '../helpers/core';

jest.setTimeout(300_000);

const WORDS = {
  en: {
    named: 'The child named the person (recorded by the interviewer when it happened)',
    withdrawn: 'Child named the person withdrawn',
    media: 'used: body diagram (protocol stance: only after a verbal disclosure)',
  },
  es: {
    named: 'La persona entrevistada nombró a la persona',
    withdrawn: 'Anotación “nombró a la persona” retirada',
    media: 'diagrama corporal (postura del protocolo: solo después de una revelación verbal)',
  },
} as const;

describe.each(['en', 'es'] as const)('person named and media aid (%s)', (language) => {
  test('sealed, in order, exported with their time', async () => {
    const core = await makeVault();
    const out = tempDir();
    try {
      const { caseId } = await call(core, 'cases.create', {
        reference: `P8-${language}`,
        childAlias: 'Robin',
        childAgeYears: 8,
        language,
      });
      const { sessionId } = await call(core, 'sessions.start', {
        caseId,
        protocolId: 'ncac',
        mode: 'live',
        language,
      });
      const none = await callError(core, 'sessions.withdrawPersonNamed', { sessionId });
      expect(none.code).toBe('CONFLICT');
      expect(none.message).toMatch(/no "Child named the person" to withdraw/);

      await call(core, 'sessions.markPersonNamed', { sessionId });
      await call(core, 'sessions.withdrawPersonNamed', { sessionId });
      await call(core, 'sessions.markPersonNamed', { sessionId });
      await call(core, 'sessions.recordMedia', {
        sessionId,
        action: 'used',
        aid: 'body-diagram',
        note: 'to clarify the word the child used',
      });
      const timeline = await call(core, 'sessions.timeline', { sessionId });
      const marks = timeline.events.filter((e) => e.type !== 'session-started');
      expect(marks.map((e) => e.type)).toEqual([
        'person-named',
        'person-named-withdrawn',
        'person-named',
        'media-aid',
      ]);
      // Each carries the phase it was recorded in (the plan's first, no phase entered yet).
      expect(marks[0]?.phaseId).toBeDefined();

      await call(core, 'sessions.finalize', { sessionId });
      const exported = await call(core, 'export.sealed', { sessionId, outDir: out, reason: 'p8' });
      const text = readFileSync(join(exported.path, 'transcript.txt'), 'utf8');
      const named = text.indexOf(WORDS[language].named);
      const withdrawn = text.indexOf(WORDS[language].withdrawn);
      expect(named).toBeGreaterThan(-1);
      expect(withdrawn).toBeGreaterThan(named);
      expect(text.indexOf(WORDS[language].named, withdrawn)).toBeGreaterThan(withdrawn);
      const mediaLine = text.split('\n').find((l) => l.includes(WORDS[language].media));
      expect(mediaLine).toMatch(/to clarify the word the child used/);
      // The naming's line carries its session time (mm:ss), as every event line does.
      const namedLine = text.split('\n').find((l) => l.includes(WORDS[language].named));
      expect(namedLine).toMatch(/\d{1,2}:\d{2}/);
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
