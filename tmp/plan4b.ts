import { planSession } from '../src/protocols';
const p: any = planSession('nichd', 4, 'en'); for (const s of p.sessions) for (const ph of s.phases) if (['rapport','narrativePractice','investigation','groundRules'].includes(ph.id)) console.log(ph.id, JSON.stringify(ph.prompts.map((x:any)=>x.text)));
