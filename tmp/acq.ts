import { planSession } from '../src/protocols';
import { builtInScenarios, simulate, type PracticeTurn } from '../src/training';
import { scriptedMatchers } from '../src/training/scripted';
const R = (text: string): PracticeTurn => ({ text, phaseId: 'rapport', substantive: false });
const S = (text: string): PracticeTurn => ({ text, phaseId: 'investigation', substantive: true });
const W = { en: { r: 'Tell me about things you like to do.', inv: 'Tell me everything that happened.', yn: 'Did it happen on a Wednesday?', summ: 'So it happened at night in the kitchen, and a woman did it.', legal: 'Did the alleged perpetrator engage in the conduct described in the complaint?', neg: "Isn't it not true that you didn't see nobody?" },
 es: { r: 'Cuéntame sobre las cosas que te gusta hacer.', inv: 'Cuéntame todo lo que pasó.', yn: '¿Pasó un miércoles?', summ: 'Entonces pasó en la noche, en la cocina, y lo hizo una mujer.', legal: '¿El presunto agresor incurrió en la conducta descrita en la denuncia?', neg: '¿No es cierto que no viste a nadie?' } };
for (const lang of ['en','es'] as const) for (const sc of builtInScenarios(lang)) {
  if (sc.personality === 'reluctant') continue;
  const w = W[lang]; const m = scriptedMatchers(planSession('nichd', sc.ageYears, lang));
  let ynAns = 0, summStand = 0, summNo = 0, legalDU = 0, negDU = 0; const N = 150; const ex = new Map<string,number>();
  for (let seed = 1; seed <= N; seed++) {
    const s1 = simulate(sc, seed, [R(w.r), S(w.inv), S(w.yn)], [], m); const a = s1.replies[2]!.answer; if (!/know|sé|remember|acuerdo|understand|entiendo/i.test(a)) ynAns++;
    const s2 = simulate(sc, seed, [R(w.r), S(w.inv), S(w.summ)], [], m); const b = s2.replies[2]!.answer; if (s2.falseDetails.some(d=>d.turn===2)) summStand++; if (/^(no\b|that's not|eso no)/i.test(b)) summNo++; ex.set(b,(ex.get(b)??0)+1);
    const s3 = simulate(sc, seed, [R(w.r), S(w.inv), S(w.legal)], [], m); if (s3.replies[2]!.notUnderstood) legalDU++;
    const s4 = simulate(sc, seed, [R(w.r), S(w.inv), S(w.neg)], [], m); if (s4.replies[2]!.notUnderstood) negDU++;
  }
  console.log(`${lang} ${sc.id} age ${sc.ageYears}: unanswerable y/n answered ${ynAns}/${N}; wrong summary left standing ${summStand}, "No" ${summNo}; legal DU ${legalDU}, neg DU ${negDU}; summ top ${JSON.stringify([...ex].sort((a,b)=>b[1]-a[1]).slice(0,3))}`);
}
