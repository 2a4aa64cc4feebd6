// Practitioner review 11, P11-9: the plan screen's age-and-band box, which the interviewer
// confirms, shows years and months for a child under 6 (issue #17), as the case form does, and
// whole years from 6 on.
import { screen } from '@testing-library/react';
import type { UiLanguage } from '../../renderer/i18n/setup';
import { fakeCore } from './fake-core';
import { renderApp } from './render';

async function planFor(ui: UiLanguage, childAgeYears: number, childAgeMonths: number) {
  const core = fakeCore();
  await core.invoke('cases.create', {
    reference: 'CAC-M',
    childAlias: 'Mia',
    childAgeYears,
    childAgeMonths,
    language: ui,
  });
  const r = renderApp(core, ui);
  await r.user.click(
    await screen.findByRole('button', {
      name: ui === 'es' ? /^Planificar entrevista/ : /^Plan interview/,
    }),
  );
  return r;
}

test('en: a child of 4 years 7 months is shown with the months', async () => {
  await planFor('en', 4, 7);
  expect(await screen.findByText(/^Age 4 years 7 months: /)).toBeInTheDocument();
});

test('es: a child of 4 years 7 months is shown with the months', async () => {
  await planFor('es', 4, 7);
  expect(await screen.findByText(/^Edad: 4 años y 7 meses; /)).toBeInTheDocument();
});

test('from 6 on, whole years', async () => {
  await planFor('en', 8, 0);
  expect(await screen.findByText(/^Age 8: /)).toBeInTheDocument();
  expect(screen.queryByText(/months:/)).toBeNull();
});

// Practitioner pass 12, P12-3: one month is "1 month" / "1 mes", never "1 months" / "1 meses".
test.each([
  ['en', /^Age 4 years 1 month: /],
  ['es', /^Edad: 4 años y 1 mes; /],
] as const)('%s: one month is singular', async (ui, shown) => {
  await planFor(ui, 4, 1);
  expect(await screen.findByText(shown)).toBeInTheDocument();
});
