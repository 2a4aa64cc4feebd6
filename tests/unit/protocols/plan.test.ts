import {
  ageBandFor,
  AGE_BANDS,
  listLanguages,
  listProtocols,
  planSession,
  ProtocolError,
  type PlannedPhase,
  type SessionPlan,
} from '../../../src/protocols';

const LANGUAGES = ['en', 'es'] as const;
const AGE_FOR_BAND = { '3-5': 4, '6-9': 7, '10-13': 12, '14-17': 15 } as const;

/** Every string a user sees in a plan, with where it came from. */
function visibleTexts(plan: SessionPlan): Array<[string, string]> {
  const out: Array<[string, string]> = [
    ['protocolName', plan.protocolName],
    ['summary', plan.summary],
    ['source', plan.source],
    ['band.label', plan.band.label],
    ...plan.band.language.map((t): [string, string] => [`language.${t.id}`, t.text]),
    ...plan.band.warnings.map((t): [string, string] => [`warnings.${t.id}`, t.text]),
    ...plan.supportivePrompts.map((p): [string, string] => [`support.${p.id}`, p.text]),
    ...Object.entries(plan.texts),
  ];
  for (const s of plan.sessions) {
    out.push([`session${s.number}.focus`, s.focus]);
    for (const ph of s.phases) {
      out.push([`${ph.id}.title`, ph.title], [`${ph.id}.goal`, ph.goal]);
      ph.prompts.forEach((p) => out.push([`${ph.id}.${p.id}`, p.text]));
      ph.checklist.forEach((c) => out.push([`${ph.id}.check.${c.id}`, c.label]));
      ph.warnings.forEach((w) => out.push([`${ph.id}.warn.${w.id}`, w.text]));
    }
  }
  return out;
}

function allPhases(plan: SessionPlan): PlannedPhase[] {
  return plan.sessions.flatMap((s) => s.phases);
}

function promptIds(plan: SessionPlan): string[] {
  return allPhases(plan).flatMap((p) => p.prompts.map((q) => q.id));
}

function expectProtocolError(fn: () => unknown, code: ProtocolError['code']): ProtocolError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(ProtocolError);
    expect((e as ProtocolError).code).toBe(code);
    expect((e as ProtocolError).message.length).toBeGreaterThan(10);
    return e as ProtocolError;
  }
  throw new Error(`expected a ProtocolError ${code}`);
}

describe('listProtocols', () => {
  it('lists the four protocols with localized names, sources, bands and languages', () => {
    const en = listProtocols('en');
    const es = listProtocols('es');
    // No invented preschool protocol: 3-5-year-olds get the chosen protocol's adaptations.
    expect(en.map((p) => p.id)).toEqual(['nichd', 'ten-step', 'ncac', 'abe']);
    for (const p of en) {
      expect(Object.keys(p).sort()).toEqual(['ageBands', 'id', 'languages', 'name', 'source']);
      expect(p.languages).toEqual(expect.arrayContaining(['en', 'es']));
      expect(p.source).toMatch(/\(\d{4}\)/);
    }
    expect(en.find((p) => p.id === 'nichd')?.ageBands).toEqual([...AGE_BANDS]);
    expect(en.find((p) => p.id === 'nichd')?.source).toContain('Lamb');
    expect(en.find((p) => p.id === 'ten-step')?.source).toContain('Lyon');
    expect(en.find((p) => p.id === 'ncac')?.source).toContain('National Children');
    expect(en.find((p) => p.id === 'abe')?.source).toContain('Achieving Best Evidence');
    // Names are translated, citations are not.
    expect(es.map((p) => p.name)).not.toEqual(en.map((p) => p.name));
    expect(es.map((p) => p.source)).toEqual(en.map((p) => p.source));
  });

  it('names each language in its own language', () => {
    expect(listLanguages()).toEqual([
      { code: 'en', name: 'English' },
      { code: 'es', name: 'Español' },
    ]);
  });

  it('refuses an unknown language with a typed error', () => {
    expectProtocolError(() => listProtocols('fr'), 'UNSUPPORTED_LANGUAGE');
  });
});

describe('planSession: every protocol, band and language', () => {
  const cases = listProtocols('en').flatMap((p) =>
    p.ageBands.flatMap((band) =>
      LANGUAGES.flatMap((lang) => [false, true].map((blind) => [p.id, band, lang, blind] as const)),
    ),
  );

  it.each(cases)(
    '%s, %s, %s, allegationBlind=%s: complete, no empty or raw text',
    (id, band, lang, blind) => {
      const plan = planSession(id, AGE_FOR_BAND[band], lang, { allegationBlind: blind });
      expect(plan.band.band).toBe(band);
      expect(plan.sessions).toHaveLength(1);
      const phases = allPhases(plan);
      expect(phases.length).toBeGreaterThanOrEqual(5);
      // Every recommended phase except planning has something to say.
      for (const ph of phases.filter((p) => p.recommended && p.id !== 'planning')) {
        expect([ph.id, ph.prompts.length > 0]).toEqual([ph.id, true]);
      }
      for (const [where, text] of visibleTexts(plan)) {
        expect([where, typeof text, text.trim().length > 0]).toEqual([where, 'string', true]);
        // No leftover keys or unfilled template placeholders (engine templates excepted).
        if (!(where in plan.texts))
          expect([where, text]).not.toEqual([where, expect.stringMatching(/\{\{/)]);
        expect([where, text]).not.toEqual([
          where,
          expect.stringMatching(/^(prompts|checklist|protocols)\./),
        ]);
      }
      // Phase ids are unique within a session, prompts unique within a phase.
      expect(new Set(phases.map((p) => p.id)).size).toBe(phases.length);
      for (const ph of phases)
        expect(new Set(ph.prompts.map((p) => p.id)).size).toBe(ph.prompts.length);
    },
  );

  it.each(
    listProtocols('en')
      .filter((p) => p.id !== 'ten-step')
      .flatMap((p) => p.ageBands.flatMap((band) => LANGUAGES.map((l) => [p.id, band, l] as const))),
  )('%s, %s, %s: multi-session plans are complete', (id, band, lang) => {
    const plan = planSession(id, AGE_FOR_BAND[band], lang, {
      multiSession: true,
      interpreter: true,
    });
    expect(plan.sessions.length).toBeGreaterThanOrEqual(2);
    for (const [where, text] of visibleTexts(plan))
      expect([where, text.trim() !== '']).toEqual([where, true]);
  });

  it('gives the same structure in English and Spanish, with different words', () => {
    const en = planSession('nichd', 8, 'en');
    const es = planSession('nichd', 8, 'es');
    const shape = (p: SessionPlan) =>
      allPhases(p).map((ph) => [ph.id, ph.prompts.map((q) => q.id), ph.checklist.map((c) => c.id)]);
    expect(shape(es)).toEqual(shape(en));
    expect(allPhases(es)[0]?.title).not.toBe(allPhases(en)[0]?.title);
    // Tú with children: the Spanish invitations address the child informally.
    const recall = allPhases(es).find((p) => p.id === 'investigation')!;
    expect(recall.prompts[0]?.text).toMatch(/^Cuéntame/);
    expect(es.texts.pairedInvitation).toBe('Dijiste: “{{keyword}}”. Cuéntame más sobre eso.');
  });
});

describe('NICHD follows the published order', () => {
  it('orders the phases as the revised protocol does', () => {
    const plan = planSession('nichd', 9, 'en');
    expect(allPhases(plan).map((p) => p.id)).toEqual([
      'introduction',
      'rapport',
      'groundRules',
      'narrativePractice',
      'transition',
      'investigation',
      'directive',
      'break',
      'elicitation',
      'disclosure',
      'closing',
    ]);
    const rapport = allPhases(plan).find((p) => p.id === 'rapport')!;
    expect(rapport.prompts.map((p) => p.id)).toEqual(
      expect.arrayContaining(['rapport.pleasantEvent', 'rapport.unpleasantEvent']),
    );
    const elicit = allPhases(plan).find((p) => p.id === 'elicitation')!;
    const optionPosing = elicit.prompts.filter((p) => p.kind === 'option-posing');
    expect(optionPosing.length).toBeGreaterThan(0);
    expect(optionPosing.every((p) => p.lastResort)).toBe(true);
    expect(plan.supportivePrompts.length).toBeGreaterThanOrEqual(4);
    expect(plan.supportivePrompts.every((p) => p.kind === 'supportive')).toBe(true);
  });

  it('plans a second session that reconnects before returning to the topic', () => {
    const plan = planSession('nichd', 9, 'en', { multiSession: true });
    expect(plan.sessions).toHaveLength(2);
    expect(plan.sessions[1]!.phases[0]!.id).toBe('reconnect');
    expect(plan.sessions[0]!.phases.some((p) => p.id === 'reconnect')).toBe(false);
    expect(plan.sessions[0]!.focus).not.toBe(plan.sessions[1]!.focus);
  });
});

describe('Ten Step', () => {
  const DECISION = {
    decidedBy: 'MDT with ADA Ruiz, 2026-11-28',
    personNamed: 'this-interview',
  } as const;
  const pcPrompt = (plan: SessionPlan) =>
    allPhases(plan)
      .flatMap((p) => p.prompts)
      .find((p) => p.id === 'tenStep.putativeConfession');

  it('follows Lyon’s grouping: instructions, narrative practice, allegation, follow-ups', () => {
    const plan = planSession('ten-step', 8, 'en', { interpreter: true });
    const phases = allPhases(plan);
    expect(phases.map((p) => p.id)).toEqual([
      'instructions',
      'narrativePractice',
      'allegation',
      'followUp',
      'closing',
    ]);
    // The interpreter introduction and the recording explanation, like every other protocol.
    const first = phases[0]!;
    // The interpreter's statement on the record and the neutral check come with the
    // introduction (practitioner review 26p, finding 3).
    expect(first.prompts.map((p) => p.id).slice(0, 5)).toEqual([
      'intro.self',
      'intro.interpreterStatement',
      'intro.interpreter',
      'intro.interpreterCheck',
      'intro.recording',
    ]);
    expect(first.checklist.map((c) => c.id)).toEqual(
      expect.arrayContaining(['intro.interpreter', 'intro.recording']),
    );
    expect(first.checklist.map((c) => c.id)).toEqual(
      expect.arrayContaining(['dont-understand', 'dont-know', 'correct-me', 'not-there', 'truth']),
    );
    // Hearth's additions are labelled as Hearth's, never as Lyon's.
    expect(first.prompts.find((p) => p.id === 'intro.recording')!.source.label).toBe('hearth');
    expect(phases.find((p) => p.id === 'closing')!.source.label).toBe('hearth');
    expect(phases.find((p) => p.id === 'allegation')!.source.label).toContain('Step 7');
  });

  it('keeps the putative confession off by default', () => {
    const plan = planSession('ten-step', 8, 'en');
    expect(pcPrompt(plan)).toBeUndefined();
    expect(plan.putativeConfession).toBeNull();
    expect(JSON.stringify(plan)).not.toMatch(/told me everything/);
  });

  it('offers it only in hypothetical form, with a recorded decision, for the ages studied', () => {
    const plan = planSession('ten-step', 8, 'en', { putativeConfession: DECISION });
    const pc = pcPrompt(plan)!;
    expect(pc.text).toContain('What if I said that');
    expect(pc.text).not.toMatch(/^\W*\[The person\] told me/);
    expect(pc.optional).toBe(true);
    expect(pc.gate).toBe('person-named');
    expect(pc.source.label).toContain('Stolzenberg');
    expect(plan.putativeConfession).toEqual(DECISION);
    const warning = allPhases(plan)
      .flatMap((p) => p.warnings)
      .find((w) => w.id === 'putativeConfession')!;
    expect(warning.text).toMatch(
      /Research option from Lyon's group, offered only with the Ten Step/,
    );
    expect(warning.text).toMatch(/laboratory/);
    // The hypothetical form was tested with 4- to 9-year-olds (Stolzenberg 2017): not offered
    // to a 3-year-old or a 10-year-old even when enabled; offered at both ends of the range.
    // Outside those ages the option itself is refused (P8-7): a decision that enables nothing.
    expect(() => planSession('ten-step', 3, 'en', { putativeConfession: DECISION })).toThrow(
      /aged 4 to 9/,
    );
    expect(() => planSession('ten-step', 10, 'en', { putativeConfession: DECISION })).toThrow(
      /aged 4 to 9/,
    );
    expect(
      pcPrompt(planSession('ten-step', 4, 'en', { putativeConfession: DECISION })),
    ).toBeDefined();
    expect(
      pcPrompt(planSession('ten-step', 9, 'es', { putativeConfession: DECISION }))!.text,
    ).toContain('¿Y si te dijera que');
  });

  it('refuses the option without a recorded decision, or for another protocol', () => {
    expectProtocolError(
      () => planSession('ten-step', 8, 'en', { putativeConfession: { decidedBy: ' ' } } as never),
      'INVALID_OPTION',
    );
    expectProtocolError(
      () => planSession('nichd', 8, 'en', { putativeConfession: DECISION }),
      'INVALID_OPTION',
    );
  });

  it('is single-session: multiSession is refused, not silently ignored', () => {
    expectProtocolError(
      () => planSession('ten-step', 8, 'en', { multiSession: true }),
      'INVALID_OPTION',
    );
  });
});

describe('NCAC extended variant', () => {
  it('builds rapport in session 1 but can follow a spontaneous disclosure there', () => {
    const plan = planSession('ncac', 7, 'es', { multiSession: true });
    expect(plan.sessions).toHaveLength(2);
    // Substantive phases in session 1 are there only to follow a disclosure: never recommended.
    const substantive = plan.sessions[0]!.phases.filter((p) => p.substantive);
    expect(substantive.map((p) => p.id)).toEqual(['narrativeDescription', 'followUp']);
    expect(substantive.every((p) => !p.recommended && p.optional)).toBe(true);
    expect(plan.sessions[0]!.phases.some((p) => p.id === 'transition')).toBe(false);
    expect(plan.sessions[0]!.phases.map((p) => p.id)).toContain('family');
    expect(plan.sessions[1]!.phases.map((p) => p.id)).toContain('clarification');
    expect(
      planSession('ncac', 7, 'es', { multiSession: true, sessionCount: 5 }).sessions,
    ).toHaveLength(5);
    expectProtocolError(
      () => planSession('ncac', 7, 'es', { multiSession: true, sessionCount: 9 }),
      'INVALID_OPTION',
    );
  });

  it('follows the NCAC stages in a single session', () => {
    const ids = allPhases(planSession('ncac', 11, 'en')).map((p) => p.id);
    expect(ids).toEqual([
      'introductions',
      'earlyEngagement',
      'instructions',
      'narrativePractice',
      'family',
      'transition',
      'narrativeDescription',
      'followUp',
      'clarification',
      'closure',
    ]);
  });
});

describe('ABE and the 3-5 adaptations', () => {
  it('ABE questioning keeps forced choice as a last resort and warns about leading questions', () => {
    const plan = planSession('abe', 10, 'en');
    expect(allPhases(plan).map((p) => p.id)).toEqual([
      'planning',
      'rapport',
      'freeNarrative',
      'questioning',
      'closing',
    ]);
    const q = allPhases(plan).find((p) => p.id === 'questioning')!;
    expect(q.prompts.find((p) => p.id === 'abe.forcedChoice')?.lastResort).toBe(true);
    expect(q.warnings.map((w) => w.id)).toContain('leadingLastResort');
    expect(q.prompts.some((p) => p.kind === 'directive')).toBe(true);
  });

  it('adapts the chosen protocol for 3-5-year-olds, in its fixed order, with a source', () => {
    for (const id of ['nichd', 'ten-step', 'ncac', 'abe']) {
      const plan = planSession(id, 4, 'en');
      expect(plan.flexibleOrder).toBe(false);
      expect(plan.adaptation?.title).toContain(plan.protocolName);
      // Hearth's summary, with the research it draws on as its basis (P8-11), and no "no props"
      // against the protocol's own media stance on the same screen.
      expect(plan.adaptation?.source.label).toBe('hearth');
      expect(plan.adaptation?.source.basis.join(' ')).toMatch(/Lamb et al\., 2003/);
      expect(plan.adaptation?.title).not.toMatch(/no props/);
      expect(planSession(id, 7, 'en').adaptation).toBeNull();
    }
    // No preschool protocol is offered; sessions recorded under the old id open under the frozen,
    // withdrawn Hearth structure (never re-attributed to NCAC).
    expect(listProtocols('en').map((p) => p.id)).not.toContain('preschool');
    expect(planSession('preschool', 4, 'en').protocolId).toBe('preschool');
  });

  it('states the media stance per protocol: not used in NICHD and Ten Step, planned only in ABE', () => {
    for (const [id, stance] of [
      ['nichd', 'not-used'],
      ['ten-step', 'not-used'],
      ['abe', 'planned-only'],
    ] as const) {
      const plan = planSession(id, 8, 'en');
      expect(plan.media.stance).toBe(stance);
      const prompts = allPhases(plan).flatMap((ph) => ph.prompts.map((q) => q.text));
      expect(prompts.filter((t) => /\b(doll|diagram|drawing)s?\b/i.test(t))).toEqual([]);
    }
    // ABE: aids are allowed when planned for the witness, used with caution, the decision recorded.
    const abe = planSession('abe', 8, 'en');
    expect(abe.media.text).toMatch(/planned before the interview/);
    expect(abe.media.text).toMatch(/never to introduce a detail/);
    expect(abe.media.source.label).toMatch(
      /^ABE, 2022 \u2014 Conducting the interview, interview aids/,
    );
    for (const es of [planSession('abe', 8, 'es').media.text])
      expect(es).toMatch(/solo si se planearon/);
    const ncac = planSession('ncac', 8, 'en');
    expect(ncac.media.stance).toBe('after-disclosure');
    expect(ncac.media.text).toMatch(/only after a verbal disclosure/);
    expect(ncac.media.text).toMatch(/never to elicit/);
    expect(ncac.media.text).toMatch(/under 5/);
    // NCAC's own structure is cited first; APSAC 2023 agrees (practitioner review 4, m7).
    expect(ncac.media.source.doc).toBe('ncac-2019');
    expect(ncac.media.source.basis).toContain('APSAC Practice Guidelines, 2023');
    // The old blanket "not part of this protocol" warning is gone from every band.
    expect(ncac.band.warnings.map((w) => w.id)).not.toContain('noDolls');
  });
});

describe('options', () => {
  it('allegation-blind mode drops every prompt that uses what the team knows', () => {
    const informed = promptIds(planSession('nichd', 8, 'en'));
    const blind = promptIds(planSession('nichd', 8, 'en', { allegationBlind: true }));
    expect(informed).toEqual(expect.arrayContaining(['transition.talkedTo', 'transition.place']));
    expect(blind).not.toContain('transition.talkedTo');
    expect(blind).not.toContain('transition.place');
    expect(blind).not.toContain('transition.bothering');
    expect(blind).toContain('transition.blind');
    expect(informed).not.toContain('transition.blind');
  });

  it('an interpreter adds the interpreter introduction and check', () => {
    const without = planSession('ncac', 8, 'es');
    const withInt = planSession('ncac', 8, 'es', { interpreter: true });
    expect(promptIds(without)).not.toContain('intro.interpreter');
    expect(promptIds(withInt)).toContain('intro.interpreter');
    expect(allPhases(withInt)[0]!.checklist.map((c) => c.id)).toContain('intro.interpreter');
  });

  it('puts the interviewer’s name into the introduction, or a localized placeholder', () => {
    const named = planSession('nichd', 8, 'es', { interviewerName: 'Ana' });
    expect(allPhases(named)[0]!.prompts[0]!.text).toContain('Ana');
    const unnamed = planSession('nichd', 8, 'es');
    expect(allPhases(unnamed)[0]!.prompts[0]!.text).toContain('[su nombre]');
  });

  it('rejects malformed options with INVALID_OPTION', () => {
    expectProtocolError(
      () => planSession('nichd', 8, 'en', { allegationBlind: 'yes' } as never),
      'INVALID_OPTION',
    );
    expectProtocolError(() => planSession('nichd', 8, 'en', { sessionCount: 2 }), 'INVALID_OPTION');
    expectProtocolError(() => planSession('nichd', 8, 'en', null as never), 'INVALID_OPTION');
  });
});

describe('bad input gets a typed error, never a partial plan', () => {
  it.each([
    [() => planSession('cornerhouse', 8, 'en'), 'UNKNOWN_PROTOCOL'],
    [() => planSession('nichd', 2, 'en'), 'UNSUPPORTED_AGE'],
    [() => planSession('nichd', 18, 'en'), 'UNSUPPORTED_AGE'],
    [() => planSession('nichd', Number.NaN, 'en'), 'UNSUPPORTED_AGE'],
    [() => planSession('nichd', 8, 'fr'), 'UNSUPPORTED_LANGUAGE'],
    [() => planSession('nichd', 8, ''), 'UNSUPPORTED_LANGUAGE'],
  ] as const)('case %#', (fn, code) => {
    expectProtocolError(fn, code);
  });

  it('carries details a caller can use', () => {
    const e = expectProtocolError(() => planSession('nichd', 2, 'en'), 'UNSUPPORTED_AGE');
    expect(e.details).toMatchObject({ ageYears: 2, min: 3 });
    const u = expectProtocolError(() => planSession('x', 8, 'en'), 'UNKNOWN_PROTOCOL');
    expect(u.details.known).toContain('nichd');
    expect(u.name).toBe('ProtocolError');
  });
});

describe('ageBandFor', () => {
  it.each([
    [3, '3-5'],
    [5, '3-5'],
    [5.9, '3-5'],
    [6, '6-9'],
    [9, '6-9'],
    [10, '10-13'],
    [13, '10-13'],
    [14, '14-17'],
    [17, '14-17'],
    [17.99, '14-17'],
  ] as const)('%s years -> %s', (age, band) => {
    expect(ageBandFor(age)).toBe(band);
  });

  it.each([2, 2.99, 18, -1, Number.POSITIVE_INFINITY, Number.NaN])('refuses %s', (age) => {
    expectProtocolError(() => ageBandFor(age), 'UNSUPPORTED_AGE');
  });

  it('says why it refuses', () => {
    expect(() => ageBandFor(2)).toThrow(/below 3/);
    expect(() => ageBandFor(18)).toThrow(/above 17/);
  });
});
