// The feedback view's conclusion panel, with the verdict the core computes (judgeConclusion):
// a trainee who chose "an event happened" in a scenario where it did, but whose interview did not
// show it, reads why, not "does not fit", and the truth comes last (en and es-419).
import { render, screen } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { createI18n, type UiLanguage } from '../../renderer/i18n/setup';
import { FeedbackView } from '../../renderer/training/feedback-view';
import type { Feedback } from '../../renderer/training/types';
import { judgeConclusion } from '../../src/training/feedback';

jest.mock('react-chartjs-2', () => ({ Line: () => null, Bar: () => null }));

function show(language: UiLanguage, summary: string) {
  const conclusion = judgeConclusion(
    'event',
    { language, outcome: 'event', summary },
    { toldEarlier: new Set() },
    { measures: { allegationBy: 'none' }, falseDetails: [] },
  );
  const feedback = {
    scenarioId: 'dog-bite',
    scenarioTitle: 'Dog',
    language,
    ageYears: 4,
    questions: 0,
    prompts: 0,
    invitationShare: 0,
    recommendedShare: 0.5,
    trueFactsElicited: 0,
    trueFactsTotal: 1,
    counts: {
      invitation: 0,
      'cued-invitation': 0,
      facilitator: 0,
      directive: 0,
      'option-posing': 0,
      suggestive: 0,
      other: 0,
    },
    falseDetails: [],
    flagged: [],
    findings: [],
    phases: [],
    facts: [],
    goals: [],
    hardQuestions: [],
    conclusion,
  } as unknown as Feedback;
  render(
    <I18nextProvider i18n={createI18n({ language })}>
      <FeedbackView feedback={feedback} onAgain={() => {}} onProgress={() => {}} />
    </I18nextProvider>,
  );
  return screen.getByTestId('conclusion-feedback');
}

test('en: the chosen event did happen; the reason comes before what really happened', () => {
  const panel = show('en', 'A dog bit the child.');
  expect(panel).toHaveTextContent('You concluded: The child described an event that happened');
  const text = panel.textContent ?? '';
  expect(text).not.toMatch(/does not fit/);
  expect(text).toMatch(/What you chose did happen, but this interview does not show it\./);
  expect(text.indexOf('did not tell the central act')).toBeLessThan(
    text.indexOf('What really happened: A dog bit the child.'),
  );
});

test('es: lo elegido sí pasó; el motivo va antes de lo que pasó en realidad', () => {
  const panel = show('es', 'Un perro mordió al niño.');
  expect(panel).toHaveTextContent('Usted concluyó: El relato describe algo que pasó');
  const text = panel.textContent ?? '';
  expect(text).not.toMatch(/no corresponde/);
  expect(text).toMatch(/Lo que usted eligió sí pasó, pero esta entrevista no lo muestra\./);
  expect(text.indexOf('no contó el hecho central')).toBeLessThan(
    text.indexOf('Lo que pasó en realidad: Un perro mordió al niño.'),
  );
});
