// Whether a session's stored summary says what its session says (red team round 12, R12-1). The
// summary (`summary:<session>`) is the listing record and the per-session verify anchor; every
// holder of the session's class key can rewrite it. A colleague's one summary write (under the
// action 'sessions.addAddendum', which the write-once rule used to excuse) listed a sealed
// interview of one child as an active interview of another child in another room, and every
// check was clean. The listing now trusts a summary only when it agrees with the session record
// (one more small record read per session), and `sessions.verify` and `vault check` compare it
// with the sealed start and the chain (RECORD_REWRITTEN, naming the summary's fields).
//
// A field list was not enough (red team 15, R15-4): a colleague's genuine addendum carried a
// summary with a forged recording start, keywords (words the child never said, in the case's
// listing), title, phase, break and pause, none of them on the list. `sessions.verify` and
// `vault check` now recompute the whole summary from the chain and record (summaryMismatch: every
// field, whatever fields are added later). The listing cannot (issue #22: one summary read per
// session, never the events): it compares what the session record holds (summaryDiffers) and
// shows no keywords at all (session-listing.ts).
import { ageBandFor } from '../protocols/age-bands';
import type { SessionMeta } from './events';
import type { SessionSummary, StoredSummary } from './session-summary';

/** The summary fields that place and describe a session in a listing, in this order in findings. */
const SUMMARY_FIELDS = ['caseId', 'mode', 'room', 'status', 'interviewer'] as const;
/**
 * The listed fields the session record (and the sealed start) also hold (red team round 14,
 * R14-6: date, protocol, language, age and observers): what the listing can compare with the
 * one record it reads beside the summary. `sessions.verify` and `vault check` compare every
 * field (summaryMismatch).
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
  (typeof SUMMARY_FIELDS)[number] | (typeof DESCRIBING_FIELDS)[number] | 'ageBand';

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

/**
 * Every field in which a stored summary differs from the summary recomputed from its session's
 * chain and record (toSummary of the folded session: R15-4), by name, in the recomputed
 * summary's order and then fields only the stored one has; empty when they agree. `head` is not
 * compared here: it is the verify anchor, which the chain check compares with the chain.
 */
export function summaryMismatch(stored: StoredSummary, recomputed: SessionSummary): string[] {
  const { head: _head, ...rest } = stored;
  const a = JSON.parse(JSON.stringify(rest)) as Record<string, unknown>;
  const b = JSON.parse(JSON.stringify(recomputed)) as Record<string, unknown>;
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])];
  return keys.filter((k) => canonical(a[k]) !== canonical(b[k]));
}

/** JSON with object keys sorted (key order is not a difference). */
function canonical(value: unknown): string {
  return JSON.stringify(value ?? null, (_key, v: unknown) =>
    v !== null && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(
          Object.entries(v as Record<string, unknown>).sort(([x], [y]) => x.localeCompare(y)),
        )
      : v,
  );
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
  return `the session summary's ${fields.join(', ')} differ from what the session's start and chain say: the summary (the listing record) was rewritten outside Hearth (RECORD_REWRITTEN). The interview screens, verify and exports read the chain, and the case listing shows no keywords; its other columns may show the rewritten values until an administrator restores the newest backup. Tell an administrator.`;
}
