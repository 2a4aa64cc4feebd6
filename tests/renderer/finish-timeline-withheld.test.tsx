// sec52 (issue #15): an event sealed for other roles (a colleague's view of an allegation-class
// event on a blind case) is a calm placeholder row in the finish/sealed timeline, in its place:
// "not shown to your role", the time of the event before it, who can read it (roles by their
// names in the reader's language, users by name) and who wrote it; never any content. The rows
// around it show as before; a timeline without such events shows no placeholder and no notice.
import { screen, within } from '@testing-library/react';
import type { UiLanguage } from '../../renderer/i18n/setup';
import { fakeCore } from './fake-core';
import { renderFinish } from './render';

const SESSION = `sess_${'0'.repeat(31)}7`;
const base = { at: '2026-11-30T17:00:00.000Z', recordingOffsetMs: null, recordingOffset: null };
const EVENTS = [
  { ...base, seq: 1, type: 'session-started' as const, elapsedMs: 0 },
  {
    ...base,
    seq: 2,
    type: 'note' as const,
    kind: 'observation' as const,
    text: 'Child settled with the drawing pad.',
    elapsedMs: 65_000,
  },
  {
    ...base,
    seq: 4,
    type: 'note' as const,
    kind: 'observation' as const,
    text: 'Break requested by the child.',
    elapsedMs: 300_000,
  },
];
const WITHHELD = [
  {
    seq: 3,
    afterAt: base.at,
    afterElapsedMs: 65_000,
    writtenBy: 'ola',
    auditEntry: 41,
    readableBy: { roles: ['admin'], users: ['ola'] },
  },
];

async function rows(language: UiLanguage, withheld: typeof WITHHELD | undefined) {
  const core = fakeCore();
  core.state.sessions.set(SESSION, {
    summary: {
      sessionId: SESSION,
      mode: 'live',
      protocolId: 'nichd',
      ageYears: 8,
      ageBand: '6-9',
      language: 'en',
      interviewer: 'ola',
      observers: [],
      status: 'sealed',
      startedAt: '2026-11-30T16:55:00.000Z',
      eventCount: 4,
      onBreak: false,
      paused: false,
      ...(withheld ? { withheldEvents: [3] } : {}),
    },
    events: EVENTS,
    ...(withheld ? { withheld } : {}),
  });
  renderFinish(core, language, SESSION, { username: 'ivan', role: 'interviewer' });
  const table = await screen.findByRole('table');
  return within(table)
    .getAllByRole('row')
    .slice(1)
    .map((r) => (r.textContent ?? '').replace(/\s+/g, ' '));
}

test('en: the placeholder sits in its place and says who can read it, with no content', async () => {
  const shown = await rows('en', WITHHELD);
  expect(shown).toHaveLength(4);
  expect(shown[1]).toContain('Child settled with the drawing pad.');
  expect(shown[2]).toContain('after 1:05');
  expect(shown[2]).toContain('Not shown to your role');
  expect(shown[2]).toContain('Who can read it: Administrator; ola by name.');
  expect(shown[2]).toContain('Written by ola (audit entry 41).');
  expect(shown[3]).toContain('Break requested by the child.');
  expect(
    screen.getByText(
      '1 event of this session is sealed for other roles and is shown only as a placeholder.',
    ),
  ).toBeTruthy();
  // The seal cannot be recomputed without every event: said calmly, not as a failed check.
  expect(screen.getByRole('status').textContent).toMatch(
    /can be checked only by someone who can read every event/,
  );
  expect(screen.queryByText(/failed its check/)).toBeNull();
});

test('es: la misma fila en español', async () => {
  const shown = await rows('es', WITHHELD);
  expect(shown[2]).toContain('No visible para su rol');
  expect(shown[2]).toContain('Pueden leerlo: Persona administradora; por nombre: ola.');
  expect(shown[2]).toContain('Lo registró ola (entrada de auditoría 41).');
});

test('no withheld events: no placeholder row and no notice', async () => {
  const shown = await rows('en', undefined);
  expect(shown).toHaveLength(3);
  expect(shown.join(' ')).not.toContain('Not shown to your role');
  expect(screen.queryByText(/sealed for other roles/)).toBeNull();
});
