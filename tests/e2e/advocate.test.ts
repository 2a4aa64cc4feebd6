// Issue #19 in Chromium against a real core: the family advocate signs in through the unlock
// screen and sees only the Hand-offs screen (referrals.list), in English and in Spanish; the
// screen is captured (tests/e2e/screenshots) and checked with axe-core.
import enUi from '../../locales/en/ui.json';
import esUi from '../../locales/es/ui.json';
import enTeam from '../../locales/en/team.json';
import esTeam from '../../locales/es/team.json';
import { capture, launch, ORIGIN } from './harness';

jest.setTimeout(600_000); // a loaded 2-core machine is slow; nothing here is timed

const PASSPHRASE = 'correct horse battery staple';
const ADVOCATE = {
  username: 'avery',
  displayName: 'Avery Advocate',
  passphrase: 'advocate pass 123456',
};

const text = (catalog: unknown, key: string): string => {
  let node: unknown = catalog;
  for (const part of key.split('.')) node = (node as Record<string, unknown>)[part];
  if (typeof node !== 'string') throw new Error(`no text for ${key}`);
  return node;
};

describe.each(['en', 'es'] as const)('family advocate in Chromium (%s)', (lang) => {
  test('signs in to the Hand-offs screen only', async () => {
    const ui = (key: string) => text(lang === 'en' ? enUi : esUi, key);
    const tm = (key: string) => text(lang === 'en' ? enTeam : esTeam, key);
    const h = await launch({ uiLanguage: lang });
    try {
      await h.core.invoke('vault.create', {
        username: 'ada',
        displayName: 'Ada Admin',
        passphrase: PASSPHRASE,
      });
      const created = await h.core.invoke('cases.create', {
        reference: 'ADV-1',
        childAlias: 'Luz',
        childAgeYears: 9,
        language: lang,
        interpreterNeeded: false,
        allegationSummary: 'Referral from school',
        allegationBlind: false,
      });
      if (!created.ok) throw new Error(created.error.code);
      const { caseId } = created.value as { caseId: string };
      const updated = await h.core.invoke('planning.update', {
        caseId,
        handoffs: [{ service: 'medical', status: 'handed-off' }, { service: 'advocacy' }],
      });
      if (!updated.ok) throw new Error(updated.error.code);
      const added = await h.core.invoke('users.add', { ...ADVOCATE, role: 'advocate' });
      if (!added.ok) throw new Error(added.error.code);
      await h.core.invoke('vault.lock', {});

      await h.page.goto(`${ORIGIN}/index.html`);
      await h.page.getByLabel(ui('unlock.username'), { exact: true }).fill(ADVOCATE.username);
      await h.page.getByLabel(ui('unlock.passphrase'), { exact: true }).fill(ADVOCATE.passphrase);
      await h.page.getByRole('button', { name: ui('unlock.submit'), exact: true }).click();

      const table = h.page.getByRole('table', { name: tm('handoffs.caption') });
      await table.waitFor();
      expect(await table.getByRole('row').count()).toBe(3);
      expect(await h.page.getByRole('button', { name: ui('nav.cases'), exact: true }).count()).toBe(
        0,
      );
      const violations = await capture(h.page, `advocate-${lang}-handoffs`);
      expect(violations).toEqual([]);
      expect(h.pageErrors).toEqual([]);
    } finally {
      await h.close();
    }
  });
});
