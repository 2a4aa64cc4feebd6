// Session 9 (issue #16): suggestive techniques that are not plain questions, and look-alike
// invitations that must stay unflagged, written from the sources (never from a held-out or blind
// set). Sources: Garven, Wood, Malpass & Shaw 1998 (J Appl Psychol 83:347-359, SIRR: other
// people, positive and negative consequences, asked-and-answered, inviting speculation); Lyon,
// Quas & Lamb, white paper on interviewing child witnesses (§2 tag, negative-term and presumptive
// questions; §4 misinformation, selective reinforcement); Lamb, Orbach, Hershkowitz, Esplin &
// Horowitz 2007 and Lamb et al. 2018, Tell Me What Happened (invitation, cued invitation,
// facilitator: a restatement of the child's words; suggestive: assumes what the child has not
// said). Sentences here are our own; the labelled lines are in tests/fixtures/questions/own9.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { classifyQuestion, type QuestionType } from '../../../src/questions';
import { expectTypes } from './expect-types';

describe('other people: a relative or friend named, or a named person, reporting the event', () => {
  expectTypes([
    [
      'Your neighbor Rosa already told us what he did.',
      'en',
      ['Rosa lives next door'],
      'suggestive',
    ],
    ['Jamal said you were in the garage with him.', 'en', ['Jamal is in my class'], 'suggestive'],
    ['Tu vecina Rosa ya nos contó lo que hizo.', 'es', ['Rosa vive al lado'], 'suggestive'],
    ['Jaime dijo que tú estabas en la cochera.', 'es', ['Jaime va en mi salón'], 'suggestive'],
    ['Tu abuelita vio lo que pasó.', 'es', ['mi abuelita vive con nosotros'], 'suggestive'],
  ]);
  it('the same account said back in the child words is a restatement', () => {
    for (const [text, language, child] of [
      ['They took pictures at the party.', 'en', 'they took pictures at the party'],
      ['Tu mamá dijo que él te pegó.', 'es', 'mi mamá dijo que él me pegó'],
    ] as const) {
      const c = classifyQuestion(text, language, { childWords: [child] });
      expect(c.type).toBe('facilitator');
    }
  });
});

describe('evidence claimed to the child (misinformation; Garven et al. other people)', () => {
  expectTypes([
    ['We already have the video, so just tell me.', 'en', ['we were at the mall'], 'suggestive'],
    ['The police found the messages on his phone.', 'en', ['he has a phone'], 'suggestive'],
    ['The x-ray shows that somebody hurt you.', 'en', ['I went to the hospital'], 'suggestive'],
    ['Ya tenemos el video, así que nada más cuéntame.', 'es', ['fuimos al centro'], 'suggestive'],
    [
      'La doctora encontró moretones en tu espalda.',
      'es',
      ['me llevaron al hospital'],
      'suggestive',
    ],
    ['El examen muestra que alguien te lastimó.', 'es', ['fui al hospital'], 'suggestive'],
  ]);
  it('the interview room equipment is not evidence', () => {
    expect(classifyQuestion('We have a video camera in this room.', 'en').type).toBe('other');
    expect(classifyQuestion('I have some pictures of rooms here.', 'en').type).toBe('other');
    expect(classifyQuestion('Tenemos papel y colores si quieres.', 'es').type).toBe('other');
  });
});

describe('reinforcement tied to the content, and rewards for telling (Garven et al. 1998)', () => {
  expectTypes([
    ['I just knew you would tell me he did it.', 'en', ['he was there'], 'suggestive'],
    ["That's what I needed to hear. What else?", 'en', ['he hit me'], 'suggestive'],
    ['Now you are getting somewhere.', 'en', ['he came in'], 'suggestive'],
    ['Children who talk to me get a prize.', 'en', undefined, 'suggestive'],
    ['Ya sabía que me lo ibas a contar.', 'es', ['él estaba ahí'], 'suggestive'],
    ['Eso es exactamente lo que quería oír.', 'es', ['me pegó'], 'suggestive'],
    ['Las niñas que platican pueden irse temprano.', 'es', undefined, 'suggestive'],
  ]);
});

describe('negative feedback and blaming', () => {
  expectTypes([
    ['This time tell me the truth.', 'en', ['nothing happened'], 'suggestive'],
    ['Ahora sí, dime la verdad.', 'es', ['no pasó nada'], 'suggestive'],
    ['What did you say that made him so angry?', 'en', ['he yelled'], 'suggestive'],
    ['¿Qué le dijiste para que te pegara?', 'es', ['me gritó'], 'suggestive'],
  ]);
  it('the truth ground rule and everyday "what did you do to make" stay unflagged', () => {
    expect(classifyQuestion('Tell me the truth.', 'en').recommended).toBe(true);
    expect(classifyQuestion('What did you do to make him a card?', 'en').type).toBe('directive');
    expect(
      classifyQuestion('¿Qué hiciste para que tu mamá te comprara el helado?', 'es').type,
    ).toBe('directive');
  });
});

describe('look-alike invitations stay invitations (guards against over-flagging)', () => {
  expectTypes([
    // coach24: "that day" anchors the episode, as in the NICHD "Think about that [day] and tell
    // me everything": a general invitation even though the child said "that day" (Lamb et al.
    // 2008; outside blind sets, class (a)). Was 'cued-invitation'.
    ['Take your time and tell me everything about that day.', 'en', ['that day'], 'invitation'],
    ['Whenever you are ready, tell me what happened.', 'en', undefined, 'invitation'],
    ['Tómate tu tiempo y platícame todo lo que pasó.', 'es', undefined, 'invitation'],
    ['Cuando quieras, cuéntame qué pasó.', 'es', undefined, 'invitation'],
    [
      'A little while ago you said he took your backpack. What happened next?',
      'en',
      ['he took my backpack'],
      'cued-invitation',
    ],
    [
      'Hace un rato dijiste que él te quitó la mochila. ¿Qué pasó después?',
      'es',
      ['me quitó la mochila'],
      'cued-invitation',
    ],
    ['Mjm, te quitó la mochila.', 'es', ['me quitó la mochila'], 'facilitator'],
    [
      'Me dijiste que tú ibas a la tienda. Cuéntame más de eso.',
      'es',
      ['yo iba a la tienda'],
      'cued-invitation',
    ],
    // With the child's words unknown a quoted "dijiste que" is taken as the child's.
    ['Dijiste que él era malo. Cuéntame más de eso.', 'es', undefined, 'cued-invitation'],
  ]);
});

describe('a verb of instrument or a short -ie verb is not a new detail', () => {
  expectTypes([
    ['What did he use to tie your feet?', 'en', ['he tied my feet'], 'directive'],
    ['¿Qué usó para amarrarte los pies?', 'es', ['me amarró los pies'], 'directive'],
  ]);
  it('the act itself is still checked', () => {
    expect(
      classifyQuestion('What did he use to hit you?', 'en', { childWords: ['he was mean to me'] })
        .type,
    ).toBe('suggestive');
  });
});

describe('a cleft question takes its relative clause as given', () => {
  expectTypes([
    ['Was it his thumb that went in your mouth?', 'en', ['he did something to me'], 'suggestive'],
    ['¿Fue su mano la que entró debajo de tu ropa?', 'es', ['me hizo algo'], 'suggestive'],
  ]);
  it('a clause in the child words leaves a plain yes/no question', () => {
    const c = classifyQuestion('Was it his hand that touched you?', 'en', {
      childWords: ['his hand touched me'],
    });
    expect(c.type).toBe('option-posing');
  });
  it('es "entre" (between) is a function word, so "entró" is not taken as said', () => {
    const c = classifyQuestion('¿Qué hizo cuando entró?', 'es', { childWords: ['me tocó'] });
    expect(c.type).toBe('suggestive');
  });
});

describe('time segments, "I want to know everything" and es imperatives with a clitic', () => {
  expectTypes([
    [
      'Tell me everything from when you left the pool until you got home.',
      'en',
      ['I left the pool'],
      'cued-invitation',
    ],
    [
      'I would like to hear everything about when he came to the door.',
      'en',
      ['he came to the door'],
      'cued-invitation',
    ],
    [
      'Quisiera saber todo sobre cuando llegó a la puerta.',
      'es',
      ['llegó a la puerta'],
      'cued-invitation',
    ],
    ['Explícame más de cuando te empujó.', 'es', ['me empujó'], 'cued-invitation'],
  ]);
  it('what the interviewer wants to know is still checked against the child words', () => {
    const c = classifyQuestion('Quiero saber todo sobre cuando te tocó.', 'es', {
      childWords: ['llegó a la puerta'],
    });
    expect(c.type).toBe('suggestive');
  });
});

// Kinds named by the own hold part at the end (its score was taken before these rules; the
// sentences below are new, not the hold lines).
describe('conformity, guided imagination, what others already know, telling someone asserted', () => {
  expectTypes([
    ['Brave girls like you always tell the whole story.', 'en', undefined, 'suggestive'],
    ['Las niñas valientes siempre cuentan todo.', 'es', undefined, 'suggestive'],
    [
      'Try to imagine what he did after the lights went off.',
      'en',
      ['the lights went off'],
      'suggestive',
    ],
    ['Cierra los ojos e imagínate lo que pasó en el baño.', 'es', ['fui al baño'], 'suggestive'],
    ['Your dad already knows what he did.', 'en', ['my dad is at work'], 'suggestive'],
    ['Ya le dijiste a tu prima lo de los besos.', 'es', ['mi prima vive aquí'], 'suggestive'],
  ]);
  it('mental reinstatement without imagining, and a telling the child reported, stay unflagged', () => {
    expect(
      classifyQuestion('Think back to that day and tell me everything.', 'en').recommended,
    ).toBe(true);
    expect(
      classifyQuestion('Le dijiste a tu mamá que te caíste.', 'es', {
        childWords: ['le dije a mi mamá que me caí'],
      }).recommended,
    ).toBe(true);
  });
});

// The own labelled sentences (tests/fixtures/questions/own9): dev parts were used while writing
// the rules; the hold part was kept untouched until the end and is reported, not tuned on.
describe('own9 sets (session 9): floors', () => {
  const load = (file: string): Array<{ text: string; type: QuestionType; child?: string[] }> =>
    readFileSync(join(__dirname, '..', '..', 'fixtures', 'questions', 'own9', file), 'utf8')
      .split('\n')
      .filter((l) => l.trim())
      .map((l) => JSON.parse(l) as { text: string; type: QuestionType; child?: string[] });
  const top = (t: string): string => (t === 'cued-invitation' ? 'invitation' : t);
  it.each([
    ['en', 'dev', 0.97],
    ['en', 'dev2', 0.97],
    ['en', 'dev3', 0.95],
    ['es', 'dev', 0.97],
    ['es', 'dev2', 0.97],
    ['es', 'dev3', 0.95],
    ['en', 'dev4', 0.95],
    ['es', 'dev4', 0.95],
    ['en', 'dev5', 0.95],
    ['es', 'dev5', 0.95],
  ] as const)('%s.%s top-level accuracy ≥ %s', (language, split, floor) => {
    const items = load(`${language}.${split}.jsonl`);
    expect(items.length).toBeGreaterThanOrEqual(8);
    const ok = items.filter(
      (i) =>
        top(
          classifyQuestion(i.text, language, i.child ? { childWords: i.child } : undefined).type,
        ) === top(i.type),
    ).length;
    expect(ok / items.length).toBeGreaterThanOrEqual(floor);
  });
});
