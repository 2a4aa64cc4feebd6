// "Suggested next" on the live screen at laptop sizes, in English and Spanish (Spanish prompts
// are longer): every suggestion the interviewer can see is whole, never cut mid-line by its
// scroll box, the first one is always in view, and none is clipped sideways. Screenshots at
// 1366×768, 1280×800 and 1024×700 (tests/e2e/screenshots/live-prompts-*), axe: no serious.
import en from '../../locales/en/ui.json';
import es from '../../locales/es/ui.json';
import enTeam from '../../locales/en/team.json';
import esTeam from '../../locales/es/team.json';
import { capture, launch, startFirstInterview, type Harness } from './harness';

jest.setTimeout(600_000);

const PASSPHRASE = 'correct horse battery staple';
const SIZES = [
  { width: 1024, height: 700 },
  { width: 1280, height: 800 },
  { width: 1366, height: 768 },
] as const;

type Catalog = typeof en;
function text(
  catalog: Catalog | typeof enTeam,
  key: string,
  vars: Record<string, string | number> = {},
): string {
  let node: unknown = catalog;
  for (const part of key.split('.')) node = (node as Record<string, unknown>)[part];
  if (typeof node !== 'string') throw new Error(`no text for ${key}`);
  return node.replace(/\{\{(\w+)\}\}/g, (_m, name: string) => String(vars[name]));
}

/** What the user sees of the suggestions, as rectangles measured in the page. */
const MEASURE = `(() => {
  const box = document.querySelector('.screen.live .prompts');
  const b = box.getBoundingClientRect();
  const visibleTop = Math.max(b.top, 0);
  const visibleBottom = Math.min(b.bottom, window.innerHeight);
  const items = [...box.querySelectorAll('li.prompt')].map((li) => {
    const r = li.getBoundingClientRect();
    const text = li.querySelector('.prompt-text');
    return {
      text: text.textContent.slice(0, 40),
      shown: r.bottom > visibleTop + 1 && r.top < visibleBottom - 1,
      whole: r.top >= visibleTop - 1 && r.bottom <= visibleBottom + 1,
      sideways: text.scrollWidth > text.clientWidth + 1 || r.right > window.innerWidth,
    };
  });
  return { count: items.length, items, clipped: box.scrollHeight > box.clientHeight + 1, noteBox: (() => {
    const r = document.getElementById('note-text').getBoundingClientRect();
    return r.top >= 0 && r.bottom <= window.innerHeight;
  })() };
})()`;

/** Whether the question hint (with its "Try instead", its reason and source) and the note box are
 * all wholly inside the window, the hint comes right after the box (nothing taller than a help
 * line between), and the newest saved note shows whole in the list (newcomer review 6, F9). */
const HINT_IN_VIEW = `(() => {
  const inView = (r) => r.top >= 0 && r.bottom <= window.innerHeight && r.right <= window.innerWidth;
  const hint = document.querySelector('.screen.live .question-hint').getBoundingClientRect();
  const note = document.getElementById('note-text').getBoundingClientRect();
  const reason = document.querySelector('.screen.live .hint-reason');
  const rows = [...document.querySelectorAll('.screen.live .note-list .notes > li')];
  const list = document.querySelector('.screen.live .note-list').getBoundingClientRect();
  const newest = rows.length ? rows[rows.length - 1].getBoundingClientRect() : null;
  return {
    hint: hint.height > 0 && inView(hint),
    reason: reason !== null && inView(reason.getBoundingClientRect()),
    noteBox: inView(note),
    below: hint.top >= note.bottom && hint.top - note.bottom < 80,
    newestNote: newest !== null && inView(newest) && newest.top >= list.top - 1 && newest.bottom <= list.bottom + 1,
  };
})()`;

interface Measured {
  count: number;
  items: { text: string; shown: boolean; whole: boolean; sideways: boolean }[];
  clipped: boolean;
  noteBox: boolean;
}

async function promptsAt(lang: 'en' | 'es') {
  const L = lang === 'en' ? en : es;
  const t = (key: string, vars?: Record<string, string | number>) => text(L, key, vars);
  const h: Harness = await launch({ uiLanguage: lang });
  const { page } = h;
  const violations: string[] = [];
  const label = (name: string) => page.getByLabel(name, { exact: true });
  try {
    await page.setViewportSize(SIZES[2]);
    await startFirstInterview(page, t, 'CAC-PROMPTS-1', PASSPHRASE);

    // The question hint sits right under the note box and is in view with it at every size,
    // with the turn plain and with it marked interpreted (newcomer review 5, F1).
    const tm = (key: string) => text(lang === 'en' ? enTeam : esTeam, key);
    // Three saved notes first: the list must keep the newest one in view beside the hint.
    const saved =
      lang === 'en'
        ? ['Tell me everything about what happened.', 'We went to the park.', 'Looked at the door.']
        : ['Cuéntame todo lo que pasó.', 'Fuimos al parque.', 'Miró la puerta.'];
    for (const note of saved) {
      await label(t('live.noteLabel')).fill(note);
      await label(t('live.noteLabel')).press('Enter');
      await page.locator('.note-list .notes > li', { hasText: note }).waitFor();
    }
    const suggestive =
      lang === 'en' ? 'Did he touch you on the bike?' : '¿Te tocó en la bicicleta?';
    await label(t('live.noteLabel')).fill(suggestive);
    await page.getByTestId('question-hint').getByText(t('live.tryInstead')).waitFor();
    for (const interpreted of [false, true]) {
      if (interpreted) await label(tm('interpreted.toggle')).check();
      // Unticked, the own-words fields stay closed; ticked, they open below the hint.
      expect(await label(tm('interpreted.rendering')).count()).toBe(interpreted ? 1 : 0);
      for (const size of SIZES) {
        await page.setViewportSize(size);
        await page.evaluate(
          'new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))',
        );
        const where = await page.evaluate<Record<string, boolean>>(HINT_IN_VIEW);
        // Ticked, the own-words fields open below the hint and may push the list's rows away.
        expect({ interpreted, size, ...where }).toEqual({
          interpreted,
          size,
          hint: true,
          reason: true,
          noteBox: true,
          below: true,
          newestNote: interpreted ? where.newestNote : true,
        });
        if (!interpreted)
          violations.push(
            ...(await capture(page, `live-hint-${lang}-${size.width}x${size.height}`)),
          );
      }
    }
    await label(tm('interpreted.toggle')).uncheck();
    await label(t('live.noteLabel')).fill('');
    await page.setViewportSize(SIZES[2]);

    // Every phase's suggestions (Alt+N moves on), at every size.
    const seen: Record<string, Measured> = {};
    for (let phase = 0; phase < 4; phase++) {
      for (const size of SIZES) {
        await page.setViewportSize(size);
        await page.evaluate(
          'new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))',
        );
        const m = await page.evaluate<Measured>(MEASURE);
        seen[`phase ${phase} ${size.width}x${size.height}`] = m;
        if (phase < 2)
          violations.push(
            ...(await capture(
              page,
              `live-prompts-${lang}-phase${phase}-${size.width}x${size.height}`,
            )),
          );
        if (m.count > 0) {
          expect({ phase, size, first: m.items[0] }).toMatchObject({
            phase,
            size,
            first: { shown: true, whole: true, sideways: false },
          });
        }
        // Whatever is shown is whole: no suggestion is cut mid-line by the box's edge.
        expect({ phase, size, cut: m.items.filter((i) => i.shown && !i.whole) }).toEqual({
          phase,
          size,
          cut: [],
        });
        expect({ phase, size, noteBox: m.noteBox, clipped: m.clipped }).toEqual({
          phase,
          size,
          noteBox: true,
          clipped: false,
        });
        // The other suggestions, shown on request, are whole too: the box grows, never clips.
        const more = page.locator('.prompts-more');
        if ((await more.count()) > 0) {
          await more.click();
          const all = await page.evaluate<Measured>(MEASURE);
          expect(all.count).toBeGreaterThan(m.count);
          expect({
            phase,
            size,
            clipped: all.clipped,
            sideways: all.items.filter((i) => i.sideways),
          }).toEqual({
            phase,
            size,
            clipped: false,
            sideways: [],
          });
          if (phase === 0 && size.width === 1024)
            violations.push(
              ...(await capture(page, `live-prompts-${lang}-all-${size.width}x${size.height}`)),
            );
          await more.click();
        }
      }
      await page.locator('#note-text').focus();
      await page.keyboard.press('Alt+KeyN');
      await page.locator('.phase-undo').waitFor();
    }
    expect(Object.values(seen).some((m) => m.count > 0)).toBe(true);
    expect(violations).toEqual([]);
    expect(h.pageErrors).toEqual([]);
  } finally {
    await h.close();
  }
}

test('suggested next is whole at laptop sizes, English', () => promptsAt('en'));
test('suggested next is whole at laptop sizes, Spanish', () => promptsAt('es'));
