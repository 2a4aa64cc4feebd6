// Practitioner review 5, N0: in a later session of an extended interview the protocol's own
// reconnect line ("Last time you told me about [X]. Tell me more about [X]." / "La otra vez me
// contaste sobre [X]...") quotes what the child said in an earlier session. The coach's context
// (live classify, the observers' decision, the sealed export) holds the child turns of the
// earlier linked sessions of the same extended interview, so the line is a cued invitation there,
// while the same line in a session that is not linked (or in another case) is still flagged.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Core } from '../../src/api/core';
import { call, makeVault, removeDir, tempDir } from '../helpers/core';

jest.setTimeout(300_000);

const LINES = {
  en: {
    earlier: 'We went down to the basement.',
    reconnect: 'Last time you told me about the basement. Tell me more about the basement.',
    later: "I don't know.",
  },
  es: {
    earlier: 'Fuimos al sótano.',
    reconnect: 'La otra vez me contaste sobre el sótano. Cuéntame más sobre el sótano.',
    later: 'No sé.',
  },
} as const;
type Lang = keyof typeof LINES;

async function newCase(core: Core, reference: string, language: Lang) {
  return (
    await call(core, 'cases.create', { reference, childAlias: 'Ana', childAgeYears: 8, language })
  ).caseId;
}

async function start(core: Core, caseId: string, language: Lang, previousSessionId: string) {
  return (
    await call(core, 'sessions.start', {
      caseId,
      protocolId: 'nichd',
      mode: 'live',
      language,
      extended: { plannedSessions: 2, previousSessionId },
    })
  ).sessionId;
}

/** A first session (linked as session 1 of 2, or single) whose child named the basement, sealed. */
async function sealedFirstSession(core: Core, caseId: string, language: Lang, linked: boolean) {
  const { sessionId } = await call(core, 'sessions.start', {
    caseId,
    protocolId: 'nichd',
    mode: 'live',
    language,
    ...(linked ? { extended: { plannedSessions: 2 } } : {}),
  });
  await call(core, 'sessions.addNote', {
    sessionId,
    kind: 'question',
    text: 'Tell me everything.',
  });
  await call(core, 'sessions.addNote', { sessionId, kind: 'child', text: LINES[language].earlier });
  await call(core, 'sessions.finalize', { sessionId });
  return sessionId;
}

async function liveCoding(core: Core, sessionId: string, language: Lang) {
  return call(core, 'questions.classify', {
    sessionId,
    language,
    text: LINES[language].reconnect,
    stage: 'pre-substantive',
  });
}

/** Asks the reconnect line, then records a child turn (so the record types child turns), seals. */
async function askAndSeal(core: Core, sessionId: string, language: Lang) {
  await call(core, 'sessions.addNote', {
    sessionId,
    kind: 'question',
    text: LINES[language].reconnect,
  });
  await call(core, 'sessions.addNote', { sessionId, kind: 'child', text: LINES[language].later });
  await call(core, 'sessions.finalize', { sessionId });
}

async function exportedCoding(core: Core, sessionId: string, out: string, text: string) {
  const { path } = await call(core, 'export.sealed', {
    sessionId,
    outDir: out,
    choices: { includeCoding: true },
  });
  const transcript = JSON.parse(readFileSync(join(path, 'transcript.json'), 'utf8')) as {
    events: Array<{
      kind?: string;
      text?: string;
      coding?: { type: string; recommended: boolean };
    }>;
  };
  return transcript.events.find((e) => e.kind === 'question' && e.text === text)?.coding;
}

test.each(['en', 'es'] as const)(
  '%s: the reconnect line on a session-1 word is a cued invitation in session 2, flagged elsewhere',
  async (language) => {
    const core = await makeVault();
    const out = tempDir('hearth-ext-coding-');
    try {
      const caseId = await newCase(core, `EXT-${language}`, language);
      const first = await sealedFirstSession(core, caseId, language, true);
      const second = await start(core, caseId, language, first);

      // What the core hands the live screen: session 1's child turn, never another case's.
      expect(await call(core, 'sessions.earlierChildWords', { sessionId: second })).toEqual({
        sessionIds: [first],
        words: [LINES[language].earlier],
      });
      expect(await call(core, 'sessions.earlierChildWords', { sessionId: first })).toEqual({
        sessionIds: [],
        words: [],
      });

      // Live, at the start of session 2 (no child turn typed yet): known context, cued invitation.
      expect(await liveCoding(core, second, language)).toMatchObject({
        type: 'cued-invitation',
        recommended: true,
      });
      // The team's suggestion of the same line is recorded without a reason: the coach agrees.
      const { suggestionId } = await call(core, 'observers.suggest', {
        sessionId: second,
        role: 'cps',
        text: LINES[language].reconnect,
      });
      const decided = await call(core, 'observers.decide', {
        sessionId: second,
        suggestionId,
        decision: 'accepted',
      });
      expect(decided.coach).toMatchObject({ type: 'cued-invitation', recommended: true });

      // An unlinked session of the same case, whose child said only a greeting: the basement is
      // the interviewer's word there, and the line is still flagged (live and in the export).
      const unlinked = (
        await call(core, 'sessions.start', { caseId, protocolId: 'nichd', mode: 'live', language })
      ).sessionId;
      expect(await call(core, 'sessions.earlierChildWords', { sessionId: unlinked })).toEqual({
        sessionIds: [],
        words: [],
      });
      await call(core, 'sessions.addNote', {
        sessionId: unlinked,
        kind: 'child',
        text: language === 'en' ? 'Hi. Good.' : 'Hola. Bien.',
      });
      const flagged = await liveCoding(core, unlinked, language);
      expect(flagged.recommended).toBe(false);
      expect(flagged.type).toBe('suggestive');

      // Another case's extended interview whose first session never mentioned the basement:
      // the words of this case's session 1 are not its context.
      const otherCase = await newCase(core, `EXT-${language}-2`, language);
      const { sessionId: otherFirst } = await call(core, 'sessions.start', {
        caseId: otherCase,
        protocolId: 'nichd',
        mode: 'live',
        language,
        extended: { plannedSessions: 2 },
      });
      await call(core, 'sessions.addNote', {
        sessionId: otherFirst,
        kind: 'child',
        text: language === 'en' ? 'I like soccer.' : 'Me gusta el fútbol.',
      });
      await call(core, 'sessions.finalize', { sessionId: otherFirst });
      const otherSecond = await start(core, otherCase, language, otherFirst);
      expect((await liveCoding(core, otherSecond, language)).recommended).toBe(false);

      // The sealed export codes the line the way the live coach did.
      await askAndSeal(core, second, language);
      expect(await exportedCoding(core, second, out, LINES[language].reconnect)).toMatchObject({
        type: 'cued-invitation',
        recommended: true,
      });
      await askAndSeal(core, unlinked, language);
      expect(await exportedCoding(core, unlinked, out, LINES[language].reconnect)).toMatchObject({
        type: 'suggestive',
        recommended: false,
      });

      // The session's quality report agrees: flagged only where the child never named it.
      const flaggedIn = async (sessionId: string) =>
        (await call(core, 'questions.report', { sessionId })).report.flagged.map((f) => f.text);
      expect(await flaggedIn(second)).not.toContain(LINES[language].reconnect);
      expect(await flaggedIn(unlinked)).toContain(LINES[language].reconnect);
    } finally {
      core.close();
      removeDir(core.vaultDir);
      removeDir(out);
    }
  },
);
