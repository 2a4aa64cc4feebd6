// A live NICHD interview of an 8-year-old with one child note ("It was after dinner."): the
// starting point of the vault tamper tests (foreign events, forged seals, certified writers,
// removed seals), which each then write into it as a colleague or rewrite it on disk.
import { call, type makeVault } from './core';

type Core = Awaited<ReturnType<typeof makeVault>>;

/** Starts the interview as the signed-in user on a new case; returns its session id. */
export async function liveInterview(core: Core): Promise<string> {
  const { caseId } = await call(core, 'cases.create', {
    reference: `CAC-${Math.random().toString(36).slice(2, 8)}`,
    childAlias: 'Robin',
    childAgeYears: 8,
    language: 'en',
  });
  const { sessionId } = await call(core, 'sessions.start', {
    caseId,
    protocolId: 'nichd',
    mode: 'live',
    language: 'en',
  });
  await call(core, 'sessions.addNote', { sessionId, kind: 'child', text: 'It was after dinner.' });
  return sessionId;
}
