// Red team 25, R25-1 (sec57's residual): sessions.list names interviews whose record does not open
// (`unreadable`), but the plan, finish and export screens left them out without a word: a user
// could plan a continuation, start "the next session" of an extended interview, or pick what to
// export around a damaged record without being told. Each screen now counts them with what that
// means there and the next step (vault check, restore), in English and Spanish.
import { render, screen } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { Client } from '../../renderer/bridge/client';
import { ClientProvider } from '../../renderer/bridge/context';
import { ExportWizard } from '../../renderer/export/export-wizard';
import { createI18n, type UiLanguage } from '../../renderer/i18n/setup';
import { fakeCore, type Overrides } from './fake-core';
import { missingKeys, renderApp, renderFinish } from './render';

const hex = (n: number) => n.toString(16).padStart(32, '0');
const DEAD = [`sess_${hex(66)}`, `sess_${hex(67)}`];

function sealedExtended(sessionId: string, caseId: string, index: number) {
  return {
    sessionId,
    caseId,
    mode: 'live',
    protocolId: 'nichd',
    ageYears: 7,
    ageBand: '6-9',
    language: 'en',
    interviewer: 'ola',
    observers: [],
    status: 'sealed',
    startedAt: `2026-11-2${index}T14:05:00.000Z`,
    eventCount: 12,
    onBreak: false,
    paused: false,
    extended: { seriesId: `ext_${hex(7)}`, index, planned: 3 },
  };
}

test.each([
  [
    'en' as const,
    /^1 earlier interview of this case could not be read/,
    /hearth vault check.*restore the newest backup/,
  ],
  [
    'es' as const,
    /^1 entrevista anterior de este caso no se pudo leer/,
    /hearth vault check.*restaure la copia de seguridad más reciente/,
  ],
])(
  'plan (%s): an earlier interview that does not open is counted with the next step',
  async (language, what, next) => {
    const core = fakeCore({ 'sessions.list': () => ({ sessions: [], unreadable: [DEAD[0]] }) });
    await core.invoke('cases.create', {
      reference: 'CAC-P',
      childAlias: 'Mia',
      childAgeYears: 7,
      language,
    });
    const { user } = renderApp(core, language);
    await user.click(
      await screen.findByRole('button', { name: /^(Plan interview|Planificar entrevista)/ }),
    );
    const alert = await screen.findByText(what);
    expect(alert).toHaveAttribute('role', 'alert');
    expect(alert).toHaveTextContent(next);
  },
);

test('plan: no notice when every earlier interview opens', async () => {
  const core = fakeCore();
  await core.invoke('cases.create', {
    reference: 'CAC-Q',
    childAlias: 'Mia',
    childAgeYears: 7,
    language: 'en',
  });
  const { user } = renderApp(core);
  await user.click(await screen.findByRole('button', { name: /^Plan interview/ }));
  await screen.findByRole('heading', { name: /^Plan the interview/ });
  expect(screen.queryByText(/could not be read/)).not.toBeInTheDocument();
});

test.each([
  [
    'en' as const,
    /^2 other interviews of this case could not be read .* the next session shown for this extended interview may be wrong/,
  ],
  [
    'es' as const,
    /^2 otras entrevistas de este caso no se pudieron leer .* puede estar equivocada/,
  ],
])(
  'finish (%s): a sealed session of an extended interview names the unreadable interviews of its case',
  async (language, what) => {
    const session = `sess_${hex(1)}`;
    const caseId = `case_${hex(2)}`;
    const overrides: Overrides = {
      'sessions.verify': () => ({ ok: true }),
      'sessions.list': () => ({ sessions: [sealedExtended(session, caseId, 1)], unreadable: DEAD }),
    };
    const core = fakeCore(overrides);
    core.state.sessions.set(session, { summary: sealedExtended(session, caseId, 1), events: [] });
    renderFinish(core, language, session, { username: 'ola', role: 'interviewer' });
    const alert = await screen.findByText(what);
    expect(alert).toHaveAttribute('role', 'alert');
    expect(alert).toHaveTextContent(/hearth vault check/);
  },
);

function renderWizard(language: UiLanguage, unreadable: string[]) {
  const core = fakeCore({
    'keys.myPublicKey': () => ({ publicKey: 'k', fingerprint: 'ABCD 1234' }),
    'export.choices': () => ({
      defaults: {
        includeCaseReference: true,
        includeChildAlias: true,
        includeAllegationSummary: false,
        includeObserverNames: true,
        noteKinds: ['question', 'child'],
        includeCoding: false,
        includeImportedTranscript: true,
        includeObserverQueue: false,
        includePlanningRecord: false,
      },
    }),
    'recipients.list': () => ({ recipients: [] }),
    'sessions.list': () => ({ sessions: [], unreadable }),
  });
  const i18n = createI18n({
    language,
    onMissingKey: (lng, key) => missingKeys.push(`${lng}:${key}`),
  });
  render(
    <I18nextProvider i18n={i18n}>
      <ClientProvider client={new Client(core)}>
        <ExportWizard sessionId="" />
      </ClientProvider>
    </I18nextProvider>,
  );
}

test.each([
  [
    'en' as const,
    /^2 interviews could not be read \(changed outside Hearth\) and are not offered for export\./,
  ],
  [
    'es' as const,
    /^2 entrevistas no se pudieron leer \(se modificaron fuera de Hearth\) y no se ofrecen para exportar\./,
  ],
])(
  'export (%s): interviews that do not open are counted, not silently left out of the choice',
  async (language, what) => {
    renderWizard(language, DEAD);
    const alert = await screen.findByText(what);
    expect(alert).toHaveAttribute('role', 'alert');
    expect(alert).toHaveTextContent(/hearth vault check/);
  },
);

test('export: no notice when every interview opens', async () => {
  renderWizard('en', []);
  await screen.findByLabelText('Interview');
  expect(screen.queryByText(/could not be read/)).not.toBeInTheDocument();
});
