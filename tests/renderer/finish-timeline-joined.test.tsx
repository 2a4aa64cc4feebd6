// Rendition 9's observer-joined event (B19e-6) on the finish screen's timeline, before the seal
// (the timeline the interviewer attests to reviewing) and after it (a sealed session): the row
// names who joined from behind the glass (role, and the name when the seal keeps one). It was
// the event's title beside an empty text cell.
import { screen, within } from '@testing-library/react';
import type { UiLanguage } from '../../renderer/i18n/setup';
import { fakeCore } from './fake-core';
import { renderFinish } from './render';

const SESSION = `sess_${'0'.repeat(31)}2`;
const base = { at: '2026-11-30T17:00:00.000Z', recordingOffsetMs: null, recordingOffset: null };
const SUGG = `sugg_${'a'.repeat(32)}`;
const SUGG2 = `sugg_${'b'.repeat(32)}`;
const EVENTS = [
  {
    ...base,
    seq: 6,
    type: 'observer-joined' as const,
    elapsedMs: 120_000,
    suggestionId: SUGG,
    observerRole: 'prosecutor' as const,
    observerName: 'ADA Chen',
  },
  {
    ...base,
    seq: 7,
    type: 'observer-suggestion' as const,
    elapsedMs: 120_000,
    suggestionId: SUGG,
    observerRole: 'prosecutor' as const,
    observerName: 'ADA Chen',
    text: 'Ask about the phone.',
  },
  // No name given with the suggestion: the role alone.
  {
    ...base,
    seq: 8,
    type: 'observer-joined' as const,
    elapsedMs: 130_000,
    suggestionId: SUGG2,
    observerRole: 'cps' as const,
  },
];

async function timelineRows(language: UiLanguage, status: 'active' | 'sealed') {
  const core = fakeCore();
  core.state.sessions.set(SESSION, {
    summary: {
      sessionId: SESSION,
      mode: 'live',
      protocolId: 'nichd',
      ageYears: 15,
      ageBand: '14-17',
      language: 'en',
      interviewer: 'ola',
      observers: [],
      status,
      startedAt: '2026-11-30T16:55:00.000Z',
      eventCount: 8,
      onBreak: false,
      paused: false,
    },
    events: EVENTS,
  });
  renderFinish(core, language, SESSION, { username: 'ola', role: 'interviewer' });
  const table = await screen.findByRole('table');
  return within(table)
    .getAllByRole('row')
    .slice(1)
    .map((r) => (r.textContent ?? '').replace(/\s+/g, ' '));
}

test.each(['active', 'sealed'] as const)('en, %s: who joined, by role and name', async (status) => {
  const rows = await timelineRows('en', status);
  expect(rows[0]).toContain('Observer joined (sent a suggestion; not on the list at the start)');
  expect(rows[0]).toContain(
    'Prosecutor, ADA Chen: not on the observer list at the start; recorded when they sent their first suggestion',
  );
  expect(rows[1]).toContain('Suggested by Prosecutor, ADA Chen');
  expect(rows[2]).toContain('Child protective services: not on the observer list at the start');
});

test.each(['active', 'sealed'] as const)('es, %s: la misma fila en español', async (status) => {
  const rows = await timelineRows('es', status);
  expect(rows[0]).toContain('Persona observadora que se sumó (envió una sugerencia; no figuraba en la lista al inicio)');
  expect(rows[0]).toContain(
    'Fiscalía, ADA Chen: no figuraba en la lista de observadores al inicio; quedó registrado al enviar su primera sugerencia',
  );
  expect(rows[2]).toMatch(
    /Servicios de Protección Infantil.*: no figuraba en la lista de observadores/,
  );
});
