// Practitioner review 26p, finding 4: a Spanish prompt line shown under "NICHD Revised Protocol,
// 2014 — Transición…" read as the protocol's own Spanish. Every prompt of a Spanish plan that
// cites a document now says, beside its source, that the Spanish is Hearth's wording (not
// compared with the protocol's Spanish version), on the live screen and on the plan alike.
import { render } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { createI18n, type UiLanguage } from '../../renderer/i18n/setup';
import { SourceLabel } from '../../renderer/sources/source-label';
import { planSession } from '../../src/protocols';

const missing: string[] = [];
afterEach(() => expect(missing.splice(0)).toEqual([]));

function show(lang: UiLanguage, planLanguage: 'en' | 'es', compact: boolean): HTMLElement {
  const plan = planSession('nichd', 8, planLanguage);
  const open = plan.sessions[0]!.phases.find((p) => p.id === 'transition')!.prompts[0]!;
  const i18n = createI18n({ language: lang, onMissingKey: (l, k) => missing.push(`${l}:${k}`) });
  const { container } = render(
    <I18nextProvider i18n={i18n}>
      <SourceLabel source={open.source} compact={compact} />
    </I18nextProvider>,
  );
  return container.querySelector('.source-label') as HTMLElement;
}

test.each([true, false])(
  'a Spanish prompt says its Spanish is Hearth’s (compact: %s)',
  (compact) => {
    const label = show('es', 'es', compact);
    expect(label.textContent).toMatch(/NICHD/);
    // The live screen (compact) shows a short mark so the line does not wrap; the full words
    // are read out beside it.
    expect(label.textContent).toContain(
      compact ? 'español de Hearth' : 'redacción en español de Hearth',
    );
    expect(label.textContent).toMatch(/no comparada con la versión en español del protocolo/);
  },
);

test('an English user reading a Spanish plan sees the mark in English', () => {
  expect(show('en', 'es', true).textContent).toContain('Hearth’s Spanish');
  expect(show('en', 'es', false).textContent).toContain('Spanish wording Hearth’s');
});

test('an English prompt carries no translation mark', () => {
  const label = show('en', 'en', true);
  expect(label.querySelector('[data-testid="translation-mark"]')).toBeNull();
});
