// Practitioner review 26p, finding 1, on screen: a kept word the interviewer said first ("Was it
// in the basement?" / "yes the basement") is marked on its chip, and the chip puts the bare
// invitation in the note box, never "You said, “basement”…".
import { fireEvent, render, screen } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { createI18n, type UiLanguage } from '../../renderer/i18n/setup';
import { KeywordChips } from '../../renderer/live/keyword-chips';
import { invitationFor } from '../../renderer/live/invitation';
import { planSession } from '../../src/protocols';

const missing: string[] = [];
afterEach(() => expect(missing.splice(0)).toEqual([]));

function show(language: UiLanguage, onUse: (k: string) => void) {
  const i18n = createI18n({ language, onMissingKey: (l, k) => missing.push(`${l}:${k}`) });
  render(
    <I18nextProvider i18n={i18n}>
      <KeywordChips
        keywords={['Basement', 'the dog']}
        interviewerFirst={['basement']}
        onUse={onUse}
      />
    </I18nextProvider>,
  );
}

test.each([
  ['en', /your word first/, /without repeating “Basement”/],
  ['es', /la dijo usted primero/, /sin repetir “Basement”/],
] as const)('%s: the echoed word is marked, the child’s own is not', (language, mark, label) => {
  const used: string[] = [];
  show(language, (k) => used.push(k));
  const echoed = screen.getByRole('button', { name: label });
  expect(echoed.textContent).toMatch(mark);
  const own = screen.getByRole('button', { name: /the dog/ });
  expect(own.textContent).not.toMatch(mark);
  fireEvent.click(echoed);
  expect(used).toEqual(['Basement']);
});

test('the chip’s line: bare for an echoed word, cued for the child’s own', () => {
  const plan = planSession('nichd', 8, 'en');
  expect(invitationFor(plan, 'Basement', ['basement'])).toBe('Tell me more about that.');
  expect(invitationFor(plan, 'the dog', ['basement'])).toBe(
    'You said, “the dog”. Tell me more about that.',
  );
});
