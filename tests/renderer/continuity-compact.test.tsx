// Newcomer 6, #5, #6, #8: in session 2 of an extended interview, (#5) the reconnect chip says
// what it does ("Reconnect line about “the basement”"); (#6) the continuity panel is compact: the
// child's words and what remains are in view, the questions already asked, the held keywords and
// the later-session rules (each still with its source) are folded under labelled disclosures, and
// a Close button at its end closes it; (#8) session 1's words the child said first appear in the
// side column's "The child's words" as chips marked with their session, and a click puts the
// protocol's reconnect line (filled with the child's phrase only) in the note box.
import { fireEvent, render, screen, within } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { createI18n } from '../../renderer/i18n/setup';
import {
  ContinuityPanel,
  earlierTopics,
  type Continuity,
} from '../../renderer/live/continuity-panel';
import { KeywordChips } from '../../renderer/live/keyword-chips';
import { planSessionAt, reconnectLine } from '../../src/protocols';

const continuity = (lang: 'en' | 'es'): Continuity => ({
  index: 2,
  planned: 2,
  reluctance: null,
  sessions: [
    {
      sessionId: 's1',
      index: 1,
      startedAt: '2026-11-20T15:00:00.000Z',
      interviewer: 'Ada Admin',
      topics: [
        {
          keyword: lang === 'en' ? 'basement' : 'sótano',
          phrase: lang === 'en' ? 'the basement' : 'el sótano',
        },
      ],
      topicsHeld: [{ keyword: 'Leo', reason: 'interviewer-first', interviewerAtMs: 60_000 }],
      childWords: [
        {
          elapsedMs: 120_000,
          text: lang === 'en' ? 'we went to the basement' : 'fuimos al sótano',
        },
      ],
      questionsAsked: [
        {
          elapsedMs: 100_000,
          text: 'Tell me about your weekend.',
          questionType: 'invitation',
          answer: 'we went to the basement',
        },
      ],
      phasesCovered: [{ id: 'rapport', title: 'Rapport' }],
      phasesNotReached: [
        { id: 'transition', title: 'Transition', optional: false, substantive: true },
      ],
      leftOpen: [],
      reluctanceNoted: [],
    },
  ],
});

describe.each(['en', 'es'] as const)('%s', (lang) => {
  const i18n = createI18n({
    language: lang,
    onMissingKey: (l, k) => {
      throw new Error(`missing ${l}:${k}`);
    },
  });
  const plan = planSessionAt('nichd', 8, lang, {}, { index: 2, planned: 2 });
  const phrase = lang === 'en' ? 'the basement' : 'el sótano';
  const line = reconnectLine(plan, { keyword: 'x', phrase })!.text;

  test('the panel is compact, says what its chip does, and closes from its end', () => {
    const used: string[] = [];
    const { container } = render(
      <I18nextProvider i18n={i18n}>
        <ContinuityPanel
          continuity={{ value: continuity(lang), error: null, reload: () => undefined }}
          plan={plan}
          onUseLine={(t) => used.push(t)}
        />
      </I18nextProvider>,
    );
    const panel = screen.getByTestId<HTMLDetailsElement>('continuity');
    panel.open = true;
    // #5: the chip's visible text says it is a reconnect line about the child's words.
    const chip = within(panel).getByRole('button', {
      name: i18n.t('live.extended.useTopic', { topic: phrase }),
    });
    expect(chip.textContent).toBe(i18n.t('live.extended.topicButton', { topic: phrase }));
    fireEvent.click(chip);
    expect(used).toEqual([line]);
    // #6: in view: the child's words and what remains; folded: asked, held, rules.
    const folds = [...container.querySelectorAll<HTMLDetailsElement>('details.continuity-fold')];
    expect(folds.map((d) => d.querySelector('summary')!.textContent)).toEqual([
      i18n.t('live.extended.heldFold', { count: 1 }),
      i18n.t('live.extended.askedFold', { count: 1 }),
      i18n.t('live.extended.rulesFold', { count: plan.extended!.rules.length }),
    ]);
    for (const d of folds) expect(d.open).toBe(false);
    const outside = (el: Element) => !folds.some((d) => d.contains(el));
    const words = container.querySelector('.continuity-words')!;
    const remains = container.querySelector('.continuity-not-reached')!;
    expect(outside(words) && outside(remains)).toBe(true);
    expect(words.textContent).toContain(continuity(lang).sessions[0]!.childWords[0]!.text);
    // Folded, not dropped: each rule keeps its source inside its disclosure.
    const rules = folds[2]!.querySelectorAll('.continuity-rules li');
    expect(rules).toHaveLength(plan.extended!.rules.length);
    for (const r of rules) expect(r.querySelector('.source-label')).not.toBeNull();
    fireEvent.click(within(panel).getByRole('button', { name: i18n.t('live.extended.close') }));
    expect(panel.open).toBe(false);
  });

  test("session 1's words the child said first are chips in the child's words, marked", () => {
    const used: string[] = [];
    const earlier = earlierTopics(continuity(lang), plan);
    expect(earlier).toEqual([{ label: phrase, session: 1, line }]);
    render(
      <I18nextProvider i18n={i18n}>
        <KeywordChips
          keywords={[]}
          onUse={() => undefined}
          earlier={earlier}
          onUseLine={(t) => used.push(t)}
        />
      </I18nextProvider>,
    );
    const chip = screen.getByRole('button', {
      name: i18n.t('live.useEarlierKeyword', { keyword: phrase, index: 1 }),
    });
    expect(chip.textContent).toContain(phrase);
    expect(chip.textContent).toContain(i18n.t('live.keywordEarlier', { index: 1 }));
    fireEvent.click(chip);
    expect(used).toEqual([line]);
    // A held keyword (said first by the interviewer) never becomes a chip.
    expect(screen.queryByText(/Leo/)).toBeNull();
  });
});

test('no earlier chips for session 1 or without a summary', () => {
  const first = planSessionAt('nichd', 8, 'en', {}, { index: 1, planned: 2 });
  expect(earlierTopics(continuity('en'), first)).toEqual([]);
  const second = planSessionAt('nichd', 8, 'en', {}, { index: 2, planned: 2 });
  expect(earlierTopics(null, second)).toEqual([]);
});
