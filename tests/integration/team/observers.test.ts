// The team in the observation room: observers suggest questions, the interviewer decides at the
// break (accepted / rephrased / declined); the sealed record shows who suggested what, what was
// decided and why, and which accepted suggestion a later question note actually asked.
import { call, callError, plaintextHits, removeDir } from '../../helpers/core';
import { timeline } from '../../helpers/sessions';
import { liveSession, signIn, teamVault } from './helpers';

// Several Argon2id sign-ins per test: generous, machine-independent timeouts.
jest.setTimeout(180_000);

test('suggest, queue, accept / rephrase (coach checks) / decline with a reason, all sealed in order', async () => {
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
      name: 'ADA Chen, County DA',
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

    const accepted = await call(core, 'observers.decide', {
      sessionId,
      suggestionId: a.suggestionId,
      decision: 'accepted',
    });
    expect(accepted.coach?.recommended).toBe(true);
    // Decided at the break: accepted, not yet asked.
    const atBreak = await call(core, 'observers.queue', { sessionId });
    expect(atBreak.suggestions[0]).toMatchObject({ status: 'accepted', enteredBy: 'admin' });
    expect(atBreak.suggestions[0]?.askedIn).toBeUndefined();
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
    // The accepted suggestion is asked after the break with "Use this wording" (the note carries
    // its id); the rephrased one is not asked.
    const asked = await call(core, 'sessions.addNote', {
      sessionId,
      kind: 'question',
      text: 'Tell me more about the red car.',
      suggestionId: a.suggestionId,
    });

    const after = await call(core, 'observers.queue', { sessionId });
    expect(after.pending).toBe(0);
    expect(after.counts).toEqual({
      suggested: 3,
      accepted: 1,
      rephrased: 1,
      declined: 1,
      undecided: 0,
      notAsked: 1,
      judgedByWording: 0,
    });
    expect(after.suggestions[0]?.askedIn).toMatchObject({ seq: asked.seq, matchedBy: 'link' });
    expect(after.suggestions[1]?.askedIn).toBeUndefined();
    const byId = new Map(after.suggestions.map((s) => [s.suggestionId, s]));
    expect(byId.get(b.suggestionId)?.decision).toMatchObject({
      by: 'admin',
      text: 'Tell me about the motel.',
    });
    expect(byId.get(c.suggestionId)?.decision?.reason).toMatch(/Not raised by the child/);

    const events = await timeline(core, sessionId);
    // The prosecutor and CPS were not on the start's observer list: each is sealed as joined
    // just before their first suggestion (B19e-6); law enforcement was listed at the start.
    expect(events.filter((e) => e.type.startsWith('observer-')).map((e) => e.type)).toEqual([
      'observer-suggestion',
      'observer-joined',
      'observer-suggestion',
      'observer-joined',
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

test('a wording the coach does not recommend needs a reason, and is recorded with its verdict', async () => {
  const core = await teamVault();
  try {
    const sessionId = await liveSession(core, core.caseId);
    const s = await call(core, 'observers.suggest', {
      sessionId,
      role: 'prosecutor',
      name: 'County DA',
      text: 'Ask whether he hit her.',
    });
    const noReason = await callError(core, 'observers.decide', {
      sessionId,
      suggestionId: s.suggestionId,
      decision: 'rephrased',
      text: "He hit you, didn't he?",
    });
    expect(noReason.code).toBe('INVALID_INPUT');
    expect(noReason.message).toMatch(/reason for asking it despite the coach/);
    const decided = await call(core, 'observers.decide', {
      sessionId,
      suggestionId: s.suggestionId,
      decision: 'rephrased',
      text: "He hit you, didn't he?",
      reason: 'She said "he hit me" to the nurse; checking before closing.',
    });
    expect(decided.coach?.recommended).toBe(false);
    const [item] = (await call(core, 'observers.queue', { sessionId })).suggestions;
    expect(item?.decision?.coach?.recommended).toBe(false);
    expect(item?.decision?.reason).toMatch(/to the nurse/);

    // Accepting as written is held to the same rule.
    const t = await call(core, 'observers.suggest', {
      sessionId,
      role: 'cps',
      text: 'Did he touch you there?',
    });
    const acceptNoReason = await callError(core, 'observers.decide', {
      sessionId,
      suggestionId: t.suggestionId,
      decision: 'accepted',
    });
    expect(acceptNoReason.message).toMatch(/does not recommend this wording/);
  } finally {
    core.close();
    removeDir(core.vaultDir);
  }
});

test("decline needs a reason, rephrase needs text, accepted cannot change the wording, 'asked' reads as accepted, no decision twice", async () => {
  const core = await teamVault();
  try {
    const sessionId = await liveSession(core, core.caseId);
    const { suggestionId } = await call(core, 'observers.suggest', {
      sessionId,
      role: 'medical',
      // A wording the coach recommends, so that accepting it needs no reason. ("Tell me about the
      // time you went to the clinic." is presumptive when the child never named a clinic: the
      // coach checks each noun phrase against the child's words, practitioner review 6, C1.)
      text: 'Tell me more about that.',
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

    // 'asked' is the contract's old name for 'accepted': it still works, and means accepted.
    await call(core, 'observers.decide', { sessionId, suggestionId, decision: 'asked' });
    const [decided] = (await call(core, 'observers.queue', { sessionId })).suggestions;
    expect(decided?.status).toBe('accepted');
    expect(decided?.askedIn).toBeUndefined();
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

test('the interpreter never suggests; law enforcement and prosecutors give a name or agency', async () => {
  const core = await teamVault();
  try {
    const sessionId = await liveSession(core, core.caseId);
    const interpreter = await callError(core, 'observers.suggest', {
      sessionId,
      role: 'interpreter',
      name: 'Marta Quispe',
      text: 'Ask her what "el viejo" means.',
    });
    expect(interpreter.code).toBe('INVALID_INPUT');
    expect(interpreter.message).toMatch(/interpreter note/);
    for (const role of ['law-enforcement', 'prosecutor'] as const) {
      const unnamed = await callError(core, 'observers.suggest', {
        sessionId,
        role,
        name: '  ',
        text: 'Tell me about the car.',
      });
      expect(unnamed.code).toBe('INVALID_INPUT');
      expect(unnamed.message).toMatch(/name or agency/);
    }
    expect((await call(core, 'observers.queue', { sessionId })).counts.suggested).toBe(0);
  } finally {
    core.close();
    removeDir(core.vaultDir);
  }
});

test("the interpreter's rendering of a question is coded in its own language, at the break and when asked", async () => {
  const core = await teamVault();
  try {
    const sessionId = await liveSession(core, core.caseId);
    await call(core, 'sessions.addNote', {
      sessionId,
      kind: 'child',
      text: 'He drove me in his car.',
      interpreted: true,
      original: { text: 'Me llevó en su carro.', language: 'es' },
    });
    const { suggestionId } = await call(core, 'observers.suggest', {
      sessionId,
      role: 'cps',
      text: 'Tell me about the car.',
    });
    // Open in English; the rendering agreed with the interpreter is a yes/no question in Spanish.
    const suggestive = { text: '¿Era un carro rojo, verdad?', language: 'es' };
    const noReason = await callError(core, 'observers.decide', {
      sessionId,
      suggestionId,
      decision: 'accepted',
      rendering: suggestive,
    });
    expect(noReason.message).toMatch(/interpreter's rendering/);
    const decided = await call(core, 'observers.decide', {
      sessionId,
      suggestionId,
      decision: 'accepted',
      rendering: suggestive,
      reason: 'Interpreter will render it openly; rendering noted for the record.',
    });
    expect(decided.coach?.recommended).toBe(true);
    expect(decided.renderingCoach?.recommended).toBe(false);
    // Asked later, with the interpreter's actual rendering on the question note.
    await call(core, 'sessions.addNote', {
      sessionId,
      kind: 'question',
      text: 'Tell me about the car.',
      interpreted: true,
      original: { text: 'Cuéntame del carro.', language: 'es-MX' },
      suggestionId,
    });
    const [item] = (await call(core, 'observers.queue', { sessionId })).suggestions;
    expect(item?.decision?.renderingCoach?.recommended).toBe(false);
    expect(item?.askedIn?.rendering?.text).toBe('Cuéntame del carro.');
    expect(item?.askedIn?.renderingCoach?.recommended).toBe(true);
  } finally {
    core.close();
    removeDir(core.vaultDir);
  }
});

// Audit 19f, B19f-4: the stored reason on a rendering is read by the interviewer at the break, so
// it is in the interview's language (the rendering is still coded in its own language).
test.each([
  [
    'en',
    { text: '¿Era un carro rojo, verdad?', language: 'es' },
    /Tag question .* invites/,
    /Coletilla|invita/,
  ],
  [
    'es',
    { text: 'It was a red car, right?', language: 'en' },
    /Coletilla .* invita/,
    /Tag question|invites/,
  ],
] as const)(
  "the coach's reason on the interpreter's rendering is in the interview's language (%s), at the break and when asked",
  async (language, rendering, ours, theirs) => {
    const core = await teamVault();
    try {
      const { sessionId } = await call(core, 'sessions.start', {
        caseId: core.caseId,
        protocolId: 'nichd',
        mode: 'live',
        language,
        observers: [{ role: 'interpreter', name: 'Marta Quispe' }],
      });
      const { suggestionId } = await call(core, 'observers.suggest', {
        sessionId,
        role: 'cps',
        text: language === 'en' ? 'Tell me about the car.' : 'Cuéntame del carro.',
      });
      const decided = await call(core, 'observers.decide', {
        sessionId,
        suggestionId,
        decision: 'accepted',
        rendering,
        reason: 'Rendering noted for the record.',
      });
      expect(decided.renderingCoach?.recommended).toBe(false);
      expect(decided.renderingCoach?.reason).toMatch(ours);
      expect(decided.renderingCoach?.reason).not.toMatch(theirs);
      await call(core, 'sessions.addNote', {
        sessionId,
        kind: 'question',
        text: language === 'en' ? 'Tell me about the car.' : 'Cuéntame del carro.',
        interpreted: true,
        original: rendering,
        suggestionId,
      });
      const [item] = (await call(core, 'observers.queue', { sessionId })).suggestions;
      expect(item?.askedIn?.renderingCoach?.reason).toMatch(ours);
      expect(item?.askedIn?.renderingCoach?.reason).not.toMatch(theirs);
    } finally {
      core.close();
      removeDir(core.vaultDir);
    }
  },
);
