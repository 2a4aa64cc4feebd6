// Practitioner review 9, P9-3: the direct putative confession ("X told me everything that
// happened and wants you to tell the truth.") asserts something the interviewer may not have
// (Lyon et al. 2014; Stolzenberg, McWilliams & Lyon 2017 replaced it with the hypothetical form
// for that reason). English coded it as a ground rule or a plain statement; Spanish already coded
// it suggestive (co-witness). Both languages now code every such claim as suggestive/co-witness
// with its own explanation, and the hypothetical form stays the Ten Step option. Sentences are
// the reviewer's three and our own.
import { classifyQuestion, type Language } from '../../../src/questions';

const DIRECT: ReadonlyArray<readonly [string, Language]> = [
  // The reviewer's lines (P9-3).
  ['Uncle Joe told me everything that happened and wants you to tell the truth.', 'en'],
  ['He told me everything that happened and he wants you to tell the truth.', 'en'],
  ['Joe already told me everything, so you can tell the truth.', 'en'],
  ['Uncle Joe told me everything that happened.', 'en'],
  // Our own.
  ['Your dad already told me what happened.', 'en'],
  ['He said he did it, so you can tell me.', 'en'],
  ['Mr. Smith admitted everything to the police.', 'en'],
  ['She confessed, so you do not need to be scared.', 'en'],
  ['Marcus has already admitted it, so it is okay to talk about it.', 'en'],
  ['Your stepdad told us all about it, so you can tell me too.', 'en'],
  ['El tío Joe me contó todo lo que pasó y quiere que digas la verdad.', 'es'],
  ['Él me contó todo lo que pasó y quiere que tú digas la verdad.', 'es'],
  ['Joe ya me contó todo, así que puedes decir la verdad.', 'es'],
  ['Tu papá ya me dijo lo que pasó.', 'es'],
  ['Él dijo que lo hizo, así que me puedes contar.', 'es'],
  ['Él ya confesó, así que no tengas miedo.', 'es'],
  ['Tu padrastro ya lo admitió todo.', 'es'],
  ['Ya nos dijo todo, ahora te toca a ti.', 'es'],
];

describe('the direct putative confession is suggestive in both languages', () => {
  it.each(DIRECT)('%s (%s)', (text, language) => {
    const c = classifyQuestion(text, language);
    expect(c.type).toBe('suggestive');
    expect(c.subtype).toBe('co-witness');
    expect(c.recommended).toBe(false);
  });

  it('explains it as a claimed confession and points to the hypothetical form, en and es', () => {
    const en = classifyQuestion('He told me everything that happened.', 'en');
    expect(en.reason).toMatch(/told everything or confessed/);
    expect(en.reason).toMatch(/What if I said that/);
    const es = classifyQuestion('Él ya me contó todo.', 'es');
    expect(es.reason).toMatch(/contó todo o confesó/);
    expect(es.reason).toMatch(/¿Y si te dijera que/);
  });
});

describe('look-alikes keep their own coding', () => {
  it.each([
    // The hypothetical form is the Ten Step option, not a claim.
    ['What if I said that Uncle Joe told me everything that happened?', 'en', 'other'],
    ['¿Y si te dijera que él me contó todo lo que pasó?', 'es', 'other'],
    // The child's own account, or an open request for what someone said.
    // coach24: nothing of the child's fills the script's slot ("he"), so the general invitation,
    // as the Spanish line already was (was 'cued-invitation' in English only).
    ['Tell me what he said.', 'en', 'invitation'],
    ['Cuéntame qué te dijo él.', 'es', 'invitation'],
    ['Tell me everything that happened.', 'en', 'invitation'],
    ['Cuéntame todo lo que pasó.', 'es', 'invitation'],
    // Not a confession: a passive "admitted", and a yes/no question about what he said.
    ['She was admitted to the hospital.', 'en', 'other'],
    ['Lo admitieron en el hospital.', 'es', 'other'],
    ['Did he say he did it?', 'en', 'option-posing'],
  ] as const)('%s (%s) codes as %s', (text, language, type) => {
    expect(classifyQuestion(text, language).type).toBe(type);
  });

  it('said back in the child words it is the child account, not a claim', () => {
    const c = classifyQuestion('Your uncle said he did it.', 'en', {
      childWords: ['my uncle said he did it'],
    });
    expect(c.type).not.toBe('suggestive');
  });
});
