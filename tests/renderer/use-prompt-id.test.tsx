// Practitioner review 7, P7-2: pressing Use on a suggested prompt and saving the question records
// the prompt's id with the note (filled blanks and all), so the used prompt drops out of
// "Suggested next" and the next one in the protocol's order comes up. A question typed freely
// carries no id.
import { screen, waitFor, within } from '@testing-library/react';
import { fakeCore } from './fake-core';
import { openLiveSession } from './live-helpers';

test('Use, then Enter: the question carries the prompt id and the prompt drops away', async () => {
  const core = fakeCore();
  const { user } = await openLiveSession(core);
  const prompts = screen.getByRole('heading', { name: 'Suggested next' }).closest('section')!;
  const first = within(prompts).getAllByRole('listitem')[0]!;
  const firstText = first.querySelector('.prompt-text')!.textContent;
  await user.click(within(first).getByRole('button', { name: /^Use/ }));
  const box = screen.getByRole('textbox', { name: /Note/ });
  await user.type(box, ' ');
  await user.keyboard('{Enter}');
  const notes = core.calls.filter((c) => c.channel === 'sessions.addNote');
  expect(notes).toHaveLength(1);
  expect(notes[0]!.payload.promptId).toEqual(expect.stringMatching(/^intro\./));
  const usedId = notes[0]!.payload.promptId as string;
  // The used prompt is no longer suggested; the next one is.
  const after = within(
    screen.getByRole('heading', { name: 'Suggested next' }).closest('section')!,
  ).getAllByRole('listitem');
  expect(after[0]!.querySelector('.prompt-text')!.textContent).not.toBe(firstText);
  // A question typed freely carries no prompt id.
  await user.type(box, 'Tell me about your dog.{Enter}');
  const free = core.calls.filter((c) => c.channel === 'sessions.addNote')[1]!;
  expect(free.payload.promptId).toBeUndefined();
  expect(usedId).not.toBe('');
});

test('Use, then a lock: the draft keeps the prompt id, and the question saved after unlock carries it', async () => {
  const core = fakeCore();
  const { user } = await openLiveSession(core);
  const prompts = screen.getByRole('heading', { name: 'Suggested next' }).closest('section')!;
  const first = within(prompts).getAllByRole('listitem')[0]!;
  await user.click(within(first).getByRole('button', { name: /^Use/ }));
  await user.click(screen.getByRole('button', { name: 'Lock' }));
  await user.click(screen.getByRole('button', { name: 'Lock now' }));
  await screen.findByRole('heading', { name: 'Unlock Hearth' });
  const save = core.calls.find((c) => c.channel === 'sessions.saveDrafts')!;
  const [draft] = (save.payload as { drafts: Array<{ promptId?: string }> }).drafts;
  expect(draft!.promptId).toEqual(expect.stringMatching(/^intro\./));

  await user.type(screen.getByLabelText('User name'), 'ada');
  await user.type(screen.getByLabelText('Passphrase'), 'correct horse battery');
  await user.click(screen.getByRole('button', { name: 'Unlock' }));
  const box = await screen.findByLabelText('Note');
  await waitFor(() => expect(box).not.toHaveValue(''));
  await user.click(box);
  await user.keyboard('{Enter}');
  const notes = core.calls.filter((c) => c.channel === 'sessions.addNote');
  expect(notes).toHaveLength(1);
  expect(notes[0]!.payload.promptId).toBe(draft!.promptId);
});
