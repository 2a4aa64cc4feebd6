// A prosecutor's clerk reaches Verify from the first-run and unlock screens without a vault,
// verifies, and goes back to where they came from; nothing of a vault is asked for or created.
import { screen } from '@testing-library/react';
import { fakeCore } from './fake-core';
import { renderApp } from './render';

test.each([
  ['first run (no vault)', { exists: false, unlocked: false }],
  ['unlock (locked vault)', { exists: true, unlocked: false }],
] as const)('%s offers "I received a bundle" and a way back', async (_label, init) => {
  const core = fakeCore(
    { 'export.verify': () => ({ valid: true, sessionId: 's-9', addendaCount: 0 }) },
    init,
  );
  const { user } = renderApp(core);
  await user.click(await screen.findByRole('button', { name: 'Verify a bundle without a vault' }));
  expect(screen.getByRole('heading', { name: 'Verify a bundle' })).toBeInTheDocument();
  // The shortcut that reads the vault's centre key is not offered without a vault.
  expect(screen.queryByRole('button', { name: "Use this centre's key" })).not.toBeInTheDocument();
  await user.type(screen.getByLabelText('Bundle location'), '/media/usb/bundle');
  await user.click(screen.getByLabelText("The centre's public key"));
  await user.paste(
    'untrusted comment: centre\nRWQf6LRCGA9i53mlYecO4IzT51TGPpvWucNSCh1CBM0QTaLn73Y7GFO3',
  );
  await user.click(screen.getByRole('button', { name: 'Verify' }));
  expect(await screen.findByText('The bundle is authentic and unchanged')).toBeInTheDocument();
  await user.click(screen.getByRole('button', { name: '← Back' }));
  expect(
    await screen.findByRole('button', { name: 'Verify a bundle without a vault' }),
  ).toBeInTheDocument();
  expect(core.calls.some((c) => c.channel === 'vault.create' || c.channel === 'vault.unlock')).toBe(
    false,
  );
});
