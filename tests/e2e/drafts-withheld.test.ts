// Red team 18, R18-1 follow-up (sec41), as the interviewer sees it: a colleague's own client
// replaced her pending note draft (a leading question). After her next sign-in the core leaves
// it out (sessions.drafts `withheld`), and the app says so above the Cases screen, calmly, with
// what to do, in English and in Spanish; the planted text appears nowhere on the page. The
// planting uses the colleague's real key through the Vault object the core drives (the threat
// model of tests/helpers/red-team.ts); what she sees is the real renderer on the real core.
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
const OLA_PASS = 'ola interviewing passphrase';
const IVAN_PASS = 'ivan interviewing passphrase';
const MARKER = 'QPLANTEDQ';

test.each(['en', 'es'] as const)(
  'the interviewer is told a draft someone else wrote was left out (%s)',
  async (lang) => {
    const ui = textsOf(lang === 'en' ? en : es);
    const h: Harness = await launch({ uiLanguage: lang });
    const { page } = h;
    const invoke = coreCaller(h);
    const { button } = controls(page);
    try {
      await completeFirstRun(page, ui, PASSPHRASE);
      for (const [username, passphrase] of [
        ['ola', OLA_PASS],
        ['ivan', IVAN_PASS],
      ] as const)
        await invoke('users.add', {
          username,
          displayName: username,
          role: 'interviewer',
          passphrase,
        });

      // Ola starts a live interview and locks with an unsent question (as the app's lock does).
      const core = h.core as Parameters<typeof signInAs>[0];
      await signInAs(core, 'ola', OLA_PASS);
      const { caseId } = await invoke('cases.create', {
        reference: 'CAC-E2E-1',
        childAlias: 'Robin',
        childAgeYears: 8,
        language: 'en',
      });
      const { sessionId } = await invoke('sessions.start', {
        caseId,
        protocolId: 'nichd',
        mode: 'live',
        language: 'en',
      });
      await invoke('sessions.saveDrafts', {
        drafts: [{ sessionId, kind: 'question', text: 'Tell me more about dinner.' }],
      });

      // Ivan's client replaces her draft with a leading question, signed with his own key. Her
      // draft is under her personal key (R19-6): he cannot read it, but he writes a newer version
      // under the session key, which he holds (the row's version number is cleartext).
      const v = await signInAs(core, 'ivan', IVAN_PASS);
      const id = `${sessionId}~draft~ola`;
      const seq = v.records.seqOf(id)!;
      v.write('sessions.saveDrafts', 'user:ola', (put) =>
        put(
          {
            recordId: id,
            containerId: sessionId!,
            kind: 'draft',
            seq: seq + 1,
            keyRef: `session:${sessionId}`,
          },
          {
            sessionId,
            username: 'ola',
            kind: 'question',
            text: `Did he touch you? ${MARKER}`,
            savedAt: new Date().toISOString(),
          },
        ),
      );
      await invoke('vault.lock', {});

      // Ola signs in through the page.
      await signInOnScreen(page, ui, 'ola', OLA_PASS);
      const notice = page.getByTestId('drafts-withheld');
      await notice.waitFor();
      expect(await notice.textContent()).toBe(
        `${ui('lockGuard.draftsWithheld_one')} ${ui('lockGuard.dismiss')}`,
      );
      expect(await page.textContent('body')).not.toContain(MARKER);
      expect(await capture(page, `drafts-withheld-${lang}`, { fullPage: false })).toEqual([]);
      await button(ui('lockGuard.dismiss')).click();
      await notice.waitFor({ state: 'detached' });
    } finally {
      await h.close();
    }
  },
);
