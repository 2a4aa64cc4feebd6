// Practitioner review 6, E2: in a later session of an extended interview, a protocol prompt asked
// in an earlier session is marked with the session and the child's answer; an option-posing or
// last-resort one loses its Use button (no-repeat rule), an open invitation keeps it.
import { fireEvent, render, screen, within } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { PromptList } from '../../renderer/live/guidance-panel';
import { createI18n } from '../../renderer/i18n/setup';
import { planSession, type GuidanceView } from '../../src/protocols';

type Prompt = GuidanceView['nextPrompts'][number];
const citation: Prompt['citation'] = planSession('nichd', 8, 'en').sessions[0]!.phases[0]!.source;
const prompt = (id: string, kind: Prompt['kind'], text: string, lastResort: boolean): Prompt => ({
  id,
  kind,
  text,
  source: 'phase',
  lastResort,
  citation,
});

test.each(['en', 'es'] as const)(
  '%s: prompts asked before are marked; option-posing ones cannot be reused',
  (language) => {
    const i18n = createI18n({
      language,
      onMissingKey: (l, k) => {
        throw new Error(`${l}:${k}`);
      },
    });
    const prompts = [
      prompt('transition.why', 'invitation', 'Tell me why you came to talk to me today.', false),
      prompt('transition.bothering', 'option-posing', 'Has somebody been bothering you?', true),
      prompt('transition.open', 'invitation', 'Tell me what you came here to talk about.', false),
    ];
    const askedBefore = new Map([
      ['transition.why', { index: 1, answer: 'no sé' }],
      ['transition.bothering', { index: 1, answer: 'no' }],
    ]);
    render(
      <I18nextProvider i18n={i18n}>
        <PromptList prompts={prompts} onUse={() => undefined} askedBefore={askedBefore} />
      </I18nextProvider>,
    );
    const more = screen.getAllByRole('button').find((b) => b.classList.contains('prompts-more'));
    if (more) fireEvent.click(more);
    return screen.findAllByRole('listitem').then((items) => {
      const byText = (text: string) => items.find((li) => li.textContent?.includes(text))!;
      const why = byText('Tell me why');
      const bothering = byText('bothering');
      const open = byText('came here');
      expect(why.className).toContain('asked-before');
      expect(why.textContent).toContain(i18n.t('live.extended.answer', { text: 'no sé' }));
      expect(within(why).queryAllByRole('button')).toHaveLength(1);
      // An open invitation asked before may be asked again (review 7, P7-4): never "do not repeat".
      const answerNoSe = i18n.t('live.extended.answer', { text: 'no sé' });
      expect(why.textContent).toContain(
        i18n.t('live.extended.askedBeforeOpen', { index: 1, answer: answerNoSe }),
      );
      expect(why.textContent).not.toContain(
        i18n.t('live.extended.askedBefore', { index: 1, answer: answerNoSe }),
      );
      expect(bothering.textContent).toContain(
        i18n.t('live.extended.askedBefore', {
          index: 1,
          answer: i18n.t('live.extended.answer', { text: 'no' }),
        }),
      );
      expect(bothering.className).toContain('asked-before');
      expect(within(bothering).queryAllByRole('button')).toHaveLength(0);
      expect(open.className).not.toContain('asked-before');
      expect(within(open).queryAllByRole('button')).toHaveLength(1);
    });
  },
);

// A closed prompt (option-posing, asked in session 1) first in the list would be the only one in
// view, with no Use, and the rest of the graded sequence folded behind "N more": it goes last.
test('a prompt that cannot be asked again does not hide the graded sequence', async () => {
  const i18n = createI18n({ language: 'en' });
  const prompts = [
    prompt('transition.worried', 'option-posing', 'Is your mom worried about something?', false),
    prompt('transition.talkedTo', 'cued-invitation', 'I heard you talked to a teacher.', false),
    prompt('transition.place', 'cued-invitation', 'Did something happen at that place?', true),
  ];
  render(
    <I18nextProvider i18n={i18n}>
      <PromptList
        prompts={prompts}
        onUse={() => undefined}
        askedBefore={new Map([['transition.worried', { index: 1, answer: 'no' }]])}
      />
    </I18nextProvider>,
  );
  const first = await screen.findAllByRole('listitem');
  expect(first).toHaveLength(1);
  expect(first[0]!.textContent).toContain('talked to a teacher');
  expect(within(first[0]!).getByRole('button', { name: /talked to a teacher/ })).toBeTruthy();
  fireEvent.click(screen.getByRole('button', { name: /2 more/ }));
  const all = await screen.findAllByRole('listitem');
  // The closed steps are labelled as such before their wording (P8-15).
  expect(all.map((li) => li.textContent)).toEqual([
    expect.stringMatching(/^I heard you /),
    expect.stringMatching(/^Last resort,.*Did something happen at that place\?/),
    expect.stringMatching(/^Option-posing.*Is your mom worried about something\?/),
  ]);
});

// Review 7, P7-4: the English wording the practitioner asked for, word for word.
test('en: an open invitation asked in session 1 reads "may be asked again", not "do not repeat"', async () => {
  const i18n = createI18n({ language: 'en' });
  render(
    <I18nextProvider i18n={i18n}>
      <PromptList
        prompts={[prompt('transition.why', 'invitation', 'Tell me why you came.', false)]}
        onUse={() => undefined}
        askedBefore={new Map([['transition.why', { index: 1, answer: 'no' }]])}
      />
    </I18nextProvider>,
  );
  const [item] = await screen.findAllByRole('listitem');
  expect(item!.textContent).toContain(
    'Asked in session 1 (answer: “no”). An open invitation may be asked again in a new session.',
  );
  expect(item!.textContent).not.toMatch(/do not repeat/);
});

// Review 7, P7-2: Use hands the prompt's id on with its text, so the saved question carries it
// and the used prompt drops out of "Suggested next".
test('Use passes the prompt id with the text', async () => {
  const i18n = createI18n({ language: 'en' });
  const used: Array<[string, string]> = [];
  render(
    <I18nextProvider i18n={i18n}>
      <PromptList
        prompts={[
          prompt(
            'transition.talkedTo',
            'cued-invitation',
            'I heard that you talked to [X].',
            false,
          ),
        ]}
        onUse={(text, id) => used.push([text, id])}
      />
    </I18nextProvider>,
  );
  fireEvent.click(await screen.findByRole('button', { name: /talked to/ }));
  expect(used).toEqual([['I heard that you talked to [X].', 'transition.talkedTo']]);
});
