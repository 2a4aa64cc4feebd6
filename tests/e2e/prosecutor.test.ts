// The receiving end in Chromium against a real core, in English and Spanish: a sealed interview
// is exported encrypted to a passphrase; the verify screen checks it with the centre key, a
// wrong passphrase fails with icon and words, and "Verify and open" writes the verified folder.
// Screens are captured (tests/e2e/screenshots/prosecutor-*) and checked with axe-core.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import en from '../../locales/en/ui.json';
import es from '../../locales/es/ui.json';
import { call } from '../helpers/core';
import { capture, launch, ORIGIN, waitForValue } from './harness';

jest.setTimeout(600_000);

type Catalog = typeof en;
function text(catalog: Catalog, key: string): string {
  let node: unknown = catalog;
  for (const part of key.split('.')) node = (node as Record<string, unknown>)[part];
  if (typeof node !== 'string') throw new Error(`no text for ${key}`);
  return node;
}

const BUNDLE_PASSPHRASE = 'shared by phone 2026 bundle';

async function receive(lang: 'en' | 'es') {
  const t = (key: string) => text(lang === 'en' ? en : es, key);
  const h = await launch({ uiLanguage: lang });
  const { page, core } = h;
  const violations: string[] = [];
  const snap = async (name: string) =>
    violations.push(...(await capture(page, `prosecutor-${lang}-${name}`)));
  const button = (name: string) => page.getByRole('button', { name, exact: true });
  const label = (name: string) => page.getByLabel(name, { exact: true });
  try {
    // The centre's side, through the core: a sealed interview with a team note, exported
    // encrypted to a passphrase with the default choices.
    await call(core, 'vault.create', {
      username: 'ada',
      displayName: 'Ada Admin',
      passphrase: 'correct horse battery staple',
    });
    const { caseId } = await call(core, 'cases.create', {
      reference: 'CAC-2026-0142',
      childAlias: 'Lucía',
      childAgeYears: 8,
      language: lang,
    });
    const { sessionId } = await call(core, 'sessions.start', {
      caseId,
      protocolId: 'nichd',
      mode: 'live',
      language: lang,
    });
    await call(core, 'sessions.addNote', { sessionId, kind: 'child', text: 'la casa roja' });
    await call(core, 'sessions.addNote', { sessionId, kind: 'mdt', text: 'ask about the car' });
    await call(core, 'sessions.finalize', { sessionId });
    const outDir = join(h.workDir, 'sent');
    mkdirSync(outDir);
    const exported = await call(core, 'export.sealed', {
      sessionId,
      outDir,
      passphrase: BUNDLE_PASSPHRASE,
    });

    await page.goto(`${ORIGIN}/index.html`);
    // Settings → Keys: the centre key saved as a file minisign accepts.
    await button(t('nav.settings')).click();
    await page.getByRole('heading', { name: t('settings.keys'), exact: true }).waitFor();
    const centre = await call(core, 'keys.centrePublicKey', {});
    expect(await page.getByTestId('centre-fingerprint').textContent()).toBe(centre.fingerprint);
    const keyFile = join(h.workDir, 'centre.pub');
    await label(t('settings.prosecutorKeys.savePath')).fill(keyFile);
    await page.locator('#centre-key-path').locator('xpath=../..').getByRole('button').click();
    await page.getByText(keyFile, { exact: true }).waitFor();
    expect(readFileSync(keyFile, 'utf8')).toBe(centre.publicKey);
    const staffFile = join(h.workDir, 'staff-keys.txt');
    await label(t('settings.prosecutorKeys.staffPath')).fill(staffFile);
    await page.locator('#staff-list-path').locator('xpath=../..').getByRole('button').click();
    await page.getByText(staffFile, { exact: true }).waitFor();
    expect(
      spawnSync('minisign', ['-V', '-p', keyFile, '-m', staffFile], { encoding: 'utf8' }).status,
    ).toBe(0);
    await snap('settings-keys');

    await button(t('nav.verify')).click();
    await page.getByRole('heading', { name: t('verify.title'), exact: true }).waitFor();
    await label(t('verify.path')).fill(exported.path);
    await button(t('verify.useMine')).click();
    await waitForValue(page, '#verify-key');
    await label(t('verify.unlock.passphrase')).check();

    // A wrong passphrase: a failure by icon, words and colour, and nothing opened.
    await label(t('verify.passphrase')).fill('not the passphrase at all');
    await button(t('verify.run')).click();
    await page.getByRole('heading', { name: t('verify.lockedTitle') }).waitFor({ timeout: 60_000 });
    await page.getByText(t('verify.lockedText')).waitFor();
    await page.getByText(t('verify.failures.DECRYPT_FAILED')).waitFor();
    // Not proven (amber, "?"), not "tampered": a wrong passphrase says nothing about the bundle.
    expect(await page.locator('.verdict-unproven .verdict-icon').textContent()).toBe('?');
    await snap('wrong-passphrase');

    // The right one: verified, then opened into a chosen folder.
    await label(t('verify.passphrase')).fill(BUNDLE_PASSPHRASE);
    const openInto = join(h.workDir, 'received');
    mkdirSync(openInto);
    await label(t('verify.outDir')).fill(openInto);
    await button(t('verify.open')).click();
    await page.getByRole('heading', { name: t('verify.validTitle') }).waitFor({ timeout: 60_000 });
    expect(await page.locator('.verdict-pass .verdict-icon').textContent()).toBe('✓');
    const openedPath = (await page.getByTestId('opened-path').textContent()) ?? '';
    expect(openedPath.startsWith(openInto)).toBe(true);
    expect(readdirSync(openInto)).toHaveLength(1);
    expect(readdirSync(openedPath)).toContain('transcript.pdf');
    // What to compare with the PDF: the session, the grouped fingerprint, the team note withheld.
    await page.getByText(sessionId, { exact: true }).waitFor();
    expect(await page.getByTestId('bundle-fingerprint').textContent()).toMatch(
      /^[0-9A-F]{4}( [0-9A-F]{4})+$/,
    );
    await page
      .locator('dl.compare')
      .getByText(lang === 'en' ? '1 team (MDT) note' : '1 nota de equipo (MDT)')
      .waitFor();
    // The core's caveats, worded in the UI language as `hearth verify --lang` words them, and the sealing time exactly as the PDF prints it.
    expect(
      await page
        .getByTestId('verify-not-proven')
        .getByText(
          lang === 'en'
            ? /A later addendum or export may exist/
            : /Puede haber una adenda o una exportación posterior/,
        )
        .count(),
    ).toBe(1);
    expect(await page.getByTestId('sealed-at').textContent()).toMatch(
      /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} UTC \(/,
    );
    await snap('opened');
    // The verdict is on screen without scrolling at small laptop sizes: above the form and the
    // details, its heading within the window (viewport screenshots, not full page).
    for (const [width, height] of [
      [1024, 700],
      [1024, 768],
      [1366, 768],
    ] as const) {
      await page.setViewportSize({ width, height });
      await page.evaluate('window.scrollTo(0, 0)');
      const box = await page.evaluate<{ top: number; bottom: number; sentence: number }>(`(() => {
        const h = document.querySelector('[data-testid="verify-result"] h2').getBoundingClientRect();
        const p = document.querySelector('[data-testid="verify-result"] .verdict-sentence').getBoundingClientRect();
        return { top: h.top, bottom: h.bottom, sentence: p.bottom };
      })()`);
      expect(box.top).toBeGreaterThanOrEqual(0);
      expect(box.sentence).toBeLessThanOrEqual(height);
      violations.push(
        ...(await capture(page, `prosecutor-${lang}-verdict-${width}x${height}`, {
          fullPage: false,
        })),
      );
    }
    await page.setViewportSize({ width: 1280, height: 800 });

    // The opened folder verifies as a plain folder too.
    await label(t('verify.unlock.none')).check();
    await label(t('verify.path')).fill(openedPath);
    // With the staff list pinned from Settings (and its .minisig): the signers are on it, so the
    // verdict is VALID, not IDENTITY_NOT_PROVEN; the centre key is pinned under a name for next time.
    await label(t('verify.staff.list')).fill(readFileSync(staffFile, 'utf8'));
    await label(t('verify.staff.signature')).fill(readFileSync(`${staffFile}.minisig`, 'utf8'));
    await label(t('verify.staff.remember')).check();
    await label(t('verify.pinned.name')).fill('CAC Valle');
    await button(t('verify.pinned.pin')).click();
    await page.getByTestId('pinned-current').waitFor();
    await button(t('verify.run')).click();
    await page.getByTestId('opened-path').waitFor({ state: 'detached' });
    await page.getByRole('heading', { name: t('verify.validTitle') }).waitFor({ timeout: 60_000 });
    expect(await page.getByTestId('identity-not-proven').count()).toBe(0);
    await page.getByText(t('verify.staffPinned.allOnList'), { exact: false }).waitFor();
    await snap('pinned-staff-list');
    await page.setViewportSize({ width: 1024, height: 700 });
    await snap('pinned-staff-list-1024');
    // A staff list the centre key did not sign is refused, never silently ignored.
    await label(t('verify.staff.signature')).fill('untrusted comment: x\nnot a signature\n');
    await button(t('verify.run')).click();
    await page.getByText(t('verify.notCheckedTitle')).waitFor({ timeout: 60_000 });
    await page.getByText(t('verify.mistakes.pinnedStaffList')).waitFor();
    await snap('pinned-staff-list-unsigned');
    // Next visit: the staff list accepted earlier is filled in from memory, and can be forgotten.
    await button(t('nav.settings')).click();
    await button(t('nav.verify')).click();
    await page.getByTestId('staff-remembered').waitFor();
    expect(await label(t('verify.staff.list')).inputValue()).toBe(readFileSync(staffFile, 'utf8'));
    await snap('staff-list-remembered');
    await button(t('verify.staff.forget')).click();
    expect(await label(t('verify.staff.list')).inputValue()).toBe('');
    expect(await page.getByTestId('staff-remembered').count()).toBe(0);
    expect(violations).toEqual([]);
    expect(h.pageErrors).toEqual([]);
  } finally {
    await h.close();
  }
}

test('receive, verify and open an encrypted bundle in English', () => receive('en'));
test('receive, verify and open an encrypted bundle in Spanish', () => receive('es'));
