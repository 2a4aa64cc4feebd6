// Listing sessions from their summary records (one read per session, never its events), and
// building the summaries a vault written before them lacks (migration 0003).
import {
  can,
  certifiedRolesByUsername,
  HearthError,
  ROLES,
  type RecordAddress,
  type Role,
} from '../vault';
import type { SessionMeta, SessionMode } from './events';
import { mayRead } from './session-access';
import type { SessionContext } from './session-context';
import { SESSION_KEY_CLASS } from './session-class';
import { SESSION_KIND, SUMMARY_KIND, summaryAddress } from './session-records';
import { toSummary, type SessionSummary, type StoredSummary } from './session-summary';
import { summaryDiffers } from './summary-check';
import { summaryEverWritten } from './event-anchor';

/**
 * A session as the listing shows it: its summary without the child's keywords and without the
 * fields only the event chain holds. The listing reads one summary record per session (issue
 * #22) and cannot check those against the chain: a colleague's genuine addendum once listed a
 * keyword the child never said (red team 15, R15-4), and a forged recording start, phase, break
 * and pause stayed listed until an admin restored (R16-6). `sessions.get` folds the chain and
 * gives them. The title and speaker mapping are taken from the session record the
 * listing reads anyway (R12-1), not from the summary.
 */
export type ListedSession = Omit<SessionSummary, (typeof CHAIN_ONLY_FIELDS)[number]>;

/** Summary fields the session record does not hold: the listing leaves them out (R15-4, R16-6). */
const CHAIN_ONLY_FIELDS = [
  'keywords',
  'recordingStartedAt',
  'currentPhaseId',
  'onBreak',
  'paused',
] as const;

/** The summary as listed: chain-only fields dropped. */
function listed(summary: SessionSummary): ListedSession {
  const out: Partial<SessionSummary> = { ...summary };
  for (const field of CHAIN_ONLY_FIELDS) delete out[field];
  return out as ListedSession;
}

/**
 * The describing fields the session record holds, over the summary's (R16-6): the record is the
 * authoritative one (its seal covers it); a summary's own title could hold words the child never
 * said.
 */
function fromRecord(summary: SessionSummary, meta: SessionMeta): SessionSummary {
  // Plan choices stay the summary's, folded from the chain's start event: a session record
  // rewritten with other choices (a forged putative-confession decision) must not show in the
  // listing either (session-record-rewrite test); verify and check name the rewrite.
  const { title: _t, speakerMapping: _s, ...rest } = summary;
  return {
    ...rest,
    ...(meta.title !== undefined ? { title: meta.title } : {}),
    ...(meta.speakerMapping !== undefined ? { speakerMapping: meta.speakerMapping } : {}),
    startedAt: meta.startedAt,
    ...(meta.sealedAt !== undefined ? { sealedAt: meta.sealedAt } : {}),
  };
}

/** A session listing: the sessions shown, and the ids of sessions that could not be read. */
export interface SessionListing {
  sessions: ListedSession[];
  /**
   * Sessions of the listed places whose record or summary fails authentication, or whose clear
   * kind was edited (red team 25, R25-1 B and E): shown as unreadable rather than left out.
   */
  unreadable: string[];
  /**
   * The same ids by the place they were listed under (a case id, or a mode), only for places
   * holding one: the Cases screen marks the case's own row, so staff do not read a case whose
   * interview cannot be read as one never interviewed.
   */
  unreadableByPlace: Record<string, string[]>;
}

/** SessionService.list: see there. */
export function listSessions(
  ctx: SessionContext,
  filter: {
    caseId?: string;
    caseIds?: readonly string[];
    mode?: SessionMode;
    trainee?: string;
  },
): SessionListing {
  const user = ctx.user();
  // Live sessions are stored under their case; practice and review sessions under their mode.
  const byMode = filter.mode && filter.mode !== 'live' ? filter.mode : undefined;
  const cases = [...(filter.caseId ? [filter.caseId] : []), ...(filter.caseIds ?? [])];
  const containers: Array<string | undefined> =
    cases.length > 0
      ? [...new Set(cases)]
      : [byMode ?? (user.role === 'trainer' ? 'practice' : undefined)];
  const target = filter.caseId ?? (cases.length === 1 ? cases[0] : undefined);
  let roles: Map<string, Set<string>> | undefined;
  const rolesOf = (username: string): Set<string> | undefined =>
    (roles ??= certifiedRolesByUsername(ctx.vault.records)).get(username);
  return ctx.vault.read(
    'sessions.list',
    target,
    () => {
      const read = containers.map((container) => readSummaries(ctx, container));
      const sessions = read
        .flatMap((r) => r.summaries)
        .filter((m) => (filter.mode ? m.mode === filter.mode : true))
        .filter((m) => (filter.trainee ? m.interviewer === filter.trainee : true))
        .filter((m) => mayRead(ctx.vault, m))
        .filter((m) => startedByCaseWriter(m, rolesOf))
        .map(listed)
        .sort(
          (a, b) =>
            a.startedAt.localeCompare(b.startedAt) || a.sessionId.localeCompare(b.sessionId),
        );
      const unreadable = [...new Set(read.flatMap((r) => r.unreadable))].sort();
      const unreadableByPlace: Record<string, string[]> = {};
      containers.forEach((container, i) => {
        const ids = read[i]?.unreadable ?? [];
        if (container !== undefined && ids.length > 0) unreadableByPlace[container] = ids;
      });
      return { sessions, unreadable, unreadableByPlace };
    },
    (result) => ({
      count: result.sessions.length,
      unreadable: result.unreadable.length,
      ...(cases.length > 1 ? { cases: cases.length } : {}),
    }),
  );
}

/**
 * The summaries of every session in a container (all containers when undefined) that this
 * sign-in can decrypt. A summary that is missing or fails authentication is not trusted: that
 * session is read from its events, which throws TAMPERED if they were altered. Nor is one that
 * does not sit beside its session record or says otherwise than it about the case, mode, room,
 * status or interviewer (red team round 12, R12-1: a colleague's one summary write listed a
 * sealed interview as another child's active one); the record costs one more small read per
 * session. A session is listed only in its own place (its case, or its mode).
 */
function readSummaries(
  ctx: SessionContext,
  container: string | undefined,
): { summaries: SessionSummary[]; unreadable: string[] } {
  const out = new Map<string, SessionSummary>();
  const records = new Map<string, { meta: SessionMeta; containerId: string }>();
  // Sessions whose record or summary does not open (a flipped byte, its clear kind edited):
  // listed as unreadable unless read whole from its events below (R25-1 B, E). Before, they
  // were left out: an interview vanished from its case's list with no notice.
  const damaged = new Set<string>();
  const sessionRecords = ctx.vault.records.list<SessionMeta>(SESSION_KIND, container);
  for (const id of sessionRecords.unreadable) damaged.add(id);
  for (const { address, value } of sessionRecords.records)
    if (address.recordId === value.sessionId)
      records.set(value.sessionId, { meta: value, containerId: address.containerId });
  // Summaries none of which an index edit leaves out (listAccounted: records_by_kind once its
  // count matched the primary key's under 'summary:' this sign-in, else the primary key): an
  // index rebuilt outside Hearth to leave a session's record and summary out hid it from its
  // case's list (sec55, R24-10's kind). A session whose record the index left out is read by id.
  const summaries = ctx.vault.records.listAccounted<StoredSummary>(
    SUMMARY_KIND,
    'summary:',
    container,
  );
  for (const id of summaries.unreadable) damaged.add(id.slice('summary:'.length));
  for (const { address, value } of summaries.records) {
    if (address.recordId !== `summary:${value.sessionId}`) continue;
    // Only a summary where the session's own summary lives (its container, its mode's class
    // key) is trusted; any other is read from the events, which refuse a session made under
    // another class's key (R12-8: a trainer's "live" interview under the practice key).
    if (!whereItsOwnLives(address, value)) continue;
    if (!records.has(value.sessionId)) {
      const found = openSessionRecord(ctx, value.sessionId);
      if (found) records.set(value.sessionId, found);
      // A sound summary whose session record does not open (its byte flipped, its kind edited,
      // R25-1 B and E): the session exists and cannot be read.
      else if (found === null) damaged.add(value.sessionId);
    }
    const own = records.get(value.sessionId);
    if (!own || own.containerId !== address.containerId) continue;
    if (summaryDiffers(value, own.meta).length > 0) continue;
    const { head: _head, ...summary } = value;
    out.set(value.sessionId, fromRecord(summary, own.meta));
  }
  for (const sessionId of ctx.vault.records.listIds(SESSION_KIND, container)) {
    if (out.has(sessionId)) continue;
    let meta: SessionMeta;
    try {
      meta = ctx.readMeta(sessionId);
    } catch (error) {
      // Metadata under a key this sign-in lacks is not its to list; metadata that fails
      // authentication is listed as unreadable (R25-1 B), not left out.
      if (error instanceof HearthError && error.code === 'FORBIDDEN') continue;
      if (error instanceof HearthError && error.code === 'TAMPERED') {
        damaged.add(sessionId);
        continue;
      }
      throw error;
    }
    if (!mayRead(ctx.vault, meta)) continue;
    let loaded: ReturnType<SessionContext['load']>;
    try {
      loaded = ctx.load(sessionId);
    } catch (error) {
      // Made outside Hearth under another class's key (R12-8): not listed; `vault check` names it.
      if (error instanceof HearthError && error.details.reason === SESSION_KEY_CLASS) continue;
      throw error;
    }
    out.set(sessionId, toSummary(loaded.state, loaded.plan));
  }
  // Its place is its case (a live or imported session) or its mode, as its start says.
  return {
    summaries: [...out.values()].filter(
      (s) => container === undefined || (s.caseId ?? s.mode) === container,
    ),
    unreadable: [...damaged].filter((id) => !out.has(id)).sort(),
  };
}

/**
 * A session record read by its id (the primary key), with its container; undefined when it is
 * missing or does not open for this sign-in (no key); null when it is there but damaged (fails
 * authentication, or is not stored as that session's record).
 */
function openSessionRecord(
  ctx: SessionContext,
  sessionId: string,
): { meta: SessionMeta; containerId: string } | undefined | null {
  try {
    const found = ctx.vault.records.get<SessionMeta>(sessionId);
    if (!found) return undefined;
    if (found.address.kind !== SESSION_KIND || found.value.sessionId !== sessionId) return null;
    return { meta: found.value, containerId: found.address.containerId };
  } catch (error) {
    if (error instanceof HearthError && error.code === 'FORBIDDEN') return undefined;
    if (error instanceof HearthError && error.code === 'TAMPERED') return null;
    throw error;
  }
}

/**
 * Whether a live session's interviewer was ever certified in a role that writes cases (red team
 * 12, R12-8 residual; sec27). A reviewer holds the case key, so her modified client can make a
 * live interview with every record under the right key; `sessions.verify` and `vault check` name
 * its start (AUDIT_AUTHOR_NOT_ALLOWED) and the listing now agrees by leaving it out. Every role
 * the name was ever certified in counts (a former interviewer's sessions stay listed); a name
 * with no certificate at all (before the centre key) is left to verify's authorship check.
 */
function startedByCaseWriter(
  s: Pick<SessionSummary, 'mode' | 'interviewer'>,
  rolesOf: (username: string) => Set<string> | undefined,
): boolean {
  if (s.mode !== 'live') return true;
  const held = rolesOf(s.interviewer);
  if (held === undefined) return true;
  return [...held].some((r) => isRole(r) && can(r, 'cases.write'));
}

function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

/** Whether a summary is stored where its session's own summary lives (summaryAddress). */
function whereItsOwnLives(address: RecordAddress, value: StoredSummary): boolean {
  const own = summaryAddress(value as unknown as SessionMeta, address.seq);
  return (
    address.containerId === own.containerId && address.keyRef.replace(/@\d+$/, '') === own.keyRef
  );
}

/** SessionService.buildMissingSummaries: see there. */
export function buildMissingSummaries(ctx: SessionContext): {
  built: number;
  remaining: number;
  deleted: string[];
} {
  ctx.user();
  let built = 0;
  let remaining = 0;
  const deleted: string[] = [];
  for (const sessionId of ctx.vault.records.listIds(SESSION_KIND)) {
    if (ctx.vault.records.seqOf(`summary:${sessionId}`) !== undefined) continue;
    try {
      const meta = ctx.readMeta(sessionId);
      if (!mayRead(ctx.vault, meta)) {
        remaining++;
        continue;
      }
      // A summary the audit log wrote was deleted, not never built (R26-7 follow-on): it is
      // not rebuilt from the events, which would hide the deletion and any events deleted with
      // it. It stays missing (vault check names it RECORD_MISSING; writes are refused).
      if (summaryEverWritten(ctx.vault, sessionId)) {
        deleted.push(sessionId);
        continue;
      }
      const loaded = ctx.readLoaded(sessionId);
      ctx.vault.write('sessions.summaryBuilt', sessionId, (put) => ctx.putSummary(loaded, put));
      built++;
    } catch (error) {
      if (!(error instanceof HearthError)) throw error;
      remaining++;
    }
  }
  return { built, remaining, deleted };
}
