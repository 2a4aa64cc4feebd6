// Guidance for one session of an extended (multi-session) forensic interview: "session k of n",
// the phases this session plans (from the protocol's multi-session layout) and the rules for
// later sessions. Pure: the session service supplies which sessions are linked and what each
// covered (src/interview/extended.ts).
import { text } from './catalog';
import { ProtocolError } from './errors';
import { localizeSources, planSession, protocolById } from './plan';
import { planSource, type PlannedSource } from './sources';
import type {
  AgeBand,
  Language,
  LaterSessionRuleId,
  PlanOptions,
  PlannedPhase,
  PlannedSession,
  PlannedText,
  SessionPlan,
} from './types';

/** The later-session rules, in display order; each is `extended.<id>` in the catalog. */
const LATER_RULE_IDS: readonly LaterSessionRuleId[] = [
  'rapportAgain',
  'noRepeat',
  'followDisclosure',
];

/** Catalog keys of the later-session rules (localized; each protocol cites its own source). */
export const EXTENDED_RULE_KEYS = LATER_RULE_IDS.map((id) => `extended.${id}` as const);

export interface ExtendedSessionGuidance {
  /** 1-based position of this session in the extended interview. */
  index: number;
  planned: number;
  /** The protocol's one-line focus for this session ("Middle session: reconnect, ..."). */
  focus: string;
  /** Where this session's role comes from: the protocol's multi-session model, or Hearth's. */
  source: PlannedSource;
  /** The phases this session plans, in order (ids and localized titles). */
  phases: Array<{ id: string; title: string; onlyIfDisclosed: boolean }>;
  /**
   * Rules for sessions after the first (empty for the first session), each citing this
   * protocol's own later-session material or labelled Hearth's (never another protocol's).
   */
  rules: PlannedText[];
}

/**
 * The plan of session `index` of `planned` for this protocol, age and language. Throws
 * ProtocolError INVALID_OPTION when the protocol has no multi-session model or `index` or
 * `planned` is out of range (UNKNOWN_PROTOCOL, UNSUPPORTED_AGE as planSession does).
 */
export function extendedSessionGuidance(
  protocolId: string,
  ageYears: number,
  language: Language,
  index: number,
  planned: number,
): ExtendedSessionGuidance {
  const plan = planSession(protocolId, ageYears, language, {
    multiSession: true,
    sessionCount: planned,
  });
  if (!Number.isInteger(index) || index < 1 || index > plan.sessions.length) {
    throw new ProtocolError(
      'INVALID_OPTION',
      `Session ${index} is outside this extended interview of ${plan.sessions.length} sessions`,
      { option: 'index', index, planned },
    );
  }
  const session = plan.sessions[index - 1]!;
  const band = plan.band.band;
  return {
    index,
    planned: plan.sessions.length,
    focus: session.focus,
    phases: session.phases.map((p) => ({ id: p.id, title: p.title, onlyIfDisclosed: p.optional })),
    source: session.source,
    rules: index === 1 ? [] : laterSessionRules(protocolId, language, band),
  };
}

/** Where one session sits in an extended interview, as its `extended-link` event records it. */
export interface ExtendedPlace {
  /** 1-based position of the session. */
  index: number;
  /** Number of sessions the team planned. */
  planned: number;
  /**
   * The protocol's rules phases (MultiSessionDefinition.rulesPhases) that the session before
   * this one never reached, as this session's `extended-link` event records them. When the first
   * of them is listed, this session plans them in full after `reconnect` (rulesPhasesFirst).
   */
  rulesPhasesNotReached?: readonly string[];
}

/**
 * The plan one recorded session is guided by: `planSession(protocolId, ageYears, language,
 * options)` for a single session, or, for session `place.index` of `place.planned` of an
 * extended interview, that session of the protocol's multi-session layout (the phases the plan
 * screen previewed with extendedSessionGuidance: e.g. NICHD's later session opens with
 * `reconnect`) with `extended` = { index, planned, rules } and `sessions` = [that session,
 * numbered `index`]. The core (the phases it accepts, the export) and every screen of the session
 * call this with the place read from the session's own sealed chain, so a relaunch, an unlock or
 * an export shows the same plan. Throws ProtocolError as planSession does, and INVALID_OPTION
 * for a place outside the protocol's model.
 */
export function planSessionAt(
  protocolId: string,
  ageYears: number,
  language: Language,
  options: PlanOptions,
  place?: ExtendedPlace,
): SessionPlan {
  if (!place) return planSession(protocolId, ageYears, language, options);
  const guidance = extendedSessionGuidance(
    protocolId,
    ageYears,
    language,
    place.index,
    place.planned,
  );
  const whole = planSession(protocolId, ageYears, language, {
    ...options,
    multiSession: true,
    sessionCount: place.planned,
  });
  const session = whole.sessions[place.index - 1]!;
  const rules =
    place.index >= 2 ? rulesPhasesFirst(protocolId, ageYears, language, options, place) : null;
  return {
    ...whole,
    sessions: [rules ? withRulesPhases(session, rules) : session],
    extended: { index: guidance.index, planned: guidance.planned, rules: guidance.rules },
  };
}

/**
 * The protocol's rules phases (ground rules, then narrative practice), in order: what a later
 * session plans in full when the session before never reached them. Empty for a protocol without
 * a multi-session model. Throws ProtocolError UNKNOWN_PROTOCOL for an unknown id.
 */
export function extendedRulesPhases(protocolId: string): readonly string[] {
  return protocolById(protocolId).multiSession?.rulesPhases ?? [];
}

/** The reminder and its checks, dropped when the full rules phases are planned instead. */
const REMINDER_PROMPT_ID = 'reconnect.rulesReminder';
const REMINDER_CHECK_IDS: ReadonlySet<string> = new Set(['reconnect.rules', 'reconnect.truth']);

/**
 * The rules phases a later session plans in full (planned as the single-session plan plans
 * them, same options), or null when the session before reached the ground rules. Only the first
 * rules phase decides; the later ones (narrative practice) come along only when also not reached.
 */
function rulesPhasesFirst(
  protocolId: string,
  ageYears: number,
  language: Language,
  options: PlanOptions,
  place: ExtendedPlace,
): PlannedPhase[] | null {
  const ids = extendedRulesPhases(protocolId);
  const missed = new Set(place.rulesPhasesNotReached ?? []);
  if (ids.length === 0 || !missed.has(ids[0]!)) return null;
  const single = planSession(protocolId, ageYears, language, {
    ...options,
    multiSession: false,
    sessionCount: undefined,
  });
  const phases = single.sessions[0]!.phases;
  return ids.filter((id) => missed.has(id)).flatMap((id) => phases.filter((p) => p.id === id));
}

/**
 * A later session whose child never had the ground rules: the protocol's full rules phases right
 * after `reconnect`, and the reconnect phase without the reminder and its checks (the full phase
 * asks for the promise and checks it). Practitioner review 11, P11-2.
 */
function withRulesPhases(session: PlannedSession, rules: PlannedPhase[]): PlannedSession {
  const at = session.phases.findIndex((p) => p.id === 'reconnect');
  const phases = session.phases.map((p) =>
    p.id === 'reconnect'
      ? {
          ...p,
          prompts: p.prompts.filter((q) => q.id !== REMINDER_PROMPT_ID),
          checklist: p.checklist.filter((c) => !REMINDER_CHECK_IDS.has(c.id)),
        }
      : p,
  );
  return { ...session, phases: [...phases.slice(0, at + 1), ...rules, ...phases.slice(at + 1)] };
}

/** The protocol's reconnect prompt that revisits an earlier session's words (every model has it). */
const REVISIT_PROMPT_ID = 'reconnect.revisit';

/**
 * One word the child said first in an earlier session (the continuity summary's topics): the
 * kept `keyword`, and the child's `phrase` around it with the child's own article ("the
 * basement", "el sótano"), or null when the child used none.
 */
export interface ReconnectTopic {
  keyword: string;
  phrase: string | null;
}

/**
 * The reconnect line of a later session ("Last time, you told me about [the child's words from
 * the last session]. Tell me more about that.") with its bracketed blank filled by the child's
 * phrase as typed ("…about the basement."), or, when the child used no article, by the kept word
 * in quotation marks ("…about “basement”."), so the line stays grammatical without Hearth adding
 * a word; and the prompt's own source. Null when the plan has no such prompt (a single session,
 * session 1) or the topic is empty. `topic` must come from the continuity summary's topics (the
 * words the child provably said first, src/interview/child-topics.ts): Hearth never fills it with
 * anything else, so the line adds no detail the child has not said.
 */
export function reconnectLine(
  plan: SessionPlan,
  topic: ReconnectTopic,
): { text: string; source: PlannedSource } | null {
  const phrase = topic.phrase?.trim();
  const keyword = topic.keyword.trim();
  if (!plan.extended || plan.extended.index < 2 || (!phrase && keyword === '')) return null;
  const words = phrase || `\u201c${keyword}\u201d`;
  for (const phase of plan.sessions.flatMap((s) => s.phases)) {
    const prompt = phase.prompts.find((p) => p.id === REVISIT_PROMPT_ID);
    if (prompt)
      return { text: prompt.text.replace(/\[[^\]]+\]/g, () => words), source: prompt.source };
  }
  return null;
}

/** The later-session rules, each citing the protocol's own source (section wording localized). */
function laterSessionRules(protocolId: string, language: Language, band: AgeBand): PlannedText[] {
  // planSession has already refused an unknown protocol or one without a multi-session model.
  const sources = protocolById(protocolId).multiSession!.laterSessionRules;
  const rules = LATER_RULE_IDS.map((id) => ({
    id,
    text: text(language, `extended.${id}`, band),
    source: planSource(sources[id]),
  }));
  return localizeSources(rules, language);
}

/**
 * How many sessions an extended interview under this protocol may plan: `{ defaultSessions,
 * maxSessions }` from its multi-session model, or null for a single-session protocol (Ten Step)
 * and an unknown id. Pure; the plan screen offers 2..maxSessions.
 */
export function extendedSessionLimits(
  protocolId: string,
): { defaultSessions: number; maxSessions: number } | null {
  try {
    const multi = protocolById(protocolId).multiSession;
    return multi
      ? { defaultSessions: multi.defaultSessions, maxSessions: multi.maxSessions }
      : null;
  } catch (error) {
    if (error instanceof ProtocolError) return null;
    throw error;
  }
}
