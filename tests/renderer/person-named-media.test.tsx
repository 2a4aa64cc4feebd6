// Practitioner review 8: P8-1 (the team's putative-confession decision is recorded as a decision,
// never as a statement of what the child said), P8-2 ("Child named the person", Alt+P, seals a
// `person-named` event and opens the prompt's gate; Undo seals a withdrawal) and P8-3 ("Media
// aid…", Alt+M, quotes the protocol's stance and seals a `media-aid` event with a reason).
import { screen, within } from '@testing-library/react';
import { planSession, reduceGuidance } from '../../src/protocols';
import { guidanceEvents, type Entry } from '../../renderer/live/entries';
import { fakeCore } from './fake-core';
import { renderApp } from './render';

type Core = ReturnType<typeof fakeCore>;
const events = (core: Core) =>
  [...core.state.sessions.values()][0]!.events as Array<{
    type: string;
    kind?: string;
    text?: string;
    media?: { action: string; aid: string };
  }>;

/** Plans a session for a child of `age` under `protocol`, with the PC option on when asked. */
async function startLive(age: number, protocol: RegExp, pc: boolean) {
  const core = fakeCore();
  await core.invoke('cases.create', {
    reference: 'CAC-8',
    childAlias: 'Mia',
    childAgeYears: age,
    language: 'en',
  });
  const r = renderApp(core);
  await r.user.click(await screen.findByRole('button', { name: 'Plan interview for case CAC-8' }));
  await screen.findByRole('heading', { name: 'Plan the interview' });
  const select = screen.getByLabelText<HTMLSelectElement>('Protocol');
  const option = [...select.options].find((o) => protocol.test(o.text));
  if (!option) throw new Error(`no protocol ${String(protocol)}`);
  await r.user.selectOptions(select, option);
  if (pc) {
    await r.user.click(screen.getByLabelText(/decided to allow it for this session/));
    await r.user.type(screen.getByLabelText(/Decision recorded by/), 'MDT with ADA J. Ruiz');
  }
  await r.user.click(screen.getByLabelText(/I confirm the child's age/));
  await r.user.click(screen.getByRole('button', { name: 'Start the interview' }));
  await screen.findByLabelText('Note');
  return r;
}

test('P8-1: starting with the option on records the decision only, and no child statement', async () => {
  const { core } = await startLive(7, /Ten Step/, true);
  const sealed = events(core);
  // Nothing about the child: no child note, no person-named event.
  expect(sealed.filter((e) => e.kind === 'child' || e.type === 'person-named')).toEqual([]);
  const decisions = sealed.filter((e) => e.type === 'note' && e.kind === 'mdt');
  expect(decisions).toHaveLength(1);
  const text = decisions[0]!.text!;
  expect(text).toMatch(/^Team decision: /);
  expect(text).toContain('Decided by: MDT with ADA J. Ruiz.');
  // It says when the naming may unlock the prompt, never that the child named anyone.
  expect(text).not.toMatch(/child named the person:/i);
  expect(text).not.toMatch(/\bnamed (the person|him|her)\b(?! in this interview, which)/i);
});

test('P8-2: "Child named the person" is shown only with the option on', async () => {
  await startLive(7, /Ten Step/, false);
  expect(screen.queryByRole('button', { name: /^Child named the person/ })).toBeNull();
});

test('P8-2: Alt+P seals person-named; Undo seals a withdrawal and keeps the press', async () => {
  const { core, user } = await startLive(7, /Ten Step/, true);
  const button = screen.getByRole('button', { name: /^Child named the person/ });
  expect(button.closest('.live-head')).not.toBeNull();
  expect(screen.getByText('Alt+P', { selector: 'dt kbd' })).toBeInTheDocument();
  await user.keyboard('{Alt>}p{/Alt}');
  const undo = await screen.findByTestId('person-named-undo');
  expect(undo).toHaveTextContent('the child named the person, with the time');
  await user.keyboard('{Alt>}z{/Alt}');
  expect(screen.queryByTestId('person-named-undo')).toBeNull();
  await user.click(button);
  await screen.findByTestId('person-named-undo');
  expect(
    events(core)
      .map((e) => e.type)
      .filter((t) => t.startsWith('person')),
  ).toEqual(['person-named', 'person-named-withdrawn', 'person-named']);
});

test('P8-2: the putative-confession prompt is offered only after a standing person-named', () => {
  const plan = planSession('ten-step', 7, 'en', {
    putativeConfession: { decidedBy: 'MDT', personNamed: 'this-interview' },
  });
  const allegation = plan.sessions[0]!.phases.find((p) => p.id === 'allegation')!;
  const entry = (n: number, op: Entry['op']): Entry => ({
    key: `k${n}`,
    op,
    status: 'saved',
    elapsedMs: n * 1000,
    recordingOffsetMs: null,
  });
  // The transition prompts asked with Use (each note carries its prompt id), as in the live screen.
  const asked: Entry['op'][] = [
    'transition.open',
    'transition.why',
    'transition.worried',
    'transition.talkedTo',
    'transition.marks',
    'transition.place',
    'transition.bothering',
  ].map((promptId) => ({ type: 'note', kind: 'question', text: 'Tell me more.', promptId }));
  const offered = (ops: Entry['op'][]) => {
    const entries = [
      { type: 'phase-entered', phaseId: 'allegation' } as const,
      ...asked,
      ...ops,
    ].map((op, i) => entry(i + 1, op));
    const view = reduceGuidance(plan, guidanceEvents(entries, 'en', false), 60_000);
    return view.nextPrompts.some((p) => p.id === 'tenStep.putativeConfession');
  };
  expect(allegation.prompts.some((p) => p.id === 'tenStep.putativeConfession')).toBe(true);
  expect(offered([])).toBe(false);
  expect(offered([{ type: 'person-named' }])).toBe(true);
  expect(offered([{ type: 'person-named' }, { type: 'person-named-withdrawn' }])).toBe(false);
});

test('P8-3: NICHD quotes "not used" and asks to confirm a use against it; the event is sealed', async () => {
  const { core, user } = await startLive(9, /NICHD/, false);
  await user.keyboard('{Alt>}m{/Alt}');
  const form = await screen.findByRole('form', { name: 'Record a media aid' });
  expect(within(form).getByTestId('media-stance')).toHaveTextContent(
    /are not used in this protocol/,
  );
  const record = within(form).getByRole('button', { name: 'Record in the session' });
  expect(record).toBeDisabled();
  expect(record).toHaveAccessibleDescription('Give a short reason to record it.');
  // Whitespace is no reason: the button stays disabled and nothing is recorded (P11-8).
  const reason = within(form).getByLabelText(/Why an aid was used here \(required/);
  await user.type(reason, '   ');
  expect(record).toBeDisabled();
  expect(record).toHaveAccessibleDescription('Give a short reason to record it.');
  await user.click(record);
  expect(events(core).filter((e) => e.type === 'media-aid')).toEqual([]);
  await user.clear(reason);
  await user.type(reason, 'child pointed to a place on herself');
  expect(record).toHaveAccessibleDescription(/Confirm against the protocol/);
  await user.click(within(form).getByLabelText(/read the protocol’s stance above/));
  await user.click(record);
  expect(screen.queryByRole('form', { name: 'Record a media aid' })).toBeNull();
  expect(await screen.findByTestId('media-recorded')).toHaveTextContent(/Media aid recorded/);
  const media = events(core).filter((e) => e.type === 'media-aid');
  expect(media).toEqual([
    expect.objectContaining({
      media: expect.objectContaining({ action: 'used', aid: 'body-diagram' }),
      text: 'child pointed to a place on herself',
    }),
  ]);
});

test('P8-3: NCAC asks that the child disclosed in words first; under 5 it asks for care; a decision not to use needs no confirm', async () => {
  const { core, user } = await startLive(4, /NCAC/, false);
  await user.click(screen.getByRole('button', { name: /^Media aid/ }));
  const form = await screen.findByRole('form', { name: 'Record a media aid' });
  expect(within(form).getByTestId('media-stance')).toHaveTextContent(
    /only after a verbal disclosure/,
  );
  expect(within(form).getByText(/under 5: the stance above asks for extra care/)).toBeVisible();
  expect(within(form).getByLabelText(/disclosed in words first/)).not.toBeChecked();
  await user.click(within(form).getByLabelText('Decided not to use'));
  expect(within(form).queryByLabelText(/disclosed in words first/)).toBeNull();
  await user.selectOptions(within(form).getByLabelText('Aid'), 'dolls');
  await user.type(within(form).getByLabelText(/Short reason/), 'no verbal disclosure{Enter}');
  expect(events(core).filter((e) => e.type === 'media-aid')).toEqual([
    expect.objectContaining({
      media: expect.objectContaining({ action: 'declined', aid: 'dolls' }),
      text: 'no verbal disclosure',
    }),
  ]);
});

test('P8-3: Escape closes the form and records nothing; "other" asks which aid', async () => {
  const { core, user } = await startLive(9, /NCAC/, false);
  await user.keyboard('{Alt>}m{/Alt}');
  const form = await screen.findByRole('form', { name: 'Record a media aid' });
  await user.selectOptions(within(form).getByLabelText('Aid'), 'other');
  expect(within(form).getByLabelText(/Which aid, and why/)).toBeInTheDocument();
  expect(
    within(form).getByRole('button', { name: 'Record in the session' }),
  ).toHaveAccessibleDescription('Say which aid it is, and why.');
  await user.keyboard('{Escape}');
  expect(screen.queryByRole('form', { name: 'Record a media aid' })).toBeNull();
  expect(events(core).filter((e) => e.type === 'media-aid')).toEqual([]);
});

test('a resumed session keeps its plan choices: after a lock and unlock, Alt+P is still offered', async () => {
  const { core, user } = await startLive(7, /Ten Step/, true);
  expect(screen.getByRole('button', { name: /^Child named the person/ })).toBeInTheDocument();
  const start = core.calls.find((c) => c.channel === 'sessions.start')!;
  expect((start.payload as { planOptions?: unknown }).planOptions).toEqual({
    putativeConfession: { decidedBy: 'MDT with ADA J. Ruiz', personNamed: 'this-interview' },
  });
  await user.click(screen.getByRole('button', { name: 'Lock' }));
  await user.click(screen.getByRole('button', { name: 'Lock now' }));
  await screen.findByRole('heading', { name: 'Unlock Hearth' });
  await user.type(screen.getByLabelText('User name'), 'ada');
  await user.type(screen.getByLabelText('Passphrase'), 'correct horse battery');
  await user.click(screen.getByRole('button', { name: 'Unlock' }));
  await screen.findByLabelText('Note');
  // Back in the interview from the session alone (no route options): the control is there.
  const button = await screen.findByRole('button', { name: /^Child named the person/ });
  await user.keyboard('{Alt>}p{/Alt}');
  await screen.findByTestId('person-named-undo');
  expect(events(core).some((e) => e.type === 'person-named')).toBe(true);
  expect(button).toBeInTheDocument();
});
