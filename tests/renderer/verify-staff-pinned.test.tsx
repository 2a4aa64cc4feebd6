// The verify screen's pinned staff list (red team M2/M3) and its address book of pinned centre
// keys: the list and its signature reach export.verify only when pasted; a signer not on the
// pinned list is the core's IDENTITY_NOT_PROVEN verdict, shown as amber "not proven" (the content
// verified; nothing says it changed) naming each signer in the UI language; a centre key pinned
// under a name survives a restart of the screen and fills the key field.
import { screen, within } from '@testing-library/react';
import { fakeCore } from './fake-core';
import { renderApp } from './render';

const CENTRE =
  'untrusted comment: Hearth centre key\nRWQf6LRCGA9i53mlYecO4IzT51TGPpvWucNSCh1CBM0QTaLn73Y7GFO3';
const STAFF = 'RWQf6LRCGA9i53mlYecO4IzT51TGPpvWucNSCh1CBM0QTaLn73Y7GFO3 admin ada Ada Admin\n';
const SIG = 'untrusted comment: signature\nRUQ...\ntrusted comment: staff list\nxyz\n';
/** The core's fact for a signer not on the pinned list (src/export/identity.ts). */
const NOT_ON_LIST = {
  code: 'identityNotOnList',
  params: {
    key: {
      code: 'identityKeySigned',
      params: {
        what: { code: 'what.exporting' },
        username: 'bea',
        role: { code: 'roles.interviewer' },
        fingerprint: '1234',
        issuedAt: '2026-03-05',
        signedAt: '2026-03-06',
      },
    },
    list: { code: 'identityListIssued', params: { issuedAt: '2026-03-01' } },
    why: { code: 'identityWhy.certifiedAfter' },
  },
};
const NOT_PROVEN_REASON = 'NOT PROVEN: the exporting key of bea (interviewer, fingerprint 1234';

beforeEach(() => window.localStorage.clear());

async function openVerify(language: 'en' | 'es' = 'en', answer: () => unknown = () => ({})) {
  const core = fakeCore({ 'export.verify': answer });
  const rendered = renderApp(core, language);
  await rendered.user.click(
    await screen.findByRole('button', {
      name: language === 'en' ? 'Verify a bundle' : 'Verificar paquete',
    }),
  );
  return rendered;
}

test('the pinned list and its signature are sent; a signer not on it is amber NOT PROVEN', async () => {
  let pinned = false;
  const { core, user } = await openVerify('en', () =>
    pinned
      ? {
          valid: false,
          failure: 'IDENTITY_NOT_PROVEN',
          reason: NOT_PROVEN_REASON,
          notProven: [NOT_PROVEN_REASON, 'A later addendum or export may exist.'],
          notProvenFacts: [NOT_ON_LIST, { code: 'laterAddendum' }],
        }
      : { valid: true, sessionId: 's-1', fingerprint: 'ab'.repeat(32), notProven: ['Caveat.'] },
  );
  await user.type(screen.getByLabelText('Bundle location'), '/home/da/bundle');
  await user.click(screen.getByLabelText("The centre's public key"));
  await user.paste(CENTRE);
  await user.click(screen.getByRole('button', { name: 'Verify' }));
  await screen.findByTestId('verify-result');
  // Not pasted: not sent.
  expect(core.calls.filter((c) => c.channel === 'export.verify')[0]!.payload).not.toHaveProperty(
    'pinnedStaffList',
  );
  await user.click(screen.getByLabelText('Staff list (staff-keys.txt)'));
  await user.paste(STAFF);
  await user.click(screen.getByLabelText('Its signature (staff-keys.txt.minisig)'));
  await user.paste(SIG);
  pinned = true;
  await user.click(screen.getByRole('button', { name: 'Verify' }));
  const signers = await screen.findByTestId('identity-not-proven');
  const result = screen.getByTestId('verify-result');
  expect(result).toHaveAttribute('data-verdict', 'not-proven');
  expect(result).toHaveAttribute('role', 'alert');
  expect(result).toHaveTextContent('Not proven: who signed this bundle');
  expect(result).toHaveTextContent(/This does not mean the bundle was changed/);
  expect(signers).toHaveTextContent(
    /NOT PROVEN: the exporting key of bea \(interviewer, fingerprint 1234, certified 2026-03-05, signed 2026-03-06\) is not on the staff list you pinned \(issued 2026-03-01\): it was certified after that list/,
  );
  // Not a pass: no "all on the list" line, no pass details.
  expect(screen.queryByTestId('staff-pinned-ok')).not.toBeInTheDocument();
  expect(screen.queryByTestId('verify-proven')).not.toBeInTheDocument();
  const calls = core.calls.filter((c) => c.channel === 'export.verify');
  expect(calls[calls.length - 1]!.payload).toMatchObject({
    pinnedStaffList: STAFF,
    pinnedStaffListMinisig: SIG,
  });
});

test('NOT PROVEN identity is worded in the UI language (es)', async () => {
  const { user } = await openVerify('es', () => ({
    valid: false,
    failure: 'IDENTITY_NOT_PROVEN',
    reason: NOT_PROVEN_REASON,
    notProvenFacts: [NOT_ON_LIST, { code: 'laterAddendum' }],
  }));
  await user.type(screen.getByLabelText('Ubicación del paquete'), '/home/da/bundle');
  await user.click(screen.getByLabelText('La clave pública del centro'));
  await user.paste(CENTRE);
  await user.click(screen.getByRole('button', { name: 'Verificar' }));
  const result = await screen.findByTestId('verify-result');
  expect(result).toHaveAttribute('data-verdict', 'not-proven');
  expect(result).toHaveTextContent('No probado: quién firmó este paquete');
  expect(screen.getByTestId('identity-not-proven')).toHaveTextContent(
    /NO PROBADO: la clave de exportación de bea \(persona entrevistadora, huella 1234/,
  );
  // The English reason is not shown when the facts are worded.
  expect(result).not.toHaveTextContent(/the exporting key of bea/);
});

test('a pass without the warning shows no staff alert', async () => {
  const { user } = await openVerify('en', () => ({ valid: true, notProven: ['Caveat.'] }));
  await user.type(screen.getByLabelText('Bundle location'), '/home/da/bundle');
  await user.click(screen.getByLabelText("The centre's public key"));
  await user.paste(CENTRE);
  await user.click(screen.getByRole('button', { name: 'Verify' }));
  await screen.findByTestId('verify-result');
  // No list pinned: no claim that the signers are on one.
  expect(screen.queryByTestId('staff-pinned-ok')).not.toBeInTheDocument();
});

test('a centre key pinned under a name is refused without a name, kept, picked and removed (es)', async () => {
  const first = await openVerify('es');
  await first.user.click(screen.getByLabelText('La clave pública del centro'));
  await first.user.paste(CENTRE);
  const name = screen.getByLabelText(/Nombre para esta clave/);
  await first.user.click(screen.getByRole('button', { name: 'Fijar esta clave' }));
  expect(await screen.findByText('Primero dé un nombre a la clave.')).toBeInTheDocument();
  await first.user.type(name, 'CAC del Valle');
  await first.user.click(screen.getByRole('button', { name: 'Fijar esta clave' }));
  expect(screen.getByTestId('pinned-current')).toHaveTextContent('«CAC del Valle»');
  const stored = JSON.parse(window.localStorage.getItem('hearth.pinnedCentreKeys')!) as unknown[];
  expect(stored).toEqual([
    expect.objectContaining({
      name: 'CAC del Valle',
      keyId: expect.stringMatching(/^[0-9A-F]{16}$/),
    }),
  ]);
  first.unmount();

  // A new screen (the app restarted): the key is offered and fills the field.
  const second = await openVerify('es');
  const choice = screen.getByLabelText('Clave fijada');
  expect(within(choice).getByRole('option', { name: /CAC del Valle/ })).toBeInTheDocument();
  expect(screen.getByLabelText('La clave pública del centro')).toHaveValue('');
  await second.user.selectOptions(
    choice,
    within(choice).getByRole('option', { name: /CAC del Valle/ }),
  );
  const keyField = screen.getByLabelText<HTMLTextAreaElement>('La clave pública del centro');
  expect(keyField.value).toMatch(/RWQf6LRC/);
  await second.user.click(
    screen.getByRole('button', { name: 'Quitar «CAC del Valle» de las claves fijadas' }),
  );
  expect(screen.queryByLabelText('Clave fijada')).not.toBeInTheDocument();
  expect(JSON.parse(window.localStorage.getItem('hearth.pinnedCentreKeys')!)).toEqual([]);
});

/** staff-keys.txt as the centre writes it (header, comment, key lines). */
const STAFF_FILE = `hearth staff key list v1
centre key id 93CDA29C4FC2C79E, fingerprint 8583 E07A 9D62 CD58 E3FF 17B9 BBBE 648F FE41 CDE9
issued 2026-11-29T21:54:18.521Z by ada
list number 3
# Each line: minisign public key, role, user name, display name.
${STAFF}`;

test('the pinned staff list is remembered after a pass (public keys only), filled in next visit, and forgotten on request', async () => {
  const pass = () => ({ valid: true, sessionId: 's-1', notProven: [] });
  const first = await openVerify('en', pass);
  await first.user.type(screen.getByLabelText('Bundle location'), '/home/da/bundle');
  await first.user.click(screen.getByLabelText("The centre's public key"));
  await first.user.paste(CENTRE);
  await first.user.click(screen.getByLabelText('Staff list (staff-keys.txt)'));
  await first.user.paste(STAFF_FILE);
  await first.user.click(screen.getByLabelText('Its signature (staff-keys.txt.minisig)'));
  await first.user.paste(SIG);
  await first.user.click(screen.getByLabelText(/Remember this staff list on this computer/));
  await first.user.click(screen.getByRole('button', { name: 'Verify' }));
  await screen.findByTestId('verify-result');
  const stored = JSON.parse(window.localStorage.getItem('hearth.pinnedStaffList')!) as {
    list: string;
    minisig: string;
  };
  expect(stored).toMatchObject({ list: STAFF_FILE, minisig: SIG });
  first.unmount();

  // Next visit: filled in and said so; Forget empties the fields and the storage.
  const second = await openVerify('en', pass);
  expect(screen.getByLabelText('Staff list (staff-keys.txt)')).toHaveValue(STAFF_FILE);
  expect(screen.getByTestId('staff-remembered')).toHaveTextContent(/remembered on this computer/);
  await second.user.click(screen.getByRole('button', { name: 'Forget the remembered staff list' }));
  expect(screen.getByLabelText('Staff list (staff-keys.txt)')).toHaveValue('');
  expect(window.localStorage.getItem('hearth.pinnedStaffList')).toBeNull();
});

test('text that is not a staff list (a pasted note) is never stored, even with Remember ticked', async () => {
  const { user } = await openVerify('en', () => ({ valid: true, sessionId: 's-1', notProven: [] }));
  await user.type(screen.getByLabelText('Bundle location'), '/home/da/bundle');
  await user.click(screen.getByLabelText("The centre's public key"));
  await user.paste(CENTRE);
  await user.click(screen.getByLabelText('Staff list (staff-keys.txt)'));
  await user.paste('The child said he took my phone.\n');
  await user.click(screen.getByLabelText('Its signature (staff-keys.txt.minisig)'));
  await user.paste(SIG);
  await user.click(screen.getByLabelText(/Remember this staff list on this computer/));
  await user.click(screen.getByRole('button', { name: 'Verify' }));
  await screen.findByTestId('verify-result');
  expect(window.localStorage.getItem('hearth.pinnedStaffList')).toBeNull();
});

test('the verdict comes first and its facts are worded in the UI language (es)', async () => {
  const { user } = await openVerify('es', () => ({
    valid: true,
    sessionId: 's-1',
    fingerprint: 'ab'.repeat(32),
    proven: ['Custody: 3 entries, hash-chained from the sealing to this export.'],
    notProven: ['English words the app must not show in Spanish.'],
    provenFacts: [{ code: 'custody', params: { count: 3 } }],
    notProvenFacts: [{ code: 'identityNotChecked' }, { code: 'notesNotComplete' }],
  }));
  await user.type(screen.getByLabelText('Ubicación del paquete'), '/home/da/bundle');
  await user.click(screen.getByLabelText('La clave pública del centro'));
  await user.paste(CENTRE);
  await user.click(screen.getByRole('button', { name: 'Verificar' }));
  const result = await screen.findByTestId('verify-result');
  // Above the form: the verdict precedes the first field in the document.
  const form = screen.getByLabelText('Ubicación del paquete');
  expect(result.compareDocumentPosition(form) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
  expect(within(result).getByRole('heading', { level: 2 })).toHaveFocus();
  expect(result).toHaveAttribute('data-verdict', 'valid');
  expect(screen.getByTestId('verify-proven')).toHaveTextContent(
    'Cadena de custodia: 3 entradas, enlazadas por hash desde el sellado hasta esta exportación.',
  );
  expect(screen.getByTestId('verify-not-proven')).toHaveTextContent(
    /la grabación de video es el registro principal/,
  );
  expect(result).not.toHaveTextContent(/English words/);
  expect(screen.getByTestId('verify-not-proven')).toHaveTextContent(
    /IDENTIDAD NO PROBADA: quién firmó se verificó solo con los certificados/,
  );
});

test('a newer Hearth\'s bundle is "not proven", amber, with the next step: never "do not rely"', async () => {
  const { user } = await openVerify('en', () => ({
    valid: false,
    failure: 'NEWER_VERSION',
    reason: 'transcript.json is format v5, newer than this Hearth reads.',
  }));
  await user.type(screen.getByLabelText('Bundle location'), '/home/da/bundle');
  await user.click(screen.getByLabelText("The centre's public key"));
  await user.paste(CENTRE);
  await user.click(screen.getByRole('button', { name: 'Verify' }));
  const result = await screen.findByTestId('verify-result');
  expect(result).toHaveAttribute('data-verdict', 'not-proven');
  expect(result).toHaveTextContent('Not proven by this version of Hearth');
  expect(result).toHaveTextContent(/Update Hearth, then verify the bundle again/);
  expect(result).not.toHaveTextContent(/Do not rely/);
});
