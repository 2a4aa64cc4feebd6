// Guidance for one session of an extended (multi-session) forensic interview: "session k of n",
// the phases this session plans (from the protocol's multi-session layout) and the rules for
// later sessions. Pure: the session service supplies which sessions are linked and what each
// covered (src/interview/extended.ts).
import { text } from './catalog';
import { ProtocolError } from './errors';
import { planSession } from './plan';
import { planSource, src } from './sources';
import type { Language, PlannedText } from './types';

/** Catalog keys of the later-session rules (localized; each cites its source below). */
export const EXTENDED_RULE_KEYS = [
  'extended.rapportAgain',
  'extended.noRepeat',
  'extended.followDisclosure',
] as const;

/**
 * NCAC's extended forensic interview: several sessions, each re-engaging the child; a later
 * session builds on what the child said, it does not ask again what the child already answered.
 * NCAC's EFI material was read only in its public description (sources.ts 'ncac-efi', checked:
 * secondary); the no-repeat rule is also in the OJJDP bulletin (Newlin et al. 2015).
 */
const EFI_LATER = src(
  'ncac-efi',
  'Later sessions: re-engaging the child, building on earlier sessions',
  ['newlin-2015'],
);

export interface ExtendedSessionGuidance {
  /** 1-based position of this session in the extended interview. */
  index: number;
  planned: number;
  /** The protocol's one-line focus for this session ("Middle session: reconnect, ..."). */
  focus: string;
  /** The phases this session plans, in order (ids and localized titles). */
  phases: Array<{ id: string; title: string; onlyIfDisclosed: boolean }>;
  /** Rules for sessions after the first (empty for the first session). */
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
    rules:
      index === 1
        ? []
        : EXTENDED_RULE_KEYS.map((key) => ({
            id: key.replace(/^extended\./, ''),
            text: text(language, key, band),
            source: planSource(EFI_LATER),
          })),
  };
}
