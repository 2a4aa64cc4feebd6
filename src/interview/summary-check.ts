// Whether a session's stored summary says what its session says (red team round 12, R12-1). The
// summary (`summary:<session>`) is the listing record and the per-session verify anchor; every
// holder of the session's class key can rewrite it. A colleague's one summary write (under the
// action 'sessions.addAddendum', which the write-once rule used to excuse) listed a sealed
// interview of one child as an active interview of another child in another room, and every
// check was clean. The listing now trusts a summary only when it agrees with the session record
// (one more small record read per session), and `sessions.verify` and `vault check` compare it
// with the sealed start and the chain (RECORD_REWRITTEN, naming the summary's fields).
import { ageBandFor } from '../protocols/age-bands';
import type { SessionMeta } from './events';
import type { SessionSummary } from './session-summary';

/** The summary fields that place and describe a session in a listing, in this order in findings. */
const SUMMARY_FIELDS = ['caseId', 'mode', 'room', 'status', 'interviewer'] as const;
/**
 * The listed fields copied from the session's start and record (toSummary) that a genuine
 * addendum entry could still carry changed (red team round 14, R14-6: date, protocol, language,
 * age and observers): compared whenever the truth given holds them (the session record always;
 * the sealed start for protocol, language and age).
 */
const DESCRIBING_FIELDS = [
  'protocolId',
  'language',
  'ageYears',
  'observers',
  'startedAt',
  'sealedAt',
] as const;
export type SummaryField =
  | (typeof SUMMARY_FIELDS)[number]
  | (typeof DESCRIBING_FIELDS)[number]
  | 'ageBand';

/** What a session is, as its start, chain or record says: the fields a summary must repeat. */
export type SummaryTruth = Pick<SessionMeta, 'mode' | 'interviewer'> & {
  caseId?: string | undefined;
  room?: string | undefined;
  status: 'active' | 'sealed';
} & Partial<Pick<SessionMeta, (typeof DESCRIBING_FIELDS)[number]>>;

/**
 * The fields (names, in SUMMARY_FIELDS then DESCRIBING_FIELDS order) in which `summary` differs
 * from `truth`; empty when they agree. An absent field equals an absent field (a practice session
 * has no case). A describing field is compared only when `truth` has it (the session record has
 * all of them; the sealed start the plan inputs); the age band with the band of the true age.
 */
export function summaryDiffers(
  summary: Pick<SessionSummary, SummaryField>,
  truth: SummaryTruth,
): SummaryField[] {
  const out: SummaryField[] = SUMMARY_FIELDS.filter(
    (field) => (summary[field] ?? '') !== (truth[field] ?? ''),
  );
  for (const field of DESCRIBING_FIELDS) {
    if (!(field in truth)) continue;
    if (JSON.stringify(summary[field] ?? '') !== JSON.stringify(truth[field] ?? ''))
      out.push(field);
  }
  if (truth.ageYears !== undefined && summary.ageBand !== bandOf(truth.ageYears))
    out.push('ageBand');
  return out;
}

/** The age band Hearth lists for an age ('' where no protocol band covers it), as toSummary. */
function bandOf(ageYears: number): string {
  try {
    return ageBandFor(ageYears);
  } catch {
    return '';
  }
}

/** The words of a RECORD_REWRITTEN finding about a summary (field names only, never values). */
export function summaryRewrittenReason(fields: readonly string[]): string {
  return `the session summary's ${fields.join(', ')} differ from what the session's start and chain say: the summary (the listing record) was rewritten outside Hearth (RECORD_REWRITTEN). Hearth lists such a session from its events; tell an administrator.`;
}
