// Renders the whole app on a fake core, with i18n that fails the test on any missing key.
import { render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { I18nextProvider } from 'react-i18next';
import { App } from '../../renderer/app/app';
import { AppContext, type AppApi } from '../../renderer/app/app-context';
import { Client } from '../../renderer/bridge/client';
import { ClientProvider } from '../../renderer/bridge/context';
import { FinishScreen } from '../../renderer/finish/finish-screen';
import { createI18n, type UiLanguage } from '../../renderer/i18n/setup';
import { fakeCore, type FakeCore } from './fake-core';

export const missingKeys: string[] = [];

/**
 * Renders the app. `options.userEvent` goes to userEvent.setup: a test on fake timers passes
 * `{ advanceTimers: jest.advanceTimersByTime }` so that the test owns the only clock.
 */
export function renderApp(
  core: FakeCore = fakeCore(),
  language: UiLanguage = 'en',
  options: { userEvent?: Parameters<typeof userEvent.setup>[0] } = {},
) {
  const i18n = createI18n({
    language,
    onMissingKey: (lng, key) => missingKeys.push(`${lng}:${key}`),
  });
  const user = userEvent.setup(options.userEvent);
  const utils = render(
    <I18nextProvider i18n={i18n}>
      <ClientProvider client={new Client(core)}>
        <App />
      </ClientProvider>
    </I18nextProvider>,
  );
  return { ...utils, user, core, i18n };
}

/**
 * Renders the finish screen of `sessionId` alone (no app shell), as `username` with `role`, on
 * `core`, with i18n that fails the test on a missing key. `app.go` and `app.lock` are jest mocks.
 */
export function renderFinish(
  core: FakeCore,
  language: UiLanguage,
  sessionId: string,
  user: { username: string; role: string },
) {
  const i18n = createI18n({
    language,
    onMissingKey: (lng, key) => missingKeys.push(`${lng}:${key}`),
  });
  const app = {
    user,
    route: { name: 'finish', sessionId },
    go: jest.fn(),
    lock: jest.fn(),
  } as unknown as AppApi;
  return render(
    <I18nextProvider i18n={i18n}>
      <ClientProvider client={new Client(core)}>
        <AppContext.Provider value={app}>
          <FinishScreen sessionId={sessionId} />
        </AppContext.Provider>
      </ClientProvider>
    </I18nextProvider>,
  );
}

afterEach(() => {
  const missing = missingKeys.splice(0);
  if (missing.length > 0) throw new Error(`Missing translation keys: ${missing.join(', ')}`);
});
