// Practitioner review 26p (a forensic interviewer and trainer, native es-419 reader), findings
// 6 to 15: what the protocols say to the child and to the interviewer, and what they cite.
import {
  planSession,
  reduceGuidance,
  type GuidanceEvent,
  type SessionPlan,
} from '../../../src/protocols';
import { sourceDocument } from '../../../src/protocols/sources';
import { TEAM_SOURCES } from '../../../src/interview/team-sources';
import es from '../../../locales/es/protocols.json';
import esUi from '../../../locales/es/protocols-ui.json';
import esSections from '../../../locales/es/source-sections.json';

const prompts = (plan: SessionPlan) =>
  plan.sessions.flatMap((s) => s.phases).flatMap((p) => p.prompts);
const promptText = (plan: SessionPlan, id: string) => prompts(plan).find((p) => p.id === id)!.text;
const warning = (plan: SessionPlan, phaseId: string, id: string) =>
  plan.sessions[0]!.phases.find((p) => p.id === phaseId)!.warnings.find((w) => w.id === id);

describe('finding 6: a yes/no transition prompt is followed up only after a yes', () => {
  it.each([
    [
      'en',
      8,
      /\[If the child says yes:\] "Tell me everything about that\."/,
      /\[If no: accept the answer, do not ask again/,
    ],
    ['en', 4, /\[If the child says yes:\] "Tell me everything\."/, /\[If no: accept the answer/],
    [
      'es',
      8,
      /\[Si dice que sí:\] “Cuéntame todo sobre eso”/,
      /\[Si dice que no: acepte la respuesta/,
    ],
  ] as const)('%s age %d', (language, age, yes, no) => {
    const plan = planSession('nichd', age, language);
    for (const id of ['transition.place', 'transition.bothering']) {
      expect(promptText(plan, id)).toMatch(yes);
      expect(promptText(plan, id)).toMatch(no);
      expect(promptText(plan, id)).not.toMatch(/Then at once|Enseguida/);
    }
    const ncac = planSession('ncac', age, language);
    expect(promptText(ncac, 'clarify.optionPosing')).not.toMatch(/then at once|y enseguida/i);
  });
});

describe('finding 7: the Spanish pronoun tip is about the dropped subject and "su"', () => {
  it('names a person with the child’s own word for them', () => {
    const tip = planSession('nichd', 4, 'es').band.language.find((l) => l.id === 'noPronouns')!;
    expect(tip.text).toMatch(/se omite el sujeto/);
    expect(tip.text).toMatch(/“¿Qué hizo\?” no dice quién/);
    expect(tip.text).toMatch(/“su” o “le” sin nombre no dicen de quién/);
    // review26es M4: a bare «[nombre]» let the interviewer fill in a name from the case file.
    expect(tip.text).toMatch(/con la palabra que usó el niño o la niña/);
    expect(tip.text).not.toMatch(/\[nombre\]/);
  });
});

describe('finding 8: support that presumes a hard topic waits for the substantive part', () => {
  const plan = planSession('nichd', 8, 'en');
  const reluctantIn = (phaseId: string, used: string[] = []) => {
    const events: GuidanceEvent[] = [
      { type: 'session-started', elapsedMs: 0 },
      { type: 'phase-entered', phaseId, elapsedMs: 1000 },
      { type: 'reluctance-noted', elapsedMs: 2000 },
      ...used.map((promptId, i): GuidanceEvent => ({
        type: 'note',
        noteKind: 'question',
        text: 'x',
        promptId,
        questionType: 'other',
        elapsedMs: 3000 + i,
      })),
    ];
    return reduceGuidance(plan, events, 10_000).nextPrompts.filter(
      (p) => p.source === 'supportive',
    );
  };
  const allSupport = plan.supportivePrompts.map((p) => p.id);

  it('never offers “this is hard to talk about” in rapport, however many supports were used', () => {
    for (let n = 0; n < allSupport.length; n++) {
      const offered = reluctantIn('rapport', allSupport.slice(0, n));
      for (const p of offered) expect(p.text).not.toMatch(/hard to talk about/);
    }
    expect(promptText(plan, 'rapport.likes')).toBeDefined();
    expect(plan.supportivePrompts.find((p) => p.id === 'support.feelings')!.text).toBe(
      "Sometimes it's hard to talk to someone new. You can take your time.",
    );
  });

  it('offers it in the transition once the others are used', () => {
    const others = allSupport.filter((id) => id !== 'support.hardToTalk');
    expect(reluctantIn('transition', others).map((p) => p.id)).toEqual(['support.hardToTalk']);
  });
});

describe('finding 9: the 3-5 "correct me" practice is plainly false for a three-year-old', () => {
  it.each([
    ['en', /you are a grown-up/],
    ['es', /eres una persona grande/],
  ] as const)('%s', (language, form) => {
    const text = promptText(planSession('nichd', 3, language), 'groundRules.correctMe.practice');
    expect(text).toMatch(form);
    expect(text.indexOf('grown-up') + text.indexOf('persona grande')).toBeLessThan(
      text.search(/two years old|dos años/),
    );
  });
});

describe('finding 10: the directive template never builds "Where was he touched me?"', () => {
  it.each(['en', 'es'] as const)('%s', (language) => {
    for (const protocol of ['nichd', 'ncac', 'abe', 'ten-step'])
      for (const age of [4, 8]) {
        for (const p of prompts(planSession(protocol, age, language))) {
          expect([p.id, p.text]).not.toEqual([
            p.id,
            expect.stringMatching(
              /Where was \[the child's words?\]|¿Dónde estaba \[(las palabras que usó|esa palabra)\]/,
            ),
          ]);
        }
      }
    const directive = promptText(planSession('nichd', 8, language), 'recall.directive');
    expect(directive).toMatch(
      language === 'en'
        ? /Where were you when \[what the child said happened\]/
        : /¿Dónde estabas cuando \[lo que dijo que pasó\]/,
    );
  });
});

describe('finding 11: what Hearth leaves out of NICHD is said on the plan', () => {
  it.each([
    [4, true],
    [8, false],
    [11, true],
    [15, true],
  ])('age %d: the true/not-true omission is labelled Hearth’s adaptation: %s', (age, omitted) => {
    const plan = planSession('nichd', age, 'en');
    const w = warning(plan, 'groundRules', 'truthItemsOmitted');
    expect(w !== undefined).toBe(omitted);
    if (w) {
      expect(w.text).toMatch(/^Hearth’s adaptation: NICHD’s true\/not-true/);
      expect(w.source.doc).toBe('hearth');
      expect(w.source.basis).toEqual(expect.arrayContaining(['Lyon & Saywitz, 1999']));
    }
  });

  it('the transition says NICHD’s allegation-specific prompt is not offered', () => {
    const w = warning(planSession('nichd', 8, 'en'), 'transition', 'noAllegationPrompt');
    expect(w?.text).toMatch(/does not offer NICHD’s last, allegation-specific transition prompt/);
    expect(w?.source.doc).toBe('hearth');
  });
});

describe('finding 12: claims match their sources', () => {
  const plan = planSession('nichd', 4, 'en');
  const band = (id: string) => plan.band.warnings.find((w) => w.id === id)!;

  it('the yes bias cites Fritzley & Lee 2003, with no unsupported recency clause', () => {
    expect(band('yesNoBias').source.label).toMatch(/^Fritzley & Lee, 2003/);
    expect(band('yesNoBias').text).not.toMatch(/last option/);
  });

  it('young children rarely (not never) place events in clock time', () => {
    expect(band('avoidWhen').text).toMatch(/rarely place events/);
    expect(band('avoidWhen').text).not.toMatch(/cannot place/);
  });

  it('Lamb et al. 2007 topics are marked as Hearth’s summary, not headings of the review', () => {
    const cites = plan.sessions[0]!.phases.flatMap((p) => p.warnings).filter(
      (w) => w.source.doc === 'lamb-2007',
    );
    expect(cites.length).toBeGreaterThan(0);
    for (const w of cites) expect(w.source.section).toMatch(/Hearth’s summary/);
  });
});

describe('finding 13: one document, one citation', () => {
  it('APSAC 2023 carries its 2023 title everywhere', () => {
    expect(sourceDocument('apsac-2023').citation).toMatch(
      /APSAC Practice Guidelines on Forensic Interviewing of Children/,
    );
    expect(sourceDocument('apsac-2023').citation).not.toMatch(
      /^[^(]*\(2023\)\. Practice Guidelines: Forensic Interviewing in Cases/,
    );
    expect(TEAM_SOURCES.apsac2023.citation).toMatch(
      /APSAC Practice Guidelines on Forensic Interviewing of Children/,
    );
  });

  it('the CIR guide’s chapter 5 is said to be the 1st edition’s', () => {
    expect(TEAM_SOURCES.cirSpanishGuide.short).toMatch(/ch\. 5 of the 1st ed\./);
  });
});

describe('finding 15: es-419 grammar, register and consistency', () => {
  const p = es.prompts;
  it.each([
    [p.reconnect.rulesReminder.default, /no quiere decir que tu respuesta haya estado mal/],
    [p.reconnect.rulesReminder['3-5'], /cuando me equivoque\./],
    [p.groundRules.truth.explain['14-17'], /¿Me lo prometes\?/],
    [es.warnings.youthNotInTrouble, /no está en problemas por hablar hoy con usted/],
    [es.warnings.embarrassment, /la persona joven marque el ritmo/],
    [es.warnings.autonomy, /autonomía de la persona joven/],
    [p.abe.truth['14-17'], /y que me digas cuando tengas dudas\.$/],
    [p.closing.thanks.default, /^Gracias por tu esfuerzo de hoy/],
    [p.intro.recording.default, /^Aquí hay una cámara/],
    [p.intro.room.default, /^A este lugar vienen/],
    [es.protocols.tenStep.phases.allegation.title, /^La alegación \(paso 7\)$/],
    [es.checklist.abe.purposeExplained, /sin nombrar la alegación/],
    [es.protocols.nichd.summary, /seguidas de una invitación/],
    [es.protocols.nichd.phases.directive.title, /seguidas de invitaciones/],
    [es.checklist.elicit.lastResort, /seguida de una invitación/],
    [esUi.sources.media, /Apoyos \(diagramas corporales, muñecos, dibujos\)/],
    [es.warnings.avoidWhen, /después de comer/],
  ])('%s', (text, want) => expect(text).toMatch(want));

  it('no anglicism or Spain form of the kinds found is left in the Spanish protocols', () => {
    const all = JSON.stringify(es) + JSON.stringify(esUi);
    expect(all).not.toMatch(
      /pareada|estuvo mal|\bel joven\b|\bdel joven\b|almuerzo|¿Lo harás\?|trabajaste mucho/,
    );
    expect(all).not.toMatch(/\b[Ee]sta sala\b/);
  });

  // review26es M2: "allegation" is one term in staff text, «alegación» (docs/spanish-review.md,
  // es7 decision); «denuncia» is a formal report and stays only in the list of legal words not to
  // say to the child. «tema de preocupación» was a third name for the same thing.
  it('staff text names the allegation one way, and child-facing words carry no legal term', () => {
    const staff = JSON.stringify(es) + JSON.stringify(esUi) + JSON.stringify(esSections);
    expect(staff).not.toMatch(/tema de preocupación|motivo de la denuncia|resume la sospecha/);
    expect(es.protocols.tenStep.summary).toMatch(/la alegación \(paso 7\)/);
    expect(es.language.noLegalWords).toMatch(/denuncia/);
    const childLines = JSON.stringify(es.prompts);
    expect(childLines).not.toMatch(/\b(?:alegación|denuncia)\b/);
  });

  // review26es R1, R2: words said to the child assign no gender through a slash.
  it('no line said to the child makes the interviewer pick a gender with a slash', () => {
    expect(JSON.stringify(es.prompts)).not.toMatch(/\[\w+ \/ \w+\]/);
  });
});
