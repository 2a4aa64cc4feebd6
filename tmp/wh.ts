import { planSession } from '../src/protocols';
import { builtInScenario, simulate, type PracticeTurn } from '../src/training';
import { scriptedMatchers } from '../src/training/scripted';
const R = (text: string): PracticeTurn => ({ text, phaseId: 'rapport', substantive: false });
const S = (text: string): PracticeTurn => ({ text, phaseId: 'investigation', substantive: true });
const cases: Array<[string, 'en'|'es', string, RegExp]> = [
 ['party-push','en','What was the man wearing?', /cap/i],
 ['party-push','en','Where were you?', /backyard|party/i],
 ['party-push','en','What did the man do?', /push|shout/i],
 ['party-push','en','Who was shouting?', /man/i],
 ['party-push','en','What happened to Sam\'s dad?', /fell|push/i],
 ['stolen-bike','en','What color is your bike?', /blue/i],
 ['stolen-bike','en','When did it happen?', /saturday/i],
 ['stolen-bike','en','What did he look like?', /hoodie|backpack|teen/i],
 ['stolen-bike','en','Where did he go?', /bus/i],
 ['stolen-bike','en','Who helped you?', /librarian/i],
 ['dog-bite','en','What did the dog do?', /bit/i],
 ['dog-bite','en','Who was there?', /grandma/i],
 ['dog-bite','en','What color was the dog?', /brown/i],
 ['road-accident','en','What color was the car?', /silver/i],
 ['road-accident','en','What did the driver do?', /sorry|got out|number/i],
 ['road-accident','en','How did you get hurt?', /elbow|fell|clipped/i],
 ['pupil-threats','en','What did the messages say?', /mess me up|money/i],
 ['party-push','es','¿Qué llevaba puesto el hombre?', /gorra/i],
 ['party-push','es','¿Dónde estabas?', /patio|fiesta/i],
 ['party-push','es','¿Qué hizo el hombre?', /empuj|grit/i],
 ['stolen-bike','es','¿De qué color es tu bici?', /azul/i],
 ['stolen-bike','es','¿Cuándo pasó?', /sábado/i],
 ['stolen-bike','es','¿Adónde se fue?', /autob|camion|estación/i],
 ['dog-bite','es','¿Qué hizo el perro?', /mord/i],
 ['road-accident','es','¿De qué color era el carro?', /plat|gris/i],
];
for (const [id, lang, q, re] of cases) {
  const sc = builtInScenario(id, lang)!; const m = scriptedMatchers(planSession('nichd', sc.ageYears, lang));
  const inv = lang === 'en' ? 'Tell me everything that happened.' : 'Cuéntame todo lo que pasó.';
  let hit = 0, yes = 0, dk = 0, fd = 0; const ex = new Map<string, number>();
  for (let seed = 1; seed <= 150; seed++) {
    const sim = simulate(sc, seed, [R(lang==='en'?'Tell me about things you like to do.':'Cuéntame sobre las cosas que te gusta hacer.'), S(inv), S(q)], [], m);
    const a = sim.replies[2]!.answer; if (re.test(a)) hit++; if (/^(yes|yeah|sí)\b/i.test(a)) yes++; if (/don't know|no sé|no me acuerdo|don't remember/i.test(a)) dk++;
    if (sim.falseDetails.some(d => d.turn === 2)) fd++;
    ex.set(a, (ex.get(a) ?? 0) + 1);
  }
  console.log(`${lang} ${id} "${q}": asked-for ${hit}/150, Yes-start ${yes}, dk ${dk}, false ${fd}  top: ${JSON.stringify([...ex].sort((a,b)=>b[1]-a[1]).slice(0,3))}`);
}
