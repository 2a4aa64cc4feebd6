// The observation room's window as a standalone page (electron opens it as a second window;
// its binary cannot run here): a suggestion sent from it reaches the interviewer's queue, the
// page shows nothing of the record, axe finds no serious violation. And the recovery kit
// rendered for print: who, which vault, when, how, and no focus ring.
// Screenshots: tests/e2e/screenshots/observer-window-*, recovery-kit-print-*.
import enUi from '../../locales/en/ui.json';
import esUi from '../../locales/es/ui.json';
import enTeam from '../../locales/en/team.json';
import esTeam from '../../locales/es/team.json';
import { capture, launch, ORIGIN, SCREENSHOTS } from './harness';

jest.setTimeout(600_000); // a loaded 2-core machine is slow; nothing here is timed

const PASSPHRASE = 'correct horse battery staple';

function lookup(catalog: unknown, key: string): string {
  let node: unknown = catalog;
  for (const part of key.split('.')) node = (node as Record<string, unknown>)[part];
  if (typeof node !== 'string') throw new Error(`no text for ${key}`);
  return node;
}

async function observerWindow(lang: 'en' | 'es') {
  const ui = (key: string) => lookup(lang === 'en' ? enUi : esUi, key);
  const tm = (key: string) => lookup(lang === 'en' ? enTeam : esTeam, key);
  const h = await launch({ uiLanguage: lang });
  const { page } = h;
  try {
    // First run to the recovery kit, rendered as print media.
    await page.goto(`${ORIGIN}/index.html`);
    await page.getByLabel(ui('firstRun.username'), { exact: true }).fill('ada');
    await page.getByLabel(ui('firstRun.displayName'), { exact: true }).fill('Ada Admin');
    await page.getByLabel(ui('firstRun.passphrase'), { exact: true }).fill(PASSPHRASE);
    await page.getByLabel(ui('firstRun.confirm'), { exact: true }).fill(PASSPHRASE);
    await page.getByRole('button', { name: ui('firstRun.create'), exact: true }).click();
    await page.getByRole('heading', { name: ui('recoveryKit.title') }).waitFor({ timeout: 60_000 });
    await page.emulateMedia({ media: 'print' });
    const outline = await page.evaluate<string>(
      `getComputedStyle(document.activeElement).outlineStyle`,
    );
    expect(outline).toBe('none');
    const kit = await page.locator('.kit-card').innerText();
    expect(kit).toContain('Ada Admin (ada)');
    expect(kit).toContain(ui('recoveryKit.howTitle'));
    await page.screenshot({
      path: `${SCREENSHOTS}/recovery-kit-print-${lang}.png`,
      fullPage: true,
    });
    await page.emulateMedia({ media: 'screen' });

    const created = await h.core.invoke('cases.create', {
      reference: 'CAC-OBS-1',
      childAlias: 'Luz',
      childAgeYears: 12,
      language: lang,
    });
    if (!created.ok) throw new Error('case');
    const started = await h.core.invoke('sessions.start', {
      caseId: (created.value as { caseId: string }).caseId,
      protocolId: 'nichd',
      mode: 'live',
      language: lang,
      observers: [],
    });
    if (!started.ok) throw new Error('session');
    const sessionId = (started.value as { sessionId: string }).sessionId;

    await page.setViewportSize({ width: 560, height: 680 });
    // A fresh load, as electron's new window is (a hash change alone does not reload).
    await page.goto(`${ORIGIN}/index.html#observer/${sessionId}`);
    await page.reload();
    await page.getByRole('heading', { name: tm('observerWindow.title') }).waitFor();
    // Nothing of the record: no top bar, no notes, no queue.
    expect(await page.locator('.topbar, .notes, .suggestion-list').count()).toBe(0);
    await page.getByLabel(tm('observers.role'), { exact: true }).selectOption('cps');
    const question =
      lang === 'en' ? 'Ask who she talks to online.' : 'Pregunte con quién habla en línea.';
    await page.getByLabel(tm('observers.text'), { exact: true }).fill(question);
    await page.getByRole('button', { name: tm('observers.send'), exact: true }).click();
    await page.getByText(tm('observers.sent')).waitFor();
    const violations = await capture(page, `observer-window-${lang}`);
    const queue = await h.core.invoke('observers.queue', { sessionId });
    expect(
      queue.ok && (queue.value as { suggestions: Array<{ text: string }> }).suggestions,
    ).toEqual([expect.objectContaining({ text: question })]);
    expect(violations).toEqual([]);
    expect(h.pageErrors).toEqual([]);
  } finally {
    await h.close();
  }
}

test('observer window and printed recovery kit, English', () => observerWindow('en'));
test('observer window and printed recovery kit, Spanish', () => observerWindow('es'));
