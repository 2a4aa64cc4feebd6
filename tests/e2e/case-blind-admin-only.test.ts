// R24-8 as an interviewer sees it: the case form shows the allegation-blind setting disabled,
// with the reason in its hint (only an admin can turn it on or off), in English and Spanish; the
// admin sees it enabled. Real renderer, real core. Screenshots:
// tests/e2e/screenshots/case-blind-interviewer-{en,es}.png.
import en from '../../locales/en/ui.json';
import es from '../../locales/es/ui.json';
import { capture, launch, ORIGIN, type Harness } from './harness';

jest.setTimeout(600_000);

const PASSPHRASE = 'correct horse battery staple';
const OLA_PASS = 'ola interviewing passphrase';

function lookup(catalog: unknown, key: string): string {
  let node: unknown = catalog;
  for (const part of key.split('.')) node = (node as Record<string, unknown>)[part];
  if (typeof node !== 'string') throw new Error(`no text for ${key}`);
  return node;
}

test.each(['en', 'es'] as const)(
  'an interviewer sees the allegation-blind setting disabled with who can change it (%s)',
  async (lang) => {
    const ui = (key: string) => lookup(lang === 'en' ? en : es, key);
    const h: Harness = await launch({ uiLanguage: lang });
    const { page } = h;
    const button = (name: string) => page.getByRole('button', { name, exact: true });
    const label = (name: string) => page.getByLabel(name, { exact: true });
    const heading = (name: string) => page.getByRole('heading', { name, exact: true });
    try {
      await page.goto(`${ORIGIN}/index.html`);
      await heading(ui('firstRun.title')).waitFor();
      await label(ui('firstRun.username')).fill('ada');
      await label(ui('firstRun.displayName')).fill('Ada Admin');
      await label(ui('firstRun.passphrase')).fill(PASSPHRASE);
      await label(ui('firstRun.confirm')).fill(PASSPHRASE);
      await button(ui('firstRun.create')).click();
      await heading(ui('recoveryKit.title')).waitFor({ timeout: 30_000 });
      await label(ui('recoveryKit.confirm')).check();
      await button(ui('recoveryKit.continue')).click();
      await heading(ui('cases.title')).waitFor();
      await button(ui('cases.new')).click();
      expect(await label(ui('caseForm.blind')).isEnabled()).toBe(true);
      const added = (await h.core.invoke('users.add', {
        username: 'ola',
        displayName: 'Ola',
        role: 'interviewer',
        passphrase: OLA_PASS,
      })) as { ok: boolean };
      expect(added.ok).toBe(true);
      await h.core.invoke('vault.lock', {});

      await page.goto(`${ORIGIN}/index.html`);
      await heading(ui('unlock.title')).waitFor();
      await label(ui('unlock.username')).fill('ola');
      await label(ui('unlock.passphrase')).fill(OLA_PASS);
      await button(ui('unlock.submit')).click();
      await heading(ui('cases.title')).waitFor({ timeout: 30_000 });
      await button(ui('cases.new')).click();
      const box = label(ui('caseForm.blind'));
      await box.waitFor();
      expect(await box.isDisabled()).toBe(true);
      await page.getByText(ui('caseForm.blindAdminOnly')).waitFor();
      const violations = await capture(page, `case-blind-interviewer-${lang}`);
      expect(violations).toEqual([]);
    } finally {
      await h.close();
    }
  },
);
