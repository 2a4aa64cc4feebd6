// Practitioner review 7, P7-8: the reluctance caution and "close warmly" cite what each protocol
// itself says. NICHD: the revised protocol's supportive rapport and a second interview
// (Hershkowitz, Lamb & Katz 2014; Lamb et al. 2018). Ten Step, NCAC and ABE: Hearth's own where
// the protocol was not checked on the point (or says nothing), saying so, never the NICHD
// document as if it were the protocol's. Hearth's rule (no escalation) is never the source's.
import { HEARTH, hearthTopicMarker, planSession, sourcesOverview } from '../../../src/protocols';

const PROTOCOLS = ['nichd', 'ncac', 'ten-step', 'abe'] as const;

function reluctanceCaution(protocolId: string, language: 'en' | 'es' = 'en') {
  const plan = planSession(protocolId, 8, language);
  const found = plan.sessions
    .flatMap((s) => s.phases)
    .flatMap((p) => p.warnings)
    .filter((w) => w.id === 'reluctance');
  expect(found.length).toBeGreaterThan(0);
  return { cautions: found, closeWarmly: plan.reluctance.closeWarmly };
}

describe('reluctance citations per protocol (P7-8)', () => {
  it('NICHD cites the revised protocol, as a Hearth-named topic, with its supportive-interview research', () => {
    const { cautions, closeWarmly } = reluctanceCaution('nichd');
    for (const c of cautions) {
      expect(c.source.doc).toBe('nichd-2014');
      expect(c.source.label.endsWith(hearthTopicMarker('en'))).toBe(true);
      expect(c.source.basis).toEqual(
        expect.arrayContaining(['Hershkowitz, Lamb & Katz, 2014', 'Lamb et al., 2018']),
      );
    }
    expect(closeWarmly.source.doc).toBe('hershkowitz-2021');
  });

  it.each(['ncac', 'ten-step', 'abe'])(
    '%s: Hearth’s own, saying what was not checked, never the NICHD document as its source',
    (protocolId) => {
      const { cautions, closeWarmly } = reluctanceCaution(protocolId);
      for (const source of [...cautions.map((c) => c.source), closeWarmly.source]) {
        expect(source.doc).toBe(HEARTH);
        expect(source.section).toMatch(/NICHD research/);
        expect(source.section).toMatch(/not checked|says nothing/);
        expect(source.basis.length).toBeGreaterThan(0);
      }
    },
  );

  it('NCAC’s further session cites its Extended Forensic Interview as the basis', () => {
    const { cautions } = reluctanceCaution('ncac');
    for (const c of cautions) expect(c.source.basis).toContain('NCAC Extended Forensic Interview');
  });

  it('each protocol’s citation differs from the others’ (never one citation for all)', () => {
    const sections = PROTOCOLS.map((p) => reluctanceCaution(p).cautions[0]!.source.section);
    expect(new Set(sections).size).toBe(PROTOCOLS.length);
  });

  it('close warmly says "no escalation" is Hearth’s rule, not the source’s (en, es)', () => {
    expect(reluctanceCaution('nichd', 'en').closeWarmly.text).toMatch(
      /Hearth’s rule, not the source’s/,
    );
    expect(reluctanceCaution('nichd', 'es').closeWarmly.text).toMatch(
      /Regla de Hearth, no de la fuente/,
    );
  });

  it('the Sources page lists each protocol’s own Hearth part under that protocol', () => {
    const hearth = sourcesOverview('en').hearth;
    for (const protocolId of ['ncac', 'ten-step', 'abe']) {
      const own = hearth.filter(
        (h) => h.protocols.includes(protocolId) && /^Reluctant children/.test(h.what),
      );
      expect(own).toHaveLength(1);
    }
  });
});
