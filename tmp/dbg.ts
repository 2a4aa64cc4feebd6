import { planSession } from '../src/protocols';
import { builtInScenario, simulate, type PracticeTurn } from '../src/training';
import { scriptedMatchers } from '../src/training/scripted';
const [id, lang, q] = process.argv.slice(2) as [string, 'en'|'es', string];
const sc = builtInScenario(id, lang)!; const m = scriptedMatchers(planSession('nichd', sc.ageYears, lang));
const sim = simulate(sc, 1, [{text: lang==='en'?'Tell me about things you like to do.':'Cuéntame sobre las cosas que te gusta hacer.', phaseId:'rapport', substantive:false}, {text: lang==='en'?'Tell me everything that happened.':'Cuéntame todo lo que pasó.', phaseId:'x', substantive:true}, {text:q, phaseId:'x', substantive:true}], [], m);
console.log(sim.replies.map(r=>[r.coding.type, r.coding.subtype, r.answer]), [...sim.remembered]);
