// Settings → Users and roles: an admin removes a user and reveals an allegation-blind case's
// allegation to a colleague. Each asks for confirmation naming what cannot be undone; Cancel
// sends nothing; the core's answer is shown (its refusal in words).
import { screen, within } from '@testing-library/react';
import { fail, fakeCore } from './fake-core';
import { renderApp } from './render';

const SETTINGS_ES = 'Configuración';
const USERS = [
  { username: 'ada', displayName: 'Ada Admin', role: 'admin', createdAt: '' },
  { username: 'ivan', displayName: 'Iván Muñoz', role: 'interviewer', createdAt: '' },
  { username: 'tess', displayName: 'Tess Trainer', role: 'trainer', createdAt: '' },
];
const BLIND_CASE = {
  caseId: 'case_0000000000000001',
  reference: 'CAC-2026-014',
  childAlias: 'M.',
  childAgeYears: 7,
  childAgeMonths: 0,
  language: 'en',
  interpreterNeeded: false,
  allegationBlind: true,
  archived: false,
  version: 1,
  createdAt: '2026-11-01T10:00:00.000Z',
  createdBy: 'ada',
  updatedAt: '2026-11-01T10:00:00.000Z',
  updatedBy: 'ada',
};

function core(extra: Record<string, (p: Record<string, unknown>) => unknown> = {}) {
  let users = [...USERS];
  return fakeCore({
    'users.list': () => ({ users }),
    'users.remove': (p) => {
      users = users.filter((u) => u.username !== p.username);
      return { username: p.username, rotatedKeys: 5 };
    },
    'cases.list': () => ({
      cases: [
        BLIND_CASE,
        {
          ...BLIND_CASE,
          caseId: 'case_0000000000000002',
          reference: 'OPEN-1',
          allegationBlind: false,
        },
      ],
      unreadable: [],
      total: 2,
    }),
    'cases.revealAllegationTo': () => ({}),
    ...extra,
  });
}

async function openSettings(c: ReturnType<typeof fakeCore>) {
  const { user } = renderApp(c);
  await user.click(await screen.findByRole('button', { name: 'Settings' }));
  await screen.findByText('Iván Muñoz');
  return user;
}

test('remove a user: confirmation says what cannot be undone; Cancel sends nothing; confirming removes and reports the keys replaced', async () => {
  const c = core();
  const user = await openSettings(c);
  // No remove button for the signed-in admin herself.
  expect(screen.queryByRole('button', { name: 'Remove Ada Admin' })).not.toBeInTheDocument();
  await user.click(screen.getByRole('button', { name: 'Remove Iván Muñoz' }));
  const dialog = screen.getByRole('alertdialog', { name: 'Remove Iván Muñoz from this vault?' });
  expect(dialog).toHaveTextContent(/cannot be undone/);
  expect(dialog).toHaveTextContent(/cannot take back copies they already made/);
  await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
  expect(c.calls.filter((x) => x.channel === 'users.remove')).toEqual([]);

  await user.click(screen.getByRole('button', { name: 'Remove Iván Muñoz' }));
  await user.click(
    within(screen.getByRole('alertdialog')).getByRole('button', { name: 'Remove Iván Muñoz' }),
  );
  expect(await screen.findByText('Iván Muñoz was removed; 5 keys were replaced.')).toHaveAttribute(
    'role',
    'status',
  );
  expect(
    c.calls.filter((x) => x.channel === 'users.remove').map((x) => x.payload as unknown),
  ).toEqual([{ username: 'ivan' }]);
  expect(screen.queryByText('Iván Muñoz')).not.toBeInTheDocument();
});

test('a refused removal is shown in words', async () => {
  const c = core({ 'users.remove': () => fail('FORBIDDEN') });
  const user = await openSettings(c);
  await user.click(screen.getByRole('button', { name: 'Remove Tess Trainer' }));
  await user.click(
    within(screen.getByRole('alertdialog')).getByRole('button', { name: 'Remove Tess Trainer' }),
  );
  // The refusal in words (the forbidden notice), and nobody was removed.
  expect(await screen.findByText('Your role does not allow this.')).toBeInTheDocument();
  expect(screen.getByText('Tess Trainer')).toBeInTheDocument();
  expect(screen.queryByText(/was removed/)).not.toBeInTheDocument();
});

test('reveal an allegation: only blind cases and colleagues who read cases are offered; confirmed, then sent', async () => {
  const c = core();
  const user = await openSettings(c);
  const caseSelect = await screen.findByLabelText('Allegation-blind case');
  expect(within(caseSelect).queryByText(/OPEN-1/)).not.toBeInTheDocument();
  const userSelect = screen.getByLabelText('Colleague');
  expect(within(userSelect).queryByText(/Tess Trainer/)).not.toBeInTheDocument();
  expect(within(userSelect).queryByText(/Ada Admin/)).not.toBeInTheDocument();
  const button = screen.getByRole('button', { name: 'Reveal the allegation…' });
  expect(button).toBeDisabled();
  await user.selectOptions(caseSelect, BLIND_CASE.caseId);
  await user.selectOptions(userSelect, 'ivan');
  await user.click(button);
  const dialog = screen.getByRole('alertdialog', {
    name: 'Reveal the allegation of CAC-2026-014 to Iván Muñoz?',
  });
  expect(dialog).toHaveTextContent(/cannot be hidden from them again/);
  expect(c.calls.filter((x) => x.channel === 'cases.revealAllegationTo')).toEqual([]);
  await user.click(within(dialog).getByRole('button', { name: 'Reveal the allegation' }));
  expect(await screen.findByText(/was revealed to Iván Muñoz/)).toBeInTheDocument();
  expect(
    c.calls
      .filter((x) => x.channel === 'cases.revealAllegationTo')
      .map((x) => x.payload as unknown),
  ).toEqual([{ caseId: BLIND_CASE.caseId, username: 'ivan' }]);
});

test('in Spanish (es-419) the confirmations read in Spanish', async () => {
  const c = core();
  const { user } = renderApp(c, 'es');
  await user.click(await screen.findByRole('button', { name: SETTINGS_ES }));
  await screen.findByText('Iván Muñoz');
  await user.click(screen.getByRole('button', { name: 'Quitar a Iván Muñoz' }));
  const dialog = screen.getByRole('alertdialog', { name: '¿Quitar a Iván Muñoz de esta bóveda?' });
  expect(dialog).toHaveTextContent(/no se puede deshacer/);
  expect(
    screen.getByLabelText('Caso con entrevista sin conocer la alegación (a ciegas)'),
  ).toBeInTheDocument();
});

test('the disabled reveal button says what is missing, and is disabled while its confirm box is open', async () => {
  const c = core();
  const user = await openSettings(c);
  const button = await screen.findByRole('button', { name: 'Reveal the allegation…' });
  expect(button).toBeDisabled();
  expect(button).toHaveAccessibleDescription('Choose a case and a colleague first.');
  await user.selectOptions(screen.getByLabelText('Allegation-blind case'), BLIND_CASE.caseId);
  expect(button).toHaveAccessibleDescription('Choose a colleague first.');
  await user.selectOptions(screen.getByLabelText('Allegation-blind case'), '');
  await user.selectOptions(screen.getByLabelText('Colleague'), 'ivan');
  expect(button).toHaveAccessibleDescription('Choose a case first.');
  await user.selectOptions(screen.getByLabelText('Allegation-blind case'), BLIND_CASE.caseId);
  expect(button).toBeEnabled();
  expect(button).not.toHaveAccessibleDescription();
  await user.click(button);
  screen.getByRole('alertdialog');
  // Only the confirm box's own button can reveal now.
  expect(button).toBeDisabled();
  expect(screen.getAllByRole('button', { name: /^Reveal the allegation/ })).toHaveLength(2);
  await user.click(within(screen.getByRole('alertdialog')).getByRole('button', { name: 'Cancel' }));
  expect(button).toBeEnabled();
});

test('in Spanish the disabled reveal button says what is missing', async () => {
  const c = core();
  const { user } = renderApp(c, 'es');
  await user.click(await screen.findByRole('button', { name: SETTINGS_ES }));
  await screen.findByText('Iván Muñoz');
  const button = screen.getByRole('button', { name: 'Mostrar la alegación…' });
  expect(button).toHaveAccessibleDescription('Primero elija un caso y una persona del equipo.');
  await user.selectOptions(screen.getByLabelText('Colega'), 'ivan');
  expect(button).toHaveAccessibleDescription('Primero elija un caso.');
});

test('a user with a key slot but an unreadable profile (R24-10) is named with the next step, not left out', async () => {
  const c = core({ 'users.list': () => ({ users: USERS, unreadable: ['rita'] }) });
  await openSettings(c);
  const alert = await screen.findByText(/Not shown: rita\./);
  expect(alert).toHaveAttribute('role', 'alert');
  expect(alert).toHaveTextContent(/hearth vault check/);
  expect(alert).toHaveTextContent(/restore the newest backup/);
});

test('a clean Users list shows no unreadable notice', async () => {
  await openSettings(core());
  expect(screen.queryByText(/Not shown:/)).not.toBeInTheDocument();
});

test('in Spanish, two unreadable users are named in the plural (review25 F21)', async () => {
  const c = core({ 'users.list': () => ({ users: USERS, unreadable: ['rita', 'tom'] }) });
  const { user } = renderApp(c, 'es');
  await user.click(await screen.findByRole('button', { name: SETTINGS_ES }));
  const alert = await screen.findByText(/No se muestran rita, tom:/);
  expect(alert).toHaveTextContent(/cada una de estas personas tiene una ranura de clave/);
  expect(alert).toHaveTextContent(/hearth vault check/);
});
