// Practitioner review 9, P9-1, through the core: Ten Step's scripted putative-confession prompt
// is accepted on a question note only while its gate holds, as the live screen offers it (issue
// #17: "offered only after the child has named the person"): in its own phase (step 7, the
// allegation) and only while a `person-named` event stands. Before any naming, after the naming
// was withdrawn, or in a later phase, the note is refused with INVALID_INPUT and a next step,
// and nothing is written. The same words typed freely (no promptId) are still kept: the record
// never loses what the interviewer asked.
import { call, callError, makeVault, removeDir } from '../helpers/core';

jest.setTimeout(300_000);

const DECISION = { decidedBy: 'MDT with the prosecutor', personNamed: 'this-interview' } as const;
const PC = 'tenStep.putativeConfession';
const WORDS = 'What if I said that [the person] told me everything that happened?';

test('the putative-confession prompt only after the naming, only in its phase', async () => {
  const core = await makeVault();
  try {
    const { caseId } = await call(core, 'cases.create', {
      reference: 'P9-1',
      childAlias: 'Robin',
      childAgeYears: 7,
      language: 'en',
    });
    const { sessionId } = await call(core, 'sessions.start', {
      caseId,
      protocolId: 'ten-step',
      mode: 'live',
      language: 'en',
      planOptions: { putativeConfession: DECISION },
    });
    const asked = { sessionId, kind: 'question', text: WORDS, promptId: PC };
    const count = async () => (await call(core, 'sessions.timeline', { sessionId })).events.length;

    // In its phase, before the child named anyone: refused, with the next step.
    await call(core, 'sessions.enterPhase', { sessionId, phaseId: 'allegation' });
    const before = await count();
    const early = await callError(core, 'sessions.addNote', asked);
    expect(early.code).toBe('INVALID_INPUT');
    expect(early.message).toMatch(/only after the child has named the person/);
    expect(early.message).toMatch(/Child named the person" \(Alt\+P\)/);
    expect(early.message).toMatch(/without promptId/);
    expect(early.message).not.toContain('told me everything');
    expect(await count()).toBe(before);

    // Named, then withdrawn (a mistaken press): the gate is shut again.
    await call(core, 'sessions.markPersonNamed', { sessionId });
    await call(core, 'sessions.withdrawPersonNamed', { sessionId });
    const withdrawn = await callError(core, 'sessions.addNote', asked);
    expect(withdrawn.code).toBe('INVALID_INPUT');
    expect(withdrawn.message).toMatch(/or it was withdrawn/);

    // Named and standing: accepted, with its sealed source.
    await call(core, 'sessions.markPersonNamed', { sessionId });
    await call(core, 'sessions.addNote', asked);
    const notes = (await call(core, 'sessions.timeline', { sessionId })).events.filter(
      (e) => e.type === 'note',
    );
    expect(notes).toHaveLength(1);

    // A later phase: the prompt is not offered there, so the record must not say it was.
    await call(core, 'sessions.enterPhase', { sessionId, phaseId: 'followUp' });
    const later = await callError(core, 'sessions.addNote', asked);
    expect(later.code).toBe('INVALID_INPUT');
    expect(later.message).toMatch(/offered only in the phase "[^"]+"; the session is in "[^"]+"/);
    expect(later.message).toMatch(/Enter that phase first/);

    // The same words typed freely are kept (nothing the interviewer asked is lost).
    const before2 = await count();
    await call(core, 'sessions.addNote', { sessionId, kind: 'question', text: WORDS });
    expect(await count()).toBe(before2 + 1);

    // Ungated prompts keep the plan-wide lookup: an allegation prompt in the follow-up phase.
    await call(core, 'sessions.addNote', {
      sessionId,
      kind: 'question',
      text: 'Tell me why you came to talk to me today.',
      promptId: 'transition.why',
    });
  } finally {
    core.close();
    removeDir(core.vaultDir);
  }
});
