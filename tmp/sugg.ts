import { withCore, interview } from './run';
withCore(async (core) => {
  for (const [id, lang, seed, steps, concl] of [
    ['visitor-nothing','en',4,[['rapport',['Tell me about things you like to do.']],['transition',['Tell me why you came to talk to me today.']],['investigation',['Did Mr. Dan touch you?','Where did he touch you?','Your mom said he hurt you.','Tell me more about that.','Did he take off your clothes?']]],'event'],
    ['visitor-nothing','es',4,[['rapport',['Cuéntame sobre las cosas que te gusta hacer.']],['transition',['Cuéntame por qué viniste a hablar conmigo hoy.']],['investigation',['¿El señor Dan te tocó?','¿Dónde te tocó?','Tu mamá dijo que te lastimó.','Cuéntame más sobre eso.','¿Te quitó la ropa?']]],'event'],
    ['teen-exploitation','en',2,[['rapport',['Tell me about things you like to do.']],['transition',['Tell me why you came to talk to me today.']],['investigation',['Tell me everything about Marcus.','Is Marcus trafficking you?','He is pimping you out, isn\'t he?','Tell me more about that.','Tell me more about the dates.']]],'event'],
    ['teen-exploitation','es',2,[['rapport',['Cuéntame sobre las cosas que te gusta hacer.']],['transition',['Cuéntame por qué viniste a hablar conmigo hoy.']],['investigation',['Cuéntame todo sobre Marcus.','¿Marcus te está explotando?','Te está prostituyendo, ¿verdad?','Cuéntame más sobre eso.','Cuéntame más sobre las citas.']]],'event'],
  ] as any[]) {
    console.log(`\n===== ${id} ${lang} seed ${seed}`);
    const { feedback: f } = await interview(core, id, lang, seed, steps, concl);
    console.log(JSON.stringify({ m: { sub: f.measures.substantiveInvitationShare, op: f.measures.optionPosing, sug: f.measures.suggestive, alleg: [f.measures.allegationBy, f.measures.allegationQuestionNumber], first: f.measures.firstSubstantivePrompt }, false: f.falseDetails.map((d:any)=>[d.detail,d.questionNumber]), concl: f.conclusion, goals: f.goals.map((g:any)=>g.text) }, null, 0));
    console.log('QUESTIONS', JSON.stringify(f.coded.map((q:any)=>({n:q.questionNumber ?? q.n, t: q.text?.slice(0,40), type: q.coding?.type ?? q.type, better: q.coding?.suggestion ?? q.suggestion ?? q.better})), null, 0).slice(0, 2500));
  }
}).catch((e) => { console.error(e); process.exit(1); });
