import { withCore, interview } from './run';
const lang = (process.argv[2] ?? 'en') as 'en'|'es'; const id = process.argv[3] ?? 'uncle-secret'; const seed = Number(process.argv[4] ?? 7);
const E = lang === 'en' ? {
 r: ['Tell me about things you like to do.', 'Tell me more about that.'],
 tr: ['Tell me why you came to talk to me today.'],
 push: ['You need to tell me now.', 'We can\'t leave until you tell me.', 'Your uncle did something to you, didn\'t he?'],
 sup: ['I really want to know about you. You are not in any trouble.', 'Tell me what is making it hard to talk.', 'It\'s okay to talk about anything here. Tell me what happened.'],
 inv: ['Tell me everything that happened.', 'Tell me more about that.', 'And then what happened?'],
} : {
 r: ['Cuéntame sobre las cosas que te gusta hacer.', 'Cuéntame más sobre eso.'],
 tr: ['Cuéntame por qué viniste a hablar conmigo hoy.'],
 push: ['Tienes que decírmelo ahora.', 'No podemos irnos hasta que me lo digas.', 'Tu tío te hizo algo, ¿verdad?'],
 sup: ['De verdad quiero saber de ti. No estás en ningún problema.', 'Cuéntame qué hace que sea difícil hablar.', 'Aquí está bien hablar de cualquier cosa. Cuéntame qué pasó.'],
 inv: ['Cuéntame todo lo que pasó.', 'Cuéntame más sobre eso.', '¿Y después qué pasó?'],
};
withCore(async (core) => {
  console.log('--- session 1 (pressure)');
  const a = await interview(core, id, lang, seed, [['rapport', E.r], ['transition', E.tr], ['investigation', [...E.push, ...E.inv]]], 'cannot-tell');
  console.log(JSON.stringify({ rel: a.feedback.measures.reluctance, notToday: a.feedback.notToday, facts: a.feedback.trueFactsElicited, goals: a.feedback.goals.map((g:any)=>g.id), concl: a.feedback.conclusion?.correct }));
  console.log('--- session 2 (support)');
  const b = await interview(core, id, lang, seed, [['rapport', E.r], ['transition', [...E.sup, ...E.tr]], ['investigation', [...E.sup.slice(0,1), ...E.inv, ...E.inv]]], 'event', a.sessionId);
  console.log(JSON.stringify({ session: b.feedback.session, rel: b.feedback.measures.reluctance, facts: b.feedback.trueFactsElicited, across: b.feedback.acrossSessions ?? b.feedback.measures.acrossSessions, goals: b.feedback.goals.map((g:any)=>g.text), concl: b.feedback.conclusion }));
}).catch((e) => { console.error(e); process.exit(1); });
