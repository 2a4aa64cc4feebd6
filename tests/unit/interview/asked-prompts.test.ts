// Practitioner review 7, P7-3: a later session recognises that an earlier one asked a planned
// prompt even when its blank was filled ("Is your mom worried about you?") or its words were
// paraphrased ("Has anyone been bothering you?"), so the no-repeat rule holds for exactly the
// prompts it is about. The prompts come from the real plan, in both languages.
import { promptAsked } from '../../../src/interview/asked-prompts';
import { planSession } from '../../../src/protocols';

const transition = (lang: 'en' | 'es') =>
  planSession('nichd', 8, lang, {})
    .sessions[0]!.phases.find((p) => p.id === 'transition')!
    .prompts.map(({ id, kind, text }) => ({ id, kind, text }));

describe('en', () => {
  const prompts = transition('en');
  it.each([
    ['Is your mom worried about you?', 'transition.worried'],
    ['Is Grandma Rosa worried about you? Tell me what she is worried about.', 'transition.worried'],
    ['Has anyone been bothering you?', 'transition.bothering'],
    ['Has somebody been bothering you?', 'transition.bothering'],
    ['Did anybody bother you?', 'transition.bothering'],
    ['I heard that you talked to Ms. Lopez. Tell me what you talked about.', 'transition.talkedTo'],
    ['I heard that you talked to your teacher.', 'transition.talkedTo'],
    ['I see that you have a bruise on your arm. Tell me about that.', 'transition.marks'],
    ['Tell me why you came to talk to me today.', 'transition.why'],
  ])('"%s" asks %s', (question, id) => {
    expect(promptAsked(question, prompts, 'en')).toBe(id);
  });

  it.each([
    'Tell me about your weekend.',
    'What did you have for breakfast?',
    'Tell me more about the dogs.',
    // Option-posing with the prompt's word, about something else: not the "worried" prompt.
    'Are you worried about the test?',
    // The blank stands for a few words, not for a whole other question.
    'I heard that you talked to your teacher about the test and then you went home and played with the dog.',
  ])('"%s" asks no transition prompt', (question) => {
    expect(promptAsked(question, prompts, 'en')).toBeUndefined();
  });
});

describe('es-419', () => {
  const prompts = transition('es');
  it.each([
    // P11-7: the es-419 wording asks what the English asks, with no "algo" (the old wording is
    // still coded option-posing by the classifier, no longer matched to the scripted prompt).
    ['¿Tu mamá está preocupada por ti?', 'transition.worried'],
    ['¿Alguien te ha estado fastidiando?', 'transition.bothering'],
    ['Supe que hablaste con la maestra Lopez. Cuéntame de qué hablaron.', 'transition.talkedTo'],
    ['Cuéntame por qué viniste a hablar conmigo hoy.', 'transition.why'],
  ])('"%s" asks %s', (question, id) => {
    expect(promptAsked(question, prompts, 'es')).toBe(id);
  });

  it('a question about something else asks no transition prompt', () => {
    expect(promptAsked('¿Qué comiste hoy?', prompts, 'es')).toBeUndefined();
  });
});
