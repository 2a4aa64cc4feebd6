// Issue #19 audit B19-5: nothing asked who was interpreting, the core added an unnamed
// interpreter, and the transcript then said the name was "not included in this copy". The plan
// screen now asks for the interpreter's name (optional, with what happens if left empty) and the
// language pair whenever the interview is interpreter-mediated, and sends the name with the
// session's observers; a name in the planning record is shown instead of asked again.
/* eslint-disable @typescript-eslint/no-unsafe-argument, @typescript-eslint/no-explicit-any, @typescript-eslint/no-unsafe-return */
import { screen, within } from '@testing-library/react';
import { fakeCore, type FakeCore } from './fake-core';

// The whole app in jsdom on a shared machine: generous, never a timing assertion.
jest.setTimeout(120_000);
import { renderApp } from './render';

const content = {
  interpreterBriefing: [],
  exploitationIndicators: [],
  referralServices: [],
  accommodations: [],
  screeningNote: { id: 'screening-not-interview', label: 'Screening note', sources: ['cseIt'] },
  sources: [],
};

function record(caseId: string, childLanguage: string, name?: string) {
  return {
    caseId,
    version: 1,
    known: {},
    needs: {},
    interpreter: { needed: true, childLanguage, ...(name ? { name } : {}), briefing: {} },
    handoffs: [],
    allegationHidden: false,
  };
}

async function planFor(ui: 'en' | 'es', plannedName?: string) {
  const core: FakeCore = fakeCore({
    'planning.get': (p: any) => record(p.caseId, ui === 'es' ? 'en' : 'es', plannedName),
    'planning.content': () => content,
  });
  await core.invoke('cases.create', {
    reference: 'CAC-I',
    childAlias: 'Lu',
    childAgeYears: 9,
    language: 'es',
    interpreterNeeded: true,
  });
  const r = renderApp(core, ui);
  await r.user.click(
    await screen.findByRole('button', {
      name: ui === 'es' ? /^Planificar entrevista/ : /^Plan interview/,
    }),
  );
  return { ...r, core };
}

const startedObservers = (core: FakeCore) =>
  core.calls.find((c) => c.channel === 'sessions.start')?.payload.observers;

test('en: asks who is interpreting, names the language pair, and starts with the name', async () => {
  const { user, core } = await planFor('en');
  const box = await screen.findByRole('group', { name: 'Who is interpreting' });
  expect(
    await within(box).findByText(/between Spanish \(the child\) and English/),
  ).toBeInTheDocument();
  const name = within(box).getByLabelText('Interpreter’s name or agency');
  expect(name).toHaveAccessibleDescription(/the transcript says the name was not recorded/);
  await user.type(name, 'Ana Ruiz, LanguageLine');
  await user.click(screen.getByLabelText(/I confirm the child's age/));
  await user.click(screen.getByRole('button', { name: 'Start the interview' }));
  await screen.findByRole('heading', { level: 1, name: /./ });
  expect(startedObservers(core)).toEqual([{ role: 'interpreter', name: 'Ana Ruiz, LanguageLine' }]);
});

test('es: left empty, the interview still starts (the name is optional)', async () => {
  const { user, core } = await planFor('es');
  const box = await screen.findByRole('group', { name: 'Quién interpreta' });
  expect(
    await within(box).findByText(/entre inglés \(el niño o la niña\) y español/),
  ).toBeInTheDocument();
  expect(
    within(box).getByLabelText('Nombre de la persona intérprete o de la dependencia'),
  ).toBeInTheDocument();
  await user.click(screen.getByLabelText(/Confirmo la edad/));
  await user.click(screen.getByRole('button', { name: 'Empezar la entrevista' }));
  await screen.findByRole('heading', { level: 1, name: /./ });
  expect(startedObservers(core)).toEqual([]);
});

test('a name in the planning record is shown, not asked again', async () => {
  await planFor('en', 'Marta Q');
  const box = await screen.findByRole('group', { name: 'Who is interpreting' });
  expect(await within(box).findByRole('status')).toHaveTextContent('Interpreter: Marta Q.');
  expect(within(box).queryByLabelText('Interpreter’s name or agency')).toBeNull();
});
