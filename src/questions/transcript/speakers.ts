// Labels to roles. Built-in labels ("Interviewer", "Niña", "Q") have a role; any other label
// (a display name from Zoom or Teams, "Speaker 1") needs one from the user, who sees how often
// each label occurs before choosing. Nothing is guessed: a wrong guess would credit the child's
// answers to the interviewer and the report would be wrong without saying so.
import type { Turn } from '../turns';
import type { DraftTurn } from './assemble';
import { TranscriptError } from './errors';
import { looksLikeQuestion } from './question-form';
import { builtInRole, labelKey, type SpeakerRole } from './labels';
import type { Warnings } from './warnings';

/** Role chosen for a label; label as written (matched case- and accent-insensitively). */
export interface LabelRole {
  label: string;
  role: SpeakerRole;
}

/** A label found in a transcript, with how many turns carry it and its role if known. */
export interface FoundLabel {
  /** As first written in the transcript; '' for turns without a label. */
  label: string;
  count: number;
  role?: SpeakerRole;
  /** Where the role comes from. */
  source?: 'mapping' | 'built-in' | 'default';
}

/** The key under which turns without a label can be mapped (shown as "no label"). */
export const UNLABELLED = '';

function roleMap(mapping: readonly LabelRole[]): Map<string, SpeakerRole> {
  return new Map(mapping.map((m) => [labelKey(m.label), m.role]));
}

/**
 * Lists the labels of draft turns in order of first appearance, with their roles.
 * @param mapping roles chosen by the user; they override the built-in ones
 */
export function findLabels(
  turns: readonly DraftTurn[],
  mapping: readonly LabelRole[] = [],
): FoundLabel[] {
  const chosen = roleMap(mapping);
  const found = new Map<string, FoundLabel>();
  for (const t of turns) {
    const key = t.label === undefined ? UNLABELLED : labelKey(t.label);
    const entry = found.get(key);
    if (entry) {
      entry.count++;
      continue;
    }
    const label = t.label ?? UNLABELLED;
    const mapped = chosen.get(key);
    const builtIn = t.label === undefined ? undefined : builtInRole(t.label);
    const item: FoundLabel = { label, count: 1 };
    if (mapped) Object.assign(item, { role: mapped, source: 'mapping' });
    else if (builtIn) Object.assign(item, { role: builtIn, source: 'built-in' });
    else if (t.label === undefined) Object.assign(item, { role: 'other', source: 'default' });
    found.set(key, item);
  }
  return [...found.values()];
}

/**
 * Gives every draft turn its role.
 * @throws TranscriptError UNMAPPED_LABELS when a label has no role (the message gives the count,
 *   never the labels: callers show the labels from findLabels), NO_INTERVIEWER when no turn is
 *   the interviewer's
 */
export function assignSpeakers(
  turns: readonly DraftTurn[],
  mapping: readonly LabelRole[],
  warnings: Warnings,
): Turn[] {
  const labels = findLabels(turns, mapping);
  const unmapped = labels.filter((l) => l.role === undefined);
  if (unmapped.length > 0)
    throw new TranscriptError(
      'UNMAPPED_LABELS',
      `${unmapped.length} speaker label(s) have no role`,
      'Give each label a role (interviewer, child, interpreter or other): in hearth transcript with one --map "LABEL=ROLE" per label, in the app in the table of labels',
    );
  const roles = new Map(labels.map((l) => [labelKey(l.label), l.role ?? 'other']));
  const out = turns.map((t): Turn => {
    const role = roles.get(t.label === undefined ? UNLABELLED : labelKey(t.label)) ?? 'other';
    const turn: Turn = { speaker: role, text: t.text, line: t.line };
    if (t.label !== undefined) turn.label = t.label;
    if (t.startMs !== undefined) turn.startMs = t.startMs;
    if (t.endMs !== undefined) turn.endMs = t.endMs;
    return turn;
  });
  warnings.add('UNLABELLED_TEXT', turns.filter((t) => t.label === undefined).length);
  const interviewer = out.filter((t) => t.speaker === 'interviewer');
  if (interviewer.length === 0)
    throw new TranscriptError(
      'NO_INTERVIEWER',
      "No turn is the interviewer's",
      'Choose "interviewer" for the label the interviewer speaks under, then import again',
    );
  if (!out.some((t) => t.speaker === 'child')) warnings.add('NO_CHILD_TURNS');
  const timed = out.filter((t) => t.startMs !== undefined).length;
  if (timed > 0) warnings.add('MISSING_TIMESTAMPS', out.length - timed);
  // Speech recognition without punctuation: question types cannot be told apart reliably. Only
  // questions count, by their marks or their words (question-form.ts): a request such as "Tell
  // me more about that." needs no mark (newcomer 17, N17-4). The count is the questions by
  // their words that have no mark.
  const marked = (t: Turn): boolean => /[?¿]/.test(t.text);
  const questions = interviewer.filter((t) => marked(t) || looksLikeQuestion(t.text));
  const unmarked = questions.filter((t) => !marked(t)).length;
  if (
    interviewer.length >= 5 &&
    unmarked > 0 &&
    questions.length - unmarked < questions.length * 0.1
  )
    warnings.add('FEW_QUESTION_MARKS', unmarked);
  return out;
}

/** One label of an imported transcript with the role it was given (stored with the review). */
export interface ConfirmedLabel {
  label: string;
  role: SpeakerRole;
  turns: number;
  /** 'reviewer' when the role came from the mapping the user confirmed, else Hearth knew it. */
  chosenBy: 'reviewer' | 'hearth';
}

/** The labels that have a role, as stored with an imported review and shown in its report. */
export function confirmedLabels(labels: readonly FoundLabel[]): ConfirmedLabel[] {
  return labels.flatMap((l) =>
    l.role
      ? [
          {
            label: l.label,
            role: l.role,
            turns: l.count,
            chosenBy: l.source === 'mapping' ? ('reviewer' as const) : ('hearth' as const),
          },
        ]
      : [],
  );
}
