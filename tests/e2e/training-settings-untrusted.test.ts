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
import {
  capture,
  completeFirstRun,
  controls,
  coreCaller,
  launch,
  signInOnScreen,
  textsOf,
  type Harness,
} from './harness';

jest.setTimeout(600_000);

const PASSPHRASE = 'correct horse battery staple';
const TRAINEE_PASS = 'trainee practice passphrase';
const TRAINER_PASS = 'trainer practice passphrase';

test.each(['en', 'es'] as const)(
  'the trainer is told planted settings are ignored (%s)',
  async (lang) => {
    const ui = textsOf(lang === 'en' ? en : es);
    const tr = textsOf(lang === 'en' ? enTraining : esTraining);
    const h: Harness = await launch({ uiLanguage: lang });
    const { page } = h;
    const { button, label } = controls(page);
    const invoke = coreCaller(h);
    try {
      await completeFirstRun(page, ui, PASSPHRASE);
      for (const [username, role, passphrase] of [
        ['tess', 'trainer', TRAINER_PASS],
        ['tom', 'interviewer', TRAINEE_PASS],
      ] as const) {
        await invoke('users.add', { username, displayName: username, role, passphrase });
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
      await signInOnScreen(page, ui, 'tess', TRAINER_PASS);
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
