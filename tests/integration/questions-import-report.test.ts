// Transcript import into an encrypted review session, and the quality report for any session.
import { call, callError, makeVault, plaintextHits, removeDir } from '../helpers/core';
import { vaultWithSession } from '../helpers/sessions';

// The first question names no place: "…at the park" before the child mentioned a park is
// presumptive (the coach checks each noun phrase against the child's words; practitioner review 6).
const VTT = `WEBVTT

00:00:01.000 --> 00:00:04.000
Interviewer: Tell me everything that happened today.

00:00:05.000 --> 00:00:09.000
Child: A big dog Zephyrquill jumped on me.

00:00:10.000 --> 00:00:12.000
Interviewer: Was the dog brown or black?

00:00:13.000 --> 00:00:14.000
Child: Black.

00:00:15.000 --> 00:00:17.000
Interviewer: He bit you, didn't he?
`;

test('a WebVTT transcript becomes a read-only, encrypted review session whose every question is coded', async () => {
  const core = await makeVault();
  try {
    const imported = await call(core, 'questions.importTranscript', {
      text: VTT,
      language: 'en',
      ageYears: 8,
      title: 'Park interview 2019',
    });
    expect(imported).toMatchObject({ format: 'vtt', turns: 5, interviewerTurns: 3, childTurns: 2 });
    const summary = await call(core, 'sessions.get', { sessionId: imported.sessionId });
    expect(summary).toMatchObject({
      mode: 'review',
      title: 'Park interview 2019',
      ageBand: '6-9',
      eventCount: 6,
    });

    const { report } = await call(core, 'questions.report', { sessionId: imported.sessionId });
    expect(report.counts).toMatchObject({ invitation: 1, 'option-posing': 1, suggestive: 1 });
    expect(report.prompts).toBe(3);
    expect(report.recommendedShare).toBeCloseTo(1 / 3);
    expect(report.flagged.map((f) => f.type)).toEqual(['option-posing', 'suggestive']);
    expect(
      report.flagged.every((f) => typeof f.suggestion === 'string' && f.suggestion.length > 0),
    ).toBe(true);
    expect(report.timeline.map((t) => t.atMs)).toEqual([1000, 10000, 15000]);
    expect(report.pairingViolations).toBeGreaterThanOrEqual(1);

    // Kept exactly as imported.
    expect(
      await callError(core, 'sessions.addNote', {
        sessionId: imported.sessionId,
        kind: 'question',
        text: 'x',
      }),
    ).toMatchObject({ code: 'CONFLICT' });
    expect(
      plaintextHits(core.vaultDir, ['Zephyrquill', 'everything that happened today']),
    ).toEqual([]);
  } finally {
    core.close();
    removeDir(core.vaultDir);
  }
});

test('a file with display names imports with a mapping; untimed turns have no time; the interpreter is kept apart', async () => {
  const core = await makeVault();
  try {
    const text = [
      'Dana Reyes: Tell me everything about your day at school.',
      'Sam: We painted pictures.',
      'Intérprete: (interpreta)',
      'Dana Reyes: What happened next?',
      'Sam: We went outside.',
    ].join('\r\n');
    const bytes = Buffer.from(text, 'latin1').toString('base64');
    const imported = await call(core, 'questions.importTranscript', {
      bytes,
      language: 'en',
      mapping: [
        { label: 'dana reyes', role: 'interviewer' },
        { label: 'SAM', role: 'child' },
      ],
    });
    expect(imported).toMatchObject({
      format: 'text',
      layout: 'labelled',
      encoding: 'windows-1252',
      turns: 5,
      interviewerTurns: 2,
      childTurns: 2,
    });
    expect(imported.warnings).toEqual(
      expect.arrayContaining([{ code: 'DECODED_AS_WINDOWS_1252', count: 1 }]),
    );
    // The two unknown labels were given roles by the mapping: UNKNOWN_LABEL, which asks for
    // that, is no longer reported (newcomer 17, N17-4; the draft the mapping screen reads still
    // lists it).
    expect(imported.warnings.map((w) => w.code)).not.toContain('UNKNOWN_LABEL');
    const { report } = await call(core, 'questions.report', { sessionId: imported.sessionId });
    expect(report.childTurns).toBe(2);
    expect(report.timeline).toHaveLength(2);
    expect(report.timeline.every((t) => t.atMs === undefined)).toBe(true);
    // The confirmed mapping is kept with the review, as written in the file, and encrypted.
    const summary = await call(core, 'sessions.get', { sessionId: imported.sessionId });
    expect(summary.speakerMapping).toEqual([
      { label: 'Dana Reyes', role: 'interviewer', turns: 2, chosenBy: 'reviewer' },
      { label: 'Sam', role: 'child', turns: 2, chosenBy: 'reviewer' },
      { label: 'Intérprete', role: 'interpreter', turns: 1, chosenBy: 'hearth' },
    ]);
    expect(plaintextHits(core.vaultDir, ['Dana Reyes'])).toEqual([]);
    const { events } = await call(core, 'sessions.timeline', { sessionId: imported.sessionId });
    expect(events.filter((e) => e.type === 'note').map((e) => e.kind)).toEqual([
      'question',
      'child',
      'interpreter',
      'question',
      'child',
    ]);
  } finally {
    core.close();
    removeDir(core.vaultDir);
  }
});

test('malformed transcripts are refused clearly, without echoing their text, and store nothing', async () => {
  const core = await makeVault();
  try {
    const before = (await call(core, 'sessions.list', { mode: 'review' })).sessions.length;
    for (const [text, code, reason, line] of [
      [
        'WEBVTT\n\n00:00:01.000 --> garbage\nInterviewer: Secretword-Quokka question?\n',
        'BAD_TRANSCRIPT',
        'BAD_TIMING',
        3,
      ],
      [
        'just some words with no speaker labels Secretword-Quokka',
        'BAD_TRANSCRIPT',
        'NO_INTERVIEWER',
        undefined,
      ],
      ['Interviewer: hi\nSecretword Quokka: there', 'BAD_TRANSCRIPT', 'UNMAPPED_LABELS', undefined],
      ['Interviewer: hi\n\u0000\u0001\u0002binary\u0000', 'BAD_ENCODING', 'BAD_ENCODING', 2],
    ] as const) {
      const error = await callError(core, 'questions.importTranscript', { text, language: 'en' });
      expect(error).toMatchObject({ code, reason, ...(line ? { line } : {}) });
      expect(error.message).not.toContain('Secretword');
      expect(error.message).not.toContain('Quokka');
    }
    // A picture or a PDF sent as a file is named as such (reason NOT_TRANSCRIPT:kind).
    for (const [head, kind] of [
      [[0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13], 'png'],
      [[...Buffer.from('%PDF-1.7\n')], 'pdf'],
    ] as const) {
      const error = await callError(core, 'questions.importTranscript', {
        bytes: Buffer.from(head).toString('base64'),
        language: 'en',
      });
      expect(error).toMatchObject({ code: 'BAD_TRANSCRIPT', reason: `NOT_TRANSCRIPT:${kind}` });
      expect(error.message).toMatch(/not a transcript file/);
    }
    // Windows-1252 bytes sent as a file are decoded (with a warning); U+FFFD bytes are refused.
    expect(
      await callError(core, 'questions.importTranscript', {
        bytes: Buffer.from('Interviewer: hi\nNi\uFFFDa: Secretword').toString('base64'),
        language: 'es',
      }),
    ).toMatchObject({ code: 'BAD_ENCODING', line: 2 });
    expect(
      await callError(core, 'questions.importTranscript', {
        text: 'x'.repeat(5 * 1024 * 1024 + 1),
        language: 'en',
      }),
    ).toMatchObject({
      code: 'INVALID_INPUT',
    });
    expect((await call(core, 'sessions.list', { mode: 'review' })).sessions.length).toBe(before);
  } finally {
    core.close();
    removeDir(core.vaultDir);
  }
});

test('the report for a live session uses the latest version of each note and the phase it was asked in', async () => {
  const core = await vaultWithSession();
  const { sessionId } = core;
  try {
    await call(core, 'sessions.enterPhase', { sessionId, phaseId: 'rapport' });
    await call(core, 'sessions.addNote', {
      sessionId,
      kind: 'question',
      text: 'Tell me about things you like to do.',
    });
    await call(core, 'sessions.addNote', { sessionId, kind: 'child', text: 'I like football' });
    await call(core, 'sessions.enterPhase', { sessionId, phaseId: 'investigation' });
    const q = await call(core, 'sessions.addNote', {
      sessionId,
      kind: 'question',
      text: 'Did he touch you?',
    });
    await call(core, 'sessions.editNote', {
      sessionId,
      noteId: q.noteId,
      text: 'Tell me everything about that day.',
    });
    await call(core, 'sessions.addNote', {
      sessionId,
      kind: 'observation',
      text: 'Child looks at the door',
    });
    const { report } = await call(core, 'questions.report', { sessionId });
    expect(report.prompts).toBe(2);
    expect(report.counts.invitation).toBe(2);
    expect(report.flagged).toEqual([]);
    expect(report.phases.map((p) => p.phaseId).sort()).toEqual(['investigation', 'rapport']);
  } finally {
    core.close();
    removeDir(core.vaultDir);
  }
});

// Practitioner review 4, X1: a session that types no child turns (the child on video only) is
// coded without the presumption checks and says so; at the very start of an interview whose
// child turns are typed, the empty list still means the child has said nothing yet.
test('questions.classify reads a session with no child turn typed as child words unknown, not as silence', async () => {
  const core = await vaultWithSession();
  const { sessionId } = core;
  try {
    const ask = (text: string) =>
      call(core, 'questions.classify', { text, language: 'en', sessionId });
    // The very start: nothing asked, nothing answered yet; an assumed detail is flagged.
    const first = await ask('Tell me more about the car.');
    expect(first).toMatchObject({ type: 'suggestive', subtype: 'presumptive' });
    expect(first).not.toHaveProperty('contextNote');
    // Three questions recorded and no child turn: the child's answers are not being typed.
    for (const text of ['Tell me about things you like to do.', 'What else?', 'And then?'])
      await call(core, 'sessions.addNote', { sessionId, kind: 'question', text });
    const later = await ask('You said he touched your leg. Tell me more about that.');
    expect(later).toMatchObject({ verdict: 'recommended' });
    expect(later.contextNote).toMatch(/not recorded/);
    // Once a child turn is typed, the child's words are known again.
    await call(core, 'sessions.addNote', { sessionId, kind: 'child', text: 'we played soccer' });
    const known = await ask('Tell me more about the car.');
    expect(known).toMatchObject({ type: 'suggestive', subtype: 'presumptive' });
    expect(known).not.toHaveProperty('contextNote');
  } finally {
    core.close();
    removeDir(core.vaultDir);
  }
});

test('questions.classify takes the session context (child notes, age) when given a sessionId', async () => {
  const core = await vaultWithSession();
  const { sessionId } = core;
  try {
    const ask = (text: string) =>
      call(core, 'questions.classify', { text, language: 'en', sessionId });
    await call(core, 'sessions.addNote', { sessionId, kind: 'child', text: 'he was mean to me' });
    expect(await ask('What did he use to hit you?')).toMatchObject({
      type: 'suggestive',
      subtype: 'presumptive',
      verdict: 'avoid',
    });
    await call(core, 'sessions.addNote', { sessionId, kind: 'child', text: 'he hit me' });
    expect(await ask('What did he hit you with?')).toMatchObject({ type: 'directive' });
    // Explicit childWords win over the session's notes.
    expect(
      await call(core, 'questions.classify', {
        text: 'What did he hit you with?',
        language: 'en',
        sessionId,
        childWords: ['he was mean'],
      }),
    ).toMatchObject({ type: 'suggestive' });
    expect(
      await callError(core, 'questions.classify', { text: 'hi', language: 'en', sessionId: 'x' }),
    ).toMatchObject({ code: 'INVALID_INPUT' });
  } finally {
    core.close();
    removeDir(core.vaultDir);
  }
});
