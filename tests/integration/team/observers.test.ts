// The team behind the glass: observers suggest questions, the interviewer decides at the break;
// the sealed record shows who suggested what, what was asked and why the rest were not.
import { call, callError, plaintextHits, removeDir } from '../../helpers/core';
import { timeline } from '../../helpers/sessions';
import { liveSession, signIn, teamVault } from './helpers';

// Several Argon2id sign-ins per test: generous, machine-independent timeouts.
jest.setTimeout(180_000);

test('suggest, queue, ask / rephrase (coach checks) / decline with a reason, all sealed in order', async () => {
  const core = await teamVault();
  try {
    const sessionId = await liveSession(core, core.caseId);
    await call(core, 'sessions.addNote', {
      sessionId,
      kind: 'child',
      text: 'He drove me to the motel in his red car.',
      interpreted: true,
      original: { text: 'Me llevó al motel en su carro rojo.', language: 'es' },
    });
    const a = await call(core, 'observers.suggest', {
      sessionId,
      role: 'law-enforcement',
      name: 'Det. Ruiz',
      text: 'Tell me more about the red car.',
    });
    const b = await call(core, 'observers.suggest', {
      sessionId,
      role: 'prosecutor',
      text: 'Did he pay you for it?',
    });
    const c = await call(core, 'observers.suggest', {
      sessionId,
      role: 'cps',
      text: 'Is your mom his girlfriend?',
    });
    expect(a.suggestionId).toMatch(/^sugg_[0-9a-f]{32}$/);

    await call(core, 'sessions.startBreak', { sessionId, reason: 'consult the team' });
    const queue = await call(core, 'observers.queue', { sessionId });
    expect(queue.pending).toBe(3);
    expect(queue.suggestions.map((s) => [s.role, s.status])).toEqual([
      ['law-enforcement', 'pending'],
      ['prosecutor', 'pending'],
      ['cps', 'pending'],
    ]);

    const asked = await call(core, 'observers.decide', {
      sessionId,
      suggestionId: a.suggestionId,
      decision: 'asked',
    });
    expect(asked.coach?.recommended).toBe(true);
    const rephrased = await call(core, 'observers.decide', {
      sessionId,
      suggestionId: b.suggestionId,
      decision: 'rephrased',
      text: 'Tell me about the motel.',
    });
    expect(rephrased.coach).toMatchObject({ recommended: true });
    await call(core, 'observers.decide', {
      sessionId,
      suggestionId: c.suggestionId,
      decision: 'declined',
      reason: 'Not raised by the child; CPS will ask the caregiver.',
    });
    await call(core, 'sessions.endBreak', { sessionId });

    const after = await call(core, 'observers.queue', { sessionId });
    expect(after.pending).toBe(0);
    expect(after.counts).toEqual({ suggested: 3, asked: 1, rephrased: 1, declined: 1 });
    const byId = new Map(after.suggestions.map((s) => [s.suggestionId, s]));
    expect(byId.get(b.suggestionId)?.decision).toMatchObject({
      by: 'admin',
      text: 'Tell me about the motel.',
    });
    expect(byId.get(c.suggestionId)?.decision?.reason).toMatch(/Not raised by the child/);

    const events = await timeline(core, sessionId);
    expect(events.filter((e) => e.type.startsWith('observer-')).map((e) => e.type)).toEqual([
      'observer-suggestion',
      'observer-suggestion',
      'observer-suggestion',
      'observer-decision',
      'observer-decision',
      'observer-decision',
    ]);
    expect(plaintextHits(core.vaultDir, ['Is your mom his girlfriend', 'CPS will ask'])).toEqual(
      [],
    );
    await call(core, 'sessions.finalize', { sessionId });
    expect((await call(core, 'sessions.verify', { sessionId })).ok).toBe(true);
    expect(
      (await callError(core, 'observers.suggest', { sessionId, role: 'cps', text: 'One more?' }))
        .code,
    ).toBe('SESSION_SEALED');
  } finally {
    core.close();
    removeDir(core.vaultDir);
  }
});

test('a rephrasing the coach does not recommend is recorded with its verdict, not silently accepted', async () => {
  const core = await teamVault();
  try {
    const sessionId = await liveSession(core, core.caseId);
    const s = await call(core, 'observers.suggest', {
      sessionId,
      role: 'prosecutor',
      text: 'Ask whether he hit her.',
    });
    const decided = await call(core, 'observers.decide', {
      sessionId,
      suggestionId: s.suggestionId,
      decision: 'rephrased',
      text: "He hit you, didn't he?",
    });
    expect(decided.coach?.recommended).toBe(false);
    const [item] = (await call(core, 'observers.queue', { sessionId })).suggestions;
    expect(item?.decision?.coach?.recommended).toBe(false);
  } finally {
    core.close();
    removeDir(core.vaultDir);
  }
});

test('decline needs a reason, rephrase needs text, asked cannot change the wording, no decision twice', async () => {
  const core = await teamVault();
  try {
    const sessionId = await liveSession(core, core.caseId);
    const { suggestionId } = await call(core, 'observers.suggest', {
      sessionId,
      role: 'medical',
      text: 'Tell me about the time you went to the clinic.',
    });
    const noReason = await callError(core, 'observers.decide', {
      sessionId,
      suggestionId,
      decision: 'declined',
    });
    expect(noReason.code).toBe('INVALID_INPUT');
    expect(noReason.message).toMatch(/reason/i);
    const blankReason = await callError(core, 'observers.decide', {
      sessionId,
      suggestionId,
      decision: 'declined',
      reason: '   ',
    });
    expect(blankReason.code).toBe('INVALID_INPUT');
    const noText = await callError(core, 'observers.decide', {
      sessionId,
      suggestionId,
      decision: 'rephrased',
    });
    expect(noText.code).toBe('INVALID_INPUT');
    const changed = await callError(core, 'observers.decide', {
      sessionId,
      suggestionId,
      decision: 'asked',
      text: 'Did the doctor touch you?',
    });
    expect(changed.message).toMatch(/rephrased/);
    expect((await call(core, 'observers.queue', { sessionId })).pending).toBe(1);

    await call(core, 'observers.decide', { sessionId, suggestionId, decision: 'asked' });
    const twice = await callError(core, 'observers.decide', {
      sessionId,
      suggestionId,
      decision: 'declined',
      reason: 'changed my mind',
    });
    expect(twice.code).toBe('CONFLICT');
    const unknown = await callError(core, 'observers.decide', {
      sessionId,
      suggestionId: 'sugg_' + '0'.repeat(32),
      decision: 'asked',
    });
    expect(unknown.code).toBe('NOT_FOUND');
  } finally {
    core.close();
    removeDir(core.vaultDir);
  }
});

test('roles: a reviewer can read the queue but not suggest or decide; a trainer cannot read it', async () => {
  const core = await teamVault();
  try {
    await signIn(core, 'ines');
    const sessionId = await liveSession(core, core.caseId);
    const { suggestionId } = await call(core, 'observers.suggest', {
      sessionId,
      role: 'advocate',
      text: 'Tell me about who you live with.',
    });
    await signIn(core, 'rey');
    expect((await call(core, 'observers.queue', { sessionId })).pending).toBe(1);
    expect(
      (await callError(core, 'observers.suggest', { sessionId, role: 'cps', text: 'Q?' })).code,
    ).toBe('FORBIDDEN');
    expect(
      (await callError(core, 'observers.decide', { sessionId, suggestionId, decision: 'asked' }))
        .code,
    ).toBe('FORBIDDEN');
    await signIn(core, 'tara');
    expect((await callError(core, 'observers.queue', { sessionId })).code).toBe('FORBIDDEN');
  } finally {
    core.close();
    removeDir(core.vaultDir);
  }
});
