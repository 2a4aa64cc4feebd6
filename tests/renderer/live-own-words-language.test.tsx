// Audit 19d B19d-2: the own-words language starts in the child's language the case records, when
// it is not the interview's, so the coach on a question's rendering (B19c-11) runs without a pick.
import { screen, within } from '@testing-library/react';
import { fakeCore, type FakeCore } from './fake-core';
import { renderApp } from './render';

// The whole app in jsdom on a shared machine: generous, never a timing assertion.
jest.setTimeout(120_000);

const content = {
  interpreterBriefing: [],
  exploitationIndicators: [],
  referralServices: [],
  accommodations: [],
  screeningNote: { id: 'screening-not-interview', label: 'Screening note', sources: ['cseIt'] },
  sources: [],
};

/** A planning record that says an interpreter is needed, with no child language of its own. */
const planning = (p: { caseId: string }) => ({
  caseId: p.caseId,
  version: 1,
  known: {},
  needs: {},
  interpreter: { needed: true, briefing: {} },
  handoffs: [],
  allegationHidden: false,
});

const interpretedCore = () =>
  fakeCore({ 'planning.get': planning, 'planning.content': () => content });

/** The live screen of an English interview, interpreted, for a child whose case says `language`. */
async function openInterpretedSession(core: FakeCore, language: string) {
  await core.invoke('cases.create', {
    reference: 'CAC-2',
    childAlias: 'Ana',
    childAgeYears: 8,
    language,
    interpreterNeeded: true,
  });
  const r = renderApp(core);
  await r.user.click(
    await screen.findByRole(
      'button',
      { name: 'Plan interview for case CAC-2' },
      { timeout: 10_000 },
    ),
  );
  await screen.findByRole('heading', { name: 'Plan the interview' }, { timeout: 10_000 });
  await r.user.click(screen.getByLabelText(/I confirm the child's age/));
  await r.user.click(screen.getByRole('button', { name: 'Start the interview' }));
  await screen.findByRole('heading', { name: 'Introduction' }, { timeout: 10_000 });
  return r;
}

test('the own-words language defaults to the case’s child language and the rendering coach runs (B19d-2)', async () => {
  const core = interpretedCore();
  const { user } = await openInterpretedSession(core, 'es');
  const box = screen.getByLabelText('Note');
  await user.click(screen.getByLabelText('Interpreted turn'));
  const select = screen.getByLabelText<HTMLSelectElement>('Language of these words');
  expect(select.value).toBe('es');
  expect(within(select).getByRole('option', { selected: true })).toHaveTextContent('Spanish');

  // No language picked by hand: the leading rendering of an open question is flagged.
  await user.type(box, 'Tell me what happened.');
  await user.type(screen.getByLabelText(/^Own words, verbatim/), '¿Él te tocó la vagina?');
  expect(await screen.findByTestId('rendering-hint')).toHaveTextContent(
    /Coach on the rendering \(Spanish\): Coach: not recommended/,
  );

  // The interviewer can still change it, and the choice stays for the next turn.
  await user.selectOptions(select, 'und');
  expect(select.value).toBe('und');
  await user.type(box, '{Enter}');
  expect(await screen.findByText(/¿Él te tocó la vagina\?/)).toBeInTheDocument();
  expect(screen.getByLabelText<HTMLSelectElement>('Language of these words').value).toBe('und');
});

test('the own-words language stays "Not known" when the child speaks the interview’s language', async () => {
  const core = interpretedCore();
  const { user } = await openInterpretedSession(core, 'en');
  await user.click(screen.getByLabelText('Interpreted turn'));
  expect(screen.getByLabelText<HTMLSelectElement>('Language of these words').value).toBe('und');
});
