// The feedback headline's verdict (audit N18e-9): an invitation share at the target is praised
// only when no suggestive prompt was used; beside suggestive prompts it says both plainly.
import { render, screen } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { createI18n, type UiLanguage } from '../../renderer/i18n/setup';
import { Headline } from '../../renderer/training/indicators';
import type { Feedback } from '../../renderer/training/types';

type Measures = NonNullable<Feedback['measures']>;

function headline(language: UiLanguage, suggestive: number, share: number): string {
  const measures = {
    substantivePrompts: 6,
    substantiveInvitations: Math.round(share * 6),
    substantiveInvitationShare: share,
    goodInvitationShare: 0.5,
    optionPosing: 0,
    suggestive,
    directives: 0,
  } as unknown as Measures;
  render(
    <I18nextProvider i18n={createI18n({ language })}>
      <Headline measures={measures} />
    </I18nextProvider>,
  );
  return screen.getByTestId('headline').textContent ?? '';
}

test.each([
  ['en', 'at or above the target', '3 suggestive prompts'],
  ['es', 'en la meta o por encima', 'hubo 3 preguntas sugestivas'],
] as const)('%s: 3 suggestive of 6 at a 50%% share is no pass', (lang, praise, plain) => {
  const text = headline(lang, 3, 0.5);
  expect(text).not.toContain(praise);
  expect(text).toContain(plain);
});

test.each([
  ['en', 'at or above the target'],
  ['es', 'en la meta o por encima'],
] as const)('%s: no suggestive prompt at the target reads as at the target', (lang, praise) => {
  expect(headline(lang, 0, 0.5)).toContain(praise);
});

test('below the target nothing is said of the target', () => {
  const text = headline('en', 2, 0.2);
  expect(text).not.toContain('at or above the target');
  expect(text).not.toContain('suggestive prompt');
});

test.each([
  ['en', '1 suggestive prompt:'],
  ['es', 'hubo 1 pregunta sugestiva;'],
] as const)('%s: one suggestive prompt is said in the singular (es12 E12-14)', (lang, singular) => {
  expect(headline(lang, 1, 0.5)).toContain(singular);
});
