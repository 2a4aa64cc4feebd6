// Practitioner review 7, through the core from sealed sessions:
// - P7-2: a question saved from a suggested prompt's Use carries the prompt's id (an optional
//   field of the note event): it reaches the timeline and the later session's "asked" list, even
//   with its blank filled in words the matcher could not know.
// - P7-3: a prompt asked in session 1 with its blank filled ("Is your mom worried about you?") or
//   paraphrased ("Has anyone been bothering you?") is recognised in session 2; an option-posing
//   question that is no prompt is still listed, coded option-posing (not to be repeated).
// - P7-5: a word the interviewer introduced in session 1 and the child used in session 2 is not
//   offered in session 3 as the child's: it is held back, "first said by the interviewer in
//   session 1" at the time it was said.
import type { Core } from '../../../src/api/core';
import { call, makeVault } from '../../helpers/core';

jest.setTimeout(300_000);

async function note(
  core: Core,
  sessionId: string,
  kind: 'question' | 'child',
  text: string,
  extra: { keywords?: string[]; promptId?: string } = {},
) {
  return call(core, 'sessions.addNote', { sessionId, kind, text, ...extra });
}

async function session(core: Core, caseId: string, previousSessionId?: string) {
  const { sessionId } = await call(core, 'sessions.start', {
    caseId,
    protocolId: 'nichd',
    mode: 'live',
    language: 'en',
    extended: { plannedSessions: 3, ...(previousSessionId ? { previousSessionId } : {}) },
  });
  return sessionId;
}

test('prompts asked with blanks filled or paraphrased, the id from Use, and interviewer-first across three sessions', async () => {
  const core = await makeVault();
  try {
    const { caseId } = await call(core, 'cases.create', {
      reference: 'EXT-ACROSS',
      childAlias: 'Ana',
      childAgeYears: 8,
      language: 'en',
    });
    // Session 1: reluctant; the interviewer introduces "Grandpa's house" from the team's
    // information; the worried and bothering prompts are asked in the interviewer's own words.
    const s1 = await session(core, caseId);
    await call(core, 'sessions.enterPhase', { sessionId: s1, phaseId: 'transition' });
    await note(core, s1, 'question', 'Tell me what you came here to talk about today.');
    await note(core, s1, 'child', "I don't know");
    await note(core, s1, 'question', 'Is your mom worried about you?');
    await note(core, s1, 'child', 'no');
    await note(core, s1, 'question', 'I heard that something may have happened at the farm house.');
    await note(core, s1, 'child', 'nothing');
    await note(core, s1, 'question', 'Has anyone been bothering you?');
    await note(core, s1, 'child', 'no');
    // Picked with Use and reworded beyond what the matcher knows: the id recorded with it holds.
    const used = await note(core, s1, 'question', 'You spoke with Ms. Lopez, right? What about?', {
      promptId: 'transition.talkedTo',
    });
    await note(core, s1, 'child', 'school stuff');
    // An option-posing question that is no protocol prompt.
    await note(core, s1, 'question', 'Do you like your school?');
    await note(core, s1, 'child', 'yes');
    await call(core, 'sessions.finalize', { sessionId: s1 });

    const timeline = await call(core, 'sessions.timeline', { sessionId: s1 });
    const saved = timeline.events.find((e) => e.noteId === used.noteId);
    expect(saved?.promptId).toBe('transition.talkedTo');

    // Session 2: the child now uses the interviewer's word, and it is kept as a keyword.
    const s2 = await session(core, caseId, s1);
    const c2 = await call(core, 'sessions.continuity', { sessionId: s2 });
    const asked = c2.sessions[0]!.questionsAsked;
    const byText = new Map(asked.map((q) => [q.text, q]));
    expect(byText.get('Is your mom worried about you?')).toMatchObject({
      promptId: 'transition.worried',
      questionType: 'option-posing',
      answer: 'no',
    });
    expect(byText.get('Has anyone been bothering you?')).toMatchObject({
      promptId: 'transition.bothering',
      answer: 'no',
    });
    expect(byText.get('You spoke with Ms. Lopez, right? What about?')?.promptId).toBe(
      'transition.talkedTo',
    );
    expect(byText.get('Tell me what you came here to talk about today.')).toMatchObject({
      questionType: 'invitation',
    });
    // Not a prompt, still on the list of questions asked, coded so that it is not repeated.
    const school = byText.get('Do you like your school?');
    expect(school?.promptId).toBeUndefined();
    expect(school?.questionType).toBe('option-posing');

    await call(core, 'sessions.enterPhase', { sessionId: s2, phaseId: 'transition' });
    await note(core, s2, 'question', 'Tell me more about your week.');
    await note(core, s2, 'child', 'I went to the farm house and my dog was there', {
      keywords: ['farm house', 'dog'],
    });
    await call(core, 'sessions.finalize', { sessionId: s2 });

    // Session 3: "farm house" is the interviewer's word from session 1, "dog" is the child's.
    const s3 = await session(core, caseId, s2);
    const c3 = await call(core, 'sessions.continuity', { sessionId: s3 });
    expect(c3.sessions.map((s) => s.index)).toEqual([1, 2]);
    const second = c3.sessions[1]!;
    expect(second.topics.map((t) => t.keyword)).toEqual(['dog']);
    const held = second.topicsHeld.find((h) => h.keyword === 'farm house');
    const said = c3.sessions[0]!.questionsAsked.find((q) => q.text.includes('farm house'))!;
    expect(held).toEqual({
      keyword: 'farm house',
      reason: 'interviewer-first',
      interviewerSession: 1,
      interviewerAtMs: said.elapsedMs,
    });
    // Within one session the check is unchanged: session 2 alone would have offered it.
    expect(c2.sessions[0]!.topics).toEqual([]);
  } finally {
    core.close();
  }
});

test('a promptId on a note that is not a question is refused with a next step', async () => {
  const core = await makeVault();
  try {
    const { caseId } = await call(core, 'cases.create', {
      reference: 'EXT-PROMPTID',
      childAlias: 'Ana',
      childAgeYears: 8,
      language: 'en',
    });
    const s1 = await session(core, caseId);
    await expect(note(core, s1, 'child', 'no', { promptId: 'transition.why' })).rejects.toThrow(
      /INVALID_INPUT: .*promptId: only a question.*Save it without promptId/,
    );
  } finally {
    core.close();
  }
});
