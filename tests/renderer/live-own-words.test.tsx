// Audit 19c on the live screen: the child's own-language words (an interpreted or code-switched
// child turn) are what the child said, so the live coach takes them as the break queue and the
// report do (B19c-2); and the coach checks the interpreter's rendering of a question, in its own
// language, as the break queue does (B19c-11).
import { screen, within } from '@testing-library/react';
import { fakeCore } from './fake-core';
import { openLiveSession } from './live-helpers';

async function recordInterpretedChildTurn() {
  const core = fakeCore();
  const r = await openLiveSession(core);
  const box = screen.getByLabelText('Note');
  await r.user.click(box);
  await r.user.keyboard('{Alt>}2{/Alt}');
  await r.user.click(screen.getByLabelText('Interpreted turn'));
  await r.user.type(
    screen.getByLabelText(/^Own words, verbatim/),
    'Mi padrote me quitó el celular en la fiesta.',
  );
  await r.user.type(box, 'My boyfriend took my phone at the party.{Enter}');
  expect(await screen.findByText(/Mi padrote me quitó el celular/)).toBeInTheDocument();
  await r.user.keyboard('{Alt>}1{/Alt}');
  return { ...r, core, box };
}

test('the live coach takes the child’s own-language words as the child’s words (B19c-2)', async () => {
  const { user, box } = await recordInterpretedChildTurn();
  const hint = () => screen.getByTestId('question-hint');

  // The child's own word, and a word only in her own-language sentence: hers, not a new detail.
  await user.type(box, 'Tell me more about your padrote.');
  expect(hint()).toHaveTextContent('Cued invitation');
  expect(hint()).not.toHaveTextContent('Suggestive question');
  await user.clear(box);
  await user.type(box, 'Tell me more about the celular.');
  expect(hint()).toHaveTextContent('Cued invitation');

  // A label she did not use is still flagged.
  await user.clear(box);
  await user.type(box, 'Tell me more about your pimp.');
  expect(hint()).toHaveTextContent('Suggestive question');
});

test('the live coach checks the interpreter’s rendering of a question in its own language (B19c-11)', async () => {
  const { user, box } = await recordInterpretedChildTurn();
  await user.type(box, 'Tell me what happened.');
  expect(screen.getByTestId('question-hint')).not.toHaveTextContent('Suggestive question');
  const select = screen.getByLabelText('Language of these words');
  await user.selectOptions(select, within(select).getByRole('option', { name: 'Spanish' }));
  const own = screen.getByLabelText(/^Interpreter's rendering, verbatim/);
  // A leading rendering of an open question is flagged beside it, as the break queue flags it.
  await user.type(own, '¿Él te tocó la vagina?');
  const rendering = await screen.findByTestId('rendering-hint');
  expect(rendering).toHaveTextContent(
    /Coach on the rendering \(Spanish\): not recommended\. Closed question that puts to the child a detail the child has not said/,
  );
  // A faithful rendering that reuses the child's words passes.
  await user.clear(own);
  await user.type(own, 'Cuéntame más sobre el celular.');
  expect(screen.getByTestId('rendering-hint')).toHaveTextContent(
    /Coach on the rendering \(Spanish\): (?!not recommended)/,
  );
  // A child turn's own words are not coded as a question.
  await user.keyboard('{Alt>}2{/Alt}');
  expect(screen.queryByTestId('rendering-hint')).not.toBeInTheDocument();
});
