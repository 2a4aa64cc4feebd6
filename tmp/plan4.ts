import { planSession } from '../src/protocols';
import { scriptedMatchers, matchScripted } from '../src/training/scripted';
for (const age of [4,5,8]) { const p: any = planSession('nichd', age, 'en'); const m = scriptedMatchers(p);
 for (const q of ['Now that I know you a little better, tell me what you came here to talk about today.','Tell me about something fun that happened to you in the last few days.','Tell me everything that happened, from the very beginning to the end.', 'Did that happen one time or more than one time?']) console.log(age, q.slice(0,40), JSON.stringify(matchScripted(m, q, []))); 
 for (const s of p.sessions) for (const ph of (s.phases ?? [s])) if (ph.id==='transition') console.log(JSON.stringify(ph.prompts.map((x:any)=>x.text).slice(0,2))); }
