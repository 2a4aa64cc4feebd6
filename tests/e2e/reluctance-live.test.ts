// Practitioner review 7, P7-1: on the live screen the interviewer notes "Child reluctant" (Alt+L)
// in the transition; the record takes it, the screen says support comes first and escalating
// prompts are withheld (Hearth's rule), and "close warmly" shows with its source. Screenshots at
// 1024×700 and 1366×768 in English and Spanish (tests/e2e/screenshots/reluctance-*), axe: no
// serious violations, nothing sideways. Then (practitioner review 8, P8-3) a media aid recorded
// from the live screen's form, its stance quoted (tests/e2e/screenshots/media-*).
import en from '../../locales/en/ui.json';
import es from '../../locales/es/ui.json';
import { capture, launch, sidewaysOverflow, startFirstInterview } from './harness';

jest.setTimeout(600_000);

const PASSPHRASE = 'correct horse battery staple';

function lookup(catalog: typeof en, key: string, vars: Record<string, string | number> = {}) {
  let node: unknown = catalog;
  for (const part of key.split('.')) node = (node as Record<string, unknown>)[part];
  if (typeof node !== 'string') throw new Error(`no text for ${key}`);
  return node.replace(/\{\{(\w+)\}\}/g, (_m, name: string) => String(vars[name]));
}

test.each(['en', 'es'] as const)('%s: Child reluctant in the transition', async (lang) => {
  const L = lang === 'en' ? en : es;
  const t = (key: string, vars?: Record<string, string | number>) => lookup(L, key, vars);
  const h = await launch({ uiLanguage: lang });
  const { page } = h;
  const violations: string[] = [];
  try {
    await page.setViewportSize({ width: 1366, height: 768 });
    await startFirstInterview(page, t, `CAC-REL-${lang}`, PASSPHRASE);
    const note = page.getByLabel(t('live.noteLabel'), { exact: true });
    // To the transition: each move, then a note (a saved note ends the move's undo window).
    for (let i = 0; i < 4; i++) {
      await page.keyboard.press('Alt+KeyN');
      await note.fill(lang === 'en' ? 'Tell me more about that.' : 'Cuéntame más sobre eso.');
      await note.press('Enter');
    }
    await page
      .getByRole('heading', { level: 1 })
      .filter({ hasText: /Transi/ })
      .waitFor();
    await page.keyboard.press('Alt+KeyL');
    await page.getByText(t('live.reluctance.noted')).waitFor();
    const status = page.getByTestId('reluctance-status');
    await status.waitFor();
    expect(await status.textContent()).toContain(t('live.reluctance.summaryClose'));
    // One line until opened: the note box keeps its room at 1024×700.
    for (const size of [
      { width: 1366, height: 768 },
      { width: 1024, height: 700 },
    ]) {
      await page.setViewportSize(size);
      expect(await sidewaysOverflow(page)).toEqual([]);
      violations.push(
        ...(await capture(page, `reluctance-${lang}-transition-${size.width}`, {
          fullPage: false,
        })),
      );
      const box = await page.getByLabel(t('live.noteLabel'), { exact: true }).boundingBox();
      expect(box !== null && box.y + box.height <= size.height).toBe(true);
    }
    // Opened: why the list changed (Hearth's rule) and "close warmly" with its source.
    await page.setViewportSize({ width: 1366, height: 768 });
    await status.locator('summary').click();
    expect(await status.textContent()).toContain(t('live.reluctance.withheld'));
    await page.getByTestId('close-warmly').waitFor();
    violations.push(
      ...(await capture(page, `reluctance-${lang}-transition-open-1366`, { fullPage: false })),
    );
    // Newcomer 7, findings 1-2: at 1024×700 with the fold open, the button and the note box are
    // both in view without scrolling (the fold scrolls in its own box).
    await page.setViewportSize({ width: 1024, height: 700 });
    violations.push(
      ...(await capture(page, `reluctance-${lang}-transition-open-1024`, { fullPage: false })),
    );
    const inView = (box: { x: number; y: number; width: number; height: number } | null) =>
      box !== null && box.y >= 0 && box.y + box.height <= 700 && box.x + box.width <= 1024;
    const button = page.getByRole('button', { name: new RegExp(`^${t('live.reluctance.note')}`) });
    expect(inView(await button.boundingBox())).toBe(true);
    expect(inView(await page.getByLabel(t('live.noteLabel'), { exact: true }).boundingBox())).toBe(
      true,
    );
    // P8-3: "Media aid…" (Alt+M) quotes NICHD's stance (not used) with its source, asks for a
    // reason and a confirmation against the stance, and records the use in the session.
    await page.keyboard.press('Alt+KeyM');
    const form = page.getByRole('form', { name: t('live.media.title') });
    await form.waitFor();
    expect(await form.getByTestId('media-stance').textContent()).toMatch(/Lamb et al\., 2018/);
    await form
      .getByLabel(t('live.media.noteUsed'))
      .fill(lang === 'en' ? 'the child pointed to a place' : 'la niña señaló un lugar');
    await form.getByLabel(t('live.media.confirmAgainst')).check();
    expect(await sidewaysOverflow(page)).toEqual([]);
    violations.push(...(await capture(page, `media-${lang}-form-1024`, { fullPage: false })));
    await form.getByRole('button', { name: t('live.media.record') }).click();
    await page.getByTestId('media-recorded').waitFor();
    expect(violations).toEqual([]);
    expect(h.pageErrors).toEqual([]);
  } finally {
    await h.close();
  }
});
