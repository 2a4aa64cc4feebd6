import { act, screen, within } from '@testing-library/react';
import { fail, fakeCore } from './fake-core';
import { renderApp } from './render';

test('a wrong passphrase shows a plain message, keeps the user name, never a stack trace', async () => {
  const { user } = renderApp(fakeCore({}, { unlocked: false }));
  await user.type(await screen.findByLabelText('User name'), 'ada');
  await user.type(screen.getByLabelText('Passphrase'), 'wrong passphrase!');
  await user.click(screen.getByRole('button', { name: 'Unlock' }));
  expect(await screen.findByText('The user name or passphrase is not right.')).toBeInTheDocument();
  expect(screen.getByText(/try again/i)).toBeInTheDocument();
  expect(document.body.textContent).not.toMatch(/internal|detail|at \w+ \(/);
  expect(screen.getByLabelText('User name')).toHaveValue('ada');

  await user.clear(screen.getByLabelText('Passphrase'));
  await user.type(screen.getByLabelText('Passphrase'), 'correct horse battery');
  await user.click(screen.getByRole('button', { name: 'Unlock' }));
  expect(await screen.findByRole('heading', { name: 'Cases' })).toBeInTheDocument();
});

test('after too many attempts the wait is counted down and the button waits with it', async () => {
  // One clock: fake time moves only when the test (or user-event) moves it, never with the real
  // clock, so a loaded machine cannot turn "0:2x" into "0:19".
  jest.useFakeTimers({ now: Date.now() });
  try {
    const core = fakeCore(
      { 'vault.unlock': () => fail('RATE_LIMITED', { retryAfterMs: 30_000 }) },
      { unlocked: false },
    );
    const { user } = renderApp(core, 'en', {
      userEvent: { advanceTimers: (ms) => jest.advanceTimersByTime(ms) },
    });
    await user.type(await screen.findByLabelText('User name'), 'ada');
    await user.type(screen.getByLabelText('Passphrase'), 'anything at all');
    await user.click(screen.getByRole('button', { name: 'Unlock' }));
    expect(await screen.findByTestId('backoff')).toHaveTextContent('0:30');
    expect(screen.getByRole('button', { name: 'Unlock' })).toBeDisabled();
    act(() => {
      jest.advanceTimersByTime(10_000);
    });
    expect(screen.getByTestId('backoff')).toHaveTextContent(/0:2\d/);
    act(() => {
      jest.advanceTimersByTime(21_000);
    });
    expect(screen.queryByTestId('backoff')).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Unlock' })).toBeEnabled();
    expect(screen.getByLabelText('Passphrase')).toHaveValue('anything at all');
  } finally {
    jest.useRealTimers();
  }
});

test('a lock event from the shell returns to the unlock screen with a calm reason', async () => {
  const core = fakeCore();
  renderApp(core);
  expect(await screen.findByRole('heading', { name: 'Cases' })).toBeInTheDocument();
  act(() => core.emit({ type: 'locked', reason: 'idle' }));
  expect(await screen.findByText(/locked itself after a period without use/)).toBeInTheDocument();
  expect(screen.queryByRole('heading', { name: 'Cases' })).not.toBeInTheDocument();
});

test('a forgotten passphrase is reset with the recovery key, and a new kit is shown once', async () => {
  const core = fakeCore(
    {
      'vault.recover': (p: { recoveryKey: string }) =>
        p.recoveryKey === 'OLD-KEY'
          ? { username: 'ada', role: 'admin', recoveryKey: 'NEWK-EY12-3456' }
          : fail('BAD_RECOVERY_KEY'),
    },
    { unlocked: false },
  );
  const { user } = renderApp(core);
  await user.click(await screen.findByRole('button', { name: 'Forgotten your passphrase?' }));
  const form = screen.getByRole('heading', { name: 'Use the recovery kit' }).closest('form')!;
  const inForm = within(form);
  await user.type(inForm.getByLabelText('User name'), 'ada');
  await user.type(inForm.getByLabelText('Recovery key'), 'WRONG');
  await user.type(inForm.getByLabelText('New passphrase'), 'a brand new passphrase');
  await user.type(inForm.getByLabelText('Passphrase again'), 'a brand new passphrase');
  await user.click(inForm.getByRole('button', { name: 'Set the new passphrase' }));
  expect(await screen.findByText('That recovery key is not right.')).toBeInTheDocument();
  await user.clear(inForm.getByLabelText('Recovery key'));
  await user.type(inForm.getByLabelText('Recovery key'), 'OLD-KEY');
  await user.click(inForm.getByRole('button', { name: 'Set the new passphrase' }));
  expect(await screen.findByRole('heading', { name: 'Your recovery kit' })).toBeInTheDocument();
  expect(screen.getByTestId('recovery-key')).toHaveTextContent('NEWK-EY12-3456');
});

test('Hearth locks itself after the chosen idle time', async () => {
  jest.useFakeTimers({ now: Date.now(), advanceTimers: true });
  try {
    const core = fakeCore();
    renderApp(core);
    expect(await screen.findByRole('heading', { name: 'Cases' })).toBeInTheDocument();
    act(() => {
      jest.advanceTimersByTime(15 * 60_000 + 1_000);
    });
    expect(await screen.findByText(/locked itself after a period without use/)).toBeInTheDocument();
    expect(core.calls.some((c) => c.channel === 'vault.lock')).toBe(true);
  } finally {
    jest.useRealTimers();
  }
});
