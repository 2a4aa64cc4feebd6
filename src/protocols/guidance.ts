// The guidance reducer: a pure fold of session events over a plan. It never blocks the
// interviewer; it reports where they are, what is still open, when to offer a break and what
// to ask next. All wording comes from the plan, so this module has no language of its own.
import { interpolate } from './catalog';
import { QUESTION_TYPES, type GuidanceEvent, type QuestionType } from './events';
import { firstSaying, type SaidQuestion } from './said-first';
import type { PlannedSource } from './sources';
import type {
  PlannedPhase,
  PlannedPrompt,
  PlannedSession,
  PlannedText,
  PromptKind,
  SessionPlan,
} from './types';

/**
 * How many pairing (one per kept keyword) and supportive prompts to surface ahead of the phase's
 * own prompts. The phase's prompts are never cut: a protocol's graded sequence (NICHD revised
 * protocol 2014, Transition: prompts in order, from the open prompt down to the option-posing
 * last resort) must stay reachable in every session, and a cut at three hid everything after the
 * third prompt (session 2 of an extended interview showed only three transition suggestions).
 * The screens show the first suggestion and fold the rest behind "N more suggestions".
 */
export const MAX_NEXT_PROMPTS = 3;

export type NextPromptSource = 'pairing' | 'supportive' | 'phase';

export interface NextPrompt {
  id: string;
  kind: PromptKind;
  text: string;
  source: NextPromptSource;
  lastResort: boolean;
  /** Where the wording comes from (a document and section, or Hearth's own). */
  citation: PlannedSource;
}

/**
 * One rung of the transition ladder. `state`: 'asked' (used in this session, with the prompt's
 * id), 'next' (the first rung still to ask), 'open' (a later open rung), 'afterOpen' (a
 * last-resort rung: only once every open rung is asked), 'withheld' (an option-posing or
 * last-resort rung while reluctance is noted: Hearth's rule, labelled as such).
 */
export interface LadderStep {
  /** 1-based position in the protocol's order. */
  step: number;
  id: string;
  kind: PromptKind;
  text: string;
  lastResort: boolean;
  state: 'asked' | 'next' | 'open' | 'afterOpen' | 'withheld';
}

export type AnomalyCode =
  | 'no-session-start'
  | 'unknown-session'
  | 'unknown-phase'
  | 'unknown-item'
  | 'time-went-backwards'
  | 'event-after-end'
  | 'break-not-started'
  | 'break-already-started';

export interface Anomaly {
  code: AnomalyCode;
  /** Index of the offending event in the input array. */
  eventIndex: number;
}

export interface ChecklistItemState {
  id: string;
  label: string;
  required: boolean;
  done: boolean;
  doneAtMs: number | null;
}

export interface OpenItem {
  phaseId: string;
  phaseTitle: string;
  itemId: string;
  label: string;
}

export interface GuidanceView {
  sessionNumber: number;
  started: boolean;
  ended: boolean;
  onBreak: boolean;
  currentPhase: {
    id: string;
    title: string;
    goal: string;
    index: number;
    enteredAtMs: number;
    /** Time since the phase was (last) entered, breaks included. */
    elapsedInPhaseMs: number;
    warnings: PlannedPhase['warnings'];
  } | null;
  nextPhase: { id: string; title: string } | null;
  checklist: Array<{ phaseId: string; phaseTitle: string; items: ChecklistItemState[] }>;
  /** Required items of the current phase not yet done: to cover before leaving it. */
  openItems: OpenItem[];
  /** Required items of phases already left that were never done. Reported, never blocking. */
  leftOpen: OpenItem[];
  /** Recommended, non-skippable phases passed over in a fixed-order protocol. */
  skippedPhases: Array<{ id: string; title: string }>;
  /**
   * Hearth's heuristic (labelled by `source`); never shown during the child's free narrative,
   * nor while the child's account is running in a substantive phase (after a child turn, through
   * invitations and facilitators, until a focused question, a phase change or a break).
   */
  breakReminder: {
    text: string;
    sinceMs: number;
    intervalMs: number;
    overdueMs: number;
    source: PlannedSource;
  } | null;
  /**
   * Reluctance, tracked from rapport on. While active, supportive prompts come first, option-posing
   * and last-resort transition prompts are withheld, and `closeWarmly` (close warmly and plan a
   * second session) is offered once the interview has reached the substantive part.
   */
  reluctance: {
    active: boolean;
    /** Times noted in this session (a carried note from an earlier session is not counted). */
    notedCount: number;
    /** The earlier session whose noted reluctance this session started with, else null. */
    carriedFromSession: number | null;
    /** With carriedFromSession: when that session started (ISO 8601), else null. */
    carriedFromStartedAt: string | null;
    /**
     * Where tracking reluctance and meeting it with support comes from, for the protocol in use
     * (NICHD: the revised protocol, Hershkowitz, Lamb & Katz 2014; Lamb et al. 2018).
     */
    source: PlannedSource;
    closeWarmly: PlannedText | null;
  };
  nextPrompts: NextPrompt[];
  /**
   * Kept keywords of this session that an interviewer question said before the child did (the
   * same rule and matcher as the reconnect topics, src/protocols/said-first.ts): never offered
   * as a cued invitation ("You said, “basement”…"), because the word is the interviewer's even
   * when the child echoes it (Lamb et al. 2007, suggestive utterances). Folded as typed.
   */
  interviewerFirst: string[];
  /**
   * In the transition to the substantive phase: the protocol's graded prompts as a numbered
   * ladder, each with its state (practitioner review 7, P7-2); null in every other phase.
   */
  ladder: LadderStep[] | null;
  alerts: Array<{ kind: 'option-posing' | 'suggestive'; text: string }>;
  questionCounts: Record<QuestionType, number>;
  anomalies: Anomaly[];
}

interface Fold {
  started: boolean;
  startedAtMs: number;
  ended: boolean;
  endedAtMs: number;
  sessionNumber: number;
  session: PlannedSession;
  phaseId: string | null;
  phaseEnteredAtMs: number;
  visited: string[];
  done: Map<string, number>;
  onBreak: boolean;
  lastRestMs: number;
  used: Set<string>;
  keywords: string[];
  /** This session's interviewer questions so far (their text), for interviewerFirst. */
  asked: SaidQuestion[];
  /** Kept keywords an interviewer question said first (never offered as a cued pairing). */
  interviewerFirst: string[];
  pendingPair: QuestionType | null;
  reluctant: boolean;
  reluctanceCount: number;
  carriedFromSession: number | null;
  carriedFromStartedAt: string | null;
  personNamed: boolean;
  personNamedCount: number;
  /**
   * The child's account is running: set by a child turn in a substantive phase, kept through the
   * interviewer's invitations and facilitators, ended by a focused question (directive,
   * option-posing, suggestive), a phase change or a break. The break reminder waits meanwhile.
   */
  accountRunning: boolean;
  questionCounts: Record<QuestionType, number>;
  anomalies: Anomaly[];
  lastMs: number;
}

const itemKey = (phaseId: string, itemId: string): string => `${phaseId}\u0000${itemId}`;
/** Supportive prompts count as used whichever phase they were said in. */
const SUPPORT = '\u0000support';

/** Cleans a caller-supplied keyword without any language knowledge: trims space and quotes. */
function cleanKeyword(raw: string): string {
  return raw
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^[\s"'\u201c\u201d\u2018\u2019\u00ab\u00bb.,;:!?\u00bf\u00a1]+/u, '')
    .replace(/[\s"'\u201c\u201d\u2018\u2019\u00ab\u00bb.,;:!?\u00bf\u00a1]+$/u, '');
}

function sessionFor(plan: SessionPlan, number: number): PlannedSession | undefined {
  return plan.sessions.find((s) => s.number === number);
}

function findPhase(session: PlannedSession, id: string | null): PlannedPhase | undefined {
  return id === null ? undefined : session.phases.find((p) => p.id === id);
}

function initialFold(plan: SessionPlan): Fold {
  const session = plan.sessions[0];
  if (!session) throw new Error('A plan always has at least one session');
  return {
    started: false,
    startedAtMs: 0,
    ended: false,
    endedAtMs: 0,
    // Session k of an extended interview's plan (planSessionAt) holds that one session, numbered k.
    sessionNumber: session.number,
    session,
    phaseId: null,
    phaseEnteredAtMs: 0,
    visited: [],
    done: new Map(),
    onBreak: false,
    lastRestMs: 0,
    used: new Set(),
    keywords: [],
    asked: [],
    interviewerFirst: [],
    pendingPair: null,
    reluctant: false,
    reluctanceCount: 0,
    carriedFromSession: null,
    carriedFromStartedAt: null,
    // Only the child's naming in this interview unlocks the putative confession.
    personNamed: false,
    personNamedCount: 0,
    accountRunning: false,
    questionCounts: Object.fromEntries(QUESTION_TYPES.map((t) => [t, 0])) as Record<
      QuestionType,
      number
    >,
    anomalies: [],
    lastMs: Number.NEGATIVE_INFINITY,
  };
}

function enterPhase(f: Fold, phaseId: string, atMs: number): void {
  if (f.phaseId !== phaseId) f.accountRunning = false;
  f.phaseId = phaseId;
  f.phaseEnteredAtMs = atMs;
  if (!f.visited.includes(phaseId)) f.visited.push(phaseId);
}

function start(f: Fold, plan: SessionPlan, atMs: number, sessionNumber: number, i: number): void {
  const session = sessionFor(plan, sessionNumber);
  if (session) {
    f.session = session;
    f.sessionNumber = sessionNumber;
  } else f.anomalies.push({ code: 'unknown-session', eventIndex: i });
  f.started = true;
  f.startedAtMs = atMs;
  f.lastRestMs = atMs;
  // Interviewers rarely announce the first phase; the session starts in it.
  const first = f.session.phases[0];
  if (first && f.phaseId === null) enterPhase(f, first.id, atMs);
}

function resolveItemPhase(f: Fold, itemId: string, phaseId: string | undefined): string | null {
  if (phaseId !== undefined) {
    const phase = findPhase(f.session, phaseId);
    return phase?.checklist.some((c) => c.id === itemId) ? phaseId : null;
  }
  const current = findPhase(f.session, f.phaseId);
  if (current?.checklist.some((c) => c.id === itemId)) return current.id;
  const owners = f.session.phases.filter((p) => p.checklist.some((c) => c.id === itemId));
  return owners.length === 1 && owners[0] ? owners[0].id : null;
}

function apply(f: Fold, plan: SessionPlan, e: GuidanceEvent, i: number): void {
  if (e.elapsedMs < f.lastMs) f.anomalies.push({ code: 'time-went-backwards', eventIndex: i });
  f.lastMs = Math.max(f.lastMs, e.elapsedMs);
  if (f.ended) {
    f.anomalies.push({ code: 'event-after-end', eventIndex: i });
    return;
  }
  if (e.type === 'session-started') {
    start(f, plan, e.elapsedMs, e.sessionNumber ?? f.sessionNumber, i);
    return;
  }
  if (!f.started) {
    f.anomalies.push({ code: 'no-session-start', eventIndex: i });
    start(f, plan, e.elapsedMs, f.sessionNumber, i);
  }
  switch (e.type) {
    case 'phase-entered':
      if (findPhase(f.session, e.phaseId)) enterPhase(f, e.phaseId, e.elapsedMs);
      else f.anomalies.push({ code: 'unknown-phase', eventIndex: i });
      break;
    case 'checklist-item-done':
    case 'checklist-item-undone': {
      const owner = resolveItemPhase(f, e.itemId, e.phaseId);
      if (owner === null) f.anomalies.push({ code: 'unknown-item', eventIndex: i });
      else if (e.type === 'checklist-item-done') f.done.set(itemKey(owner, e.itemId), e.elapsedMs);
      else f.done.delete(itemKey(owner, e.itemId));
      break;
    }
    case 'note':
      if (e.noteKind === 'child') {
        if (findPhase(f.session, f.phaseId)?.substantive) f.accountRunning = true;
        const words = [...new Set((e.keywords ?? []).map(cleanKeyword).filter((k) => k !== ''))];
        // A word an earlier question of this session said is the interviewer's, even when the
        // child echoes it ("Was it in the basement?" / "yes the basement"): never a cued pairing.
        const echoed = words.filter((k) => firstSaying(f.asked, k, plan.language) !== undefined);
        for (const k of echoed) if (!f.interviewerFirst.includes(k)) f.interviewerFirst.push(k);
        if (words.length > 0) f.keywords = words.filter((k) => !echoed.includes(k));
        // Talking is not telling: a child can talk freely about neutral topics and still be
        // unwilling to talk about the concern (revised NICHD protocol; Hershkowitz et al. 2021).
        // Reluctance holds until the interviewer withdraws the mark; it never lapses on a keyword.
      } else if (e.noteKind === 'question') {
        if (e.text !== undefined && e.text.trim() !== '')
          f.asked.push({ elapsedMs: e.elapsedMs, versions: [e.text] });
        if (e.promptId !== undefined && f.phaseId !== null) {
          f.used.add(itemKey(f.phaseId, e.promptId));
          f.used.add(itemKey(SUPPORT, e.promptId));
        }
        const type = e.questionType;
        if (type !== undefined && QUESTION_TYPES.includes(type)) {
          f.questionCounts[type] += 1;
          // Focused questions are followed by an open one; an open question settles the debt.
          if (type === 'option-posing' || type === 'suggestive' || type === 'directive') {
            f.pendingPair = type;
            f.accountRunning = false;
          } else if (type === 'invitation' || type === 'cued-invitation') {
            f.pendingPair = null;
          }
        }
      }
      break;
    case 'reluctance-noted':
      f.reluctant = true;
      if (e.earlierSession !== undefined) {
        f.carriedFromSession = e.earlierSession;
        f.carriedFromStartedAt = e.earlierStartedAt ?? null;
      } else f.reluctanceCount += 1;
      break;
    case 'reluctance-ended':
      // "Reluctance ended": every standing press and the carried reluctance end together.
      f.reluctant = false;
      f.reluctanceCount = 0;
      f.carriedFromSession = null;
      f.carriedFromStartedAt = null;
      break;
    case 'reluctance-withdrawn':
      // A mistaken press taken back: reluctance holds only while a press (or a carried one) stands.
      if (f.reluctanceCount > 0) f.reluctanceCount -= 1;
      if (f.reluctanceCount === 0 && f.carriedFromSession === null) f.reluctant = false;
      break;
    case 'person-named':
      f.personNamedCount += 1;
      f.personNamed = true;
      break;
    case 'person-named-withdrawn':
      // A mistaken press taken back: the gate stays open only while a press stands.
      if (f.personNamedCount > 0) f.personNamedCount -= 1;
      f.personNamed = f.personNamedCount > 0;
      break;
    case 'break-started':
      if (f.onBreak) f.anomalies.push({ code: 'break-already-started', eventIndex: i });
      f.onBreak = true;
      f.accountRunning = false;
      break;
    case 'break-ended':
      if (!f.onBreak) f.anomalies.push({ code: 'break-not-started', eventIndex: i });
      f.onBreak = false;
      f.lastRestMs = e.elapsedMs;
      break;
    case 'session-ended':
      f.ended = true;
      f.endedAtMs = e.elapsedMs;
      f.onBreak = false;
      break;
  }
}

function openItemsOf(f: Fold, phase: PlannedPhase): OpenItem[] {
  return phase.checklist
    .filter((c) => c.required && !f.done.has(itemKey(phase.id, c.id)))
    .map((c) => ({ phaseId: phase.id, phaseTitle: phase.title, itemId: c.id, label: c.label }));
}

/**
 * Ids of the pairing prompts (an invitation after a closed question, NICHD's pairing). They are
 * prompt ids like any other (the note a Use writes carries one, and the channel accepts only
 * dotted ids), so each resolves to the pairing source (src/interview/sealed-sources.ts).
 */
export const PAIRING_NONE_ID = 'pairing.invitation';
/** Followed by "-<n>", one per keyword the child said ("pairing.cued-0"). */
export const PAIRING_CUED_ID = 'pairing.cued';

/**
 * The invitation that follows a focused question. After an option-posing or suggestive question
 * it is always the bare "Tell me more about that" (NICHD's pairing, "Tell me everything about
 * that"): a cued pairing would repeat back the option the interviewer offered, and the child's
 * echo of it does not make it the child's word. After a directive question it may be cued on a
 * word the child said first in this session (f.keywords holds only those).
 */
function pairingPrompts(plan: SessionPlan, f: Fold): NextPrompt[] {
  const bare = f.pendingPair === 'option-posing' || f.pendingPair === 'suggestive';
  if (bare || f.keywords.length === 0) {
    return [
      {
        id: PAIRING_NONE_ID,
        kind: 'invitation',
        text: plan.texts.pairedInvitationNoKeyword,
        source: 'pairing',
        lastResort: false,
        citation: plan.textSources.pairing,
      },
    ];
  }
  return f.keywords.slice(0, MAX_NEXT_PROMPTS).map((keyword, n) => ({
    id: `${PAIRING_CUED_ID}-${n}`,
    kind: 'cued-invitation',
    text: interpolate(plan.texts.pairedInvitation, { keyword }),
    source: 'pairing',
    lastResort: false,
    citation: plan.textSources.pairing,
  }));
}

/**
 * Option-posing, last-resort and putative-confession prompts would escalate with a reluctant
 * child: withheld while reluctance is noted. The putative confession is withheld too
 * (practitioner review 10, P10-14), although it was designed for children reluctant to tell: it
 * is the safer of the two choices the review offered. Its evidence is laboratory only (a minor
 * transgression, Stolzenberg et al. 2017), observers may read it as pressure (Gongola et al.
 * 2019), and Hearth's own rule shown to the interviewer (reluctance.closeWarmly) says no
 * suggestive prompts while reluctance is noted; offering it then would contradict that screen.
 * Once the child is talking again (reluctance no longer active) it is offered as before, behind
 * its gate and the team's recorded decision.
 */
function escalates(p: PlannedPrompt): boolean {
  return p.lastResort || p.kind === 'option-posing' || p.kind === 'putative-confession';
}

/** The phase whose prompts form a graded ladder (NICHD, NCAC: open first, then focused). */
const LADDER_PHASE = 'transition';

/** The transition's prompts in the protocol's order, each with its state (see LadderStep). */
function transitionLadder(f: Fold, phase: PlannedPhase): LadderStep[] {
  const asked = (p: PlannedPrompt) => f.used.has(itemKey(phase.id, p.id));
  const openLeft = phase.prompts.some((p) => !p.lastResort && !asked(p));
  let nextGiven = false;
  return phase.prompts.map((p, i) => {
    let state: LadderStep['state'];
    if (asked(p)) state = 'asked';
    else if (f.reluctant && escalates(p)) state = 'withheld';
    else if (p.lastResort && openLeft) state = 'afterOpen';
    else if (!nextGiven) state = 'next';
    else state = 'open';
    if (state === 'next') nextGiven = true;
    return { step: i + 1, id: p.id, kind: p.kind, text: p.text, lastResort: p.lastResort, state };
  });
}

function phasePrompts(f: Fold, phase: PlannedPhase): NextPrompt[] {
  const fresh = phase.prompts.filter(
    (p) =>
      !f.used.has(itemKey(phase.id, p.id)) &&
      (p.gate !== 'person-named' || f.personNamed) &&
      !(f.reluctant && phase.substantive && escalates(p)),
  );
  // Last-resort prompts only surface once the open ones have been used.
  const ordered = [...fresh.filter((p) => !p.lastResort), ...fresh.filter((p) => p.lastResort)];
  return ordered.map((p: PlannedPrompt) => ({
    id: p.id,
    kind: p.kind,
    text: p.text,
    source: 'phase',
    lastResort: p.lastResort,
    citation: p.source,
  }));
}

/**
 * Folds `events` (in recorded order) over `plan` and describes the interview at
 * `nowElapsedMs`. Pure: same inputs, same view. Malformed events are reported in `anomalies`
 * and never throw, because a live interview must not stop over a bad record.
 */
export function reduceGuidance(
  plan: SessionPlan,
  events: readonly GuidanceEvent[],
  nowElapsedMs: number,
): GuidanceView {
  const f = initialFold(plan);
  events.forEach((e, i) => apply(f, plan, e, i));
  const now = f.ended ? f.endedAtMs : nowElapsedMs;
  const phases = f.session.phases;
  const current = findPhase(f.session, f.phaseId);
  const currentIndex = current ? phases.indexOf(current) : -1;

  const next = phases.slice(currentIndex + 1).find((p) => p.recommended) ?? null;

  const leftOpen = phases
    .filter((p) => p.id !== f.phaseId && f.visited.includes(p.id))
    .flatMap((p) => openItemsOf(f, p));

  const skippedPhases =
    plan.flexibleOrder || currentIndex < 0
      ? []
      : phases
          .slice(0, currentIndex)
          .filter((p) => p.recommended && !p.skippable && !f.visited.includes(p.id))
          .map((p) => ({ id: p.id, title: p.title }));

  const sinceRest = now - f.lastRestMs;
  const breakReminder =
    plan.breakIntervalMs > 0 &&
    current?.freeNarrative !== true &&
    // Nor while the child's account is running in any substantive phase: a first account often
    // begins in the transition (NICHD transition, Ten Step step 7), and a break is a moment the
    // child can be influenced (practitioner review 9, P9-8; issue #17).
    !f.accountRunning &&
    f.started &&
    !f.ended &&
    !f.onBreak &&
    sinceRest >= plan.breakIntervalMs
      ? {
          text: interpolate(plan.texts.breakReminder, {
            minutes: String(Math.floor(sinceRest / 60_000)),
          }),
          sinceMs: f.lastRestMs,
          intervalMs: plan.breakIntervalMs,
          overdueMs: sinceRest - plan.breakIntervalMs,
          source: plan.textSources.breakReminder,
        }
      : null;

  const alerts: GuidanceView['alerts'] = [];
  if (f.pendingPair === 'option-posing') {
    alerts.push({ kind: 'option-posing', text: plan.texts.optionPosingAlert });
  } else if (f.pendingPair === 'suggestive') {
    alerts.push({ kind: 'suggestive', text: plan.texts.suggestiveAlert });
  }

  let nextPrompts: NextPrompt[] = [];
  if (f.started && !f.ended && current) {
    // One supportive statement at a time (the next not yet used), so the phase's own open
    // prompts stay in view; escalating prompts are already withheld while the child is reluctant.
    const supportive: NextPrompt[] = f.reluctant
      ? plan.supportivePrompts
          // A line that presumes a hard topic waits for the substantive part (review 26p, 8).
          .filter((p) => !f.used.has(itemKey(SUPPORT, p.id)))
          .filter((p) => p.substantiveOnly !== true || current.substantive)
          .slice(0, 1)
          .map((p) => ({
            id: p.id,
            kind: p.kind,
            text: p.text,
            source: 'supportive',
            lastResort: false,
            citation: p.source,
          }))
      : [];
    nextPrompts = [
      ...[...(f.pendingPair !== null ? pairingPrompts(plan, f) : []), ...supportive].slice(
        0,
        MAX_NEXT_PROMPTS,
      ),
      // The whole phase, in the protocol's order (open first, last resorts last), without a
      // supportive line already offered above (NICHD rapport lists support.wantToKnow too: it
      // was suggested twice while the child was reluctant).
      ...phasePrompts(f, current).filter((p) => !supportive.some((s) => s.id === p.id)),
    ];
  }

  return {
    sessionNumber: f.sessionNumber,
    started: f.started,
    ended: f.ended,
    onBreak: f.onBreak,
    currentPhase: current
      ? {
          id: current.id,
          title: current.title,
          goal: current.goal,
          index: currentIndex,
          enteredAtMs: f.phaseEnteredAtMs,
          elapsedInPhaseMs: Math.max(0, now - f.phaseEnteredAtMs),
          warnings: current.warnings,
        }
      : null,
    nextPhase: next ? { id: next.id, title: next.title } : null,
    ladder:
      current && current.id === LADDER_PHASE && current.prompts.length > 1
        ? transitionLadder(f, current)
        : null,
    checklist: phases.map((p) => ({
      phaseId: p.id,
      phaseTitle: p.title,
      items: p.checklist.map((c) => {
        const at = f.done.get(itemKey(p.id, c.id));
        return { ...c, done: at !== undefined, doneAtMs: at ?? null };
      }),
    })),
    openItems: current ? openItemsOf(f, current) : [],
    leftOpen,
    skippedPhases,
    breakReminder,
    reluctance: {
      active: f.reluctant,
      notedCount: f.reluctanceCount,
      carriedFromSession: f.carriedFromSession,
      carriedFromStartedAt: f.carriedFromStartedAt,
      source: plan.reluctance.source,
      closeWarmly:
        f.reluctant && !f.ended && current?.substantive === true
          ? plan.reluctance.closeWarmly
          : null,
    },
    nextPrompts,
    interviewerFirst: [...f.interviewerFirst],
    alerts,
    questionCounts: f.questionCounts,
    anomalies: f.anomalies,
  };
}
