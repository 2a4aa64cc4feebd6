// Settings → Vault check → "Confirm where signed audit starts, from a backup" (issue 15, red team
// rounds 5 F0 and 6 R6-1): shown only while the check reports AUDIT_START_UNCONFIRMED; sends the
// typed path to vault.confirmAuditStart; says the outcome; words every refusal the core names
// (by its `reason`, or FORBIDDEN for a non-admin) with a next step, in English and Spanish, and
// never shows the core's English message.
import { screen } from '@testing-library/react';
import en from '../../locales/en/ui.json';
import es from '../../locales/es/ui.json';
import { fail, fakeCore } from './fake-core';
import { renderApp } from './render';

const UNCONFIRMED = {
  ok: false,
  problems: [
    {
      kind: 'audit',
      id: 'audit-start',
      code: 'AUDIT_START_UNCONFIRMED',
      values: { column: 22, last: 21 },
      detail: 'AUDIT_START_UNCONFIRMED: …',
    },
  ],
};

const CORE_ENGLISH = 'core-english-message-never-shown';

const REFUSALS: Array<[string, () => never]> = [
  [
    'BACKUP_UNREADABLE',
    () => fail('NOT_FOUND', { reason: 'BACKUP_UNREADABLE', message: CORE_ENGLISH }),
  ],
  ['NOT_A_VAULT', () => fail('VAULT_CORRUPT', { reason: 'NOT_A_VAULT', message: CORE_ENGLISH })],
  ['OTHER_VAULT', () => fail('CONFLICT', { reason: 'OTHER_VAULT', message: CORE_ENGLISH })],
  [
    'BACKUP_TOO_EARLY',
    () => fail('CONFLICT', { reason: 'BACKUP_TOO_EARLY', message: CORE_ENGLISH }),
  ],
  ['LOG_REWRITTEN', () => fail('TAMPERED', { reason: 'LOG_REWRITTEN', message: CORE_ENGLISH })],
  [
    'CENTRE_KEY_MISSING',
    () => fail('TAMPERED', { reason: 'CENTRE_KEY_MISSING', message: CORE_ENGLISH }),
  ],
  [
    'ALREADY_COMMITTED',
    () => fail('CONFLICT', { reason: 'ALREADY_COMMITTED', message: CORE_ENGLISH }),
  ],
  [
    'STATEMENT_SIGNED',
    () => fail('CONFLICT', { reason: 'STATEMENT_SIGNED', message: CORE_ENGLISH }),
  ],
  [
    'STATEMENT_INVALID',
    () => fail('CONFLICT', { reason: 'STATEMENT_INVALID', message: CORE_ENGLISH }),
  ],
  ['FORBIDDEN', () => fail('FORBIDDEN', { message: CORE_ENGLISH })],
];

type Words = typeof en.settings.confirmStart;

test.each([
  ['en', en, 'Settings'],
  ['es', es, 'Configuración'],
] as const)(
  '%s: every refusal is worded with a next step; success says where signed audit starts',
  async (lang, ui, settings) => {
    const words: Words = ui.settings.confirmStart;
    const answers = [
      ...REFUSALS.map(([, f]) => f),
      () => ({ auditSignedFrom: 22, unsignedEntries: 21 }),
    ];
    let call = 0;
    const core = fakeCore({
      'vault.check': () => UNCONFIRMED,
      'vault.confirmAuditStart': () => answers[call++]!(),
    });
    const { user } = renderApp(core, lang);
    await user.click(await screen.findByRole('button', { name: settings }));
    // Not offered before a check says it is needed.
    expect(screen.queryByRole('button', { name: words.run })).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: ui.settings.checkRun }));
    const path = await screen.findByLabelText(words.path);
    const run = screen.getByRole('button', { name: words.run });
    expect(run).toBeDisabled();
    await user.type(path, '/media/usb/before-upgrade.db');
    for (const [reason] of REFUSALS) {
      await user.click(run);
      const worded = (words.errors as Record<string, { what: string; next: string }>)[reason]!;
      const alert = await screen.findByRole('alert');
      expect(alert).toHaveTextContent(worded.what);
      expect(alert).toHaveTextContent(worded.next);
      expect(worded.next.length).toBeGreaterThan(20);
      expect(alert).not.toHaveTextContent(CORE_ENGLISH);
    }
    await user.click(run);
    const done = await screen.findByText(
      new RegExp(words.done_other.split('{{from}}')[0]!.slice(0, 20)),
    );
    expect(done).toHaveTextContent('22');
    expect(done).toHaveTextContent('21');
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(
      core.calls.filter((c) => c.channel === 'vault.confirmAuditStart').map((c) => c.payload as unknown),
    ).toEqual(Array(REFUSALS.length + 1).fill({ backupFile: '/media/usb/before-upgrade.db' }));
  },
);

test('the form is not offered when the check has no AUDIT_START_UNCONFIRMED finding', async () => {
  const core = fakeCore({
    'vault.check': () => ({
      ok: false,
      problems: [
        { kind: 'audit', id: 'audit-start', code: 'CENTRE_KEY_MISSING', values: {}, detail: '…' },
      ],
    }),
  });
  const { user } = renderApp(core, 'en');
  await user.click(await screen.findByRole('button', { name: 'Settings' }));
  await user.click(screen.getByRole('button', { name: en.settings.checkRun }));
  expect(await screen.findByText(/The centre key is missing/)).toBeInTheDocument();
  expect(
    screen.queryByRole('button', { name: en.settings.confirmStart.run }),
  ).not.toBeInTheDocument();
});
