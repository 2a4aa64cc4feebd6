import { withCore, interview } from './run';
withCore(async (core) => {
  for (const seed of [1,2,3]) {
  const { feedback: f } = await interview(core, 'dog-bite', 'en', seed, [
    ['rapport', ['Tell me about things you like to play.', 'Tell me about something fun you did.']],
    ['groundRules', ['If you don\'t know, say "I don\'t know".', "What is my dog's name?", 'If my words are hard, you can say "I don\'t understand".', 'Sometimes I say the wrong thing. Then you tell me.', 'If I said that you are two years old, what would you say?']],
    ['narrativePractice', ['Tell me everything you did this morning.', 'Then what happened?']],
    ['transition', ['Now tell me what you came to talk about.']],
    ['investigation', ['Tell me everything that happened.', 'Then what happened?', 'Tell me more about the dog.']],
    ['closing', ['Is there anything else you think I should know?']]], 'event', undefined, seed !== 1);
  console.log(seed, JSON.stringify({ sub: f.measures.substantiveInvitationShare, gr: f.measures.groundRules.map((g:any)=>g.status), np: f.measures.narrativePractice.quality, false: f.falseDetails.map((d:any)=>d.detail), hard: f.hardQuestions.map((h:any)=>h.questionNumber), goals: f.goals.map((g:any)=>g.text.slice(0,140)) }));
  }
}).catch((e) => { console.error(e); process.exit(1); });
