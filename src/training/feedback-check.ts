// Whether a stored practice feedback is the one its sealed transcript gives (red team round 15,
// R15-2). Feedback is written once, by training.finish (check-feedback.ts names a second write),
// but the first write is made by the trainee's own client: a modified one sealed perfect scores
// in her genuine finish and her trainer saw them. Every number of a feedback is re-derived from
// the sealed practice transcript (the questions are in the chain; the child is a replay of the
// scenario snapshot and seed), so the views and `vault check` recompute it and compare. The
// coach's rules change between releases; only a feedback computed by this build's rules
// (COACH_VERSION) can be recomputed, and one computed by another version is reported as such,
// never as a mismatch.
import { COACH_VERSION, type Feedback } from './feedback';

/** What the comparison found (field names only: values can quote the transcript). */
export type FeedbackCheck =
  | { verdict: 'matches' }
  | { verdict: 'older-version'; version: number }
  | { verdict: 'mismatch'; fields: string[] };

/**
 * Compares a stored feedback with the one recomputed from its sealed transcript: the top-level
 * fields that differ (in the recomputed feedback's order, then fields only the stored one has),
 * or 'older-version' when another version of the coach computed it (absent tag: version 0).
 */
export function compareFeedback(stored: Feedback, recomputed: Feedback): FeedbackCheck {
  const version = stored.coachVersion ?? 0;
  if (isOlderTag(stored.coachVersion)) return { verdict: 'older-version', version };
  // Both as stored: the record holds JSON, so undefined members and key order do not count.
  const a = plain(stored);
  const b = plain(recomputed);
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])];
  const fields = keys.filter((k) => canonical(a[k]) !== canonical(b[k]));
  return fields.length === 0 ? { verdict: 'matches' } : { verdict: 'mismatch', fields };
}

/**
 * Whether a stored coach-version tag can be an older Hearth's write (red team 16, R16-4): absent
 * (before tags) or an integer below this build's. A tag of a newer version, or one that is not an
 * integer ("1"), no Hearth that wrote this vault can have made: it is compared, so it is a
 * mismatch (the tag itself differs), never "another version's, not checked".
 */
export function isOlderTag(tag: unknown): boolean {
  return (
    tag === undefined ||
    (Number.isSafeInteger(tag) && (tag as number) >= 0 && (tag as number) < COACH_VERSION)
  );
}

/**
 * The words of a FEEDBACK_MISMATCH (session id and field names, never values), with the next
 * step for the trainer.
 */
export function feedbackMismatchReason(sessionId: string, fields: readonly string[]): string {
  return `FEEDBACK_MISMATCH: the stored feedback of practice session ${sessionId} differs from the feedback Hearth recomputes from its sealed practice transcript (${fields.join(', ')}): it was changed outside Hearth when the interview was finished, so its scores are not the trainee's. The progress view shows the recomputed scores, marked. Ask an administrator to run a vault check (it names the session) and ask the trainee which client she used.`;
}

/** The words for a feedback another version of the coach computed (not a finding of damage). */
export function olderVersionNote(sessionId: string, version: number): string {
  const which = version < COACH_VERSION ? 'an older' : 'a newer';
  return `The feedback of practice session ${sessionId} was computed by ${which} version of the coach (version ${version}; this Hearth's is ${COACH_VERSION}). Hearth cannot recompute it with that version's rules, so its scores are not re-checked against the sealed transcript.`;
}

function plain(value: Feedback): Record<string, unknown> {
  return JSON.parse(JSON.stringify(value)) as Record<string, unknown>;
}

/** JSON with object keys sorted, so that key order never counts as a difference. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v !== null && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(
          Object.entries(v as Record<string, unknown>).sort(([x], [y]) => x.localeCompare(y)),
        )
      : v,
  );
}
