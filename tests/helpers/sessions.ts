// A vault with one case and one live NICHD session, for session tests.
import type { Core } from '../../src/api/core';
import { call, makeVault } from './core';

export async function vaultWithSession(options: Parameters<typeof makeVault>[0] = {}) {
  const core = await makeVault(options);
  const { caseId } = await call(core, 'cases.create', {
    reference: 'SES-1',
    childAlias: 'Robin',
    childAgeYears: 7,
    language: 'en',
  });
  const { sessionId } = await call(core, 'sessions.start', {
    caseId,
    protocolId: 'nichd',
    mode: 'live',
    language: 'en',
    observers: [{ role: 'law-enforcement', name: 'Det. Ruiz' }, { role: 'cps' }],
    room: 'Soft room 2',
  });
  return Object.assign(core, { caseId, sessionId });
}

export async function timeline(core: Core, sessionId: string) {
  return (await call(core, 'sessions.timeline', { sessionId })).events;
}
