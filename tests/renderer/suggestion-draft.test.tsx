// Issue #19: a question begun from an observer suggestion ("Use this wording") keeps its link to
// the suggestion while it is only a draft: after another screen, and after a lock and unlock
// (the core keeps the draft meanwhile). The question saved afterwards carries the suggestion's
// id, so the record shows that it asked that suggestion.
import { screen, waitFor } from '@testing-library/react';
import { fakeCore } from './fake-core';
import { openLiveSession } from './live-helpers';

const SUGGESTION = `sugg_${'c'.repeat(32)}`;
const WORDING = 'Tell me about the people at your home.';

/** One rephrased suggestion, decided at an earlier break and not asked yet. */
const queue = () => ({
  suggestions: [
    {
      suggestionId: SUGGESTION,
      role: 'cps',
      text: 'Who do you live with now?',
      at: new Date().toISOString(),
      elapsedMs: 1000,
      device: 'local',
      enteredBy: 'ada',
      status: 'rephrased',
      decision: { at: new Date().toISOString(), by: 'ada', text: WORDING },
    },
  ],
  pending: 0,
  counts: {
    suggested: 1,
    accepted: 0,
    rephrased: 1,
    declined: 0,
    undecided: 0,
    notAsked: 1,
    judgedByWording: 0,
  },
});

const savedNotes = (core: ReturnType<typeof fakeCore>): unknown[] =>
  core.calls.filter((c) => c.channel === 'sessions.addNote').map((c): unknown => c.payload);

test('Use this wording, another screen, back: the question saved carries the suggestion id', async () => {
  const core = fakeCore({ 'observers.queue': queue });
  const { user } = await openLiveSession(core);
  await user.click(await screen.findByRole('button', { name: 'Use this wording' }));
  const box = screen.getByLabelText('Note');
  await waitFor(() => expect(box).toHaveValue(WORDING));
  await user.type(box, ' Who else comes to visit?');
  await user.click(screen.getByRole('button', { name: 'Cases' }));
  await user.click(await screen.findByRole('button', { name: /in progress/i }));
  const again = await screen.findByLabelText('Note');
  await waitFor(() => expect(again).toHaveValue(`${WORDING} Who else comes to visit?`));
  await user.click(again);
  await user.keyboard('{Enter}');
  expect(savedNotes(core)).toEqual([
    expect.objectContaining({
      kind: 'question',
      text: `${WORDING} Who else comes to visit?`,
      suggestionId: SUGGESTION,
    }),
  ]);
});

test('Use this wording, then a lock: the draft kept by the core holds the link, and the question saved after unlock carries it', async () => {
  const core = fakeCore({ 'observers.queue': queue });
  const { user } = await openLiveSession(core);
  await user.click(await screen.findByRole('button', { name: 'Use this wording' }));
  await waitFor(() => expect(screen.getByLabelText('Note')).toHaveValue(WORDING));
  await user.click(screen.getByRole('button', { name: 'Lock' }));
  await user.click(screen.getByRole('button', { name: 'Lock now' }));
  await screen.findByRole('heading', { name: 'Unlock Hearth' });
  const save = core.calls.find((c) => c.channel === 'sessions.saveDrafts')!;
  expect((save.payload as { drafts: unknown[] }).drafts).toEqual([
    expect.objectContaining({ kind: 'question', text: WORDING, suggestionId: SUGGESTION }),
  ]);

  await user.type(screen.getByLabelText('User name'), 'ada');
  await user.type(screen.getByLabelText('Passphrase'), 'correct horse battery');
  await user.click(screen.getByRole('button', { name: 'Unlock' }));
  const box = await screen.findByLabelText('Note');
  await waitFor(() => expect(box).toHaveValue(WORDING));
  await user.click(box);
  await user.keyboard('{Enter}');
  expect(savedNotes(core)).toEqual([
    expect.objectContaining({ kind: 'question', text: WORDING, suggestionId: SUGGESTION }),
  ]);
});

test('a draft emptied by hand forgets the link: what is typed next is a free question', async () => {
  const core = fakeCore({ 'observers.queue': queue });
  const { user } = await openLiveSession(core);
  await user.click(await screen.findByRole('button', { name: 'Use this wording' }));
  const box = screen.getByLabelText('Note');
  await waitFor(() => expect(box).toHaveValue(WORDING));
  await user.clear(box);
  await user.type(box, 'Tell me about your dog.');
  await user.click(screen.getByRole('button', { name: 'Cases' }));
  await user.click(await screen.findByRole('button', { name: /in progress/i }));
  const again = await screen.findByLabelText('Note');
  await waitFor(() => expect(again).toHaveValue('Tell me about your dog.'));
  await user.click(again);
  await user.keyboard('{Enter}');
  expect(savedNotes(core)).toHaveLength(1);
  expect(savedNotes(core)[0]).not.toHaveProperty('suggestionId');
});
