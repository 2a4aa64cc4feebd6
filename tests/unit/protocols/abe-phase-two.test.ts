// P10-6: the practitioner review says ABE keeps "tell, explain, describe" for Phase three; the
// 2022 text could not be found to check it (session 18). Until it is, the Phase two prompts say
// plainly that their place is Hearth's summary, not verified against the 2022 text, in English
// and Spanish, while the bare Phase two account prompts keep ABE's section.
import { planSession } from '../../../src/protocols';

const TED = ['abe.tell', 'abe.explain', 'abe.describe'];

test.each([
  [
    'en',
    /^Phase two: tell, explain, describe \(placement not verified against the 2022 text\) \(topic: Hearth’s summary/,
  ],
  [
    'es',
    /^Fase dos: cuéntame, explícame, descríbeme \(su lugar en esta fase no se verificó con el texto de 2022\) \(tema resumido por Hearth/,
  ],
] as const)(
  'ABE Phase two: tell/explain/describe are marked unverified (%s)',
  (language, label) => {
    const plan = planSession('abe', 8, language, {});
    const phase = plan.sessions[0]!.phases.find((p) => p.id === 'freeNarrative')!;
    const ted = phase.prompts.filter((p) => TED.includes(p.id));
    expect(ted.map((p) => p.id)).toEqual(TED);
    for (const p of ted) expect(p.source.section).toMatch(label);
    const open = phase.prompts.find((p) => p.id === 'abe.narrativeOpen')!;
    expect(open.source.section).not.toMatch(/2022 text|texto de 2022/);
  },
);
