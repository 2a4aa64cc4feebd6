// The end-to-end harness: Debian's Chromium (never a browser download) driven by playwright-core,
// the built renderer served from dist/renderer with page.route (no server), under the shell's
// own Content Security Policy, and window.hearth bound with page.exposeBinding to a real core
// on a temporary vault (fast Argon2 parameters).
import AxeBuilder from '@axe-core/playwright';
import axe, { type AxeResults } from 'axe-core';
import { appendFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import type { CoreEvent } from '../../src/api/contract';
import { createCore, type Core } from '../../src/api/core';
import { CONTENT_SECURITY_POLICY } from '../../electron/security';

export const ROOT = join(__dirname, '..', '..');
export const DIST = join(ROOT, 'dist', 'renderer');
export const SCREENSHOTS = join(__dirname, 'screenshots');
export const ORIGIN = 'https://hearth.test';
const FAST_ARGON2 = { opsLimit: 3, memLimitBytes: 64 * 1024 * 1024 };

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
};

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

export interface Harness {
  context: BrowserContext;
  page: Page;
  core: Core;
  vaultDir: string;
  workDir: string;
  /** Problems the page reported (console errors, CSP violations, uncaught exceptions). */
  pageErrors: string[];
  close(): Promise<void>;
}

// One Chromium per test file, started by the first launch(): starting the browser is the
// costliest part of a launch, and each test still gets its own fresh context (no cookies, storage
// or cache carried over), its own core and its own vault. Under jest the browser closes after the
// file's last test; elsewhere (the bench) it closes with the last open harness.
let browser: Promise<Browser> | undefined;
let openHarnesses = 0;
const underJest = typeof afterAll === 'function';
if (underJest) afterAll(() => closeBrowser());

async function closeBrowser(): Promise<void> {
  const started = browser;
  browser = undefined;
  if (started) await (await started).close();
}

function sharedBrowser(): Promise<Browser> {
  browser ??= chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: CHROMIUM_ARGS,
  });
  return browser;
}

/**
 * A fresh browser context on the shared Chromium, with the renderer served from dist/renderer
 * and window.hearth bound to a new core on a new temporary vault.
 */
export async function launch(options: { uiLanguage?: string } = {}): Promise<Harness> {
  const workDir = mkdtempSync(join(tmpdir(), 'hearth-e2e-'));
  const vaultDir = join(workDir, 'vault');
  mkdirSync(vaultDir);
  const pageRef: { current?: Page } = {};
  const core = createCore({
    vaultDir,
    argon2: FAST_ARGON2,
    onEvent: (event: CoreEvent) => {
      void pageRef.current
        ?.evaluate(`window.__hearthEmit && window.__hearthEmit(${JSON.stringify(event)})`)
        .catch(() => undefined);
    },
  });
  openHarnesses += 1;
  const context = await (
    await sharedBrowser()
  ).newContext({
    viewport: { width: 1280, height: 860 },
    locale: options.uiLanguage === 'es' ? 'es-ES' : 'en-GB',
  });
  await context.route('**/*', async (route) => {
    const url = new URL(route.request().url());
    if (url.origin !== ORIGIN) return route.abort();
    const relative =
      normalize(decodeURIComponent(url.pathname)).replace(/^\/+/, '') || 'index.html';
    if (relative.startsWith('..')) return route.abort();
    try {
      const body = readFileSync(join(DIST, relative));
      return route.fulfill({
        status: 200,
        body,
        headers: {
          'content-type': TYPES[extname(relative)] ?? 'application/octet-stream',
          'content-security-policy': CONTENT_SECURITY_POLICY,
        },
      });
    } catch {
      return route.fulfill({ status: 404, body: '' });
    }
  });
  await context.exposeBinding('__hearthInvoke', (_source, channel: string, payload: unknown) =>
    core.invoke(channel, payload),
  );
  // A string, not a function: some TypeScript runners (tsx for the bench) wrap functions with
  // helpers that do not exist in the page.
  await context.addInitScript(`(() => {
    const listeners = new Set();
    window.__hearthEmit = (e) => listeners.forEach((l) => l(e));
    window.hearth = {
      invoke: (channel, payload) => window.__hearthInvoke(channel, payload),
      onEvent: (listener) => {
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
    };
    const language = ${JSON.stringify(options.uiLanguage ?? '')};
    if (language) window.localStorage.setItem('hearth.uiLanguage', language);
  })();`);
  const page = await context.newPage();
  pageRef.current = page;
  const pageErrors: string[] = [];
  page.on('pageerror', (e) => pageErrors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') pageErrors.push(`console: ${m.text()}`);
  });
  return {
    context,
    page,
    core,
    vaultDir,
    workDir,
    pageErrors,
    async close() {
      openHarnesses -= 1;
      await context.close();
      core.close();
      rmSync(workDir, { recursive: true, force: true });
      if (!underJest && openHarnesses === 0) await closeBrowser();
    },
  };
}

// axe-core in the page once per document, configured as AxeBuilder configures it. AxeBuilder's
// default analyze() evaluates the 580 kB axe source three times per call and opens a blank page
// in the context for axe.finishRun (the cross-frame protocol, for pages with iframes): measured
// here at 7-10 s per call on a loaded 2-core machine against about 0.5 s for the screenshot, most
// of every e2e file's time. The renderer has no frames, so axe.run in the page finds exactly what
// runPartial + finishRun find (same rules, same options: none); a page with frames still goes
// through AxeBuilder. Only violations are returned in full (the rest was serialised back to
// the test for nothing). HEARTH_E2E_AXE_CROSSCHECK=1 runs both on every capture and fails on any
// difference.
const AXE_INJECT = `${axe.source}
;axe.configure({ allowedOrigins: ['<same_origin>'], branding: { application: 'playwright' } });`;

async function axeResults(page: Page): Promise<AxeResults> {
  if (page.frames().length > 1) return new AxeBuilder({ page }).analyze();
  if (!(await page.evaluate<boolean>(`typeof window.axe === 'object'`)))
    await page.evaluate(AXE_INJECT);
  // resultTypes: only violations get every node and its selector (axe's documented speed-up);
  // passes, incomplete and inapplicable keep one example each. Violations are found the same.
  return page.evaluate<AxeResults>(`window.axe.run(document, { resultTypes: ['violations'] })`);
}

function seriousOf(result: AxeResults): string[] {
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

/** Serious and critical axe-core violations on the page as it is now. */
export async function seriousViolations(page: Page): Promise<string[]> {
  const found = seriousOf(await axeResults(page));
  if (process.env.HEARTH_E2E_AXE_CROSSCHECK === '1') {
    const reference = seriousOf(await new AxeBuilder({ page }).analyze());
    if (JSON.stringify(reference) !== JSON.stringify(found))
      throw new Error(
        `axe in the page and AxeBuilder differ:\n${found.join('\n')}\n---\n${reference.join('\n')}`,
      );
  }
  return found;
}

/**
 * Saves a screenshot (full page unless told otherwise: a viewport shot shows what the user
 * sees at that window size) and checks accessibility; returns the violations found.
 */
export async function capture(
  page: Page,
  name: string,
  options: { fullPage?: boolean } = {},
): Promise<string[]> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const started = Date.now();
  await page.screenshot({
    path: join(SCREENSHOTS, `${name}.png`),
    fullPage: options.fullPage ?? true,
  });
  const shot = Date.now();
  const found = await seriousViolations(page);
  // HEARTH_E2E_TIMINGS=<file>: one line per capture (name, screenshot ms, axe ms), to see where
  // a file's time goes. Never asserted: a time depends on the machine.
  const timings = process.env.HEARTH_E2E_TIMINGS;
  if (timings)
    appendFileSync(timings, `${name}\tscreenshot ${shot - started}\taxe ${Date.now() - shot}\n`);
  return found.map((v) => `${name}: ${v}`);
}

/**
 * What sticks out sideways at the current window size: the page's scroll width beyond its
 * client width, and the elements (tag.class, up to five) whose right edge passes the window's.
 * Empty when nothing overflows (user text that is one unbroken run must wrap).
 */
export async function sidewaysOverflow(page: Page): Promise<string[]> {
  // A string, so the test's TypeScript (no DOM library) need not type the page's globals.
  return page.evaluate<string[]>(`(() => {
    const root = document.documentElement;
    const width = root.clientWidth;
    const out = [];
    if (root.scrollWidth > width) out.push('page scrolls sideways: ' + root.scrollWidth + ' > ' + width);
    for (const el of document.body.querySelectorAll('*')) {
      const rect = el.getBoundingClientRect();
      if (rect.width > 0 && rect.right > width + 1 && out.length < 6) {
        out.push(el.tagName.toLowerCase() + '.' + el.className + ': right ' + Math.round(rect.right));
      }
    }
    return out;
  })()`);
}

/** A UI text lookup in the test's language: key and interpolation values, as i18next takes them. */
export type UiText = (key: string, vars?: Record<string, string | number>) => string;

/**
 * From a fresh vault to a live interview, as a new user does it: first run (admin 'ada'), the
 * recovery kit confirmed, a new case (`reference`, child 'Mia', 7), its plan with the age band
 * confirmed, Start. Returns once the note box is on screen. Timeouts: 60 s for vault creation
 * (Argon2), Playwright's default for the rest.
 */
export async function startFirstInterview(
  page: Page,
  t: UiText,
  reference: string,
  passphrase: string,
): Promise<void> {
  const button = (name: string) => page.getByRole('button', { name, exact: true });
  const label = (name: string) => page.getByLabel(name, { exact: true });
  const heading = (name: string) => page.getByRole('heading', { name, exact: true });
  await completeFirstRun(page, t, passphrase);
  await button(t('cases.new')).click();
  await label(t('caseForm.reference')).fill(reference);
  await label(t('caseForm.alias')).fill('Mia');
  await label(t('caseForm.age')).fill('7');
  await button(t('caseForm.create')).click();
  await button(t('cases.planFor', { reference })).click();
  await heading(t('plan.title')).waitFor();
  await label(t('plan.confirmBand')).check();
  await button(t('plan.start')).click();
  await label(t('live.noteLabel')).waitFor();
}

/**
 * First run as a new user does it: admin 'ada' with `passphrase`, the recovery kit confirmed.
 * Returns on the case list. Timeouts: 60 s for vault creation (Argon2).
 */
export async function completeFirstRun(page: Page, t: UiText, passphrase: string): Promise<void> {
  const button = (name: string) => page.getByRole('button', { name, exact: true });
  const label = (name: string) => page.getByLabel(name, { exact: true });
  const heading = (name: string) => page.getByRole('heading', { name, exact: true });
  await page.goto(`${ORIGIN}/index.html`);
  await heading(t('firstRun.title')).waitFor();
  await label(t('firstRun.username')).fill('ada');
  await label(t('firstRun.displayName')).fill('Ada Admin');
  await label(t('firstRun.passphrase')).fill(passphrase);
  await label(t('firstRun.confirm')).fill(passphrase);
  await button(t('firstRun.create')).click();
  await heading(t('recoveryKit.title')).waitFor({ timeout: 60_000 });
  await label(t('recoveryKit.confirm')).check();
  await button(t('recoveryKit.continue')).click();
  await heading(t('cases.title')).waitFor();
}

/**
 * The string at dotted `key` of a locale catalog (e.g. locales/en/ui.json), with i18next-style
 * `{{name}}` placeholders filled from `vars`. Throws when the key holds no string, so a renamed
 * key fails the test instead of matching nothing on the page.
 */
export function lookup(
  catalog: unknown,
  key: string,
  vars: Record<string, string | number> = {},
): string {
  let node: unknown = catalog;
  for (const part of key.split('.')) node = (node as Record<string, unknown>)[part];
  if (typeof node !== 'string') throw new Error(`no text for ${key}`);
  return node.replace(/\{\{(\w+)\}\}/g, (_m, name: string) => String(vars[name]));
}

/** A UiText over one catalog (see lookup). */
export function textsOf(catalog: unknown): UiText {
  return (key, vars) => lookup(catalog, key, vars);
}

/** Locators by accessible role and exact name, as a user finds a button, a field or a heading. */
export function controls(page: Page) {
  return {
    button: (name: string) => page.getByRole('button', { name, exact: true }),
    label: (name: string) => page.getByLabel(name, { exact: true }),
    heading: (name: string) => page.getByRole('heading', { name, exact: true }),
  };
}

/**
 * Calls a core channel as the renderer would and expects `{ ok: true }` (a refusal fails the test
 * with the core's answer in the message); returns the channel's value.
 */
export function coreCaller(h: Harness) {
  return async <T = Record<string, string>>(channel: string, payload: unknown): Promise<T> => {
    const r = (await h.core.invoke(channel, payload)) as { ok: boolean; value?: T };
    expect(r).toMatchObject({ ok: true });
    return r.value as T;
  };
}

/**
 * Signs `username` in on the unlock screen, as a user does after a lock. Returns on the case
 * list (30 s for the KDF under load).
 */
export async function signInOnScreen(
  page: Page,
  t: UiText,
  username: string,
  passphrase: string,
): Promise<void> {
  const { button, label, heading } = controls(page);
  await page.goto(`${ORIGIN}/index.html`);
  await heading(t('unlock.title')).waitFor();
  await label(t('unlock.username')).fill(username);
  await label(t('unlock.passphrase')).fill(passphrase);
  await button(t('unlock.submit')).click();
  await heading(t('cases.title')).waitFor({ timeout: 30_000 });
}

/**
 * The little of the page's DOM these waits read. The e2e tsconfig has no DOM library, and the
 * predicates run in the page, so they reach `document` through `globalThis`.
 */
interface PageDocument {
  activeElement: { id: string } | null;
  body: { textContent: string | null };
  querySelector(selector: string): { value?: string } | null;
}

// Page-side predicates are functions, never strings: Playwright polls a string predicate with
// eval, which the shell's Content Security Policy (script-src 'self') refuses as soon as the
// first check is not already true, so a string wait fails only on a slow run (journey did).
const WAIT_MS = 60_000;

/**
 * Waits until the form field matched by `selector` holds `expected` (any non-empty value when
 * `expected` is undefined). Throws Playwright's TimeoutError after `timeout` ms.
 */
export async function waitForValue(
  page: Page,
  selector: string,
  expected?: string,
  timeout = WAIT_MS,
): Promise<void> {
  await page.waitForFunction(
    ({ selector: s, expected: e }) => {
      const value = (globalThis as unknown as { document: PageDocument }).document.querySelector(
        s,
      )?.value;
      return e === undefined ? value !== undefined && value !== '' : value === e;
    },
    { selector, expected },
    { timeout },
  );
}

/** Waits until the element with id `id` has the keyboard focus. Throws after `timeout` ms. */
export async function waitForFocus(page: Page, id: string, timeout = WAIT_MS): Promise<void> {
  await page.waitForFunction(
    (wanted) =>
      (globalThis as unknown as { document: PageDocument }).document.activeElement?.id === wanted,
    id,
    { timeout },
  );
}

/** Waits until the page's text does (or, with `present` false, does not) contain `text`. */
export async function waitForPageText(
  page: Page,
  text: string,
  present = true,
  timeout = WAIT_MS,
): Promise<void> {
  await page.waitForFunction(
    ({ text: t, present: p }) =>
      (
        (globalThis as unknown as { document: PageDocument }).document.body.textContent ?? ''
      ).includes(t) === p,
    { text, present },
    { timeout },
  );
}
