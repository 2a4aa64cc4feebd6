// Issue #17: the plan screen links a new session to an earlier one of the same case. Earlier
// sessions are named by date, time, interviewer and place, never content; the plan shows
// "session k of n" and the later-session rules with their sources; an earlier session that does
// not fit (sealed as a single session, last of its series, another protocol) is refused on the
// screen with the next step, and Start says why. Spanish is checked the same way.
import { screen, within } from '@testing-library/react';
import { fail, fakeCore, type FakeCore, type Overrides } from './fake-core';
import { renderApp } from './render';

const hex = (n: number) => n.toString(16).padStart(32, '0');

/** A case with earlier live sessions: each `{ protocolId, status, extended? }`. */
async function caseWith(
  earlier: Array<{
    protocolId: string;
    status: 'active' | 'sealed';
    extended?: { index: number; planned: number };
  }>,
  language: 'en' | 'es' = 'en',
  overrides: Overrides = {},
): Promise<{ core: FakeCore; caseId: string }> {
  const core = fakeCore(overrides);
  const { caseId } = (await core.invoke('cases.create', {
    reference: 'CAC-X',
    childAlias: 'Mia',
    childAgeYears: 7,
    language,
  })) as unknown as { caseId: string };
  earlier.forEach((e, i) => {
    const sessionId = `sess_${hex(900 + i)}`;
    core.state.sessions.set(sessionId, {
      summary: {
        sessionId,
        caseId: (core.state.cases[0] as { caseId: string }).caseId,
        mode: 'live',
        protocolId: e.protocolId,
        ageYears: 7,
        ageBand: '6-9',
        language,
        interviewer: 'bea',
        observers: [],
        status: e.status,
        startedAt: `2026-11-2${i + 1}T14:05:00.000Z`,
        eventCount: 12,
        onBreak: false,
        paused: false,
        keywords: ['secret-word'],
        ...(e.extended ? { extended: { seriesId: `ext_${hex(7)}`, ...e.extended } } : {}),
      },
      events: [],
    });
  });
  return { core, caseId };
}

async function openPlan(core: FakeCore, uiLanguage?: 'es') {
  const r = renderApp(core, uiLanguage ?? 'en');
  await r.user.click(
    await screen.findByRole('button', { name: /^(Plan interview|Planificar entrevista)/ }),
  );
  await screen.findByRole('heading', { name: /^(Plan the interview|Planificar la entrevista)/ });
  return r;
}

test('continues session 1 of 3: the plan shows session 2 of 3, the later-session rules with sources, and Start links it', async () => {
  const { core } = await caseWith([
    { protocolId: 'nichd', status: 'sealed', extended: { index: 1, planned: 3 } },
  ]);
  const { user } = await openPlan(core);
  await user.click(screen.getByLabelText(/I confirm the child's age/));
  await user.click(screen.getByLabelText('Continues an earlier interview of this case'));

  const picker = screen.getByRole('group', {
    name: 'Earlier session (date and time, interviewer)',
  });
  const option = within(picker).getByRole('radio');
  // Named by date, time, interviewer, place and status; never content.
  expect(option).toBeChecked();
  expect(option).toHaveAccessibleName(/2026.*· bea · session 1 of 3 · sealed$/);
  expect(picker.textContent).not.toMatch(/secret-word/);

  const preview = screen.getByRole('region', { name: 'This is session 2 of 3' });
  // Newcomer 6, #10: the step-by-step preview is session 2's own (it opens with Reconnecting,
  // its prompts can be opened), not the single-session protocol's Introduction and ground rules.
  const steps = screen.getByRole('region', { name: 'Phases' });
  const phaseTitles = [...steps.querySelectorAll('.phase-preview > li > strong')].map(
    (el) => el.textContent,
  );
  expect(phaseTitles[0]).toMatch(/^Reconnecting/);
  expect(phaseTitles).not.toContain('Ground rules');
  expect(phaseTitles).not.toContain('Introduction');
  expect(
    within(steps).getByText(/^Phases, prompts and cautions of session 2 of 3/),
  ).toBeInTheDocument();
  const reconnect = steps.querySelector('.phase-preview > li')!;
  expect(reconnect.querySelectorAll('.prompt-preview li').length).toBeGreaterThan(0);
  for (const li of reconnect.querySelectorAll('.prompt-preview li'))
    expect(li.querySelector('.source-label')?.textContent).toBeTruthy();
  // Every later-session rule names its source (NICHD's own, or Hearth's label).
  const rules = within(preview)
    .getAllByRole('listitem')
    .filter((li) => li.closest('ul'));
  expect(rules.length).toBe(3);
  for (const rule of rules) expect(rule.querySelector('.source-label')?.textContent).toBeTruthy();

  await user.click(screen.getByRole('button', { name: 'Start the interview' }));
  const start = core.calls.find((c) => c.channel === 'sessions.start');
  expect(start?.payload.extended).toEqual({
    plannedSessions: 3,
    previousSessionId: `sess_${hex(900)}`,
  });
});

test('first session of an extended interview: the count is limited to the protocol, and sent', async () => {
  const { core } = await caseWith([]);
  const { user } = await openPlan(core);
  // No earlier interview: "continues" is disabled and says why.
  const continues = screen.getByLabelText('Continues an earlier interview of this case');
  expect(continues).toBeDisabled();
  expect(continues).toHaveAccessibleDescription('This case has no earlier interview to continue.');
  await user.click(screen.getByLabelText('First session of an extended interview'));
  const count = screen.getByLabelText('Sessions planned');
  // NICHD: 2 or 3 sessions (Hearth plans up to 3).
  expect(
    within(count)
      .getAllByRole('option')
      .map((o) => o.textContent),
  ).toEqual(['2', '3']);
  await user.selectOptions(count, '3');
  expect(screen.getByRole('region', { name: 'This is session 1 of 3' })).toBeInTheDocument();
  // Ten Step has no extended model: the choice falls back to one session, and says so.
  await user.selectOptions(screen.getByLabelText('Protocol'), 'ten-step');
  expect(
    screen.getByText(/plans Ten Step Investigative Interview \(Lyon\) as one session/),
  ).toBeInTheDocument();
  expect(screen.queryByRole('region', { name: /This is session/ })).toBeNull();
  await user.selectOptions(screen.getByLabelText('Protocol'), 'ncac');
  await user.click(screen.getByLabelText('First session of an extended interview'));
  await user.selectOptions(screen.getByLabelText('Sessions planned'), '6');
  // NCAC 6 → NICHD: the count is brought within NICHD's limit, never silently dropped.
  await user.selectOptions(screen.getByLabelText('Protocol'), 'nichd');
  expect(screen.getByLabelText('Sessions planned')).toHaveValue('3');
  await user.click(screen.getByLabelText(/I confirm the child's age/));
  await user.click(screen.getByRole('button', { name: 'Start the interview' }));
  expect(core.calls.find((c) => c.channel === 'sessions.start')?.payload.extended).toEqual({
    plannedSessions: 3,
  });
});

test.each([
  [
    'a session sealed as a single interview',
    { protocolId: 'nichd', status: 'sealed' as const },
    /sealed as a single session/,
    /first session of a new extended interview/,
  ],
  [
    'the last session of its series',
    { protocolId: 'nichd', status: 'sealed' as const, extended: { index: 2, planned: 2 } },
    /was the last of the sessions planned/,
    /Plan a new extended interview with the team/,
  ],
  [
    'a session under another protocol',
    { protocolId: 'ncac', status: 'sealed' as const, extended: { index: 1, planned: 2 } },
    /followed another protocol/,
    /Choose the earlier session's protocol/,
  ],
])(
  'an earlier session that does not fit (%s) is refused with the next step',
  async (_n, earlier, what, next) => {
    const { core } = await caseWith([earlier]);
    const { user } = await openPlan(core);
    await user.click(screen.getByLabelText(/I confirm the child's age/));
    await user.click(screen.getByLabelText('Continues an earlier interview of this case'));
    const group = screen.getByRole('group', {
      name: 'Extended interview (more than one session)',
    });
    const notice = within(group).getByRole('status');
    expect(notice).toHaveTextContent(what);
    expect(notice).toHaveTextContent(next);
    expect(
      screen.getByRole('group', { name: 'Earlier session (date and time, interviewer)' }),
    ).toHaveAccessibleDescription(what);
    const start = screen.getByRole('button', { name: 'Start the interview' });
    expect(start).toBeDisabled();
    expect(start).toHaveAccessibleDescription(
      /To start, choose an earlier session this one can continue/,
    );
    expect(screen.queryByRole('region', { name: /This is session/ })).toBeNull();
    // Back to one session: Start is enabled again and nothing was written meanwhile.
    await user.click(screen.getByLabelText('One session'));
    expect(start).toBeEnabled();
    expect(core.calls.some((c) => c.channel === 'sessions.start')).toBe(false);
  },
);

test('a refusal from the core at Start (another case) is shown in plain words with the next step', async () => {
  const { core } = await caseWith(
    [{ protocolId: 'nichd', status: 'sealed', extended: { index: 1, planned: 2 } }],
    'en',
    {
      'sessions.start': () => fail('INVALID_INPUT', { fields: ['extended.otherCase'] }),
    },
  );
  const { user } = await openPlan(core);
  await user.click(screen.getByLabelText(/I confirm the child's age/));
  await user.click(screen.getByLabelText('Continues an earlier interview of this case'));
  await user.click(screen.getByRole('button', { name: 'Start the interview' }));
  expect(
    await screen.findByText('The earlier session belongs to another case.'),
  ).toBeInTheDocument();
  expect(screen.getByText("Choose an earlier session of this child's case.")).toBeInTheDocument();
});

test('Spanish: the same choice reads in es-419, with the session k of n', async () => {
  const { core } = await caseWith(
    [{ protocolId: 'nichd', status: 'sealed', extended: { index: 1, planned: 2 } }],
    'es',
  );
  const { user } = await openPlan(core, 'es');
  await user.click(screen.getByLabelText('Continúa una entrevista anterior de este caso'));
  const option = within(
    screen.getByRole('group', { name: 'Sesión anterior (fecha y hora, entrevistador/a)' }),
  ).getByRole('radio');
  expect(option).toHaveAccessibleName(/· bea · sesión 1 de 2 · sellada$/);
  expect(screen.getByRole('region', { name: 'Esta es la sesión 2 de 2' })).toBeInTheDocument();
});
