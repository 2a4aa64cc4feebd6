// Audit 19g: at a later break the new waiting suggestion was listed last, under every decided and
// asked card (B19g-2), and a waiting card's decision buttons came after the coach's reason, which
// pushed them below the fold at 1024×768 (B19g-3; tests/e2e/break-queue.test.ts measures it).
/* eslint-disable @typescript-eslint/no-unsafe-return */
import { render, screen, within } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { Client } from '../../renderer/bridge/client';
import { ClientProvider } from '../../renderer/bridge/context';
import { createI18n, type UiLanguage } from '../../renderer/i18n/setup';
import { ObserverPanel } from '../../renderer/observers/observer-panel';
import en from '../../locales/en/team.json';
import es from '../../locales/es/team.json';
import { fakeCore } from './fake-core';
import { missingKeys } from './render';

const SESSION = `sess_${'a'.repeat(32)}`;
const id = (c: string) => `sugg_${c.repeat(32)}`;
const at = new Date().toISOString();
const base = { at, elapsedMs: 1000, device: 'local', enteredBy: 'ines' };

/** The audit's second break: three decided (two asked) in arrival order, then one waiting. */
const QUEUE = {
  suggestions: [
    {
      ...base,
      suggestionId: id('1'),
      role: 'prosecutor',
      name: 'ADA Chen',
      text: 'Tell me more about making money.',
      status: 'rephrased',
      decision: { at, by: 'ada', text: 'Tell me more about making money.' },
      askedIn: { seq: 12, at, noteId: 'n1', matchedBy: 'link' },
    },
    {
      ...base,
      suggestionId: id('2'),
      role: 'law-enforcement',
      name: 'Det. Ruiz',
      text: 'Tell me about the phone.',
      status: 'accepted',
      decision: { at, by: 'ada' },
      askedIn: { seq: 13, at, noteId: 'n2', matchedBy: 'link' },
    },
    {
      ...base,
      suggestionId: id('3'),
      role: 'cps',
      text: 'Who do you live with?',
      status: 'declined',
      decision: { at, by: 'ada', reason: 'Asked in the first phase.' },
    },
    {
      ...base,
      suggestionId: id('4'),
      role: 'advocate',
      text: 'Did he sell pictures of you online?',
      status: 'pending',
    },
  ],
  pending: 1,
  counts: { suggested: 4, accepted: 1, rephrased: 1, declined: 1, notAsked: 0 },
};

function mount(language: UiLanguage, onBreak: boolean, sealed: boolean) {
  const core = fakeCore({ 'observers.queue': () => JSON.parse(JSON.stringify(QUEUE)) });
  const i18n = createI18n({
    language,
    onMissingKey: (lng, key) => missingKeys.push(`${lng}:${key}`),
  });
  render(
    <I18nextProvider i18n={i18n}>
      <ClientProvider client={new Client(core)}>
        <ObserverPanel
          sessionId={SESSION}
          onBreak={onBreak}
          sealed={sealed}
          language={language}
          childWords={['money', 'phone']}
          childAgeYears={15}
        />
      </ClientProvider>
    </I18nextProvider>,
  );
}

const cardIds = (container: HTMLElement) =>
  [...container.querySelectorAll<HTMLElement>('li[data-suggestion-id]')].map(
    (li) => li.dataset.suggestionId,
  );

describe.each([
  ['en', en],
  ['es', es],
] as const)('break queue order (%s)', (language, T) => {
  test('at a later break the waiting suggestion comes first, the decided ones after it in arrival order', async () => {
    mount(language, true, false);
    const region = await screen.findByRole('region', { name: T.observers.queueTitle });
    await within(region).findByText('Did he sell pictures of you online?');
    expect(cardIds(region)).toEqual([id('4'), id('1'), id('2'), id('3')]);
    // The count leads to the card it counts: the first card is the one waiting.
    const first = within(region).getAllByRole('listitem')[0]!;
    expect(within(first).getByText(T.observers.status.pending)).toBeTruthy();
  });

  test("a waiting card's decision buttons come right after its wording, before the coach's reason", async () => {
    mount(language, true, false);
    const region = await screen.findByRole('region', { name: T.observers.queueTitle });
    const card = (await within(region).findByText('Did he sell pictures of you online?')).closest(
      'li',
    )!;
    const decline = within(card).getByRole('button', { name: T.observers.decline });
    // The coach does not recommend this yes/no question that brings in "sell" and "pictures".
    const coach = within(card).getByText((_, el) =>
      (el?.textContent ?? '').startsWith(T.observers.coachWarn.split('{{')[0]!),
    );
    expect(coach.tagName).toBe('P');
    expect(decline.compareDocumentPosition(coach) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
  });

  test('the sealed record keeps arrival order', async () => {
    mount(language, false, true);
    await screen.findByText('Did he sell pictures of you online?');
    const list = document.querySelector<HTMLElement>('.observer-panel .suggestion-list')!;
    expect(cardIds(list)).toEqual([id('1'), id('2'), id('3'), id('4')]);
  });
});
