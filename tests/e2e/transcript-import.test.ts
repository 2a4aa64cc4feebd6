// Transcript import in Chromium against a real core, in English and Spanish: choose a file,
// see the preview (format, warnings, labels with counts, first turns), give each label a role,
// import, read the report; a malformed paste shows the line and the next step. Screenshots in
// tests/e2e/screenshots; axe-core must report no serious or critical violations.
import { join } from 'node:path';
import en from '../../locales/en/ui.json';
import es from '../../locales/es/ui.json';
import { capture, launch, ORIGIN, type Harness } from './harness';

jest.setTimeout(600_000); // a loaded 2-core machine took 185 s for one of these

const PASSPHRASE = 'correct horse battery staple';
const FIXTURES = join(__dirname, '..', 'fixtures', 'transcripts');

function lookup(catalog: unknown, key: string, vars: Record<string, string | number> = {}) {
  let node: unknown = catalog;
  for (const part of key.split('.')) node = (node as Record<string, unknown>)[part];
  if (typeof node !== 'string') throw new Error(`no text for ${key}`);
  return node.replace(/\{\{(\w+)\}\}/g, (_m, name: string) => String(vars[name]));
}

const PEOPLE = {
  en: { file: 'en-otter.txt', interviewer: 'Dana Reyes', child: 'Sam' },
  es: { file: 'es-otter.txt', interviewer: 'Lucía Torres', child: 'Mateo' },
} as const;

async function importJourney(lang: 'en' | 'es') {
  const ui = (key: string, vars?: Record<string, string | number>) =>
    lookup(lang === 'en' ? en : es, key, vars);
  const people = PEOPLE[lang];
  const h: Harness = await launch({ uiLanguage: lang });
  const { page } = h;
  const violations: string[] = [];
  const snap = async (name: string) =>
    violations.push(...(await capture(page, `import-${lang}-${name}`)));
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

    await button(ui('nav.report')).click();
    await heading(ui('transcript.title')).waitFor();
    // A malformed paste: the line and what to do.
    await label(ui('transcript.pasteLabel')).fill(
      '1\n00:00:01,000 --> 00:00:02,000\nInterviewer: hi\n\n2\n00:00:03 --> soon\nChild: yes',
    );
    await button(ui('transcript.readPasted')).click();
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toContain(ui('transcript.atLine', { line: 6 }));
    expect(await alert.textContent()).toContain(ui('transcript.problems.BAD_TIMING.next'));
    await snap('1-error');

    // The interview language starts as the app's language (it decides how questions are coded).
    expect(await label(ui('plan.language')).inputValue()).toBe(lang);
    await page.setInputFiles('#transcript-file', join(FIXTURES, people.file));
    await page.getByTestId('preview-summary').waitFor();
    expect(await page.getByTestId('preview-summary').textContent()).toBe(
      ui('transcript.summary_other', {
        format: ui('transcript.formats.name-time'),
        encoding: 'UTF-8',
        count: 4,
      }),
    );
    expect(await button(ui('transcript.import')).isDisabled()).toBe(true);
    await snap('2-preview');
    await label(people.interviewer).selectOption('interviewer');
    await label(people.child).selectOption('child');
    await snap('3-mapping');
    await button(ui('transcript.import')).click();
    await page.getByTestId('import-summary').waitFor({ timeout: 30_000 });
    await heading(ui('report.strip')).waitFor();
    // Untimed or timed, the report is in the interview's language: no English suggestion in es.
    if (lang === 'es') expect(await page.getByText(/Tell me|You said/).count()).toBe(0);
    await snap('4-report');
    expect(h.pageErrors).toEqual([]);
    expect(violations).toEqual([]);
  } finally {
    await h.close();
  }
}

test('import a transcript in English: error, preview, mapping, report', () => importJourney('en'));
test('importar una transcripción en español: error, vista previa, papeles, informe', () =>
  importJourney('es'));
