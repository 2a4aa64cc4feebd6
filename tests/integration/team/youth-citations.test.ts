// Audit of #19, item 9 (and team20: one copy of the guidance): each exploited-youth guidance item
// the plan carries names where it rests (a document and its section or a topic marked as Hearth's
// summary, or Hearth's own with the research behind it), in every protocol; the documents it cites
// carry no "[verify]" mark and give their DOI.
import { YOUTH_EXPLOITATION_WARNINGS } from '../../../src/protocols/age-bands';
import { sourceDocument } from '../../../src/protocols/sources';
import { WARNING_SOURCES } from '../../../src/protocols/warning-sources';
import { TEAM_SOURCES } from '../../../src/interview/team-sources';

describe('youth guidance citations', () => {
  it.each(YOUTH_EXPLOITATION_WARNINGS.map((key) => [key] as const))(
    '%s names a document and section, or Hearth with its basis',
    (key) => {
      const source = WARNING_SOURCES[key];
      expect(source).toBeDefined();
      expect(source!.section).toMatch(/\S{3,}/);
      if (source!.doc === 'hearth') expect(source!.basis?.length ?? 0).toBeGreaterThan(0);
      else expect(sourceDocument(source!.doc).citation.length).toBeGreaterThan(20);
    },
  );

  it('leaves no "[verify]" mark in what the guidance cites: what could not be checked says why', () => {
    const cited = new Set(
      YOUTH_EXPLOITATION_WARNINGS.flatMap((key) => {
        const s = WARNING_SOURCES[key]!;
        return [s.doc, ...(s.basis ?? [])].filter((d) => d !== 'hearth');
      }),
    );
    expect([...cited].sort()).toEqual(['greenbaum-2017', 'lavoie-2019', 'ncac-efi', 'ovc-eguide']);
    for (const id of cited) expect(sourceDocument(id).citation).not.toMatch(/\[verify/i);
    for (const s of Object.values(TEAM_SOURCES)) expect(s.citation).not.toMatch(/\[verify/i);
    expect(TEAM_SOURCES.apsac2023.citation).toMatch(/could not be checked/);
  });

  it('gives Lavoie et al. 2019 its DOI and Greenbaum 2017 its DOI', () => {
    expect(sourceDocument('lavoie-2019').citation).toContain('https://doi.org/10.1037/law0000205');
    expect(sourceDocument('greenbaum-2017').citation).toMatch(
      /10\.1371\/journal\.pmed\.1002439|PMC5699805/,
    );
    expect(TEAM_SOURCES.lavoie2019.url).toBe('https://doi.org/10.1037/law0000205');
  });
});
