// Spanish interpreter relay (src/questions/relay.ts): the interviewer's request to the interpreter
// ("Pregúntale si …") is turned into the words the child hears. es-419 review es7, finding 1: the
// third person became "tú" whatever the subject, which broke the grammar ("¿Tu mamá dijiste…?"),
// changed whose thing was meant ("el señor con tu carro") and left "le" where the child hears
// "te". The three sentences are the reviewer's; the expected Spanish is the reviewer's proposal.
import { classifyQuestion } from '../../../src/questions';
import { relayedRequest } from '../../../src/questions/relay';

describe('relayed Spanish request: second person only where the child is the one spoken about', () => {
  it.each([
    // The mother is the subject of "dijo": it stays "dijo"; "su mamá" is the child's mother.
    ['Pregúntale si su mamá dijo que se fuera', '¿Tu mamá dijo que se fuera?'],
    // "su" follows the subject "el señor": it is the man's car, and stays "su".
    ['Pregúntale qué hizo el señor con su carro', '¿Qué hizo el señor con su carro?'],
    // The uncle (not the child) said it, to the child: "le" becomes "te".
    ['Pregúntale qué le dijo su tío', '¿Qué te dijo tu tío?'],
    ['Pregúntele si su tío le tocó la pierna.', '¿Tu tío te tocó la pierna?'],
  ])('%s → %s', (relayed, heard) => {
    expect(relayedRequest(relayed, 'es')).toBe(heard);
  });

  it.each([
    // No subject before the verb: the child is the one who said it.
    ['Pregúntele si dijo que es un borracho.', '¿Dijiste que es un borracho?'],
    ['Pregúntele dónde estaba su mamá.', '¿Dónde estaba tu mamá?'],
    // "la pierna" is an object, not a person: no subject is known, so "le" is kept.
    ['Pregúntele si le tocó la pierna.', '¿Le tocó la pierna?'],
    // A pronoun subject may or may not be the child: the third person is kept as a whole.
    ['Pregúntele si ella fue con su mamá.', '¿Ella fue con su mamá?'],
  ])('%s → %s', (relayed, heard) => {
    expect(relayedRequest(relayed, 'es')).toBe(heard);
  });
});

describe('a relayed question about what someone else said is not quoting the child back', () => {
  // The child called the man a drunk; a question that puts the same words in the mother's mouth
  // is stereotype induction (Leichtman & Ceci 1995), not a restatement of the child's words.
  const context = { childWords: ['mi tío es un borracho'] };

  it('"su mamá dijo que es un borracho" keeps the stereotype flag', () => {
    const c = classifyQuestion('Pregúntele si su mamá dijo que es un borracho.', 'es', context);
    expect(c.type).toBe('suggestive');
    expect(c.subtype).toBe('stereotype');
    expect(c.recommended).toBe(false);
  });

  it('"dijo que es un borracho" with no other subject quotes the child, and is not flagged so', () => {
    const c = classifyQuestion('Pregúntele si dijo que es un borracho.', 'es', context);
    expect(c.subtype).not.toBe('stereotype');
  });
});
