// Round 6b (issue #16): kinds coded from the sources, each with our own sentences in English and
// es-419 and our own child words (no line of any labelled set).
// - A request for narrative in question form ("Can you tell me about X?", "¿Me puedes platicar
//   de X?") is coded as the invitation it requests: NICHD coding (Lamb et al. 2018, Tell Me What
//   Happened, 2nd ed.; Sternberg, Lamb, Orbach, Esplin & Mitchell 2001, J Appl Psychol 86:997-1005)
//   counts it as an invitation because children treat it as a request. The yes/no shells that
//   Henderson, Russo & Lyon (2020, Child Maltreatment 25:363-372, faux invitations) describe stay
//   option-posing: "Tell me if...", "Can you tell me if/whether...", "Do you remember if...",
//   "¿Me puedes decir si...?", "¿Te acuerdas si...?".
// - "Describe X." is an invitation, cued when X is the child's word (ABE 2022, open questions).
// - A factive frame ("Do you remember that he...?") presupposes its clause (Lamb et al. 2007,
//   suggestive utterances; Loftus & Zanni 1975).
// - "Surely...?" / "¿Seguramente...?" tells the child the expected answer (Lamb et al. 2007).
import { classifyQuestion, type Language } from '../../../src/questions';
import { scorePublished, type PublishedItem } from './published';

const code = (text: string, language: Language, childWords?: string[]) =>
  classifyQuestion(text, language, childWords ? { childWords } : undefined);

const OPEN = ['invitation', 'cued-invitation'];

describe('a request for narrative in question form is an invitation (NICHD coding)', () => {
  it.each([
    ['Can you tell me what happened after you got home?', 'en'],
    ['Could you tell me everything about that?', 'en'],
    ['Would you please tell me more about that?', 'en'],
    ['could you tell me how it started', 'en'],
    ['Can you explain that to me?', 'en'],
    ['¿Me puedes platicar qué pasó después?', 'es'],
    ['¿Puedes contarme todo lo que pasó?', 'es'],
    ['¿Me podría platicar más de eso?', 'es'],
    ['¿Me cuentas lo que pasó luego?', 'es'],
    ['¿Me lo puedes contar otra vez?', 'es'],
  ] as const)(
    '%s (%s): invitation, recommended, no rewording, the tip cites its source',
    (text, language) => {
      const c = code(text, language);
      expect(OPEN).toContain(c.type);
      expect(c.recommended).toBe(true);
      expect(c.suggestion).toBeUndefined();
      expect(c.reason).toMatch(/Henderson, Russo (&|y) Lyon 2020/);
      expect(c.reason).toMatch(/Lamb et al\. 2018/);
    },
  );

  it('is cued by the child\u2019s words when the request reuses them', () => {
    const en = code('Can you tell me about the sleepover?', 'en', ['I went to a sleepover']);
    expect(en.type).toBe('cued-invitation');
    expect(en.recommended).toBe(true);
    const es = code('¿Me puedes platicar de la piñata?', 'es', ['rompimos la piñata']);
    expect(es.type).toBe('cued-invitation');
    expect(es.recommended).toBe(true);
  });

  it('is not a flag for the scorer: requests labelled invitation leave openFlagged at 0', () => {
    const items: PublishedItem[] = [
      { text: 'Can you tell me about that day?', type: 'invitation', source: 'test' },
      { text: 'Could you tell me what happened next?', type: 'invitation', source: 'test' },
      { text: 'Can you describe that?', type: 'invitation', source: 'test' },
    ];
    const s = scorePublished(items, 'en');
    expect(s.openFlagged).toBe(0);
    expect(s.accuracy).toBe(1);
    const es = scorePublished(
      [
        { text: '¿Me puedes contar de ese día?', type: 'invitation', source: 'test' },
        { text: '¿Podrías platicarme qué pasó?', type: 'invitation', source: 'test' },
      ],
      'es',
    );
    expect(es.openFlagged).toBe(0);
  });

  it('wraps a wh- question: coded as the wh- directive it asks', () => {
    const c = code('Can you tell me where he was standing?', 'en', ['he was standing by the door']);
    expect(c.type).toBe('directive');
  });

  it('asks for one item ("his name", "la verdad"): still a faux invitation', () => {
    for (const [text, language] of [
      ['Can you tell me his name?', 'en'],
      ['Could you tell me the truth?', 'en'],
      ['¿Me puedes decir su nombre?', 'es'],
      ['¿Me dices la verdad?', 'es'],
    ] as const) {
      const c = code(text, language);
      expect([text, c.type, c.subtype]).toEqual([text, 'option-posing', 'faux-invitation']);
    }
  });

  it.each([
    ['Tell me if the lights were on.', 'en', ['we were in the garage']],
    ['Can you tell me if anyone else was there?', 'en', ['we were in the garage']],
    ['Could you tell me whether she said anything?', 'en', ['my aunt came over']],
    ['Do you remember if the window was open?', 'en', ['I was in my room']],
    ['¿Me puedes decir si había alguien más?', 'es', ['estábamos en el garaje']],
    ['¿Puedes decirme si te dolió?', 'es', ['me empujó y me dolió']],
    ['¿Te acuerdas si la ventana estaba abierta?', 'es', ['estaba en mi cuarto']],
    ['¿Me dices si ella dijo algo?', 'es', ['vino mi tía']],
  ] as const)(
    '%s (%s): a yes/no shell stays option-posing with a warning',
    (text, language, child) => {
      for (const context of [undefined, [...child]]) {
        const c = code(text, language, context);
        expect(c.type).toBe('option-posing');
        expect(c.subtype).toBe('faux-invitation');
        expect(c.recommended).toBe(false);
        // Never rewritten into "Tell me if..." / "Dime si...".
        expect(c.suggestion ?? '').not.toMatch(/\b(if|whether|si)\b/i);
      }
    },
  );

  it('keeps the content checks: an undisclosed act in a request is suggestive (issue #16 item 1)', () => {
    for (const child of [[], ['I like my daddy']]) {
      const c = code('Can you tell me about when Daddy put his thing in you?', 'en', child);
      expect(c.type).toBe('suggestive');
      expect(c.recommended).toBe(false);
      expect(c.suggestion ?? '').not.toMatch(/thing|daddy put/i);
    }
    const es = code('¿Me puedes platicar de cuando tu papá te metió su cosa?', 'es', []);
    expect(es.type).toBe('suggestive');
    expect(es.suggestion ?? '').not.toMatch(/meti|cosa/i);
    const uncle = code('¿Puedes contarme lo que te hizo tu tío?', 'es', ['me gusta ir con mi tío']);
    expect(uncle.type).toBe('suggestive');
    expect(code('Can you tell me about the abuse?', 'en', ['he hurt me']).type).toBe('suggestive');
  });
});

describe('"Describe X." is an invitation, cued by the child\u2019s words', () => {
  it.each([
    ['Describe it.', 'en'],
    ['Describe that.', 'en'],
    ['Descríbelo.', 'es'],
  ] as const)('%s (%s): invitation', (text, language) => {
    const c = code(text, language);
    expect(c.type).toBe('invitation');
    expect(c.recommended).toBe(true);
  });

  it.each([
    ['Describe the trailer.', 'en', ['we lived in a trailer']],
    ['Describe the green jacket.', 'en', ['he had a green jacket']],
    ['Descríbeme la camioneta.', 'es', ['llegó en una camioneta']],
    ['Describe la chamarra verde.', 'es', ['traía una chamarra verde']],
  ] as const)('%s (%s): cued invitation with the child\u2019s words', (text, language, child) => {
    const c = code(text, language, [...child]);
    expect(c.type).toBe('cued-invitation');
    expect(c.recommended).toBe(true);
  });

  it('is suggestive when X is not the child\u2019s', () => {
    expect(code('Describe the gun.', 'en', ['he had something']).type).toBe('suggestive');
    expect(code('Describe the yellow jacket.', 'en', ['he had a green jacket']).type).toBe(
      'suggestive',
    );
    expect(code('Descríbeme la pistola.', 'es', ['tenía algo']).type).toBe('suggestive');
  });
});

describe('a factive frame presupposes its clause', () => {
  it.each([
    ['Do you remember that he locked the door?', 'en', ['we played cards'], 'locked'],
    ['Did you know that your uncle hit your brother?', 'en', ['I live with my grandma'], 'hit'],
    ['¿Te acuerdas de que te encerró?', 'es', ['jugamos cartas'], 'encerr'],
    ['¿Recuerdas que te pegó con el cinturón?', 'es', ['vivo con mi abuela'], 'peg'],
  ] as const)(
    '%s (%s), not said: suggestive, the reason names the presupposition',
    (text, language, child, word) => {
      const c = code(text, language, [...child]);
      expect(c.type).toBe('suggestive');
      expect(c.recommended).toBe(false);
      expect(c.reason).toMatch(/presupone|presupposes/);
      expect(c.suggestion ?? '').not.toContain(word);
    },
  );

  it.each([
    ['Do you remember that he locked the door?', 'en', ['he locked the door']],
    ['¿Te acuerdas de que te encerró?', 'es', ['me encerró en el cuarto']],
  ] as const)('%s (%s), said by the child: option-posing', (text, language, child) => {
    const c = code(text, language, [...child]);
    expect(c.type).toBe('option-posing');
    expect(c.recommended).toBe(false);
    // Never reworded into "Cuéntame de que te encerró".
    expect(c.suggestion ?? '').not.toMatch(/de que/);
  });

  it('"qué" with its accent is a question word, not a factive "que"', () => {
    const c = code('¿Te acuerdas de qué color era?', 'es', ['tenía un carro']);
    expect(c.type).toBe('option-posing');
    expect(c.reason).not.toMatch(/presupone/);
  });
});

describe('"Surely...?" / "¿Seguramente...?" is suggestive', () => {
  it.each([
    ['Surely he said something?', 'en', ['he came in']],
    ['Surely that hurt?', 'en', ['he pushed me']],
    ['Surely he pushed you?', 'en', ['he pushed me']],
    ['surely you saw his face', 'en', ['I saw him']],
    ['¿Seguramente te dijo algo?', 'es', ['él entró']],
    ['¿Seguramente te empujó?', 'es', ['me empujó']],
    ['seguramente viste su cara', 'es', ['lo vi']],
  ] as const)('%s (%s): suggestive, even in the child\u2019s words', (text, language, child) => {
    for (const context of [undefined, [...child]]) {
      const c = code(text, language, context);
      expect(c.type).toBe('suggestive');
      expect(c.recommended).toBe(false);
    }
  });
});
