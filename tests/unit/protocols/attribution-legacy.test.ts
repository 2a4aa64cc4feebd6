// Issue #17 (outside review, open findings): the true/not-true practice item is the NICHD
// revised protocol's, not a Ten Step step; the removed `preschool` id still opens old sessions.
import { currentProtocolId, planSession } from '../../../src/protocols';

const promptsOf = (plan: ReturnType<typeof planSession>) =>
  plan.sessions.flatMap((s) => s.phases.flatMap((p) => p.prompts));

describe('true/not-true practice attribution', () => {
  it.each(['en', 'es'])('%s: NICHD cites its own ground rules for the practice item', (lang) => {
    const practice = promptsOf(planSession('nichd', 7, lang)).find(
      (p) => p.id === 'groundRules.truth.practice',
    );
    expect(practice?.source.doc).toBe('nichd-2014');
  });

  it.each(['en', 'es'])(
    '%s: in a Ten Step plan the practice item is Hearth’s addition taken from NICHD',
    (lang) => {
      const prompts = promptsOf(planSession('ten-step', 7, lang));
      const practice = prompts.find((p) => p.id === 'groundRules.truth.practice');
      expect(practice?.source.doc).toBe('hearth');
      expect(practice?.source.basis.join(' ')).toMatch(/NICHD/);
      // The promise itself stays the Ten Step's.
      const explain = prompts.find((p) => p.id === 'groundRules.truth.explain');
      // Cited to the 2016 slides, the text checked (P8-10), with the 2005 document as the basis.
      expect(explain?.source.doc).toBe('ten-step-2016');
      expect(explain?.source.basis.join(' ')).toMatch(/Ten Step Investigative Interview \(2005\)/);
    },
  );

  it('orders the Ten Step instructions "don\'t know" first and the promise last', () => {
    const ids = promptsOf(planSession('ten-step', 8, 'en'))
      .map((p) => p.id)
      .filter((id) => id.startsWith('groundRules.') && id.endsWith('.explain'));
    expect(ids[0]).toMatch(/dontKnow|dont-know|idk/i);
    expect(ids[ids.length - 1]).toBe('groundRules.truth.explain');
  });
});

describe('removed protocol ids', () => {
  const WITHDRAWN_NAME = {
    en: 'Hearth preschool structure (withdrawn; not a published protocol)',
    es: 'Estructura preescolar de Hearth (retirada; no es un protocolo publicado)',
  } as const;

  it('suggests a current protocol for a new session, but never re-attributes an old one', () => {
    expect(currentProtocolId('preschool')).toBe('ncac');
    expect(currentProtocolId('nichd')).toBe('nichd');
  });

  it.each(['en', 'es'] as const)(
    '%s: an old preschool session plans under its own frozen, withdrawn Hearth structure',
    (lang) => {
      const plan = planSession('preschool', 4, lang);
      expect(plan.protocolId).toBe('preschool');
      expect(plan.protocolName).toBe(WITHDRAWN_NAME[lang]);
      expect(plan.withdrawn).toBe(true);
      expect(plan.band.band).toBe('3-5');
      // Never an adaptation of a protocol, never a protocol's documents.
      expect(plan.adaptation).toBeNull();
      expect(plan.documents).toEqual([]);
      expect(JSON.stringify(plan)).not.toMatch(/NCAC|ncac-2019|National Children/);
      // Every step cites Hearth: a withdrawn structure is Hearth's own, not a protocol's.
      for (const ph of plan.sessions[0]!.phases) {
        expect(ph.source.doc).toBe('hearth');
        for (const p of ph.prompts) expect(p.source.doc).toBe('hearth');
      }
      // The phase ids old sessions recorded keep their titles.
      const ids = plan.sessions[0]!.phases.map((p) => p.id);
      expect(ids).toEqual([
        'settle',
        'play',
        'instructions',
        'practice',
        'topic',
        'account',
        'clarify',
        'closing',
      ]);
      expect(promptsOf(plan).length).toBeGreaterThan(10);
    },
  );

  it('is not offered and is refused for older children', () => {
    expect(() => planSession('preschool', 8, 'en')).toThrow(/ages 3-5/);
  });

  it('still refuses an id that never existed, naming the known ones', () => {
    expect(() => planSession('toString', 4, 'en')).toThrow(/Unknown protocol/);
    expect(() => planSession('no-such-protocol', 4, 'en')).toThrow(/Unknown protocol/);
  });
});

describe("Hearth's own source descriptions in the Spanish UI", () => {
  const hearthSections = (plan: unknown): string[] => {
    const out: string[] = [];
    const visit = (n: unknown): void => {
      if (Array.isArray(n)) return n.forEach(visit);
      if (n === null || typeof n !== 'object') return;
      const r = n as Record<string, unknown>;
      if (r.doc === 'hearth' && typeof r.section === 'string') out.push(r.section);
      Object.values(r).forEach(visit);
    };
    visit(plan);
    return out;
  };

  it.each(['nichd', 'ten-step', 'ncac', 'abe'])(
    '%s: every Hearth description is in Spanish',
    (id) => {
      for (const age of [4, 8, 15]) {
        const en = hearthSections(
          planSession(id, age, 'en', {
            interpreter: true,
            allegationBlind: true,
            includeOptional: true,
          }),
        );
        const es = hearthSections(
          planSession(id, age, 'es', {
            interpreter: true,
            allegationBlind: true,
            includeOptional: true,
          }),
        );
        expect(es.length).toBe(en.length);
        expect(es.length).toBeGreaterThan(0);
        // No English description is left in the Spanish plan.
        const english = new Set(en);
        expect(es.filter((s) => english.has(s))).toEqual([]);
      }
    },
  );
});
