// Audit 19e, B19e-4: a suggestion still waiting at the finish showed role, name, text and the
// decision buttons but no coach verdict, though the same card at the break shows one; a late
// "Did he…?" from the glass must be judged on the same information at the finish.
/* eslint-disable @typescript-eslint/no-explicit-any */
import { render, screen } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { Client } from '../../renderer/bridge/client';
import { ClientProvider } from '../../renderer/bridge/context';
import { createI18n } from '../../renderer/i18n/setup';
import { PendingSuggestionsStep } from '../../renderer/finish/pending-suggestions-step';
import { fakeCore } from './fake-core';
import { missingKeys } from './render';

const SESSION = `sess_${'a'.repeat(32)}`;

function mount(language: 'en' | 'es', text: string, childWords: string[]) {
  const core = fakeCore({
    'observers.queue': () => ({
      suggestions: [
        {
          suggestionId: `sugg_${'c'.repeat(32)}`,
          role: 'prosecutor',
          name: 'ADA Chen',
          text,
          at: new Date().toISOString(),
          elapsedMs: 1000,
          device: 'local',
          enteredBy: 'ines',
          status: 'pending',
        },
      ] as any[],
      pending: 1,
      counts: { suggested: 1, accepted: 0, rephrased: 0, declined: 0, notAsked: 0 },
    }),
  });
  const i18n = createI18n({
    language,
    onMissingKey: (lng, key) => missingKeys.push(`${lng}:${key}`),
  });
  render(
    <I18nextProvider i18n={i18n}>
      <ClientProvider client={new Client(core)}>
        <PendingSuggestionsStep
          sessionId={SESSION}
          coach={{ language, childWords, childAgeYears: 15 }}
          onPending={() => undefined}
        />
      </ClientProvider>
    </I18nextProvider>,
  );
}

test('en: a waiting suggestion at the finish carries the coach verdict before the decision', async () => {
  mount('en', 'Did he sell pictures of you online?', ['phone', 'party', 'money']);
  expect(await screen.findByText(/^Coach: not recommended\./)).toBeInTheDocument();
});

test('es: a recommended wording gets its verdict too', async () => {
  mount('es', 'Cuéntame más sobre el dinero.', ['celular', 'fiesta', 'dinero']);
  const line = await screen.findByText(/^Asistente: /);
  expect(line.textContent).not.toMatch(/no recomendada/);
  expect(line).toHaveClass('field-hint');
});
