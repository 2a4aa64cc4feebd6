// Audit of #19, item 9: each exploited-youth guidance item says where in each published source it
// rests (heading, page or a topic marked as such), and no citation is left with a "[verify]" mark.
import { YOUTH_GUIDANCE } from '../../../src/interview/team-content';
import { TEAM_SOURCES } from '../../../src/interview/team-sources';

describe('youth guidance citations', () => {
  it.each(YOUTH_GUIDANCE.map((i) => [i.id, i] as const))(
    '%s names a section for every source it cites, and only those',
    (_id, item) => {
      const sections = item.sections ?? {};
      for (const source of item.sources) {
        if (source === 'hearth') continue;
        expect({ source, section: sections[source] }).toEqual({
          source,
          section: expect.stringMatching(/\S{3,}/),
        });
      }
      for (const key of Object.keys(sections)) expect(item.sources).toContain(key);
    },
  );

  it('leaves no "[verify]" mark: what could not be checked says why', () => {
    for (const s of Object.values(TEAM_SOURCES)) expect(s.citation).not.toMatch(/\[verify/i);
    expect(TEAM_SOURCES.apsac2023.citation).toMatch(/could not be checked/);
  });

  it('gives Lavoie et al. 2019 its DOI and Greenbaum 2017 its DOI', () => {
    expect(TEAM_SOURCES.lavoie2019.url).toBe('https://doi.org/10.1037/law0000205');
    expect(TEAM_SOURCES.lavoie2019.citation).toContain('25(4), 225-238');
    expect(TEAM_SOURCES.greenbaum2017.citation).toContain('10.1371/journal.pmed.1002439');
  });
});
