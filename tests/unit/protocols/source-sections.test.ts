// Newcomer 5, F7: a Spanish-speaking interviewer read English section descriptions beside every
// step ("Phase 3, narrative practice"). Every section any protocol, warning or engine text cites
// must have an es-419 wording, and every place that builds a Spanish plan, extended-session
// guidance or the Sources page must show it. The list of cited sections is not kept by hand:
// src() records each one as the definitions load.
import { planSession, sourcesOverview } from '../../../src/protocols';
import { ageBandFor } from '../../../src/protocols/age-bands';
import { PROTOCOLS, WITHDRAWN_PROTOCOLS } from '../../../src/protocols/definitions';
import { extendedSessionGuidance } from '../../../src/protocols/extended';
import { localizeSources } from '../../../src/protocols/plan';
import {
  documentNoteIn,
  HEARTH_TOPIC_SUFFIX,
  hearthTopic,
  NOT_VERIFIED_SUFFIX,
  notVerified,
  sectionIn,
  sectionWording,
  sectionWordings,
} from '../../../src/protocols/source-sections';
import {
  citedSections,
  HEARTH,
  planSource,
  src,
  sourceDocument,
} from '../../../src/protocols/sources';
import { WARNING_SOURCES } from '../../../src/protocols/warning-sources';
import type { PlannedSource, SourceDocument } from '../../../src/protocols/sources';
import { PUTATIVE_CONFESSION_AGES as PC_AGES } from '../../../src/protocols';

const ALL = [...PROTOCOLS, ...WITHDRAWN_PROTOCOLS];
const esNotes = sectionWordings('es')!.notes;

/** Every planned source in a plan-shaped value, in document order. */
function sourcesIn(value: unknown): PlannedSource[] {
  const out: PlannedSource[] = [];
  const visit = (n: unknown): void => {
    if (Array.isArray(n)) return n.forEach(visit);
    if (n === null || typeof n !== 'object') return;
    const r = n as Record<string, unknown>;
    if (typeof r.doc === 'string' && typeof r.section === 'string') {
      out.push(r as unknown as PlannedSource);
      return;
    }
    Object.values(r).forEach(visit);
  };
  visit(value);
  return out;
}

/** The plans a centre can make: each protocol at each of its bands, with every option on/off. */
function planVariants(): Array<{ id: string; age: number; options: Record<string, unknown> }> {
  const out: Array<{ id: string; age: number; options: Record<string, unknown> }> = [];
  for (const p of ALL)
    for (const age of [4, 8, 11, 15].filter((a) => p.ageBands.includes(ageBandFor(a))))
      for (const on of [false, true])
        out.push({
          id: p.id,
          age,
          options: {
            allegationBlind: on,
            interpreter: on,
            includeOptional: on,
            ...(p.multiSession ? { multiSession: on } : {}),
            ...(p.id === 'ten-step' && on && age >= PC_AGES.min && age <= PC_AGES.max
              ? { putativeConfession: { decidedBy: 'MDT', personNamed: 'this-interview' } }
              : {}),
          },
        });
  return out;
}

describe('section descriptions in Spanish (es-419)', () => {
  const es = sectionWordings('es')!;
  const cited = citedSections();

  it('collects every section the definitions, warnings and engine cite', () => {
    // The registry is filled as modules load; a few anchors show it covers each kind of source.
    expect(cited).toEqual(
      expect.arrayContaining([
        notVerified('Phase one: establishing rapport'), // ABE phase
        'Steps 1-5: interview instructions', // Ten Step phase
        notVerified('Rapport: narrative practice'), // NCAC phase
        'Offering a break', // Hearth's own
        'Pairing: each focused question followed by an invitation (topic: Hearth\u2019s summary of the source, not a section of it)', // engine text (a Hearth topic: review 7, P7-10)
        hearthTopic('Two-session model: second session'), // a Hearth-named topic
      ]),
    );
    for (const ref of Object.values(WARNING_SOURCES)) expect(cited).toContain(ref.section);
    for (const p of ALL)
      for (const ph of p.phases) {
        expect(cited).toContain(ph.source.section);
        ph.prompts.forEach((pr) => expect(cited).toContain(pr.source.section));
      }
  });

  it('every cited section has a Spanish wording that is not the English', () => {
    const missing = cited.filter((s) => {
      const wording = sectionWording('es', s);
      return wording === undefined || wording.trim() === '' || wording === s;
    });
    expect(missing).toEqual([]);
  });

  it('the check can fail: a section cited without a wording is reported', () => {
    const english = 'A section nobody has worded yet';
    src(HEARTH, english);
    expect(citedSections()).toContain(english);
    expect(sectionWording('es', english)).toBeUndefined();
    expect(sectionIn('es', english)).toBe(english);
  });

  it('the Spanish file has no wording for a section nothing cites', () => {
    const bases = new Set(
      cited.map((s) =>
        s.endsWith(HEARTH_TOPIC_SUFFIX)
          ? s.slice(0, -HEARTH_TOPIC_SUFFIX.length)
          : s.endsWith(NOT_VERIFIED_SUFFIX)
            ? s.slice(0, -NOT_VERIFIED_SUFFIX.length)
            : s,
      ),
    );
    expect(Object.keys(es.sections).filter((k) => !bases.has(k))).toEqual([]);
  });

  it('a Hearth-named topic keeps its "Hearth\u2019s summary" marker in Spanish', () => {
    expect(sectionIn('es', hearthTopic('Two-session model: second session'))).toBe(
      'Modelo de dos sesiones: segunda sesión (tema resumido por Hearth; no es una sección de la fuente)',
    );
  });

  it('English plans are unchanged: the description is the one the definition cites', () => {
    const plan = planSession('abe', 8, 'en');
    const first = plan.sessions[0]!.phases[0]!.source;
    expect(first.section).toBe(notVerified('Planning and preparation'));
    expect(first.label).toBe(
      'ABE, 2022 \u2014 Planning and preparation (not verified against the full text)',
    );
  });

  it.each(planVariants().map((v) => [`${v.id} age ${v.age} ${JSON.stringify(v.options)}`, v]))(
    'Spanish plan %s: every source reads in Spanish, with the document label as published',
    (_name, v) => {
      const { documents: enDocs, ...enPlan } = planSession(v.id, v.age, 'en', v.options);
      const { documents: esDocs, ...esPlan } = planSession(v.id, v.age, 'es', v.options);
      // The defining documents are named as published, in every language.
      expect(esDocs).toEqual(enDocs);
      const en = sourcesIn(enPlan);
      const es = sourcesIn(esPlan);
      expect(es.length).toBe(en.length);
      expect(es.length).toBeGreaterThan(5);
      es.forEach((s, i) => {
        const english = en[i]!;
        expect(s.doc).toBe(english.doc);
        expect(s.section).toBe(sectionWording('es', english.section));
        expect(s.section).not.toBe(english.section);
        if (s.doc === HEARTH) expect(s.label).toBe(HEARTH);
        else expect(s.label).toBe(`${sourceDocument(s.doc).short} \u2014 ${s.section}`);
        expect(s.basis).toEqual(english.basis);
      });
    },
  );

  it.each(PROTOCOLS.filter((p) => p.multiSession).map((p) => p.id))(
    '%s extended sessions: session role and later-session rules read in Spanish',
    (id) => {
      const max = PROTOCOLS.find((p) => p.id === id)!.multiSession!.maxSessions;
      for (let index = 1; index <= max; index++) {
        const en = extendedSessionGuidance(id, 8, 'en', index, max);
        const es = extendedSessionGuidance(id, 8, 'es', index, max);
        const pairs = [
          [es.source, en.source],
          ...es.rules.map((r, i) => [r.source, en.rules[i]!.source]),
        ] as const;
        for (const [s, e] of pairs) {
          expect(s.section).toBe(sectionWording('es', e.section));
          expect(s.label).toBe(
            s.doc === HEARTH ? HEARTH : `${sourceDocument(s.doc).short} \u2014 ${s.section}`,
          );
          expect(s.section).not.toBe(e.section);
        }
      }
    },
  );

  it('the Sources page lists what Hearth adds in Spanish', () => {
    const en = sourcesOverview('en').hearth;
    const es = sourcesOverview('es').hearth;
    expect(es.length).toBe(en.length);
    es.forEach((h, i) => {
      expect(h.what).toBe(sectionWording('es', en[i]!.what));
      expect(h.what).not.toBe(en[i]!.what);
    });
    // Citations stay as published; only Hearth's notes on them are translated.
    const strip = (docs: SourceDocument[]) => docs.map(({ note: _note, ...rest }) => rest);
    expect(strip(sourcesOverview('es').documents)).toEqual(strip(sourcesOverview('en').documents));
  });

  // Newcomer 6, #13: Hearth's notes on a document ("206 children aged 4-9", "not verified: …")
  // were inside the English citation, so the Spanish page showed them in English.
  it("Hearth's notes on documents are out of the citation and worded in Spanish", () => {
    const en = sourcesOverview('en').documents;
    const es = sourcesOverview('es').documents;
    const noted = en.filter((d) => d.note);
    expect(noted.length).toBeGreaterThanOrEqual(7);
    for (const d of en) {
      // A citation names the publication only: no Hearth remark in parentheses at its end.
      expect(d.citation).not.toMatch(/verified|Hearth|children aged|\(Groups/);
      const other = es.find((x) => x.id === d.id)!;
      if (!d.note) continue;
      expect(other.note).toBe(documentNoteIn('es', d.note));
      expect(other.note).not.toBe(d.note);
      expect(esNotes[d.note]).toBe(other.note);
    }
    // The Spanish table has no note for a document that does not carry it.
    const notes = new Set(noted.map((d) => d.note));
    expect(Object.keys(esNotes).filter((k) => !notes.has(k))).toEqual([]);
    // Every unverified edition or version says so in its note, in both languages.
    for (const id of ['ten-step-2005', 'ncac-2019', 'abe-2022']) {
      expect(en.find((d) => d.id === id)!.note).toMatch(/not verified|Not verified/);
      expect(es.find((d) => d.id === id)!.note).toMatch(/verific/);
    }
  });

  it('localizing is a no-op on what is not a source, and keeps the document label', () => {
    const value = { note: { section: 'x' }, s: planSource(src('abe-2022', 'Planning')) };
    localizeSources(value, 'es');
    expect(value.note.section).toBe('x');
    expect(value.s).toEqual({
      doc: 'abe-2022',
      label: 'ABE, 2022 \u2014 Planificación',
      section: 'Planificación',
      basis: [],
    });
  });
});
