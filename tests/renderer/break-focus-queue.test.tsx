// Starting a break with suggestions from the team waiting puts the focus on the queue's heading
// (announced with its count), not on the note box: a keyboard user lands on what the break is
// for. With none waiting the note box keeps it. The whole live screen, the break started by
// keyboard (Alt+B, Enter) and by mouse.
/* eslint-disable @typescript-eslint/no-explicit-any */
import { screen, waitFor } from '@testing-library/react';
import { fail, fakeCore } from './fake-core';
import { openLiveSession } from './live-helpers';

// The whole app in jsdom on a shared machine: generous, never a timing assertion.
jest.setTimeout(120_000);

/** A fake core whose queue holds `texts` as waiting suggestions. */
function coreWithQueue(texts: string[]) {
  const suggestions = texts.map((text, i) => ({
    suggestionId: `sugg_${String(i).repeat(32)}`,
    role: 'prosecutor',
    text,
    at: new Date().toISOString(),
    elapsedMs: 1000,
    device: 'local',
    enteredBy: 'ines',
    status: 'pending',
  }));
  return fakeCore({
    'observers.queue': () => ({
      suggestions,
      pending: suggestions.length,
      counts: { suggested: texts.length, accepted: 0, rephrased: 0, declined: 0, notAsked: 0 },
    }),
  });
}

const queueHeading = () => screen.getByRole('heading', { name: 'Suggestions at the break' });

test('a break started by keyboard with suggestions waiting focuses the queue heading, which names the count', async () => {
  const core = coreWithQueue(['Ask about the phone.', 'Ask where the party was.']);
  const { user } = await openLiveSession(core);
  const box = screen.getByLabelText('Note');
  await user.click(box);
  await user.keyboard('{Alt>}b{/Alt}');
  // The first reason has the focus; Enter takes it.
  await user.keyboard('{Enter}');
  await waitFor(() => expect(document.activeElement).toBe(queueHeading()), { timeout: 20_000 });
  expect(queueHeading()).toHaveAccessibleDescription('2 suggestions waiting');
  // Tab goes on into the queue, not back to the note box.
  await user.tab();
  expect(document.activeElement).toBe(
    screen.getByRole('region', { name: 'Suggestions at the break' }),
  );
});

test('a team break started with the mouse focuses the queue heading too', async () => {
  const core = coreWithQueue(['Ask about the phone.']);
  const { user } = await openLiveSession(core);
  await user.click(screen.getByRole('button', { name: /Start a break/ }));
  await user.click(screen.getByRole('button', { name: 'Checking with the team' }));
  await waitFor(() => expect(document.activeElement).toBe(queueHeading()), { timeout: 20_000 });
  expect(queueHeading()).toHaveAccessibleDescription('1 suggestion waiting');
});

test('with no suggestion waiting the note box keeps the focus at the break', async () => {
  const core = coreWithQueue([]);
  const { user } = await openLiveSession(core);
  await user.click(screen.getByLabelText('Note'));
  await user.keyboard('{Alt>}b{/Alt}{Enter}');
  // The queue has been read (its empty line is shown) and the focus has not moved.
  expect(await screen.findByText('0 suggestions waiting', {}, { timeout: 20_000 })).toBeVisible();
  await waitFor(() =>
    expect(core.calls.filter((c: any) => c.channel === 'observers.queue').length).toBeGreaterThan(
      1,
    ),
  );
  expect(document.activeElement).toBe(screen.getByLabelText('Note'));
});

test('the focus moves once per break: typing in the box at the break is not pulled back to the queue', async () => {
  const core = coreWithQueue(['Ask about the phone.']);
  const { user } = await openLiveSession(core);
  await user.click(screen.getByLabelText('Note'));
  await user.keyboard('{Alt>}b{/Alt}{Enter}');
  await waitFor(() => expect(document.activeElement).toBe(queueHeading()), { timeout: 20_000 });
  const box = screen.getByLabelText('Note');
  await user.click(box);
  await user.type(box, 'The child went to the bathroom.');
  // The queue is re-read (every few seconds, and after each decision); the box keeps the focus.
  const reads = core.calls.filter((c: any) => c.channel === 'observers.queue').length;
  await waitFor(
    () =>
      expect(core.calls.filter((c: any) => c.channel === 'observers.queue').length).toBeGreaterThan(
        reads,
      ),
    { timeout: 20_000 },
  );
  expect(document.activeElement).toBe(box);
  expect(box).toHaveValue('The child went to the bathroom.');
});

test('a queue that could not be read at the break start does not take the focus when a later read works', async () => {
  // The test decides when reads fail: from just before the break until the break's panel has
  // shown the failure; the calm re-read a few seconds later works.
  let failing = false;
  const core = fakeCore({
    'observers.queue': () => {
      if (failing) return fail('VAULT_LOCKED');
      return {
        suggestions: [
          {
            suggestionId: `sugg_${'1'.repeat(32)}`,
            role: 'cps',
            text: 'Ask about the phone.',
            at: new Date().toISOString(),
            elapsedMs: 1000,
            device: 'local',
            enteredBy: 'ines',
            status: 'pending',
          },
        ],
        pending: 1,
        counts: { suggested: 1, accepted: 0, rephrased: 0, declined: 0, notAsked: 0 },
      };
    },
  });
  const { user } = await openLiveSession(core);
  const box = screen.getByLabelText('Note');
  await user.click(box);
  failing = true;
  await user.keyboard('{Alt>}b{/Alt}{Enter}');
  const panel = () =>
    document.querySelector<HTMLElement>('.observer-panel.at-break') ?? document.body;
  await waitFor(() => expect(panel().querySelector('.notice-what')).not.toBeNull(), {
    timeout: 20_000,
  });
  expect(document.activeElement).toBe(box);
  failing = false;
  expect(await screen.findByText('1 suggestion waiting', {}, { timeout: 20_000 })).toBeVisible();
  expect(document.activeElement).toBe(box);
});
