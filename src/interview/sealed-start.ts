// The plan inputs of a session as its start sealed them (red team round 10, R10-11). The session
// record (SessionMeta) is a rewritable copy: a colleague's modified client rewrote only the
// record of a live Ten Step interview, adding a forged putative-confession team decision, and
// the interviewer's plan then offered those prompts while `sessions.verify` and `vault check`
// stayed clean. The `session-started` event (event 1) carries the same inputs under the chain
// and the audit signature, so the app plans a live session from it, and the checks name a
// record that says otherwise.
import type { SessionEvent, SessionMeta } from './events';

type StartEvent = Extract<SessionEvent, { type: 'session-started' }>;

/** The inputs of the plan the start seals: protocol, age, language and the plan screen's options. */
const PLAN_INPUTS = ['protocolId', 'ageYears', 'language', 'planOptions'] as const;

/** Event 1 when it is the session's start; undefined for an empty or malformed chain. */
export function sealedStartOf(
  events: ReadonlyArray<SessionEvent> | SessionEvent | undefined,
): StartEvent | undefined {
  const first = Array.isArray(events) ? (events as SessionEvent[])[0] : (events as SessionEvent);
  return first?.seq === 1 && first.type === 'session-started' ? first : undefined;
}

/**
 * `meta` with its plan inputs replaced by the ones `start` sealed (the record's `planOptions`
 * dropped when the start has none: sessions started before plan options were sealed plan
 * without them, as they did). `meta` unchanged when there is no sealed start.
 */
export function metaFromStart(meta: SessionMeta, start: StartEvent | undefined): SessionMeta {
  if (!start || recordDiffersFromStart(meta, start).length === 0) return meta;
  const { planOptions: _record, ...rest } = meta;
  return {
    ...rest,
    protocolId: start.protocolId,
    ageYears: start.ageYears,
    language: start.language,
    ...(start.planOptions ? { planOptions: start.planOptions } : {}),
  };
}

/**
 * The plan inputs (field names, in PLAN_INPUTS order) in which the session record `meta` differs
 * from its sealed start; empty when they agree or there is no sealed start. Compared by value,
 * whatever the key order.
 */
export function recordDiffersFromStart(
  meta: SessionMeta,
  start: StartEvent | undefined,
): Array<(typeof PLAN_INPUTS)[number]> {
  if (!start) return [];
  return PLAN_INPUTS.filter((field) => canonical(meta[field]) !== canonical(start[field]));
}

/** JSON with object keys sorted (undefined as ''), so equal values compare equal. */
function canonical(value: unknown): string {
  if (value === undefined) return '';
  return JSON.stringify(value, (_key, v: unknown) =>
    v !== null && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(
          Object.entries(v as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)),
        )
      : v,
  );
}
