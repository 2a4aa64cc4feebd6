// Rules over a whole interview that a single utterance cannot show: unpaired option-posing
// questions, riskier re-asks after "I don't know", presumptive details and long closed runs.
import { childSaidOf } from './child-said';
import { classifyQuestion } from './classify';
import { lexiconFor } from './lexicon';
import { normalise } from './text';
import type { CodedTurn, Turn } from './turns';
import { RISK, type AnsweredQuestion, type Language, type QuestionType } from './types';

export type SequenceRule = 'pairing' | 'riskier-reask' | 'presumptive' | 'closed-run';

export interface SequenceFinding {
  rule: SequenceRule;
  /** Index of the turn the finding is about. */
  turnIndex: number;
  /** Related turn: the child's "I don't know", or the last turn of a closed run. */
  relatedTurnIndex?: number;
  /** Length of a closed run. */
  length?: number;
  /** The detail introduced by a presumptive question. */
  detail?: string;
  message: string;
}

export interface SequenceOptions {
  language: Language;
  /** Interviewer turns (facilitators not counted) within which an option-posing question must be paired. */
  pairingWindow?: number;
  /** Consecutive closed questions that make a run worth flagging. */
  closedRunLength?: number;
  childAgeYears?: number;
}

export interface SequenceAnalysis {
  coded: CodedTurn[];
  findings: SequenceFinding[];
}

const CLOSED: ReadonlySet<QuestionType> = new Set(['option-posing', 'suggestive']);
const OPEN: ReadonlySet<QuestionType> = new Set(['invitation', 'cued-invitation']);

const MESSAGES: Record<Language, Record<SequenceRule, string>> = {
  en: {
    pairing: 'Option-posing question not followed by an open invitation within {n} turns.',
    'riskier-reask':
      'After the child said they did not know, the question was re-asked in a riskier form.',
    presumptive: 'Introduces a detail ("{detail}") the child has not said yet.',
    'closed-run': '{n} closed questions in a row: return to an open invitation.',
  },
  es: {
    pairing: 'Pregunta de opciones no seguida de una invitación abierta en {n} turnos.',
    'riskier-reask':
      'Después de que la persona entrevistada dijo no saber, se repitió la pregunta de forma más arriesgada.',
    presumptive: 'Introduce un detalle ("{detail}") que la persona entrevistada aún no ha dicho.',
    'closed-run': '{n} preguntas cerradas seguidas: vuelva a una invitación abierta.',
  },
};

/** Codes every interviewer turn (with the child's words so far) and applies the sequence rules. */
export function analyseSequence(
  turns: readonly Turn[],
  options: SequenceOptions,
): SequenceAnalysis {
  const { language } = options;
  const window = options.pairingWindow ?? 2;
  const runLength = options.closedRunLength ?? 5;
  const lex = lexiconFor(language);
  const msg = MESSAGES[language];
  const childSaid: string[] = [];
  // Earlier questions with the child's replies (asked-answered.ts), appended in place.
  const answered: AnsweredQuestion[] = [];
  let lastQuestion: string | undefined;
  let replies: string[] = [];
  const coded: CodedTurn[] = [];
  const findings: SequenceFinding[] = [];

  for (let index = 0; index < turns.length; index++) {
    const turn = turns[index] as Turn;
    if (turn.speaker === 'interviewer') {
      if (lastQuestion !== undefined && replies.length > 0)
        answered.push({ question: lastQuestion, answer: replies.join(' ') });
      lastQuestion = turn.text;
      replies = [];
      const coding =
        turn.coding ??
        classifyQuestion(turn.text, language, {
          childWords: childSaid,
          answered,
          childAgeYears: options.childAgeYears,
        });
      coded.push({ ...turn, index, coding });
      if (coding.subtype === 'presumptive' || coding.subtype === 'new-detail') {
        const detail = coding.cue ?? '';
        findings.push({
          rule: 'presumptive',
          turnIndex: index,
          detail,
          message: msg.presumptive.replace('{detail}', detail),
        });
      }
    } else {
      coded.push({ ...turn, index });
      if (turn.speaker === 'child') {
        childSaid.push(...childSaidOf(turn));
        if (lastQuestion !== undefined) replies.push(turn.text);
      }
    }
  }

  // Interviewer prompts that carry content; facilitators and statements neither pair nor break runs,
  // nor do the questions the protocol asks on purpose (subtype 'protocol': the truth promise, the
  // closing questions, "one time or more than one time"), which are not charged (coach36).
  const prompts = coded.filter(
    (t) =>
      t.speaker === 'interviewer' &&
      t.coding !== undefined &&
      t.coding.type !== 'facilitator' &&
      t.coding.type !== 'other' &&
      t.coding.subtype !== 'protocol',
  );
  const typeOf = (t: CodedTurn): QuestionType => t.coding?.type ?? 'other';

  prompts.forEach((turn, i) => {
    if (typeOf(turn) !== 'option-posing') return;
    const next = prompts.slice(i + 1, i + 1 + window);
    if (next.length === 0) return;
    if (!next.some((t) => OPEN.has(typeOf(t)))) {
      findings.push({
        rule: 'pairing',
        turnIndex: turn.index,
        message: msg.pairing.replace('{n}', String(window)),
      });
    }
  });

  let runStart = -1;
  const closeRun = (end: number): void => {
    const length = end - runStart;
    const first = prompts[runStart];
    const last = prompts[end - 1];
    if (runStart >= 0 && length >= runLength && first && last) {
      findings.push({
        rule: 'closed-run',
        turnIndex: first.index,
        relatedTurnIndex: last.index,
        length,
        message: msg['closed-run'].replace('{n}', String(length)),
      });
    }
    runStart = -1;
  };
  prompts.forEach((turn, i) => {
    if (CLOSED.has(typeOf(turn))) {
      if (runStart < 0) runStart = i;
    } else if (runStart >= 0) closeRun(i);
  });
  if (runStart >= 0) closeRun(prompts.length);

  // "I don't know" followed by a riskier question than the one the child could not answer.
  let lastPrompt: CodedTurn | undefined;
  let pendingIdk: CodedTurn | undefined;
  for (const turn of coded) {
    if (turn.speaker === 'child') {
      if (lastPrompt && lex.idk.test(normalise(turn.text))) pendingIdk = turn;
      continue;
    }
    if (turn.speaker !== 'interviewer' || !turn.coding) continue;
    const type = turn.coding.type;
    if (type === 'facilitator' || type === 'other') continue;
    if (
      pendingIdk &&
      lastPrompt &&
      RISK[type] > RISK[typeOf(lastPrompt)] &&
      RISK[type] >= RISK['option-posing']
    ) {
      findings.push({
        rule: 'riskier-reask',
        turnIndex: turn.index,
        relatedTurnIndex: pendingIdk.index,
        message: msg['riskier-reask'],
      });
    }
    pendingIdk = undefined;
    lastPrompt = turn;
  }

  findings.sort((a, b) => a.turnIndex - b.turnIndex);
  return { coded, findings };
}
