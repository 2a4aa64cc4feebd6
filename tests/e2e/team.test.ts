// Issue #19 in Chromium against a real core, in English and in Spanish: the planning record with
// the interpreter briefing, an interpreted interview (turns marked, the child's own words kept),
// an observer's suggestion and the break-time queue (rephrase checked by the coach, decline with
// a reason). Screens are captured (tests/e2e/screenshots) and checked with axe-core.
import enUi from '../../locales/en/ui.json';
import esUi from '../../locales/es/ui.json';
import enTeam from '../../locales/en/team.json';
import esTeam from '../../locales/es/team.json';
import enProtocols from '../../locales/en/protocols.json';
import esProtocols from '../../locales/es/protocols.json';
import enProtocolsUi from '../../locales/en/protocols-ui.json';
import esProtocolsUi from '../../locales/es/protocols-ui.json';
import { capture, launch, ORIGIN, sidewaysOverflow } from './harness';

jest.setTimeout(600_000); // a loaded 2-core machine took 185 s for one of these

const PASSPHRASE = 'correct horse battery staple';

function lookup(catalog: unknown, key: string, vars: Record<string, string | number> = {}): string {
  let node: unknown = catalog;
  for (const part of key.split('.')) node = (node as Record<string, unknown>)[part];
  if (typeof node !== 'string') throw new Error(`no text for ${key}`);
  return node.replace(/\{\{(\w+)\}\}/g, (_m, name: string) => String(vars[name]));
}

/** One unbroken 300-character run, as a pasted link or a long shout would be. */
const LONG_WORD = `N${'o'.repeat(298)}!`;

const SCRIPT = {
  en: {
    question: 'Tell me everything about that day.',
    rendering: 'He took my phone at the party.',
    original: 'Me quitó el celular en la fiesta.',
    suggestion: 'Did he sell pictures of you online?',
    rephrase: 'Tell me more about your phone.',
    reason: 'Not raised by the youth; labels and details she has not said.',
  },
  es: {
    question: 'Cuéntame todo sobre ese día.',
    rendering: 'Me quitó el celular en la fiesta.',
    original: 'He took my phone at the party.',
    suggestion: '¿Él vendió fotos tuyas en internet?',
    rephrase: 'Cuéntame más sobre tu celular.',
    reason: 'No lo mencionó la joven; introduce detalles que no dijo.',
  },
} as const;

async function interpretedInterview(lang: 'en' | 'es') {
  const ui = (key: string, vars?: Record<string, string | number>) =>
    lookup(lang === 'en' ? enUi : esUi, key, vars);
  const tm = (key: string, vars?: Record<string, string | number>) =>
    lookup(lang === 'en' ? enTeam : esTeam, key, vars);
  const s = SCRIPT[lang];
  const h = await launch({ uiLanguage: lang });
  const { page } = h;
  const violations: string[] = [];
  const snap = async (name: string) =>
    violations.push(...(await capture(page, `team-${lang}-${name}`)));
  const button = (name: string) => page.getByRole('button', { name, exact: true });
  const label = (name: string) => page.getByLabel(name, { exact: true });
  try {
    const reference = `TEAM-${lang.toUpperCase()}-1`;
    await h.core.invoke('vault.create', {
      username: 'ada',
      displayName: 'Ada Admin',
      passphrase: PASSPHRASE,
    });
    // The case is created through the form, and the interpreter flag is reached through the UI
    // (issue #19 audit): nothing pre-sets it. The child speaks the other language; the form flags
    // the interpreter because it differs from the interviewer's (the UI's) language.
    const childLanguage = lang === 'en' ? 'es' : 'en';
    await page.goto(`${ORIGIN}/index.html`);
    await button(ui('cases.new')).click();
    await label(ui('caseForm.reference')).fill(reference);
    await label(ui('caseForm.alias')).fill('Luz');
    await label(ui('caseForm.age')).fill('15');
    await label(ui('caseForm.language')).selectOption(childLanguage);
    expect(await label(ui('caseForm.interpreter')).isChecked()).toBe(true);
    await page
      .getByText(
        ui('caseForm.interpreterHint', {
          language: lang === 'en' ? 'Spanish' : 'inglés',
          interviewer: lang === 'en' ? 'English' : 'español',
        }),
      )
      .waitFor();
    await snap('case-form-interpreter');
    await button(ui('caseForm.create')).click();
    await button(ui('cases.planFor', { reference })).click();

    // The planning record: interpreter and briefing, youth guidance shown for a 15-year-old.
    await page.getByRole('heading', { name: tm('planning.title') }).waitFor();
    // The guidance is the plan's (one copy, with its sources), shown above the phase preview.
    await page
      .getByRole('heading', {
        name: lookup(lang === 'en' ? enProtocolsUi : esProtocolsUi, 'youth.title'),
      })
      .waitFor();
    // The panel carries the case's language and the plan's, and the need follows from them.
    expect(await label(tm('planning.childLanguage')).inputValue()).toBe(childLanguage);
    expect(await label(tm('planning.interviewLanguage')).inputValue()).toBe(lang);
    expect(await label(tm('planning.interpreterNeeded')).isChecked()).toBe(true);
    // The plan (before anything is saved) already has the interpreter's introduction.
    await page
      .getByText(lookup(lang === 'en' ? enProtocols : esProtocols, 'prompts.intro.interpreter'))
      .first()
      .waitFor({ state: 'attached' });
    await label(tm('planning.interpreterName')).fill('Marta Quispe');
    const briefing = page.getByRole('group', { name: tm('planning.briefing') });
    for (const box of await briefing.getByRole('checkbox').all()) await box.check();
    await button(tm('planning.save')).click();
    await page.getByText(tm('planning.saved', { version: 1 })).waitFor();
    // Every briefing item done: the record says when and by whom.
    await page.getByRole('status').filter({ hasText: /ada$/ }).waitFor();
    await snap('plan-record');

    // The interview runs in the interviewer's language (the plan's default with an interpreter);
    // the child speaks the other one.
    expect(await label(ui('plan.language')).inputValue()).toBe(lang);
    await label(ui('plan.confirmBand')).check();
    await button(ui('plan.start')).click();

    // An interpreted turn with the child's own words.
    const box = label(ui('live.noteLabel'));
    await box.waitFor();
    await label(tm('interpreted.toggle')).check();
    await box.fill(s.question);
    await box.press('Enter');
    await page.keyboard.press('Alt+Digit2');
    await box.fill(s.rendering);
    await label(tm('interpreted.original')).fill(s.original);
    // The own-words language is chosen from a list of named languages (never typed).
    await label(tm('interpreted.language')).selectOption(lang === 'en' ? 'es' : 'en');
    await box.focus();
    await page.keyboard.press('Enter');
    await page.getByText(`«${s.original}»`).waitFor();
    await page.getByText(ui('live.saving')).first().waitFor({ state: 'detached' });

    // An observer suggests a question; it waits for the break.
    await label(tm('observers.role')).selectOption('prosecutor');
    // Law enforcement and prosecutors give a name or agency (the record says who suggested it).
    await label(tm('observers.nameRequired', { role: tm('observers.roles.prosecutor') })).fill(
      'ADA Chen',
    );
    await label(tm('observers.text')).fill(s.suggestion);
    await button(tm('observers.send')).click();
    await page.getByText(tm('observers.pending_one', { count: 1 })).waitFor();
    await snap('live-interpreted');

    // At the break: rephrase it into an open question; the coach verdict is shown.
    await button(`${ui('live.startBreak')} ${ui('live.altKey', { key: 'B' })}`).click();
    // The break asks why (the reason goes into the record); the team check is this break's reason.
    await button(ui('liveControls.reasons.team')).click();
    await page.getByText(s.suggestion).waitFor();
    await button(tm('observers.rephrase')).click();
    await label(tm('observers.rephraseLabel')).fill(s.rephrase);
    await button(tm('observers.confirm')).click();
    await page.getByText(`→ ${s.rephrase}`).waitFor();
    await page.getByText(tm('observers.pending_other', { count: 0 })).waitFor();

    // A second suggestion, declined with a reason; both hold one long unbroken run, which wraps.
    await label(tm('observers.role')).selectOption('cps');
    await label(tm('observers.text')).fill(`${s.suggestion} ${LONG_WORD}`);
    await button(tm('observers.send')).click();
    await button(tm('observers.decline')).click();
    await label(tm('observers.reason')).fill(`${s.reason} ${LONG_WORD}`);
    await button(tm('observers.confirm')).click();
    await page.getByText(`${s.reason} ${LONG_WORD}`).waitFor();
    for (const size of [
      { width: 1280, height: 800 },
      { width: 1024, height: 700 },
    ]) {
      await page.setViewportSize(size);
      expect({ size, overflow: await sidewaysOverflow(page) }).toEqual({ size, overflow: [] });
      await snap(`break-queue-${size.width}x${size.height}`);
    }

    const sessions = await h.core.invoke('sessions.list', {});
    if (!sessions.ok) throw new Error('no sessions');
    const sessionId = (sessions.value as { sessions: Array<{ sessionId: string }> }).sessions[0]
      ?.sessionId;
    // The sealed session lists the planned interpreter; the case says an interpreter is needed.
    const summary = await h.core.invoke('sessions.get', { sessionId });
    expect(
      summary.ok &&
        (summary.value as { observers: Array<{ role: string; name?: string }> }).observers
          .filter((o) => o.role === 'interpreter')
          .map((o) => o.name),
    ).toEqual(['Marta Quispe']);
    const queue = await h.core.invoke('observers.queue', { sessionId });
    expect(queue.ok && (queue.value as { counts: unknown }).counts).toEqual({
      suggested: 2,
      accepted: 0,
      rephrased: 1,
      declined: 1,
      // Every suggestion was decided at the break; none was judged only by its wording.
      undecided: 0,
      notAsked: 1,
      judgedByWording: 0,
    });
    const timeline = await h.core.invoke('sessions.timeline', { sessionId });
    const notes = timeline.ok
      ? (
          timeline.value as {
            events: Array<{ type: string; interpreted?: boolean; original?: { text: string } }>;
          }
        ).events.filter((e) => e.type === 'note')
      : [];
    expect(notes.map((n) => [n.interpreted, n.original?.text])).toEqual([
      [true, undefined],
      [true, s.original],
    ]);

    // The end of the interview: the hand-off step comes first on the finish screen, keyboard
    // first (the first need has focus; Space ticks, Tab moves, Enter saves).
    await page.setViewportSize({ width: 1024, height: 700 });
    await button(ui('live.finish')).click();
    const first = label(tm('handoffStep.service.advocacy'));
    await first.waitFor();
    expect(
      await page.evaluate(
        "document.activeElement && document.activeElement.getAttribute('type') === 'checkbox' && document.activeElement.closest('.handoff-step') !== null",
      ),
    ).toBe(true);
    await page.keyboard.press('Space');
    await label(tm('handoffStep.service.other')).check();
    await label(tm('handoffStep.otherNote')).fill(
      lang === 'en' ? 'school transport' : 'transporte a la escuela',
    );
    expect(await sidewaysOverflow(page)).toEqual([]);
    await snap('handoff-step-1024x700');
    await label(tm('handoffStep.otherNote')).press('Enter');
    await page.getByText(tm('handoffStep.saved')).waitFor();
    const cases = await h.core.invoke('cases.list', {});
    const caseId = cases.ok
      ? (cases.value as { cases: Array<{ caseId: string }> }).cases[0]?.caseId
      : undefined;
    const planning = await h.core.invoke('planning.get', { caseId });
    expect(
      planning.ok &&
        (
          planning.value as { handoffs: Array<{ service: string; sessionId?: string }> }
        ).handoffs.map((x) => [x.service, x.sessionId]),
    ).toEqual([
      ['advocacy', sessionId],
      ['other', sessionId],
    ]);

    expect(violations).toEqual([]);
    expect(h.pageErrors).toEqual([]);
  } finally {
    await h.close();
  }
}

test('interpreted interview and break queue, English', () => interpretedInterview('en'));
test('interpreted interview and break queue, Spanish', () => interpretedInterview('es'));
