// Every line of the second held-out set says where its wording comes from (practitioner review 3,
// M6), so the bench can report accuracy per provenance instead of presenting the set as published.
import { loadPublished, PROVENANCES } from './published';

describe.each(['en', 'es'] as const)('heldout2 provenance (%s)', (language) => {
  const items = loadPublished(language, 'heldout2');
  it('every line carries quoted, adapted or constructed', () => {
    const missing = items.filter((i) => !PROVENANCES.includes(i.provenance as never));
    expect(missing.map((i) => i.text)).toEqual([]);
  });
  it('a Spanish line is never a quotation (the Spanish items are renderings)', () => {
    if (language !== 'es') return;
    expect(items.filter((i) => i.provenance === 'quoted')).toEqual([]);
  });
});
