import { planSession } from '../src/protocols';
import { builtInScenarios, simulate, type PracticeTurn } from '../src/training';
import { scriptedMatchers } from '../src/training/scripted';
const R = (text: string): PracticeTurn => ({ text, phaseId: 'rapport', substantive: false });
const S = (text: string): PracticeTurn => ({ text, phaseId: 'investigation', substantive: true });
const P: Record<string,string[]> = {
 en: ['Now that I know you a bit better, tell me what you came here to talk about.', 'Tell me everything you remember, from the beginning to the end.', 'Take your time and tell me all about it.', 'Tell me more about that.'],
 es: ['Ahora que te conozco un poquito mejor, cuéntame de qué viniste a hablar.', 'Cuéntame todo lo que recuerdas, desde el principio hasta el final.', 'Tómate tu tiempo y cuéntame todo.', 'Cuéntame más sobre eso.'],
};
for (const lang of ['en','es'] as const) for (const sc of builtInScenarios(lang)) {
  const m = scriptedMatchers(planSession('nichd', sc.ageYears, lang));
  const words = new Map<string, number>(); let runs = 0, withFalse = 0;
  for (let seed = 1; seed <= 200; seed++) {
    const sim = simulate(sc, seed, [R(lang==='en'?'Tell me about things you like to do.':'Cuéntame sobre las cosas que te gusta hacer.'), ...P[lang].map(S)], [], m);
    runs++; if (sim.falseDetails.length) withFalse++;
    for (const d of sim.falseDetails) words.set(d.detail, (words.get(d.detail) ?? 0) + 1);
  }
  console.log(lang, sc.id, sc.ageYears, `runs with a "false detail" from 4 open invitations: ${withFalse}/${runs}`, JSON.stringify([...words].sort((a,b)=>b[1]-a[1]).slice(0,6)));
}
