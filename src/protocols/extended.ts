// Guidance for one session of an extended (multi-session) forensic interview: "session k of n",
// the phases this session plans (from the protocol's multi-session layout) and the rules for
// later sessions. Pure: the session service supplies which sessions are linked and what each
// covered (src/interview/extended.ts).
import { text } from './catalog';
import { ProtocolError } from './errors';
import { localizeSources, planSession, protocolById } from './plan';
import { planSource, type PlannedSource } from './sources';
import type { AgeBand, Language, LaterSessionRuleId, PlannedText } from './types';

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
