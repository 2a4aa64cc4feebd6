import userEvent from '@testing-library/user-event';
import { act, screen, waitFor, within } from '@testing-library/react';
import { fail, fakeCore } from './fake-core';
import { openLiveSession } from './live-helpers';
import { renderApp } from './render';

test('a note appears the moment Enter is pressed, before the vault answers', async () => {
  let release: () => void = () => undefined;
  const core = fakeCore();
  const { user } = await openLiveSession(core);
  const held = new Promise<void>((resolve) => (release = resolve));
  const original = core.invoke.bind(core);
  core.invoke = async (channel, payload) => {
    if (channel === 'sessions.addNote') await held;
    return original(channel, payload);
  };
  const box = screen.getByLabelText('Note');
  await user.type(box, 'Tell me everything about that day.{Enter}');
  const notes = screen.getByTestId('notes');
  expect(within(notes).getByText('Tell me everything about that day.')).toBeInTheDocument();
  expect(within(notes).getByText('saving…')).toBeInTheDocument();
  expect(box).toHaveValue('');
  await act(() => {
    release();
    return Promise.resolve();
  });
  await waitFor(() => expect(within(notes).queryByText('saving…')).not.toBeInTheDocument());
});

test('a note that fails to save keeps its text and can be retried calmly', async () => {
  let failing = true;
  const core = fakeCore();
  const { user } = await openLiveSession(core);
  const original = core.invoke.bind(core);
  core.invoke = (channel, payload) =>
    channel === 'sessions.addNote' && failing
      ? Promise.resolve({ ok: false, error: { code: 'DISK_FULL', message: 'x' } })
      : original(channel, payload);
  await user.type(screen.getByLabelText('Note'), 'She said it was at the park.{Enter}');
  // The text comes back into the box, with the reason right under it.
  await waitFor(() =>
    expect(screen.getByLabelText('Note')).toHaveValue('She said it was at the park.'),
  );
  const problem = document.getElementById('note-problem')!;
  expect(problem).toHaveTextContent(/This note was not saved\. .*disk/i);
  // Said once: the reason does not repeat that it was not saved.
  expect(problem.textContent.match(/not saved/g)).toHaveLength(1);
  expect(problem).toHaveTextContent('Your text is kept in the box.');
  expect(screen.getByLabelText('Note')).toHaveAccessibleDescription(/This note was not saved/);
  expect(screen.queryByText('Not saved yet; your text is kept.')).not.toBeInTheDocument();
  failing = false;
  await user.click(within(problem).getByRole('button', { name: 'Try again' }));
  await waitFor(() => expect(document.getElementById('note-problem')).toBeNull());
  expect(screen.getByLabelText('Note')).toHaveValue('');
  const session = [...core.state.sessions.values()][0]!;
  expect(session.events.some((e) => e.text === 'She said it was at the park.')).toBe(true);
});

test('keyboard: kinds, keywords, keyword chip invitation, next phase and break', async () => {
  const core = fakeCore();
  const { user } = await openLiveSession(core);
  const box = screen.getByLabelText('Note');
  await user.click(box);
  await user.keyboard('{Alt>}n{/Alt}');
  expect(await screen.findByRole('heading', { name: 'Rapport building' })).toBeInTheDocument();

  await user.keyboard('{Alt>}2{/Alt}');
  expect(screen.getByLabelText(/Child's words/)).toBeChecked();
  await user.type(box, 'the blue car');
  await user.keyboard('{Alt>}k{/Alt}');
  expect(screen.getByText("Kept as the child's words:")).toBeInTheDocument();
  await user.keyboard('{Enter}');
  const chip = await screen.findByRole('button', { name: 'Ask about “the blue car”' });
  expect(chip).toBeInTheDocument();

  await user.keyboard('{Control>}1{/Control}');
  await waitFor(() =>
    expect(box).toHaveValue('You said, “the blue car”. Tell me more about that.'),
  );
  expect(screen.getByLabelText(/^Question/)).toBeChecked();
  expect(screen.getByTestId('question-hint')).toHaveTextContent('Cued invitation');

  // Alt+B asks why (the first reason has the focus), Enter takes it; a timer runs.
  await user.keyboard('{Alt>}b{/Alt}');
  expect(screen.getByRole('button', { name: 'The child asked' })).toHaveFocus();
  await user.keyboard('{Enter}');
  expect(await screen.findByText(/On a break/)).toBeInTheDocument();
  expect(screen.getByTestId('break-timer')).toHaveTextContent(/^\d+:\d\d$/);
  expect(box).toHaveFocus();
  await user.keyboard('{Alt>}b{/Alt}');
  await waitFor(() => expect(screen.queryByText(/On a break/)).not.toBeInTheDocument());
  const types = [...core.state.sessions.values()][0]!.events.map((e: { type: string }) => e.type);
  expect(types).toEqual(['phase-entered', 'note', 'break-started', 'break-ended']);
  const started = [...core.state.sessions.values()][0]!.events.find(
    (e: { type: string }) => e.type === 'break-started',
  );
  expect(started.reason).toBe('The child asked');
});

test('a suggestive question gets a quiet hint with an open invitation to use instead', async () => {
  const { user } = await openLiveSession(fakeCore());
  const box = screen.getByLabelText('Note');
  await user.type(box, "He hurt you, didn't he?");
  const hint = screen.getByTestId('question-hint');
  expect(hint).toHaveTextContent('Suggestive question');
  expect(hint).toHaveTextContent('Try instead:');
  await user.keyboard('{Alt>}i{/Alt}');
  expect((box as HTMLTextAreaElement).value).not.toBe("He hurt you, didn't he?");
  expect(screen.getByTestId('question-hint')).not.toHaveTextContent('Suggestive question');
});

test('the privacy curtain hides everything at once and brings back the half-typed note', async () => {
  const { user } = await openLiveSession(fakeCore());
  await user.type(screen.getByLabelText('Note'), 'half a thought');
  await user.keyboard('{Alt>}h{/Alt}');
  expect(screen.getByTestId('privacy-curtain')).toBeInTheDocument();
  expect(screen.queryByText('CAC-1')).not.toBeInTheDocument();
  expect(screen.queryByRole('heading', { name: 'Introduction' })).not.toBeInTheDocument();
  await user.keyboard('{Alt>}h{/Alt}');
  expect(screen.queryByTestId('privacy-curtain')).not.toBeInTheDocument();
  expect(screen.getByLabelText('Note')).toHaveValue('half a thought');
  await waitFor(() => expect(screen.getByLabelText('Note')).toHaveFocus());
});

test('a load failure shows a plain message with a retry', async () => {
  const core = fakeCore({ 'sessions.timeline': () => fail('VAULT_LOCKED') });
  await core.invoke('cases.create', {
    reference: 'CAC-1',
    childAlias: 'Mia',
    childAgeYears: 7,
    language: 'en',
  });
  const { user } = renderApp(core);
  await user.click(await screen.findByRole('button', { name: 'Plan interview for case CAC-1' }));
  await user.click(await screen.findByLabelText(/I confirm the child's age/));
  await user.click(screen.getByRole('button', { name: 'Start the interview' }));
  expect(await screen.findByText('Hearth is locked.')).toBeInTheDocument();
  expect(screen.getByRole('button', { name: 'Try again' })).toBeInTheDocument();
});

test("the shell's menu events take a break and raise the curtain", async () => {
  const core = fakeCore();
  await openLiveSession(core);
  act(() => core.emit({ type: 'menu', action: 'mark-break' }));
  await userEvent.click(await screen.findByRole('button', { name: 'Planned break' }));
  expect(await screen.findByText(/On a break/)).toBeInTheDocument();
  act(() => core.emit({ type: 'menu', action: 'privacy-curtain' }));
  expect(screen.getByTestId('privacy-curtain')).toBeInTheDocument();
  act(() => core.emit({ type: 'menu', action: 'new-note' }));
  act(() => core.emit({ type: 'menu', action: 'privacy-curtain' }));
  expect(screen.queryByTestId('privacy-curtain')).not.toBeInTheDocument();
});

test('a saved note can be corrected; the correction is a new version with a reason', async () => {
  const core = fakeCore({
    'sessions.editNote': (p: { text: string }) => ({
      seq: 99,
      at: new Date().toISOString(),
      elapsedMs: 5,
      recordingOffsetMs: null,
      noteId: `note_${'0'.repeat(31)}1`,
      version: 2,
      text: p.text,
    }),
  });
  const { user } = await openLiveSession(core);
  await user.type(screen.getByLabelText('Note'), 'She said the blue car.{Enter}');
  const correct = await screen.findByRole('button', {
    name: 'Correct the note “She said the blue car.”',
  });
  await user.click(correct);
  const box = screen.getByLabelText('Corrected note');
  await user.clear(box);
  await user.type(box, 'She said the red car.');
  await user.type(screen.getByLabelText('Reason for the correction (optional)'), 'typo');
  await user.click(screen.getByRole('button', { name: 'Save the correction' }));
  expect(await screen.findByText('She said the red car.')).toBeInTheDocument();
  expect(screen.getByText('corrected')).toBeInTheDocument();
  const call = core.calls.find((c) => c.channel === 'sessions.editNote')!;
  expect(call.payload).toMatchObject({ text: 'She said the red car.', reason: 'typo' });
});
