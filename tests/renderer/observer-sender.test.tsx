// Audit 19g, B19g-1: the observer form kept the previous observer's name when the role changed,
// so an advocate's question was sealed as "Victim advocate, Det. Ruiz". The sender is now chosen,
// never carried over: no role until one is picked, a new role clears the name, and the form says
// "Sending as: …" beside its send button, in en and es.
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { I18nextProvider } from 'react-i18next';
import { Client } from '../../renderer/bridge/client';
import { ClientProvider } from '../../renderer/bridge/context';
import { createI18n, type UiLanguage } from '../../renderer/i18n/setup';
import { SuggestForm } from '../../renderer/observers/observer-panel';
import en from '../../locales/en/team.json';
import es from '../../locales/es/team.json';
import { fakeCore } from './fake-core';
import { fill } from './fill';
import { missingKeys } from './render';

const SESSION = `sess_${'a'.repeat(32)}`;

function mount(language: UiLanguage) {
  const core = fakeCore({
    'observers.suggest': () => ({ suggestionId: `sugg_${'c'.repeat(32)}` }),
  });
  const i18n = createI18n({
    language,
    onMissingKey: (lng, key) => missingKeys.push(`${lng}:${key}`),
  });
  const user = userEvent.setup();
  render(
    <I18nextProvider i18n={i18n}>
      <ClientProvider client={new Client(core)}>
        <SuggestForm sessionId={SESSION} onSent={() => undefined} />
      </ClientProvider>
    </I18nextProvider>,
  );
  const sent = (): unknown[] =>
    core.calls.filter((c) => c.channel === 'observers.suggest').map((c) => c.payload as unknown);
  return { user, sent };
}

describe.each([
  ['en', en],
  ['es', es],
] as const)('observer form: who is sending (%s)', (language, T) => {
  const roleName = (r: keyof typeof T.observers.roles) => T.observers.roles[r];
  const sendButton = () => screen.getByRole('button', { name: T.observers.send });

  test('no role is assumed: nothing can be sent until the observer picks theirs', async () => {
    const { user, sent } = mount(language);
    expect(screen.getByLabelText(T.observers.role)).toHaveValue('');
    await fill(user, screen.getByLabelText(T.observers.text), 'Who do you live with?');
    expect(sendButton()).toBeDisabled();
    expect(sendButton()).toHaveAccessibleDescription(T.observers.sendingAsNone);
    await user.click(sendButton());
    expect(sent()).toEqual([]);
  });

  test("a new role clears the previous observer's name, and the send button says who sends", async () => {
    const { user, sent } = mount(language);
    await user.selectOptions(screen.getByLabelText(T.observers.role), 'law-enforcement');
    await fill(
      user,
      screen.getByRole('textbox', { name: /\*|required|obligatorio/i }),
      'Det. Ruiz',
    );
    await fill(user, screen.getByLabelText(T.observers.text), 'Tell me about the car.');
    expect(sendButton()).toHaveAccessibleDescription(
      T.observers.sendingAs
        .replace('{{role}}', roleName('law-enforcement'))
        .replace('{{name}}', 'Det. Ruiz'),
    );
    await user.click(sendButton());
    await screen.findByText(T.observers.sent);

    // The laptop goes to the advocate, who picks their role and sends without touching the name.
    await user.selectOptions(screen.getByLabelText(T.observers.role), 'advocate');
    expect(screen.getByLabelText(T.observers.name)).toHaveValue('');
    expect(sendButton()).toHaveAccessibleDescription(
      T.observers.sendingAsUnnamed.replace('{{role}}', roleName('advocate')),
    );
    await fill(user, screen.getByLabelText(T.observers.text), 'Tell me more about the phone.');
    await user.click(sendButton());
    await screen.findByText(T.observers.sent);
    expect(sent()).toEqual([
      {
        sessionId: SESSION,
        role: 'law-enforcement',
        name: 'Det. Ruiz',
        text: 'Tell me about the car.',
      },
      { sessionId: SESSION, role: 'advocate', text: 'Tell me more about the phone.' },
    ]);
  });

  test('the same observer keeps role and name for a second question, shown before it goes', async () => {
    const { user, sent } = mount(language);
    await user.selectOptions(screen.getByLabelText(T.observers.role), 'cps');
    await fill(user, screen.getByLabelText(T.observers.name), 'Ana Ortiz');
    await fill(user, screen.getByLabelText(T.observers.text), 'Who do you live with?');
    await user.click(sendButton());
    await screen.findByText(T.observers.sent);
    await fill(user, screen.getByLabelText(T.observers.text), 'Who takes you to school?');
    expect(
      screen.getByText(
        T.observers.sendingAs.replace('{{role}}', roleName('cps')).replace('{{name}}', 'Ana Ortiz'),
      ),
    ).toBeVisible();
    await user.click(sendButton());
    await screen.findByText(T.observers.sent);
    expect(sent().map((p) => (p as { name?: string }).name)).toEqual(['Ana Ortiz', 'Ana Ortiz']);
  });
});
