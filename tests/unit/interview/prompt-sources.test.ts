// Every prompt id a question note can carry resolves to a source (practitioner review 8, P8-16).
// A note carries the id of the prompt the interviewer picked with Use on the live screen, which
// lists the guidance's nextPrompts. So the ids are taken from what the guidance offers, over an
// interview that walks every phase of every plan a centre can make, with the child reluctant
// (supportive prompts), after a closed question (pairing prompts) and after the child named the
// person (Ten Step's gated option): each must pass the notes channel's id check and resolve, in
// the session's plan, to the very source the live screen showed beside it.
import { sessionChannels } from '../../../src/api/channels/sessions';
import { promptSourceIn, sealedSource } from '../../../src/interview';
import {
  planSession,
  reduceGuidance,
  type GuidanceEvent,
  type PlanOptions,
  type SessionPlan,
} from '../../../src/protocols';
import { PROTOCOLS } from '../../../src/protocols/definitions';
import { PUTATIVE_CONFESSION_AGES } from '../../../src/protocols';

const DECISION = { decidedBy: 'MDT and prosecutor', personNamed: 'this-interview' } as const;

function plansFor(id: string): SessionPlan[] {
  const out: SessionPlan[] = [];
  for (const language of ['en', 'es'])
    for (const age of [3, 5, 7, 10, 15]) {
      // The option is offered (and accepted) only at the ages it was studied with (P8-7).
      const pcAge = age >= PUTATIVE_CONFESSION_AGES.min && age <= PUTATIVE_CONFESSION_AGES.max;
      const pc: PlanOptions =
        id === 'ten-step' && pcAge ? { putativeConfession: DECISION } : {};
      out.push(planSession(id, age, language, { interpreter: true, ...pc }));
      out.push(planSession(id, age, language, { allegationBlind: true }));
    }
  return out;
}

/** What the guidance offers anywhere in `plan`: the phase it was offered in, the id, the citation. */
function offeredPrompts(plan: SessionPlan): Map<string, [string, string, unknown]> {
  const offered = new Map<string, [string, string, unknown]>();
  let phaseId = plan.sessions[0]!.phases[0]!.id;
  const events: GuidanceEvent[] = [{ type: 'session-started', elapsedMs: 0 }];
  let t = 1000;
  const look = () => {
    for (const p of reduceGuidance(plan, events, t).nextPrompts)
      offered.set(`${phaseId} ${p.id}`, [phaseId, p.id, p.citation]);
  };
  look();
  for (const phase of plan.sessions.flatMap((s) => s.phases)) {
    phaseId = phase.id;
    events.push({ type: 'phase-entered', phaseId, elapsedMs: (t += 1000) });
    look();
    events.push({ type: 'person-named', elapsedMs: (t += 1000) });
    look();
    // A closed question: the pairing invitations, without and with the child's words.
    events.push({
      type: 'note',
      noteKind: 'question',
      text: 'Was it day or night?',
      questionType: 'option-posing',
      elapsedMs: (t += 1000),
    });
    look();
    events.push(
      {
        type: 'note',
        noteKind: 'child',
        // Words the child said first: a word the interviewer's question said first ("night"
        // after "Was it day or night?") is never offered as a cued pairing (review26p, 1).
        text: 'in the car, under a blanket',
        keywords: ['the car', 'a blanket'],
        elapsedMs: (t += 1000),
      },
      {
        type: 'note',
        noteKind: 'question',
        text: 'Was he there?',
        questionType: 'directive',
        elapsedMs: (t += 1000),
      },
    );
    look();
    events.push({ type: 'reluctance-noted', elapsedMs: (t += 1000) });
    look();
    events.push({ type: 'reluctance-withdrawn', elapsedMs: (t += 1000) });
  }
  return offered;
}

const promptIdShape = sessionChannels['sessions.addNote'].request.shape.promptId;

describe.each(PROTOCOLS.map((p) => p.id))(
  '%s: every prompt a note can carry has a source',
  (id) => {
    const plans = plansFor(id);

    it('resolves every offered prompt id to the source the screen showed, in every plan', () => {
      let checked = 0;
      const seen = new Set<string>();
      for (const plan of plans)
        for (const [phaseId, promptId, citation] of offeredPrompts(plan).values()) {
          expect(promptIdShape.safeParse(promptId).success).toBe(true);
          const source = promptSourceIn(plan, promptId, phaseId);
          expect(source).toBeDefined();
          expect(source!.label.trim()).not.toBe('');
          expect(source!.section.trim()).not.toBe('');
          expect(source).toEqual(sealedSource(citation as Parameters<typeof sealedSource>[0]));
          if (source!.doc !== 'hearth') expect(source!.citation).toMatch(/\(\d{4}[a-z]?[,)]/);
          seen.add(promptId);
          checked += 1;
        }
      // The walk reached phase prompts, supportive prompts and both pairing forms.
      expect(checked).toBeGreaterThan(plans.length * 5);
      expect([...seen]).toEqual(
        expect.arrayContaining([
          'pairing.invitation',
          'pairing.cued-0',
          'pairing.cued-1',
          plans[0]!.supportivePrompts[0]!.id,
        ]),
      );
    });

    it('resolves every prompt of every phase and every supportive prompt (not only those offered)', () => {
      for (const plan of plans) {
        const all = [
          ...plan.sessions.flatMap((s) => s.phases.flatMap((p) => p.prompts)),
          ...plan.supportivePrompts,
        ];
        for (const p of all) {
          expect(promptIdShape.safeParse(p.id).success).toBe(true);
          expect(promptSourceIn(plan, p.id)?.label).toBeTruthy();
        }
      }
    });

    it('resolves no id the plan does not offer', () => {
      const plan = plans[0]!;
      expect(promptSourceIn(plan, 'transition.madeUp')).toBeUndefined();
      expect(promptSourceIn(plan, 'pairing.other')).toBeUndefined();
    });
  },
);
