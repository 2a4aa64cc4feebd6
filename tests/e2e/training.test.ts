// Training in Chromium against a real core, in English and in Spanish: an admin creates the
// vault and adds a trainer and a trainee; the trainee runs a practice interview (a few good
// invitations, a few suggestive questions), finishes, reads feedback that attributes a false
// detail to its question, sees the progress chart and saves the printable report; the trainer
// opens the scenario form and gets plain-language problems. Screenshots in tests/e2e/screenshots,
// axe-core must report no serious or critical violations.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import enTraining from '../../locales/en/training-ui.json';
import esTraining from '../../locales/es/training-ui.json';
import en from '../../locales/en/ui.json';
import es from '../../locales/es/ui.json';
import interviews from '../fixtures/training/interviews.json';
import { capture, launch, ORIGIN, type Harness } from './harness';

jest.setTimeout(600_000);

const PASSPHRASE = 'correct horse battery staple';
/** Spanish that names the child as either gender where the scenario gives one (fb26). */
const EITHER = /niño o (?:la )?niña|niña o (?:el )?niño/iu;
const TRAINEE_PASS = 'trainee practice passphrase';
const TRAINER_PASS = 'trainer practice passphrase';

function lookup(catalog: unknown, key: string, vars: Record<string, string | number> = {}) {
  let node: unknown = catalog;
  for (const part of key.split('.')) node = (node as Record<string, unknown>)[part];
  if (typeof node !== 'string') throw new Error(`no text for ${key}`);
  return node.replace(/\{\{(\w+)\}\}/g, (_m, name: string) => String(vars[name]));
}

async function journey(lang: 'en' | 'es') {
  const ui = (key: string, vars?: Record<string, string | number>) =>
    lookup(lang === 'en' ? en : es, key, vars);
  const tr = (key: string, vars?: Record<string, string | number>) =>
    lookup(lang === 'en' ? enTraining : esTraining, key, vars);
  const h: Harness = await launch({ uiLanguage: lang });
  const { page } = h;
  const violations: string[] = [];
  let shot = 0;
  const snap = async (name: string) => {
    shot += 1;
    violations.push(
      ...(await capture(page, `training-${lang}-${String(shot).padStart(2, '0')}-${name}`)),
    );
  };
  const button = (name: string) => page.getByRole('button', { name, exact: true });
  const label = (name: string) => page.getByLabel(name, { exact: true });
  const heading = (name: string) => page.getByRole('heading', { name, exact: true });
  const signIn = async (username: string, passphrase: string) => {
    await button(ui('nav.lock')).click();
    await heading(ui('unlock.title')).waitFor();
    await label(ui('unlock.username')).fill(username);
    await label(ui('unlock.passphrase')).fill(passphrase);
    await button(ui('unlock.submit')).click();
    await heading(ui('cases.title')).waitFor({ timeout: 30_000 });
  };

  try {
    // First run: the admin.
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

    // A trainer and a trainee, added through the same core the page uses (signed in as admin).
    for (const [username, role, passphrase] of [
      ['tess', 'trainer', TRAINER_PASS],
      ['tom', 'interviewer', TRAINEE_PASS],
    ] as const) {
      const r = await h.core.invoke('users.add', {
        username,
        displayName: username === 'tom' ? 'Tom Trainee' : 'Tess Trainer',
        role,
        passphrase,
      });
      expect(r).toMatchObject({ ok: true });
    }

    // The trainee practises with the youngest built-in child (most suggestible).
    await signIn('tom', TRAINEE_PASS);
    await button(ui('nav.training')).click();
    await heading(tr('title')).waitFor();
    const listed = await h.core.invoke('training.scenarios', { language: lang });
    if (!listed.ok) throw new Error(listed.error.code);
    const scenario = (
      listed.value as { scenarios: Array<{ id: string; title: string }> }
    ).scenarios.find((s) => s.id === 'dog-bite');
    if (!scenario) throw new Error('no dog-bite scenario');
    await page
      .getByRole('button', { name: tr('picker.start', { title: scenario.title }) })
      .waitFor();
    await snap('picker');
    // A fixed seed makes the simulated child (and so this test) deterministic; the app itself
    // draws a fresh random seed for every practice interview.
    // (A string runs in the page; this test file is compiled without the DOM types.)
    await page.evaluate(`(() => {
      window.crypto.getRandomValues = (array) => {
        if (array instanceof Uint32Array) array.fill(20261128);
        return array;
      };
    })()`);
    await page.getByRole('button', { name: tr('picker.start', { title: scenario.title }) }).click();

    const box = label(tr('practice.questionLabel'));
    await box.waitFor();
    await page.getByTestId('practice-badge').waitFor();
    // fb26: the briefing before the first question names the scenario and what the child's age
    // band can do, with sources; in Spanish the child is named by the scenario's gender.
    await page.getByTestId('briefing').waitFor();
    expect(await page.getByTestId('briefing-band').textContent()).toMatch(/\b(?:19|20)\d{2}\b/u);
    if (lang === 'es') {
      await page.getByText(tr('practice.childNoAlias_girl', { age: 4 }), { exact: true }).waitFor();
      expect(await page.locator('body').textContent()).not.toMatch(EITHER);
    }
    await snap('practice-briefing');
    // train28: "How the simulated child is built" opens to the note with research-figures.ts's
    // counts (fix25t: 3 published of 27; train31 added BRIEF_FIRST_TELLING, Hearth's: 3 of 28) and
    // the published figures' sources; closed again after.
    const model = page.getByTestId('briefing-child-model');
    expect(await model.isVisible()).toBe(false);
    await page.getByText(tr('briefing.childModelSummary'), { exact: true }).click();
    await model.waitFor();
    const note = (await model.textContent()) ?? '';
    expect(note).toBe(tr('briefing.childModel'));
    expect(note).toMatch(
      lang === 'en'
        ? /^[^:]+: 4 of its 29 rates follow a published figure/u
        : /^[^:]+: 4 de sus 29 tasas/u,
    );
    expect(note).toContain('Sternberg et al. 1997');
    await snap('practice-briefing-child-model');
    await page.getByText(tr('briefing.childModelSummary'), { exact: true }).click();
    await model.waitFor({ state: 'hidden' });
    // Go to free recall, a substantive phase of the NICHD plan (sessions.enterPhase).
    const freeRecall = page.locator('.phase-steps li').nth(5);
    await freeRecall.getByRole('button').click();
    // Wait for free recall itself to be the current step (train28: waiting for any current step
    // returned at once, before the click took effect, and failed the next line in es once).
    // A locator wait, not a string predicate: page.waitForFunction runs a string with eval, which
    // the app's CSP (script-src 'self') refuses (CI failed on it at stop 41).
    await freeRecall.and(page.locator('[aria-current="step"]')).waitFor();
    expect(await freeRecall.getAttribute('aria-current')).toBe('step');

    const notes = page.getByTestId('notes').locator('li');
    let asked = 0;
    const ask = async (question: string) => {
      await box.focus();
      await page.keyboard.type(question);
      await page.keyboard.press('Enter');
      asked += 1;
      // The question and the child's answer, both acknowledged by the vault.
      await page
        .locator('[data-testid="notes"] li.note-saved')
        .nth(asked * 2 - 1)
        .waitFor();
    };
    for (const q of interviews.good[lang].slice(0, 3)) await ask(q);
    // A question with legal words: the feedback names it and offers a simpler open prompt.
    const legal =
      lang === 'en'
        ? 'Did the alleged incident occur at the park?'
        : '¿El presunto incidente ocurrió en el parque?';
    await ask(legal);
    const suggestive = (interviews.suggestive[lang] as Record<string, string[]>)['dog-bite']!;
    // The quiet hint while typing a suggestive question, before it is sent.
    await box.focus();
    await page.keyboard.type(suggestive[0]!);
    await page
      .getByTestId('question-hint')
      .filter({ hasText: ui('questionTypes.suggestive') })
      .waitFor();
    await snap('practice-hint');
    await box.fill('');
    for (const q of suggestive) await ask(q);
    expect(await notes.count()).toBe(asked * 2);
    await page
      .getByTestId('last-coding')
      .filter({ hasText: ui('questionTypes.suggestive') })
      .waitFor();
    await snap('practice');

    // Finish: feedback with a false detail attributed to the question that introduced it.
    await button(tr('practice.finish')).click();
    // "What do you conclude happened?" before the feedback.
    await page.getByRole('radio', { name: tr('conclusion.options.event') }).check();
    await snap('finish-conclusion');
    await button(tr('practice.finishYes')).click();
    await heading(tr('feedback.heading', { title: scenario.title })).waitFor({ timeout: 30_000 });
    const falseDetails = page.getByTestId('false-details');
    await falseDetails.waitFor();
    const first = await falseDetails.locator('li').first().textContent();
    expect(first).toMatch(new RegExp(tr('feedback.introducedBy', { n: '\\d+' })));
    expect(suggestive.some((q) => first?.includes(q))).toBe(true);
    expect(await page.getByTestId('goals').locator('li').count()).toBeGreaterThanOrEqual(1);
    // The NICHD headline, the indicators and the verdict on the conclusion.
    await page
      .getByTestId('headline')
      .filter({ hasText: tr('feedback.headline') })
      .waitFor();
    await page.getByTestId('indicators').waitFor();
    await page.getByTestId('conclusion-feedback').waitFor();
    expect(await page.getByTestId('goals').textContent()).not.toMatch(
      lang === 'en' ? /Good open questioning/ : /Buen uso de preguntas abiertas/,
    );
    if (lang === 'es') {
      // The scenario's child is a girl: the feedback says so, never «niño o niña» (fb26).
      await heading(tr('feedback.facts_girl')).waitFor();
      expect(await page.locator('.feedback').textContent()).not.toMatch(EITHER);
    }
    await snap('feedback');
    const hard = page.getByTestId('hard-questions');
    expect(await hard.textContent()).toContain(legal);
    await hard.scrollIntoViewIfNeeded();
    await snap('feedback-hard-questions');

    // Progress: chart and the printable report.
    await button(tr('feedback.seeProgress')).click();
    await page.getByTestId('progress-chart').locator('canvas').waitFor();
    const pdf = join(h.workDir, `progress-${lang}.pdf`);
    await label(tr('progress.reportPath')).fill(pdf);
    await button(tr('progress.save')).click();
    await page.getByTestId('report-saved').waitFor({ timeout: 30_000 });
    expect(existsSync(pdf)).toBe(true);
    await snap('progress');

    // The trainer: the scenario form explains problems in plain language, keeps the text.
    await signIn('tess', TRAINER_PASS);
    await button(ui('nav.training')).click();
    await button(tr('tabs.scenarios')).click();
    await label(tr('form.title')).fill(lang === 'en' ? 'A lost cat' : 'Un gato perdido');
    await label(tr('form.reluctance')).fill('2');
    await button(tr('form.save')).click();
    await page.getByTestId('form-problems').waitFor();
    expect(await page.getByTestId('form-problems').textContent()).toContain(
      tr('form.issues.reluctance', { field: tr('form.fields.reluctance') }),
    );
    expect(await label(tr('form.title')).inputValue()).toBe(
      lang === 'en' ? 'A lost cat' : 'Un gato perdido',
    );
    await snap('scenario-form');

    // The trainer reviews Tom's interview, question by question.
    await button(tr('tabs.progress')).click();
    // Only Tom has practised, so his series is the one shown (no trainee menu).
    await button(tr('progress.reviewButton', { n: 1 })).click();
    await page.getByTestId('review-view').waitFor();
    const comment =
      lang === 'en'
        ? 'This tag question gave the child "black". Ask "Tell me about the dog" instead.'
        : 'Esta pregunta le dio al niño «negro». Pregunte «Cuéntame del perro».';
    await label(tr('review.commentOn', { n: 4 })).fill(comment);
    await label(tr('review.overall')).fill(
      lang === 'en'
        ? 'A good open start; keep to invitations.'
        : 'Buen inicio abierto; siga con invitaciones.',
    );
    await button(tr('review.save')).click();
    await page.getByTestId('review-saved').waitFor();
    await snap('review');

    // The trainee sees the review beside the automatic feedback.
    await signIn('tom', TRAINEE_PASS);
    await button(ui('nav.training')).click();
    await button(tr('tabs.progress')).click();
    await button(tr('progress.open', { n: 1 })).click();
    await page.getByTestId('trainer-review').filter({ hasText: comment }).waitFor();
    await snap('feedback-reviewed');

    expect(violations).toEqual([]);
    expect(h.pageErrors).toEqual([]);
  } finally {
    await h.close();
  }
}

test('training journey in English', () => journey('en'));
test('training journey in Spanish', () => journey('es'));
