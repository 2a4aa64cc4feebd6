import { screen } from '@testing-library/react';
import { fakeCore } from './fake-core';
import { renderApp } from './render';

test('first run creates the vault, then shows the recovery kit once before anything else', async () => {
  const { user, core } = renderApp(fakeCore({}, { exists: false, unlocked: false }));
  expect(await screen.findByRole('heading', { name: 'Welcome to Hearth' })).toBeInTheDocument();
  await user.type(screen.getByLabelText('User name'), 'ada');
  await user.type(screen.getByLabelText('Your name'), 'Ada Admin');
  await user.type(screen.getByLabelText('Passphrase'), 'short');
  await user.type(screen.getByLabelText('Passphrase again'), 'short');
  await user.click(screen.getByRole('button', { name: 'Create the vault' }));
  expect(screen.getByText(/at least 12 characters/)).toBeInTheDocument();
  expect(core.calls.some((c) => c.channel === 'vault.create')).toBe(false);

  await user.clear(screen.getByLabelText('Passphrase'));
  await user.clear(screen.getByLabelText('Passphrase again'));
  await user.type(screen.getByLabelText('Passphrase'), 'correct horse battery');
  await user.type(screen.getByLabelText('Passphrase again'), 'correct horse battery');
  await user.click(screen.getByRole('button', { name: 'Create the vault' }));

  expect(await screen.findByRole('heading', { name: 'Your recovery kit' })).toBeInTheDocument();
  expect(screen.getByTestId('recovery-key')).toHaveTextContent('ABCD EFGH IJKL');
  // No navigation exists until the kit is confirmed as stored.
  expect(screen.queryByRole('navigation')).not.toBeInTheDocument();
  const go = screen.getByRole('button', { name: 'Continue to Hearth' });
  expect(go).toBeDisabled();
  await user.click(screen.getByLabelText(/stored it somewhere safe/));
  await user.click(go);
  expect(await screen.findByRole('heading', { name: 'Cases' })).toBeInTheDocument();
  expect(screen.queryByTestId('recovery-key')).not.toBeInTheDocument();
});
