// A vault with one case and one live NICHD session, for session tests.
import type { Core } from '../../src/api/core';
import { call, makeVault } from './core';

type StartExtras = Partial<{
  observers: Array<{ role: string; name?: string }>;
  room: string;
}>;

/**
 * Creates a case (an English-speaking child, alias and age as given) and starts a live NICHD
 * session on it. Returns the new ids; the core must be unlocked.
 */
export async function startLiveSession(
  core: Core,
  reference: string,
  child: { alias?: string; ageYears?: number } = {},
  extras: StartExtras = {},
): Promise<{ caseId: string; sessionId: string }> {
  const { caseId } = await call(core, 'cases.create', {
    reference,
    childAlias: child.alias ?? 'Robin',
    childAgeYears: child.ageYears ?? 7,
    language: 'en',
  });
  const { sessionId } = await call(core, 'sessions.start', {
    caseId,
    protocolId: 'nichd',
    mode: 'live',
    language: 'en',
    ...extras,
  });
  return { caseId, sessionId };
}

/**
 * Session 1 of a two-session NICHD live interview of an 8-year-old, in `language`, on a case whose
 * team information says the child told a teacher (so the transition offers its team prompts).
 */
export async function startExtendedSession(
  core: Core,
  reference: string,
  language: 'en' | 'es',
): Promise<{ caseId: string; sessionId: string }> {
  const { caseId } = await call(core, 'cases.create', {
    reference,
    childAlias: 'Robin',
    childAgeYears: 8,
    language,
    allegationSummary: 'Team information: the child told a teacher.',
  });
  const { sessionId } = await call(core, 'sessions.start', {
    caseId,
    protocolId: 'nichd',
    mode: 'live',
    language,
    extended: { plannedSessions: 2 },
  });
  return { caseId, sessionId };
}

export async function vaultWithSession(options: Parameters<typeof makeVault>[0] = {}) {
  const core = await makeVault(options);
  const ids = await startLiveSession(
    core,
    'SES-1',
    {},
    {
      observers: [{ role: 'law-enforcement', name: 'Det. Ruiz' }, { role: 'cps' }],
      room: 'Soft room 2',
    },
  );
  return Object.assign(core, ids);
}

export async function timeline(core: Core, sessionId: string) {
  return (await call(core, 'sessions.timeline', { sessionId })).events;
}
