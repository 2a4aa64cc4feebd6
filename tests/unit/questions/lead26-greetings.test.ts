// A newcomer's transcript (session 26) opened "Hi Mateo, my name is Lucy. How are you today?":
// the coach flagged it suggestive ("Introduces a detail the child has not said: Lucy"), and two
// of five prompts made the report's headline 40% suggestive. The child addressed by name and the
// interviewer's own name in a self-introduction are no detail of the event (vocabulary.ts,
// addressOrOwnName). A name anywhere else is still checked: these are new wordings of the kind.
import { classifyQuestion } from '../../../src/questions';

type Case = [language: 'en' | 'es', child: string[], question: string];
const code = ([language, child, question]: Case) =>
  classifyQuestion(question, language, { childWords: child });

describe.each([
  ['en', [], 'Hi Mateo, my name is Lucy. How are you today?'],
  ['en', [], 'Hello Ava! I am Jordan. What grade are you in?'],
  ['en', [], 'Good afternoon Sam, my name’s Dana. What do you like to do for fun?'],
  ['en', [], 'How was your drive here, Keisha?'],
  ['en', ['I like soccer.'], 'Thanks, Diego. What do you like about soccer?'],
  ['es', [], 'Hola, Mateo. Me llamo Lucía. ¿Cómo estás hoy?'],
  ['es', [], 'Buenos días, Sofía, yo soy Marta. ¿Qué te gusta hacer?'],
  ['es', [], 'Buenas tardes Camila, mi nombre es Rosa. ¿En qué grado estás?'],
  ['es', ['Me gusta el fútbol.'], 'Gracias, Andrés. ¿Qué te gusta del fútbol?'],
  ['es', [], '¿Cómo llegaste hoy, Valeria?'],
] as Case[])('(%s) a greeting or self-introduction', (...c) => {
  it(`${c[2]} introduces no detail (no warning)`, () => {
    const coded = code(c);
    expect(coded.reason).not.toMatch(/has not said|no ha dicho/);
    expect(coded.recommended).toBe(true);
  });
});

describe.each([
  ['en', ['We went to the park.'], 'Thanks, Mateo. Now tell me about Alex.', 'Alex'],
  ['en', ['We went to the park.'], 'Hi Mateo, tell me what Alex did at the park.', 'Alex'],
  ['en', ['We went to the park.'], 'Tell me what Alex did at the park, Mateo.', 'Alex'],
  ['en', ['We got in a car.'], "Tell me how you know this is Joe's car.", 'Joe'],
  ['es', ['Fuimos al parque.'], 'Gracias, Mateo. Ahora cuéntame de Pedro.', 'Pedro'],
  ['es', ['Fuimos al parque.'], 'Hola, Mateo, cuéntame qué hizo Pedro en el parque.', 'Pedro'],
] as Array<[...Case, string]>)(
  '(%s) another name in the same turn',
  (language, child, question, name) => {
    it(`${question} still flags ${name}`, () => {
      const coded = code([language, child, question]);
      expect(coded.recommended).toBe(false);
      expect(coded.reason).toContain(name);
    });
  },
);
