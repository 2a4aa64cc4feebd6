// Audit 19e, B19e-3: under an interpreted question the second field read "Own words, verbatim",
// the child's, though what belongs there is the interpreter's rendering (the export heads it so,
// and the live coach calls it "Coach on the rendering"). A newcomer could type the child's words
// under a question. The field is now named by what it holds.
import { render, screen } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { createI18n } from '../../renderer/i18n/setup';
import { InterpretedFields } from '../../renderer/live/interpreted-fields';
import { missingKeys } from './render';

function show(language: 'en' | 'es', rendering: boolean, interpreted: boolean) {
  const i18n = createI18n({
    language,
    onMissingKey: (lng, key) => missingKeys.push(`${lng}:${key}`),
  });
  render(
    <I18nextProvider i18n={i18n}>
      <InterpretedFields
        rendering={rendering}
        value={{ interpreted, original: interpreted ? '' : 'celular', language: 'es' }}
        onChange={() => undefined}
        onKeyword={() => undefined}
        disabled={false}
      />
    </I18nextProvider>,
  );
}

test('en: an interpreted question asks for the interpreter’s rendering; a child turn for own words', () => {
  show('en', true, true);
  expect(screen.getByLabelText(/^Interpreter's rendering, verbatim/)).toBeInTheDocument();
  expect(screen.queryByLabelText(/^Own words/)).toBeNull();
});

test('en: a child turn, or a question with code-switched words and no interpreter, keeps own words', () => {
  show('en', false, true);
  expect(screen.getByLabelText(/^Own words, verbatim/)).toBeInTheDocument();
});

test('en: a question not interpreted, with words in another language, keeps own words', () => {
  show('en', true, false);
  expect(screen.getByLabelText(/^Own words, verbatim/)).toBeInTheDocument();
});

test('es: "Versión de la persona intérprete" under an interpreted question', () => {
  show('es', true, true);
  expect(screen.getByLabelText(/^Versión de la persona intérprete, textual/)).toBeInTheDocument();
  expect(screen.queryByLabelText(/^Sus propias palabras/)).toBeNull();
});
