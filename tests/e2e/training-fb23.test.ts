// The practice feedback screen after the trainer re-check fb23, in Chromium against a real core,
// en and es-419: the chip after the child's answer quotes the child's clause (never a bare verb);
// the conclusion is asked before the feedback; the feedback names the co-witness prompt as the
// live chip did, and a guessed ground-rule item gets the "second item" goal. Screenshots of the
// practice and feedback screens (tests/e2e/screenshots/training-fb23-*; copied to
// $HEARTH_SHOTS_DIR when set); axe-core must report no serious or critical violations.
import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import enTraining from '../../locales/en/training-ui.json';
import esTraining from '../../locales/es/training-ui.json';
import enProtocols from '../../locales/en/protocols.json';
import esProtocols from '../../locales/es/protocols.json';
import en from '../../locales/en/ui.json';
import es from '../../locales/es/ui.json';
import { planSession } from '../../src/protocols';
import { builtInScenarios, simulate, type PracticeTurn } from '../../src/training';
import { scriptedMatchers } from '../../src/training/scripted';
import { capture, completeFirstRun, launch, SCREENSHOTS, type Harness } from './harness';

jest.setTimeout(600_000);

const PASSPHRASE = 'correct horse battery staple';
const TRAINEE_PASS = 'trainee practice passphrase';

function lookup(catalog: unknown, key: string, vars: Record<string, string | number> = {}) {
  let node: unknown = catalog;
  for (const part of key.split('.')) node = (node as Record<string, unknown>)[part];
  if (typeof node !== 'string') throw new Error(`no text for ${key}`);
  return node.replace(/\{\{(\w+)\}\}/g, (_m, name: string) => String(vars[name]));
}

const STEPS = {
  en: [
    ['rapport', 'Tell me about things you like to do.'],
    [
      'groundRules',
      'If I ask you a question and you don\'t know the answer, just say "I don\'t know."',
    ],
    ['groundRules', 'So if I ask you, "What is my dog\'s name?", what would you say?'],
    ['narrativePractice', 'Tell me everything that happened on your last birthday.'],
    ['narrativePractice', 'And then what happened?'],
    ['narrativePractice', 'Tell me more about that.'],
    ['investigation', 'Tell me everything that happened, from the very beginning to the end.'],
    ['investigation', 'And then what happened?'],
    ['investigation', 'Tell me more about that.'],
    ['investigation', 'What happened next?'],
    ['investigation', 'Your friends said that something happened at the park.'],
    ['closing', 'Is there anything else you think I should know?'],
  ],
  es: [
    ['rapport', 'Cuéntame sobre las cosas que te gusta hacer.'],
    ['groundRules', 'Si te hago una pregunta y no sabes la respuesta, dime “no sé”.'],
    ['groundRules', 'Entonces, si te pregunto “¿Cómo se llama mi perro?”, ¿qué dirías?'],
    ['narrativePractice', 'Cuéntame todo lo que pasó en tu último cumpleaños.'],
    ['narrativePractice', '¿Y después qué pasó?'],
    ['narrativePractice', 'Cuéntame más sobre eso.'],
    ['investigation', 'Cuéntame todo lo que pasó, desde el principio hasta el final.'],
    ['investigation', '¿Y después qué pasó?'],
    ['investigation', 'Cuéntame más sobre eso.'],
    ['investigation', '¿Qué pasó después?'],
    ['investigation', 'Todos los demás ya me contaron lo que pasó.'],
    ['closing', '¿Hay algo más que creas que yo debería saber?'],
  ],
} as const;

/** A seed at which this child guesses on the practice item (the app's own child model). */
function guessingSeed(lang: 'en' | 'es'): number {
  const s = builtInScenarios(lang).find((x) => x.id === 'dog-bite')!;
  const plan = planSession('nichd', s.ageYears, lang);
  const turns: PracticeTurn[] = STEPS[lang].map(([phaseId, text]) => ({
    text,
    phaseId,
    substantive: phaseId === 'investigation' || phaseId === 'closing',
  }));
  for (let seed = 1; seed < 200; seed++)
    if (simulate(s, seed, turns, [], scriptedMatchers(plan)).rules.dontKnow !== 'practised')
      return seed;
  throw new Error('no guessing seed');
}

async function run(lang: 'en' | 'es') {
  const ui = (key: string, vars?: Record<string, string | number>) =>
    lookup(lang === 'en' ? en : es, key, vars);
  const tr = (key: string, vars?: Record<string, string | number>) =>
    lookup(lang === 'en' ? enTraining : esTraining, key, vars);
  const phaseTitle = (id: string) =>
    lookup(lang === 'en' ? enProtocols : esProtocols, `protocols.nichd.phases.${id}.title`);
  const h: Harness = await launch({ uiLanguage: lang });
  const { page } = h;
  const violations: string[] = [];
  const snap = async (name: string) => {
    const file = `training-fb23-${lang}-${name}`;
    violations.push(...(await capture(page, file)));
    const out = process.env.HEARTH_SHOTS_DIR;
    if (out) {
      mkdirSync(out, { recursive: true });
      copyFileSync(join(SCREENSHOTS, `${file}.png`), join(out, `fb23-${lang}-${name}.png`));
    }
  };
  const button = (name: string) => page.getByRole('button', { name, exact: true });
  const label = (name: string) => page.getByLabel(name, { exact: true });
  const heading = (name: string) => page.getByRole('heading', { name, exact: true });
  try {
    await completeFirstRun(page, ui, PASSPHRASE);
    const added = await h.core.invoke('users.add', {
      username: 'tom',
      displayName: 'Tom Trainee',
      role: 'interviewer',
      passphrase: TRAINEE_PASS,
    });
    expect(added).toMatchObject({ ok: true });
    await button(ui('nav.lock')).click();
    await heading(ui('unlock.title')).waitFor();
    await label(ui('unlock.username')).fill('tom');
    await label(ui('unlock.passphrase')).fill(TRAINEE_PASS);
    await button(ui('unlock.submit')).click();
    await heading(ui('cases.title')).waitFor({ timeout: 30_000 });

    await button(ui('nav.training')).click();
    await heading(tr('title')).waitFor();
    const listed = await h.core.invoke('training.scenarios', { language: lang });
    if (!listed.ok) throw new Error(listed.error.code);
    const scenario = (
      listed.value as { scenarios: Array<{ id: string; title: string }> }
    ).scenarios.find((s) => s.id === 'dog-bite')!;
    // The seed the app would draw at random, fixed so that this child guesses.
    await page.evaluate(`(() => {
      window.crypto.getRandomValues = (array) => {
        if (array instanceof Uint32Array) array.fill(${guessingSeed(lang)});
        return array;
      };
    })()`);
    await page.getByRole('button', { name: tr('picker.start', { title: scenario.title }) }).click();
    const box = label(tr('practice.questionLabel'));
    await box.waitFor();

    let asked = 0;
    let phase = '';
    for (const [phaseId, text] of STEPS[lang]) {
      if (phaseId !== phase) {
        await button(tr('practice.goTo', { title: phaseTitle(phaseId) })).click();
        await page.locator('.phase-steps li[aria-current="step"]').waitFor();
        phase = phaseId;
      }
      await box.fill(text);
      await page.keyboard.press('Enter');
      asked += 1;
      await page
        .locator('[data-testid="notes"] li.note-saved')
        .nth(asked * 2 - 1)
        .waitFor();
      if (asked === 10) {
        // After the child's account: the chips quote its clauses, never a bare verb.
        const chips = page.getByRole('region', { name: ui('live.keywords') }).getByRole('button');
        const names = await chips.allTextContents();
        expect(names.length).toBeGreaterThan(0);
        expect(
          names.some(
            (n) =>
              /(?<!\p{L})(?:bit|cried|mordió|lloré|dolió)(?!\p{L})/u.test(n) &&
              n.split(/\s+/u).length > 3,
          ),
        ).toBe(true);
        await snap('practice-chips');
      }
    }
    // The co-witness prompt, named as the coach names it.
    await page.getByTestId('last-coding').waitFor();

    await button(tr('practice.finish')).click();
    await button(tr('practice.finishYes')).click();
    await page.getByTestId('conclusion-needed').waitFor();
    await page.getByRole('radio', { name: tr('conclusion.options.event') }).check();
    await snap('finish-conclusion');
    await button(tr('practice.finishYes')).click();
    await heading(tr('feedback.heading', { title: scenario.title })).waitFor({ timeout: 30_000 });
    const goals = (await page.getByTestId('goals').textContent()) ?? '';
    expect(goals).toMatch(
      lang === 'en' ? /guessed on the practice item/u : /adivinó en el ejercicio/u,
    );
    const flagged = (await page.getByTestId('flagged').textContent()) ?? '';
    expect(flagged).toMatch(/Garven/u);
    expect(flagged).not.toMatch(/leading declarative|pone palabras en boca/u);
    expect(await page.getByTestId('indicators').textContent()).toMatch(
      lang === 'en' ? /practiced, but the child guessed at question 3/u : /adivinó en la pregunta 3/u,
    );
    await snap('feedback');
    await page.getByTestId('indicators').scrollIntoViewIfNeeded();
    await snap('feedback-indicators');
    expect(violations).toEqual([]);
  } finally {
    await h.close();
  }
}

test('en: the practice feedback screen after fb23', async () => {
  await run('en');
});

test('es: la pantalla de retroalimentación después de fb23', async () => {
  await run('es');
});
