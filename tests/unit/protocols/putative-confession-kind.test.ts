// Practitioner review 8, P8-8: Ten Step's hypothetical putative confession is a question with a
// known effect on disclosure. It has its own kind in the plan (never 'instruction', which let it
// vanish among statements), the coach codes the scripted line as other/putative-confession in en
// and es-419, and the quality report counts it apart in its headline.
import { planSession } from '../../../src/protocols';
import { buildQualityReport, classifyQuestion } from '../../../src/questions';
import { utteranceOf } from './scripted-prompts';

const DECISION = { decidedBy: 'MDT and prosecutor', personNamed: 'this-interview' } as const;

describe.each(['en', 'es'] as const)('the putative-confession kind (%s)', (lang) => {
  const plan = planSession('ten-step', 7, lang, { putativeConfession: DECISION });
  const pc = plan.sessions
    .flatMap((s) => s.phases)
    .flatMap((p) => p.prompts)
    .find((p) => p.id === 'tenStep.putativeConfession')!;

  it('is its own kind in the plan, and the coach codes the line apart', () => {
    expect(pc.kind).toBe('putative-confession');
    const line = utteranceOf(pc, lang, lang === 'en' ? 'Uncle Joe' : 'el tío Beto');
    const coded = classifyQuestion(line, lang, {
      childWords: [lang === 'en' ? 'Uncle Joe' : 'el tío Beto'],
    });
    expect({ type: coded.type, subtype: coded.subtype }).toEqual({
      type: 'other',
      subtype: 'putative-confession',
    });
  });

  it('is counted apart in the quality report headline', () => {
    const line = utteranceOf(pc, lang, lang === 'en' ? 'Uncle Joe' : 'el tío Beto');
    const report = buildQualityReport(
      [
        { speaker: 'interviewer', text: lang === 'en' ? 'Tell me everything.' : 'Cuéntame todo.' },
        { speaker: 'child', text: lang === 'en' ? 'Uncle Joe did it.' : 'El tío Beto lo hizo.' },
        { speaker: 'interviewer', text: line },
      ],
      { language: lang },
    );
    expect(report.headline.putativeConfessions).toBe(1);
    expect(report.flagged.map((f) => f.subtype)).toContain('putative-confession');
  });
});
