// What a scripted prompt presumes, read from its wording, not from the question coach: the coach
// codes a protocol's own line as the kind the plan declares (src/questions/scripted.ts), so a
// kind test through the coach alone cannot see a wrong declaration. These checks read the words.
// Practitioner review 8: P8-4 (disclosure prompts that presume the child told someone) and P8-5
// (a place the child has not said, typed as a cued invitation and counted as open). Practitioner
// review 10, P10-3: a line said before the child has spoken of any event ("You're the one who
// knows what happened") presumes that something happened.
import {
  listProtocols,
  planSession,
  type PlannedPrompt,
  type SessionPlan,
} from '../../../src/protocols';
import { PROTOCOLS } from '../../../src/protocols/definitions';
import { everyPrompt } from './scripted-prompts';
import { PUTATIVE_CONFESSION_AGES as PC_AGES } from '../../../src/protocols';

const DECISION = { decidedBy: 'MDT and prosecutor', personNamed: 'this-interview' } as const;

function allPlans(language: 'en' | 'es'): SessionPlan[] {
  const plans: SessionPlan[] = [];
  for (const p of listProtocols(language))
    for (const age of [4, 8, 12, 15]) {
      const extra =
        p.id !== 'ten-step'
          ? { multiSession: true }
          : age >= PC_AGES.min && age <= PC_AGES.max
            ? { putativeConfession: DECISION }
            : {};
      plans.push(planSession(p.id, age, language, { interpreter: true, ...extra }));
    }
  return plans;
}

/** The child's own act of telling, said to the child as a given ("you told", "le contaste"). */
const TELLING: Record<'en' | 'es', RegExp> = {
  // "You told me [the child's words]" quotes the child back to the interviewer: not presumed.
  en: /\byou told (?!me\b)|\bdid you tell (?!me\b)|\babout telling\b/i,
  es: /\ble contaste\b|\bcontaste a\b|\bles contaste\b/i,
};
/** A guidance line that holds its words until the child has named a person who knows. */
const AFTER_CHILD_NAMED: Record<'en' | 'es', RegExp> = {
  en: /^Only after the child has named a person/,
  es: /^Solo (?:después de que el niño nombró a una persona|si el niño o la niña ya nombró a alguien)/,
};

/** Whether the spoken words presume that the child told someone, with no gate before them. */
export function presumesTelling(text: string, lang: 'en' | 'es'): boolean {
  if (AFTER_CHILD_NAMED[lang].test(text)) return false;
  const spoken = text.replace(/\[[^\]]*\]/g, 'X');
  return TELLING[lang].test(spoken);
}

/**
 * Words that refer to an event as a given: "what happened", "everything that happened", "what he
 * did", "lo que pasó", "qué te pasó". Not: an event the child named in brackets ("everything that
 * happened at [the birthday the child mentioned]"), the narrative continuation ("Then what
 * happened?", "¿Y después qué pasó?"), or the truth rule ("only what really happened").
 */
const PRESUMED_EVENT: Record<'en' | 'es', RegExp> = {
  en: /(?<!then |and then )\b(?:what|everything that|all that|the thing that) (?:has )?happened(?!\s+(?:at|on|in|from|yesterday|X)\b)|\bwhat (?:he|she|they) did\b|\bhappened to you\?/i,
  es: /(?<!despu\u00e9s |y luego )(?:\blo que|\bqu\u00e9|\btodo lo que) (?:te )?pas\u00f3(?!\s+(?:en|ayer|desde|X)\b)|\blo que (?:\u00e9l|ella|ellos) (?:te )?hizo\b|\bte pas\u00f3 algo\?/i,
};

/** Whether the spoken words refer to an event the child has not spoken of as a given. */
export function presumesEvent(text: string, lang: 'en' | 'es'): boolean {
  const spoken = text.replace(/\[[^\]]*\]/g, 'X');
  return PRESUMED_EVENT[lang].test(spoken);
}

/**
 * The lines an interviewer can say before the child has spoken of any event: every prompt of a
 * phase before the substantive part, of the transition (it opens the topic), and the support
 * prompts (offered from rapport on). The putative confession is Lyon's scripted hypothetical: its
 * wording ("told me everything that happened") is the technique as studied, shown only after the
 * child has named the person and with a recorded team decision, and its warning states the risk;
 * it is the one exception, and the test checks that it stays gated.
 */
function beforeAnyAccount(plan: SessionPlan): PlannedPrompt[] {
  const out: PlannedPrompt[] = [...plan.supportivePrompts];
  for (const s of plan.sessions)
    for (const ph of s.phases)
      if (!ph.substantive || ph.id === 'transition' || ph.id === 'allegation')
        out.push(...ph.prompts);
  return out;
}
const GATED_EXCEPTION = 'tenStep.putativeConfession';

/** A placeholder the team fills with a place (not the child's word for it). */
const TEAM_PLACE = /\[(?![^\]]*(?:child|ni\u00f1))[^\]]*\b(?:place|lugar)\b[^\]]*\]/i;
const OPEN = new Set(['invitation', 'cued-invitation']);

describe.each(['en', 'es'] as const)(
  'prompts presume nothing the child has not said (%s)',
  (lang) => {
    const prompts: PlannedPrompt[] = allPlans(lang).flatMap((plan) =>
      everyPrompt(plan).map(({ prompt }) => prompt),
    );

    it('the checks can fail: they catch the wordings the review found', () => {
      const old = {
        en: [
          "Who was the first person you told about [the child's words]?",
          "Tell me about telling [the person's name].",
        ],
        es: [
          '¿Quién fue la primera persona a quien le contaste sobre [las palabras del niño]?',
          'Cuéntame cómo le contaste a [el nombre de la persona].',
        ],
      }[lang];
      for (const t of old) expect(presumesTelling(t, lang)).toBe(true);
      const place = {
        en: 'I heard that something may have happened at [place, with no other detail].',
        es: 'Supe que puede haber pasado algo en [lugar, sin ningún otro detalle].',
      }[lang];
      expect(TEAM_PLACE.test(place)).toBe(true);
      expect(TEAM_PLACE.test("Tell me about [the child's word for the place].")).toBe(false);
    });

    it('the event check can fail: it catches the wordings the review found, not practice or truth', () => {
      const caught = {
        en: [
          "If I get something wrong or summarize it badly, correct me. You're the one who knows what happened.",
          "It's very important for me to understand what has happened to you.",
          'Tell me what he did.',
          'What happened to you?',
        ],
        es: [
          'Si me equivoco o resumo algo mal, corrígeme. Tú eres quien sabe lo que pasó.',
          'Es muy importante que entienda lo que te pasó.',
          'Cuéntame lo que él te hizo.',
          '¿Qué te pasó?',
        ],
      }[lang];
      for (const t of caught)
        expect({ t, presumes: presumesEvent(t, lang) }).toEqual({ t, presumes: true });
      const fine = {
        en: [
          'Tell me everything that happened at [a recent special event the child mentioned].',
          'And then what happened?',
          "It's important that you tell me only what really happened.",
          "You're the one who knows.",
        ],
        es: [
          'Cuéntame todo lo que pasó en [un evento reciente que mencionó el niño].',
          '¿Y después qué pasó?',
          'Es importante que me cuentes solo lo que de verdad pasó.',
          'Tú eres quien sabe.',
        ],
      }[lang];
      for (const t of fine)
        expect({ t, presumes: presumesEvent(t, lang) }).toEqual({ t, presumes: false });
    });

    it('no line said before the child has spoken of an event presumes that something happened', () => {
      const before = allPlans(lang).flatMap(beforeAnyAccount);
      expect(before.length).toBeGreaterThan(300);
      const bad = before
        .filter((p) => p.id !== GATED_EXCEPTION && presumesEvent(p.text, lang))
        .map((p) => `${p.id}: ${p.text}`);
      expect([...new Set(bad)]).toEqual([]);
      // The one exception stays behind its gate and the team's recorded decision.
      for (const p of before.filter((x) => x.id === GATED_EXCEPTION))
        expect({ gate: p.gate, optional: p.optional }).toEqual({
          gate: 'person-named',
          optional: true,
        });
    });

    it('no prompt presumes that the child told anyone before the child has named a person', () => {
      expect(prompts.length).toBeGreaterThan(100);
      const bad = prompts
        .filter((p) => presumesTelling(p.text, lang))
        .map((p) => `${p.id}: ${p.text}`);
      expect(bad).toEqual([]);
    });

    it('the disclosure phase opens by asking how others found out, not whom the child told', () => {
      const plan = planSession('nichd', 8, lang);
      const phase = plan.sessions.flatMap((s) => s.phases).find((ph) => ph.id === 'disclosure');
      expect(phase?.prompts[0]?.id).toBe('disclosure.othersFound');
      expect(phase?.prompts[0]?.kind).toBe('cued-invitation');
      for (const p of phase?.prompts.slice(1) ?? [])
        expect({ id: p.id, gated: AFTER_CHILD_NAMED[lang].test(p.text) }).toEqual({
          id: p.id,
          gated: true,
        });
    });

    it('a prompt that brings in a place the team knows of is never declared open', () => {
      const withPlace = prompts.filter((p) => TEAM_PLACE.test(p.text));
      expect(withPlace.map((p) => p.id)).toContain('transition.place');
      const open = withPlace.filter((p) => OPEN.has(p.kind)).map((p) => `${p.id} (${p.kind})`);
      expect(open).toEqual([]);
      for (const p of withPlace)
        expect({ id: p.id, lastResort: p.lastResort }).toEqual({ id: p.id, lastResort: true });
    });
  },
);

// Practitioner review 8, P8-6: a phase whose prompts name the team's information (a person told,
// a mark, a place) cannot also tell the interviewer to introduce nothing the child has not said.
describe('phase cautions agree with the phase prompts', () => {
  it.each(PROTOCOLS.map((p) => [p.id, p] as const))(
    '%s: no phase says "introduce nothing" over team-information prompts',
    (_id, protocol) => {
      const withTeam = protocol.phases.filter((ph) => ph.prompts.some((p) => p.requiresAllegation));
      for (const ph of withTeam) {
        expect({ phase: ph.id, keys: ph.warningKeys }).not.toEqual(
          expect.objectContaining({ keys: expect.arrayContaining(['phaseWarnings.noNewInfo']) }),
        );
        expect(ph.warningKeys).toContain('phaseWarnings.transitionTeamInfo');
      }
    },
  );

  it("the Ten Step caution over its graded prompts is Hearth's, after NICHD", () => {
    const plan = planSession('ten-step', 8, 'en');
    const allegation = plan.sessions.flatMap((s) => s.phases).find((ph) => ph.id === 'allegation');
    const caution = allegation?.warnings.find((w) => w.id === 'transitionTeamInfo');
    expect(caution?.source.doc).toBe('hearth');
    expect(caution?.source.basis.join(' ')).toMatch(/NICHD/);
  });
});
