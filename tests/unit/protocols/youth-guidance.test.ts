// Issue #19 (audit item 8): the exploited-youth guidance reaches protocols.plan, in every protocol,
// en and es-419: always for 14-17, and for a younger child when the planning record sets an
// exploitation concern. Each item names its source (a document and section, or Hearth's own with
// its basis).
import { YOUTH_EXPLOITATION_WARNINGS } from '../../../src/protocols/age-bands';
import { listProtocols, planSession } from '../../../src/protocols';
import { sourceDocument } from '../../../src/protocols/sources';

const YOUTH_IDS = YOUTH_EXPLOITATION_WARNINGS.map((k) => k.replace(/^warnings\./, ''));
const PROTOCOL_IDS = listProtocols('en').map((p) => p.id);

function youthWarnings(plan: ReturnType<typeof planSession>) {
  return plan.band.warnings.filter((w) => YOUTH_IDS.includes(w.id));
}

describe('exploited-youth guidance in the plan', () => {
  it('covers the eight areas the issue names', () => {
    expect(YOUTH_IDS).toEqual([
      'youthRole',
      'youthInformation',
      'youthConfidentiality',
      'youthNotInTrouble',
      'youthLoyalty',
      'youthNoLabels',
      'youthOpenAreas',
      'youthSessions',
    ]);
  });

  it.each(
    PROTOCOL_IDS.flatMap((id) =>
      [14, 15, 16, 17].flatMap((age) => [
        [id, age, 'en'],
        [id, age, 'es'],
      ]),
    ) as Array<[string, number, 'en' | 'es']>,
  )('%s, age %i, %s: every item, each with a source', (protocolId, age, language) => {
    const items = youthWarnings(planSession(protocolId, age, language));
    expect(items.map((w) => w.id)).toEqual(YOUTH_IDS);
    for (const w of items) {
      expect(w.text.length).toBeGreaterThan(40);
      expect(w.source.doc.length).toBeGreaterThan(0);
      expect(w.source.section.length).toBeGreaterThan(5);
      // Hearth's own wording always names the research it rests on.
      if (w.source.doc === 'hearth') expect(w.source.basis.length).toBeGreaterThan(0);
    }
  });

  it('is not in a younger child’s plan without a concern, and is with one', () => {
    for (const protocolId of PROTOCOL_IDS) {
      for (const age of [6, 10, 13]) {
        expect(youthWarnings(planSession(protocolId, age, 'en'))).toEqual([]);
        const withConcern = planSession(protocolId, age, 'es', { exploitationConcern: true });
        expect(youthWarnings(withConcern).map((w) => w.id)).toEqual(YOUTH_IDS);
        expect(withConcern.options.exploitationConcern).toBe(true);
      }
    }
  });

  it('is not doubled for 14-17 when the concern is set too', () => {
    const plan = planSession('nichd', 15, 'en', { exploitationConcern: true });
    expect(youthWarnings(plan).map((w) => w.id)).toEqual(YOUTH_IDS);
  });

  it('cites Lavoie et al. 2019 with its DOI, and Greenbaum 2017 by its section', () => {
    const items = youthWarnings(planSession('ncac', 16, 'en'));
    const role = items.find((w) => w.id === 'youthRole')!;
    expect(role.source.doc).toBe('lavoie-2019');
    const lavoie = sourceDocument('lavoie-2019');
    expect(lavoie.citation).toContain('https://doi.org/10.1037/law0000205');
    expect(lavoie.citation).toContain('25(4), 225-238');
    const sessions = items.find((w) => w.id === 'youthSessions')!;
    expect(sessions.source.doc).toBe('greenbaum-2017');
    expect(sessions.source.section).toContain('Summary points');
  });

  it('names no label itself except as the labels to avoid, and promises no outcome', () => {
    for (const language of ['en', 'es'] as const) {
      const items = youthWarnings(planSession('abe', 15, language));
      const notInTrouble = items.find((w) => w.id === 'youthNotInTrouble')!;
      expect(notInTrouble.text).toMatch(/promise nothing beyond|no prometa nada más/);
      const noLabels = items.find((w) => w.id === 'youthNoLabels')!;
      expect(noLabels.text).toMatch(language === 'en' ? /pimp/ : /padrote/);
    }
  });

  it('refuses a non-boolean concern with a clear error', () => {
    expect(() =>
      planSession('nichd', 10, 'en', { exploitationConcern: 'yes' as unknown as boolean }),
    ).toThrow(/exploitationConcern must be true or false/);
  });
});
