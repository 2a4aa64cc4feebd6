// team20 (issue #19 follow-up) in Chromium against a real core, English and Spanish, at 1366x900
// and 1024x700: an 11-year-old whose planning record has a possible exploitation concern gets the
// exploited-youth guidance on the plan (with its sources) and, open at the first phase, on the live
// screen; the export screen offers the observer queue and says that with names off a named
// suggestion is withheld whole. Screenshots in tests/e2e/screenshots (youth-*), axe-checked.
import enUi from '../../locales/en/ui.json';
import esUi from '../../locales/es/ui.json';
import enProtocolsUi from '../../locales/en/protocols-ui.json';
import esProtocolsUi from '../../locales/es/protocols-ui.json';
import { capture, launch, ORIGIN } from './harness';

jest.setTimeout(600_000);

const SIZES = [
  { width: 1366, height: 900 },
  { width: 1024, height: 700 },
] as const;

function lookup(catalog: unknown, key: string, vars: Record<string, string | number> = {}): string {
  let node: unknown = catalog;
  for (const part of key.split('.')) node = (node as Record<string, unknown>)[part];
  if (typeof node !== 'string') throw new Error(`no text for ${key}`);
  return node.replace(/\{\{(\w+)\}\}/g, (_m, name: string) => String(vars[name]));
}

async function youth(lang: 'en' | 'es') {
  const ui = (key: string, vars?: Record<string, string | number>) =>
    lookup(lang === 'en' ? enUi : esUi, key, vars);
  const pu = (key: string) => lookup(lang === 'en' ? enProtocolsUi : esProtocolsUi, key);
  const h = await launch({ uiLanguage: lang });
  const { page } = h;
  const violations: string[] = [];
  const button = (name: string) => page.getByRole('button', { name, exact: true });
  const label = (name: string) => page.getByLabel(name, { exact: true });
  const shoot = async (name: string, selector: string) => {
    for (const size of SIZES) {
      await page.setViewportSize(size);
      await page.locator(selector).first().scrollIntoViewIfNeeded();
      const wide = await page.evaluate<number>(
        'document.documentElement.scrollWidth - document.documentElement.clientWidth',
      );
      expect({ name, size, wide }).toEqual({ name, size, wide: 0 });
      violations.push(
        ...(await capture(page, `youth-${lang}-${name}-${size.width}x${size.height}`, {
          fullPage: false,
        })),
      );
    }
  };
  try {
    await h.core.invoke('vault.create', {
      username: 'ada',
      displayName: 'Ada Admin',
      passphrase: 'correct horse battery staple',
    });
    const reference = `YOUTH-${lang.toUpperCase()}-1`;
    const created = await h.core.invoke('cases.create', {
      reference,
      childAlias: 'Rae',
      childAgeYears: 11,
      language: lang,
    });
    if (!created.ok) throw new Error(created.error.message);
    const { caseId } = created.value as { caseId: string };
    const saved = await h.core.invoke('planning.update', {
      caseId,
      exploitation: { indicators: [], outcome: 'possible-concern', tool: 'none', referrals: [] },
    });
    if (!saved.ok) throw new Error(saved.error.message);

    await page.goto(`${ORIGIN}/index.html`);
    await button(ui('cases.planFor', { reference })).click();
    const box = page.getByTestId('youth-guidance');
    await page.getByRole('heading', { name: pu('youth.title') }).waitFor();
    expect(await box.getByRole('listitem').count()).toBe(8);
    expect(await box.textContent()).toContain(pu('youth.whyConcern'));
    await shoot('plan', '[data-testid="youth-guidance"]');

    await label(ui('plan.confirmBand')).check();
    await button(ui('plan.start')).click();
    await label(ui('live.noteLabel')).waitFor();
    const folded = page.getByTestId('youth-guidance');
    await folded.waitFor();
    // Open at the first phase (the introduction): role, information, confidentiality, not in trouble.
    expect(await folded.getAttribute('open')).not.toBeNull();
    await shoot('live', '[data-testid="youth-guidance"]');

    await button(ui('live.finish')).click();
    await page.getByRole('heading', { name: ui('finish.title'), exact: true }).waitFor();
    await label(ui('finish.sealConfirm')).check();
    await button(ui('finish.seal')).click();
    await page
      .getByRole('heading', { name: ui('finish.sealedTitle'), exact: true })
      .waitFor({ timeout: 60_000 });
    await button(ui('finish.export')).click();
    await page.getByRole('heading', { name: ui('export.title'), exact: true }).waitFor();
    await label(ui('export.choices.includeObserverQueue')).check();
    await label(ui('export.choices.includeObserverNames')).uncheck();
    await page.getByTestId('export-named-suggestions').waitFor();
    await shoot('export', '[data-testid="export-named-suggestions"]');
    expect(violations).toEqual([]);
  } finally {
    await h.close();
  }
}

test('English', () => youth('en'));
test('Spanish', () => youth('es'));
