// train20's own wh- question sets (B18-1), written apart from the audits' examples.
// Usage: npx tsx tmp/wh-own.ts dev|held [seeds]
import { planSession } from '../src/protocols';
import { builtInScenario, simulate, type PracticeTurn } from '../src/training';
import { scriptedMatchers } from '../src/training/scripted';
const R = (text: string): PracticeTurn => ({ text, phaseId: 'rapport', substantive: false });
const S = (text: string): PracticeTurn => ({ text, phaseId: 'investigation', substantive: true });
type Row = [string, 'en' | 'es', string, RegExp];
const IDK = /don't know|don't remember|no sé|no me acuerdo|^(a man|my friend|at home|outside|yesterday|in the morning|five|two times|red|a big one|he was playing)\??$/i;
const dev: Row[] = [
  ['dog-bite', 'en', 'Where were you when the dog came?', /park|slide/i],
  ['dog-bite', 'en', 'Who took the dog away?', /lady/i],
  ['dog-bite', 'en', 'What did Grandma do?', /band-aid|there/i],
  ['dog-bite', 'es', '¿Quién estaba contigo?', /abuelita/i],
  ['dog-bite', 'es', '¿Cómo era el perro?', /café|peludo|grande/i],
  ['dog-bite', 'es', '¿Qué te hizo el perro?', /mord/i],
  ['visitor-nothing', 'en', 'What did Mr. Dan do?', /story|hello|walked|bye/i],
  ['visitor-nothing', 'es', '¿Quién más estaba en el salón?', /maestra|dan/i],
  ['party-push', 'en', 'What did the man look like?', /cap/i],
  ['party-push', 'en', 'Where did you hide?', /couch/i],
  ['party-push', 'es', '¿De qué color era la gorra?', /verde/i],
  ['party-push', 'es', '¿Qué hiciste tú?', /escond/i],
  ['babysitter-repeated', 'en', 'What does Tina do?', /lock|yell/i],
  ['babysitter-repeated', 'es', '¿A quién le contaste?', /mamá/i],
  ['shoplifting-sibling', 'en', 'Where did you go after school?', /store/i],
  ['shoplifting-sibling', 'es', '¿Qué hizo Marco?', /chocolates|pagó|dio/i],
  ['uncle-secret', 'en', 'Who did you tell?', /ana|friend|teacher/i],
  ['uncle-secret', 'es', '¿Dónde vive tu tío?', /nosotros/i],
  ['stolen-bike', 'en', 'What clothes did he have on?', /hoodie/i],
  ['stolen-bike', 'en', 'Where did you leave your bike?', /library/i],
  ['stolen-bike', 'es', '¿Cómo era el muchacho?', /sudadera|mochila/i],
  ['stolen-bike', 'es', '¿Quién te ayudó a llamar a tu mamá?', /bibliotecaria/i],
  ['road-accident', 'en', 'What did the driver look like?', /short hair|woman/i],
  ['road-accident', 'en', 'What hurt?', /elbow|scraped|fell|clipped/i],
  ['road-accident', 'es', '¿Cómo te lastimaste?', /codo|caí|manubrio/i],
  ['road-accident', 'es', '¿Qué hizo la conductora?', /perdón|número|bajó/i],
  ['pupil-threats', 'en', 'Where did he wait for you?', /bus stop/i],
  ['pupil-threats', 'es', '¿Quién estaba grabando?', /amigo/i],
  ['teen-exploitation', 'en', 'Where do you stay at night?', /apartment/i],
  ['teen-exploitation', 'es', '¿Qué te compró?', /celular|ropa/i],
  ['dog-bite', 'en', 'What time was it?', IDK],
  ['stolen-bike', 'es', '¿Cómo se llamaba el muchacho?', IDK],
];
const held: Row[] = [
  ['dog-bite', 'en', 'How did your hand get hurt?', /bit/i],
  ['dog-bite', 'es', '¿De qué color era la correa?', /roja/i],
  ['visitor-nothing', 'en', 'What did he read to you?', /story|bear/i],
  ['party-push', 'en', 'What happened to Sam\'s dad?', /fell|push/i],
  ['party-push', 'es', '¿Quién le dijo al hombre que se fuera?', /tía/i],
  ['babysitter-repeated', 'en', 'Who is Tina?', /babysitter/i],
  ['shoplifting-sibling', 'es', '¿Quién estaba en la caja?', /señor/i],
  ['shoplifting-sibling', 'en', 'What did you buy?', /juice/i],
  ['uncle-secret', 'en', 'Where does he come in?', /room/i],
  ['stolen-bike', 'en', 'What color was his hoodie?', /gray/i],
  ['stolen-bike', 'es', '¿Qué llevaba en la espalda?', /mochila/i],
  ['road-accident', 'en', 'Who called your dad?', /man from the bakery/i],
  ['road-accident', 'es', '¿Cómo era la conductora?', /pelo corto|señora/i],
  ['pupil-threats', 'es', '¿Qué te decían los mensajes?', /daño|dinero/i],
  ['teen-exploitation', 'en', 'Who is Marcus?', /boyfriend/i],
  ['teen-exploitation', 'es', '¿Dónde fue la última vez?', /motel/i],
  ['road-accident', 'en', 'What did the baker wear?', IDK],
];
const which = process.argv[2] === 'held' ? held : dev;
const N = Number(process.argv[3] ?? 60);
let okAll = 0, totAll = 0, yesAll = 0, fdAll = 0;
for (const [id, lang, q, re] of which) {
  const sc = builtInScenario(id, lang)!;
  const m = scriptedMatchers(planSession('nichd', sc.ageYears, lang));
  const inv = lang === 'en' ? 'Tell me everything that happened.' : 'Cuéntame todo lo que pasó.';
  let hit = 0, yes = 0, fd = 0, rel = 0; const ex = new Map<string, number>();
  for (let seed = 1; seed <= N; seed++) {
    const sim = simulate(sc, seed, [R(lang === 'en' ? 'Tell me about things you like to do.' : 'Cuéntame sobre las cosas que te gusta hacer.'), S(inv), S(q)], [], m);
    const r = sim.replies[2]!; const a = r.answer;
    if (r.reluctant) { rel++; continue; }
    if (re.test(a)) hit++; if (/^(yes|yeah|sí)\b/i.test(a)) yes++;
    if (sim.falseDetails.some((d) => d.turn === 2 && d.source === 'suggested')) fd++;
    ex.set(a, (ex.get(a) ?? 0) + 1);
  }
  const n = N - rel; okAll += hit; totAll += n; yesAll += yes; fdAll += fd;
  console.log(`${hit === n ? 'ok ' : 'BAD'} ${lang} ${id} "${q}": ${hit}/${n} (reluctant ${rel}) yes ${yes} fd ${fd} top ${JSON.stringify([...ex].sort((a, b) => b[1] - a[1]).slice(0, 2))}`);
}
console.log(`TOTAL ${process.argv[2] ?? 'dev'}: asked-for ${okAll}/${totAll} (${(100 * okAll / totAll).toFixed(1)}%), "Yes"-start ${yesAll}, suggested false details ${fdAll}`);
