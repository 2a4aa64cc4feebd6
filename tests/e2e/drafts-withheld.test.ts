// Red team 18, R18-1 follow-up (sec41), as the interviewer sees it: a colleague's own client
// replaced her pending note draft (a leading question). After her next sign-in the core leaves
// it out (sessions.drafts `withheld`), and the app says so above the Cases screen, calmly, with
// what to do, in English and in Spanish; the planted text appears nowhere on the page. The
// planting uses the colleague's real key through the Vault object the core drives (the threat
// model of tests/helpers/red-team.ts); what she sees is the real renderer on the real core.
import en from '../../locales/en/ui.json';
import es from '../../locales/es/ui.json';
import { signInAs } from '../helpers/red-team';
import { capture, launch, ORIGIN, type Harness } from './harness';

jest.setTimeout(600_000);

const PASSPHRASE = 'correct horse battery staple';
const OLA_PASS = 'ola interviewing passphrase';
const IVAN_PASS = 'ivan interviewing passphrase';
const MARKER = 'QPLANTEDQ';

function lookup(catalog: unknown, key: string, vars: Record<string, string | number> = {}) {
  let node: unknown = catalog;
  for (const part of key.split('.')) node = (node as Record<string, unknown>)[part];
  if (typeof node !== 'string') throw new Error(`no text for ${key}`);
  return node.replace(/\{\{(\w+)\}\}/g, (_m, name: string) => String(vars[name]));
}

test.each(['en', 'es'] as const)(
  'the interviewer is told a draft someone else wrote was left out (%s)',
  async (lang) => {
    const ui = (key: string, vars?: Record<string, string | number>) =>
      lookup(lang === 'en' ? en : es, key, vars);
    const h: Harness = await launch({ uiLanguage: lang });
    const { page } = h;
    const invoke = async <T = Record<string, string>>(
      channel: string,
      payload: unknown,
    ): Promise<T> => {
      const r = (await h.core.invoke(channel, payload)) as { ok: boolean; value?: T };
      expect(r).toMatchObject({ ok: true });
      return r.value as T;
    };
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
      await page.goto(`${ORIGIN}/index.html`);
      await heading(ui('unlock.title')).waitFor();
      await label(ui('unlock.username')).fill('ola');
      await label(ui('unlock.passphrase')).fill(OLA_PASS);
      await button(ui('unlock.submit')).click();
      await heading(ui('cases.title')).waitFor({ timeout: 30_000 });
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
