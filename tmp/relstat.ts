import { planSession } from '../src/protocols';
import { builtInScenario, simulate, type PracticeTurn } from '../src/training';
import { scriptedMatchers } from '../src/training/scripted';
const S = (text: string, phaseId='investigation'): PracticeTurn => ({ text, phaseId, substantive: phaseId!=='rapport' });
const W = { en: { r: 'Tell me about things you like to do.', inv: 'Tell me everything that happened.', sup: 'I can see this is hard to talk about. You can take your time.', press: "You have to tell me what he did. Everybody else already told me." },
 es: { r: 'Cuéntame sobre las cosas que te gusta hacer.', inv: 'Cuéntame todo lo que pasó.', sup: 'Veo que es difícil hablar de esto. Puedes tomarte tu tiempo.', press: 'Tienes que decirme lo que hizo. Todos los demás ya me lo dijeron.' } };
for (const lang of ['en','es'] as const) for (const id of ['pupil-threats','uncle-secret','teen-exploitation']) {
  const sc = builtInScenario(id, lang)!; const m = scriptedMatchers(planSession('nichd', sc.ageYears, lang)); const w = W[lang];
  const agg: Record<string, number[]> = { none: [0,0,0,0], support: [0,0,0,0], pressure: [0,0,0,0] }; const N = 150;
  for (let seed=1; seed<=N; seed++) for (const mode of ['none','support','pressure']) {
    const turns: PracticeTurn[] = [S(w.r,'rapport'), S(w.r,'rapport')];
    for (let i=0;i<6;i++) { if (mode==='support') turns.push(S(w.sup)); if (mode==='pressure') turns.push(S(w.press)); turns.push(S(w.inv)); }
    const sim = simulate(sc, seed, turns, [], m); const a = agg[mode]!;
    a[0]! += sim.elicited.size ?? (sim.elicited as any).length; a[1]! += sim.falseDetails.length; a[2]! += sim.notToday ? 1 : 0; a[3]! += sim.reluctanceEnd;
  }
  console.log(lang, id, Object.entries(agg).map(([k,v])=>`${k}: facts ${(v[0]!/N).toFixed(2)} false ${(v[1]!/N).toFixed(2)} notToday ${v[2]} relEnd ${(v[3]!/N).toFixed(2)}`).join(' | '));
}
