// Settings → Vault check → "Confirm where signed audit starts, from a backup" (issue 15, red team
// round 6 R6-1) in English and Spanish at 1024×700 and 1366×768
// (tests/e2e/screenshots/confirm-start-*): axe clean, nothing wider than the window. A fresh
// vault has no unconfirmed start, so the core's answers for vault.check and
// vault.confirmAuditStart are replaced in this test only (the core's own refusals and reasons
// are tested in tests/integration/vault/centre-rollback.test.ts); every other call is the real core.
import en from '../../locales/en/ui.json';
import es from '../../locales/es/ui.json';
import type { Core } from '../../src/api/core';
import { capture, completeFirstRun, launch, type Harness } from './harness';

jest.setTimeout(600_000);

const PASSPHRASE = 'correct horse battery staple';
const SIZES = [
  { width: 1024, height: 700 },
  { width: 1280, height: 800 },
  { width: 1366, height: 768 },
] as const;

/**
 * Whether the form's heading and its button are both inside the window once the heading is
 * scrolled to (newcomer 7, finding 12: the long finding above pushed the button off the bottom).
 */
const FORM_IN_VIEW = `(() => {
  const form = document.querySelector('form[aria-labelledby="confirm-start-heading"]');
  const heading = form.querySelector('h3').getBoundingClientRect();
  const button = form.querySelector('button[type="submit"]').getBoundingClientRect();
  return heading.top >= 0 && button.bottom <= window.innerHeight;
})()`;

type Catalog = typeof en;
function text(catalog: Catalog, key: string, vars: Record<string, string | number> = {}): string {
  let node: unknown = catalog;
  for (const part of key.split('.')) node = (node as Record<string, unknown>)[part];
  if (typeof node !== 'string') throw new Error(`no text for ${key}`);
  return node.replace(/\{\{(\w+)\}\}/g, (_m, name: string) => String(vars[name]));
}

const UNCONFIRMED = {
  ok: true,
  value: {
    ok: false,
    problems: [
      {
        kind: 'audit',
        id: 'audit-start',
        code: 'AUDIT_START_UNCONFIRMED',
        values: { column: 22, last: 21 },
        detail: 'AUDIT_START_UNCONFIRMED: …',
      },
    ],
    notices: [],
  },
};

/** The core, except for the two answers this screen needs. */
function stub(core: Core, confirm: () => unknown): void {
  const real = core.invoke.bind(core);
  core.invoke = ((channel: string, payload: unknown) => {
    if (channel === 'vault.check') return Promise.resolve(UNCONFIRMED);
    if (channel === 'vault.confirmAuditStart') return Promise.resolve(confirm());
    return real(channel, payload);
  }) as Core['invoke'];
}

test.each(['en', 'es'] as const)(
  '%s: the confirm form, a refusal and the outcome',
  async (lang) => {
    const L = lang === 'en' ? en : es;
    const t = (key: string, vars?: Record<string, string | number>) => text(L, key, vars);
    const h: Harness = await launch({ uiLanguage: lang });
    const { page } = h;
    const violations: string[] = [];
    const button = (name: string) => page.getByRole('button', { name, exact: true });
    const shoot = async (name: string) => {
      for (const size of SIZES) {
        await page.setViewportSize(size);
        await page
          .getByRole('heading', { name: t('settings.confirmStart.title') })
          .scrollIntoViewIfNeeded();
        await page.evaluate(
          'new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))',
        );
        const wide = await page.evaluate<number>(
          'document.documentElement.scrollWidth - document.documentElement.clientWidth',
        );
        expect({ name, size, wide }).toEqual({ name, size, wide: 0 });
        violations.push(
          ...(await capture(page, `confirm-start-${lang}-${name}-${size.width}x${size.height}`, {
            fullPage: false,
          })),
        );
      }
    };
    let answer: unknown = {
      ok: false,
      error: { code: 'CONFLICT', message: 'core English', reason: 'OTHER_VAULT' },
    };
    stub(h.core, () => answer);
    try {
      await page.setViewportSize(SIZES[1]);
      await completeFirstRun(page, t, PASSPHRASE);
      await button(t('nav.settings')).click();
      await button(t('settings.checkRun')).click();
      // The long finding is one line with its full wording folded under it.
      await page
        .getByText(t('settings.checkSummaries.AUDIT_START_UNCONFIRMED', { last: 21 }))
        .waitFor();
      expect(
        await page
          .getByText(t('settings.checkCodes.AUDIT_START_UNCONFIRMED', { last: 21 }))
          .isVisible(),
      ).toBe(false);
      // An empty path: the button is disabled and says why, beside it (newcomer 7, finding 11).
      const run = button(t('settings.confirmStart.run'));
      expect(await run.isDisabled()).toBe(true);
      const why = page.getByText(t('settings.confirmStart.needPath'), { exact: true });
      await why.waitFor();
      expect(await run.getAttribute('aria-describedby')).toBe(await why.getAttribute('id'));
      for (const size of SIZES) {
        await page.setViewportSize(size);
        await page.evaluate(
          "document.getElementById('confirm-start-heading').scrollIntoView({ block: 'start' })",
        );
        expect({ size, inView: await page.evaluate<boolean>(FORM_IN_VIEW) }).toEqual({
          size,
          inView: true,
        });
      }
      await shoot('empty');
      await page
        .getByLabel(t('settings.confirmStart.path'), { exact: true })
        .fill('/media/usb/hearth-backup.db');
      expect(await why.count()).toBe(0);
      await button(t('settings.confirmStart.run')).click();
      await page.getByText(t('settings.confirmStart.errors.OTHER_VAULT.what')).waitFor();
      await shoot('refused');
      answer = { ok: true, value: { auditSignedFrom: 22, unsignedEntries: 21 } };
      await button(t('settings.confirmStart.run')).click();
      await page
        .getByText(t('settings.confirmStart.done_other', { from: 22, count: 21 }))
        .waitFor();
      await shoot('done');
      expect(violations).toEqual([]);
      expect(h.pageErrors).toEqual([]);
    } finally {
      await h.close();
    }
  },
);
