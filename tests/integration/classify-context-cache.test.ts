// questions.classify with a sessionId keeps the session's child context between keystrokes
// (src/api/child-context.ts). These tests prove the two things a cache must not get wrong: a child
// note added after a classify counts at the very next classify (never stale), and no decrypted
// words of the session are held once the vault is locked (cleared on lock and sign-in change).
import { channels, type Channel, type ChannelResponse } from '../../src/api/contract';
import { handlers } from '../../src/api/handlers';
import { CoreState } from '../../src/api/state';
import { initCrypto } from '../../src/crypto';
import { ADMIN, FAST_ARGON2, removeDir, tempDir } from '../helpers/core';

jest.setTimeout(120_000);

const QUESTION = 'How did he touch you?';

/** Calls a handler as the core does (request parsed against the contract), on `state`. */
function run<C extends Channel>(
  state: CoreState,
  channel: C,
  payload: unknown,
): ChannelResponse<C> {
  const parsed = (channels[channel].request as { parse(v: unknown): unknown }).parse(payload);
  const handler = handlers[channel] as (p: unknown, s: CoreState) => unknown;
  return handler(parsed, state) as ChannelResponse<C>;
}

async function sessionWithAChildTurn(): Promise<{
  state: CoreState;
  sessionId: string;
  dir: string;
}> {
  await initCrypto();
  const dir = tempDir('hearth-classify-cache-');
  const state = new CoreState({ vaultDir: dir, argon2: FAST_ARGON2 });
  run(state, 'vault.create', ADMIN);
  const { caseId } = run(state, 'cases.create', {
    reference: 'CACHE-1',
    childAlias: 'Ana',
    childAgeYears: 8,
    language: 'en',
  });
  const { sessionId } = run(state, 'sessions.start', {
    caseId,
    protocolId: 'nichd',
    mode: 'live',
    language: 'en',
  });
  run(state, 'sessions.addNote', { sessionId, kind: 'question', text: 'Tell me everything.' });
  run(state, 'sessions.addNote', { sessionId, kind: 'child', text: 'He was mean to me.' });
  return { state, sessionId, dir };
}

test('a child note added after a classify changes the next classify (the cache is never stale)', async () => {
  const { state, sessionId, dir } = await sessionWithAChildTurn();
  try {
    const classify = () =>
      run(state, 'questions.classify', { text: QUESTION, language: 'en', sessionId });
    // The child has not said touching: the question presumes it.
    const before = classify();
    expect([before.type, before.subtype, before.recommended]).toEqual([
      'suggestive',
      'presumptive',
      false,
    ]);
    // The same again from the kept context: the same verdict.
    expect(classify()).toEqual(before);
    expect(state.childContext.size).toBe(1);

    const { noteId } = run(state, 'sessions.addNote', {
      sessionId,
      kind: 'child',
      text: 'He touched my arm.',
    });
    // Now the child's own word: a wh- directive, at the first classify after the note.
    const after = classify();
    expect([after.type, after.subtype, after.recommended]).toEqual(['directive', 'wh', true]);

    // An edit of the child's note moves the head too: the edited words count, the old ones not.
    run(state, 'sessions.editNote', {
      sessionId,
      noteId,
      text: 'He pushed me.',
      reason: 'Misheard',
    });
    const edited = classify();
    expect([edited.type, edited.subtype, edited.recommended]).toEqual([
      'suggestive',
      'presumptive',
      false,
    ]);
  } finally {
    state.close();
    removeDir(dir);
  }
});

test('the kept context holds no words past a lock or a sign-out, and is rebuilt after unlock', async () => {
  const { state, sessionId, dir } = await sessionWithAChildTurn();
  try {
    run(state, 'sessions.addNote', { sessionId, kind: 'child', text: 'He touched my arm.' });
    const classify = () =>
      run(state, 'questions.classify', { text: QUESTION, language: 'en', sessionId });
    expect(classify().recommended).toBe(true);
    expect(state.childContext.size).toBe(1);

    run(state, 'vault.lock', {});
    expect(state.childContext.size).toBe(0);
    // Locked: no classify with the session's context at all.
    expect(() => classify()).toThrow(/locked/i);
    expect(state.childContext.size).toBe(0);

    run(state, 'vault.unlock', { username: ADMIN.username, passphrase: ADMIN.passphrase });
    expect(state.childContext.size).toBe(0);
    expect(classify().recommended).toBe(true);
    expect(state.childContext.size).toBe(1);

    // Closing the core (quitting the app) clears it too.
    state.close();
    expect(state.childContext.size).toBe(0);
  } finally {
    state.close();
    removeDir(dir);
  }
});

test('a question the child answered in this session, asked again, is asked-and-answered (coach32)', async () => {
  const { state, sessionId, dir } = await sessionWithAChildTurn();
  try {
    const classify = (text: string) =>
      run(state, 'questions.classify', { text, language: 'en', sessionId });
    // Not asked yet: a plain yes/no question.
    expect(classify('Did he say anything to you?').subtype).toBe('yes-no');
    run(state, 'sessions.addNote', { sessionId, kind: 'question', text: 'Did he say anything?' });
    // Asked, not yet answered: still a plain yes/no question (no answer to repeat).
    expect(classify('Did he say anything to you?').subtype).toBe('yes-no');
    run(state, 'sessions.addNote', { sessionId, kind: 'child', text: 'No.' });
    const again = classify('Did he say anything to you?');
    expect([again.type, again.subtype, again.verdict]).toEqual([
      'suggestive',
      'asked-answered',
      'avoid',
    ]);
  } finally {
    state.close();
    removeDir(dir);
  }
});
