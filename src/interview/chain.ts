// The session hash chain. h0 = sha256("hearth.session-chain.v1" NUL session id). Each session
// declares its version in event 1 (`chain: N`; absent: 1).
// Version 3 (sessions started since the security review) commits each event's kind in its link:
//   d(i) = sha256(JCS(event i)),  k(i) = JCS({"type": event type, "kind": note kind if a note}),
//   h(i) = sha256(h(i-1) || k(i) || d(i))   (h and d raw 32-byte values, k UTF-8 bytes)
// so an export that withholds an event gives (type, kind, digest) and the kind is proven by the
// seal: an exporter cannot relabel a withheld child note as a team note.
// Version 2 linked the digest only, h(i) = sha256(h(i-1) || d(i)): a withheld event's kind is
// the exporter's label there. Version 1 (oldest) linked the event bytes:
//   h(i) = sha256(h(i-1) || JCS(event i)), and nothing can be withheld.
// JCS is RFC 8785. Sealing signs the head; verification recomputes it, so any change to any
// event, or a missing one, shows.
import { sha256 } from '../crypto';
import { certifiedSignersOf, jcs, recordsAuthorshipProblem, toHex, type Vault } from '../vault';

const encoder = new TextEncoder();

export function genesisHash(sessionId: string): string {
  return toHex(sha256(`hearth.session-chain.v1\u0000${sessionId}`));
}

export type ChainVersion = 1 | 2 | 3;
export const CURRENT_CHAIN_VERSION = 3;

/** The chain version a session declares in its first event (absent: 1). */
export function chainVersionOf(
  firstEvent: { type: string; chain?: unknown } | undefined,
): ChainVersion {
  if (firstEvent?.type !== 'session-started') return 1;
  return firstEvent.chain === 3 ? 3 : firstEvent.chain === 2 ? 2 : 1;
}

/** What a version-3 link commits to besides the digest: the event type and, for a note, its kind. */
export interface EventKind {
  type: string;
  kind?: string;
}

/** The kind of an event as its version-3 link commits to it (and as an export shows it withheld). */
export function eventKindOf(event: { type: string; kind?: unknown }): EventKind {
  return event.type === 'note' && typeof event.kind === 'string'
    ? { type: event.type, kind: event.kind }
    : { type: event.type };
}

/** Version 3 link from a kind and a digest: what a verifier does for a withheld event. */
export function linkKindDigest(previousHex: string, kind: EventKind, digestHex: string): string {
  const label =
    kind.kind === undefined ? { type: kind.type } : { type: kind.type, kind: kind.kind };
  return toHex(
    sha256(
      Buffer.concat([
        Buffer.from(previousHex, 'hex'),
        encoder.encode(jcs(label)),
        Buffer.from(digestHex, 'hex'),
      ]),
    ),
  );
}

/** d(i): hex SHA-256 of the event's RFC 8785 form. */
export function eventDigest(event: unknown): string {
  return toHex(sha256(encoder.encode(jcs(event))));
}

/** Version 2 link from a digest: what a verifier does for an event an export withheld. */
export function linkDigest(previousHex: string, digestHex: string): string {
  return toHex(
    sha256(Buffer.concat([Buffer.from(previousHex, 'hex'), Buffer.from(digestHex, 'hex')])),
  );
}

/** While `withChainMemo` runs: per event object, the last link nextHash computed from it. */
let chainMemo:
  WeakMap<object, { previousHex: string; version: ChainVersion; next: string }> | undefined;

/**
 * Runs `fn` with nextHash remembering, per event object, the link it computed (from which head,
 * under which version) and answering the same question again from memory. For `vault check`'s
 * seal stream (seal-stream.ts), which recomputes one session's chain twice from the same
 * decrypted event objects, unchanged in between (the summary's fold, then the seal's
 * verification; perf25: each pass about 5% of a check's CPU). A different head or version
 * computes again, so a memo never answers for another chain. Nests; forgotten when `fn` returns.
 */
export function withChainMemo<T>(fn: () => T): T {
  const outer = chainMemo;
  chainMemo = new WeakMap();
  try {
    return fn();
  } finally {
    chainMemo = outer;
  }
}

/**
 * h(i) from h(i-1) (hex) and event i under the session's chain version (see the top of this
 * file); remembered within withChainMemo.
 */
export function nextHash(
  previousHex: string,
  event: { type: string; kind?: unknown },
  version: ChainVersion = CURRENT_CHAIN_VERSION,
): string {
  if (!chainMemo) return computeNextHash(previousHex, event, version);
  const known = chainMemo.get(event);
  if (known && known.previousHex === previousHex && known.version === version) return known.next;
  const next = computeNextHash(previousHex, event, version);
  chainMemo.set(event, { previousHex, version, next });
  return next;
}

function computeNextHash(
  previousHex: string,
  event: { type: string; kind?: unknown },
  version: ChainVersion,
): string {
  if (version === 3) return linkKindDigest(previousHex, eventKindOf(event), eventDigest(event));
  if (version === 2) return linkDigest(previousHex, eventDigest(event));
  return toHex(
    sha256(Buffer.concat([Buffer.from(previousHex, 'hex'), encoder.encode(jcs(event))])),
  );
}

/** An event written into a live interview by someone other than its interviewer (R8-D). */
export interface ForeignEvent {
  /** The event's sequence number in the session chain. */
  seq: number;
  /** Username of the staff member whose certified key signed the event's audit entry. */
  by: string;
}

/**
 * The exact bytes the interviewer signs when sealing. `hearth.seal.v1` when every event before
 * the seal is the interviewer's own (every seal before red team round 8, byte for byte);
 * `hearth.seal.v2` when the seal names events others wrote (`foreignEvents`, ascending seq, never
 * empty): the interviewer's signature then states which events are not theirs (R8-D).
 */
export function sealStatement(input: {
  sessionId: string;
  head: string;
  eventCount: number;
  sealedAt: string;
  signer: string;
  signerPublicKey: string;
  foreignEvents?: ReadonlyArray<ForeignEvent> | undefined;
}): Uint8Array {
  const { foreignEvents, ...v1 } = input;
  if (foreignEvents === undefined || foreignEvents.length === 0)
    return encoder.encode(`hearth.seal.v1\n${jcs(v1)}`);
  const named = foreignEvents.map((f) => ({ seq: f.seq, by: f.by }));
  return encoder.encode(`hearth.seal.v2\n${jcs({ ...v1, foreignEvents: named })}`);
}

/** The exact bytes an addendum's author signs. */
export function addendumStatement(input: {
  sessionId: string;
  seq: number;
  at: string;
  author: string;
  text: string;
  head: string;
}): Uint8Array {
  return encoder.encode(`hearth.addendum.v1\n${jcs(input)}`);
}

/**
 * A session's events checked against their authors' signed audit entries, found through the
 * audit index (see src/vault/authorship.ts): `{ ok: true, signers }`, or the first event that is
 * not what its author wrote, with the reason. `events`: the session's events as read.
 * `interviewer`: who started the session (`interviewerOfChain`). An event whose `by` names
 * someone other than the certified signer of its entry is accepted when that signer is not the
 * interviewer: a colleague's modified client wrote it claiming to be someone else (red team
 * round 9, R9-7), and refusing would let any colleague make a live interview unsealable; the
 * event is then the signer's (`signers`: seq -> certified signer, only for such events), named as
 * foreign by `foreignEventsOf`. The interviewer's own entries must name her (else TAMPERED: only
 * her own client can write them), and so must event 1, the session's start: a start is never
 * another's, so one whose `by` is not its certified signer is TAMPERED (red team round 10,
 * R10-16: a colleague ran a whole interview under the interviewer's name). This covers live (unsealed) sessions, whose events have no
 * seal yet; its cost depends on the session's length only, not on the vault's.
 */
export function authorshipVerdict(
  vault: Vault,
  sessionId: string,
  events: ReadonlyArray<{ seq: number; by: string }>,
  interviewer?: string,
  /** How signers are found (default the vault's certified lookup): lets a caller see roles too. */
  lookup?: Parameters<typeof recordsAuthorshipProblem>[3],
): { ok: boolean; firstBadEvent?: number; reason?: string; signers: Map<number, string> } {
  const authors = new Map(events.map((e) => [e.seq, e.by]));
  const signers = new Map<number, string>();
  const problem = recordsAuthorshipProblem(
    vault,
    sessionId,
    (seq) => authors.get(seq),
    lookup,
    (seq, signer) => {
      if (seq === 1 || interviewer === undefined || signer === interviewer) return false;
      signers.set(seq, signer);
      return true;
    },
  );
  if (!problem) return { ok: true, signers };
  return {
    ok: false,
    firstBadEvent: problem.recordSeq,
    reason: `event ${problem.recordSeq} ${problem.reason}`,
    signers,
  };
}

/**
 * Who runs a session: the writer of its first event, `session-started`, which is written once
 * with the session and whose writer is the certified signer of `sessions.start` (red team round
 * 9, R9-3). The session record's `interviewer` is a copy that a colleague's modified client can
 * rewrite (R9-2); this is not. Undefined when the chain does not start with the session's start.
 */
export function interviewerOfChain(
  events: ReadonlyArray<{ type: string; by: string }>,
): string | undefined {
  const first = events[0];
  return first?.type === 'session-started' ? first.by : undefined;
}

/**
 * Whether `event` is the session's seal: a `sealed` event written by the interviewer, whose
 * signer field names her too (`by === signer === interviewer`). A `sealed` event anyone else
 * wrote into the live interview (a colleague's modified client, R9-2) is not a seal: it does not
 * end the live part and is named as a foreign event. `event.by` must be its writer as certified
 * by its audit entry where the caller can know it (`certifiedWritersOf`, `writersOf`): a
 * colleague's `sealed` event claiming `by: <interviewer>` is not hers (red team round 10, R10-2).
 */
export function isInterviewerSeal(
  event: { type: string; by: string; signer?: unknown },
  interviewer: string | undefined,
): boolean {
  return (
    event.type === 'sealed' &&
    interviewer !== undefined &&
    event.by === interviewer &&
    event.signer === interviewer
  );
}

/**
 * The certified writer of the events that decide who runs a session and whether it is sealed:
 * event 1 (`session-started`) and every `sealed` event, as seq -> username of the certified
 * signer of its audit entry (src/vault/authorship.ts `certifiedSignersOf`). An event whose entry
 * cannot be read or is unsigned (legacy audit) is left out: the caller uses its `by`, and
 * `sessions.verify` reports whatever is wrong with it. Used when a session is loaded, so that
 * the app's interviewer and seal are those `sessions.verify` and the bundle verifier see (red
 * team round 10, R10-1, R10-2, R10-16).
 */
export function certifiedWritersOf(
  vault: Vault,
  sessionId: string,
  events: ReadonlyArray<{ seq: number; type: string }>,
): Map<number, string> {
  const decisive = new Set(
    events.filter((e) => e.seq === 1 || e.type === 'sealed').map((e) => e.seq),
  );
  return certifiedSignersOf(vault, sessionId, decisive);
}

/**
 * Who wrote into a session before its seal (red team rounds 7, 8 and 9: R7-6, R8-D, R9-1,
 * R9-2): every event before the interviewer's seal written by someone other than the
 * interviewer, in seq order, a `sealed` event by anyone else included (it is not a seal). No one
 * else seals a live interview, not even an admin (finalize refuses before writing anything).
 * Events after the seal are addenda, which colleagues may write. A modified client can write
 * into a colleague's live interview under its own (valid) signature; such an event is not
 * refused for ever (that would let any colleague deny the evidence of any live interview) but
 * named: the interviewer's seal lists it, and `sessions.verify` and the bundle verifier report it
 * (FOREIGN_EVENT). `events` must already have passed `authorshipVerdict`, with each `by` being
 * the certified signer of its entry (its `signers` applied: `writersOf`).
 */
export function foreignEventsOf(
  interviewer: string,
  events: ReadonlyArray<{ seq: number; by: string; type: string }>,
): ForeignEvent[] {
  const found: ForeignEvent[] = [];
  for (const e of events) {
    if (isInterviewerSeal(e, interviewer)) break;
    if (e.by !== interviewer) found.push({ seq: e.seq, by: e.by });
  }
  return found;
}

/** `events` with each `by` replaced by the certified signer `authorshipVerdict` found for it. */
export function writersOf<E extends { seq: number; by: string }>(
  events: ReadonlyArray<E>,
  signers: ReadonlyMap<number, string>,
): E[] {
  return events.map((e) => {
    const signer = signers.get(e.seq);
    return signer === undefined ? e : { ...e, by: signer };
  });
}

/** Whether two lists of foreign events name the same events and writers, in the same order. */
export function sameForeignEvents(
  a: ReadonlyArray<ForeignEvent>,
  b: ReadonlyArray<ForeignEvent>,
): boolean {
  return a.length === b.length && a.every((f, i) => f.seq === b[i]?.seq && f.by === b[i]?.by);
}
