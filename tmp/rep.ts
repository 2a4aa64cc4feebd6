import { planSession } from '../src/protocols';
import { builtInScenario, simulate, type PracticeTurn } from '../src/training';
import { scriptedMatchers } from '../src/training/scripted';
const R = (text: string): PracticeTurn => ({ text, phaseId: 'rapport', substantive: false });
const S = (text: string): PracticeTurn => ({ text, phaseId: 'investigation', substantive: true });
const sc = builtInScenario('babysitter-repeated','en')!; const m = scriptedMatchers(planSession('nichd', 8, 'en'));
for (const q of ['Did Tina lock your door one time or more than one time?', 'How many times did that happen?', 'Has that happened before?', 'Did it happen one time or lots of times?']) {
  const ex = new Map<string,number>(); let fd=0;
  for (let seed=1; seed<=150; seed++) { const sim = simulate(sc, seed, [R('Tell me about things you like to do.'), S('Tell me everything that happened.'), S('Tell me more about that.'), S(q), S('Tell me everything about the last time.')], [], m);
    const a = sim.replies[3]!.answer; ex.set(a.slice(0,60),(ex.get(a.slice(0,60))??0)+1); if (sim.falseDetails.length) fd++; }
  console.log(q, 'runs with false details', fd, JSON.stringify([...ex].sort((a,b)=>b[1]-a[1]).slice(0,4)));
}
const nh = builtInScenario('visitor-nothing','en')!; const m5 = scriptedMatchers(planSession('nichd', 5, 'en'));
let alleg = 0, allegOpen = 0;
for (let seed=1; seed<=200; seed++) {
  const a = simulate(nh, seed, [R('Tell me about things you like to play.'), S('Tell me why you came here today.'), S('Tell me everything that happened.'), S('Then what happened?'), S('Tell me more about Mr. Dan.'), S('Is there anything else?')], [], m5);
  if (a.allegation.by !== 'none' || a.falseDetails.length) allegOpen++;
  const b = simulate(nh, seed, [R('Tell me about things you like to play.'), S('Tell me why you came here today.'), S('Did Mr. Dan do something bad?'), S('Did he hurt you?'), S('Your friends said he was mean to you.'), S('Did he touch you?')], [], m5);
  if (b.allegation.by === 'interviewer') alleg++;
}
console.log(`visitor-nothing: open-only interview -> allegation or false detail ${allegOpen}/200; four suggestive questions -> interviewer-made allegation ${alleg}/200`);
