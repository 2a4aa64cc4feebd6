// Audit 19d B19d-2: the own-words language starts in the child's language the case records, when
// it is not the interview's, so the coach on a question's rendering (B19c-11) runs without a pick.
// Root cause of the first attempt's failure: the language was copied into the box's state by an
// effect, and ticking "Interpreted turn" right after sent a whole value from the last render
// (language '') that replaced the copy before React rendered it. The first test ticks the box
// as soon as the screen is up, which met that race on every run; the second holds the case
// back until the interviewer has ticked and typed, so the language surely arrives last.
import { screen, waitFor, within } from '@testing-library/react';
import { fakeCore, type FakeCore, type Overrides } from './fake-core';
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

const interpretedCore = (extra: Overrides = {}) =>
  fakeCore({ 'planning.get': planning, 'planning.content': () => content, ...extra });

/** What the screen sent as each note's own words. */
const ownWordsSent = (core: FakeCore) =>
  core.calls
    .filter((c) => c.channel === 'sessions.addNote')
    .map((c) => (c.payload as { original?: unknown }).original);

/** The live screen of an English interview, interpreted, for a child whose case says `language`. */
async function openInterpretedSession(core: FakeCore, language: string, onPlanned?: () => void) {
  await core.invoke('cases.create', {
    reference: 'CAC-2',
    childAlias: 'Ana',
    childAgeYears: 8,
    language,
    interpreterNeeded: true,
  });
  const r = renderApp(core);
  await r.user.click(await screen.findByRole('button', { name: 'Plan interview for case CAC-2' }));
  await screen.findByRole('heading', { name: 'Plan the interview' });
  await r.user.click(screen.getByLabelText(/I confirm the child's age/));
  onPlanned?.();
  await r.user.click(screen.getByRole('button', { name: 'Start the interview' }));
  await screen.findByRole('heading', { name: 'Introduction' });
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
  await user.type(
    screen.getByLabelText(/^Interpreter's rendering, verbatim/),
    '¿Él te tocó la vagina?',
  );
  expect(await screen.findByTestId('rendering-hint')).toHaveTextContent(
    /Coach on the rendering \(Spanish\): not recommended\./,
  );

  // The interviewer can still change it, and the choice stays for the next turn.
  await user.selectOptions(select, 'und');
  expect(select.value).toBe('und');
  await user.type(box, '{Enter}');
  expect(await screen.findByText(/¿Él te tocó la vagina\?/)).toBeInTheDocument();
  expect(screen.getByLabelText<HTMLSelectElement>('Language of these words').value).toBe('und');
  expect(ownWordsSent(core)).toEqual([{ text: '¿Él te tocó la vagina?', language: 'und' }]);
});

test('the case’s language arriving after the interviewer ticked and typed fills the select, and is saved with the words', async () => {
  // cases.get is held only once the live screen asks for it (the plan screen reads it first).
  let release: () => void = () => undefined;
  let live = false;
  const core = interpretedCore({
    'cases.get': async (p: { caseId: string }) => {
      if (live) await new Promise<void>((r) => (release = r));
      const found: unknown = core.state.cases.find(
        (x: { caseId: string }) => x.caseId === p.caseId,
      );
      return { ...(found as object), allegationHidden: false };
    },
  });
  const { user } = await openInterpretedSession(core, 'es', () => (live = true));
  await user.click(screen.getByLabelText('Interpreted turn'));
  const select = screen.getByLabelText<HTMLSelectElement>('Language of these words');
  expect(select.value).toBe('und');
  await user.type(
    screen.getByLabelText(/^Interpreter's rendering, verbatim/),
    'Me quitó el celular.',
  );
  release();
  await waitFor(() => expect(select.value).toBe('es'), { timeout: 20_000 });
  // The interviewer's own words and tick were kept: nothing typed is lost when it arrives.
  expect(
    screen.getByLabelText<HTMLTextAreaElement>(/^Interpreter's rendering, verbatim/).value,
  ).toBe('Me quitó el celular.');
  expect(screen.getByLabelText<HTMLInputElement>('Interpreted turn').checked).toBe(true);
  await user.click(screen.getByLabelText('Note'));
  await user.keyboard('{Alt>}2{/Alt}');
  await user.type(screen.getByLabelText('Note'), 'He took my phone.{Enter}');
  expect(await screen.findByText(/Me quitó el celular\./)).toBeInTheDocument();
  expect(ownWordsSent(core)).toEqual([{ text: 'Me quitó el celular.', language: 'es' }]);
});

test('a language the interviewer picks stays for the next turns', async () => {
  const core = interpretedCore();
  const { user } = await openInterpretedSession(core, 'es');
  await user.click(screen.getByLabelText('Interpreted turn'));
  const select = () => screen.getByLabelText<HTMLSelectElement>('Language of these words');
  await waitFor(() => expect(select().value).toBe('es'), { timeout: 20_000 });
  await user.selectOptions(select(), 'pt');
  await user.click(screen.getByLabelText('Note'));
  await user.keyboard('{Alt>}2{/Alt}');
  await user.type(screen.getByLabelText(/^Own words, verbatim/), 'Ele pegou meu celular.');
  await user.type(screen.getByLabelText('Note'), 'He took my phone.{Enter}');
  expect(await screen.findByText(/Ele pegou meu celular\./)).toBeInTheDocument();
  expect(select().value).toBe('pt');
  expect(ownWordsSent(core)).toEqual([{ text: 'Ele pegou meu celular.', language: 'pt' }]);
});

test('the own-words language stays "Not known" when the child speaks the interview’s language', async () => {
  const core = interpretedCore();
  const { user } = await openInterpretedSession(core, 'en');
  await user.click(screen.getByLabelText('Interpreted turn'));
  expect(screen.getByLabelText<HTMLSelectElement>('Language of these words').value).toBe('und');
});
