// Newcomer 5, F7: the Spanish plan preview showed every step's source description in English.
// In a Spanish UI with a Spanish interview, the plan preview and the Sources page read in
// Spanish (documents' names and citations as published), at 1024×700 and 1366×768, with nothing
// sticking out sideways. Screenshots: tests/e2e/screenshots/es-f7-*.png.
import es from '../../locales/es/ui.json';
import { citedSections } from '../../src/protocols/sources';
import { sectionWording } from '../../src/protocols/source-sections';
import '../../src/protocols/plan';
import { capture, launch, ORIGIN, sidewaysOverflow, type Harness } from './harness';

jest.setTimeout(600_000); // a loaded 2-core machine took 185 s for one of these

const PASSPHRASE = 'correct horse battery staple';

function t(key: string, vars: Record<string, string> = {}): string {
  let node: unknown = es;
  for (const part of key.split('.')) node = (node as Record<string, unknown>)[part];
  if (typeof node !== 'string') throw new Error(`no text for ${key}`);
  return node.replace(/\{\{(\w+)\}\}/g, (_m, n: string) => vars[n] ?? '');
}

/** Visible texts that contain an English section description (none expected). */
async function englishSections(h: Harness, selector: string): Promise<string[]> {
  const texts = await h.page.locator(selector).allTextContents();
  const english = citedSections().filter((s) => sectionWording('es', s) !== s && s.length > 8);
  return texts.filter((text) => english.some((s) => text.includes(s)));
}

test('Spanish plan preview and Sources page: section descriptions in Spanish', async () => {
  const h = await launch({ uiLanguage: 'es' });
  const { page } = h;
  const violations: string[] = [];
  const button = (name: string) => page.getByRole('button', { name, exact: true });
  const label = (name: string) => page.getByLabel(name, { exact: true });
  try {
    await page.goto(`${ORIGIN}/index.html`);
    await page.getByRole('heading', { name: t('firstRun.title') }).waitFor();
    await label(t('firstRun.username')).fill('ada');
    await label(t('firstRun.displayName')).fill('Ada Admin');
    await label(t('firstRun.passphrase')).fill(PASSPHRASE);
    await label(t('firstRun.confirm')).fill(PASSPHRASE);
    await button(t('firstRun.create')).click();
    await label(t('recoveryKit.confirm')).check({ timeout: 60_000 });
    await button(t('recoveryKit.continue')).click();
    await page.getByRole('heading', { name: t('cases.title') }).waitFor();
    const reference = 'CAC-ES-F7';
    await button(t('cases.new')).click();
    await label(t('caseForm.reference')).fill(reference);
    await label(t('caseForm.alias')).fill('Lucía');
    await label(t('caseForm.age')).fill('8');
    await button(t('caseForm.create')).click();
    await button(t('cases.planFor', { reference })).click();
    await page.getByRole('heading', { name: t('plan.title') }).waitFor();
    await label(t('plan.language')).selectOption('es');
    await label(t('plan.protocol')).selectOption('nichd');
    // Open the ground rules and the transition to show prompts and warnings with their sources.
    await page.locator('details > summary').nth(2).click();
    await page.locator('details > summary').nth(4).click();
    await page
      .getByText(/Construcción del rapport/)
      .first()
      .waitFor();
    expect(await englishSections(h, '.source-label')).toEqual([]);
    for (const [w, hgt] of [
      [1024, 700],
      [1366, 768],
    ] as const) {
      await page.setViewportSize({ width: w, height: hgt });
      await page.locator('.phase-preview').first().scrollIntoViewIfNeeded();
      violations.push(...(await capture(page, `es-f7-plan-${w}`, { fullPage: false })));
      expect(await sidewaysOverflow(page)).toEqual([]);
    }
    await label(t('plan.protocol')).selectOption('abe');
    await page.locator('details > summary').nth(0).click();
    expect(await englishSections(h, '.source-label')).toEqual([]);
    violations.push(...(await capture(page, 'es-f7-plan-abe-full')));

    await button(t('nav.sources')).click();
    await page.locator('.hearth-additions').waitFor();
    expect(await englishSections(h, '.hearth-additions strong')).toEqual([]);
    for (const [w, hgt] of [
      [1024, 700],
      [1366, 768],
    ] as const) {
      await page.setViewportSize({ width: w, height: hgt });
      await page.locator('.hearth-additions').scrollIntoViewIfNeeded();
      violations.push(...(await capture(page, `es-f7-sources-${w}`, { fullPage: false })));
      expect(await sidewaysOverflow(page)).toEqual([]);
    }
    // Hearth's notes on the documents read in Spanish (newcomer 6, #13); citations stay as
    // published.
    const notes = await page.locator('.citation-note').allTextContents();
    expect(notes.length).toBeGreaterThan(0);
    for (const note of notes) {
      expect(note).toMatch(/^Nota de Hearth: /);
      expect(note).not.toMatch(/verified|children|Groups|web page/);
    }
    for (const [w, hgt] of [
      [1024, 700],
      [1366, 768],
    ] as const) {
      await page.setViewportSize({ width: w, height: hgt });
      await page.locator('.citation-note').first().scrollIntoViewIfNeeded();
      violations.push(...(await capture(page, `es-f7-sources-notes-${w}`, { fullPage: false })));
    }
    expect(h.pageErrors).toEqual([]);
    expect(violations).toEqual([]);
  } finally {
    await h.close();
  }
});
