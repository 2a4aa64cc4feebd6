// Practitioner review 3, M2, M3 and m3: modifiers in cued invitations, Garven et al. (1998)
// techniques (positive consequences, other people's information, negative-term questions),
// presumed secrecy, support statements, blaming "why", the NICHD free-recall invitation.
// The examples are ours, in both languages.
import { classifyQuestion, type Language } from '../../../src/questions';

const code = (text: string, language: Language, childWords?: string[]) =>
  classifyQuestion(text, language, childWords ? { childWords } : undefined);

describe('M2. every content word of a cued invitation is checked, modifiers included', () => {
  it.each([
    ['Tell me more about the blue truck.', 'en', ['we drove in a truck']],
    ['Tell me about the hiding game.', 'en', ['we played a game']],
    ['Cuéntame más de la camioneta azul.', 'es', ['fuimos en la camioneta']],
    ['Cuéntame del juego de las escondidas.', 'es', ['jugamos un juego']],
  ] as const)('%s adds a modifier the child did not say', (text, language, child) => {
    const c = code(text, language, [...child]);
    expect(c.type).toBe('suggestive');
    expect(c.subtype).toBe('presumptive');
  });

  it.each([
    ['Tell me more about the blue truck.', 'en', ['we drove in the blue truck']],
    ['Cuéntame más de la camioneta azul.', 'es', ['fuimos en la camioneta azul']],
  ] as const)('%s in the child words stays a cued invitation', (text, language, child) => {
    expect(code(text, language, [...child]).type).toBe('cued-invitation');
  });
});

describe('M3. Garven et al. 1998 techniques', () => {
  it.each([
    ['Once you are finished talking to me, you can see your grandma.', 'en'],
    ['After you tell me about it, you can have a snack.', 'en'],
    ['En cuanto acabes de contarme, puedes ir a jugar.', 'es'],
    ['Una vez que me cuentes, podemos ir por un jugo.', 'es'],
  ] as const)('positive consequence: %s', (text, language) => {
    expect(code(text, language)).toMatchObject({ type: 'suggestive', subtype: 'pressure' });
  });

  it.each([
    ['Grandma said he touched you.', 'en'],
    ['Daddy already told me what happened.', 'en'],
    ['Abuela dijo que él te tocó.', 'es'],
  ] as const)('co-witness information without a determiner: %s', (text, language) => {
    expect(code(text, language)).toMatchObject({ type: 'suggestive', subtype: 'co-witness' });
  });

  it.each([
    ["isn't it true that she hit you", 'en'],
    ['Was it not the case that he locked the door?', 'en'],
    ['no es cierto que ella te pegó', 'es'],
  ] as const)('negative-term question, with or without "?": %s', (text, language) => {
    expect(code(text, language)).toMatchObject({ type: 'suggestive', subtype: 'negative' });
  });

  it('a question about telling presumes a secrecy instruction until the child mentions one', () => {
    expect(
      code('What did she say about keeping it a secret?', 'en', ['she talked to me']).type,
    ).toBe('suggestive');
    expect(code('¿Qué te dijo sobre no contar?', 'es', ['ella me habló']).type).toBe('suggestive');
    // Once the child has raised it, the same question is the child's topic.
    expect(
      code('What did she say about keeping it a secret?', 'en', ['she said to keep it a secret'])
        .type,
    ).not.toBe('suggestive');
  });
});

describe('m3. support, blame and free recall', () => {
  it.each([
    ['This is not your fault.', 'en'],
    ['No es tu culpa.', 'es'],
  ] as const)('"%s" alone is support: other, with a caution', (text, language) => {
    const c = code(text, language, ['she hit me']);
    expect(c.type).toBe('other');
    expect(c.verdict).toBe('ask-differently');
  });

  it('support that names the act stays suggestive', () => {
    expect(code('It was not your fault that he hit you.', 'en', []).type).toBe('suggestive');
  });

  it.each([
    ['Why did you allow her to do that?', 'en'],
    ['How come you let him in?', 'en'],
    ['¿Por qué lo dejaste?', 'es'],
  ] as const)('a why that implies consent is blaming: %s', (text, language) => {
    expect(code(text, language, ['he came in'])).toMatchObject({
      type: 'suggestive',
      subtype: 'blaming',
    });
  });

  it.each([
    ['Tell me everything that happened from the very beginning to the very end.', 'en'],
    ['Cuéntame todo lo que pasó, desde el principio hasta el final.', 'es'],
  ] as const)('the NICHD free-recall invitation is an invitation: %s', (text, language) => {
    expect(code(text, language, []).type).toBe('invitation');
  });
});
