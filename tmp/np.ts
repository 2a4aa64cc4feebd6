import { builtInScenario, simulate, type PracticeTurn } from '../src/training';
const R = (text: string): PracticeTurn => ({ text, phaseId: 'narrativePractice', substantive: false });
for (const [id, l, q] of [['stolen-bike','en','Tell me everything that happened on your last birthday.'],['stolen-bike','en','Tell me everything that happened yesterday, from when you woke up.'],['party-push','es','Cuéntame todo lo que pasó en tu último cumpleaños.'],['dog-bite','en','Tell me everything you did this morning.']] as const) {
  const sc = builtInScenario(id, l)!; const sim = simulate(sc, 3, [{text: l==='en'?'Tell me about things you like to do.':'Cuéntame sobre las cosas que te gusta hacer.', phaseId:'rapport', substantive:false}, R(q), R(l==='en'?'And then what happened?':'¿Y después qué pasó?')]);
  console.log(id, l, q, '=>', sim.replies[1]!.answer, '|', sim.replies[2]!.answer);
}
