import { screen, waitFor, within } from '@testing-library/react';
import { fail, fakeCore } from './fake-core';
import { renderApp } from './render';

async function createCase(
  user: ReturnType<typeof renderApp>['user'],
  reference: string,
  alias: string,
) {
  await user.click(screen.getByRole('button', { name: 'New case' }));
  await user.type(screen.getByLabelText('Case reference'), reference);
  await user.type(screen.getByLabelText(/^Child alias/), alias);
  await user.type(screen.getByLabelText("Child's age in years"), '7');
  await user.click(screen.getByRole('button', { name: 'Create case' }));
}

test('cases are created, listed and found by search', async () => {
  const { user } = renderApp();
  await screen.findByRole('heading', { name: 'Cases' });
  await createCase(user, 'CAC-2024-001', 'Mia');
  await screen.findByRole('rowheader', { name: 'CAC-2024-001' });
  await createCase(user, 'CAC-2024-002', 'Leo');
  await screen.findByRole('rowheader', { name: 'CAC-2024-002' });
  await user.type(screen.getByLabelText('Search by reference or alias'), 'leo');
  // The search runs in the core (a moment after typing stops).
  await waitFor(() => expect(screen.queryByText('Mia')).not.toBeInTheDocument());
  const table = screen.getByRole('table');
  expect(within(table).getByText('Leo')).toBeInTheDocument();
  expect(within(table).getByText('7 years')).toBeInTheDocument();
});

test('a failed save keeps everything typed and says what to do', async () => {
  const core = fakeCore({ 'cases.create': () => fail('DISK_FULL') });
  const { user } = renderApp(core);
  await screen.findByRole('heading', { name: 'Cases' });
  await createCase(user, 'CAC-9', 'Ana');
  expect(await screen.findByText('The disk is full.')).toBeInTheDocument();
  expect(screen.getByLabelText('Case reference')).toHaveValue('CAC-9');
  expect(screen.getByLabelText(/^Child alias/)).toHaveValue('Ana');
});

test('archiving hides a case unless archived cases are shown', async () => {
  const { user } = renderApp();
  await screen.findByRole('heading', { name: 'Cases' });
  await createCase(user, 'CAC-3', 'Sam');
  await user.click(await screen.findByRole('button', { name: 'Archive case CAC-3' }));
  expect(await screen.findByText('No case matches this search.')).toBeInTheDocument();
  await user.click(screen.getByLabelText('Show archived cases'));
  expect(screen.getByRole('button', { name: 'Restore case CAC-3' })).toBeInTheDocument();
});

test('a child under 3 is refused with the reason; under 6 the months are asked; another language sets the interpreter', async () => {
  const { user } = renderApp();
  await screen.findByRole('heading', { name: 'Cases' });
  await user.click(screen.getByRole('button', { name: 'New case' }));
  await user.type(screen.getByLabelText('Case reference'), 'CAC-Y1');
  await user.type(screen.getByLabelText(/^Child alias/), 'Bo');
  await user.type(screen.getByLabelText("Child's age in years"), '2');
  expect(screen.queryByLabelText('and months (under 6)')).not.toBeInTheDocument();
  await user.click(screen.getByRole('button', { name: 'Create case' }));
  expect(
    await screen.findByText(
      /no forensic interview protocol \(NICHD, Ten Step, NCAC, ABE\) covers this age/,
    ),
  ).toBeInTheDocument();
  await user.clear(screen.getByLabelText("Child's age in years"));
  await user.type(screen.getByLabelText("Child's age in years"), '4');
  await user.type(screen.getByLabelText('and months (under 6)'), '7');
  await user.selectOptions(screen.getByLabelText("Child's language"), 'pt');
  expect(screen.getByLabelText('An interpreter is needed')).toBeChecked();
  await user.click(screen.getByRole('button', { name: 'Create case' }));
  await screen.findByRole('rowheader', { name: 'CAC-Y1' });
});

test('a long list is paged: 50 cases a page, next and previous, the count in the active language', async () => {
  const core = fakeCore();
  const { user } = renderApp(core);
  await screen.findByRole('heading', { name: 'Cases' });
  for (let i = 0; i < 55; i++)
    await core.invoke('cases.create', {
      reference: `PG-${String(i).padStart(3, '0')}`,
      childAlias: `Kid ${i}`,
      childAgeYears: 8,
      language: 'en',
    });
  await user.type(screen.getByLabelText('Search by reference or alias'), 'PG-');
  expect(await screen.findByText('Cases 1–50 of 55')).toBeInTheDocument();
  expect(screen.getAllByRole('row')).toHaveLength(51); // header + 50
  expect(screen.getByRole('rowheader', { name: 'PG-054' })).toBeInTheDocument(); // newest first
  expect(screen.getByRole('button', { name: 'Previous' })).toBeDisabled();
  await user.click(screen.getByRole('button', { name: 'Next' }));
  expect(await screen.findByRole('rowheader', { name: 'PG-000' })).toBeInTheDocument();
  expect(screen.getByText('Cases 51–55 of 55')).toBeInTheDocument();
  expect(screen.getAllByRole('row')).toHaveLength(6);
  expect(screen.getByRole('button', { name: 'Next' })).toBeDisabled();
  const lastPage = core.calls.filter((c) => c.channel === 'sessions.list').at(-1)?.payload as {
    caseIds: string[];
  };
  expect(lastPage.caseIds).toHaveLength(5);
});

test('an interviewer sees the allegation-blind setting but cannot tick it, and reads who can (R24-8)', async () => {
  const core = fakeCore({
    'vault.status': () => ({
      exists: true,
      unlocked: true,
      user: { username: 'ola', role: 'interviewer', displayName: 'Ola' },
    }),
  });
  const { user } = renderApp(core);
  await screen.findByRole('heading', { name: 'Cases' });
  await user.click(screen.getByRole('button', { name: 'New case' }));
  const box = screen.getByLabelText('Allegation-blind interview');
  expect(box).toBeDisabled();
  expect(box).toHaveAccessibleDescription(/Only an admin can turn this on or off/);
});

test('an admin can tick the allegation-blind setting', async () => {
  const { user } = renderApp();
  await screen.findByRole('heading', { name: 'Cases' });
  await user.click(screen.getByRole('button', { name: 'New case' }));
  const box = screen.getByLabelText('Allegation-blind interview');
  expect(box).toBeEnabled();
  await user.click(box);
  expect(box).toBeChecked();
  expect(screen.queryByText(/Only an admin can turn this on or off/)).not.toBeInTheDocument();
});

test('an interview of the shown cases that could not be read is named with the next step, not silently left out (R25-1)', async () => {
  const core = fakeCore({
    'sessions.list': () => ({
      sessions: [],
      total: 0,
      offset: 0,
      limit: 1000,
      unreadable: ['sess_hidden'],
    }),
  });
  const { user } = renderApp(core);
  await screen.findByRole('heading', { name: 'Cases' });
  await createCase(user, 'CAC-2024-001', 'Mia');
  await screen.findByRole('rowheader', { name: 'CAC-2024-001' });
  const notice = await screen.findByText(/1 interview of these cases could not be read/);
  expect(notice.textContent).toMatch(/vault check.*then restore the newest backup/);
});

test("the case holding an interview that could not be read says so in its own row, not '–' as if never interviewed", async () => {
  let caseIds: string[] = [];
  const core = fakeCore({
    'sessions.list': (req: unknown) => {
      caseIds = (req as { caseIds?: string[] }).caseIds ?? [];
      return {
        sessions: [],
        total: 0,
        offset: 0,
        limit: 1000,
        unreadable: ['sess_a', 'sess_b'],
        unreadableByCase: caseIds[0] ? { [caseIds[0]]: 2 } : {},
      };
    },
  });
  const { user } = renderApp(core);
  await screen.findByRole('heading', { name: 'Cases' });
  await createCase(user, 'CAC-2024-002', 'Leo');
  const row = (await screen.findByRole('rowheader', { name: 'CAC-2024-002' })).closest('tr');
  if (!row) throw new Error('no row for the case');
  await within(row).findByText('2 interviews could not be read');
  expect(within(row).queryByText('–')).not.toBeInTheDocument();
});

test('case records the core could not read are counted with the next step, beside the cases listed (R25-6)', async () => {
  const core = fakeCore();
  const list = core.invoke.bind(core);
  core.invoke = async (channel: string, payload: unknown) => {
    const result = await list(channel, payload);
    if (channel !== 'cases.list' || !result.ok) return result;
    return { ...result, value: { ...(result.value as object), unreadable: ['casd_x', 'zz_y'] } };
  };
  const { user } = renderApp(core);
  await screen.findByRole('heading', { name: 'Cases' });
  await createCase(user, 'CAC-U1', 'Ana');
  await screen.findByRole('rowheader', { name: 'CAC-U1' });
  const notice = await screen.findByText(/^2 case records could not be read/);
  expect(notice).toHaveAttribute('role', 'status');
  expect(notice).toHaveTextContent(/the other cases are listed/);
  expect(notice).toHaveTextContent(/hearth vault check.*restore the newest backup/);
});

test('in Spanish, one unreadable case record is named in the singular with the next step', async () => {
  const core = fakeCore({
    'cases.list': () => ({ cases: [], unreadable: ['casd_x'], total: 0 }),
  });
  renderApp(core, 'es');
  const notice = await screen.findByText(/^1 registro de caso no se pudo leer/);
  expect(notice).toHaveTextContent(/los demás casos sí aparecen/);
  expect(notice).toHaveTextContent(/restaure la copia de seguridad más reciente/);
});

test('a clean case list shows no unreadable-case notice', async () => {
  const { user } = renderApp();
  await screen.findByRole('heading', { name: 'Cases' });
  await createCase(user, 'CAC-C1', 'Lu');
  await screen.findByRole('rowheader', { name: 'CAC-C1' });
  expect(screen.queryByText(/could not be read/)).not.toBeInTheDocument();
});

test('a reference the log gave to a case deleted outside Hearth: the form says so with the next step and keeps what was typed (sec59)', async () => {
  const core = fakeCore({
    'cases.create': () => fail('CONFLICT', { reason: 'REFERENCE_OF_DELETED_CASE' }),
  });
  const { user } = renderApp(core);
  await screen.findByRole('heading', { name: 'Cases' });
  await createCase(user, 'CAC-GONE', 'Ana');
  expect(
    await screen.findByText(/given to a case that is no longer in the vault file/),
  ).toBeInTheDocument();
  expect(screen.getByText(/hearth vault check.*hearth vault restore/)).toBeInTheDocument();
  expect(screen.queryByText('Someone changed this at the same time.')).not.toBeInTheDocument();
  expect(screen.getByLabelText('Case reference')).toHaveValue('CAC-GONE');
});
