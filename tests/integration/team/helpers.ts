// Shared set-up for the team-workflow tests: a vault with an interviewer, a reviewer and a trainer,
// an interpreted Spanish-speaking case, and a way to switch who is signed in.
import type { Core } from '../../../src/api/core';
import { ADMIN, call, makeVault } from '../../helpers/core';

export const STAFF = {
  ines: {
    username: 'ines',
    displayName: 'Inés Interviewer',
    role: 'interviewer',
    passphrase: 'interviewer pass 1234',
  },
  rey: {
    username: 'rey',
    displayName: 'Rey Reviewer',
    role: 'reviewer',
    passphrase: 'reviewer pass 12345',
  },
  tara: {
    username: 'tara',
    displayName: 'Tara Trainer',
    role: 'trainer',
    passphrase: 'trainer pass 123456',
  },
} as const;

export type Who = keyof typeof STAFF | 'admin';

export async function signIn(core: Core, who: Who): Promise<void> {
  await call(core, 'vault.lock', {});
  const person = who === 'admin' ? ADMIN : STAFF[who];
  await call(core, 'vault.unlock', { username: person.username, passphrase: person.passphrase });
}

/** A vault with staff and one case (child speaks Spanish, interview in English, interpreter). */
export async function teamVault(options: { allegationBlind?: boolean } = {}) {
  const core = await makeVault();
  for (const person of Object.values(STAFF)) await call(core, 'users.add', person);
  const { caseId } = await call(core, 'cases.create', {
    reference: 'TEAM-1',
    childAlias: 'Luz',
    childAgeYears: 15,
    language: 'es',
    interpreterNeeded: true,
    allegationSummary: 'Referral: concern raised by school counsellor',
    allegationBlind: options.allegationBlind ?? false,
  });
  return Object.assign(core, { caseId });
}

export async function liveSession(core: Core, caseId: string): Promise<string> {
  const { sessionId } = await call(core, 'sessions.start', {
    caseId,
    protocolId: 'nichd',
    mode: 'live',
    language: 'en',
    observers: [
      { role: 'interpreter', name: 'Marta Quispe' },
      { role: 'law-enforcement', name: 'Det. Ruiz' },
      { role: 'advocate' },
    ],
  });
  return sessionId;
}
