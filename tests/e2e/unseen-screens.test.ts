// Screens nobody had looked at (issue #21): the recording-fingerprint panel on the Finish
// screen, the export wizard's passphrase option, and Settings → Keys, in English and Spanish at
// 1024×700 and 1366×768 (tests/e2e/screenshots/unseen-*), axe: no serious violations, nothing
// wider than the window.
import en from '../../locales/en/ui.json';
import es from '../../locales/es/ui.json';
import { capture, launch, startFirstInterview, type Harness } from './harness';

jest.setTimeout(600_000);

const PASSPHRASE = 'correct horse battery staple';
const SIZES = [
  { width: 1024, height: 700 },
  { width: 1366, height: 768 },
] as const;

type Catalog = typeof en;
function text(catalog: Catalog, key: string, vars: Record<string, string | number> = {}): string {
  let node: unknown = catalog;
  for (const part of key.split('.')) node = (node as Record<string, unknown>)[part];
  if (typeof node !== 'string') throw new Error(`no text for ${key}`);
  return node.replace(/\{\{(\w+)\}\}/g, (_m, name: string) => String(vars[name]));
}

async function unseen(lang: 'en' | 'es') {
  const L = lang === 'en' ? en : es;
  const t = (key: string, vars?: Record<string, string | number>) => text(L, key, vars);
  const h: Harness = await launch({ uiLanguage: lang });
  const { page } = h;
  const violations: string[] = [];
  const button = (name: string) => page.getByRole('button', { name, exact: true });
  const label = (name: string) => page.getByLabel(name, { exact: true });
  const heading = (name: string) => page.getByRole('heading', { name, exact: true });
  /** The part of the screen under `headingText`, at both sizes: no sideways scroll, axe clean. */
  const shoot = async (name: string, headingText: string) => {
    for (const size of SIZES) {
      await page.setViewportSize(size);
      await heading(headingText).scrollIntoViewIfNeeded();
      await page.evaluate(
        'new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))',
      );
      const wide = await page.evaluate<number>(
        'document.documentElement.scrollWidth - document.documentElement.clientWidth',
      );
      expect({ name, size, wide }).toEqual({ name, size, wide: 0 });
      violations.push(
        ...(await capture(page, `unseen-${lang}-${name}-${size.width}x${size.height}`)),
      );
    }
  };
  try {
    await page.setViewportSize(SIZES[1]);
    await startFirstInterview(page, t, 'CAC-UNSEEN-1', PASSPHRASE);
    const box = label(t('live.noteLabel'));
    await box.fill(
      lang === 'en' ? 'Tell me everything about that day.' : 'Cuéntame todo sobre ese día.',
    );
    await box.press('Enter');
    await page.getByText(t('live.saving')).first().waitFor({ state: 'detached' });

    // Finish: the recording-fingerprint panel.
    await button(t('live.finish')).click();
    await heading(t('finish.title')).waitFor();
    await shoot('finish-recording', t('recording.heading'));

    // Seal, then the export wizard with "Encrypt with a passphrase".
    await label(t('finish.sealConfirm')).check();
    await button(t('finish.seal')).click();
    await heading(t('finish.sealedTitle')).waitFor({ timeout: 60_000 });
    await button(t('finish.export')).click();
    await heading(t('export.title')).waitFor();
    await page.getByLabel(t('export.protect.passphrase')).check();
    await label(t('export.bundlePassphrase')).waitFor();
    await shoot('export-passphrase', t('export.title'));
    await label(t('export.bundlePassphrase')).scrollIntoViewIfNeeded();
    violations.push(...(await capture(page, `unseen-${lang}-export-passphrase-field`)));

    // Settings → Keys.
    await button(t('nav.settings')).click();
    await heading(t('settings.title')).waitFor();
    await shoot('settings-keys', t('settings.keys'));

    expect(violations).toEqual([]);
    expect(h.pageErrors).toEqual([]);
  } catch (error) {
    await page
      .screenshot({ path: `${__dirname}/screenshots/unseen-${lang}-failure.png`, fullPage: true })
      .catch(() => undefined);
    throw error;
  } finally {
    await h.close();
  }
}

test('unseen screens in English', () => unseen('en'));
test('unseen screens in Spanish', () => unseen('es'));
