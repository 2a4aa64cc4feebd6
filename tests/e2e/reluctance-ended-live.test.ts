// Issue #18 (review B3/E2): the child was noted reluctant in session 1 of an extended interview;
// session 2's live screen, in Chromium against a real core, says "Reluctance carried from session
// 1, <date>." with its source (the revised NICHD protocol; the research in the tooltip) and offers
// "Reluctance ended". Pressing it seals a `reluctance-ended` event naming session 1 and the line
// goes. Screenshots at 1024×700 and 1440×900 in English and Spanish
// (tests/e2e/screenshots/reluctance-ended-*), axe: no serious violations, nothing sideways, the
// note box and the button in view.
import en from '../../locales/en/ui.json';
import es from '../../locales/es/ui.json';
import enProtocolsUi from '../../locales/en/protocols-ui.json';
import esProtocolsUi from '../../locales/es/protocols-ui.json';
import { capture, completeFirstRun, launch, sidewaysOverflow, type Harness } from './harness';

jest.setTimeout(600_000);

const PASSPHRASE = 'correct horse battery staple';
const SIZES = [
  { width: 1024, height: 700 },
  { width: 1440, height: 900 },
];

function lookup(catalog: unknown, key: string, vars: Record<string, string | number> = {}) {
  let node: unknown = catalog;
  for (const part of key.split('.')) node = (node as Record<string, unknown>)[part];
  if (typeof node !== 'string') throw new Error(`no text for ${key}`);
  return node.replace(/\{\{(\w+)\}\}/g, (_m, name: string) => String(vars[name] ?? ''));
}

async function invoke<T>(h: Harness, channel: string, payload: unknown): Promise<T> {
  const r = (await h.core.invoke(channel, payload)) as {
    ok: boolean;
    value?: unknown;
    error?: unknown;
  };
  if (!r.ok) throw new Error(`${channel}: ${JSON.stringify(r.error)}`);
  return r.value as T;
}

type Box = { x: number; y: number; width: number; height: number } | null;
const inView = (box: Box, size: { width: number; height: number }) =>
  box !== null &&
  box.y >= 0 &&
  box.y + box.height <= size.height &&
  box.x + box.width <= size.width;

test.each(['en', 'es'] as const)(
  '%s: reluctance carried into session 2, then ended',
  async (lang) => {
    const ui = lang === 'en' ? en : es;
    const pui = lang === 'en' ? enProtocolsUi : esProtocolsUi;
    const t = (key: string, vars?: Record<string, string | number>) => lookup(ui, key, vars);
    const tp = (key: string, vars?: Record<string, string | number>) => lookup(pui, key, vars);
    const h = await launch({ uiLanguage: lang });
    const { page } = h;
    const violations: string[] = [];
    const button = (name: string) => page.getByRole('button', { name, exact: true });
    const label = (name: string) => page.getByLabel(name, { exact: true });
    const heading = (name: string) => page.getByRole('heading', { name, exact: true });
    try {
      await completeFirstRun(page, t, PASSPHRASE);
      const reference = `CAC-${lang.toUpperCase()}-REL-END`;
      const { caseId } = await invoke<{ caseId: string }>(h, 'cases.create', {
        reference,
        childAlias: lang === 'en' ? 'Mia' : 'Lucía',
        childAgeYears: 8,
        language: lang,
      });
      // Session 1 (the first of 2): the child noted reluctant in the transition, then sealed.
      const { sessionId: first } = await invoke<{ sessionId: string }>(h, 'sessions.start', {
        caseId,
        protocolId: 'nichd',
        mode: 'live',
        language: lang,
        extended: { plannedSessions: 2 },
      });
      await invoke(h, 'sessions.enterPhase', { sessionId: first, phaseId: 'transition' });
      await invoke(h, 'sessions.markReluctance', { sessionId: first });
      await invoke(h, 'sessions.finalize', { sessionId: first });
      const { startedAt } = await invoke<{ startedAt: string }>(h, 'sessions.get', {
        sessionId: first,
      });

      // Session 2: continues session 1, started on the plan screen.
      await page.reload();
      await heading(t('cases.title')).waitFor();
      await button(t('nav.cases')).first().click();
      await button(t('cases.planFor', { reference })).click();
      await heading(t('plan.title')).waitFor();
      await label(t('plan.confirmBand')).check();
      await label(tp('plan.extended.continues')).check();
      await page.locator(`#plan-ext-earlier-${first}`).check();
      await heading(tp('plan.extended.heading', { index: 2, planned: 2 })).waitFor();
      await button(t('plan.start')).click();
      const note = label(t('live.noteLabel'));
      await note.waitFor({ timeout: 30_000 });

      // Where the reluctance came from: session 1 and the day it started, in the screen's words.
      const day = await page.evaluate(
        ([iso, language]) =>
          new Date(iso).toLocaleDateString(language, { month: 'short', day: 'numeric' }),
        [startedAt, lang] as const,
      );
      const row = page.getByTestId('reluctance-row');
      await row.waitFor();
      expect(
        await page.getByTestId('reluctance-status').locator('summary').textContent(),
      ).toContain(t('live.reluctance.carried', { index: 1, date: day }));
      // Its source: the revised NICHD protocol, the research behind it in the tooltip; inside the
      // fold (ui30: open under the line it took 6 lines in Spanish at 1024×700 and cut the hint
      // under the note box), and the line says where it is ("· source").
      const summary = page.getByTestId('reluctance-status').locator('summary');
      expect(await summary.textContent()).toContain(`· ${t('live.reluctance.sourceMark')}`);
      const source = page.getByTestId('reluctance-source');
      expect(await source.textContent()).toContain('NICHD Revised Protocol, 2014');
      expect(await source.innerHTML()).toContain('Hershkowitz, Lamb &amp; Katz, 2014');
      const end = row.getByRole('button', { name: t('live.reluctance.end'), exact: true });
      const help = page.locator('#note-help');
      // The closed line: at most two lines of the summary's type, whatever the language.
      type Styles = { getComputedStyle(el: unknown): { lineHeight: string } };
      const lineHeight = parseFloat(
        await summary.evaluate(
          (el) => (globalThis as unknown as Styles).getComputedStyle(el).lineHeight,
        ),
      );
      for (const size of SIZES) {
        await page.setViewportSize(size);
        expect(await sidewaysOverflow(page)).toEqual([]);
        violations.push(
          ...(await capture(page, `reluctance-ended-${lang}-carried-${size.width}`, {
            fullPage: false,
          })),
        );
        expect({
          size,
          note: inView(await note.boundingBox(), size),
          help: inView(await help.boundingBox(), size),
          end: inView(await end.boundingBox(), size),
        }).toEqual({ size, note: true, help: true, end: true });
        expect((await summary.boundingBox())!.height).toBeLessThanOrEqual(2 * lineHeight + 1);
        expect(await source.isVisible()).toBe(false);
        // Opened from the keyboard, the source comes first and the note box stays in view.
        await summary.focus();
        await page.keyboard.press('Enter');
        await source.waitFor({ state: 'visible' });
        violations.push(
          ...(await capture(page, `reluctance-ended-${lang}-carried-open-${size.width}`, {
            fullPage: false,
          })),
        );
        expect({ size, note: inView(await note.boundingBox(), size) }).toEqual({
          size,
          note: true,
        });
        await page.keyboard.press('Enter');
        await source.waitFor({ state: 'hidden' });
      }

      // "Reluctance ended": sealed with the session it was carried from; the line goes.
      await end.click();
      await row.waitFor({ state: 'detached' });
      const { sessions } = await invoke<{ sessions: Array<{ sessionId: string }> }>(
        h,
        'sessions.list',
        { caseId, mode: 'live' },
      );
      const second = sessions.find((s) => s.sessionId !== first)!.sessionId;
      const timeline = await invoke<{ events: Array<{ type: string; fromSession?: number }> }>(
        h,
        'sessions.timeline',
        { sessionId: second },
      );
      expect(timeline.events.filter((e) => e.type === 'reluctance-ended')).toEqual([
        expect.objectContaining({ fromSession: 1 }),
      ]);
      for (const size of SIZES) {
        await page.setViewportSize(size);
        expect(await sidewaysOverflow(page)).toEqual([]);
        violations.push(
          ...(await capture(page, `reluctance-ended-${lang}-after-${size.width}`, {
            fullPage: false,
          })),
        );
        expect({ size, note: inView(await note.boundingBox(), size) }).toEqual({
          size,
          note: true,
        });
      }
      expect(violations).toEqual([]);
      expect(h.pageErrors).toEqual([]);
    } finally {
      await h.close();
    }
  },
);
