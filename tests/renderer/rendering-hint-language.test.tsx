// Audit 19d B19d-3: the coach on an interpreter's rendering codes it in the rendering's language
// but explains it in the interviewer's (the UI's), under one "Coach" prefix. Before, an English
// interviewer read "Coach on the rendering (Spanish): Coach: not recommended. Pregunta de sí/no…".
import { render, screen } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { createI18n } from '../../renderer/i18n/setup';
import { RenderingHint } from '../../renderer/live/rendering-hint';

// The child's turn as interpreted, with her own words beside it (both are her words).
const context = {
  childWords: ['He took my phone at the party.', 'Me quitó el celular en la fiesta.'],
  childAgeYears: 8,
};

function showHint(ui: 'en' | 'es', text: string, languageTag: string) {
  const missingKeys: string[] = [];
  const i18n = createI18n({
    language: ui,
    onMissingKey: (lng, key) => missingKeys.push(`${lng}:${key}`),
  });
  render(
    <I18nextProvider i18n={i18n}>
      <RenderingHint text={text} languageTag={languageTag} context={context} />
    </I18nextProvider>,
  );
  return { hint: screen.getByTestId('rendering-hint'), missingKeys };
}

test('an English interviewer reads why a Spanish rendering is leading in English, with one prefix', () => {
  const { hint, missingKeys } = showHint('en', '¿Él te tocó?', 'es');
  expect(hint.textContent).toMatch(
    /^Coach on the rendering \(Spanish\): not recommended\. Closed question that puts to the child a detail the child has not said, of a kind that matters to the allegation \("tocó"\)\. Hearth codes it suggestive/,
  );
  expect(hint).not.toHaveTextContent('Pregunta');
  expect(hint.textContent?.match(/Coach/g)).toHaveLength(1);
  expect(missingKeys).toEqual([]);
});

test('a Spanish-speaking interviewer reads why an English rendering is leading in Spanish, with one prefix', () => {
  const { hint, missingKeys } = showHint('es', 'Did he touch you?', 'en');
  expect(hint.textContent).toMatch(
    /^Asistente sobre la versión interpretada \(inglés\): no recomendada\. Pregunta cerrada que le plantea a la persona entrevistada un detalle que no ha dicho, de un tipo que importa para la alegación \(“touch”\)\. Hearth la codifica como sugestiva/,
  );
  expect(hint).not.toHaveTextContent('Yes/no');
  expect(hint.textContent?.match(/Asistente/g)).toHaveLength(1);
  expect(missingKeys).toEqual([]);
});

test('a faithful rendering gets the recommended line, still in the UI language', () => {
  const { hint } = showHint('en', 'Cuéntame más sobre la fiesta.', 'es-MX');
  expect(hint.textContent).toMatch(
    /^Coach on the rendering \([^)]*Spanish[^)]*\): (?!not recommended)/,
  );
  expect(hint).toHaveClass('field-hint');
});
