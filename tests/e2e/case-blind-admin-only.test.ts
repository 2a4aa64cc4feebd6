// R24-8 as an interviewer sees it: the case form shows the allegation-blind setting disabled,
// with the reason in its hint (only an admin can turn it on or off), in English and Spanish; the
// admin sees it enabled. Real renderer, real core. Screenshots:
// tests/e2e/screenshots/case-blind-interviewer-{en,es}.png.
import en from '../../locales/en/ui.json';
import es from '../../locales/es/ui.json';
import {
  capture,
  completeFirstRun,
  controls,
  launch,
  signInOnScreen,
  textsOf,
  type Harness,
} from './harness';

jest.setTimeout(600_000);

const PASSPHRASE = 'correct horse battery staple';
const OLA_PASS = 'ola interviewing passphrase';

test.each(['en', 'es'] as const)(
  'an interviewer sees the allegation-blind setting disabled with who can change it (%s)',
  async (lang) => {
    const ui = textsOf(lang === 'en' ? en : es);
    const h: Harness = await launch({ uiLanguage: lang });
    const { page } = h;
    const { button, label } = controls(page);
    try {
      await completeFirstRun(page, ui, PASSPHRASE);
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

      await signInOnScreen(page, ui, 'ola', OLA_PASS);
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
