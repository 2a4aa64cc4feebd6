import { planSession } from '../src/protocols';
import { builtInScenario, simulate, type PracticeTurn } from '../src/training';
import { scriptedMatchers } from '../src/training/scripted';
const S = (text: string): PracticeTurn => ({ text, phaseId: 'investigation', substantive: true });
for (const [l, r, qs] of [['en','Tell me about things you like to do.',['Is Marcus trafficking you?','Is he pimping you out?','Are you being sexually exploited?']],['es','Cuéntame sobre las cosas que te gusta hacer.',['¿Marcus te está explotando?','¿Te está prostituyendo?','¿Te están explotando sexualmente?']]] as const) {
  const sc = builtInScenario('teen-exploitation', l)!; const m = scriptedMatchers(planSession('nichd', 16, l));
  for (const q of qs) { let fd=0, yes=0, alleg=0; const types = new Set<string>();
    for (let seed=1; seed<=150; seed++) { const sim = simulate(sc, seed, [{text:r,phaseId:'rapport',substantive:false}, S(q)], [], m); types.add(sim.replies[1]!.coding.type); if (sim.falseDetails.length) fd++; if (/^(yes|yeah|sí)/i.test(sim.replies[1]!.answer)) yes++; if (sim.allegation.by==='interviewer') alleg++; }
    console.log(l, q, [...types].join(','), `false detail ${fd}/150, yes ${yes}, allegation by interviewer ${alleg}`); }
}
