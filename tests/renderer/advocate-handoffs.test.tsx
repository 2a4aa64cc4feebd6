// Issue #19: a family advocate signs in to a single Hand-offs screen (referral hand-offs per
// case, newest first, no case content) instead of the case screens; an empty list and a failed
// list each say so plainly. An admin can add an advocate in Settings → Users.
import { screen, within } from '@testing-library/react';
import { fail, fakeCore, type Overrides } from './fake-core';
import { renderApp } from './render';

const CASE_A = `case_${'a1b2c3d4'.padEnd(32, '0')}`;
const CASE_B = `case_${'0f0e0d0c'.padEnd(32, '9')}`;
const ADVOCATE = { username: 'fran', role: 'advocate', displayName: 'Fran Advocate' };

const LIST = {
  cases: [
    {
      caseId: CASE_A,
      handoffs: [
        {
          service: 'medical',
          sessionId: 'sess_1',
          status: 'handed-off',
          flagged: { at: '2026-11-02T10:00:00.000Z', by: 'ivan' },
          handedOff: { at: '2026-11-03T09:30:00.000Z', by: 'fran' },
        },
        {
          service: 'mental-health',
          status: 'withdrawn',
          flagged: { at: '2026-11-01T10:00:00.000Z', by: 'ivan' },
          withdrawn: { at: '2026-11-01T11:00:00.000Z', by: 'ivan' },
        },
      ],
    },
    {
      caseId: CASE_B,
      handoffs: [
        {
          service: 'advocacy',
          status: 'flagged',
          flagged: { at: '2026-11-20T15:00:00.000Z', by: 'ada' },
        },
      ],
    },
  ],
};

function advocateCore(overrides: Overrides = {}) {
  return fakeCore({
    'vault.status': () => ({ exists: true, unlocked: true, user: ADVOCATE }),
    'referrals.list': () => LIST,
    // Case content is not the advocate's: the real core refuses it.
    'cases.list': () => fail('FORBIDDEN'),
    'sessions.drafts': () => fail('FORBIDDEN'),
    ...overrides,
  });
}

const bodyRows = (table: HTMLElement) => within(table).getAllByRole('row').slice(1);

describe('family advocate: Hand-offs screen', () => {
  it('shows hand-offs newest first, with service, status and stamps, and no Cases tab', async () => {
    const core = advocateCore();
    renderApp(core);
    const table = await screen.findByRole('table', { name: 'Referral hand-offs, newest first' });
    expect(screen.getByRole('heading', { level: 1, name: 'Hand-offs' })).toBeInTheDocument();
    const nav = screen.getByRole('navigation', { name: 'Main' });
    expect(within(nav).queryByRole('button', { name: 'Cases' })).toBeNull();
    expect(within(nav).queryByRole('button', { name: /Training/ })).toBeNull();
    expect(within(nav).getByRole('button', { name: 'Hand-offs' })).toHaveAttribute(
      'aria-current',
      'page',
    );
    expect(screen.getByRole('button', { name: 'Lock' })).toBeInTheDocument();

    const rows = bodyRows(table);
    expect(rows).toHaveLength(3);
    // Newest change first: B flagged 20 Nov, A medical handed off 3 Nov, A withdrawn 1 Nov.
    expect(within(rows[0]!).getByRole('rowheader')).toHaveTextContent('0f0e0d0c');
    expect(rows[0]).toHaveTextContent('Victim advocacy');
    expect(rows[0]).toHaveTextContent('Flagged');
    expect(rows[0]).toHaveTextContent('by ada');
    expect(within(rows[1]!).getByRole('rowheader')).toHaveTextContent('a1b2c3d4');
    expect(rows[1]).toHaveTextContent('Medical');
    expect(rows[1]).toHaveTextContent('Handed off');
    expect(rows[1]).toHaveTextContent(/Handed off .* by fran/);
    expect(rows[2]).toHaveTextContent('Mental health');
    expect(rows[2]).toHaveTextContent(/Withdrawn .* by ivan/);
    // The full id is there for whoever needs it exactly; the row shows the short form only.
    expect(within(rows[1]!).getByTitle(CASE_A)).toHaveTextContent(/^a1b2c3d4$/);

    const channels = core.calls.map((c) => c.channel);
    expect(channels).toContain('referrals.list');
    expect(channels).not.toContain('cases.list');
    expect(channels).not.toContain('sessions.drafts');
  });

  it('reads in Latin American Spanish', async () => {
    renderApp(advocateCore(), 'es');
    const table = await screen.findByRole('table', {
      name: 'Remisiones, de la más reciente a la más antigua',
    });
    expect(screen.getByRole('heading', { level: 1, name: 'Remisiones' })).toBeInTheDocument();
    const nav = screen.getByRole('navigation');
    expect(within(nav).queryByRole('button', { name: 'Casos' })).toBeNull();
    const rows = bodyRows(table);
    expect(rows[0]).toHaveTextContent('Apoyo a víctimas');
    expect(rows[0]).toHaveTextContent('Señalada');
    expect(rows[1]).toHaveTextContent(/Remitida .* por fran/);
    expect(rows[2]).toHaveTextContent(/Retirada .* por ivan/);
  });

  it('names the cases whose hand-off list could not be read, beside the lists shown, with the next step (R25-1 C)', async () => {
    renderApp(advocateCore({ 'referrals.list': () => ({ ...LIST, unreadable: [CASE_B] }) }));
    const alert = await screen.findByText(/^The hand-off list of 1 case could not be read/);
    expect(alert).toHaveAttribute('role', 'alert');
    expect(alert).toHaveTextContent(/: 0f0e0d0c\./);
    expect(alert).toHaveTextContent(/hearth vault check/);
    expect(alert).toHaveTextContent(/follow that case up with the interviewer/);
    expect(await screen.findByRole('table')).toBeInTheDocument();
  });

  it('in Spanish, two unreadable hand-off lists are named in the plural with the next step', async () => {
    renderApp(
      advocateCore({ 'referrals.list': () => ({ cases: [], unreadable: [CASE_A, CASE_B] }) }),
      'es',
    );
    const alert = await screen.findByText(
      /^No se pudieron leer las listas de remisiones de 2 casos/,
    );
    expect(alert).toHaveTextContent(/restaure la copia de seguridad más reciente/);
  });

  it('a clean list shows no unreadable notice', async () => {
    renderApp(advocateCore());
    expect(await screen.findByRole('table')).toBeInTheDocument();
    expect(screen.queryByText(/could not be read/)).toBeNull();
  });

  it('says calmly when there are no hand-offs yet', async () => {
    renderApp(advocateCore({ 'referrals.list': () => ({ cases: [] }) }));
    expect(await screen.findByText(/No hand-offs yet/)).toBeInTheDocument();
    expect(screen.queryByRole('table')).toBeNull();
  });

  it('explains a vault without the referral key and what to do, then retries', async () => {
    let ready = false;
    const core = advocateCore({
      'referrals.list': () =>
        ready
          ? LIST
          : fail('NOT_FOUND', {
              message: 'This vault has no referral key yet: an admin signs in once to add it.',
            }),
    });
    const { user } = renderApp(core);
    expect(
      await screen.findByText('The hand-off list is not set up on this vault yet.'),
    ).toBeInTheDocument();
    expect(screen.getByText(/Ask an administrator to sign in/)).toBeInTheDocument();
    expect(screen.getByText(/no referral key yet/)).toBeInTheDocument();
    ready = true;
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('table')).toBeInTheDocument();
  });

  it('shows any other refusal in plain words with a next step', async () => {
    renderApp(advocateCore({ 'referrals.list': () => fail('FORBIDDEN') }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Hand-offs' })).toBeInTheDocument();
    expect(await screen.findByText('Your role does not allow this.')).toBeInTheDocument();
    expect(screen.getByText('Ask an administrator if you need it.')).toBeInTheDocument();
    expect(screen.queryByRole('table')).toBeNull();
  });

  it('opens Settings for their own passphrase, without Users and roles, and comes back', async () => {
    const { user } = renderApp(advocateCore());
    await user.click(await screen.findByRole('button', { name: 'Settings' }));
    expect(await screen.findByRole('heading', { name: 'My passphrase' })).toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: 'Users and roles' })).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Hand-offs' }));
    expect(await screen.findByRole('table')).toBeInTheDocument();
  });
});

describe('Settings → Users: adding a family advocate', () => {
  it('offers the advocate role', async () => {
    const { user } = renderApp(fakeCore());
    await user.click(await screen.findByRole('button', { name: 'Settings' }));
    const role = await screen.findByLabelText(/Role/);
    expect(within(role).getByRole('option', { name: 'Family advocate' })).toHaveValue('advocate');
  });
});

// B19-6: the advocate gets what the hand-off needs (the case reference, the note written for
// them, display names) and records the follow-up, which the core stamps.
describe('family advocate: reference, note and follow-up', () => {
  const WITH_REF = {
    cases: [
      {
        caseId: CASE_A,
        caseReference: 'CAC-2026-114',
        handoffs: [
          {
            service: 'other',
            note: 'Mother needs a Spanish-speaking counsellor',
            status: 'flagged',
            flagged: { at: '2026-11-02T10:00:00.000Z', by: 'ivan' },
          },
        ],
      },
    ],
    names: { ivan: 'Iván Ortega' },
  };
  it.each(['en', 'es'] as const)(
    '%s: shows the reference, the note and display names, and records a follow-up',
    async (lang) => {
      const core = advocateCore({
        'referrals.list': () => WITH_REF,
        'referrals.followUp': () => ({ ...WITH_REF.cases[0]!.handoffs[0] }),
      });
      const { user } = renderApp(core, lang);
      const table = await screen.findByRole('table');
      const [row] = bodyRows(table);
      expect(within(row!).getByRole('rowheader')).toHaveTextContent('CAC-2026-114');
      expect(row).toHaveTextContent('Mother needs a Spanish-speaking counsellor');
      expect(row).toHaveTextContent(lang === 'en' ? 'by Iván Ortega' : 'por Iván Ortega');
      expect(row).not.toHaveTextContent(/by ivan|por ivan/);
      await user.click(
        within(row!).getByRole('button', { name: lang === 'en' ? 'Contacted' : 'Contactada' }),
      );
      const sent = core.calls.find((c) => c.channel === 'referrals.followUp');
      expect(sent?.payload).toEqual({ caseId: CASE_A, service: 'other', status: 'contacted' });
    },
  );
});
