// sec52 (issue #15, timeline placeholders), as a colleague sees it: ola's sealed interview on an
// allegation-blind case holds one event sealed under the case's allegation key (revealed to her,
// not to ivan). Ivan opens the sealed interview from the Cases screen: the timeline shows every
// event he may read and, in its place, a calm placeholder that says it is not shown to his role,
// who can read it and who wrote it; the seal box says why he cannot check the seal himself. The
// event's words appear nowhere on the page. Real renderer, real core; the event is written by
// ola's own client through the Vault the core drives (tests/helpers/red-team.ts threat model).
// Screenshots: tests/e2e/screenshots/timeline-withheld-{en,es}.png.
import en from '../../locales/en/ui.json';
import es from '../../locales/es/ui.json';
import { RecordStore } from '../../src/vault/records';
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
const MARKER = 'QWITHHELDQ';

let underKey: string | undefined;
const R = RecordStore.prototype as unknown as Record<string, (...args: never[]) => unknown>;
const realPut = R.put!;
R.put = function (this: RecordStore, ...args: never[]) {
  const [address, ...rest] = args as unknown as [{ keyRef: string; kind: string }, ...unknown[]];
  const moved =
    underKey && address.kind === 'event' && address.keyRef.startsWith('session:')
      ? { ...address, keyRef: underKey }
      : address;
  return realPut.apply(this, [moved, ...rest] as never[]);
};

test.each(['en', 'es'] as const)(
  'a colleague sees an event sealed for other roles as a placeholder in the sealed timeline (%s)',
  async (lang) => {
    const ui = textsOf(lang === 'en' ? en : es);
    const h: Harness = await launch({ uiLanguage: lang });
    const { page } = h;
    const invoke = coreCaller(h);
    const { heading } = controls(page);
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
      const { caseId } = await invoke('cases.create', {
        reference: 'CAC-E2E-7',
        childAlias: 'Robin',
        childAgeYears: 8,
        language: 'en',
        allegationSummary: 'Team information (blind).',
        allegationBlind: true,
      });
      await invoke('cases.revealAllegationTo', { caseId, username: 'ola' });

      const core = h.core as Parameters<typeof signInAs>[0];
      await signInAs(core, 'ola', OLA_PASS);
      const { sessionId } = await invoke('sessions.start', {
        caseId,
        protocolId: 'nichd',
        mode: 'live',
        language: 'en',
      });
      const note = (text: string) =>
        invoke('sessions.addNote', { sessionId, kind: 'observation', text });
      await note('Robin settled with the drawing pad.');
      underKey = `allegation:${caseId}`;
      try {
        await note(`Team information discussed at the break. ${MARKER}`);
      } finally {
        underKey = undefined;
      }
      await note('Robin asked for water.');
      await invoke('sessions.finalize', { sessionId });
      await invoke('vault.lock', {});

      await signInOnScreen(page, ui, 'ivan', IVAN_PASS);
      await page.getByRole('button', { name: new RegExp(ui('session.status.sealed')) }).click();
      await heading(ui('finish.sealedTitle')).waitFor();
      const placeholder = page.locator('tr.withheld');
      await placeholder.waitFor();
      const row = (await placeholder.textContent()) ?? '';
      expect(row).toContain(ui('finish.withheld.event'));
      expect(row).toContain('ola');
      await page.getByText(ui('finish.withheld.cannotVerify')).waitFor();
      expect(await page.textContent('body')).not.toContain(MARKER);
      expect(await page.textContent('body')).not.toContain(ui('finish.verifiedBad'));
      // The count in the heading includes the placeholder (5 events: start, 3 notes, seal).
      expect(await page.textContent('body')).toContain(
        lang === 'en' ? '5 events over' : '5 eventos',
      );
      expect(await capture(page, `timeline-withheld-${lang}`)).toEqual([]);
    } finally {
      await h.close();
    }
  },
);
