import { planSession } from '../src/protocols';
for (const l of ['en','es'] as const) { const p: any = planSession('nichd', 8, l); for (const s of p.sessions) for (const ph of (s.phases ?? [s])) console.log(l, ph.id, JSON.stringify((ph.prompts ?? ph.steps ?? []).map((x:any)=>x.text ?? x.prompt ?? x)).slice(0,900)); }
