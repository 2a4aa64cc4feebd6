// `npm run renderer:screens [-- --out DIR] [-- --lang en|es]`: the renderer's first screens in
// Chromium without Electron (newcomer 26, F7: the README said the renderer works in Chromium but
// not how; dist/renderer opened plainly shows an error screen, because window.hearth, which
// Electron's preload provides, is missing). It uses the e2e harness (harness.ts): Debian's
// /usr/bin/chromium, the built renderer served under the app's Content Security Policy, and
// window.hearth bound to a real core on a temporary vault that is deleted afterwards. It walks
// first run → recovery kit → the empty case list → sign-in, with a made-up user and passphrase,
// and writes one PNG per screen into DIR (default renderer-screens/). Nothing else is written.
import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import en from '../../locales/en/ui.json';
import es from '../../locales/es/ui.json';
import { DIST, launch, ORIGIN } from './harness';

/** The screens written, in order (file names without ".png"). */
export const SCREENS = ['1-first-run', '2-recovery-kit', '3-cases', '4-sign-in'] as const;

/** Made up for the walk; the vault it opens is temporary and deleted afterwards. */
const USER = 'newcomer';
const PASSPHRASE = 'a practice passphrase, deleted afterwards';

function text(catalog: unknown, key: string): string {
  let node: unknown = catalog;
  for (const part of key.split('.')) node = (node as Record<string, unknown>)[part];
  if (typeof node !== 'string') throw new Error(`no text for ${key}`);
  return node;
}

/**
 * Writes the first screens' PNGs into `outDir` (created if missing) in `lang`. Returns their full
 * paths and the problems the page reported (console errors, CSP violations, exceptions).
 * Throws when dist/renderer is not built (the message says to run npm run build).
 */
export async function writeScreens(
  outDir: string,
  lang: 'en' | 'es' = 'en',
): Promise<{ files: string[]; pageErrors: string[]; workDir: string }> {
  if (!existsSync(join(DIST, 'index.html')))
    throw new Error('the renderer is not built yet: run npm run build first, then this again');
  mkdirSync(outDir, { recursive: true });
  const t = (key: string) => text(lang === 'en' ? en : es, key);
  const h = await launch({ uiLanguage: lang });
  const { page } = h;
  const files: string[] = [];
  const shot = async (name: string) => {
    const file = join(outDir, `${name}.png`);
    await page.screenshot({ path: file, fullPage: true });
    files.push(file);
  };
  const label = (name: string) => page.getByLabel(name, { exact: true });
  const button = (name: string) => page.getByRole('button', { name, exact: true });
  const heading = (name: string) => page.getByRole('heading', { name, exact: true });
  try {
    await page.goto(`${ORIGIN}/index.html`);
    await heading(t('firstRun.title')).waitFor();
    await label(t('firstRun.username')).fill(USER);
    await label(t('firstRun.displayName')).fill('Newcomer');
    await label(t('firstRun.passphrase')).fill(PASSPHRASE);
    await label(t('firstRun.confirm')).fill(PASSPHRASE);
    await shot(SCREENS[0]);
    await button(t('firstRun.create')).click();
    await heading(t('recoveryKit.title')).waitFor({ timeout: 60_000 });
    await shot(SCREENS[1]);
    await label(t('recoveryKit.confirm')).check();
    await button(t('recoveryKit.continue')).click();
    await heading(t('cases.title')).waitFor();
    await shot(SCREENS[2]);
    await button(t('nav.lock')).click();
    await heading(t('unlock.title')).waitFor();
    await shot(SCREENS[3]);
    // The harness's temporary folder (vault and downloads), removed when it closes below.
    return { files, pageErrors: [...h.pageErrors], workDir: h.workDir };
  } finally {
    await h.close();
  }
}

async function main(argv: string[]): Promise<number> {
  const at = (flag: string) => {
    const i = argv.indexOf(flag);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const lang = at('--lang') ?? 'en';
  if (lang !== 'en' && lang !== 'es') {
    process.stderr.write('renderer:screens: --lang takes en or es\n');
    return 2;
  }
  const outDir = resolve(at('--out') ?? 'renderer-screens');
  try {
    const { files, pageErrors } = await writeScreens(outDir, lang);
    process.stdout.write(`Screens of the renderer (Chromium, no Electron), in ${outDir}:\n`);
    for (const f of files) process.stdout.write(`  ${f}\n`);
    for (const e of pageErrors) process.stderr.write(`page reported: ${e}\n`);
    return pageErrors.length === 0 ? 0 : 1;
  } catch (error) {
    process.stderr.write(
      `renderer:screens: ${(error as Error).message}; nothing else was written\n`,
    );
    return 1;
  }
}

if (require.main === module) void main(process.argv.slice(2)).then((code) => process.exit(code));
