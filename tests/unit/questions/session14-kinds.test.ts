// Session 14 (issue #16): the kinds of fault found on the seventh blind set, each fixed from the
// sources and tested here with Hearth's own sentences (none is a line of a held-out set):
// 1. open prompts over-flagged (yes/no-form invitations, relayed invitations, quoted cues);
// 2. minimal encouragers and restatements as facilitators; 3. procedure, rapport, ground rules,
// interpreter instructions and closing as "other", by wording and by interview stage;
// 4. pressure and persistence (Garven, Wood, Malpass & Shaw 1998).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { classifyQuestion, type QuestionType } from '../../../src/questions';
import { expectTypes, type Case } from './expect-types';

describe('1. open prompts are not flagged', () => {
  expectTypes([
    // "Is there anything else...?": an invitation to add in NICHD coding (Lamb et al. 2008).
    [
      'Is there anything else that happened at the park?',
      'en',
      ['we went to the park'],
      'cued-invitation',
    ],
    [
      'Anything else about the bus ride?',
      'en',
      ['on the bus ride he sat by me'],
      'cued-invitation',
    ],
    ['¿Hay algo más que pasó en el parque?', 'es', ['fuimos al parque'], 'cued-invitation'],
    [
      '¿Hay otra cosa que te acuerdes del recreo?',
      'es',
      ['en el recreo me empujó'],
      'cued-invitation',
    ],
    // ...but naming an act or body part itself is not the open form.
    ['Is there anything else he did to your bottom?', 'en', ['he was mean'], 'suggestive'],
    ['¿Hay algo más que te hizo en la cola?', 'es', ['fue malo'], 'suggestive'],
    // An interpreter asked to relay the invitation, or a facilitator, in quotes or after a colon.
    [
      'Tell him: tell me everything about the party.',
      'en',
      ['at the party he was there'],
      'cued-invitation',
    ],
    ["Tell her, 'Mm-hmm, go ahead.'", 'en', ['and then she left'], 'facilitator'],
    ['Dígale: cuéntame todo sobre la fiesta.', 'es', ['en la fiesta él estaba'], 'cued-invitation'],
    // The child's words in single quotes are the child's words.
    [
      "You said he 'made a fort.' Tell me more about that.",
      'en',
      ['he made a fort'],
      'cued-invitation',
    ],
  ] satisfies Case[]);

  it('a yes/no-form invitation carries the follow-up tip and no warning', () => {
    const c = classifyQuestion('Is there anything else you remember?', 'en', { childWords: ['x'] });
    expect([c.type, c.subtype, c.verdict]).toEqual(['invitation', 'yes-no-form', 'recommended']);
    expect(c.reason).toMatch(/Tell me about that/);
    const es = classifyQuestion('¿Hay algo más que recuerdes?', 'es');
    expect([es.type, es.subtype]).toEqual(['invitation', 'yes-no-form']);
  });
});

describe('2. facilitators', () => {
  expectTypes([
    ['Gotcha, okay.', 'en', ['he left'], 'facilitator'],
    ['Mmkay.', 'en', ['he left'], 'facilitator'],
    ['Take your time.', 'en', ['um'], 'facilitator'],
    ['Okay, and?', 'en', ['we went inside'], 'facilitator'],
    ['Tómate tu tiempo.', 'es', ['este'], 'facilitator'],
    ['Ok, ¿y?', 'es', ['entramos a la casa'], 'facilitator'],
    ['Entendido.', 'es', ['se fue'], 'facilitator'],
    // A longer restatement, in the order the child said it.
    [
      'Okay, you went behind the big slide with your cousin.',
      'en',
      ['I went behind the big slide with my cousin'],
      'facilitator',
    ],
  ] satisfies Case[]);

  it('the child’s words recombined into a new claim are not a restatement', () => {
    // Every content word is the child's, but the claim is new: not the child's account.
    const c = classifyQuestion('So your cousin went behind you on the big slide.', 'en', {
      childWords: ['I went behind the big slide with my cousin'],
    });
    expect(c.type).not.toBe('facilitator');
  });
});

describe('3. procedure, rapport, ground rules, closing', () => {
  const other: Case[] = [
    ['Can you move a little closer so the microphone picks you up?', 'en', [], 'other'],
    ['Please translate exactly what she says, word for word.', 'en', [], 'other'],
    ["Tell him that I'm Officer Diaz.", 'en', [], 'other'],
    ['How old are you?', 'en', [], 'other'],
    ["What's your favorite color?", 'en', [], 'other'],
    ['¿Te puedes acercar un poquito para que el micrófono te escuche?', 'es', [], 'other'],
    ['Por favor traduzca todo lo que ella dice, palabra por palabra.', 'es', [], 'other'],
    ['¿Cuál es tu caricatura favorita?', 'es', [], 'other'],
    ['¿En qué grado estás?', 'es', [], 'other'],
  ];
  expectTypes(other);
  it.each(other)('%s (%s) carries no warning', (text, language) => {
    expect(classifyQuestion(text, language, { childWords: [] }).recommended).toBe(true);
  });

  it('a truth-lie definition question is other, with the NICHD promise as the suggestion', () => {
    const en = classifyQuestion('Do you know what it means to tell the truth?', 'en');
    expect([en.type, en.subtype, en.verdict]).toEqual([
      'other',
      'truth-definition',
      'ask-differently',
    ]);
    expect(en.suggestion).toBe('Do you promise to tell me the truth?');
    const es = classifyQuestion(
      '¿Sabes cuál es la diferencia entre la verdad y una mentira?',
      'es',
    );
    expect([es.type, es.subtype]).toEqual(['other', 'truth-definition']);
    expect(es.suggestion).toBe('¿Me prometes que me vas a decir la verdad?');
    // About the event, "lie" keeps the ordinary rules.
    expect(classifyQuestion('Did he tell you to lie?', 'en').type).toBe('option-posing');
  });

  it('uses the stage: rapport and closing yes/no about the child’s own life are other', () => {
    const at = (
      text: string,
      language: 'en' | 'es',
      stage: 'pre-substantive' | 'substantive' | 'closing',
    ) => classifyQuestion(text, language, { childWords: [], stage }).type;
    expect(at('Do you play any sports?', 'en', 'pre-substantive')).toBe('other');
    expect(at('What grade are you in?', 'en', 'pre-substantive')).toBe('other');
    expect(at('Did you eat lunch already?', 'en', 'closing')).toBe('other');
    expect(at('¿Juegas fútbol o básquetbol?', 'es', 'pre-substantive')).toBe('other');
    // The same form in the substantive phase is option-posing; another person or an act keeps
    // its code in every stage.
    expect(at('Do you play any sports?', 'en', 'substantive')).toBe('option-posing');
    // coach28: an act put to the child is option-posing/new-detail (decision.ts) in every stage.
    expect(at('Did he touch you?', 'en', 'pre-substantive')).toBe('option-posing');
    expect(at('Did your uncle come too?', 'en', 'closing')).not.toBe('other');
    expect(at('¿Te tocó él?', 'es', 'closing')).toBe('option-posing');
    // The closing safety question stays a wh- directive.
    expect(at('If something happens again, who can you tell?', 'en', 'closing')).toBe('directive');
  });
});

describe('4. pressure and persistence (Garven et al. 1998)', () => {
  expectTypes([
    ['Come on, try harder.', 'en', ["I don't remember"], 'suggestive'],
    ['Your sister remembered, so you can too.', 'en', ["I don't know"], 'suggestive'],
    ["I'm sure you didn't forget.", 'en', ['I forgot'], 'suggestive'],
    ["Don't be so stubborn with me.", 'en', ['no'], 'suggestive'],
    ['I thought we were friends.', 'en', ['no'], 'suggestive'],
    ['Ándale, acuérdate.', 'es', ['no me acuerdo'], 'suggestive'],
    ['Tu prima sí se acordó.', 'es', ['no sé'], 'suggestive'],
    ['Estoy segura de que no se te olvidó.', 'es', ['se me olvidó'], 'suggestive'],
    ['No seas necia conmigo.', 'es', ['no'], 'suggestive'],
    ['Pensé que éramos amigas.', 'es', ['no'], 'suggestive'],
  ] satisfies Case[]);
});

// Hearth's own labelled sentences for these kinds (tests/fixtures/questions/own14): the dev parts
// were used while writing the rules; the hold parts were kept untouched and scored once at the end
// (reported in bench/RESULTS.md), not tuned on.
describe('own14 sets (session 14): floors', () => {
  const top = (t: string): string => (t === 'cued-invitation' ? 'invitation' : t);
  it.each([
    ['en', 0.95],
    ['es', 0.95],
  ] as const)('%s.dev top-level accuracy ≥ %s', (language, floor) => {
    const items = readFileSync(
      join(__dirname, '..', '..', 'fixtures', 'questions', 'own14', `${language}.dev.jsonl`),
      'utf8',
    )
      .split('\n')
      .filter((l) => l.trim())
      .map((l) => JSON.parse(l) as { text: string; type: QuestionType; child?: string[] });
    expect(items.length).toBeGreaterThanOrEqual(20);
    const ok = items.filter(
      (i) =>
        top(classifyQuestion(i.text, language, { childWords: i.child ?? [] }).type) === top(i.type),
    ).length;
    expect(ok / items.length).toBeGreaterThanOrEqual(floor);
  });
});
