// perf22 (issue #22): Settings → Vault check on a vault where 50,000 key versions were planted
// outside Hearth, in English and Spanish (tests/e2e/screenshots/check-groups-*): one line per code
// with its exact count, its first 20 findings and how many more were counted, not 50,000 list
// items; axe clean, nothing wider than the window. The report is the real core's, from a vault
// planted with SQL before the app starts; the app's core (a fresh vault, which cannot be planted
// while it holds the file) answers vault.check with that report, every other call is its own.
import { randomBytes } from 'node:crypto';
import Database from 'better-sqlite3';
import en from '../../locales/en/ui.json';
import es from '../../locales/es/ui.json';
import type { Core } from '../../src/api/core';
import { vaultFile } from '../../src/vault';
import { ADMIN, call, makeCore, makeVault, removeDir } from '../helpers/core';
import { capture, completeFirstRun, launch, type Harness } from './harness';

jest.setTimeout(900_000);

const PASSPHRASE = 'correct horse battery staple';
const PLANTED = 50_000;

let report: unknown;
beforeAll(async () => {
  const made = await makeVault();
  const dir = made.vaultDir;
  try {
    await call(made, 'vault.lock', {});
    made.close();
    const db = new Database(vaultFile(dir));
    try {
      const insert = db.prepare('INSERT INTO key_wraps VALUES (?, ?, ?, ?, ?)');
      db.transaction(() => {
        for (let i = 0; i < PLANTED; i++)
          insert.run('class:case', 2 + i, 'user:ivan', randomBytes(24), randomBytes(80));
      })();
    } finally {
      db.close();
    }
    const checker = makeCore(dir);
    try {
      await call(checker, 'vault.unlock', {
        username: ADMIN.username,
        passphrase: ADMIN.passphrase,
      });
      report = await call(checker, 'vault.check', {});
    } finally {
      checker.close();
    }
  } finally {
    removeDir(dir);
  }
});

type Catalog = typeof en;
function text(catalog: Catalog, key: string, vars: Record<string, string | number> = {}): string {
  let node: unknown = catalog;
  for (const part of key.split('.')) node = (node as Record<string, unknown>)[part];
  if (typeof node !== 'string') throw new Error(`no text for ${key}`);
  return node.replace(/\{\{(\w+)\}\}/g, (_m, name: string) => String(vars[name]));
}

function stub(core: Core): void {
  const real = core.invoke.bind(core);
  core.invoke = ((channel: string, payload: unknown) =>
    channel === 'vault.check'
      ? Promise.resolve({ ok: true, value: report })
      : real(channel, payload));
}

test.each(['en', 'es'] as const)('%s: 50,000 planted findings read as one group', async (lang) => {
  const L = lang === 'en' ? en : es;
  const t = (key: string, vars?: Record<string, string | number>) => text(L, key, vars);
  const h: Harness = await launch({ uiLanguage: lang });
  const { page } = h;
  const button = (name: string) => page.getByRole('button', { name, exact: true });
  stub(h.core);
  try {
    await page.setViewportSize({ width: 1280, height: 800 });
    await completeFirstRun(page, t, PASSPHRASE);
    await button(L.nav.settings).click();
    await button(L.settings.checkRun).click();
    const group = page.locator('li.check-group', { hasText: 'KEY_VERSION_UNCERTIFIED' });
    await group.waitFor();
    // The count as the reader's language writes it (es-419: 50,000, as in the US).
    expect(await group.textContent()).toContain('KEY_VERSION_UNCERTIFIED × 50,000');
    expect(await group.textContent()).toContain(
      t('settings.checkGroupFirst', { listed: 20, more: '49,980' }),
    );
    expect(await group.locator('ul > li').count()).toBe(20);
    expect(await page.locator('.check-groups li').count()).toBeLessThan(40);
    await group.scrollIntoViewIfNeeded();
    const wide = await page.evaluate<number>(
      'document.documentElement.scrollWidth - document.documentElement.clientWidth',
    );
    expect(wide).toBe(0);
    await page.locator('#settings-check').scrollIntoViewIfNeeded();
    const violations = await capture(page, `check-groups-${lang}-1280x800`, { fullPage: false });
    violations.push(...(await capture(page, `check-groups-${lang}-full`)));
    expect(violations).toEqual([]);
    expect(h.pageErrors).toEqual([]);
  } finally {
    await h.close();
  }
});
