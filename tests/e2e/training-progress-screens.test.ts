// Issue #18 "Trainer review" (child20): the progress screen and the progress PDF after one and
// after three practice interviews, and the trainee's feedback with the trainer's per-question
// comments, in Chromium against a real core, in English and Spanish. Each is captured
// (tests/e2e/screenshots/progress-*; the PDFs are written beside them, to be rendered with
// pdftoppm and looked at). What each screen must show:
// - one interview: "one finished practice interview", never "went from 75% to 75% over 1
//   interviews"; three: "went from A to B over 3 interviews";
// - the scenario's whole title in the table (no cut-off) and the trainee's display name with the
//   user name where both exist;
// - the trainer's comment beside the question it is about, in the trainee's feedback.
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import enTrainingUi from '../../locales/en/training-ui.json';
import esTrainingUi from '../../locales/es/training-ui.json';
import enTraining from '../../locales/en/training.json';
import esTraining from '../../locales/es/training.json';
import en from '../../locales/en/ui.json';
import es from '../../locales/es/ui.json';
import interviews from '../fixtures/training/interviews.json';
import { capture, launch, ORIGIN, SCREENSHOTS, type Harness } from './harness';

jest.setTimeout(600_000); // several interviews on a loaded 2-core machine; nothing here is timed

const PASSPHRASE = 'correct horse battery staple';
const TRAINEE_PASS = 'trainee practice passphrase';
const TRAINER_PASS = 'trainer practice passphrase';

function lookup(catalog: unknown, key: string, vars: Record<string, string | number> = {}) {
  let node: unknown = catalog;
  for (const part of key.split('.')) node = (node as Record<string, unknown>)[part];
  if (typeof node !== 'string') throw new Error(`no text for ${key}`);
  return node.replace(/\{\{(\w+)\}\}/g, (_m, name: string) => String(vars[name]));
}

async function ok<T>(h: Harness, channel: string, request: unknown): Promise<T> {
  const r = (await h.core.invoke(channel, request)) as
    { ok: true; value: T } | { ok: false; error: { code: string } };
  if (!r.ok) throw new Error(`${channel}: ${r.error.code}`);
  return r.value;
}

async function screens(lang: 'en' | 'es') {
  const ui = (key: string, vars?: Record<string, string | number>) =>
    lookup(lang === 'en' ? en : es, key, vars);
  const tr = (key: string, vars?: Record<string, string | number>) =>
    lookup(lang === 'en' ? enTrainingUi : esTrainingUi, key, vars);
  const scenarios = (lang === 'en' ? enTraining : esTraining).scenarios as Record<
    string,
    { title: string }
  >;
  const h = await launch({ uiLanguage: lang });
  const { page } = h;
  const problems: string[] = [];
  const snap = async (name: string) => {
    problems.push(...(await capture(page, `progress-${lang}-${name}`, { fullPage: true })));
  };
  const button = (name: string) => page.getByRole('button', { name, exact: true });
  const signInAs = async (username: string, passphrase: string) => {
    await ok(h, 'vault.lock', {});
    await ok(h, 'vault.unlock', { username, passphrase });
  };
  const openProgress = async () => {
    await page.goto(`${ORIGIN}/index.html`);
    await button(ui('nav.training')).click();
    await button(tr('tabs.progress')).click();
    await page.getByTestId('progress-chart').locator('canvas').waitFor();
  };
  const practise = async (scenarioId: string, seed: number): Promise<string> => {
    const { sessionId } = await ok<{ sessionId: string }>(h, 'training.start', {
      scenarioId,
      seed,
      language: lang,
    });
    await ok(h, 'sessions.enterPhase', { sessionId, phaseId: 'investigation' });
    const suggestive = (interviews.suggestive[lang] as Record<string, string[]>)[scenarioId] ?? [];
    for (const text of [...interviews.good[lang].slice(0, 4), ...suggestive.slice(0, 3)])
      await ok(h, 'training.ask', { sessionId, text });
    await ok(h, 'training.finish', { sessionId, conclusion: 'event' });
    return sessionId;
  };
  const pdf = async (name: string) => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    const outPath = join(SCREENSHOTS, `progress-${lang}-${name}.pdf`);
    // The core never overwrites a file (CONFLICT): the last run's copy goes first.
    rmSync(outPath, { force: true });
    const saved = await ok<{ pages: number }>(h, 'training.progressReport', {
      trainee: 'tom',
      outPath,
      language: lang,
    });
    expect(saved.pages).toBeGreaterThanOrEqual(1);
  };

  try {
    await page.goto(`${ORIGIN}/index.html`);
    await page.getByRole('heading', { name: ui('firstRun.title') }).waitFor();
    await ok(h, 'vault.create', {
      username: 'ada',
      displayName: 'Ada Admin',
      passphrase: PASSPHRASE,
    });
    for (const [username, displayName, role, passphrase] of [
      ['tess', 'Tess Trainer', 'trainer', TRAINER_PASS],
      ['tom', 'Tom Trainee', 'interviewer', TRAINEE_PASS],
    ] as const)
      await ok(h, 'users.add', { username, displayName, role, passphrase });

    // One interview, with the longest built-in title.
    await signInAs('tom', TRAINEE_PASS);
    const first = await practise('visitor-nothing', 3);
    await openProgress();
    const table = page.getByTestId('progress-table');
    expect(await table.textContent()).toContain(scenarios['visitor-nothing']!.title);
    await snap('01-one-interview');
    await pdf('one');

    // Three interviews.
    await practise('teen-exploitation', 5);
    await practise('party-push', 7);
    await openProgress();
    const text = (await table.textContent()) ?? '';
    for (const id of ['visitor-nothing', 'teen-exploitation', 'party-push'])
      expect(text).toContain(scenarios[id]!.title);
    await snap('02-three-interviews');
    await pdf('three');

    // The trainer comments on question 2 of the first interview; the trainee sees it beside it.
    await signInAs('tess', TRAINER_PASS);
    const comment =
      lang === 'en'
        ? 'Good follow-up: it kept to the child’s own words.'
        : 'Buen seguimiento: usó las palabras del niño.';
    await ok(h, 'training.saveReview', {
      sessionId: first,
      comments: [{ questionNumber: 2, text: comment }],
      overall: lang === 'en' ? 'Keep to invitations.' : 'Siga con invitaciones.',
    });
    await openProgress();
    // The trainer sees Tom by display name and user name.
    expect(await page.locator('#progress-trainee').count()).toBe(0);
    await snap('03-trainer-progress');
    await signInAs('tom', TRAINEE_PASS);
    await openProgress();
    await button(tr('progress.open', { n: 1 })).click();
    const review = page.getByTestId('trainer-review');
    await review.filter({ hasText: comment }).waitFor();
    // The comment sits under the question it is about, quoted.
    const item = review.locator('li').filter({ hasText: comment });
    expect(await item.textContent()).toContain(interviews.good[lang][1]);
    await review.scrollIntoViewIfNeeded();
    await snap('04-feedback-with-review');

    expect(problems).toEqual([]);
    expect(h.pageErrors).toEqual([]);
  } finally {
    await h.close();
  }
}

test('progress and review screens in English', () => screens('en'));
test('progress and review screens in Spanish', () => screens('es'));
