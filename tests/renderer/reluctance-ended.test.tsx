// Issue #18 (review B3/E2): reluctance holds across sessions until the interviewer records that it
// ended. The live screen says where a carried reluctance came from ("Reluctance carried from
// session 1, Dec 3.") with the protocol's source, and offers "Reluctance ended", which records a
// `reluctance-ended` event; the guidance then stops putting support first.
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { I18nextProvider } from 'react-i18next';
import { ReluctanceStatus } from '../../renderer/live/reluctance';
import { guidanceEvents, type Entry } from '../../renderer/live/entries';
import { createI18n } from '../../renderer/i18n/setup';
import { planSessionAt, reduceGuidance } from '../../src/protocols';
import { fakeCore } from './fake-core';
import { openLiveSession } from './live-helpers';

const strict = (language: 'en' | 'es') =>
  createI18n({
    language,
    onMissingKey: (l, k) => {
      throw new Error(`${l}:${k}`);
    },
  });

const eventTypes = (core: ReturnType<typeof fakeCore>) =>
  [...core.state.sessions.values()][0]!.events.map((e: { type: string }) => e.type);

// Noon UTC: the same calendar day in every time zone the test may run in (UTC-11 to UTC+11).
const CARRIED = { session: 1, startedAt: '2026-12-03T12:00:00.000Z' };

test.each([
  ['en', 'Reluctance was noted in session 1 (Dec 3).', 'Reluctance ended'],
  ['es', 'Reticencia anotada en la sesión 1 (3 dic).', 'Anotar fin de la reticencia'],
] as const)(
  '%s: carried reluctance says where from, with its source, and can be ended',
  async (language, line, button) => {
    const plan = planSessionAt('nichd', 8, language, {}, { index: 2, planned: 2 });
    const view = reduceGuidance(plan, guidanceEvents([], language, false, [], CARRIED), 1000);
    const ended: string[] = [];
    const i18n = strict(language);
    render(
      <I18nextProvider i18n={i18n}>
        <ReluctanceStatus reluctance={view.reluctance} onEnd={() => ended.push('end')} />
      </I18nextProvider>,
    );
    const status = screen.getByTestId('reluctance-status');
    expect(status).toHaveTextContent(line);
    // ui30: the source is inside the fold, first, and the line says so ("· source"); the fold
    // opens from the keyboard (a native disclosure: its summary is focusable).
    const summary = status.querySelector('summary')!;
    expect(summary).toHaveTextContent(language === 'en' ? '· source' : '· fuente');
    expect(status).not.toHaveAttribute('open');
    summary.focus();
    expect(summary).toHaveFocus();
    await userEvent.click(summary);
    expect(status).toHaveAttribute('open');
    // The source is the revised NICHD protocol, with the research behind it (the tooltip).
    const source = screen.getByTestId('reluctance-source');
    expect(status.querySelector('summary + p')).toBe(source);
    expect(source).toHaveTextContent('NICHD Revised Protocol, 2014');
    expect(source.innerHTML).toContain('Hershkowitz, Lamb &amp; Katz, 2014');
    expect(source.innerHTML).toContain('Lamb et al., 2018');
    await userEvent.click(screen.getByRole('button', { name: button }));
    expect(ended).toEqual(['end']);
  },
);

test('without onEnd (a sealed session) there is no "Reluctance ended" button', () => {
  const plan = planSessionAt('nichd', 8, 'en', {}, { index: 2, planned: 2 });
  const view = reduceGuidance(plan, guidanceEvents([], 'en', false, [], CARRIED), 1000);
  render(
    <I18nextProvider i18n={strict('en')}>
      <ReluctanceStatus reluctance={view.reluctance} />
    </I18nextProvider>,
  );
  expect(screen.getByTestId('reluctance-status')).toHaveTextContent('noted in session 1');
  expect(screen.queryByRole('button', { name: 'Reluctance ended' })).toBeNull();
});

test('the guidance ends carried reluctance at a reluctance-ended entry', () => {
  const plan = planSessionAt('nichd', 8, 'en', {}, { index: 2, planned: 2 });
  const entry: Entry = {
    key: 'k1',
    op: { type: 'reluctance-ended' },
    status: 'saved',
    elapsedMs: 5000,
    recordingOffsetMs: null,
  };
  const before = reduceGuidance(plan, guidanceEvents([], 'en', false, [], CARRIED), 6000);
  expect(before.nextPrompts[0]?.source).toBe('supportive');
  const after = reduceGuidance(plan, guidanceEvents([entry], 'en', false, [], CARRIED), 6000);
  expect(after.reluctance).toMatchObject({
    active: false,
    notedCount: 0,
    carriedFromSession: null,
    carriedFromStartedAt: null,
  });
  expect(after.nextPrompts[0]?.source).not.toBe('supportive');
});

test('live screen: "Reluctance ended" beside a noted reluctance goes into the record', async () => {
  const core = fakeCore();
  const { user } = await openLiveSession(core);
  expect(screen.queryByRole('button', { name: 'Reluctance ended' })).toBeNull();
  await user.keyboard('{Alt>}l{/Alt}');
  const row = await screen.findByTestId('reluctance-row');
  expect(row).toHaveTextContent('Reluctance noted.');
  await user.click(within(row).getByRole('button', { name: 'Reluctance ended' }));
  expect(screen.queryByTestId('reluctance-status')).toBeNull();
  expect(eventTypes(core)).toEqual(['reluctance-noted', 'reluctance-ended']);
  // A press after the end starts reluctance again.
  await user.keyboard('{Alt>}l{/Alt}');
  expect(await screen.findByTestId('reluctance-status')).toHaveTextContent('Reluctance noted.');
});
