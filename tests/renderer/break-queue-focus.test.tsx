// Audit 19d B19d-1: deciding observer suggestions at the break with the keyboard alone. Opening a
// form replaced the focused button and the focus fell to the page body, so a rephrasing could be
// typed into the interview's note box (and Enter would save an unasked question in the record).
/* eslint-disable @typescript-eslint/no-explicit-any, @typescript-eslint/no-unsafe-return */
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { I18nextProvider } from 'react-i18next';
import { Client } from '../../renderer/bridge/client';
import { ClientProvider } from '../../renderer/bridge/context';
import { createI18n } from '../../renderer/i18n/setup';
import { NoteBox } from '../../renderer/live/note-box';
import { ObserverPanel } from '../../renderer/observers/observer-panel';
import en from '../../locales/en/team.json';
import { fakeCore } from './fake-core';
import { missingKeys } from './render';

const SESSION = `sess_${'a'.repeat(32)}`;
const FIRST = `sugg_${'c'.repeat(32)}`;
const SECOND = `sugg_${'d'.repeat(32)}`;
// The child spoke of the pictures: a rephrasing that reuses her word needs no reason.
const CHILD_WORDS = ['pictures'];

/** A queue of two waiting suggestions that the fake core's observers.decide really decides. */
function mountBreak() {
  const suggestions = [
    { suggestionId: FIRST, role: 'prosecutor', text: 'Did he sell pictures of you online?' },
    { suggestionId: SECOND, role: 'advocate', text: 'Tell me everything that happened.' },
  ].map((s) => ({
    ...s,
    at: new Date().toISOString(),
    elapsedMs: 1000,
    device: 'local',
    enteredBy: 'ines',
    status: 'pending',
  })) as any[];
  const saved: string[] = [];
  const core = fakeCore({
    'observers.queue': () => ({
      suggestions: suggestions.map((s) => ({ ...s })),
      pending: suggestions.filter((s) => s.status === 'pending').length,
      counts: { suggested: 2, accepted: 0, rephrased: 0, declined: 0, notAsked: 0 },
    }),
    'observers.decide': (p: any) => {
      const s = suggestions.find((x) => x.suggestionId === p.suggestionId);
      s.status = p.decision;
      s.decision = { ...(p.text ? { text: p.text } : {}) };
      return { suggestionId: p.suggestionId };
    },
  });
  const i18n = createI18n({
    language: 'en',
    onMissingKey: (lng, key) => missingKeys.push(`${lng}:${key}`),
  });
  const user = userEvent.setup();
  render(
    <I18nextProvider i18n={i18n}>
      <ClientProvider client={new Client(core)}>
        <ObserverPanel
          sessionId={SESSION}
          onBreak
          sealed={false}
          language="en"
          childWords={CHILD_WORDS}
          childAgeYears={9}
        />
        <NoteBox
          language="en"
          childAgeYears={9}
          childWords={[]}
          mediaStance="not-used"
          disabled={false}
          onSave={(_kind, text) => {
            saved.push(text);
            return null;
          }}
        />
      </ClientProvider>
    </I18nextProvider>,
  );
  return { core, user, saved };
}

/** Tabs (keyboard only) until `target` has the focus; fails if it is never reached. */
async function tabTo(user: ReturnType<typeof userEvent.setup>, target: HTMLElement) {
  for (let i = 0; i < 30 && document.activeElement !== target; i += 1) await user.tab();
  expect(document.activeElement).toBe(target);
}

const card = (text: string) => screen.getByText(text).closest('li') as HTMLElement;

test('Rephrase by keyboard: the typing goes into the rephrase field, then the next card has the focus (B19d-1)', async () => {
  const { core, user, saved } = mountBreak();
  const region = await screen.findByRole('region', { name: en.observers.queueTitle });
  const first = () => card('Did he sell pictures of you online?');
  await tabTo(user, within(first()).getByRole('button', { name: en.observers.rephrase }));
  await user.keyboard('{Enter}');
  const field = within(first()).getByLabelText(en.observers.rephraseLabel);
  expect(document.activeElement).toBe(field);
  await user.keyboard('Tell me more about the pictures.');
  expect(field).toHaveValue('Tell me more about the pictures.');
  expect(screen.getByLabelText('Note')).toHaveValue('');

  // Record the decision by keyboard: the focus moves to the next waiting card's first button.
  await tabTo(user, within(first()).getByRole('button', { name: en.observers.confirm }));
  await user.keyboard('{Enter}');
  const second = card('Tell me everything that happened.');
  await waitFor(() =>
    expect(document.activeElement).toBe(
      within(second).getByRole('button', { name: en.observers.ask }),
    ),
  );
  expect(core.calls.filter((c) => c.channel === 'observers.decide').map((c) => c.payload)).toEqual([
    {
      sessionId: SESSION,
      suggestionId: FIRST,
      decision: 'rephrased',
      text: 'Tell me more about the pictures.',
    },
  ]);

  // The last one, "Will ask as written": none is left waiting, so the queue itself has the focus.
  await user.keyboard('{Enter}');
  await waitFor(() => expect(document.activeElement).toBe(region));
  expect(document.activeElement).not.toBe(document.body);
  expect(saved).toEqual([]);
});

test('Cancel by keyboard gives the focus back to the card, not the page body', async () => {
  const { user } = mountBreak();
  await screen.findByRole('region', { name: en.observers.queueTitle });
  const first = () => card('Did he sell pictures of you online?');
  await tabTo(user, within(first()).getByRole('button', { name: en.observers.decline }));
  await user.keyboard('{Enter}');
  expect(document.activeElement).toBe(within(first()).getByLabelText(en.observers.reason));
  await tabTo(user, within(first()).getByRole('button', { name: en.observers.cancel }));
  await user.keyboard('{Enter}');
  expect(document.activeElement).toBe(
    within(first()).getByRole('button', { name: en.observers.ask }),
  );
});
