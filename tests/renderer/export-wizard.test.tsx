// The export wizard: the planning record is a choice (default out, counted as withheld, sent as
// includePlanningRecord when chosen), and a bundle can be encrypted to a passphrase with the same
// rule as `hearth export --encrypt-passphrase-file` (12 characters or more), typed twice.
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { I18nextProvider } from 'react-i18next';
import { Client } from '../../renderer/bridge/client';
import { ClientProvider } from '../../renderer/bridge/context';
import { ExportWizard } from '../../renderer/export/export-wizard';
import { createI18n, type UiLanguage } from '../../renderer/i18n/setup';
import { fakeCore } from './fake-core';
import { missingKeys } from './render';
import enUi from '../../locales/en/ui.json';
import esUi from '../../locales/es/ui.json';

const DEFAULTS = {
  includeCaseReference: true,
  includeChildAlias: true,
  includeAllegationSummary: false,
  includeObserverNames: true,
  noteKinds: ['question', 'child', 'observation', 'interpreter'],
  includeCoding: false,
  includeImportedTranscript: true,
  includeObserverQueue: false,
  includePlanningRecord: false,
};

/** A bundle fingerprint as the core returns it: SHA-256, lower-case hex, unbroken. */
const BUNDLE_FINGERPRINT = '37379141b3b4ba5406782cae2e6ef61b7600faf384ac3a372c924776954ce34f';

function renderWizard(language: UiLanguage = 'en') {
  const core = fakeCore({
    'keys.myPublicKey': () => ({ publicKey: 'k', fingerprint: 'ABCD 1234' }),
    'export.choices': () => ({ defaults: DEFAULTS }),
    'recipients.list': () => ({ recipients: [] }),
    'export.sealed': () => ({
      path: '/out/hearth-bundle-s1',
      fingerprint: BUNDLE_FINGERPRINT,
      encrypted: true,
    }),
  });
  const i18n = createI18n({
    language,
    onMissingKey: (lng, key) => missingKeys.push(`${lng}:${key}`),
  });
  const user = userEvent.setup();
  render(
    <I18nextProvider i18n={i18n}>
      <ClientProvider client={new Client(core)}>
        <ExportWizard sessionId="s1" />
      </ClientProvider>
    </I18nextProvider>,
  );
  return { core, user };
}

interface SealedRequest {
  choices: { includePlanningRecord?: boolean };
  passphrase?: string;
  recipientKey?: string;
}
const sealedCall = (core: ReturnType<typeof fakeCore>) =>
  core.calls.find((c) => c.channel === 'export.sealed')?.payload as SealedRequest;

test('planning record: off by default, listed as withheld, and sent as out', async () => {
  const { core, user } = renderWizard();
  const box = await screen.findByLabelText(/Include the case's planning record/);
  expect(box).not.toBeChecked();
  expect(screen.getByTestId('export-withheld')).toHaveTextContent("the case's planning record");
  await user.type(screen.getByLabelText('Save the bundle in this folder'), '/out');
  await user.click(screen.getByRole('button', { name: 'Export' }));
  await screen.findByText('The bundle is ready');
  expect(sealedCall(core).choices.includePlanningRecord).toBe(false);
  expect(sealedCall(core).passphrase).toBeUndefined();
});

test('planning record chosen: sent as includePlanningRecord and no longer listed as withheld', async () => {
  const { core, user } = renderWizard();
  await user.click(await screen.findByLabelText(/Include the case's planning record/));
  expect(screen.getByTestId('export-withheld')).not.toHaveTextContent('planning record');
  await user.type(screen.getByLabelText('Save the bundle in this folder'), '/out');
  await user.click(screen.getByRole('button', { name: 'Export' }));
  await screen.findByText('The bundle is ready');
  expect(sealedCall(core).choices.includePlanningRecord).toBe(true);
});

test('passphrase: too short and mismatched are refused with a reason; a good one is sent', async () => {
  const { core, user } = renderWizard();
  await user.click(await screen.findByLabelText('Encrypt with a passphrase'));
  await user.type(screen.getByLabelText('Save the bundle in this folder'), '/out');
  const exportButton = screen.getByRole('button', { name: 'Export' });
  await user.type(screen.getByLabelText('Passphrase for this bundle'), 'short');
  expect(screen.getByTestId('export-protection-problem')).toHaveTextContent(/at least 12/);
  expect(exportButton).toBeDisabled();
  await user.type(screen.getByLabelText('Passphrase for this bundle'), ' but now long enough');
  await user.type(screen.getByLabelText('Passphrase again'), 'short but now long enougH');
  expect(screen.getByTestId('export-protection-problem')).toHaveTextContent(/different/);
  expect(exportButton).toBeDisabled();
  await user.clear(screen.getByLabelText('Passphrase again'));
  await user.type(screen.getByLabelText('Passphrase again'), 'short but now long enough');
  expect(screen.queryByTestId('export-protection-problem')).not.toBeInTheDocument();
  await user.click(exportButton);
  await screen.findByText('The bundle is ready');
  expect(sealedCall(core).passphrase).toBe('short but now long enough');
  expect(sealedCall(core).recipientKey).toBeUndefined();
});

test('Spanish: the choice, the protection and the withheld summary are translated', async () => {
  renderWizard('es');
  expect(
    await screen.findByLabelText(/Incluir el registro de planificación del caso/),
  ).not.toBeChecked();
  expect(screen.getByLabelText('Cifrar con una frase de contraseña')).toBeInTheDocument();
  expect(screen.getByTestId('export-withheld')).toHaveTextContent(
    'el registro de planificación del caso',
  );
});

describe.each(['en', 'es'] as const)('observer queue and names (%s, team20)', (language) => {
  const T = language === 'en' ? enUi : esUi;
  test('the queue text is a choice (off, counted as withheld); with names off the screen says a named suggestion is withheld whole', async () => {
    const { core, user } = renderWizard(language);
    const queue = await screen.findByLabelText(T.export.choices.includeObserverQueue);
    expect(queue).not.toBeChecked();
    expect(screen.getByTestId('export-withheld')).toHaveTextContent(
      T.export.withheldNames.includeObserverQueue,
    );
    // Queue off: nothing named can go, so nothing to say.
    await user.click(screen.getByLabelText(T.export.choices.includeObserverNames));
    expect(screen.queryByTestId('export-named-suggestions')).toBeNull();
    await user.click(queue);
    expect(screen.getByTestId('export-named-suggestions')).toHaveTextContent(
      T.export.namedSuggestionsWithheld,
    );
    // Names back on: the note goes away.
    await user.click(screen.getByLabelText(T.export.choices.includeObserverNames));
    expect(screen.queryByTestId('export-named-suggestions')).toBeNull();
    await user.click(screen.getByLabelText(T.export.choices.includeObserverNames));
    await user.type(screen.getByLabelText(T.export.outDir), '/out');
    await user.click(screen.getByRole('button', { name: T.export.run }));
    await screen.findByTestId('bundle-path');
    const sent = core.calls.find((c) => c.channel === 'export.sealed')?.payload as {
      choices: { includeObserverQueue?: boolean; includeObserverNames?: boolean };
    };
    expect(sent.choices).toMatchObject({ includeObserverQueue: true, includeObserverNames: false });
  });
});

// Audit 19g, B19g-7: the done screen showed the fingerprint lower-case and unbroken, while the PDF
// footer, VERIFY.txt and the CLI print it grouped and upper-case (src/export/encoding groupHex;
// tests/unit/export/fingerprint-format.test.ts holds the renderer's formatter to it): the
// recipient compares it with the PDF's footer, often read aloud over the phone.
describe.each(['en', 'es'] as const)('bundle ready (%s)', (language) => {
  test('the bundle fingerprint reads exactly as the PDF footer and the CLI print it', async () => {
    const T = language === 'en' ? enUi : esUi;
    const { user } = renderWizard(language);
    await user.type(await screen.findByLabelText(T.export.outDir), '/out');
    await user.click(screen.getByRole('button', { name: T.export.run }));
    const shown = await screen.findByTestId('export-fingerprint');
    expect(shown).toHaveTextContent(
      '3737 9141 B3B4 BA54 0678 2CAE 2E6E F61B 7600 FAF3 84AC 3A37 2C92 4776 954C E34F',
      { normalizeWhitespace: false },
    );
  });
});
