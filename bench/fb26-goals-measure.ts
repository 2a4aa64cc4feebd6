// Before/after measure for fb26 (issue #18): which goals a trainee sees (the first two) over two
// fixed transcripts ("closed": directives and two unpaired choice questions; "good": rapport,
// two rules stated, two narrative-practice invitations, then invitations), every built-in
// scenario in en and es, seeds 1-10. ROOT is a checkout whose src/ is measured, so the same
// script reads the code before and after a change:
//   ROOT=/path/to/before npx tsx bench/fb26-goals-measure.ts
//   ROOT=$PWD npx tsx bench/fb26-goals-measure.ts
// Dynamic require (not import) so that ROOT can name another checkout; hence the lint lines.
/* eslint-disable @typescript-eslint/no-require-imports, @typescript-eslint/no-unsafe-call, @typescript-eslint/no-explicit-any, @typescript-eslint/no-unsafe-argument, @typescript-eslint/no-unsafe-return */
const root = process.env.ROOT ?? process.cwd();
const { planSession } = require(root + '/src/protocols');
const { buildFeedback, builtInScenarios, simulate } = require(root + '/src/training');
const { scriptedMatchers } = require(root + '/src/training/scripted');
const SUB = new Set(['transition', 'investigation', 'closing']);
const turn = (phaseId: string, text: string) => ({ text, phaseId, substantive: SUB.has(phaseId) });
const T: Record<string, Record<string, any[]>> = {
  en: {
    closed: [turn('rapport','Tell me about things you like to do.'),turn('transition','Tell me what you came here to talk about today.'),turn('investigation','Where were you?'),turn('investigation','Were you inside or outside?'),turn('investigation','Who was there?'),turn('investigation','Did you say something?'),turn('investigation','What did he say?'),turn('investigation','Where did you go after that?')],
    good: [turn('rapport','Tell me about things you like to do.'),turn('rapport','Tell me more about that.'),turn('groundRules','If I ask you a question and you don\'t know the answer, just say "I don\'t know."'),turn('groundRules',"If I say something wrong, tell me. You know things I don't know."),turn('narrativePractice','Tell me everything that happened on your last birthday.'),turn('narrativePractice','And then what happened?'),turn('transition','Tell me what you came here to talk about today.'),turn('investigation','Tell me everything that happened.'),turn('investigation','And then what happened?'),turn('investigation','Tell me more about that.')],
  },
  es: {
    closed: [turn('rapport','Cuéntame sobre las cosas que te gusta hacer.'),turn('transition','Cuéntame de qué viniste a hablar hoy.'),turn('investigation','¿Dónde estabas?'),turn('investigation','¿Estabas adentro o afuera?'),turn('investigation','¿Quién estaba ahí?'),turn('investigation','¿Dijiste algo?'),turn('investigation','¿Qué dijo él?'),turn('investigation','¿A dónde fuiste después de eso?')],
    good: [turn('rapport','Cuéntame sobre las cosas que te gusta hacer.'),turn('rapport','Cuéntame más sobre eso.'),turn('groundRules','Si te hago una pregunta y no sabes la respuesta, dime “no sé”.'),turn('groundRules','Si digo algo que está mal, dímelo. Tú sabes cosas que yo no sé.'),turn('narrativePractice','Cuéntame todo lo que pasó en tu último cumpleaños.'),turn('narrativePractice','¿Y después qué pasó?'),turn('transition','Cuéntame de qué viniste a hablar hoy.'),turn('investigation','Cuéntame todo lo que pasó.'),turn('investigation','¿Y después qué pasó?'),turn('investigation','Cuéntame más sobre eso.')],
  },
};
const SEEDS = Array.from({ length: 10 }, (_, i) => i + 1);
const out: Record<string, number> = {};
const inc = (k: string) => (out[k] = (out[k] ?? 0) + 1);
for (const lang of ['en', 'es'])
  for (const s of builtInScenarios(lang))
    for (const [name, turns] of Object.entries(T[lang]!))
      for (const seed of SEEDS) {
        const plan = planSession('nichd', s.ageYears, s.language);
        const sim = simulate(s, seed, turns, [], scriptedMatchers(plan));
        const dialogue = turns.flatMap((t: any, i: number) => [{ speaker: 'interviewer', text: t.text, phaseId: t.phaseId }, { speaker: 'child', text: sim.replies[i]?.answer ?? '', phaseId: t.phaseId }]);
        const f = buildFeedback({ scenario: s, seed, turns: dialogue, simulation: sim, plan, phasesEntered: new Set(turns.map((t: any) => t.phaseId)) });
        const ids = f.goals.map((g: any) => g.id);
        inc(`${name}:runs`);
        const unpaired = f.measures.pairing.closed > f.measures.pairing.pairedAtOnce;
        if (unpaired) { inc(`${name}:unpaired`); if (ids.includes('pairOptionPosing')) inc(`${name}:unpaired-shown`); }
        if (s.ageYears >= 14) { inc(`${name}:14-17`); if (ids.includes('groundRules')) inc(`${name}:14-17-practise-goal`); }
        if (s.ageYears <= 5) { inc(`${name}:3-5`); if (ids.includes('groundRules') && /understand|entiendo/.test(f.goals.find((g: any) => g.id === 'groundRules').text)) inc(`${name}:3-5-practise-dontUnderstand`); }
        if (s.ageYears <= 5 && f.measures.narrativePractice.prompts > 0) { inc(`${name}:3-5-np`); inc(`${name}:3-5-np-${f.measures.narrativePractice.quality}`); }
      }
console.log(JSON.stringify(out, null, 0));
