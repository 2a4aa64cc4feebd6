// Session 15 kinds (issue #16): each kind found on the seen sets, fixed from the published
// definitions, tested here with our own sentences in English and es-419 (not lines of any set).
// N-4 (practitioner): rapport and narrative-practice invitations name neutral places and
// activities the child has not mentioned; presumption of undisclosed detail matters for the
// allegation, not for these (NICHD revised protocol rapport / episodic memory training, Lamb et
// al. 2007 appendix; Lamb et al. 2018). A rapport prompt may still not slip in allegation content.
import { classifyQuestion, type ClassifyContext, type Language } from '../../../src/questions';

const code = (lang: Language, text: string, context: ClassifyContext = { childWords: [] }) =>
  classifyQuestion(text, lang, context);

describe('N-4: rapport and narrative-practice invitations are invitations', () => {
  it.each([
    ['en', 'Tell me about something fun you did at the lake.'],
    ['en', 'Tell me about a game you like to play at recess.'],
    ['es', 'Cuéntame de algo divertido que hiciste en la playa.'],
    ['es', 'Platícame de algo que te gusta hacer en el parque.'],
  ] as const)('with the phase unknown, a prompt about what the child likes (%s): %s', (l, t) => {
    const c = code(l, t);
    expect(c.type).toBe('invitation');
    expect(c.verdict).toBe('recommended');
  });

  it.each([
    ['en', 'Tell me about your soccer team.'],
    ['en', 'Tell me about your last birthday party.'],
    ['es', 'Cuéntame de tu equipo de fútbol.'],
    ['es', 'Cuéntame de tu última fiesta de cumpleaños.'],
  ] as const)('before the transition any neutral topic (%s): %s', (l, t) => {
    const c = code(l, t, { childWords: [], stage: 'pre-substantive' });
    expect(c.type).toBe('invitation');
    expect(c.recommended).toBe(true);
  });

  it.each([
    ['en', 'Tell me about something fun you did at the lake.'],
    ['es', 'Cuéntame de algo divertido que hiciste en la playa.'],
  ] as const)('in the substantive phase the place is checked again (%s)', (l, t) => {
    const c = code(l, t, { childWords: ['he came over'], stage: 'substantive' });
    expect(c.type).toBe('suggestive');
  });

  it.each([
    ['en', 'Tell me everything you did on Sunday, from when you got up until you went to sleep.'],
    [
      'es',
      'Cuéntame todo lo que hiciste el domingo, desde que te despertaste hasta que te dormiste.',
    ],
  ] as const)('a time segment bounded by the daily routine, in any phase (%s)', (l, t) => {
    // coach35: both bounds are the child's routine, so the segment itself cues nothing: the NICHD
    // episodic-memory invitation (Lamb et al. 2007 list time-segmenting among invitations). What
    // makes it cued is the child's own "Sunday" / «domingo», outside the practice phase.
    const expected = {
      none: 'cued-invitation',
      'pre-substantive': 'invitation',
      substantive: 'cued-invitation',
    } as const;
    for (const stage of [undefined, 'pre-substantive', 'substantive'] as const) {
      const c = code(l, t, { childWords: ['it was on Sunday', 'fue el domingo'], stage });
      expect(c.type).toBe(expected[stage ?? 'none']);
      expect(c.verdict).toBe('recommended');
    }
  });

  it.each([
    ['en', 'Tell me about something fun you did with your stepdad.'],
    ['en', 'Tell me about something fun he did with you.'],
    ['en', 'Tell me about something fun you did when he touched you.'],
    ['en', 'Tell me about something fun you did at the motel.'],
    ['en', 'Tell me about something fun you did in the bathroom.'],
    ['es', 'Cuéntame de algo divertido que hiciste con tu padrastro.'],
    ['es', 'Cuéntame de algo divertido que hiciste con él.'],
    ['es', 'Cuéntame de algo divertido que hiciste en el motel.'],
    ['es', 'Cuéntame de algo que te gustó cuando te tocó.'],
  ] as const)('a rapport prompt may not slip in allegation content (%s): %s', (l, t) => {
    for (const stage of [undefined, 'pre-substantive'] as const) {
      const c = code(l, t, { childWords: [], stage });
      expect(c.verdict).toBe('avoid');
    }
  });

  it.each([
    ['en', 'Tell me more about the truck.'],
    ['es', 'Cuéntame más de la troca.'],
  ] as const)('"tell me more about X" still says the child talked about X (%s)', (l, t) => {
    const c = code(l, t, { childWords: [], stage: 'pre-substantive' });
    expect(c.type).toBe('suggestive');
  });
});

describe('restatements of the child words (Lamb et al. 2007: facilitator)', () => {
  it.each([
    ['en', 'She told you not to say anything.', 'she told me not to say anything'],
    ['es', 'Ajá, te dijo que no era tu culpa.', 'me dijo que no era mi culpa'],
    ['es', 'Mjm, "el juego del doctor".', 'me dijo que era el juego del doctor'],
    ['en', "Okay, 'the tickle game'.", 'he called it the tickle game'],
  ] as const)('said back word for word, negation included (%s): %s', (l, t, child) => {
    expect(code(l, t, { childWords: [child] }).type).toBe('facilitator');
  });

  it.each([
    ['en', 'She told you not to say anything.', "I don't know if she told me not to say anything"],
    ['es', 'Te dijo que no dijeras nada.', 'no sé si me dijo algo'],
    ['es', 'Ajá, te tocó.', 'me pegó'],
  ] as const)('a doubt the words leave out, or a new act, is not a restatement (%s)', (l, t, c) => {
    expect(code(l, t, { childWords: [c] }).type).toBe('suggestive');
  });
});

describe('es-419 invitations: voseo and prefaces', () => {
  it.each([
    'Contame todo lo que pasó ese día.',
    'Decime qué pasó después.',
    'Seguí contándome.',
    'Órale, sigue platicándome.',
    'Dímelo todo, con todos los detalles.',
  ])('%s', (t) => {
    const c = code('es', t, { childWords: ['luego se fue'] });
    expect(['invitation', 'cued-invitation']).toContain(c.type);
    expect(c.verdict).toBe('recommended');
  });

  it('a voseo "decime si" is still a yes/no question in invitation dress', () => {
    expect(code('es', 'Decime si te tocó.', { childWords: ['me pegó'] }).recommended).toBe(false);
  });

  it('code-switched "you said que" quotes the child', () => {
    const c = code('es', 'Ok, you said que te llevó al río. Cuéntame todo lo que pasó en el río.', {
      childWords: ['me llevó al río'],
    });
    expect(c.type).toBe('cued-invitation');
    const unsaid = code('es', 'You said que te besó. Cuéntame más de eso.', {
      childWords: ['me llevó al río'],
    });
    expect(unsaid.type).toBe('suggestive');
  });
});

describe('rapport and procedure questions with the phase unknown', () => {
  it.each([
    ['en', 'Do you like pizza or tacos better?'],
    ['en', 'Do you speak Spanish or English at home?'],
    ['es', '¿Qué te gusta más, dibujar o leer?'],
    ['es', '¿Prefieres que te llame Toño o Antonio?'],
    ['en', 'What are you going to do tonight after you get home?'],
    ['es', '¿Qué vas a hacer hoy después de que terminemos?'],
    ['en', 'Who did you come here with today?'],
    ['es', 'Vamos a hacer una pausa de cinco minutos, ¿okay?'],
  ] as const)('%s: %s is other', (l, t) => {
    const c = code(l, t);
    expect(c.type).toBe('other');
    expect(c.recommended).toBe(true);
  });

  it.each([
    ['en', 'Did you like it when he touched you?'],
    ['en', 'Do you like your uncle or your cousin better?'],
    ['es', '¿Te gusta más cuando te toca o cuando te besa?'],
    ['es', '¿Qué te gusta más, tu tío o tu primo?'],
  ] as const)('%s: not when it names a person or an act: %s', (l, t) => {
    expect(code(l, t).recommended).toBe(false);
  });

  it('in the substantive phase a choice question keeps its form', () => {
    const c = code('en', 'Do you like pizza or tacos better?', {
      childWords: [],
      stage: 'substantive',
    });
    expect(c.type).toBe('option-posing');
  });
});

describe("the child's words in other forms", () => {
  // English only: a Spanish reported command in another verb ("contaras" after "digas") is a new
  // content word to the word-level check, a known limit.
  it.each([
    ['en', 'Tell me more about when she said not to tell.', "she said don't tell"],
    ['en', 'What happened after she told you not to tell?', "she said don't tell anybody"],
  ] as const)('one secrecy instruction in other words (%s): %s', (l, t, child) => {
    expect(code(l, t, { childWords: [child] }).recommended).toBe(true);
  });

  it('a secrecy instruction the child never reported is still presumed', () => {
    const c = code('en', 'Tell me more about when she said not to tell.', {
      childWords: ['she was nice'],
    });
    expect(c.type).toBe('suggestive');
  });

  it.each([
    ['en', 'What app was she texting you on?', 'she texted me a lot'],
    ['es', '¿En qué app te escribía mensajes?', 'me mandaba mensajes'],
    ['en', 'What did he do with the pictures?', 'he took pics'],
  ] as const)('a category word implied by the child (%s): %s', (l, t, child) => {
    expect(code(l, t, { childWords: [child] }).type).toBe('directive');
  });

  it.each([
    ['en', 'What time was it, more or less?', 'it was dark'],
    ['es', '¿Qué hora era, más o menos?', 'ya estaba oscuro'],
    ['es', '¿A qué hora se fue tu tía?', 'luego se fue mi tía'],
  ] as const)('time words and approximation hedges are not details (%s): %s', (l, t, child) => {
    expect(code(l, t, { childWords: [child] }).type).toBe('directive');
  });
});

describe('interpreter relay: "¿Le puede decir esto: ...?"', () => {
  it('codes the words that reach the child', () => {
    const c = code('es', '¿Le puede decir esto: qué pasó luego?', { childWords: ['se fue'] });
    expect(c.type).toBe('invitation');
  });
});
