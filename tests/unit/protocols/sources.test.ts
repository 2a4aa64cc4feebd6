// Every phase, prompt and warning names its source: a document with its version and section, or
// the label for Hearth's own. A missing or misattributed source fails here, for every plan a
// centre can make (all protocols, bands, languages, options and sessions).
import {
  listProtocols,
  planSession,
  type PlanOptions,
  type SessionPlan,
} from '../../../src/protocols';
import { PROTOCOLS } from '../../../src/protocols/definitions';
import { BAND_PROFILES } from '../../../src/protocols/age-bands';
import {
  HEARTH,
  sourceDocument,
  sourceDocuments,
  type PlannedSource,
} from '../../../src/protocols/sources';
import { WARNING_SOURCES } from '../../../src/protocols/warning-sources';
import { PUTATIVE_CONFESSION_AGES as PC_AGES } from '../../../src/protocols';

const DECISION = { decidedBy: 'MDT and prosecutor', personNamed: 'this-interview' } as const;

function plansFor(id: string): SessionPlan[] {
  const out: SessionPlan[] = [];
  for (const language of ['en', 'es'])
    for (const age of [3, 4, 7, 10, 12, 16]) {
      const pc: PlanOptions =
        id === 'ten-step' && age >= PC_AGES.min && age <= PC_AGES.max
          ? { putativeConfession: DECISION }
          : {};
      out.push(planSession(id, age, language, { interpreter: true, ...pc }));
      out.push(planSession(id, age, language, { allegationBlind: true }));
      if (id !== 'ten-step') out.push(planSession(id, age, language, { multiSession: true }));
    }
  return out;
}

/** Every cited thing in a plan, with where it is. */
function citations(plan: SessionPlan): Array<[string, PlannedSource]> {
  const out: Array<[string, PlannedSource]> = [
    ['media', plan.media.source],
    ['reluctance.closeWarmly', plan.reluctance.closeWarmly.source],
    ['texts.breakReminder', plan.textSources.breakReminder],
    ['texts.pairing', plan.textSources.pairing],
    ...plan.documents.map((d, i): [string, PlannedSource] => [`documents.${i}`, d]),
    ...plan.band.language.map((t): [string, PlannedSource] => [`band.language.${t.id}`, t.source]),
    ...plan.band.warnings.map((t): [string, PlannedSource] => [`band.warnings.${t.id}`, t.source]),
    ...plan.supportivePrompts.map((p): [string, PlannedSource] => [`support.${p.id}`, p.source]),
  ];
  if (plan.adaptation) out.push(['adaptation', plan.adaptation.source]);
  for (const s of plan.sessions)
    for (const ph of s.phases) {
      out.push([`${s.number}.${ph.id}`, ph.source]);
      ph.prompts.forEach((p) => out.push([`${s.number}.${ph.id}.${p.id}`, p.source]));
      ph.warnings.forEach((w) => out.push([`${s.number}.${ph.id}.warn.${w.id}`, w.source]));
    }
  return out;
}

describe.each(PROTOCOLS.map((p) => p.id))('%s: every step cites its source', (id) => {
  const protocol = PROTOCOLS.find((p) => p.id === id)!;
  const plans = plansFor(id);

  it('gives every phase, prompt, warning and tip a non-empty source', () => {
    const missing: string[] = [];
    for (const plan of plans)
      for (const [where, src] of citations(plan)) {
        const ok =
          typeof src?.label === 'string' &&
          src.label.trim() !== '' &&
          src.section.trim() !== '' &&
          (src.doc === HEARTH
            ? src.label === HEARTH
            : src.label.includes(sourceDocument(src.doc).short));
        if (!ok) missing.push(`${plan.language}/${plan.ageYears}: ${where}`);
      }
    expect(missing).toEqual([]);
  });

  it('attributes phases only to its own documents, or labels them Hearth\u2019s own', () => {
    const own = new Set([...protocol.documents, HEARTH]);
    const wrong = plans.flatMap((plan) =>
      plan.sessions.flatMap((s) =>
        s.phases
          .filter((ph) => !own.has(ph.source.doc))
          .map((ph) => `${ph.id}: ${ph.source.label}`),
      ),
    );
    expect(wrong).toEqual([]);
  });

  it('attributes prompts to its own documents, NICHD\u2019s graded prompts, research, or Hearth', () => {
    const allowed = new Set([...protocol.documents, HEARTH, 'nichd-2014']);
    const research = new Set(
      sourceDocuments()
        .filter((d) => d.kind === 'research')
        .map((d) => d.id),
    );
    const wrong = plans.flatMap((plan) =>
      plan.sessions.flatMap((s) =>
        s.phases.flatMap((ph) =>
          ph.prompts
            .filter((p) => !allowed.has(p.source.doc) && !research.has(p.source.doc))
            .map((p) => `${ph.id}.${p.id}: ${p.source.label}`),
        ),
      ),
    );
    expect(wrong).toEqual([]);
  });
});

describe('the source registry', () => {
  it('has a citation with a year (or "n.d." for an undated page) and a check level for every document', () => {
    for (const d of sourceDocuments()) {
      expect([d.id, d.citation]).toEqual([
        d.id,
        expect.stringMatching(/\((\d{4}[a-z]?|n\.d\.)[,)]|\d{4}\)/),
      ]);
      expect(['text', 'abstract', 'secondary']).toContain(d.checked);
    }
  });

  it('names a source for every warning and wording tip the bands and phases use', () => {
    const keys = new Set<string>();
    for (const p of PROTOCOLS) p.phases.forEach((ph) => ph.warningKeys.forEach((k) => keys.add(k)));
    for (const b of Object.values(BAND_PROFILES))
      [...b.languageKeys, ...b.warningKeys].forEach((k) => keys.add(k));
    const unsourced = [...keys].filter((k) => !(k in WARNING_SOURCES));
    expect(unsourced).toEqual([]);
  });

  it('labels Hearth\u2019s additions as Hearth\u2019s: break reminder, interpreter introduction, follow-up areas', () => {
    const plan = planSession('nichd', 8, 'en', { interpreter: true });
    expect(plan.textSources.breakReminder.label).toBe(HEARTH);
    const prompts = plan.sessions[0]!.phases.flatMap((ph) => ph.prompts);
    expect(prompts.find((p) => p.id === 'intro.interpreter')!.source.label).toBe(HEARTH);
    for (const id of ['recall.said', 'recall.howStarted', 'recall.feel'])
      expect(prompts.find((p) => p.id === id)!.source.label).toBe(HEARTH);
    // ...while the protocol's own steps cite its document and section.
    expect(prompts.find((p) => p.id === 'intro.self')!.source.label).toBe(
      'NICHD Revised Protocol, 2014 \u2014 Introduction (not verified against the full text)',
    );
  });

  it('lists each protocol\u2019s defining documents first, with no invented preschool protocol', () => {
    expect(listProtocols('en').map((p) => p.id)).not.toContain('preschool');
    // The Ten Step document itself first, then the slides that confirm its grouping.
    expect(planSession('ten-step', 8, 'en').documents.map((d) => d.doc)).toEqual([
      'ten-step-2005',
      'ten-step-2016',
      'lyon-2014',
      'stolzenberg-2017',
    ]);
    expect(planSession('ncac', 8, 'en').source).not.toMatch(/Carnes/);
    expect(planSession('ncac', 8, 'en').source).toMatch(/Extended Forensic Interview/);
  });
});
