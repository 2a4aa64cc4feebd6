// Issue #19 audit B19-11: the observers' suggestion queue at the break, with eight suggestions
// (some long) from every observer role, in English and in Spanish, at 1280×800 and 1024×768.
// What the interviewer relies on: nothing sticks out sideways, each suggestion shows its author's
// role, the queue scrolls inside its own area (the panel's heading stays in view), and every
// decision button is reached with Tab and is fully in view when it has focus. Also captured: the
// plan screen's interpreter box and the finish screen's step for suggestions still waiting.
// Screenshots: tests/e2e/screenshots/break-queue-* (or HEARTH_SHOTS_DIR), each checked with axe.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import enUi from '../../locales/en/ui.json';
import esUi from '../../locales/es/ui.json';
import enTeam from '../../locales/en/team.json';
import esTeam from '../../locales/es/team.json';
import {
  completeFirstRun,
  launch,
  SCREENSHOTS,
  seriousViolations,
  sidewaysOverflow,
  waitForFocus,
} from './harness';

jest.setTimeout(600_000);

const PASSPHRASE = 'correct horse battery staple';
const SHOTS = process.env.HEARTH_SHOTS_DIR ?? SCREENSHOTS;

function lookup(catalog: unknown, key: string, vars: Record<string, string | number> = {}): string {
  let node: unknown = catalog;
  for (const part of key.split('.')) node = (node as Record<string, unknown>)[part];
  if (typeof node !== 'string') throw new Error(`no text for ${key}`);
  return node.replace(/\{\{(\w+)\}\}/g, (_m, name: string) => String(vars[name]));
}

type Role = 'law-enforcement' | 'cps' | 'prosecutor' | 'advocate' | 'medical' | 'other';

/** Eight suggestions as an observation room sends them: short, long, named and not. */
/** The child's last turn before the break: the interpreter's rendering and the own words. */
const CHILD_TURN = {
  en: {
    rendering: 'Daddy said I had to make money for us, so he sold pictures of me online.',
    own: 'Mi papi dijo que tenía que hacer dinero para nosotros, y vendió fotos mías en internet.',
  },
  es: {
    rendering:
      'Mi papi dijo que tenía que hacer dinero para nosotros, y vendió fotos mías en internet.',
    own: 'Daddy said I had to make money for us, so he sold pictures of me online.',
  },
} as const;

const SUGGESTIONS: Record<'en' | 'es', Array<{ role: Role; text: string; name?: string }>> = {
  en: [
    // First, a yes/no question that brings in a place the child never named: the coach's
    // not-recommended reason runs to about ten lines in the queue's column (audit 19g, B19g-3).
    {
      role: 'law-enforcement',
      name: 'Det. Ruiz, County Sheriff',
      text: 'Did he take you to a hotel?',
    },
    {
      role: 'prosecutor',
      name: 'ADA Chen',
      text: 'Ask her to tell more about the evening at the apartment: who else was there, what they were doing, and what happened after the other people left, in as much detail as she can remember.',
    },
    { role: 'cps', text: 'Who does she live with now?' },
    {
      role: 'advocate',
      text: 'Tell me more about the person she called “my friend” when she talked about the car and the trip.',
    },
    { role: 'medical', text: 'Did anything hurt afterwards?' },
    {
      role: 'other',
      text: 'She mentioned an app twice; ask what she uses it for, without naming the app ourselves, and what happens when someone sends her a message there late at night.',
    },
    { role: 'law-enforcement', name: 'Officer Diaz', text: 'Tell me about the money.' },
    { role: 'cps', text: 'Tell me about the last time you saw your mom.' },
  ],
  es: [
    {
      role: 'law-enforcement',
      name: 'Det. Ruiz, Sheriff del condado',
      text: '¿Él te llevó a un hotel?',
    },
    {
      role: 'prosecutor',
      name: 'Fiscal Chen',
      text: 'Pídele que cuente más sobre la noche en el departamento: quién más estaba ahí, qué estaban haciendo y qué pasó después de que las otras personas se fueron, con todo el detalle que recuerde.',
    },
    { role: 'cps', text: '¿Con quién vive ahora?' },
    {
      role: 'advocate',
      text: 'Cuéntame más sobre la persona a la que llamó «mi amigo» cuando habló del carro y del viaje.',
    },
    { role: 'medical', text: '¿Le dolió algo después?' },
    {
      role: 'other',
      text: 'Mencionó una aplicación dos veces; pregúntale para qué la usa, sin que nosotros digamos el nombre, y qué pasa cuando alguien le escribe por ahí tarde en la noche.',
    },
    { role: 'law-enforcement', name: 'Oficial Díaz', text: 'Cuéntame sobre el dinero.' },
    { role: 'cps', text: 'Cuéntame de la última vez que viste a tu mamá.' },
  ],
};

/** Saves what the window shows (not the full page: that is what a person sees) and runs axe. */
async function shot(page: Page, name: string): Promise<string[]> {
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: join(SHOTS, `${name}.png`) });
  return (await seriousViolations(page)).map((v) => `${name}: ${v}`);
}

/** The window sizes the break is checked at (laptops; 1024×768 is the smallest supported). */
const SIZES = [
  { width: 1280, height: 800 },
  { width: 1024, height: 768 },
] as const;

/** The queue's scroll area: its height, how far its content goes, and where its heading is. */
function queueGeometry(page: Page) {
  return page.evaluate<{
    scrolls: boolean;
    headingInView: boolean;
    itemCount: number;
  }>(`(() => {
    const area = document.querySelector('.break-queue');
    const heading = document.getElementById('observer-queue-title');
    const top = heading ? heading.getBoundingClientRect().top : -1;
    return {
      scrolls: !!area && area.scrollHeight > area.clientHeight && getComputedStyle(area).overflowY === 'auto',
      headingInView: top >= 0 && top < window.innerHeight,
      itemCount: area ? area.querySelectorAll('li.suggestion').length : 0,
    };
  })()`);
}

/**
 * How much of the window the queue gets (audit 19d, B19d-4): the visible height of its scroll
 * area, how many cards show whole in it, whether the whole area is inside the window (its
 * buttons are not under the fold of the side column), and whether the note box is still in view.
 */
function queueRoom(page: Page) {
  return page.evaluate<{
    queueHeight: number;
    wholeCards: number;
    areaInWindow: boolean;
    noteBoxInView: boolean;
    lastTurnShown: number;
    lastTurnHeight: number;
    firstCardButtonsShown: boolean;
  }>(`(() => {
    const area = document.querySelector('.break-queue');
    const box = document.getElementById('note-text');
    const list = document.querySelector('.note-list');
    const turn = document.querySelector('.note-list ol.notes li:last-child');
    if (!area || !box || !list || !turn) return { queueHeight: 0, wholeCards: 0, areaInWindow: false, noteBoxInView: false, lastTurnShown: 0, lastTurnHeight: 0, firstCardButtonsShown: false };
    // The part of the child's last turn (with its rendering) inside the note list and the window.
    const l = list.getBoundingClientRect();
    const t = turn.getBoundingClientRect();
    const shown = Math.min(t.bottom, l.bottom, window.innerHeight) - Math.max(t.top, l.top, 0);
    const q = area.getBoundingClientRect();
    const buttons = [...area.querySelectorAll('li.suggestion:first-child .decide-actions button')];
    const firstCardButtonsShown = buttons.length > 0 && buttons.every((el) => {
      const r = el.getBoundingClientRect();
      return r.top >= Math.max(q.top, 0) - 1 && r.bottom <= Math.min(q.bottom, window.innerHeight) + 1;
    });
    const a = area.getBoundingClientRect();
    const top = Math.max(a.top, 0);
    const bottom = Math.min(a.bottom, window.innerHeight);
    const cards = [...area.querySelectorAll('li.suggestion')].filter((c) => {
      const r = c.getBoundingClientRect();
      return r.top >= top - 1 && r.bottom <= bottom + 1;
    });
    const b = box.getBoundingClientRect();
    return {
      queueHeight: Math.round(bottom - top),
      wholeCards: cards.length,
      areaInWindow: a.top >= 0 && a.bottom <= window.innerHeight + 1,
      noteBoxInView: b.top >= 0 && b.bottom <= window.innerHeight + 1,
      lastTurnShown: Math.round(Math.max(shown, 0)),
      lastTurnHeight: Math.round(t.height),
      firstCardButtonsShown,
    };
  })()`);
}

/**
 * Tabs from the queue's first decision button to its last: each focused button must be a
 * decision button of the queue, wholly inside the queue's visible area and the window.
 * Returns the accessible descriptions heard on the way (the suggestion each button is for).
 */
async function tabThroughDecisions(page: Page, count: number): Promise<string[]> {
  await page.locator('.break-queue .decide-actions button').first().focus();
  const heard: string[] = [];
  for (let i = 0; i < count * 3; i++) {
    const where = await page.evaluate<{
      inQueue: boolean;
      visible: boolean;
      described: string;
    }>(`(() => {
      const el = document.activeElement;
      const area = document.querySelector('.break-queue');
      if (!el || !area || !area.contains(el)) return { inQueue: false, visible: false, described: '' };
      const r = el.getBoundingClientRect();
      const a = area.getBoundingClientRect();
      const ids = (el.getAttribute('aria-describedby') || '').split(' ').filter(Boolean);
      const described = ids.map((id) => document.getElementById(id)?.textContent || '').join(' ');
      return {
        inQueue: true,
        visible: r.top >= a.top - 1 && r.bottom <= a.bottom + 1 && r.bottom <= window.innerHeight && r.right <= window.innerWidth,
        described,
      };
    })()`);
    expect({ i, ...where, described: undefined }).toEqual({
      i,
      inQueue: true,
      visible: true,
      described: undefined,
    });
    heard.push(where.described);
    if (i < count * 3 - 1) await page.keyboard.press('Tab');
  }
  return heard;
}

async function breakQueue(lang: 'en' | 'es') {
  const ui = (key: string, vars?: Record<string, string | number>) =>
    lookup(lang === 'en' ? enUi : esUi, key, vars);
  const tm = (key: string, vars?: Record<string, string | number>) =>
    lookup(lang === 'en' ? enTeam : esTeam, key, vars);
  const tag = process.env.HEARTH_SHOTS_TAG ? `-${process.env.HEARTH_SHOTS_TAG}` : '';
  const h = await launch({ uiLanguage: lang });
  const { page } = h;
  const violations: string[] = [];
  const button = (name: string) => page.getByRole('button', { name, exact: true });
  const label = (name: string) => page.getByLabel(name, { exact: true });
  const rooms: Record<string, Awaited<ReturnType<typeof queueRoom>>> = {};
  try {
    await page.setViewportSize({ width: 1280, height: 800 });
    await completeFirstRun(page, ui, PASSPHRASE);
    // The child speaks the other language: the plan asks who interprets.
    const reference = `QUEUE-${lang.toUpperCase()}-1`;
    const created = await h.core.invoke('cases.create', {
      reference,
      childAlias: 'Luz',
      childAgeYears: 15,
      language: lang === 'en' ? 'es' : 'en',
      interpreterNeeded: true,
    });
    if (!created.ok) throw new Error(created.error.message);
    await page.reload();
    await button(ui('cases.planFor', { reference })).click();
    await page.getByRole('heading', { name: ui('plan.title'), exact: true }).waitFor();
    const interpreterBox = page.locator('.interpreter-at-start');
    await interpreterBox.waitFor();
    await interpreterBox.scrollIntoViewIfNeeded();
    violations.push(...(await shot(page, `plan-interpreter-${lang}${tag}`)));
    await interpreterBox.screenshot({
      path: join(SHOTS, `plan-interpreter-box-${lang}${tag}.png`),
    });
    expect(await sidewaysOverflow(page)).toEqual([]);

    await label(ui('plan.confirmBand')).check();
    await button(ui('plan.start')).click();
    await label(ui('live.noteLabel')).waitFor();
    const sessions = await h.core.invoke('sessions.list', {});
    if (!sessions.ok) throw new Error('no sessions');
    const sessionId = (sessions.value as { sessions: Array<{ sessionId: string }> }).sessions[0]!
      .sessionId;
    // The child's last turn before the break, interpreted, with the child's own words: what the
    // team's suggestions are judged against (audit 19f, B19f-3).
    const noteBox = label(ui('live.noteLabel'));
    await noteBox.focus();
    await page.keyboard.press('Alt+Digit2');
    await label(tm('interpreted.toggle')).check();
    await label(tm('interpreted.original')).fill(CHILD_TURN[lang].own);
    await noteBox.fill(CHILD_TURN[lang].rendering);
    await noteBox.press('Enter');
    await page.locator('.note-list ol.notes li', { hasText: CHILD_TURN[lang].rendering }).waitFor();
    for (const s of SUGGESTIONS[lang]) {
      const sent = await h.core.invoke('observers.suggest', { sessionId, ...s });
      if (!sent.ok) throw new Error(sent.error.message);
    }
    await page.getByText(tm('observers.pending_other', { count: 8 })).waitFor();

    await button(`${ui('live.startBreak')} ${ui('live.altKey', { key: 'B' })}`).click();
    await button(ui('liveControls.reasons.team')).click();
    await page.getByText(SUGGESTIONS[lang][7]!.text).waitFor();
    // The break is for the queue: its heading has the focus, not the note box.
    await waitForFocus(page, 'observer-queue-title');
    for (const size of SIZES) {
      await page.setViewportSize(size);
      const name = `break-queue-${lang}-${size.width}x${size.height}${tag}`;
      // Seen and measured from the queue's top (the tab-through at the size before scrolled it).
      await page.evaluate("document.querySelector('.break-queue')?.scrollTo(0, 0)");
      violations.push(...(await shot(page, name)));
      const room = await queueRoom(page);
      rooms[name] = room;
      // B19d-4: the queue's area is whole inside the window and takes about half of its height
      // (it was capped at 100vh − 24rem: 336 px at 1024×768, 368 at 1280×800, 44–46 %), and the
      // note box stays in view beside it.
      expect({
        name,
        areaInWindow: room.areaInWindow,
        noteBoxInView: room.noteBoxInView,
        halfTheWindow: room.queueHeight >= 0.48 * size.height,
        // B19f-3: at both sizes the child's last turn reads whole beside the queue (it showed
        // 83 of 147 px at 1024×768: the note box's interpreter fields now fold at the break),
        // and the first card's decision buttons are whole in the queue's view. The numbers are
        // kept in break-queue-room-*.json. B19g-3: the first card is the worst case, a coach
        // warning of about ten lines; its buttons now come before it.
        lastTurnWhole: room.lastTurnHeight > 0 && room.lastTurnShown >= room.lastTurnHeight - 1,
        firstCardButtonsShown: room.firstCardButtonsShown,
      }).toEqual({
        name,
        areaInWindow: true,
        noteBoxInView: true,
        halfTheWindow: true,
        lastTurnWhole: true,
        firstCardButtonsShown: true,
      });
      expect({ size, overflow: await sidewaysOverflow(page) }).toEqual({ size, overflow: [] });
      expect(await queueGeometry(page)).toEqual({
        scrolls: true,
        headingInView: true,
        itemCount: 8,
      });
      // The first card carries the coach's not-recommended verdict (the case B19g-3 measured).
      expect(
        await page.locator('.break-queue li.suggestion').first().locator('p.notice').innerText(),
      ).toContain(tm('observers.coachWarn', { reason: '' }).trim());
      // Each suggestion names its author's role.
      for (const s of SUGGESTIONS[lang]) {
        const item = page.locator('.break-queue li.suggestion', { hasText: s.text });
        expect(await item.locator('.suggestion-from').innerText()).toContain(
          tm(`observers.roles.${s.role}`),
        );
      }
      const heard = await tabThroughDecisions(page, 8);
      // Every button is heard with the suggestion it decides.
      expect(
        heard.filter((d, i) => !d.includes(SUGGESTIONS[lang][Math.floor(i / 3)]!.text)),
      ).toEqual([]);
    }
    // The room the queue gets, kept beside the screenshots (measured before and after B19d-4).
    writeFileSync(join(SHOTS, `break-queue-room-${lang}${tag}.json`), JSON.stringify(rooms));
    // Scrolled to the end, the last suggestion's buttons work from the keyboard.
    await page.setViewportSize({ width: 1280, height: 800 });
    const last = page.locator('.break-queue li.suggestion').last();
    await last.getByRole('button', { name: tm('observers.decline'), exact: true }).focus();
    await page.keyboard.press('Enter');
    await label(tm('observers.reason')).fill(
      lang === 'en' ? 'Asked already in the first phase.' : 'Ya se preguntó en la primera fase.',
    );
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.getByText(tm('observers.pending_other', { count: 7 })).waitFor();
    violations.push(...(await shot(page, `break-queue-${lang}-after-decline${tag}`)));

    // The break ends with seven undecided; the finish screen asks about them before the seal.
    await button(`${ui('live.endBreak')} ${ui('live.altKey', { key: 'B' })}`).click();
    await button(ui('live.finish')).click();
    await button(tm('handoffStep.skip')).click();
    await page
      .getByRole('heading', { name: tm('pendingStep.title_other', { count: 7 }) })
      .waitFor();
    for (const size of SIZES) {
      await page.setViewportSize(size);
      expect({ size, overflow: await sidewaysOverflow(page) }).toEqual({ size, overflow: [] });
      await page.locator('.pending-step').scrollIntoViewIfNeeded();
      violations.push(
        ...(await shot(page, `finish-pending-${lang}-${size.width}x${size.height}${tag}`)),
      );
    }
    mkdirSync(SHOTS, { recursive: true });
    await page.screenshot({
      path: join(SHOTS, `finish-pending-${lang}-full${tag}.png`),
      fullPage: true,
    });

    expect(violations).toEqual([]);
    expect(h.pageErrors).toEqual([]);
  } finally {
    await h.close();
  }
}

test('break queue with eight suggestions, English', () => breakQueue('en'));
test('break queue with eight suggestions, Spanish', () => breakQueue('es'));
