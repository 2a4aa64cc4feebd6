// Red team 18, R18-1 follow-up (sec41): when the core leaves out unsent notes someone other than
// their owner wrote (`sessions.drafts` answers `withheld`), the app says so after sign-in, calmly,
// with what to do, in English and Latin American Spanish; it never shows the text or a name, and
// says nothing when nothing was left out.
import { screen } from '@testing-library/react';
import { fakeCore } from './fake-core';
import { renderApp } from './render';

const CORE_MESSAGE =
  'A note draft written by someone else was left out; ask an admin to run vault check.';

function coreWithheld(count: number) {
  return fakeCore({
    'sessions.drafts': () => ({
      drafts: [],
      ...(count > 0 ? { withheld: { count, message: CORE_MESSAGE } } : {}),
    }),
  });
}

const cases = [
  {
    language: 'en' as const,
    heading: 'Cases',
    one: 'An unsent note saved in your name was written by someone else, so Hearth left it out. Ask an admin to run a vault check.',
    two: /^2 unsent notes saved in your name were written by someone else, so Hearth left them out\. Ask an admin to run a vault check\./,
    dismiss: 'OK',
  },
  {
    language: 'es' as const,
    heading: 'Casos',
    one: 'Otra persona escribió una nota sin enviar guardada a su nombre, así que Hearth la dejó fuera. Pida a la persona administradora que haga una verificación de la bóveda.',
    two: /^Otra persona escribió 2 notas sin enviar guardadas a su nombre, así que Hearth las dejó fuera\./,
    dismiss: 'Entendido',
  },
];

describe.each(cases)('in $language', ({ language, heading, one, two, dismiss }) => {
  test('one left-out draft: the notice says what happened and what to do, and can be dismissed', async () => {
    const { user } = renderApp(coreWithheld(1), language);
    expect(await screen.findByRole('heading', { name: heading })).toBeInTheDocument();
    const notice = await screen.findByTestId('drafts-withheld');
    expect(notice).toHaveAttribute('role', 'status');
    expect(notice).toHaveTextContent(one);
    // The core's English sentence is not shown as is, and nothing names the writer.
    expect(document.body.textContent).not.toContain(CORE_MESSAGE);
    await user.click(screen.getByRole('button', { name: dismiss }));
    expect(screen.queryByTestId('drafts-withheld')).toBeNull();
  });

  test('two left-out drafts are counted', async () => {
    renderApp(coreWithheld(2), language);
    expect(await screen.findByTestId('drafts-withheld')).toHaveTextContent(two);
  });

  test('nothing left out: no notice', async () => {
    renderApp(coreWithheld(0), language);
    expect(await screen.findByRole('heading', { name: heading })).toBeInTheDocument();
    expect(screen.queryByTestId('drafts-withheld')).toBeNull();
  });
});
