// coach28 (issue #16): a yes/no or choice question that introduces a detail the child has not
// said is option-posing/new-detail under the NICHD typology (Lamb, Orbach, Hershkowitz, Esplin &
// Horowitz 2007, Child Abuse Negl 31:1201-1231; practitioner review 3, M1), verdict "avoid", its
// reason naming the detail; a frame that implies the answer or presupposes stays suggestive
// (decision.ts). Risky recall counts option-posing and suggestive together: both stay caught.
import { classifyQuestion, type Language } from '../../../src/questions';

const code = (text: string, language: Language, childWords: string[]) =>
  classifyQuestion(text, language, { childWords });

// coach41 (issue #16 item 2, the lead's scheme): with child words on record, an abuse-relevant unsaid detail in a closed question is suggestive/new-detail (Lamb et al. 2007); coach41-kinds.test.ts pins the split.
describe('a new detail in a yes/no or choice question: new-detail, avoid', () => {
  it.each<[string, Language, string[], string, 'option-posing' | 'suggestive']>([
    ['Did Alex touch your bottom?', 'en', ['Alex hurt my bottom'], 'touch', 'suggestive'],
    ['¿Alex te tocó la colita?', 'es', ['Alex me lastimó la colita'], 'tocó', 'suggestive'],
    ['Was it in the basement?', 'en', ['it happened at night'], 'basement', 'option-posing'],
    ['¿Fue en el sótano?', 'es', ['pasó en la noche'], 'sótano', 'option-posing'],
    ['Tell me if he touched your leg.', 'en', ['he yelled at me'], 'touched', 'suggestive'],
    ['Dime si te tocó la pierna.', 'es', ['me gritó'], 'tocó', 'suggestive'],
  ])('%s (%s)', (text, language, child, detail, type) => {
    const c = code(text, language, child);
    expect(c).toMatchObject({
      type,
      subtype: 'new-detail',
      recommended: false,
      verdict: 'avoid',
    });
    // The reason names the unsaid detail and says it is put to the child.
    expect(c.reason).toContain(detail);
    expect(c.reason).toMatch(
      language === 'en' ? /puts to the child an? (?:abuse-relevant )?detail/ : /le plantea/,
    );
    // A suggestion, when offered, never carries the unsaid detail.
    if (c.suggestion) expect(c.suggestion.toLowerCase()).not.toContain(detail.toLowerCase());
  });

  it('the same question about the child’s own detail is plain option-posing, ask differently', () => {
    const c = code('Did Alex hurt your bottom?', 'en', ['Alex hurt my bottom']);
    expect([c.type, c.subtype, c.verdict]).toEqual(['option-posing', 'yes-no', 'ask-differently']);
  });
});

describe('a leading frame keeps the new detail suggestive', () => {
  it.each<[string, Language, string[], string]>([
    // tags and negative-term questions
    ["He touched your bottom, didn't he?", 'en', ['Alex hurt my bottom'], 'tag'],
    ['¿Te tocó la colita, verdad?', 'es', ['Alex me lastimó la colita'], 'tag'],
    ['¿Te tocó la colita, no?', 'es', ['Alex me lastimó la colita'], 'tag'],
    ["Didn't he touch your bottom?", 'en', ['Alex hurt my bottom'], 'negative'],
    ['¿No te tocó la colita?', 'es', ['Alex me lastimó la colita'], 'negative'],
    ['¿Tu abuelito no te tocó de una forma mala?', 'es', ['mi abuelito me recoge'], 'negative'],
    // a summary put as a question, a factive frame, a "when" clause, "anything else"
    ['So he touched your bottom?', 'en', ['Alex hurt my bottom'], 'presumptive'],
    ['Entonces, ¿te tocó la colita?', 'es', ['Alex me lastimó la colita'], 'presumptive'],
    ['Do you remember that he touched your bottom?', 'en', ['Alex hurt my bottom'], 'presumptive'],
    ['Is that when he showed you the pictures?', 'en', ['he had his phone'], 'presumptive'],
    ['¿Fue ahí cuando te enseñó las fotos?', 'es', ['tenía su celular'], 'presumptive'],
    ['Is there anything else he did to your bottom?', 'en', ['he was mean'], 'presumptive'],
    // what a choice takes as given outside its options
    ['Did he hit you with a belt or a stick?', 'en', ['he was mean to me'], 'presumptive'],
    // other people's information
    ['¿Y si te dijera que Rosa me contó que él te tocó?', 'es', ['Rosa'], 'co-witness'],
  ])('%s (%s)', (text, language, child, subtype) => {
    expect(code(text, language, child)).toMatchObject({
      type: 'suggestive',
      subtype,
      verdict: 'avoid',
    });
  });
});

describe('a repeated event the child never described is presumed (suggestive)', () => {
  it.each<[string, Language, string[]]>([
    ['Did he do it again?', 'en', ['he was mean to me']],
    ['Did it happen more than once?', 'en', ['he was mean to me']],
    ['Did he touch you again?', 'en', []],
    ['¿Lo hizo otra vez?', 'es', ['fue malo conmigo']],
    ['¿Pasó más de una vez?', 'es', ['fue malo conmigo']],
    ['¿Te volvió a tocar?', 'es', []],
    ['¿Te tocó ahí más de una vez?', 'es', ['se sentó junto a mí']],
  ])('%s (%s)', (text, language, child) => {
    const c = code(text, language, child);
    expect(c).toMatchObject({ type: 'suggestive', subtype: 'presumptive', verdict: 'avoid' });
    expect(c.reason).toMatch(language === 'en' ? /already happened/ : /ya pasó/);
  });

  it.each<[string, Language, string[]]>([
    ['Did he do it again?', 'en', ['he hit me']],
    ['Did it happen more than once?', 'en', ['it happened at home']],
    ['¿Lo hizo otra vez?', 'es', ['me pegó']],
    ['¿Pasó más de una vez?', 'es', ['pasó en la casa']],
  ])('after a disclosure, %s (%s) is option-posing', (text, language, child) => {
    expect(code(text, language, child).type).toBe('option-posing');
  });

  it('the protocol’s own choice stays the protocol’s, and rapport is left alone', () => {
    expect(code('Did it happen one time or more than one time?', 'en', []).subtype).toBe(
      'protocol',
    );
    expect(code('Did it happen once or more than once?', 'en', []).type).toBe('option-posing');
    expect(
      classifyQuestion('Did he come to your party again?', 'en', {
        childWords: [],
        stage: 'pre-substantive',
      }).type,
    ).not.toBe('suggestive');
  });
});
