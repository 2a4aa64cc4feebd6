// Lines that mention what the team knows (who the child told, a place, a mark) present it as
// something the interviewer heard, never as a fact, in every age band and language: NICHD's
// "I heard that..." (Revised Protocol 2014, transition). Practitioner review 4, m4.
import { planSession } from '../../../src/protocols';
import { AGE_BANDS } from '../../../src/protocols/types';
import { everyPrompt } from './scripted-prompts';
import { PUTATIVE_CONFESSION_AGES as PC_AGES } from '../../../src/protocols';

const AGE_OF: Record<string, number> = { '3-5': 4, '6-9': 8, '10-13': 11, '14-17': 15 };
const HEARD: Record<string, RegExp> = { en: /^I heard that /, es: /^(Supe|Escuché) que / };
/**
 * A second-person claim about the child's past that the child has not made ("You talked to").
 * "You said / You told me [the child's words]" quotes the child, so it is not one.
 */
const ASSERTED: Record<string, RegExp> = {
  en: /^You (talked|told(?! me)|went|were|saw)\b/,
  es: /^(Hablaste|Le contaste|Fuiste|Estuviste|Viste)\b/,
};

describe.each(['en', 'es'])('%s: team information is never stated as fact', (lang) => {
  it.each(AGE_BANDS.map((b) => [b]))('band %s: "talked to" keeps "I heard that"', (band) => {
    const plan = planSession('nichd', AGE_OF[band]!, lang);
    const talkedTo = everyPrompt(plan).find((p) => p.prompt.id === 'transition.talkedTo');
    expect(talkedTo).toBeDefined();
    expect(talkedTo!.prompt.text).toMatch(HEARD[lang]!);
  });

  it('no scripted line of any protocol or band opens with a claim about the child', () => {
    const offenders: string[] = [];
    for (const id of ['nichd', 'ten-step', 'ncac', 'abe'])
      for (const band of AGE_BANDS) {
        const plan = planSession(id, AGE_OF[band]!, lang, {
          ...(id === 'ten-step' && AGE_OF[band]! >= PC_AGES.min && AGE_OF[band]! <= PC_AGES.max
            ? { putativeConfession: { decidedBy: 'MDT', personNamed: 'this-interview' } }
            : id === 'ten-step'
              ? {}
              : { multiSession: true }),
        } as never);
        for (const { prompt } of everyPrompt(plan))
          if (ASSERTED[lang]!.test(prompt.text)) offenders.push(`${id} ${band} ${prompt.id}`);
      }
    expect(offenders).toEqual([]);
  });
});
