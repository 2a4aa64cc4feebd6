// The finish screen of a sealed session lists the events others wrote after the seal (R10-14).
// Each is named in the reader's language from the verifier's catalog, as `hearth verify` names
// it, never by its codes: the list once read "Event 14 (media-aid) by bea" and
// "Evento 13 (note (mdt)) escrito por bea" (issue #17).
import { screen, within } from '@testing-library/react';
import type { UiLanguage } from '../../renderer/i18n/setup';
import { fakeCore } from './fake-core';
import { missingKeys, renderFinish } from './render';

const SESSION = `sess_${'0'.repeat(31)}1`;
const AFTER_SEAL = [
  { seq: 13, by: 'bea', at: '2026-11-30T15:00:00.000Z', type: 'note', kind: 'mdt' },
  { seq: 14, by: 'bea', at: '2026-11-30T15:01:00.000Z', type: 'media-aid' },
  { seq: 15, by: 'bea', at: '2026-11-30T15:02:00.000Z', type: 'future-thing' },
];

function showFinish(language: UiLanguage) {
  const core = fakeCore({
    'sessions.verify': () => ({ ok: true, writtenAfterSeal: AFTER_SEAL }),
  });
  core.state.sessions.set(SESSION, {
    summary: {
      sessionId: SESSION,
      mode: 'live',
      protocolId: 'nichd',
      ageYears: 7,
      ageBand: '6-9',
      language: 'en',
      interviewer: 'ola',
      observers: [],
      status: 'sealed',
      startedAt: '2026-11-30T14:05:00.000Z',
      eventCount: 12,
      onBreak: false,
      paused: false,
    },
    events: [],
  });
  renderFinish(core, language, SESSION, { username: 'ola', role: 'interviewer' });
}

test.each([
  [
    'en' as const,
    [
      /^Event 13 \(team \(MDT\) note\) by bea/,
      /^Event 14 \(media aid, used or declined\) by bea/,
      /^Event 15 \(an event of a type this Hearth does not know \(“future-thing”\)\) by bea/,
    ],
  ],
  [
    'es' as const,
    [
      /^Evento 13 \(nota de equipo \(MDT\)\) escrito por bea/,
      /^Evento 14 \(material de apoyo \(usado, o la decisión de no usarlo\)\) escrito por bea/,
      /^Evento 15 \(un evento de un tipo que esta versión de Hearth no conoce \(“future-thing”\)\) escrito por bea/,
    ],
  ],
])('events written after the seal are named in words (%s)', async (language, expected) => {
  showFinish(language);
  const alert = await screen.findByRole('alert');
  const items = within(alert)
    .getAllByRole('listitem')
    .map((li) => li.textContent ?? '');
  expect(items).toHaveLength(3);
  items.forEach((text, i) => expect(text).toMatch(expected[i]!));
  expect(alert.textContent).not.toMatch(/\(media-aid\)|\(note \(mdt\)\)/);
  // The unknown type is looked up and missed on purpose (the fallback words it); nothing else.
  expect(new Set(missingKeys.splice(0))).toEqual(
    new Set([`${language}:facts.events.future-thing`]),
  );
});
