// Practitioner review 10, P10-1, P10-12, P10-13: a citation must not claim that a document scripts
// or says something Hearth has not read. A section of a document whose text Hearth did not read
// (sources.ts `checked` other than 'text') says so in its own words: Hearth's summary of the
// source (hearthTopic), not verified against the full text (notVerified), or wording Hearth's.
// Checked on every citation the definitions, warnings and engine make (src() records each one),
// and on every source of every plan, in English and Spanish, as the interviewer reads it.
import { planSession } from '../../../src/protocols';
import { ageBandFor } from '../../../src/protocols/age-bands';
import { PROTOCOLS } from '../../../src/protocols/definitions';
import {
  hasSourceMarker,
  HEARTH_TOPIC_SUFFIX,
  NOT_VERIFIED_SUFFIX,
  notVerified,
  sectionIn,
} from '../../../src/protocols/source-sections';
import {
  citedDocumentSections,
  HEARTH,
  sourceDocument,
  type PlannedSource,
} from '../../../src/protocols/sources';
import '../../../src/protocols/warning-sources';

/** Whether a citation of `doc` at `section` claims more than Hearth read. */
function overclaims(doc: string, section: string): boolean {
  return doc !== HEARTH && sourceDocument(doc).checked !== 'text' && !hasSourceMarker(section);
}

/** What marks a Spanish section as Hearth's summary, unverified, or Hearth's wording. */
const ES_MARKER =
  /tema resumido por Hearth|no verificado con el texto completo|redacción de Hearth/;

/** Every planned source in a plan-shaped value, except the documents named as a whole. */
function sourcesIn(value: unknown): PlannedSource[] {
  const out: PlannedSource[] = [];
  const visit = (n: unknown, key: string): void => {
    if (key === 'documents') return;
    if (Array.isArray(n)) return n.forEach((v) => visit(v, ''));
    if (n === null || typeof n !== 'object') return;
    const r = n as Record<string, unknown>;
    if (typeof r.doc === 'string' && typeof r.section === 'string' && typeof r.label === 'string') {
      out.push(r as unknown as PlannedSource);
      return;
    }
    for (const [k, v] of Object.entries(r)) visit(v, k);
  };
  visit(value, '');
  return out;
}

describe('a citation of a document Hearth has not read says so', () => {
  it('the check can fail: a bare heading of an unread document is caught, a marked one is not', () => {
    expect(overclaims('abe-2022', 'Phase one: ground rules')).toBe(true);
    expect(
      overclaims('hershkowitz-2014', 'Support must not promise or refer to the allegation'),
    ).toBe(true);
    expect(overclaims('abe-2022', notVerified('Phase one: ground rules'))).toBe(false);
    expect(overclaims('ten-step-2016', 'Step 7: the allegation')).toBe(false);
    // Marked once only, and in Spanish with Spanish words.
    expect(notVerified(notVerified('Planning'))).toBe(`Planning${NOT_VERIFIED_SUFFIX}`);
    expect(sectionIn('es', notVerified('Planning'))).toMatch(ES_MARKER);
  });

  it('every citation the definitions, warnings and engine make carries the marker', () => {
    const cited = citedDocumentSections();
    expect(cited.length).toBeGreaterThan(50);
    const bad = cited
      .filter((c) => overclaims(c.doc, c.section))
      .map((c) => `${c.doc}: ${c.section}`);
    expect(bad).toEqual([]);
  });

  it.each(['en', 'es'] as const)(
    'every source of every plan shows the marker to the reader (%s)',
    (lang) => {
      let checked = 0;
      const bad: string[] = [];
      for (const p of PROTOCOLS)
        for (const age of [4, 8, 12, 15].filter((a) => p.ageBands.includes(ageBandFor(a))))
          for (const multiSession of p.multiSession ? [false, true] : [false]) {
            const plan = planSession(p.id, age, lang, {
              interpreter: true,
              observed: true,
              multiSession,
            });
            for (const s of sourcesIn(plan)) {
              if (s.doc === HEARTH || sourceDocument(s.doc).checked === 'text') continue;
              checked += 1;
              const marked = lang === 'en' ? hasSourceMarker(s.section) : ES_MARKER.test(s.section);
              if (!marked || !s.label.endsWith(s.section)) bad.push(`${p.id}@${age}: ${s.label}`);
            }
          }
      expect(checked).toBeGreaterThan(500);
      expect([...new Set(bad)]).toEqual([]);
    },
  );

  it('ABE and NCAC shared prompts say their wording is Hearth\u2019s; ABE\u2019s own keep ABE', () => {
    const abe = planSession('abe', 8, 'en');
    const ncac = planSession('ncac', 8, 'en');
    const prompt = (plan: typeof abe, id: string) =>
      plan.sessions
        .flatMap((s) => s.phases)
        .flatMap((ph) => ph.prompts)
        .find((p) => p.id === id);
    for (const plan of [abe, ncac])
      for (const id of ['intro.self', 'groundRules.dontKnow.practice', 'rapport.likes'])
        expect({ id, section: prompt(plan, id)?.source.section }).toEqual({
          id,
          section: expect.stringContaining('wording Hearth\u2019s, after NICHD and Lyon'),
        });
    expect(prompt(abe, 'groundRules.dontKnow.practice')?.source.section).toContain(
      'ABE gives no script',
    );
    // ABE scripts no lines: its own prompts paraphrase its advice in Hearth's words (review
    // 26p, finding 14); only "tell, explain, describe" is ABE's phrasing.
    for (const id of [
      'abe.purpose',
      'abe.truth',
      'abe.truthCheck',
      'abe.summary',
      'abe.narrativeOpen',
    ])
      expect({ id, section: prompt(abe, id)?.source.section }).toEqual({
        id,
        section: expect.stringContaining('paraphrase of ABE\u2019s advice; wording Hearth\u2019s'),
      });
  });

  it('a single Ten Step interview cites the version Hearth read, as Hearth\u2019s summary', () => {
    const plan = planSession('ten-step', 8, 'en');
    expect(plan.sessions[0]?.source.doc).toBe('ten-step-2016');
    expect(plan.sessions[0]?.source.section).toBe(
      `The interview in one session${HEARTH_TOPIC_SUFFIX}`,
    );
    expect(plan.sessions[0]?.source.basis).toEqual([sourceDocument('ten-step-2005').short]);
  });
});
