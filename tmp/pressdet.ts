import { builtInScenario, simulate, type PracticeTurn } from '../src/training';
const S = (text: string): PracticeTurn => ({ text, phaseId: 'investigation', substantive: true });
for (const id of ['pupil-threats','uncle-secret']) { const sc = builtInScenario(id,'es')!; const c = new Map<string,number>();
 for (let seed=1; seed<=50; seed++) { const sim = simulate(sc, seed, [S('Tienes que decirme lo que hizo. Todos los demás ya me lo dijeron.'), S('Cuéntame todo lo que pasó.')]); for (const d of sim.falseDetails) c.set(d.detail + ' | ' + sim.replies[d.turn]!.answer, (c.get(d.detail + ' | ' + sim.replies[d.turn]!.answer)??0)+1); }
 console.log(id, JSON.stringify([...c].slice(0,5))); }
