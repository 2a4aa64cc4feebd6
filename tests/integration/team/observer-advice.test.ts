// An observer's suggestion written as advice ("I would ask about the money he paid her") is coded
// as the question it implies, against the child's words, so the gate asks for a reason and the
// record never says "coach: recommended" for it; a statement that implies no question is not
// recommended either: the interviewer must phrase the question (audit 19c, B19c-6).
import { call, callError, removeDir } from '../../helpers/core';
import { teamVault } from './helpers';

// Several Argon2id sign-ins per test: generous, machine-independent timeouts.
jest.setTimeout(180_000);

async function sessionIn(
  core: Awaited<ReturnType<typeof teamVault>>,
  language: 'en' | 'es',
  childSaid: string,
): Promise<string> {
  const { sessionId } = await call(core, 'sessions.start', {
    caseId: core.caseId,
    protocolId: 'nichd',
    mode: 'live',
    language,
    observers: [{ role: 'law-enforcement', name: 'Det. Ruiz' }],
  });
  await call(core, 'sessions.addNote', { sessionId, kind: 'child', text: childSaid });
  return sessionId;
}

async function suggest(
  core: Awaited<ReturnType<typeof teamVault>>,
  sessionId: string,
  text: string,
) {
  const { suggestionId } = await call(core, 'observers.suggest', {
    sessionId,
    role: 'law-enforcement',
    name: 'Det. Ruiz',
    text,
  });
  return suggestionId;
}

test.each([
  {
    language: 'en' as const,
    child: 'I went to a party with my boyfriend.',
    advice: 'I would ask about the money he paid her.',
    implied: 'Tell me about the money he paid her.',
    detail: 'money',
    statement: 'The party is important.',
    open: 'Maybe ask her about the party.',
  },
  {
    language: 'es' as const,
    child: 'Fui a una fiesta con mi novio.',
    advice: 'Yo le preguntaría por el dinero que le pagaba.',
    implied: 'Cuéntame sobre el dinero que le pagaba.',
    detail: 'dinero',
    statement: 'La fiesta es importante.',
    open: 'Yo le preguntaría por la fiesta.',
  },
])(
  '$language: advice in statement form is coded as the question it implies, or never recommended',
  async ({ language, child, advice, implied, detail, statement, open }) => {
    const core = await teamVault();
    try {
      const sessionId = await sessionIn(core, language, child);
      const money = await suggest(core, sessionId, advice);
      const plain = await suggest(core, sessionId, statement);
      const party = await suggest(core, sessionId, open);
      await call(core, 'sessions.startBreak', { sessionId, reason: 'consult the team' });

      // The implied question names a detail the child has not said: no acceptance without a reason.
      const refused = await callError(core, 'observers.decide', {
        sessionId,
        suggestionId: money,
        decision: 'accepted',
      });
      expect(refused.code).toBe('INVALID_INPUT');
      expect(refused.message).toContain(implied);
      expect(refused.message).toContain(detail);
      const accepted = await call(core, 'observers.decide', {
        sessionId,
        suggestionId: money,
        decision: 'accepted',
        reason: 'The prosecutor needs it; asked as an open prompt after the break.',
      });
      expect(accepted.coach).toMatchObject({ recommended: false, type: 'suggestive' });

      // A statement the coach cannot code: not recommended, and it says the interviewer phrases it.
      const uncodable = await callError(core, 'observers.decide', {
        sessionId,
        suggestionId: plain,
        decision: 'accepted',
      });
      expect(uncodable.code).toBe('INVALID_INPUT');
      expect(uncodable.message).toMatch(
        language === 'en' ? /cannot code it\. Phrase the question/ : /no puede codificarla/,
      );

      // Advice about what the child did say implies an open prompt in the child's words.
      const openPrompt = await call(core, 'observers.decide', {
        sessionId,
        suggestionId: party,
        decision: 'accepted',
      });
      expect(openPrompt.coach).toMatchObject({ recommended: true, type: 'cued-invitation' });

      const queue = await call(core, 'observers.queue', { sessionId });
      const decided = queue.suggestions.find((s) => s.suggestionId === money);
      expect(decided?.decision?.coach?.recommended).toBe(false);
    } finally {
      core.close();
      removeDir(core.vaultDir);
    }
  },
);
