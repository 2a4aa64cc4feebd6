// Audit 19f, B19f-3: at a team break on a 1024×768 window the note box's interpreter fields
// (open because the last turn was interpreted) left the note list 83 px, so the child's last
// turn and its rendering could not be read beside the team's suggestions. At the break the
// fields fold to one line. The interviewer may still type during the break: one button opens
// them, words already typed keep them open, and nothing typed is lost across the fold.
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { I18nextProvider } from 'react-i18next';
import { createI18n } from '../../renderer/i18n/setup';
import { InterpretedFields, type InterpretedValue } from '../../renderer/live/interpreted-fields';
import { missingKeys } from './render';

const TEXT = {
  en: {
    toggle: 'Interpreted turn',
    open: 'Own words in another language',
    own: /^Own words/,
    openRendering: "Interpreter's rendering in another language",
    rendering: /^Interpreter's rendering, verbatim/,
  },
  es: {
    toggle: 'Turno interpretado',
    open: 'Sus palabras en otro idioma',
    own: /^Sus propias/,
    openRendering: 'Versión de la persona intérprete en otro idioma',
    rendering: /^Versión de la persona intérprete, textual/,
  },
} as const;

/** The note box's hold on the fields' value: the state lives above the fields, as in NoteBox. */
function Box({
  folded,
  start,
  rendering = false,
}: {
  folded: boolean;
  start: InterpretedValue;
  rendering?: boolean;
}) {
  const [value, setValue] = useState(start);
  return (
    <InterpretedFields
      value={value}
      onChange={(change) => setValue((v) => ({ ...v, ...change }))}
      onKeyword={() => undefined}
      disabled={false}
      folded={folded}
      rendering={rendering}
    />
  );
}

function show(language: 'en' | 'es', folded: boolean, original = '', rendering = false) {
  const i18n = createI18n({
    language,
    onMissingKey: (lng, key) => missingKeys.push(`${lng}:${key}`),
  });
  const tree = (f: boolean) => (
    <I18nextProvider i18n={i18n}>
      <Box
        folded={f}
        start={{ interpreted: true, original, language: 'es' }}
        rendering={rendering}
      />
    </I18nextProvider>
  );
  const utils = render(tree(folded));
  return { ...utils, refold: (f: boolean) => utils.rerender(tree(f)) };
}

describe.each(['en', 'es'] as const)('%s', (language) => {
  const text = TEXT[language];

  test('outside the break an interpreted turn shows its own-words field', () => {
    show(language, false);
    expect(screen.getByLabelText(text.own)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: text.open })).toBeNull();
  });

  test('at the break the fields fold to the toggle and one button; the turn stays marked', async () => {
    show(language, true);
    expect(screen.queryByLabelText(text.own)).toBeNull();
    expect(screen.getByLabelText(text.toggle)).toBeChecked();
    const button = screen.getByRole('button', { name: text.open });
    expect(button).toHaveAttribute('aria-expanded', 'false');
    // The interviewer types during the break: the button opens the fields.
    await userEvent.click(button);
    expect(button).toHaveAttribute('aria-expanded', 'true');
    await userEvent.type(screen.getByLabelText(text.own), 'celular');
    expect(screen.getByLabelText(text.own)).toHaveValue('celular');
  });

  test('on an interpreted question the folded button names the interpreter’s rendering, the field it opens', async () => {
    show(language, true, '', true);
    expect(screen.queryByRole('button', { name: text.open })).toBeNull();
    await userEvent.click(screen.getByRole('button', { name: text.openRendering }));
    expect(screen.getByLabelText(text.rendering)).toBeInTheDocument();
    expect(screen.queryByLabelText(text.own)).toBeNull();
  });

  test('words typed before the break keep the fields open, and the break ending keeps them', () => {
    const { refold } = show(language, false, 'el celular de mi papi');
    refold(true);
    expect(screen.getByLabelText(text.own)).toHaveValue('el celular de mi papi');
    refold(false);
    expect(screen.getByLabelText(text.own)).toHaveValue('el celular de mi papi');
  });

  test('words typed at the break are still there when the break ends', async () => {
    const { refold } = show(language, true);
    await userEvent.click(screen.getByRole('button', { name: text.open }));
    await userEvent.type(screen.getByLabelText(text.own), 'internet');
    refold(false);
    expect(screen.getByLabelText(text.own)).toHaveValue('internet');
    expect(screen.getByLabelText(text.toggle)).toBeChecked();
  });
});

afterAll(() => expect(missingKeys).toEqual([]));
