// R25-1 as staff see it (sec57 built the notice; this looks at it on screen): one byte of an
// interview's record flipped in the vault file while Hearth is locked. After sign-in the Cases
// screen still lists the case, and says that one of its interviews could not be read, with the
// next step (vault check, then the newest backup), and the case's own row says one of its
// interviews could not be read, in English and Spanish. Real renderer, real
// core, real damage (no stub). Screenshots: tests/e2e/screenshots/cases-unreadable-{en,es}.png.
import Database from 'better-sqlite3';
import en from '../../locales/en/ui.json';
import es from '../../locales/es/ui.json';
import { vaultFile } from '../../src/vault';
import { makeCore } from '../helpers/core';
import {
  capture,
  coreCaller,
  launch,
  sidewaysOverflow,
  signInOnScreen,
  startFirstInterview,
  textsOf,
  type Harness,
} from './harness';

jest.setTimeout(600_000);

const PASSPHRASE = 'correct horse battery staple';

function flipLastByte(vaultDir: string, recordId: string): void {
  const db = new Database(vaultFile(vaultDir));
  try {
    const row = db.prepare('SELECT ciphertext FROM records WHERE record_id = ?').get(recordId) as
      | { ciphertext: Buffer }
      | undefined;
    if (!row) throw new Error('the interview record to damage was not found');
    const flipped = Buffer.from(row.ciphertext);
    flipped.writeUInt8(flipped.readUInt8(flipped.length - 1) ^ 1, flipped.length - 1);
    db.prepare('UPDATE records SET ciphertext = ? WHERE record_id = ?').run(flipped, recordId);
  } finally {
    db.close();
  }
}

test.each(['en', 'es'] as const)(
  'an interview damaged in the file is named on the Cases screen with the next step (%s)',
  async (lang) => {
    const ui = textsOf(lang === 'en' ? en : es);
    const h: Harness = await launch({ uiLanguage: lang });
    const { page } = h;
    const call = coreCaller(h);
    let reopened: ReturnType<typeof makeCore> | undefined;
    try {
      await startFirstInterview(page, ui, 'CAC-2026-017', PASSPHRASE);
      const cases = await call<{ cases: Array<{ caseId: string }> }>('cases.list', {});
      const caseId = cases.cases[0]?.caseId;
      const listed = await call<{ sessions: Array<{ sessionId: string }> }>('sessions.list', { caseId });
      const sessionId = listed.sessions[0]?.sessionId;
      if (!sessionId) throw new Error('the interview just started is not listed');
      await call('vault.lock', {});
      // The core holds the file while it runs; the damage is done with Hearth closed, as an
      // attacker with the file does it, and a new core on the same folder answers the page.
      h.core.close();
      flipLastByte(h.vaultDir, sessionId);
      reopened = makeCore(h.vaultDir);
      h.core.invoke = reopened.invoke.bind(reopened);

      await signInOnScreen(page, ui, 'ada', PASSPHRASE);
      await page.getByRole('rowheader', { name: 'CAC-2026-017' }).waitFor();
      await page.getByText(ui('cases.sessionsUnreadable_one', { count: 1 })).waitFor();
      // The case's own row says it, so the case does not read as never interviewed.
      await page
        .getByRole('row', { name: /CAC-2026-017/ })
        .getByText(ui('cases.rowSessionsUnreadable_one', { count: 1 }))
        .waitFor();
      expect(await sidewaysOverflow(page)).toEqual([]);
      expect(await capture(page, `cases-unreadable-${lang}`)).toEqual([]);
    } finally {
      reopened?.close();
      await h.close();
    }
  },
);
