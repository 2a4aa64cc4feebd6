import { screen } from '@testing-library/react';
import { fail, fakeCore } from './fake-core';
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
  // The page stands on its own once printed: whose, which vault, when, and how to use it.
  const kit = document.querySelector('.kit-card')!;
  expect(kit).toHaveTextContent('Issued toAda Admin (ada)');
  expect(kit).toHaveTextContent('The Hearth vault on the computer named');
  expect(kit).toHaveTextContent(new RegExp(`Issued\\w{3} \\d+, ${new Date().getFullYear()}`));
  expect(kit).toHaveTextContent('How to use this kit');
  expect(kit).toHaveTextContent('(yours is ada)');
  // No navigation exists until the kit is confirmed as stored.
  expect(screen.queryByRole('navigation')).not.toBeInTheDocument();
  const go = screen.getByRole('button', { name: 'Continue to Hearth' });
  expect(go).toBeDisabled();
  await user.click(screen.getByLabelText(/stored it somewhere safe/));
  await user.click(go);
  expect(await screen.findByRole('heading', { name: 'Cases' })).toBeInTheDocument();
  expect(screen.queryByTestId('recovery-key')).not.toBeInTheDocument();
  // The top bar names the person as colleagues know them, not by their user name.
  expect(document.querySelector('.signed-in')).toHaveTextContent('Signed in as Ada Admin');
});

test('first run can switch to Spanish before anything else, and an accented user name gets the rule', async () => {
  const { user } = renderApp(
    fakeCore(
      // The core's answer for "josé": INVALID_INPUT naming the field (CoreError.fields).
      { 'vault.create': () => fail('INVALID_INPUT', { fields: ['username'] }) },
      { exists: false, unlocked: false },
    ),
  );
  await screen.findByRole('heading', { name: 'Welcome to Hearth' });
  await user.selectOptions(screen.getByLabelText('Language of Hearth'), 'es');
  expect(
    await screen.findByRole('heading', { name: 'Le damos la bienvenida a Hearth' }),
  ).toBeInTheDocument();
  await user.type(screen.getByLabelText('Nombre de usuario'), 'josé');
  await user.type(screen.getByLabelText('Su nombre'), 'José Pérez');
  await user.type(screen.getByLabelText('Frase de contraseña'), 'correct horse battery');
  await user.type(screen.getByLabelText('Repita la frase de contraseña'), 'correct horse battery');
  await user.click(screen.getByRole('button', { name: 'Crear la bóveda' }));
  // Named field, rule and example, before anything is sent.
  expect(
    await screen.findByText(
      /El nombre de usuario solo puede tener letras minúsculas a-z sin acentos.*por ejemplo «jose»/,
    ),
  ).toBeInTheDocument();
  // The core says the same if it is reached another way (Settings → add a user).
  await user.clear(screen.getByLabelText('Nombre de usuario'));
  await user.type(screen.getByLabelText('Nombre de usuario'), 'jose');
  await user.click(screen.getByRole('button', { name: 'Crear la bóveda' }));
  expect(
    await screen.findByText(
      /Escríbalo sin acentos ni espacios, por ejemplo «jose» o «maria.lopez»/,
    ),
  ).toBeInTheDocument();
});
