// coach43 (review28 M6): an endearment used as address keeps the code of the rest of the prompt,
// and the live hint shows Hearth's practice note under it ("call the child by name").
import { render, screen } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { createI18n } from '../../renderer/i18n/setup';
import { QuestionHint } from '../../renderer/live/question-hint';

function showHint(language: 'en' | 'es', text: string) {
  const i18n = createI18n({ language });
  render(
    <I18nextProvider i18n={i18n}>
      <QuestionHint
        text={text}
        language={language}
        context={{ childWords: [language === 'en' ? 'He hit me.' : 'Me pegó.'] }}
        onSuggestion={() => undefined}
      />
    </I18nextProvider>,
  );
}

test('an English endearment: the note, and the invitation stays recommended', () => {
  showHint('en', 'Honey, tell me more about that.');
  expect(screen.getByTestId('hint-practice-note')).toHaveTextContent(
    'Term of endearment (“Honey”): call the child by name (Hearth’s practice note).',
  );
  expect(screen.getByTestId('question-hint').querySelector('.hint-ok')).not.toBeNull();
});

test('a Spanish endearment: the note in es-419, with usted', () => {
  showHint('es', 'Mi amor, cuéntame más de eso.');
  expect(screen.getByTestId('hint-practice-note')).toHaveTextContent(
    'Palabra cariñosa (“Mi amor”): llame a la persona entrevistada por su nombre (nota de práctica de Hearth).',
  );
});

test('no endearment, no note', () => {
  showHint('en', 'Tell me more about that.');
  expect(screen.queryByTestId('hint-practice-note')).toBeNull();
});
