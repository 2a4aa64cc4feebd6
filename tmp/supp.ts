import { planSession } from '../src/protocols';
import { builtInScenarios, simulate, type PracticeTurn } from '../src/training';
import { scriptedMatchers } from '../src/training/scripted';
const R = (text: string): PracticeTurn => ({ text, phaseId: 'rapport', substantive: false });
const S = (text: string): PracticeTurn => ({ text, phaseId: 'investigation', substantive: true });
for (const lang of ['en','es'] as const) {
  const P10: any = planSession('nichd', 10, lang);
  const sup0: string[] = P10.supportivePrompts.map((p:any)=>p.text).filter((t:string)=>!/\[/.test(t));
   
  const inv = lang==='en' ? 'Tell me everything that happened.' : 'Cuéntame todo lo que pasó.';
  for (const sc of builtInScenarios(lang)) {
    const plan: any = planSession('nichd', sc.ageYears, lang); const m = scriptedMatchers(plan); const sup: string[] = plan.supportivePrompts.map((p:any)=>p.text).filter((t:string)=>!/\[/.test(t));
    const words = new Map<string,number>(); let runs=0, bad=0;
    for (let seed=1; seed<=60; seed++) for (const s of sup) {
      const sim = simulate(sc, seed, [R(lang==='en'?'Tell me about things you like to do.':'Cuéntame sobre las cosas que te gusta hacer.'), S(inv), S(s), S(inv)], [], m);
      runs++; const fd = sim.falseDetails.filter(d=>d.turn>=2); if (fd.length) bad++;
      for (const d of fd) words.set(`${d.detail} <- ${s.slice(0,50)}`, (words.get(`${d.detail} <- ${s.slice(0,50)}`) ?? 0)+1);
    }
    console.log(lang, sc.id, `${bad}/${runs}`, JSON.stringify([...words].sort((a,b)=>b[1]-a[1]).slice(0,3)));
  }
}
