// Interpreted turns: notes marked interpreted keep the child's own-language words verbatim beside
// the rendering, sealed and encrypted like the note, usable as keywords, kept through corrections.
import { call, callError, plaintextHits, removeDir } from '../../helpers/core';
import { timeline } from '../../helpers/sessions';
import { liveSession, signIn, teamVault } from './helpers';

// Several Argon2id sign-ins per test: generous, machine-independent timeouts.
jest.setTimeout(180_000);

test('an interpreted child turn keeps its original words, encrypted, as keywords, through an edit', async () => {
  const core = await teamVault();
  try {
    const sessionId = await liveSession(core, core.caseId);
    await call(core, 'sessions.addNote', {
      sessionId,
      kind: 'question',
      text: 'Tell me everything about that day.',
      interpreted: true,
    });
    const child = await call(core, 'sessions.addNote', {
      sessionId,
      kind: 'child',
      text: 'He took my phone at the quinceañera.',
      interpreted: true,
      original: {
        text: 'Me quitó el celular en la quinceañera, el Chaparrito-Zumbador.',
        language: 'es',
      },
      keywords: ['Chaparrito-Zumbador', 'quinceañera'],
    });
    const summary = await call(core, 'sessions.get', { sessionId });
    expect(summary.keywords).toEqual(['Chaparrito-Zumbador', 'quinceañera']);

    await call(core, 'sessions.editNote', {
      sessionId,
      noteId: child.noteId,
      text: 'He took my cell phone at the quinceañera.',
      reason: 'interpreter corrected rendering',
    });
    const notes = (await timeline(core, sessionId)).filter((e) => e.type === 'note');
    expect(notes.map((n) => [n.kind, n.interpreted ?? false, n.original?.language])).toEqual([
      ['question', true, undefined],
      ['child', true, 'es'],
      ['child', true, 'es'], // the correction keeps the marking and the original words
    ]);
    expect(notes[2]?.original?.text).toBe(
      'Me quitó el celular en la quinceañera, el Chaparrito-Zumbador.',
    );
    expect(plaintextHits(core.vaultDir, ['Chaparrito-Zumbador', 'Me quitó el celular'])).toEqual(
      [],
    );
    expect((await call(core, 'sessions.verify', { sessionId })).ok).toBe(true);
  } finally {
    core.close();
    removeDir(core.vaultDir);
  }
});

test('only spoken turns carry interpretation; bad original words get a clear error and nothing is written', async () => {
  const core = await teamVault();
  try {
    const sessionId = await liveSession(core, core.caseId);
    const before = (await call(core, 'sessions.get', { sessionId })).eventCount;
    const onObservation = await callError(core, 'sessions.addNote', {
      sessionId,
      kind: 'observation',
      text: 'Child looks at the door',
      interpreted: true,
    });
    expect(onObservation.code).toBe('INVALID_INPUT');
    expect(onObservation.message).toMatch(/only spoken turns/);
    const noLanguage = await callError(core, 'sessions.addNote', {
      sessionId,
      kind: 'child',
      text: 'yes',
      original: { text: 'sí' },
    });
    expect(noLanguage.code).toBe('INVALID_INPUT');
    expect(noLanguage.message).toMatch(/original\.language/);
    expect(noLanguage.message).not.toContain('sí');
    const emptyOriginal = await callError(core, 'sessions.addNote', {
      sessionId,
      kind: 'child',
      text: 'yes',
      original: { text: '  ', language: 'es' },
    });
    expect(emptyOriginal.code).toBe('INVALID_INPUT');
    expect((await call(core, 'sessions.get', { sessionId })).eventCount).toBe(before);
  } finally {
    core.close();
    removeDir(core.vaultDir);
  }
});

test('a trainer cannot add interpreted notes to a live case session', async () => {
  const core = await teamVault();
  try {
    const sessionId = await liveSession(core, core.caseId);
    await signIn(core, 'tara');
    const error = await callError(core, 'sessions.addNote', {
      sessionId,
      kind: 'child',
      text: 'yes',
      interpreted: true,
      original: { text: 'sí', language: 'es' },
    });
    expect(error.code).toBe('FORBIDDEN');
  } finally {
    core.close();
    removeDir(core.vaultDir);
  }
});

// Audit 19c, B19c-9: "1 child turn English→English" in a sealed transcript. An interpreter
// renders between two languages: own words in the interview's language are refused on an
// interpreted turn (with the next step); a code-switched word kept beside a gloss is saved
// without "interpreted".
test('an interpreted turn’s own words in the interview’s own language are refused; a code-switch is kept', async () => {
  const core = await teamVault();
  try {
    const sessionId = await liveSession(core, core.caseId);
    const before = (await call(core, 'sessions.get', { sessionId })).eventCount;
    for (const language of ['en', 'en-US'] as const) {
      const same = await callError(core, 'sessions.addNote', {
        sessionId,
        kind: 'child',
        text: 'Words-Vorpal-19 rendered',
        interpreted: true,
        original: { text: 'Words-Vorpal-19 said', language },
      });
      expect(same.code).toBe('INVALID_INPUT');
      expect(same.message).toMatch(/original\.language/);
      expect(same.message).toMatch(/Choose the language the words were said in/);
      expect(same.message).not.toContain('Vorpal');
    }
    expect((await call(core, 'sessions.get', { sessionId })).eventCount).toBe(before);
    await call(core, 'sessions.addNote', {
      sessionId,
      kind: 'child',
      text: 'He took my phone.',
      original: { text: 'He took my celular.', language: 'en' },
    });
    await call(core, 'sessions.addNote', {
      sessionId,
      kind: 'child',
      text: 'He took my phone.',
      interpreted: true,
      original: { text: 'Me quitó el celular.', language: 'es-MX' },
    });
    expect((await call(core, 'sessions.get', { sessionId })).eventCount).toBe(before + 2);
  } finally {
    core.close();
    removeDir(core.vaultDir);
  }
});
