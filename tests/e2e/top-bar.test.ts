// The top bar stays one row at laptop sizes in English and Spanish (a second row costs the live
// interview its note box at 1024×700), with a short and a long display name, on the cases
// screen and on the live interview. Every control keeps an accessible name that starts with
// its visible label (WCAG 2.5.3). Screenshots: tests/e2e/screenshots/topbar-*.
import enUi from '../../locales/en/ui.json';
import esUi from '../../locales/es/ui.json';
import { capture, launch, ORIGIN, sidewaysOverflow } from './harness';

jest.setTimeout(600_000); // a loaded 2-core machine is slow; nothing here is timed

const PASSPHRASE = 'correct horse battery staple';
const SIZES = [
  { width: 1366, height: 768 },
  { width: 1280, height: 800 },
  { width: 1024, height: 700 },
] as const;

function lookup(catalog: unknown, key: string, vars: Record<string, string | number> = {}): string {
  let node: unknown = catalog;
  for (const part of key.split('.')) node = (node as Record<string, unknown>)[part];
  if (typeof node !== 'string') throw new Error(`no text for ${key}`);
  return node.replace(/\{\{(\w+)\}\}/g, (_m, name: string) => String(vars[name]));
}

/** The top bar's rows (distinct vertical centres of its visible controls) and any control
 * whose accessible name does not start with what it shows. */
const MEASURE = `(() => {
  const bar = document.querySelector('.topbar');
  const controls = [...bar.querySelectorAll('.brand, button, .signed-in')].filter((el) => {
    const r = el.getBoundingClientRect();
    return r.width > 0 && r.height > 0 && !el.closest('.lock-confirm');
  });
  const centres = [];
  for (const el of controls) {
    const r = el.getBoundingClientRect();
    const c = (r.top + r.bottom) / 2;
    if (!centres.some((x) => Math.abs(x - c) < 8)) centres.push(c);
  }
  const names = [];
  for (const b of bar.querySelectorAll('button')) {
    // What shows: text whose element is drawn bigger than the 1-pixel visually-hidden box.
    let shown = '';
    const walk = document.createTreeWalker(b, NodeFilter.SHOW_TEXT);
    while (walk.nextNode()) {
      const r = walk.currentNode.parentElement.getBoundingClientRect();
      if (r.width > 1 && r.height > 1) shown += walk.currentNode.textContent;
    }
    const visible = shown.replace(/\\s+/g, ' ').trim().toLowerCase();
    const name = (b.getAttribute('aria-label') || b.textContent).replace(/\\s+/g, ' ').trim().toLowerCase();
    if (!name.startsWith(visible)) names.push(visible + ' / ' + name);
  }
  return { rows: centres.length, height: Math.round(bar.getBoundingClientRect().height), names };
})()`;

async function topBar(lang: 'en' | 'es') {
  const ui = (key: string, vars?: Record<string, string | number>) =>
    lookup(lang === 'en' ? enUi : esUi, key, vars);
  const h = await launch({ uiLanguage: lang });
  const { page } = h;
  const problems: string[] = [];
  const look = async (name: string) => {
    for (const size of SIZES) {
      await page.setViewportSize(size);
      await page.evaluate(
        'new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))',
      );
      const m = await page.evaluate<{ rows: number; height: number; names: string[] }>(MEASURE);
      if (m.rows !== 1) problems.push(`${name} ${size.width}x${size.height}: ${m.rows} rows`);
      for (const n of m.names) problems.push(`${name}: name does not start with label: ${n}`);
      for (const o of await sidewaysOverflow(page)) problems.push(`${name} ${size.width}: ${o}`);
      problems.push(
        ...(await capture(page, `topbar-${lang}-${name}-${size.width}x${size.height}`, {
          fullPage: false,
        })),
      );
    }
  };
  try {
    await h.core.invoke('vault.create', {
      username: 'ada',
      displayName: 'Ada Admin',
      passphrase: PASSPHRASE,
    });
    await h.core.invoke('users.add', {
      username: 'maria',
      displayName: 'María Fernanda Gutiérrez de la Rosa',
      role: 'interviewer',
      passphrase: PASSPHRASE,
    });
    await h.core.invoke('cases.create', {
      reference: 'CAC-TOP-1',
      childAlias: 'Mia',
      childAgeYears: 8,
      language: lang,
    });
    await page.goto(`${ORIGIN}/index.html`);
    await page.getByRole('heading', { name: ui('cases.title') }).waitFor();
    await look('cases');
    await page
      .getByRole('button', { name: ui('cases.planFor', { reference: 'CAC-TOP-1' }) })
      .click();
    await page.getByLabel(ui('plan.confirmBand'), { exact: true }).check();
    await page.getByRole('button', { name: ui('plan.start'), exact: true }).click();
    await page.getByLabel(ui('live.noteLabel'), { exact: true }).waitFor();
    await look('live');
    // A long display name is cut with an ellipsis, never a second row.
    await h.core.invoke('vault.lock', {});
    await h.core.invoke('vault.unlock', { username: 'maria', passphrase: PASSPHRASE });
    await page.goto(`${ORIGIN}/index.html`);
    await page.getByRole('heading', { name: ui('cases.title') }).waitFor();
    await look('long-name');
    expect(problems).toEqual([]);
    expect(h.pageErrors).toEqual([]);
  } finally {
    await h.close();
  }
}

test('one top-bar row at laptop sizes, English', () => topBar('en'));
test('one top-bar row at laptop sizes, Spanish', () => topBar('es'));
