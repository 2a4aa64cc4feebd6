// Practitioner review 11, P11-7: the Spanish "worried" prompt asks what the English asks ("Is
// [the caregiver] worried about you?"), not "does something about you worry [the caregiver]?":
// an "algo" would invite the child to look for a something, making the option-posing prompt
// more suggestive in one language than in the other.
import { planSession } from '../../../src/protocols';
import { classifyQuestion } from '../../../src/questions';

const worried = (age: number) =>
  planSession('nichd', age, 'es')
    .sessions[0]!.phases.flatMap((p) => p.prompts)
    .find((p) => p.id === 'transition.worried')!.text;

describe('es-419 transition.worried (P11-7)', () => {
  it('asks whether the caregiver is worried about the child, with no "algo"', () => {
    expect(worried(8)).toMatch(
      /^¿\[La persona que cuida al niño o la niña, con el nombre que le da\] está preocupada por ti\?/,
    );
    expect(worried(4)).toMatch(/está preocupado o preocupada por ti\?/);
    for (const age of [4, 8, 12]) expect(worried(age)).not.toMatch(/\balgo\b/);
  });

  it('the coach still codes the new wording as option-posing, as it codes the English', () => {
    expect(classifyQuestion('¿Tu mamá está preocupada por ti?', 'es').type).toBe(
      classifyQuestion('Is your mom worried about you?', 'en').type,
    );
    expect(classifyQuestion('¿Tu mamá está preocupada por ti?', 'es').type).toBe('option-posing');
  });
});
