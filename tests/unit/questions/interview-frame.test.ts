// The guard that lets the coach check statements against the child's words without flagging the
// protocols' own scripted lines (issue #16; practitioner review 3 B1/B2/M1/M2/M3): a sentence about
// the interview itself is not a claim about the event, a cued invitation is checked only in the
// noun phrase around the child's word, and the NICHD/issue disagreement on yes/no questions that
// introduce a new detail is carried by its own subtype. Wording here is our own.
import { classifyQuestion, type Language } from '../../../src/questions';

const code = (text: string, language: Language, childWords: string[]) =>
  classifyQuestion(text, language, { childWords });

describe('sentences about the interview itself are not claims about the event', () => {
  it.each<[string, Language]>([
    ['The microphone on the table picks up our voices.', 'en'],
    ['My work is listening to young people.', 'en'],
    ['You can stop me any time.', 'en'],
    ['If you need a break, tell me.', 'en'],
    ['This is my partner Dana, she takes notes in the next room.', 'en'],
    ['Este micrófono graba lo que platicamos.', 'es'],
    ['Si necesitas descansar, me dices.', 'es'],
    ['Yo trabajo con muchos niños y niñas.', 'es'],
  ])('"%s" (%s), said before the child has said anything, is not flagged', (text, language) => {
    const c = code(text, language, []);
    expect(c.type).not.toBe('suggestive');
    expect(c.recommended).toBe(true);
  });

  it.each<[string, Language]>([
    ['I can tell he scared you in the garage.', 'en'],
    ['You can tell me why she slapped you.', 'en'],
    ['Yo sé que él te asustó en la cochera.', 'es'],
  ])('"%s" (%s) carries an act by someone, so it is still checked', (text, language) => {
    expect(code(text, language, ['we ate pizza', 'comimos pizza']).type).toBe('suggestive');
  });
});

describe('cued invitations: the noun phrase around the child word, not the protocol frame', () => {
  it.each<[string, Language, string[]]>([
    ['Tell me why you came here today.', 'en', ['we came on the bus']],
    ['Tell me more about the bus.', 'en', ['we came on the bus']],
    ['Cuéntame más del camión.', 'es', ['vinimos en el camión']],
  ])('"%s" (%s) stays an open prompt', (text, language, child) => {
    expect(['invitation', 'cued-invitation']).toContain(code(text, language, child).type);
  });

  it.each<[string, Language, string[], string]>([
    ['Tell me more about the noisy bus.', 'en', ['we came on the bus'], 'noisy'],
    ['Cuéntame más del camión de la escuela.', 'es', ['vinimos en el camión'], 'escuela'],
  ])('"%s" (%s) adds a modifier the child did not say', (text, language, child, cue) => {
    const c = code(text, language, child);
    expect(c.type).toBe('suggestive');
    expect(c.cue).toContain(cue);
  });
});

describe('telling and secrecy', () => {
  it('a yes/no question whether there was a secrecy instruction stays option-posing', () => {
    expect(code('Did she say anything about telling?', 'en', ['she talked to me']).type).toBe(
      'option-posing',
    );
  });
  it('asking about telling a person the child named is about the child’s disclosure', () => {
    const c = code('Tell me about telling your coach.', 'en', ['I told my coach']);
    expect(c.type).not.toBe('suggestive');
  });
});

describe('yes/no questions that introduce a new detail (issue #16 vs NICHD, decision.ts)', () => {
  it.each<[string, Language, string[], string]>([
    ['Did Maria touch your arm?', 'en', ['Maria hurt my arm'], 'touch'],
    ['¿María te pellizcó el brazo?', 'es', ['María me lastimó el brazo'], 'pellizc'],
  ])(
    '"%s" (%s) is suggestive/new-detail (coach41), "avoid", and names the detail',
    (text, l, child, cue) => {
      // coach28 coded these option-posing (NICHD typology); coach41 (issue #16 item 2, the lead's
      // scheme; Lamb et al. 2007): an abuse-relevant unsaid act is suggestive/new-detail.
      const c = code(text, l, child);
      expect([c.type, c.subtype, c.verdict]).toEqual(['suggestive', 'new-detail', 'avoid']);
      expect(c.cue?.toLowerCase()).toContain(cue);
      expect(c.reason).toMatch(/NICHD/);
      expect(c.reason.toLowerCase()).toContain(cue);
    },
  );

  it('the same form about details the child gave stays option-posing', () => {
    expect(code('Did Maria hurt your arm?', 'en', ['Maria hurt my arm']).type).toBe(
      'option-posing',
    );
  });
});
