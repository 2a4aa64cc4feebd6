// The screens the #19/#20/#21 review fixes touched, in Chromium against a real core, in English
// and Spanish, at 1280×800 and 1024×700: nothing sticks out sideways (user text wraps), axe finds
// no serious violation, and each is captured (tests/e2e/screenshots/fixes-*) to be looked at.
// First run with its language switch; the plan record's named languages and readable sources;
// the live note box with the own-words language list; a PNG chosen as a transcript; an import
// with its speaker mapping in the report; Settings' backup refusing a relative path; unlock.
import { join } from 'node:path';
import enUi from '../../locales/en/ui.json';
import esUi from '../../locales/es/ui.json';
import enTeam from '../../locales/en/team.json';
import esTeam from '../../locales/es/team.json';
import { capture, launch, ORIGIN, sidewaysOverflow } from './harness';

jest.setTimeout(600_000); // two flows on a loaded 2-core machine took over 300 s (speed22); nothing here is timed

const PASSPHRASE = 'correct horse battery staple';
const SIZES = [
  { width: 1280, height: 800 },
  { width: 1024, height: 700 },
] as const;
const LONG = `N${'o'.repeat(298)}!`;

function lookup(catalog: unknown, key: string, vars: Record<string, string | number> = {}): string {
  let node: unknown = catalog;
  for (const part of key.split('.')) node = (node as Record<string, unknown>)[part];
  if (typeof node !== 'string') throw new Error(`no text for ${key}`);
  return node.replace(/\{\{(\w+)\}\}/g, (_m, name: string) => String(vars[name]));
}

async function screens(lang: 'en' | 'es') {
  const ui = (key: string, vars?: Record<string, string | number>) =>
    lookup(lang === 'en' ? enUi : esUi, key, vars);
  const tm = (key: string) => lookup(lang === 'en' ? enTeam : esTeam, key);
  const h = await launch({ uiLanguage: lang });
  const { page } = h;
  const problems: string[] = [];
  const look = async (name: string) => {
    for (const size of SIZES) {
      await page.setViewportSize(size);
      for (const o of await sidewaysOverflow(page)) problems.push(`${name} ${size.width}: ${o}`);
      problems.push(...(await capture(page, `fixes-${lang}-${name}-${size.width}x${size.height}`)));
    }
    await page.setViewportSize(SIZES[0]);
  };
  const button = (name: string) => page.getByRole('button', { name, exact: true });
  const label = (name: string) => page.getByLabel(name, { exact: true });
  try {
    await page.goto(`${ORIGIN}/index.html`);
    await page.getByRole('heading', { name: ui('firstRun.title') }).waitFor();
    await look('first-run');
    await h.core.invoke('vault.create', {
      username: 'ada',
      displayName: 'Ada Admin',
      passphrase: PASSPHRASE,
    });
    const reference = `CAC-${LONG}`.slice(0, 64);
    await h.core.invoke('cases.create', {
      reference,
      childAlias: 'Luz',
      childAgeYears: 15,
      language: 'mam',
      interpreterNeeded: true,
    });
    await page.goto(`${ORIGIN}/index.html`);
    await button(ui('cases.planFor', { reference })).click();
    await page.getByRole('heading', { name: tm('planning.title') }).waitFor();
    await label(tm('planning.interpreterNeeded')).check();
    await label(tm('planning.childLanguage')).selectOption('mam');
    await look('plan');
    await label(ui('plan.confirmBand')).check();
    await button(ui('plan.start')).click();
    const box = label(ui('live.noteLabel'));
    await box.waitFor();
    await label(tm('interpreted.toggle')).check();
    await label(tm('interpreted.language')).selectOption('mam');
    await label(tm('interpreted.rendering')).fill(LONG);
    await box.fill(LONG);
    await look('live');

    await button(ui('nav.report')).click();
    await page.setInputFiles('#transcript-file', {
      name: 'transcript.vtt',
      mimeType: 'text/vtt',
      buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]),
    });
    await page.getByTestId('import-problem').waitFor();
    await look('import-png');
    await page.setInputFiles('#transcript-file', {
      name: 'zoom.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from(
        [
          '[Dana Reyes] 00:00:01',
          'Tell me everything about your day at school.',
          `[${LONG.slice(0, 30)}] 00:00:04`,
          'We painted pictures and then we had lunch.',
        ].join('\n'),
      ),
    });
    await label('Dana Reyes').selectOption('interviewer');
    await label(LONG.slice(0, 30)).selectOption('child');
    await button(ui('transcript.import')).click();
    await page.getByRole('table', { name: ui('report.speakers') }).waitFor();
    await look('report-mapping');

    await button(ui('nav.settings')).click();
    await label(ui('settings.backupPath')).fill('backup.db');
    await button(ui('settings.backupRun')).click();
    await page.getByText(ui('fieldErrors.path.what')).waitFor();
    await label(ui('settings.backupPath')).fill(join(h.workDir, 'backup.db'));
    await button(ui('settings.backupRun')).click();
    await page.getByText(join(h.workDir, 'backup.db')).waitFor();
    await look('settings');

    await button(ui('nav.lock')).click();
    // The unsent live note makes Lock ask first (it is kept through the core).
    await button(ui('lockGuard.lock')).click();
    await page.getByRole('heading', { name: ui('unlock.title') }).waitFor();
    await look('unlock');
    expect(problems).toEqual([]);
    expect(h.pageErrors).toEqual([]);
  } finally {
    await h.close();
  }
}

test('the fixed screens in English', () => screens('en'));
test('the fixed screens in Spanish', () => screens('es'));
