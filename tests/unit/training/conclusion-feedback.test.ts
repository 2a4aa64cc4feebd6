// The conclusion verdict (src/training/feedback.ts judgeConclusion): a conclusion true of the
// scenario but not shown by the interview is not called one that "does not fit"; a wrong one
// gives its reason first and "What really happened" last, in English and Spanish.
import { judgeConclusion } from '../../../src/training/feedback';

const dogBite = (language: 'en' | 'es') => ({
  language,
  outcome: 'event' as const,
  summary:
    language === 'en'
      ? 'A dog bit the child at the park.'
      : 'Un perro mordió al niño en el parque.',
});
const nothing = {
  language: 'en' as const,
  outcome: 'nothing-happened' as const,
  summary: 'Nothing harmful happened.',
};
const sim = { toldEarlier: new Set<string>() };
const told = (allegationBy: 'child' | 'interviewer' | 'none', falseDetails: unknown[] = []) => ({
  measures: { allegationBy },
  falseDetails,
});

test('an event the child never told: "event" is true but not shown, never "does not fit"', () => {
  const r = judgeConclusion('event', dogBite('en'), sim, told('none'));
  expect(r.correct).toBe(false);
  expect(r.explanation).not.toMatch(/does not fit/);
  expect(r.explanation).toMatch(
    /^What you chose did happen, but this interview does not show it\. /,
  );
  // Reason before the truth.
  expect(r.explanation.indexOf('did not tell the central act')).toBeLessThan(
    r.explanation.indexOf('What really happened:'),
  );
  expect(r.explanation).toMatch(/What really happened: A dog bit the child at the park\.$/);
});

test('the act first named in a question: the reason, then the truth (Spanish too)', () => {
  const en = judgeConclusion('event', dogBite('en'), sim, told('interviewer'));
  expect(en.explanation.indexOf('first named in a question')).toBeLessThan(
    en.explanation.indexOf('What really happened'),
  );
  const es = judgeConclusion('event', dogBite('es'), sim, told('interviewer'));
  expect(es.explanation).not.toMatch(/no corresponde/);
  expect(es.explanation).toMatch(
    /^Lo que usted eligió sí pasó, pero esta entrevista no lo muestra\./,
  );
  expect(es.explanation.indexOf('lo nombró primero una pregunta')).toBeLessThan(
    es.explanation.indexOf('Lo que pasó en realidad:'),
  );
});

test('a wrong conclusion: "does not fit", its reason, then what really happened', () => {
  const r = judgeConclusion('event', nothing, sim, told('interviewer', [{}, {}]));
  expect(r.correct).toBe(false);
  expect(r.explanation).toBe(
    'Your conclusion does not fit this interview. Nothing happened: the 2 details the child ' +
      'agreed to came from the questions, which is how a false allegation is made. ' +
      'What really happened: Nothing harmful happened.',
  );
});

test('a wrong conclusion always has a reason before the truth', () => {
  const missedDisclosure = judgeConclusion('cannot-tell', dogBite('en'), sim, told('child'));
  expect(missedDisclosure.explanation).toMatch(
    /^Your conclusion does not fit this interview\. The child told the central act in their own words/,
  );
  const es = judgeConclusion('nothing-happened', dogBite('es'), sim, told('child'));
  expect(es.explanation).toMatch(
    /^Su conclusión no corresponde a esta entrevista\. (?:El niño|La persona entrevistada) contó el hecho central .* Lo que pasó en realidad:/,
  );
  const noConcern = judgeConclusion('event', nothing, sim, told('none'));
  expect(noConcern.explanation).toMatch(
    /does not fit this interview\. The child told of nothing harmful/,
  );
});

test('a fitting conclusion says so', () => {
  expect(judgeConclusion('event', dogBite('en'), sim, told('child')).explanation).toMatch(
    /^Your conclusion fits this interview\. What really happened:/,
  );
  expect(judgeConclusion('cannot-tell', dogBite('es'), sim, told('none')).explanation).toMatch(
    /^Su conclusión corresponde a esta entrevista\. (?:El niño|La persona entrevistada) no contó el hecho central/,
  );
});
