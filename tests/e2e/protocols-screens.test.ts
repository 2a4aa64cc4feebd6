// The plan screen (every step with its source, the media stance, Hearth's break reminder, the
// Ten Step putative-confession decision) and the Sources page, in English and Spanish, against
// a real core. Captured to tests/e2e/screenshots and checked with axe-core.
import { join } from 'node:path';
import enProtocolsUi from '../../locales/en/protocols-ui.json';
import esProtocolsUi from '../../locales/es/protocols-ui.json';
import en from '../../locales/en/ui.json';
import es from '../../locales/es/ui.json';
import { capture, launch, ORIGIN, type Harness } from './harness';

jest.setTimeout(600_000); // a loaded 2-core machine took 185 s for one of these

const PASSPHRASE = 'correct horse battery staple';

function lookup(catalog: unknown, key: string): string {
  let node: unknown = catalog;
  for (const part of key.split('.')) node = (node as Record<string, unknown>)[part];
  if (typeof node !== 'string') throw new Error(`no text for ${key}`);
  return node;
}

async function screens(lang: 'en' | 'es') {
  const ui = lang === 'en' ? en : es;
  const pui = lang === 'en' ? enProtocolsUi : esProtocolsUi;
  const t = (key: string, vars: Record<string, string> = {}) =>
    lookup(ui, key).replace(/\{\{(\w+)\}\}/g, (_m, n: string) => vars[n] ?? '');
  const tp = (key: string) => lookup(pui, key);
  const h: Harness = await launch({ uiLanguage: lang });
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
    await label(t('recoveryKit.confirm')).check({ timeout: 30_000 });
    await button(t('recoveryKit.continue')).click();
    await page.getByRole('heading', { name: t('cases.title') }).waitFor();

    const reference = `CAC-${lang.toUpperCase()}-17`;
    await button(t('cases.new')).click();
    await label(t('caseForm.reference')).fill(reference);
    await label(t('caseForm.alias')).fill(lang === 'en' ? 'Mia' : 'Lucía');
    await label(t('caseForm.age')).fill('4');
    await label(t('caseForm.months')).fill('7');
    await label(t('caseForm.language')).selectOption('pt');
    violations.push(...(await capture(page, `${lang}-p17-case-form`)));
    await button(t('caseForm.create')).click();
    await page.getByRole('rowheader', { name: reference }).waitFor();

    await button(t('cases.planFor', { reference })).click();
    await page.getByRole('heading', { name: t('plan.title') }).waitFor();
    await label(t('plan.language')).selectOption(lang);
    await label(t('plan.protocol')).selectOption('ten-step');
    await label(tp('plan.pc.enable')).check();
    await label(tp('plan.pc.decidedBy')).fill(
      lang === 'en' ? 'MDT with ADA J. Ruiz, 28 Nov' : 'Equipo con la fiscal J. Ruiz, 28 nov.',
    );
    // Open the allegation step to show its prompts and sources.
    await page.locator('details > summary').nth(2).click();
    violations.push(...(await capture(page, `${lang}-p17-plan-ten-step`)));
    await label(t('plan.protocol')).selectOption('ncac');
    await page.locator('details > summary').nth(0).click();
    violations.push(...(await capture(page, `${lang}-p17-plan-ncac`)));

    await button(t('nav.sources')).click();
    await page.getByRole('heading', { name: tp('sources.title') }).waitFor();
    violations.push(...(await capture(page, `${lang}-p17-sources`)));
    expect(h.pageErrors).toEqual([]);
    expect(violations).toEqual([]);
  } catch (error) {
    await page
      .screenshot({
        path: join(__dirname, 'screenshots', `${lang}-p17-failure.png`),
        fullPage: true,
      })
      .catch(() => undefined);
    throw error;
  } finally {
    await h.close();
  }
}

test('plan screen and Sources page in English', () => screens('en'));
test('plan screen and Sources page in Spanish', () => screens('es'));
