// Issue #19 screens in jsdom: the interpreter fields of the note box, the observer panel and its
// break-time queue, and the planning record (allegation-blind), in English and Spanish, on a fake
// core. Missing translation keys fail the test (render.tsx).
/* eslint-disable @typescript-eslint/no-explicit-any, @typescript-eslint/no-unsafe-return, @typescript-eslint/no-unsafe-argument */
import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactNode } from 'react';
import { I18nextProvider } from 'react-i18next';
import { Client } from '../../renderer/bridge/client';
import { ClientProvider } from '../../renderer/bridge/context';
import { createI18n, type UiLanguage } from '../../renderer/i18n/setup';
import { NoteBox } from '../../renderer/live/note-box';
import { ObserverPanel, QUEUE_POLL_MS } from '../../renderer/observers/observer-panel';
import { PlanningPanel } from '../../renderer/planning/planning-panel';
import { END_HANDOFF_SERVICES, HandoffStep } from '../../renderer/finish/handoff-step';
import { REFERRAL_SERVICES } from '../../src/interview/team-content';
import en from '../../locales/en/team.json';
import es from '../../locales/es/team.json';
import esTranscript from '../../locales/es/transcript.json';
import esUi from '../../locales/es/ui.json';
import { fail, fakeCore, type FakeCore, type Overrides } from './fake-core';
import { fill } from './fill';
import { missingKeys } from './render';

const SESSION = `sess_${'a'.repeat(32)}`;
const CASE = `case_${'b'.repeat(32)}`;
const SUGGESTION = `sugg_${'c'.repeat(32)}`;

function mount(ui: ReactNode, overrides: Overrides, language: UiLanguage = 'en') {
  const core: FakeCore = fakeCore(overrides);
  const i18n = createI18n({
    language,
    onMissingKey: (lng, key) => missingKeys.push(`${lng}:${key}`),
  });
  const user = userEvent.setup();
  render(
    <I18nextProvider i18n={i18n}>
      <ClientProvider client={new Client(core)}>{ui}</ClientProvider>
    </I18nextProvider>,
  );
  return { core, user };
}

const calls = (core: FakeCore, channel: string) =>
  core.calls.filter((c) => c.channel === channel).map((c) => c.payload);

describe('note box: interpreted turns', () => {
  test('marks the turn interpreted and keeps the own words; a missing language is kept as "und"', async () => {
    const saved: unknown[][] = [];
    const { user } = mount(
      <NoteBox
        language="en"
        childAgeYears={15}
        childWords={[]}
        mediaStance="not-used"
        disabled={false}
        onSave={(...args) => {
          saved.push(args);
          return null;
        }}
      />,
      {},
    );
    await user.click(screen.getByLabelText(en.interpreted.toggle));
    await fill(user, screen.getByLabelText(en.interpreted.rendering), 'me quitó el celular');
    await fill(user, screen.getByLabelText('Note'), 'he took my phone');
    await user.keyboard('{Enter}');
    expect(saved[0]?.[3]).toEqual({
      interpreted: true,
      original: { text: 'me quitó el celular', language: 'und' },
    });
    // The interpreter stays marked for the next turn; the own words belonged to this one.
    expect(screen.getByLabelText(en.interpreted.toggle)).toBeChecked();
    expect(screen.getByLabelText(en.interpreted.rendering)).toHaveValue('');
  });
});

describe.each([
  ['en', en, 'Spanish', 'Mam'],
  ['es', es, 'español', 'mam'],
] as const)('note box: the own-words language (%s)', (language, T, spanish, mam) => {
  test('is chosen from a list of named languages, never typed, and saved as its BCP-47 code', async () => {
    const saved: unknown[][] = [];
    const { user } = mount(
      <NoteBox
        language="en"
        childAgeYears={15}
        childWords={[]}
        mediaStance="not-used"
        disabled={false}
        onSave={(...args) => {
          saved.push(args);
          return null;
        }}
      />,
      {},
      language,
    );
    // Closed until asked for: the hint under the note box stays in view (review 5, F1).
    expect(screen.queryByLabelText(T.interpreted.language)).toBeNull();
    await user.click(screen.getByRole('button', { name: T.interpreted.ownWordsOpen }));
    const select = screen.getByLabelText(T.interpreted.language);
    // A list, not a text box: nothing can be cut short or typed as a name.
    expect(select.tagName).toBe('SELECT');
    expect(within(select).getByRole('option', { name: T.interpreted.languageUnknown })).toHaveValue(
      'und',
    );
    expect(within(select).getByRole('option', { name: mam })).toHaveValue('mam');
    await user.selectOptions(select, within(select).getByRole('option', { name: spanish }));
    await fill(user, screen.getByLabelText(T.interpreted.original), 'me quitó el celular');
    await user.type(
      screen.getByRole('textbox', { name: language === 'en' ? 'Note' : 'Nota' }),
      'x{Enter}',
    );
    expect(saved[0]?.[3]).toEqual({ original: { text: 'me quitó el celular', language: 'es' } });
  });
});

function queueWith(
  status: 'pending' | 'accepted' | 'rephrased',
  extra: Record<string, unknown> = {},
) {
  return () => ({
    suggestions: [
      {
        suggestionId: SUGGESTION,
        role: 'prosecutor',
        text: 'Did he sell pictures of you online?',
        at: new Date().toISOString(),
        elapsedMs: 1000,
        device: 'local',
        enteredBy: 'ines',
        status,
        ...extra,
      },
    ],
    pending: status === 'pending' ? 1 : 0,
    counts: {
      suggested: 1,
      accepted: status === 'accepted' ? 1 : 0,
      rephrased: status === 'rephrased' ? 1 : 0,
      declined: 0,
      notAsked: status === 'pending' ? 0 : 1,
    },
  });
}

describe.each([
  ['en', en],
  ['es', es],
] as const)('observer panel (%s)', (language, T) => {
  test('a suggestion is sent with its role; during the interview the queue waits for the break', async () => {
    const { core, user } = mount(
      <ObserverPanel
        sessionId={SESSION}
        onBreak={false}
        sealed={false}
        language={language}
        childWords={[]}
        childAgeYears={15}
      />,
      {
        'observers.queue': queueWith('pending'),
        'observers.suggest': () => ({ suggestionId: SUGGESTION }),
      },
      language,
    );
    await screen.findByText(T.observers.waitForBreak);
    expect(screen.queryByText('Did he sell pictures of you online?')).toBeNull();
    await user.selectOptions(screen.getByLabelText(T.observers.role), 'cps');
    await fill(user, screen.getByLabelText(T.observers.text), 'Who do you live with?');
    await user.click(screen.getByRole('button', { name: T.observers.send }));
    await screen.findByText(T.observers.sent);
    expect(calls(core, 'observers.suggest')).toEqual([
      { sessionId: SESSION, role: 'cps', text: 'Who do you live with?' },
    ]);
  });

  test('a suggestion sent from the observation-room window shows in the count without a break; polling stops when closed', async () => {
    jest.useFakeTimers();
    try {
      let fromOtherWindow = false;
      const empty = () => ({
        suggestions: [],
        pending: 0,
        counts: { suggested: 0, accepted: 0, rephrased: 0, declined: 0, notAsked: 0 },
      });
      const core = fakeCore({
        'observers.queue': () => (fromOtherWindow ? queueWith('pending')() : empty()),
      });
      const i18n = createI18n({ language, onMissingKey: (l, k) => missingKeys.push(`${l}:${k}`) });
      const view = render(
        <I18nextProvider i18n={i18n}>
          <ClientProvider client={new Client(core)}>
            <ObserverPanel
              sessionId={SESSION}
              onBreak={false}
              sealed={false}
              language={language}
              childWords={[]}
              childAgeYears={15}
            />
          </ClientProvider>
        </I18nextProvider>,
      );
      await screen.findByText(T.observers.none);
      expect(screen.getByText(T.observers.pending_other.replace('{{count}}', '0'))).toBeTruthy();
      fromOtherWindow = true; // the observer window calls observers.suggest on the same core
      await act(async () => {
        jest.advanceTimersByTime(QUEUE_POLL_MS);
        await Promise.resolve();
      });
      await screen.findByText(T.observers.pending_one.replace('{{count}}', '1'));
      expect(screen.getByText(T.observers.waitForBreak)).toBeTruthy();
      view.unmount();
      const before = calls(core, 'observers.queue').length;
      jest.advanceTimersByTime(QUEUE_POLL_MS * 3);
      expect(calls(core, 'observers.queue').length).toBe(before);
    } finally {
      jest.useRealTimers();
    }
  });

  test('at the break: the coach flags the suggestion; declining needs a reason', async () => {
    const { core, user } = mount(
      <ObserverPanel
        sessionId={SESSION}
        onBreak
        sealed={false}
        language={language}
        childWords={[]}
        childAgeYears={15}
      />,
      { 'observers.queue': queueWith('pending'), 'observers.decide': () => ({ seq: 9, at: '' }) },
      language,
    );
    const item = (await screen.findByText('Did he sell pictures of you online?')).closest('li')!;
    // A yes/no question about a detail the youth has not said: not recommended.
    expect(
      within(item as HTMLElement).getByText(/^(Coach|Asistente): not|no recomendada/),
    ).toBeTruthy();
    await user.click(
      within(item as HTMLElement).getByRole('button', { name: T.observers.decline }),
    );
    const confirm = screen.getByRole('button', { name: T.observers.confirm });
    expect(confirm).toBeDisabled();
    await fill(user, screen.getByLabelText(T.observers.reason), 'Not raised by the youth');
    await user.click(confirm);
    await waitFor(() =>
      expect(calls(core, 'observers.decide')).toEqual([
        {
          sessionId: SESSION,
          suggestionId: SUGGESTION,
          decision: 'declined',
          reason: 'Not raised by the youth',
        },
      ]),
    );
  });

  test('at the break with eight suggestions (B19-11): one scroll area named by its heading, each with its author, every decision reached by Tab and heard with its suggestion', async () => {
    const roles = ['law-enforcement', 'cps', 'prosecutor', 'advocate', 'medical', 'other'];
    const texts = Array.from({ length: 8 }, (_, i) =>
      i % 3 === 1
        ? `Suggestion ${i + 1}: ask about the evening at the apartment, who else was there, what they were doing and what happened after the others left, in as much detail as she can remember.`
        : `Suggestion ${i + 1}: tell me about the car.`,
    );
    const ids = texts.map((_, i) => `sugg_${String(i).repeat(32)}`);
    const eight = () => ({
      ...queueWith('pending')(),
      suggestions: texts.map((text, i) => ({
        ...queueWith('pending')().suggestions[0],
        suggestionId: ids[i],
        role: roles[i % roles.length],
        ...(i % roles.length === 0 || i % roles.length === 2 ? { name: `Agency ${i + 1}` } : {}),
        text,
      })),
      pending: 8,
    });
    const { core, user } = mount(
      <ObserverPanel
        sessionId={SESSION}
        onBreak
        sealed={false}
        language={language}
        childWords={[]}
        childAgeYears={15}
      />,
      { 'observers.queue': eight, 'observers.decide': () => ({ seq: 9, at: '' }) },
      language,
    );
    const area = await screen.findByRole('region', { name: T.observers.queueTitle });
    const items = within(area).getAllByRole('listitem');
    expect(items).toHaveLength(8);
    items.forEach((item, i) => {
      const role = (T.observers.roles as Record<string, string>)[roles[i % roles.length]!]!;
      expect(within(item).getByText(T.observers.from.replace('{{role}}', role))).toBeTruthy();
      expect(within(item).getByText(texts[i]!)).toBeTruthy();
    });
    // The queue comes before the suggest form at the break: the decisions are the work now.
    const form = screen.getByRole('form', { name: T.observers.suggestTitle });
    expect(area.compareDocumentPosition(form) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    // The area itself takes focus (it scrolls from the keyboard); then Tab walks every decision
    // button in order, each heard with the suggestion it decides.
    area.focus();
    const names = [T.observers.ask, T.observers.rephrase, T.observers.decline];
    for (let i = 0; i < 8; i++) {
      for (const name of names) {
        await user.tab();
        const focused = document.activeElement as HTMLElement;
        expect([i, focused.textContent]).toEqual([i, name]);
        expect(items[i]!.contains(focused)).toBe(true);
        expect(focused).toHaveAccessibleDescription(expect.stringContaining(texts[i]!));
      }
    }
    // Decline the last one from the keyboard alone: Enter, the reason, Tab, Enter.
    await user.keyboard('{Enter}');
    await user.type(within(items[7]!).getByLabelText(T.observers.reason), 'Asked already');
    await user.tab();
    await user.keyboard('{Enter}');
    await waitFor(() =>
      expect(calls(core, 'observers.decide')).toEqual([
        {
          sessionId: SESSION,
          suggestionId: ids[7],
          decision: 'declined',
          reason: 'Asked already',
        },
      ]),
    );
  });

  test('accepting a wording the coach does not recommend asks for the reason, kept in the record', async () => {
    const { core, user } = mount(
      <ObserverPanel
        sessionId={SESSION}
        onBreak
        sealed={false}
        language={language}
        childWords={[]}
        childAgeYears={15}
      />,
      { 'observers.queue': queueWith('pending'), 'observers.decide': () => ({ seq: 9, at: '' }) },
      language,
    );
    const item = (await screen.findByText('Did he sell pictures of you online?')).closest('li')!;
    await user.click(within(item as HTMLElement).getByRole('button', { name: T.observers.ask }));
    expect(calls(core, 'observers.decide')).toEqual([]);
    const confirm = screen.getByRole('button', { name: T.observers.confirm });
    expect(confirm).toBeDisabled();
    await fill(user, screen.getByLabelText(T.observers.reasonDespiteCoach), 'She mentioned photos');
    await user.click(confirm);
    await waitFor(() =>
      expect(calls(core, 'observers.decide')).toEqual([
        {
          sessionId: SESSION,
          suggestionId: SUGGESTION,
          decision: 'accepted',
          reason: 'She mentioned photos',
        },
      ]),
    );
  });

  test('law enforcement and prosecutors must give a name or agency; the interpreter is not offered', async () => {
    const { core, user } = mount(
      <ObserverPanel
        sessionId={SESSION}
        onBreak={false}
        sealed={false}
        language={language}
        childWords={[]}
        childAgeYears={15}
      />,
      {
        'observers.queue': queueWith('pending'),
        'observers.suggest': () => ({ suggestionId: SUGGESTION }),
      },
      language,
    );
    const roles = await screen.findByLabelText(T.observers.role);
    expect(within(roles).queryByRole('option', { name: T.observers.roles.interpreter })).toBeNull();
    await user.selectOptions(roles, 'law-enforcement');
    await fill(user, screen.getByLabelText(T.observers.text), 'Tell me about the car.');
    const send = screen.getByRole('button', { name: T.observers.send });
    expect(send).toBeDisabled();
    await fill(
      user,
      screen.getByLabelText(/\*|required|obligatorio/i),
      'Det. Ruiz, County Sheriff',
    );
    await user.click(send);
    await screen.findByText(T.observers.sent);
    expect(calls(core, 'observers.suggest')).toEqual([
      {
        sessionId: SESSION,
        role: 'law-enforcement',
        name: 'Det. Ruiz, County Sheriff',
        text: 'Tell me about the car.',
      },
    ]);
  });

  test('an accepted suggestion shows "accepted" and whether it was asked yet', async () => {
    mount(
      <ObserverPanel
        sessionId={SESSION}
        onBreak={false}
        sealed
        language={language}
        childWords={[]}
        childAgeYears={15}
      />,
      { 'observers.queue': queueWith('accepted') },
      language,
    );
    const item = (await screen.findByText('Did he sell pictures of you online?')).closest('li')!;
    expect(within(item as HTMLElement).getByText(T.observers.status.accepted)).toBeTruthy();
    expect(within(item as HTMLElement).getByText(T.observers.notAsked)).toBeTruthy();
    // Sealed: nothing more can be asked, so no Use button.
    expect(screen.queryByRole('button', { name: T.observers.useWording })).toBeNull();
  });

  test('an accepted suggestion not yet asked: "Use this wording" puts the decided words in the note box, linked to the suggestion (B19-1)', async () => {
    const used: Array<[string, string]> = [];
    const { user } = mount(
      <ObserverPanel
        sessionId={SESSION}
        onBreak
        sealed={false}
        language={language}
        childWords={[]}
        childAgeYears={15}
        onUseWording={(text, suggestionId) => used.push([text, suggestionId])}
      />,
      { 'observers.queue': queueWith('accepted') },
      language,
    );
    await user.click(await screen.findByRole('button', { name: T.observers.useWording }));
    expect(used).toEqual([['Did he sell pictures of you online?', SUGGESTION]]);
  });

  test('a question just saved re-reads the queue at once: a wording it asked is no longer offered (B19f-5)', async () => {
    // Fake timers: the 5 s poll can never run in this test, however slow the machine, so only
    // the saved question can have re-read the queue.
    jest.useFakeTimers();
    try {
      let asked = false;
      const core: FakeCore = fakeCore({
        'observers.queue': () =>
          queueWith(
            'accepted',
            asked ? { askedIn: { seq: 16, at: '', noteId: 'n', matchedBy: 'link' } } : {},
          )(),
      });
      const i18n = createI18n({ language });
      const panel = (questionsSaved: number) => (
        <I18nextProvider i18n={i18n}>
          <ClientProvider client={new Client(core)}>
            <ObserverPanel
              sessionId={SESSION}
              onBreak={false}
              sealed={false}
              language={language}
              childWords={[]}
              childAgeYears={15}
              onUseWording={() => undefined}
              questionsSaved={questionsSaved}
            />
          </ClientProvider>
        </I18nextProvider>
      );
      const { rerender } = render(panel(0));
      await act(async () => {
        for (let i = 0; i < 20; i++) await Promise.resolve();
      });
      expect(screen.getByRole('button', { name: T.observers.useWording })).toBeTruthy();
      const before = calls(core, 'observers.queue').length;
      // The vault saved the question that asks it. No timer is advanced from here on.
      asked = true;
      rerender(panel(1));
      await act(async () => {
        for (let i = 0; i < 20; i++) await Promise.resolve();
      });
      expect(screen.queryByRole('button', { name: T.observers.useWording })).toBeNull();
      expect(calls(core, 'observers.queue').length).toBe(before + 1);
    } finally {
      jest.useRealTimers();
    }
  });
});

function planning(extra: Record<string, unknown> = {}) {
  return {
    caseId: CASE,
    version: 3,
    known: {},
    needs: {},
    interpreter: { needed: true, briefing: {} },
    handoffs: [],
    allegationHidden: false,
    ...extra,
  };
}

const content = (language: 'en' | 'es') => ({
  interpreterBriefing: [
    { id: 'role', label: language === 'en' ? 'Role' : 'Función', sources: ['fontes2016'] },
  ],
  exploitationIndicators: [
    { id: 'coercion', label: language === 'en' ? 'Coercion' : 'Coerción', sources: ['cseIt'] },
  ],
  referralServices: [{ id: 'advocacy', label: 'Advocacy', sources: ['ncaStandards'] }],
  accommodations: [],
  screeningNote: {
    id: 'screening-not-interview',
    label: language === 'en' ? 'Never read its items to the youth.' : 'Nunca le lea sus ítems.',
    sources: ['cseIt'],
  },
  sources: [
    {
      id: 'fontes2016',
      short: 'Fontes & Tishelman 2016, Language competence in forensic interviews',
      citation: 'Fontes, L. A. & Tishelman, A. C. (2016). Language competence…',
    },
  ],
});

describe('planning record', () => {
  test.each(['en', 'es'] as const)(
    'interpreter (%s): carries the case language, asks why when "not needed" across languages, and tells the plan',
    async (lang) => {
      const t = lang === 'en' ? en : es;
      const told: unknown[] = [];
      const { core, user } = mount(
        <PlanningPanel
          caseId={CASE}
          interviewLanguage={lang === 'en' ? 'en' : 'es'}
          onInterpreter={(i) => told.push(i)}
        />,
        {
          // The core fills the child's language from the case (Spanish for en, English for es).
          'planning.get': () =>
            planning({
              interpreter: {
                needed: false,
                childLanguage: lang === 'en' ? 'es' : 'en',
                briefing: {},
              },
            }),
          'planning.content': (p: any) => content(p.language),
          'planning.update': (p: any) =>
            planning({ version: 4, interpreter: { ...p.interpreter, briefing: {} } }),
        },
        lang,
      );
      expect(await screen.findByLabelText(t.planning.childLanguage)).toHaveValue(
        lang === 'en' ? 'es' : 'en',
      );
      expect(screen.getByLabelText(t.planning.interviewLanguage)).toHaveValue(lang);
      // Not ticked and the languages differ: the panel says so and asks for the reason.
      expect(screen.getByText(t.planning.languagesDiffer)).toBeTruthy();
      await fill(user, screen.getByLabelText(t.planning.notNeededReason), 'Bilingual');
      await user.click(screen.getByRole('button', { name: t.planning.save }));
      await screen.findByText(lang === 'en' ? 'Saved (version 4).' : 'Guardado (versión 4).');
      const [sent] = calls(core, 'planning.update');
      expect(sent.interpreter).toMatchObject({
        needed: false,
        childLanguage: lang === 'en' ? 'es' : 'en',
        interviewLanguage: lang,
        notNeededReason: 'Bilingual',
      });
      // The plan screen was told on load and on save.
      expect(told).toHaveLength(2);
      // Ticked: no reason asked (and none sent).
      await user.click(screen.getByLabelText(t.planning.interpreterNeeded));
      expect(screen.queryByText(t.planning.languagesDiffer)).toBeNull();
    },
  );

  test('allegation-blind: no screening shown or sent until revealed; reveal asks the core', async () => {
    const concern: boolean[] = [];
    const { core, user } = mount(
      <PlanningPanel caseId={CASE} onConcern={(c) => concern.push(c)} />,
      {
        'planning.get': (p: any) =>
          p.revealAllegation
            ? planning({
                exploitation: { indicators: [], outcome: 'possible-concern', referrals: [] },
              })
            : planning({ allegationHidden: true }),
        'planning.content': (p: any) => content(p.language),
        'planning.update': (p: any) => planning({ version: 4, allegationHidden: true, ...p }),
      },
    );
    await screen.findByText(en.planning.hidden);
    expect(screen.queryByText(en.planning.screening)).toBeNull();
    // The hidden screening sets no concern for the plan; the revealed one does.
    expect(concern).toEqual([false]);
    await user.click(screen.getByRole('button', { name: en.planning.save }));
    await screen.findByText('Saved (version 4).');
    const [sent] = calls(core, 'planning.update');
    expect(sent.expectedVersion).toBe(3);
    expect(sent).not.toHaveProperty('exploitation');
    expect(sent).not.toHaveProperty('allegation');

    await user.click(screen.getByRole('button', { name: en.planning.reveal }));
    await screen.findByText(en.planning.screening);
    expect(calls(core, 'planning.get').at(-1)).toEqual({ caseId: CASE, revealAllegation: true });
    expect(concern.at(-1)).toBe(true);
  });

  test('Spanish: the briefing checklist with its sources, and the screening outcomes', async () => {
    mount(
      <PlanningPanel caseId={CASE} />,
      {
        'planning.get': () => planning(),
        'planning.content': (p: any) => content(p.language),
      },
      'es',
    );
    await screen.findByRole('group', { name: es.planning.briefing });
    // Sources read as citations (author, year, title), never as internal ids.
    expect(
      screen.getByText(
        '(Fuentes: Fontes & Tishelman 2016, Language competence in forensic interviews)',
      ),
    ).toBeTruthy();
    expect(screen.queryByText(/fontes2016/)).toBeNull();
    expect(
      screen.getByRole('option', { name: es.planning.outcomes['clear-concern'] }),
    ).toBeTruthy();
    // The screening note comes from the content, with its source.
    expect(screen.getByText(/Nunca le lea sus ítems\./)).toBeTruthy();
  });
});

describe('team.json catalogs', () => {
  const keys = (node: unknown, prefix = ''): string[] =>
    typeof node === 'string'
      ? [prefix]
      : Object.entries(node as Record<string, unknown>).flatMap(([k, v]) =>
          keys(v, prefix ? `${prefix}.${k}` : k),
        );
  test('English and Spanish have the same keys', () => {
    expect(keys(es).sort()).toEqual(keys(en).sort());
  });
  test('audit 19g, B19g-6: one term per thing on screen, as the court copy says it', () => {
    // A declined suggestion reads as the transcript (rendition 8, shipped) says it: "rechazada".
    expect(es.observers.status.declined).toBe(esTranscript.decisions.declined);
    expect(es.timeline.declined.startsWith('Rechazada.')).toBe(true);
    expect(es.observers.decline).toBe('Rechazar');
    // The interpreter is "la persona intérprete" everywhere on screen, as in the transcript.
    const screenText = JSON.stringify([es, esUi]);
    expect(screenText.match(/\b(?:del|al|el)(?:\/de la)? intérprete/gi) ?? []).toEqual([]);
    expect(es.planning.interpreterName).toBe('Nombre de la persona intérprete');
    // The rephrase field of a 14-17-year-old's break names no "niño o niña": the break panel
    // says "la persona entrevistada", as the coach does.
    expect(es.observers.rephraseLabel).toBe(
      'Pregunta abierta, con las palabras de la persona entrevistada',
    );
  });

  test('the reviewed wording (practitioner review of #19, es-419 review)', () => {
    expect(es.observers.title).toBe('Equipo en la sala de observación');
    // One role, one name across team, transcript and ui (es-419 review finding 3); the advocate
    // is "persona intercesora" like the staff role and the hand-off list (es-419 review, session 10).
    expect(es.observers.roles.advocate).toBe('Persona intercesora');
    expect(es.observers.roles.cps).toBe('Servicios de Protección Infantil');
    expect(es.observers.role).toBe('Función de quien observa');
    for (const [key, name] of Object.entries(es.observers.roles)) {
      expect([key, esTranscript.roles[key as keyof typeof esTranscript.roles]]).toEqual([
        key,
        name,
      ]);
      expect([key, esUi.observerRoles[key as keyof typeof esUi.observerRoles]]).toEqual([
        key,
        name,
      ]);
    }
    expect(en.observers.ask).toBe('Will ask as written');
    expect(es.observers.ask).toBe('Se preguntará tal cual');
    expect(es.observers.status.accepted).toBe('aceptada');
    expect(es.observers.reasonDespiteCoach).toBe(
      'Motivo para preguntarla pese al asistente (queda en el registro)',
    );
    expect(en.planning.handoffs).toContain("share this list with the team's advocate");
    expect(es.planning.handoffs).toContain(
      'comparta esta lista con la persona intercesora del equipo',
    );
    expect(en.planning.basis['mdt-observation']).toBe(
      "Team member's direct contact outside the forensic interview",
    );
    expect(en.planning.outcome).toBe("Team's level of concern (not a CSE-IT score)");
    expect(es.planning.outcome).toBe(
      'Nivel de preocupación del equipo (no es un puntaje del CSE-IT)',
    );
    expect(en.observers.source).toMatch(/before "information not mentioned by the child"/);
    expect(en.observers.source).not.toMatch(/closing phases/);
    const spanish = JSON.stringify(es);
    for (const word of ['denuncia', 'al joven', 'Evaluación de indicadores', 'detrás del vidrio'])
      expect(spanish).not.toContain(word);
  });

  test('Spanish is Latin American (es-419)', () => {
    const text = JSON.stringify(es).toLowerCase();
    for (const word of [
      'vale',
      'zumo',
      'móvil',
      'ordenador',
      'vosotros',
      'coche',
      'tirita',
      'cole ',
    ])
      expect(text).not.toContain(word);
  });
});

describe('hand-offs: unticking withdraws, never deletes (team19a regression)', () => {
  test.each(['en', 'es'] as const)(
    '(%s) the unticked hand-off is sent as withdrawn and shown with its date',
    async (lang) => {
      const t = lang === 'en' ? en : es;
      const flagged = { at: '2026-11-29T10:00:00.000Z', by: 'ada' };
      const withdrawn = { at: '2026-11-30T08:00:00.000Z', by: 'ada' };
      const { core, user } = mount(
        <PlanningPanel caseId={CASE} />,
        {
          'planning.get': () =>
            planning({ handoffs: [{ service: 'advocacy', status: 'flagged', flagged }] }),
          'planning.content': (p: any) => content(p.language),
          'planning.update': () =>
            planning({
              version: 4,
              handoffs: [{ service: 'advocacy', status: 'withdrawn', flagged, withdrawn }],
            }),
        },
        lang,
      );
      const legend = await screen.findByText(t.planning.handoffs);
      const box = within(legend.closest('fieldset') as HTMLElement).getByRole('checkbox');
      expect(box).toBeChecked();
      await user.click(box);
      await user.click(screen.getByRole('button', { name: t.planning.save }));
      await screen.findByText(lang === 'en' ? 'Saved (version 4).' : 'Guardado (versión 4).');
      const [sent] = calls(core, 'planning.update');
      expect(sent.handoffs).toEqual([{ service: 'advocacy', status: 'withdrawn' }]);
      // Still listed, unticked, and says when and by whom it was withdrawn.
      expect(box).not.toBeChecked();
      expect(
        within(legend.closest('fieldset') as HTMLElement).getByText(
          lang === 'en' ? /withdrawn .* by ada; kept on the record/ : /retirada el .* por ada/,
        ),
      ).toBeTruthy();
    },
  );
});

describe.each(['en', 'es'] as const)('end-of-interview hand-off step (%s)', (lang) => {
  const t = lang === 'en' ? en : es;
  test('keyboard: tick needs, type the other need, Enter saves with the session id', async () => {
    const done: boolean[] = [];
    const { core, user } = mount(
      <HandoffStep caseId={CASE} sessionId={SESSION} onDone={(s) => done.push(s)} />,
      { 'planning.update': () => planning({ version: 5 }) },
      lang,
    );
    // The first box has focus; Space ticks, Tab moves.
    expect(screen.getByLabelText(t.handoffStep.service.advocacy)).toHaveFocus();
    await user.keyboard(' ');
    await user.tab();
    await user.tab();
    await user.keyboard(' ');
    // B19-10: the catalogue's exploitation services and language access are offered too.
    await user.tab();
    await user.keyboard(' ');
    await user.tab();
    await user.keyboard(' ');
    await user.tab();
    await user.keyboard(' ');
    await user.type(screen.getByLabelText(t.handoffStep.otherNote), 'housing{Enter}');
    await waitFor(() => expect(done).toEqual([true]));
    const [sent] = calls(core, 'planning.update');
    expect(sent).toEqual({
      caseId: CASE,
      handoffs: [
        { service: 'advocacy', sessionId: SESSION, status: 'flagged' },
        { service: 'mental-health', sessionId: SESSION, status: 'flagged' },
        { service: 'exploitation-services', sessionId: SESSION, status: 'flagged' },
        { service: 'language-access', sessionId: SESSION, status: 'flagged' },
        { service: 'other', sessionId: SESSION, status: 'flagged', note: 'housing' },
      ],
    });
  });

  test('offers every service of the catalogue (REFERRAL_SERVICES), each labelled', () => {
    expect([...END_HANDOFF_SERVICES]).toEqual(REFERRAL_SERVICES.map((s) => s.id));
    mount(<HandoffStep caseId={CASE} sessionId={SESSION} onDone={() => undefined} />, {}, lang);
    for (const service of END_HANDOFF_SERVICES)
      expect(screen.getByLabelText(t.handoffStep.service[service])).toBeInTheDocument();
  });

  test('skip writes nothing', async () => {
    const done: boolean[] = [];
    const { core, user } = mount(
      <HandoffStep caseId={CASE} sessionId={SESSION} onDone={(s) => done.push(s)} />,
      {},
      lang,
    );
    await user.click(screen.getByRole('button', { name: t.handoffStep.skip }));
    expect(done).toEqual([false]);
    expect(calls(core, 'planning.update')).toHaveLength(0);
  });

  test('a refusal from the core is shown and the ticks stay', async () => {
    const { user } = mount(
      <HandoffStep caseId={CASE} sessionId={SESSION} onDone={() => undefined} />,
      {
        'planning.update': () => fail('FORBIDDEN'),
      },
      lang,
    );
    await user.click(screen.getByLabelText(t.handoffStep.service.medical));
    await user.click(screen.getByRole('button', { name: t.handoffStep.save }));
    expect(await screen.findByRole('status')).toBeTruthy();
    expect(screen.getByLabelText(t.handoffStep.service.medical)).toBeChecked();
  });
});

test('es: the break queue’s coach on an English rendering speaks Spanish and names the language (B19f-4)', async () => {
  const english =
    'Yes/no or choice question that introduces what the child has not said ("touch").';
  mount(
    <ObserverPanel
      sessionId={SESSION}
      onBreak
      sealed={false}
      language="es"
      childWords={['Mi papi dijo que tenía que hacer dinero para nosotros.']}
      childAgeYears={15}
    />,
    {
      'observers.queue': queueWith('accepted', {
        askedIn: {
          seq: 16,
          at: '',
          noteId: 'n',
          matchedBy: 'link',
          rendering: { text: 'Did he touch you?', language: 'en' },
          renderingCoach: { recommended: false, reason: english },
        },
      }),
    },
    'es',
  );
  const line = await screen.findByText(/Asistente sobre la versión interpretada/);
  expect(line.textContent).toMatch(
    /^Asistente sobre la versión interpretada \(inglés\): no recomendada\. Pregunta cerrada que le plantea a la persona entrevistada un detalle que no ha dicho/,
  );
  expect(line.textContent).not.toContain(english);
  expect(line.textContent).not.toContain('(en)');
  expect(screen.getByText(/Versión de la persona intérprete \(inglés\):/)).toBeTruthy();
});
