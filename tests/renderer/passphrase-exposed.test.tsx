// sec46: an admin whose profile once held her passphrase (a vault made before the fix) is told
// after sign-in, calmly and in her language, to change it now; older copies of the file still
// hold it. Nothing is said to anyone else.
import { screen } from '@testing-library/react';
import { fakeCore } from './fake-core';
import { renderApp } from './render';

const CORE_MESSAGE = 'Core English text, not shown as is.';

function core(exposed: boolean) {
  return fakeCore(
    {
      'vault.status': () => ({
        exists: true,
        unlocked: true,
        user: {
          username: 'ada',
          role: 'admin',
          displayName: 'Ada Admin',
          ...(exposed
            ? { passphraseExposed: { since: '2026-12-02T08:00:00.000Z', message: CORE_MESSAGE } }
            : {}),
        },
      }),
    },
    { unlocked: true },
  );
}

const cases = [
  {
    language: 'en' as const,
    heading: 'Cases',
    says: /^Your passphrase was stored inside your staff profile by an earlier version of Hearth.*older copies of the file \(backups, copied files\) still contain it\. Change your passphrase now/,
    dismiss: 'OK',
  },
  {
    language: 'es' as const,
    heading: 'Casos',
    says: /^Una versión anterior de Hearth guardó su frase de contraseña.*Cambie su frase de contraseña ahora/,
    dismiss: 'Entendido',
  },
];

describe.each(cases)('in $language', ({ language, heading, says, dismiss }) => {
  test('the affected admin is told to change her passphrase, and can dismiss it', async () => {
    const { user } = renderApp(core(true), language);
    expect(await screen.findByRole('heading', { name: heading })).toBeInTheDocument();
    const notice = await screen.findByTestId('passphrase-exposed');
    expect(notice).toHaveAttribute('role', 'status');
    expect(notice).toHaveTextContent(says);
    expect(document.body.textContent).not.toContain(CORE_MESSAGE);
    await user.click(screen.getByRole('button', { name: dismiss }));
    expect(screen.queryByTestId('passphrase-exposed')).toBeNull();
  });

  test('anyone else: no notice', async () => {
    renderApp(core(false), language);
    expect(await screen.findByRole('heading', { name: heading })).toBeInTheDocument();
    expect(screen.queryByTestId('passphrase-exposed')).toBeNull();
  });
});
