// Practitioner review 11, P11-5: the 3-5 adaptation applies to 3-year-olds, so its wh- before
// yes/no rule cites the study of 3- to 6-year-olds that supports it (Hershkowitz et al. 2012,
// abstract read), not only a study of 4- to 8-year-olds and "Hearth's rule".
import { planSession } from '../../../src/protocols';
import { sourceDocument } from '../../../src/protocols/sources';

describe('3-5 adaptation and shortWh cite Hershkowitz et al. 2012 (P11-5)', () => {
  it('is a research source read in abstract', () => {
    expect(sourceDocument('hershkowitz-2012')).toMatchObject({
      kind: 'research',
      checked: 'abstract',
    });
    expect(sourceDocument('hershkowitz-2012').citation).toMatch(
      /Child Development, 83\(2\), 611-622/,
    );
  });

  it.each(['nichd', 'ncac', 'abe', 'ten-step'])('%s at 3, en and es', (protocolId) => {
    const en = planSession(protocolId, 3, 'en');
    const es = planSession(protocolId, 3, 'es');
    expect(en.adaptation!.source.basis).toContain('Hershkowitz et al., 2012');
    expect(en.adaptation!.source.section).toMatch(
      /short wh- recall prompts before any yes\/no after Hershkowitz et al\. 2012, 3- to 6-year-olds/,
    );
    expect(en.adaptation!.source.section).not.toMatch(/Hearth\u2019s rule/);
    expect(es.adaptation!.source.section).toMatch(
      /según Hershkowitz et al\. 2012, con niñas y niños de 3 a 6 años/,
    );
    const shortWh = en.band.warnings.find((w) => w.id === 'shortWh')!;
    expect(shortWh.source.basis).toContain('Hershkowitz et al., 2012');
  });
});
