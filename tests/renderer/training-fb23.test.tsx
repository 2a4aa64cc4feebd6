// Trainer re-check fb23 on the practice feedback screen, en and es-419: the ground-rules indicator
// says when the child guessed on a practice item (practised, not "only stated" without a word) and
// what an earlier session with the same child did; a chip may hold the child's whole clause.
import { render, screen } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { createI18n, type UiLanguage } from '../../renderer/i18n/setup';
import { chipWords } from '../../renderer/training/chip-words';
import { Indicators } from '../../renderer/training/indicators';
import type { Feedback } from '../../renderer/training/types';

type Measures = NonNullable<Feedback['measures']>;

function rulesRow(language: UiLanguage, groundRules: Measures['groundRules']): string {
  const measures = {
    allegationBy: 'child',
    invitationsBeforeFocused: 2,
    pairing: { closed: 0, pairedAtOnce: 0 },
    narrativePractice: {
      prompts: 2,
      invitations: 2,
      factsElicited: 3,
      factsTotal: 4,
      quality: 'good',
    },
    reluctance: { reluctantAnswers: 0, supportedAfter: 0, supportiveTurns: 0, notToday: false },
    groundRules,
    scriptedPrompts: 0,
  } as unknown as Measures;
  render(
    <I18nextProvider i18n={createI18n({ language })}>
      <Indicators measures={measures} ageYears={7} />
    </I18nextProvider>,
  );
  const table = screen.getByTestId('indicators');
  const row = [...table.querySelectorAll('tr')].find((r) =>
    /Ground rules|Reglas básicas/u.test(r.textContent ?? ''),
  );
  return row?.textContent ?? '';
}

test.each([
  ['en', "don't know: practiced, but the child guessed at question 4", 'earlier session: practiced'],
  ['es', 'practicada, pero adivinó en la pregunta 4', 'sesión anterior: practicada'],
] as const)(
  '%s: a guess and an earlier session are said beside the status',
  (lang, guess, earlier) => {
    const row = rulesRow(lang, [
      { rule: 'dontKnow', status: 'stated', guessedAt: 4 },
      { rule: 'dontUnderstand', status: 'missing', earlier: 'practised' },
      { rule: 'correctMe', status: 'practised' },
      { rule: 'truth', status: 'missing' },
    ]);
    expect(row).toContain(guess);
    expect(row).toContain(earlier);
  },
);

test('a rule without a guess or an earlier session reads as before', () => {
  const row = rulesRow('en', [{ rule: 'correctMe', status: 'practised' }]);
  expect(row).not.toMatch(/guessed|earlier/u);
});

test("a chip may hold the child's clause (up to 8 words), never a sentence", () => {
  expect(
    chipWords([
      'a teenager was riding off on it',
      'me and my mom fight all the time',
      'Yeah. He had a black hoodie',
      'one two three four five six seven eight nine',
    ]),
  ).toEqual(['a teenager was riding off on it', 'me and my mom fight all the time']);
});
