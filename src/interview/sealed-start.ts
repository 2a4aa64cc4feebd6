// What a session's start sealed (red team rounds 10 and 11). The session record (SessionMeta)
// is a rewritable copy: in round 10 a colleague's modified client rewrote only the record of a
// live Ten Step interview (R10-11, a forged plan input); in round 11 a colleague or a reviewer
// rewrote a sealed record's caseId, room and observers, and the export presented the sealed
// interview of one child as another child's, with every check clean (R11-1); one more record
// write (`mode: "practice"`) made a sealed interview unexportable for good (R11-2). The
// `session-started` event (event 1) carries every one of these fields under the chain and the
// audit signature, so the app plans, shows and exports a session from it, and the checks name a
// record that says otherwise.
import type { Observer, SealedObserver, SessionEvent, SessionMeta } from './events';

type StartEvent = Extract<SessionEvent, { type: 'session-started' }>;

/** The inputs of the plan the start seals: protocol, age, language and the plan screen's options. */
const PLAN_INPUTS = ['protocolId', 'ageYears', 'language', 'planOptions'] as const;
/**
 * Every record field the start seals (R11-1, R11-2): which case (and so which child, and whether
 * the plan is allegation-blind), the mode (only live sessions are evidence), the room and the
 * observers, then the plan inputs. In this order in findings.
 */
const SEALED_FIELDS = ['caseId', 'mode', 'room', 'observers', ...PLAN_INPUTS] as const;
export type SealedField = (typeof SEALED_FIELDS)[number];

/** Event 1 when it is the session's start; undefined for an empty or malformed chain. */
export function sealedStartOf(
  events: ReadonlyArray<SessionEvent> | SessionEvent | undefined,
): StartEvent | undefined {
  const first = Array.isArray(events) ? (events as SessionEvent[])[0] : (events as SessionEvent);
  return first?.seq === 1 && first.type === 'session-started' ? first : undefined;
}

/**
 * `meta` with every sealed field replaced by what `start` sealed (a field the start does not
 * hold is dropped: sessions started before plan options were sealed plan without them, as they
 * did). Observers come from the start: a name in the clear (sessions started before name
 * commitments) as sealed; a committed name from `names` (the session's name records, digest to
 * name, checked against the digest when read), else from the record's observer at the same place
 * when the record agrees with the start there, else none. `meta` unchanged without a start.
 */
export function metaFromStart(
  meta: SessionMeta,
  start: StartEvent | undefined,
  names?: ReadonlyMap<string, string>,
): SessionMeta {
  if (!start) return meta;
  const {
    caseId: _caseId,
    room: _room,
    planOptions: _planOptions,
    observers: recordObservers,
    ...rest
  } = meta;
  return {
    ...rest,
    ...(start.caseId !== undefined ? { caseId: start.caseId } : {}),
    mode: start.mode,
    ...(start.room !== undefined ? { room: start.room } : {}),
    observers: observersFromStart(start.observers, recordObservers, names),
    protocolId: start.protocolId,
    ageYears: start.ageYears,
    language: start.language,
    ...(start.planOptions ? { planOptions: start.planOptions } : {}),
  };
}

/** The observers as `start` sealed them, names as metaFromStart says. */
function observersFromStart(
  sealed: readonly SealedObserver[],
  record: readonly Observer[],
  names: ReadonlyMap<string, string> | undefined,
): Observer[] {
  const agrees = canonical(record.map(shapeOfRecorded)) === canonical(sealed.map(shapeOfSealed));
  return sealed.map(({ name, nameCommitment, ...rest }, i) => {
    const shown =
      name ??
      (nameCommitment === undefined
        ? undefined
        : (names?.get(nameCommitment) ?? (agrees ? record[i]?.name : undefined)));
    return shown !== undefined ? { ...rest, name: shown } : rest;
  });
}

/** An observer of the record with its name reduced to "named or not" (digests hide the name). */
function shapeOfRecorded({ name, ...rest }: Observer): Record<string, unknown> {
  return { ...rest, named: name !== undefined };
}

/** A sealed observer with its name reduced the same way (a clear legacy name is compared apart). */
function shapeOfSealed({ name, nameCommitment, ...rest }: SealedObserver): Record<string, unknown> {
  return { ...rest, named: name !== undefined || nameCommitment !== undefined };
}

/**
 * The sealed fields (names, in SEALED_FIELDS order) in which the session record `meta` differs
 * from its sealed start; empty when they agree or there is no sealed start. Compared by value,
 * whatever the key order. Observers are compared by role, details and whether each is named; a
 * committed name itself is compared only when `names` (the session's name records) is given,
 * and a clear legacy name always.
 */
export function recordDiffersFromStart(
  meta: SessionMeta,
  start: StartEvent | undefined,
  names?: ReadonlyMap<string, string>,
): SealedField[] {
  if (!start) return [];
  return SEALED_FIELDS.filter((field) => {
    if (field !== 'observers') return canonical(meta[field]) !== canonical(start[field]);
    const recorded = meta.observers ?? [];
    if (canonical(recorded.map(shapeOfRecorded)) !== canonical(start.observers.map(shapeOfSealed)))
      return true;
    return start.observers.some(({ name, nameCommitment }, i) => {
      const sealedName =
        name ?? (nameCommitment !== undefined ? names?.get(nameCommitment) : undefined);
      return sealedName !== undefined && recorded[i]?.name !== sealedName;
    });
  });
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
