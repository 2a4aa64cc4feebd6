// Red team 17, R17-3, as the trainer sees it: a trainee's own client planted the centre's
// training settings (a 5% "Good open questioning" threshold). The trainer's Progress tab says
// that the stored settings are ignored, who wrote them, and what to do, in English and in
// Spanish, and the field shows Hearth's default (50%), not the planted value. The planting uses
// the trainee's real key through the Vault object the core drives (the threat model of
// tests/helpers/red-team.ts); everything the trainer sees is the real renderer on the real core.
import enTraining from '../../locales/en/training-ui.json';
import esTraining from '../../locales/es/training-ui.json';
import en from '../../locales/en/ui.json';
import es from '../../locales/es/ui.json';
import { signInAs } from '../helpers/red-team';
import { capture, launch, ORIGIN, type Harness } from './harness';

jest.setTimeout(600_000);

const PASSPHRASE = 'correct horse battery staple';
const TRAINEE_PASS = 'trainee practice passphrase';
const TRAINER_PASS = 'trainer practice passphrase';

function lookup(catalog: unknown, key: string, vars: Record<string, string | number> = {}) {
  let node: unknown = catalog;
  for (const part of key.split('.')) node = (node as Record<string, unknown>)[part];
  if (typeof node !== 'string') throw new Error(`no text for ${key}`);
  return node.replace(/\{\{(\w+)\}\}/g, (_m, name: string) => String(vars[name]));
}

test.each(['en', 'es'] as const)(
  'the trainer is told planted settings are ignored (%s)',
  async (lang) => {
    const ui = (key: string, vars?: Record<string, string | number>) =>
      lookup(lang === 'en' ? en : es, key, vars);
    const tr = (key: string, vars?: Record<string, string | number>) =>
      lookup(lang === 'en' ? enTraining : esTraining, key, vars);
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
      for (const [username, role, passphrase] of [
        ['tess', 'trainer', TRAINER_PASS],
        ['tom', 'interviewer', TRAINEE_PASS],
      ] as const) {
        const r = await h.core.invoke('users.add', {
          username,
          displayName: username,
          role,
          passphrase,
        });
        expect(r).toMatchObject({ ok: true });
      }

      // Tom's own client writes the settings record with a 5% threshold, signed by his own key.
      // signInAs uses only the core's calls; the harness core has no recovery kit fields.
      const v = await signInAs(h.core as Parameters<typeof signInAs>[0], 'tom', TRAINEE_PASS);
      v.write('training.setSettings', undefined, (put) =>
        put(
          {
            recordId: 'training-settings',
            containerId: 'training',
            kind: 'training-settings',
            seq: 1,
            keyRef: 'class:practice',
          },
          {
            goodInvitationShare: 0.05,
            updatedBy: 'tom',
            updatedAt: new Date().toISOString(),
            version: 1,
            history: [{ version: 0, goodInvitationShare: 0.05 }],
          },
        ),
      );
      expect(await h.core.invoke('vault.lock', {})).toMatchObject({ ok: true });

      // Tess signs in through the page and opens Training, Progress.
      await page.goto(`${ORIGIN}/index.html`);
      await heading(ui('unlock.title')).waitFor();
      await label(ui('unlock.username')).fill('tess');
      await label(ui('unlock.passphrase')).fill(TRAINER_PASS);
      await button(ui('unlock.submit')).click();
      await heading(ui('cases.title')).waitFor({ timeout: 30_000 });
      await button(ui('nav.training')).click();
      await button(tr('tabs.progress')).click();
      const notice = page.getByRole('alert').filter({ hasText: 'tom' });
      await notice.waitFor();
      expect(await notice.textContent()).toBe(
        tr('settings.untrusted', { version: 1, writer: 'tom' }),
      );
      expect(await label(tr('settings.goodShare')).inputValue()).toBe('50');
      expect(await capture(page, `training-${lang}-settings-untrusted`)).toEqual([]);
    } finally {
      await h.close();
    }
  },
);
