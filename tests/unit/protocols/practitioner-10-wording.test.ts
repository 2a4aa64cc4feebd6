// Practitioner review 10, the wording findings (P10-7 to P10-11, P10-15, P10-16), each checked
// as the kind of problem it is, over every protocol, age band and language a centre can plan.
import { listProtocols, planSession, type SessionPlan } from '../../../src/protocols';
import en from '../../../locales/en/protocols.json';
import es from '../../../locales/es/protocols.json';

const LANGS = ['en', 'es'] as const;
type Lang = (typeof LANGS)[number];

function plans(lang: Lang): SessionPlan[] {
  return listProtocols(lang).flatMap((p) =>
    [4, 8, 12, 15].map((age) =>
      planSession(p.id, age, lang, {
        interpreter: true,
        ...(p.id !== 'ten-step' ? { multiSession: true } : {}),
      }),
    ),
  );
}
const prompts = (plan: SessionPlan) =>
  plan.sessions.flatMap((s) => s.phases).flatMap((ph) => ph.prompts);

describe.each(LANGS)('practitioner review 10 wording (%s)', (lang) => {
  const all = plans(lang);

  it('P10-7: the NICHD break comes after the focused questions, and its goal says so', () => {
    const phases = planSession('nichd', 8, lang).sessions[0]!.phases;
    const at = (id: string) => phases.findIndex((ph) => ph.id === id);
    // Focused (directive) questions come before the break, so its goal cannot say "before any".
    expect(at('directive')).toBeLessThan(at('break'));
    expect(phases[at('break') + 1]?.elicitsUnmentioned).toBe(true);
    const goal = phases[at('break')]!.goal;
    expect(goal).not.toMatch(/before any focused|antes de cualquier pregunta focalizada/);
    expect(goal).toMatch(lang === 'en' ? /has not mentioned/ : /no ha mencionado/);
  });

  it('P10-8: every choice question Hearth shows offers an open option', () => {
    const choice = lang === 'en' ? /\bchoice\b/i : /\bopciones\b/i;
    const open = lang === 'en' ? /something else|some other time/i : /algo más|en otro momento/i;
    const shown = all
      .flatMap(prompts)
      .filter((p) => p.kind === 'option-posing' && choice.test(p.text));
    expect(shown.map((p) => p.id)).toEqual(expect.arrayContaining(['elicit.optionPosing']));
    expect(shown.filter((p) => !open.test(p.text)).map((p) => `${p.id}: ${p.text}`)).toEqual([]);
  });

  it('P10-9: ABE explains the recording once, and never calls a 14-17-year-old a child', () => {
    for (const age of [4, 8, 15]) {
      const rapport = planSession('abe', age, lang).sessions[0]!.phases.find(
        (ph) => ph.id === 'rapport',
      )!;
      const recording = lang === 'en' ? /\b(?:video|camera|record)/i : /\b(?:video|cámara|grab)/i;
      expect(rapport.prompts.filter((p) => recording.test(p.text)).map((p) => p.id)).toEqual([
        'intro.recording',
      ]);
    }
    const purpose = prompts(planSession('abe', 15, lang)).find((p) => p.id === 'abe.purpose')!;
    expect(purpose.text).not.toMatch(lang === 'en' ? /\bchildren|kids\b/i : /\bniños\b/i);
  });

  it('P10-15: nothing calls the putative confession a Ten Step step; it is Lyon\u2019s research option', () => {
    const catalog = JSON.stringify({ en, es }[lang]);
    expect(catalog).not.toMatch(lang === 'en' ? /Ten Step option/ : /[Oo]pción del Ten Step/);
    const pc = prompts(
      planSession('ten-step', 7, lang, {
        putativeConfession: { decidedBy: 'MDT and ADA', personNamed: 'this-interview' },
      }),
    ).find((p) => p.id === 'tenStep.putativeConfession')!;
    expect(pc.text).toMatch(lang === 'en' ? /Research option from Lyon/ : /grupo de Lyon/);
  });

  it('P10-16: the break reminder for 3-5 makes no claim about young children, only Hearth\u2019s', () => {
    const reminder = { en, es }[lang].engine.breakReminder;
    for (const text of Object.values(reminder)) {
      expect(text).toMatch(lang === 'en' ? /^Hearth's reminder/ : /^Recordatorio de Hearth/);
      expect(text).not.toMatch(/tire quickly|se cansan rápido/);
    }
  });
});

describe('Spanish (es-419) wording', () => {
  const esPrompts = plans('es').flatMap(prompts);

  it('P10-10: no prompt asks about a time the child "se sintió mal" (read as "felt sick")', () => {
    const bad = esPrompts.filter((p) => /sent[ií]\w* mal\b/i.test(p.text)).map((p) => p.id);
    expect([...new Set(bad)]).toEqual([]);
    expect(esPrompts.some((p) => p.id === 'rapport.unpleasantEvent')).toBe(true);
  });

  it('P10-11: the Spanish "fastidiando" says it is Hearth\u2019s wording, not checked with NICHD\u2019s', () => {
    const bothering = esPrompts.filter((p) => p.id === 'transition.bothering');
    expect(bothering.length).toBeGreaterThan(0);
    for (const p of bothering)
      expect(p.text).toMatch(
        /Redacción en español de Hearth; no se verificó con la traducción oficial del NICHD/,
      );
  });
});
