// Every scripted prompt of every protocol, age band and language codes as the kind the protocol
// gives it (issue #16, kind 5). Prompts that are not questions (statements, instructions, ground
// rule practice, support) must carry no warning; question kinds must code as that type.
import {
  listProtocols,
  planSession,
  supportedLanguages,
  type PromptKind,
} from '../../../src/protocols';
import { classifyQuestion, isLanguage, type QuestionType } from '../../../src/questions';
import { PUTATIVE_CONFESSION_AGES as PC_AGES } from '../../../src/protocols';
import { scriptedLines } from '../../../src/protocols/scripted-lines';

const AGES = [4, 7, 11, 15];

const QUESTION_KINDS: Partial<Record<PromptKind, readonly QuestionType[]>> = {
  invitation: ['invitation', 'cued-invitation'],
  'cued-invitation': ['invitation', 'cued-invitation'],
  directive: ['directive'],
  'option-posing': ['option-posing'],
};

/**
 * Prompts whose kind in the protocol definitions does not match what they are under NICHD coding.
 * Reported to the protocols owner (src/protocols definitions); until the kinds change the coach
 * codes them as below, and the test pins that coding so that it cannot drift silently.
 */
const KIND_NOTES: Record<string, { coded: QuestionType; why: string }> = {
  'closing.neutral': {
    coded: 'other',
    why: 'A neutral-topic question at the close (NICHD closing), not about the event: coded other.',
  },
  'abe.specificClosed': {
    coded: 'other',
    why: 'Guidance to the interviewer, not words to say: should be a note, not a prompt.',
  },
};

/** Prompts whose text says "last resort" but whose definition lacks `lastResort: true` (reported). */
const UNMARKED_LAST_RESORT = new Set(['clarify.optionPosing']);

/**
 * Options the coach should keep warning about even when scripted: the Ten Step putative
 * confession is off by default, gated by a recorded team decision, and only laboratory-tested.
 */
/**
 * NICHD's graded transition prompts built on what the team knows (a person told, a mark, a
 * place): cued invitations, acceptable with caution, after the open prompts (NICHD 2014).
 */
const TEAM_INFORMATION = new Set(['transition.talkedTo', 'transition.marks', 'transition.place']);

const WARNED_BY_DESIGN = new Set(['tenStep.putativeConfession']);

const TEAM_DECISION = {
  decidedBy: 'MDT and prosecutor, case conference',
  personNamed: 'this-interview',
} as const;

/**
 * Correct protocol wording the coach still codes or flags wrongly once the protocols were
 * corrected for issue #17 (the outside practitioner's review of 2026-11-29 lists them as open:
 * the NICHD graded transition prompts and "tell me how ... started" are penalised). Pinned so
 * that the list can only shrink: a test below fails when a listed prompt starts to code right.
 */
const KNOWN_GAPS = new Set<string>([]);

/**
 * The question types a prompt may code as: its `codedAs` in the protocol data when it asks a
 * yes/no or either/or question on purpose (issue #16 item 5), else by its kind.
 */
function intendedTypes(p: Scripted): readonly QuestionType[] | undefined {
  return p.codedAs ? [p.codedAs] : QUESTION_KINDS[p.kind];
}

/** Whether the coach codes a scripted prompt as its protocol intends (type, and no warning). */
function codesAsIntended(p: Scripted): boolean {
  const c = classifyQuestion(p.text, p.language);
  const expected = intendedTypes(p);
  if (expected && !expected.includes(c.type)) return false;
  if (p.lastResort || UNMARKED_LAST_RESORT.has(p.promptId) || WARNED_BY_DESIGN.has(p.promptId))
    return true;
  return (
    c.verdict === 'recommended' ||
    c.verdict === 'acceptable' ||
    (TEAM_INFORMATION.has(p.promptId) && c.verdict === 'acceptable-with-caution')
  );
}

interface Scripted {
  language: 'en' | 'es';
  protocolId: string;
  promptId: string;
  kind: PromptKind;
  text: string;
  lastResort: boolean;
  /** The protocol data's codedAs (PromptDefinition.codedAs), when it states one. */
  codedAs?: 'option-posing';
}

const codedAsOf = (language: 'en' | 'es', id: string): 'option-posing' | undefined =>
  scriptedLines(language).find((l) => l.id === id && l.codedAs)?.codedAs;

function allScriptedPrompts(): Scripted[] {
  const seen = new Set<string>();
  const out: Scripted[] = [];
  for (const language of supportedLanguages()) {
    if (!isLanguage(language)) continue;
    for (const p of listProtocols(language))
      for (const age of AGES)
        for (const allegationBlind of [false, true]) {
          let plan;
          try {
            // Ten Step is a single-session protocol; its putative-confession option is enumerated
            // with a recorded team decision (off by default).
            const tenStep = p.id === 'ten-step';
            plan = planSession(p.id, age, language, {
              allegationBlind,
              interpreter: true,
              includeOptional: true,
              ...(tenStep
                ? age >= PC_AGES.min && age <= PC_AGES.max
                  ? { putativeConfession: TEAM_DECISION }
                  : {}
                : { multiSession: true }),
            });
          } catch {
            continue; // the protocol does not cover this age band
          }
          for (const session of plan.sessions)
            for (const phase of session.phases)
              for (const prompt of phase.prompts) {
                const key = `${language}|${prompt.id}|${prompt.text}`;
                if (seen.has(key)) continue;
                seen.add(key);
                out.push({
                  language,
                  protocolId: p.id,
                  promptId: prompt.id,
                  kind: prompt.kind,
                  text: prompt.text,
                  lastResort: prompt.lastResort,
                  ...(codedAsOf(language, prompt.id) ? { codedAs: 'option-posing' as const } : {}),
                });
              }
        }
  }
  return out;
}

const prompts = allScriptedPrompts();

describe('scripted protocol prompts', () => {
  it('enumerates the prompts of every protocol in both languages', () => {
    expect(prompts.filter((p) => p.language === 'en').length).toBeGreaterThan(100);
    expect(prompts.filter((p) => p.language === 'es').length).toBeGreaterThan(100);
    expect(new Set(prompts.map((p) => p.protocolId)).size).toBeGreaterThanOrEqual(4);
  });

  it.each(prompts.map((p) => [`${p.language} ${p.protocolId} ${p.promptId} (${p.kind})`, p]))(
    '%s codes as intended',
    (_name, p) => {
      if (KNOWN_GAPS.has(`${p.language} ${p.promptId}`)) return;
      const c = classifyQuestion(p.text, p.language);
      const expected = intendedTypes(p);
      const note = KIND_NOTES[p.promptId];
      const top = c.type === 'cued-invitation' ? 'invitation' : c.type;
      if (note && !expected?.includes(c.type)) {
        expect(top).toBe(note.coded);
        expect(c.recommended).toBe(true);
        return;
      }
      // The text is in the assertion so that a failure names the prompt.
      if (expected)
        expect({ text: p.text, ok: expected.includes(c.type), type: c.type }).toEqual({
          text: p.text,
          ok: true,
          type: c.type,
        });
      // A last-resort option-posing prompt keeps its warning; nothing else scripted is flagged.
      if (p.lastResort || UNMARKED_LAST_RESORT.has(p.promptId)) return;
      if (WARNED_BY_DESIGN.has(p.promptId)) {
        expect(c.verdict).not.toBe('recommended');
        return;
      }
      // A question asked on purpose: the protocol's own option-posing, no warning (item 5).
      if (p.codedAs)
        expect({ text: p.text, subtype: c.subtype, recommended: c.recommended }).toEqual({
          text: p.text,
          subtype: 'protocol',
          recommended: true,
        });
      expect({ text: p.text, verdict: c.verdict }).toEqual({
        text: p.text,
        verdict: expect.stringMatching(
          TEAM_INFORMATION.has(p.promptId)
            ? /^(recommended|acceptable-with-caution)$/
            : /^(recommended|acceptable)$/,
        ),
      });
    },
  );

  it('lists only known gaps that still name a scripted prompt the coach gets wrong', () => {
    const stillWrong = new Set(
      prompts.filter((p) => !codesAsIntended(p)).map((p) => `${p.language} ${p.promptId}`),
    );
    // A gap the coach now codes right must leave the list (so the list cannot hide a regression).
    expect([...KNOWN_GAPS].filter((g) => !stillWrong.has(g))).toEqual([]);
  });

  it('codes "Tell me why you came to talk to me today" the same way in both languages', () => {
    expect(classifyQuestion('Tell me why you came to talk to me today.', 'en').type).toBe(
      'invitation',
    );
    expect(classifyQuestion('Cuéntame por qué viniste a hablar conmigo hoy.', 'es').type).toBe(
      'invitation',
    );
  });

  it('labels the option-posing questions the protocol asks for without a warning', () => {
    for (const [text, language] of [
      ['Did it happen one time or more than one time?', 'en'],
      ['¿Pasó una vez o más de una vez?', 'es'],
    ] as const) {
      expect(classifyQuestion(text, language)).toMatchObject({
        type: 'option-posing',
        subtype: 'protocol',
        verdict: 'acceptable',
        recommended: true,
      });
    }
  });

  // The truth promise is a yes/no question the protocol asks on purpose (NICHD Revised, ground
  // rules; Lyon & Dorado 2008): option-posing by form, labelled as the protocol's own, without a
  // warning (issue #16 item 5, coach36; it was coded a ground rule before).
  it("codes the truth promise as the protocol's own option-posing, without a warning", () => {
    for (const [text, language] of [
      ['Do you promise to tell me the truth?', 'en'],
      ['Will you promise me to tell only the truth today?', 'en'],
      ['¿Me prometes que me vas a decir la verdad?', 'es'],
      ['¿Me prometes que ahorita me vas a decir solo la verdad?', 'es'],
    ] as const) {
      const c = classifyQuestion(text, language);
      expect(c).toMatchObject({ type: 'option-posing', subtype: 'protocol', recommended: true });
      expect(c.reason).toMatch(/NICHD/);
    }
  });
});
