// The scenario form's problem list: each line is a link that focuses the field it is about, and
// an empty keyword list reads "add at least one keyword", not "please add more (at least 1)"
// (en and es-419, usted).
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { I18nextProvider } from 'react-i18next';
import { Client } from '../../renderer/bridge/client';
import { ClientProvider } from '../../renderer/bridge/context';
import { createI18n, type UiLanguage } from '../../renderer/i18n/setup';
import { ScenarioForm } from '../../renderer/training/scenario-form';
import { fakeCore } from './fake-core';

async function saveEmpty(language: UiLanguage) {
  const user = userEvent.setup();
  render(
    <I18nextProvider i18n={createI18n({ language })}>
      <ClientProvider client={new Client(fakeCore())}>
        <ScenarioForm copy={false} onDone={() => {}} />
      </ClientProvider>
    </I18nextProvider>,
  );
  await user.type(screen.getByLabelText(language === 'es' ? /^Título/ : /^Title/), 'Lost cat');
  await user.click(
    screen.getByRole('button', {
      name: language === 'es' ? 'Guardar el escenario' : 'Save scenario',
    }),
  );
  return { user, problems: await screen.findByTestId('form-problems') };
}

test('en: each problem links to its field; empty keywords ask for one keyword', async () => {
  const { user, problems } = await saveEmpty('en');
  expect(problems).not.toHaveTextContent(/please add more \(at least 1\)/);
  const keywords = within(problems).getByRole('link', {
    name: 'Fact 1: add at least one keyword.',
  });
  await user.click(keywords);
  expect(screen.getByLabelText('Fact 1: keywords, separated by commas')).toHaveFocus();
  await user.click(
    within(problems).getByRole('link', { name: "Child's name: please fill this in." }),
  );
  expect(screen.getByLabelText("Child's name (alias)")).toHaveFocus();
  // Every line that names one control is a link to it.
  const links = within(problems).getAllByRole('link');
  expect(links.length).toBeGreaterThan(3);
  for (const link of links) {
    const id = link.getAttribute('href')!.slice(1);
    expect(document.getElementById(id)).not.toBeNull();
  }
});

test('es: cada problema lleva a su campo; sin palabras clave pide una', async () => {
  const { user, problems } = await saveEmpty('es');
  const keywords = within(problems).getByRole('link', {
    name: 'Hecho 1: agregue al menos una palabra clave.',
  });
  await user.click(keywords);
  expect(screen.getByLabelText('Hecho 1: palabras clave, separadas por comas')).toHaveFocus();
  expect(problems).not.toHaveTextContent(/al menos 1\)/);
});
