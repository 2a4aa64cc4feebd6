// The live screen never loses a word and never surprises the room: drafts survive other
// screens and a lock (through the core), Lock asks first, a refused note stays in the box with
// the reason, phase changes can be undone, breaks have a reason and a timer, distress and
// pause are one click, idleness during an interview brings a quiet notice instead of a lock.
import { act, screen, waitFor, within } from '@testing-library/react';
import { fail, fakeCore } from './fake-core';
import { fill } from './fill';
import { openLiveSession } from './live-helpers';

const DRAFT = 'Half-typed question about the';

test('after "Start the interview" the note box has the focus', async () => {
  await openLiveSession(fakeCore());
  await waitFor(() => expect(screen.getByLabelText('Note')).toHaveFocus());
});

test('a half-typed note is still there after visiting another screen', async () => {
  const core = fakeCore();
  const { user } = await openLiveSession(core);
  await fill(user, screen.getByLabelText('Note'), DRAFT);
  await user.click(screen.getByRole('button', { name: 'Settings' }));
  await screen.findByRole('heading', { name: 'Settings' });
  await user.click(screen.getByRole('button', { name: 'Cases' }));
  const sessionId = [...core.state.sessions.keys()][0]!;
  // Back to the interview from the case list.
  await user.click(await screen.findByRole('button', { name: /in progress/i }));
  await waitFor(() => expect(screen.getByLabelText('Note')).toHaveValue(DRAFT));
  // Nothing was written as a note, and nothing went to the core as a draft (memory only).
  expect(core.state.sessions.get(sessionId)!.events).toEqual([]);
  expect(core.calls.some((c) => c.channel === 'sessions.saveDrafts')).toBe(false);
});

test('Lock during an interview asks first; Escape keeps working with the focus back on Lock', async () => {
  const core = fakeCore();
  const { user } = await openLiveSession(core);
  await fill(user, screen.getByLabelText('Note'), DRAFT);
  await user.click(screen.getByRole('button', { name: 'Lock' }));
  const ask = screen.getByRole('group', { name: /Lock Hearth now\?/ });
  expect(within(ask).getByRole('button', { name: 'Keep working' })).toHaveFocus();
  await user.keyboard('{Escape}');
  expect(screen.queryByRole('group', { name: /Lock Hearth now\?/ })).not.toBeInTheDocument();
  expect(screen.getByRole('button', { name: 'Lock' })).toHaveFocus();
  expect(core.calls.some((c) => c.channel === 'vault.lock')).toBe(false);
  expect(screen.getByLabelText('Note')).toHaveValue(DRAFT);
});

test('lock and unlock mid-interview: back in the interview with the draft, kept by the core meanwhile', async () => {
  const core = fakeCore();
  const { user } = await openLiveSession(core);
  const sessionId = [...core.state.sessions.keys()][0]!;
  await fill(user, screen.getByLabelText('Note'), DRAFT);
  await user.click(screen.getByRole('button', { name: 'Lock' }));
  await user.click(screen.getByRole('button', { name: 'Lock now' }));
  await screen.findByRole('heading', { name: 'Unlock Hearth' });
  // Saved through the core before the lock, with the session to come back to.
  const save = core.calls.find((c) => c.channel === 'sessions.saveDrafts')!;
  expect(save.payload).toEqual({
    drafts: [{ sessionId, kind: 'question', text: DRAFT }],
    resume: sessionId,
  });
  const order = core.calls.map((c) => c.channel);
  expect(order.indexOf('sessions.saveDrafts')).toBeLessThan(order.indexOf('vault.lock'));
  // The locked page holds no trace of the draft.
  expect(document.body.textContent).not.toContain(DRAFT);

  await fill(user, screen.getByLabelText('User name'), 'ada');
  await fill(user, screen.getByLabelText('Passphrase'), 'correct horse battery');
  await user.click(screen.getByRole('button', { name: 'Unlock' }));
  await screen.findByRole('heading', { name: 'Introduction' });
  await waitFor(() => expect(screen.getByLabelText('Note')).toHaveValue(DRAFT));
  // Taken back out of the vault once it is in memory again.
  await waitFor(() => expect(core.state.drafts).toEqual({ drafts: [] }));
});

test('a lock whose draft cannot be kept stays unlocked, says why, and offers to lock anyway', async () => {
  const core = fakeCore();
  const original = core.invoke.bind(core);
  core.invoke = (channel, payload) =>
    channel === 'sessions.saveDrafts'
      ? Promise.resolve({ ok: false, error: { code: 'DISK_FULL', message: 'x' } })
      : original(channel, payload);
  const { user } = await openLiveSession(core);
  await fill(user, screen.getByLabelText('Note'), DRAFT);
  await user.click(screen.getByRole('button', { name: 'Lock' }));
  await user.click(screen.getByRole('button', { name: 'Lock now' }));
  expect(await screen.findByText(/disk/i)).toBeInTheDocument();
  expect(screen.getByLabelText('Note')).toHaveValue(DRAFT);
  await user.click(
    screen.getByRole('button', { name: 'Lock anyway (the unsent note will be lost)' }),
  );
  await screen.findByRole('heading', { name: 'Unlock Hearth' });
});

test('a note over the size limit stays in the box with the reason, and nothing is sent', async () => {
  const core = fakeCore();
  const { user } = await openLiveSession(core);
  const box = screen.getByLabelText('Note');
  await user.click(box);
  await user.paste('x'.repeat(20_005));
  await user.keyboard('{Enter}');
  expect(box).toHaveValue('x'.repeat(20_005));
  expect(document.getElementById('note-problem')).toHaveTextContent(
    'This note is 5 characters over the limit of 20,000.',
  );
  expect(box).toHaveAttribute('aria-invalid', 'true');
  expect(core.calls.some((c) => c.channel === 'sessions.addNote')).toBe(false);
});

test('a note the core refuses for its own-words language comes back whole, with the field and what to do', async () => {
  const core = fakeCore({
    'sessions.addNote': () => fail('INVALID_INPUT', { fields: ['original.language'] }),
  });
  const { user } = await openLiveSession(core);
  await user.click(screen.getByLabelText('Interpreted turn'));
  await fill(user, screen.getByLabelText(/, verbatim \(as said/), 'me quitó el celular');
  await user.selectOptions(screen.getByLabelText('Language of these words'), 'es');
  await fill(user, screen.getByLabelText('Note'), 'he took my phone');
  await user.keyboard('{Enter}');
  const problem = await screen.findByText(/language of the own words is not a language code/);
  expect(problem).toHaveTextContent('Choose the language from the list');
  // Nothing was dropped: the rendering, the own words, their language and the marking are back.
  expect(screen.getByLabelText('Note')).toHaveValue('he took my phone');
  expect(screen.getByLabelText(/, verbatim \(as said/)).toHaveValue('me quitó el celular');
  expect(screen.getByLabelText('Language of these words')).toHaveValue('es');
  expect(screen.getByLabelText('Interpreted turn')).toBeChecked();
});

test('Alt+N can be undone for a few seconds, and quick presses do not skip phases', async () => {
  const core = fakeCore();
  const { user } = await openLiveSession(core);
  const events = () =>
    [...core.state.sessions.values()][0]!.events.map((e: { type: string; phaseId?: string }) =>
      e.type === 'phase-entered' ? e.phaseId : e.type,
    );
  await user.keyboard('{Alt>}n{/Alt}{Alt>}n{/Alt}{Alt>}n{/Alt}');
  expect(await screen.findByRole('heading', { name: 'Rapport building' })).toBeInTheDocument();
  expect(screen.getByText(/Now in: Rapport building\./)).toBeInTheDocument();
  await waitFor(() => expect(events()).toHaveLength(1));
  await user.keyboard('{Alt>}z{/Alt}');
  expect(await screen.findByRole('heading', { name: 'Introduction' })).toBeInTheDocument();
  // Both moves are in the record; the undo is a move back, not an erasure.
  await waitFor(() => expect(events()).toEqual(['rapport', 'introduction']));
});

test('distress, pause and resume are one click each and go into the record', async () => {
  const core = fakeCore();
  const { user } = await openLiveSession(core);
  await user.click(screen.getByRole('button', { name: /^Distress observed/ }));
  expect(await screen.findByText('Distress noted in the record, with the time.')).toBeVisible();
  await user.click(screen.getByRole('button', { name: 'Pause the session' }));
  expect(await screen.findByText(/The session is paused/)).toBeInTheDocument();
  await user.click(screen.getByRole('button', { name: 'Resume the session' }));
  await waitFor(() => expect(screen.queryByText(/The session is paused/)).not.toBeInTheDocument());
  const types = [...core.state.sessions.values()][0]!.events.map((e: { type: string }) => e.type);
  expect(types).toEqual(['distress-observed', 'paused', 'resumed']);
});

test('Alt+D confirms distress as the button does, once in the record', async () => {
  const core = fakeCore();
  const { user } = await openLiveSession(core);
  expect(screen.queryByText('Distress noted in the record, with the time.')).toBeNull();
  await user.keyboard('{Alt>}d{/Alt}');
  expect(await screen.findByText('Distress noted in the record, with the time.')).toBeVisible();
  const types = [...core.state.sessions.values()][0]!.events.map((e: { type: string }) => e.type);
  expect(types).toEqual(['distress-observed']);
});

test('Escape closes a correction and the focus goes back to its Correct button', async () => {
  const core = fakeCore();
  const { user } = await openLiveSession(core);
  await fill(user, screen.getByLabelText('Note'), 'She said the blue car.');
  await user.keyboard('{Enter}');
  const correct = await screen.findByRole('button', { name: /^Correct the note/ });
  await user.click(correct);
  expect(screen.getByLabelText('Corrected note')).toHaveFocus();
  await user.keyboard('{Escape}');
  expect(screen.queryByLabelText('Corrected note')).not.toBeInTheDocument();
  await waitFor(() =>
    expect(screen.getByRole('button', { name: /^Correct the note/ })).toHaveFocus(),
  );
});

describe('idle lock', () => {
  afterEach(() => jest.useRealTimers());

  test('without a shell: during an interview a quiet notice, never a lock; elsewhere it locks', async () => {
    const core = fakeCore();
    const { user } = await openLiveSession(core);
    // From here on one fake clock: a key press re-arms the idle timer on it.
    jest.useFakeTimers({ advanceTimers: true });
    await user.keyboard('{Shift}');
    act(() => {
      jest.advanceTimersByTime(16 * 60_000);
    });
    const notice = await screen.findByText(/No activity for 15 minutes/);
    expect(notice).toBeInTheDocument();
    expect(core.calls.some((c) => c.channel === 'vault.lock')).toBe(false);
    expect(screen.getByLabelText('Note')).toBeInTheDocument();
    await user.click(within(notice).getByRole('button', { name: 'OK' }));
    expect(screen.queryByText(/No activity for 15 minutes/)).not.toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Cases' }));
    await screen.findByRole('heading', { name: 'Cases' });
    act(() => {
      jest.advanceTimersByTime(16 * 60_000);
    });
    await screen.findByRole('heading', { name: 'Unlock Hearth' });
  });

  test('with a shell: it owns the setting, hears when an interview is on screen, and Settings changes it', async () => {
    const shellCalls: Array<[string, unknown]> = [];
    const core = fakeCore();
    const original = core.invoke.bind(core);
    core.invoke = (channel, payload) => {
      if (channel.startsWith('shell.')) {
        shellCalls.push([channel, payload]);
        if (channel === 'shell.idleLock')
          return Promise.resolve({
            ok: true,
            value: { minutes: 10, choices: [5, 10, 15, 30, 60] },
          });
        return Promise.resolve({ ok: true, value: {} });
      }
      return original(channel, payload);
    };
    const { user } = await openLiveSession(core);
    await waitFor(() =>
      expect(shellCalls).toContainEqual(['shell.interviewActive', { active: true }]),
    );
    act(() => core.emit({ type: 'idle-notice' }));
    expect(await screen.findByText(/No activity for 10 minutes/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Settings' }));
    await waitFor(() =>
      expect(shellCalls).toContainEqual(['shell.interviewActive', { active: false }]),
    );
    const select = await screen.findByLabelText('Lock automatically after');
    expect(select).toHaveValue('10');
    await user.selectOptions(select, '30');
    expect(shellCalls).toContainEqual(['shell.setIdleLock', { minutes: 30 }]);
    expect(await screen.findByText(/Saved: Hearth locks after 30 minutes/)).toBeInTheDocument();
  });

  test('a lock the shell asks for keeps the draft through the core first', async () => {
    const core = fakeCore();
    const { user } = await openLiveSession(core);
    await fill(user, screen.getByLabelText('Note'), DRAFT);
    act(() => core.emit({ type: 'lock-requested', reason: 'idle' }));
    await screen.findByRole('heading', { name: 'Unlock Hearth' });
    expect(core.state.drafts.drafts).toEqual([expect.objectContaining({ text: DRAFT })]);
  });
});
