// "Child named the person" (Alt+P) and its Undo through the UI, in Chromium (practitioner review 8,
// P8-2): a Ten Step session for a 7-year-old, started with the team's putative-confession
// decision. The hypothetical prompt is not offered before the press; Alt+P records the naming and
// the prompt appears; Alt+Z (Undo) records the withdrawal and the prompt is gone again. After a
// lock and unlock the session is resumed with its plan choices, so the control is still there.
// Screenshots of the live header at 1366×768 and 1024×700 in English and Spanish
// (tests/e2e/screenshots/person-named-<lang>-<width>.png): no header button overlaps the right
// column's first control, nothing sideways, axe: no serious violations.
import enProtocolsUi from '../../locales/en/protocols-ui.json';
import esProtocolsUi from '../../locales/es/protocols-ui.json';
import en from '../../locales/en/ui.json';
import es from '../../locales/es/ui.json';
import type { Locator } from 'playwright-core';
import { capture, completeFirstRun, launch, sidewaysOverflow, waitForPageText } from './harness';

jest.setTimeout(900_000);

const PASSPHRASE = 'correct horse battery staple';
const PC_WORDS = { en: 'What if I said that', es: 'Y si te dijera que' } as const;

function lookup(catalogs: unknown[], key: string, vars: Record<string, string | number> = {}) {
  for (const catalog of catalogs) {
    let node: unknown = catalog;
    for (const part of key.split('.')) node = (node as Record<string, unknown> | undefined)?.[part];
    if (typeof node === 'string')
      return node.replace(/\{\{(\w+)\}\}/g, (_m, name: string) => String(vars[name]));
  }
  throw new Error(`no text for ${key}`);
}

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}
/** The boxes of the visible elements `locator` finds. */
async function boxesOf(locator: Locator): Promise<Box[]> {
  const boxes: Box[] = [];
  for (const element of await locator.all()) {
    const box = await element.boundingBox();
    if (box && box.width > 0 && box.height > 0) boxes.push(box);
  }
  return boxes;
}
const overlaps = (a: Box, b: Box) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

test.each(['en', 'es'] as const)(
  '%s: Alt+P, its Undo, and a resume keep the gate',
  async (lang) => {
    const catalogs = lang === 'en' ? [en, enProtocolsUi] : [es, esProtocolsUi];
    const t = (key: string, vars?: Record<string, string | number>) => lookup(catalogs, key, vars);
    const h = await launch({ uiLanguage: lang });
    const { page } = h;
    // A shared, loaded machine: generous waits (no assertion depends on speed).
    page.setDefaultNavigationTimeout(180_000);
    page.setDefaultTimeout(120_000);
    const violations: string[] = [];
    const button = (name: string) => page.getByRole('button', { name, exact: true });
    const label = (name: string) => page.getByLabel(name, { exact: true });
    const bodyText = () => page.evaluate<string>('document.body.textContent || ""');
    try {
      await page.setViewportSize({ width: 1366, height: 768 });
      await completeFirstRun(page, t, PASSPHRASE);
      const reference = `CAC-PN-${lang}`;
      await button(t('cases.new')).click();
      await label(t('caseForm.reference')).fill(reference);
      await label(t('caseForm.alias')).fill('Mia');
      await label(t('caseForm.age')).fill('7');
      await button(t('caseForm.create')).click();
      await button(t('cases.planFor', { reference })).click();
      await page.getByRole('heading', { name: t('plan.title'), exact: true }).waitFor();
      const protocol = page.getByLabel(t('plan.protocol'), { exact: true });
      await protocol.selectOption('ten-step');
      await label(t('plan.pc.enable')).check();
      await label(t('plan.pc.decidedBy')).fill('MDT with ADA J. Ruiz');
      await label(t('plan.confirmBand')).check();
      await button(t('plan.start')).click();
      const note = label(t('live.noteLabel'));
      await note.waitFor();

      // To the allegation (step 7): instructions -> narrative practice -> allegation.
      for (let i = 0; i < 2; i++) {
        await page.keyboard.press('Alt+KeyN');
        await note.fill(lang === 'en' ? 'Tell me more about that.' : 'Cuéntame más sobre eso.');
        await note.press('Enter');
      }
      const control = page.getByRole('button', {
        name: new RegExp(`^${t('live.personNamed.note')}`),
      });
      await control.waitFor();
      // The whole suggestion list, open: the hypothetical prompt is not among it before the press.
      const more = page.locator('.prompts-more');
      await more.click();
      expect(await more.getAttribute('aria-expanded')).toBe('true');
      expect(await bodyText()).not.toContain(PC_WORDS[lang]);

      // Alt+P: recorded, with its Undo line; the hypothetical prompt is now offered.
      const offered = (yes: boolean) => waitForPageText(page, PC_WORDS[lang], yes);
      await page.keyboard.press('Alt+KeyP');
      await page.getByTestId('person-named-undo').waitFor();
      // Undo (Alt+Z) at once, inside its window: the withdrawal is recorded, the prompt withdrawn.
      await page.keyboard.press('Alt+KeyZ');
      await page.getByTestId('person-named-undo').waitFor({ state: 'detached' });
      await offered(false);
      // Pressed again: the prompt is offered again.
      await control.click();
      await page.getByTestId('person-named-undo').waitFor();
      await offered(true);
      for (const size of [
        { width: 1366, height: 768 },
        { width: 1024, height: 700 },
      ]) {
        await page.setViewportSize(size);
        expect(await sidewaysOverflow(page)).toEqual([]);
        // The header's buttons never sit over a control of the right column (every one is checked).
        const headBoxes = await boxesOf(page.locator('.live-head button'));
        const sideBoxes = await boxesOf(page.locator('.live-side :is(button, summary, input, a)'));
        expect(headBoxes.length).toBeGreaterThanOrEqual(3);
        expect(sideBoxes.length).toBeGreaterThan(0);
        const covered = headBoxes.flatMap((a) => sideBoxes.filter((b) => overlaps(a, b)));
        expect({ width: size.width, covered }).toEqual({ width: size.width, covered: [] });
        violations.push(
          ...(await capture(page, `person-named-${lang}-${size.width}`, { fullPage: false })),
        );
      }
      await page.setViewportSize({ width: 1366, height: 768 });

      // Lock and unlock: the session comes back with its plan choices and the standing press, so
      // the control is still there and the prompt is still offered.
      await button(t('nav.lock')).click();
      await button(t('lockGuard.lock')).click();
      await page.getByRole('heading', { name: t('unlock.title'), exact: true }).waitFor();
      await label(t('unlock.username')).fill('ada');
      await label(t('unlock.passphrase')).fill(PASSPHRASE);
      await button(t('unlock.submit')).click();
      await note.waitFor();
      await control.waitFor();
      if ((await more.getAttribute('aria-expanded')) !== 'true') await more.click();
      await offered(true);

      // The record holds the press, its withdrawal and the press again, in that order.
      const sessions = await h.core.invoke('sessions.list', {});
      if (!sessions.ok) throw new Error(sessions.error.message);
      const sessionId = (sessions.value as { sessions: Array<{ sessionId: string }> }).sessions[0]!
        .sessionId;
      const timeline = await h.core.invoke('sessions.timeline', { sessionId });
      if (!timeline.ok) throw new Error(timeline.error.message);
      const types = (timeline.value as { events: Array<{ type: string }> }).events
        .map((e) => e.type)
        .filter((type) => type.startsWith('person-named'));
      expect(types).toEqual(['person-named', 'person-named-withdrawn', 'person-named']);
      expect(violations).toEqual([]);
      expect(h.pageErrors).toEqual([]);
    } finally {
      await h.close();
    }
  },
);
