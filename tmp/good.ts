import { withCore, interview } from './run';
const lang = (process.argv[2] ?? 'en') as 'en'|'es';
const ids = (process.argv[3] ?? 'dog-bite,visitor-nothing,babysitter-repeated,uncle-secret,teen-exploitation').split(',');
const seed = Number(process.argv[4] ?? 3);
const Q = lang === 'en' ? {
 rapport: ['I want to get to know you better. Tell me about things you like to do.', 'Tell me more about that.'],
 np: ['Tell me about something fun that happened to you in the last few days.', 'And then what happened?', 'Tell me more about that.'],
 gr: ["If I ask a question and you don't know the answer, just say \"I don't know\". Don't guess.", 'So if I ask you, "What is my dog\'s name?", what would you say?'],
 tr: ['Now that I know you a little better, tell me what you came here to talk about today.'],
 inv: ['Tell me everything that happened, from the very beginning to the end.', 'And then what happened?', 'Tell me more about that.', 'Tell me more about that.', 'Tell me everything about that.', 'Tell me more about that.'],
 cl: ['Is there anything else you think I should know?'],
} : {
 rapport: ['Quiero conocerte mejor. Cuéntame sobre las cosas que te gusta hacer.', 'Cuéntame más sobre eso.'],
 np: ['Cuéntame sobre algo divertido que te pasó en los últimos días.', '¿Y después qué pasó?', 'Cuéntame más sobre eso.'],
 gr: ['Si te pregunto algo y no sabes la respuesta, solo di “no sé”. No adivines.', 'Entonces, si te pregunto “¿Cómo se llama mi perro?”, ¿qué dirías?'],
 tr: ['Ahora que te conozco un poco mejor, cuéntame de qué viniste a hablar hoy.'],
 inv: ['Cuéntame todo lo que pasó, desde el principio hasta el final.', '¿Y después qué pasó?', 'Cuéntame más sobre eso.', 'Cuéntame más sobre eso.', 'Cuéntame todo sobre eso.', 'Cuéntame más sobre eso.'],
 cl: ['¿Hay algo más que creas que yo debería saber?'],
};
withCore(async (core) => {
  for (const id of ids) {
    console.log(`\n===== ${id} ${lang} seed ${seed}`);
    const { feedback } = await interview(core, id, lang, seed, [['rapport', Q.rapport], ['groundRules', Q.gr], ['narrativePractice', Q.np], ['transition', Q.tr], ['investigation', Q.inv], ['closing', Q.cl]], 'event');
    const f = feedback; if (process.env.FULL) console.log(JSON.stringify(f.questions?.slice?.(0,3) ?? f.questions, null, 0).slice(0,1500));
    console.log('FEEDBACK keys', Object.keys(f).join(','));
    console.log(JSON.stringify({ inv: f.invitationShare, rec: f.recommendedShare, m: f.measures, goals: f.goals?.map((g:any)=>g.id ?? g), concl: f.conclusion, truth: f.truth, told: f.told ?? f.elicited, false: f.falseDetails, facts: f.facts, tf: [f.trueFactsElicited, f.trueFactsTotal], findings: f.findings, goals2: f.goals }, null, 0));
  }
}).catch((e) => { console.error(e); process.exit(1); });
