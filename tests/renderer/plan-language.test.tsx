// The plan screen: the interview language starts from the child's language on the case, else
// from the UI language (a Spanish install planned English interviews unawares); the protocol
// select has the plan's full width so the longest protocol name shows whole at 1024 px.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { screen } from '@testing-library/react';
import type { UiLanguage } from '../../renderer/i18n/setup';
import { defaultInterviewLanguage } from '../../renderer/plan/languages';
import { fakeCore } from './fake-core';
import { renderApp } from './render';

async function planIn(ui: UiLanguage, caseLanguage: string) {
  const core = fakeCore();
  await core.invoke('cases.create', {
    reference: 'CAC-L',
    childAlias: 'Mia',
    childAgeYears: 7,
    language: caseLanguage,
  });
  const r = renderApp(core, ui);
  await r.user.click(
    await screen.findByRole('button', {
      name: ui === 'es' ? /^Planificar entrevista/ : /^Plan interview/,
    }),
  );
  return r;
}

test('in a Spanish UI, a case without a language plans a Spanish interview', async () => {
  await planIn('es', '');
  const select = await screen.findByLabelText('Idioma de la entrevista');
  expect(select).toHaveDisplayValue('español');
});

test('in a Spanish UI, a child recorded as English-speaking gets an English interview', async () => {
  await planIn('es', 'en');
  expect(await screen.findByLabelText('Idioma de la entrevista')).toHaveDisplayValue('inglés');
});

test('in an English UI, a Spanish-speaking child gets a Spanish interview', async () => {
  await planIn('en', 'es');
  expect(await screen.findByLabelText('Interview language')).toHaveDisplayValue('Spanish');
});

test('a child language Hearth does not interview in (through an interpreter) uses the UI language', () => {
  expect(defaultInterviewLanguage('mam', 'es')).toBe('es');
  expect(defaultInterviewLanguage('vi', 'en')).toBe('en');
  expect(defaultInterviewLanguage('', 'es')).toBe('es');
  expect(defaultInterviewLanguage('es', 'en')).toBe('es');
});

test('a new case in the Spanish UI starts with Spanish as the child language', async () => {
  const { user } = renderApp(fakeCore(), 'es');
  await user.click(await screen.findByRole('button', { name: /^Nuevo caso/ }));
  expect(await screen.findByLabelText(/Idioma/)).toHaveDisplayValue('español');
});

test('the protocol select is outside the two-column layout and fills its row', async () => {
  await planIn('en', 'en');
  const select = await screen.findByLabelText('Protocol');
  expect(select.closest('.plan-layout')).toBeNull();
  expect(select.closest('.plan-protocol')).not.toBeNull();
  const css = readFileSync(join(__dirname, '../../renderer/styles/app.css'), 'utf8');
  expect(css).toMatch(/\.plan-protocol select\s*\{[^}]*width:\s*100%/);
});
