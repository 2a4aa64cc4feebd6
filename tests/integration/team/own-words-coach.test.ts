// Audit 19c, B19c-2: the child's own-language words (the original of an interpreted or
// code-switched child turn) are what the child said. Every coach path of the core takes them as
// the child's words, so one wording gets one verdict in one session: the classify channel with a
// session (the CLI and the live hint's core path), the break queue (observers.decide), the
// session's quality report (questions.report) and the export's coding.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { call, removeDir, tempDir } from '../../helpers/core';
import { liveSession, teamVault } from './helpers';

// Several Argon2id sign-ins per test: generous, machine-independent timeouts.
jest.setTimeout(180_000);

// Words only in her own-language sentence ("padrote" is a label the coach flags when the
// interviewer brings it in; here the youth used it herself).
const OWN_WORD_QUESTIONS = [
  'Tell me more about your padrote.',
  'Tell me more about the celular.',
  'Tell me more about the fiesta.',
];
// A label she did not use: still flagged everywhere (the test can fail).
const NEW_LABEL = 'Tell me more about your pimp.';

test('own-language words count as the child’s words in classify, the break queue, the report and the export coding', async () => {
  const core = await teamVault();
  const out = tempDir();
  try {
    const sessionId = await liveSession(core, core.caseId);
    await call(core, 'sessions.addNote', {
      sessionId,
      kind: 'question',
      text: 'Tell me everything that happened.',
      interpreted: true,
    });
    await call(core, 'sessions.addNote', {
      sessionId,
      kind: 'child',
      text: 'My boyfriend took my phone at the party.',
      interpreted: true,
      original: { text: 'Mi padrote me quitó el celular en la fiesta.', language: 'es' },
    });

    const verdicts: Array<[string, boolean, string]> = [];
    for (const text of [...OWN_WORD_QUESTIONS, NEW_LABEL]) {
      const c = await call(core, 'questions.classify', { text, language: 'en', sessionId });
      verdicts.push([text, c.recommended, c.subtype]);
    }
    expect(verdicts).toEqual([
      [OWN_WORD_QUESTIONS[0], true, 'child-words'],
      [OWN_WORD_QUESTIONS[1], true, 'child-words'],
      [OWN_WORD_QUESTIONS[2], true, 'child-words'],
      [NEW_LABEL, false, 'label'],
    ]);

    // The break queue gives the same verdict on the same wording.
    await call(core, 'sessions.startBreak', { sessionId, reason: 'consult the team' });
    for (const [text, recommended] of verdicts) {
      const { suggestionId } = await call(core, 'observers.suggest', {
        sessionId,
        role: 'cps',
        text,
      });
      const decided = await call(core, 'observers.decide', {
        sessionId,
        suggestionId,
        decision: 'accepted',
        ...(recommended ? {} : { reason: 'Recorded to compare the coaches.' }),
      });
      expect([text, decided.coach?.recommended]).toEqual([text, recommended]);
    }
    await call(core, 'sessions.endBreak', { sessionId });

    // Asked: the report flags only the label she did not use.
    for (const text of [...OWN_WORD_QUESTIONS, NEW_LABEL])
      await call(core, 'sessions.addNote', { sessionId, kind: 'question', text });
    const { report } = await call(core, 'questions.report', { sessionId });
    expect(report.flagged.map((f) => f.text)).toEqual([NEW_LABEL]);

    // The export codes the sealed questions with the same context.
    await call(core, 'sessions.finalize', { sessionId });
    const { path } = await call(core, 'export.sealed', {
      sessionId,
      outDir: out,
      choices: { includeCoding: true },
    });
    const doc = JSON.parse(readFileSync(join(path, 'transcript.json'), 'utf8')) as {
      events: Array<{ kind?: string; text?: string; coding?: { recommended: boolean } }>;
    };
    const coded = doc.events
      .filter((e) => e.kind === 'question' && e.coding)
      .map((e) => [e.text, e.coding?.recommended]);
    expect(coded).toEqual([
      ['Tell me everything that happened.', true],
      ...OWN_WORD_QUESTIONS.map((t) => [t, true]),
      [NEW_LABEL, false],
    ]);
  } finally {
    core.close();
    removeDir(core.vaultDir);
    removeDir(out);
  }
});
