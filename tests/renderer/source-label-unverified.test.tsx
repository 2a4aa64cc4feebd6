// On the live screen (compact) a source "not verified against the full text" shows a short mark,
// so the line under each prompt does not wrap and take the note list's room (session 10: the
// Spanish suffix wrapped twice at 1024x700); the full wording stays for screen readers and in
// the tooltip. Elsewhere the label keeps its full wording.
import { render, screen } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { createI18n, type UiLanguage } from '../../renderer/i18n/setup';
import { SourceLabel } from '../../renderer/sources/source-label';
import { notVerified, sectionWording } from '../../src/protocols/source-sections';
import type { PlannedSource } from '../../src/protocols';

function show(source: PlannedSource, language: UiLanguage, compact: boolean): HTMLElement {
  const i18n = createI18n({ language, onMissingKey: (lng, key) => missing.push(`${lng}:${key}`) });
  const { container } = render(
    <I18nextProvider i18n={i18n}>
      <SourceLabel source={source} compact={compact} />
    </I18nextProvider>,
  );
  return container.querySelector('.source-label') as HTMLElement;
}
const missing: string[] = [];
afterEach(() => expect(missing.splice(0)).toEqual([]));

const en = notVerified('Introduction');
const cases: Array<[UiLanguage, string, string, RegExp]> = [
  ['en', en, 'not verified', /not verified against the full text/],
  ['es', sectionWording('es', en) ?? '', 'sin verificar', /no verificado con el texto completo/],
];

/** What a sighted reader sees: the label without its screen-reader-only parts. */
function visibleText(label: HTMLElement): string {
  const copy = label.cloneNode(true) as HTMLElement;
  copy.querySelectorAll('.visually-hidden').forEach((e) => e.remove());
  return copy.textContent ?? '';
}

const source = (section: string): PlannedSource => ({
  doc: 'nichd-2014',
  label: `NICHD Revised Protocol, 2014 \u2014 ${section}`,
  section,
  basis: [],
});

test.each(cases)(
  '%s live screen: a short mark, the full wording for screen readers and in the tooltip',
  (lang, section, mark, full) => {
    expect(section).toMatch(full);
    const label = show(source(section), lang, true);
    expect(visibleText(label)).not.toMatch(full);
    expect(visibleText(label)).toContain(`\u00b7 ${mark}`);
    expect(label.textContent).toMatch(full);
    expect(screen.getByTitle(new RegExp(full.source, 'i'))).toBeInTheDocument();
  },
);

test.each(cases)(
  '%s outside the live screen: the full wording stays',
  (lang, section, _m, full) => {
    const label = show(source(section), lang, false);
    expect(visibleText(label)).toMatch(full);
    expect(label.querySelector('.source-topic-mark')).toBeNull();
  },
);
