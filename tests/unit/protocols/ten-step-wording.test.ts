// Practitioner review 11, P11-6: the 2016 slides' text, as retrieved, has the step outline and a
// list of open-ended examples, not the instruction practice items ("What is my dog's name?") or
// Hearth's step-7 lines. Those prompts cite the step as "wording Hearth's, after Lyon as the
// literature quotes him"; the prompts that match a slide example keep the bare step; and the
// Sources page says only the step names and examples were compared.
import { planSession } from '../../../src/protocols';
import { sourceDocument } from '../../../src/protocols/sources';

const prompts = (lang: 'en' | 'es') =>
  new Map(
    planSession('ten-step', 8, lang)
      .sessions[0]!.phases.flatMap((p) => p.prompts)
      .map((p) => [p.id, p.source]),
  );

describe('Ten Step wording attribution (P11-6)', () => {
  it('practice items and step-7 lines are Hearth’s wording, in en and es', () => {
    const en = prompts('en');
    const es = prompts('es');
    for (const id of [
      'groundRules.dontKnow.practice',
      'groundRules.dontUnderstand.practice',
      'groundRules.correctMe.practice',
      'groundRules.truth.explain',
      'narrative.thenWhat',
      'transition.open',
      'transition.why',
      'recall.everything',
      'recall.directive',
    ]) {
      expect(en.get(id)!.doc).toBe('ten-step-2016');
      expect(en.get(id)!.section).toMatch(
        /\(wording Hearth’s, after Lyon as the literature quotes him\)$/,
      );
      expect(es.get(id)!.section).toMatch(
        /\(redacción de Hearth, a partir de Lyon según lo cita la literatura\)$/,
      );
    }
  });

  it('the prompts that match the slides’ open-ended examples keep the bare step', () => {
    const en = prompts('en');
    for (const id of ['rapport.likes', 'narrative.event', 'narrative.cued', 'recall.cued'])
      expect(en.get(id)!.section).not.toMatch(/wording Hearth/);
  });

  it('the Sources page scope of the slides is the outline and examples only', () => {
    expect(sourceDocument('ten-step-2016').checkedScope).toBe('outline');
  });
});
