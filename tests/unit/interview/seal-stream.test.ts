// vault check verifies each sealed session from the events its record pass already decrypted
// (issue #22). A session is verified from them only when they are exactly what readEvents would
// read; any damaged, misplaced or unreadable row leaves it to verifySealed's own read.
import { initCrypto } from '../../../src/crypto';
import { genesisHash, nextHash } from '../../../src/interview/chain';
import { SealStream, type CheckedRow } from '../../../src/interview/seal-stream';
import { eventRecordId } from '../../../src/interview/session-records';
import type { SealVerdict } from '../../../src/interview/session-verify';
import type { SessionMeta } from '../../../src/interview/events';

const row = (sessionId: string, seq: number, over: Partial<CheckedRow> = {}): CheckedRow => ({
  address: {
    recordId: eventRecordId(sessionId, seq),
    containerId: sessionId,
    kind: 'event',
    seq,
    keyRef: `session:${sessionId}`,
  },
  readable: 'yes',
  value: { seq, type: 'note' },
  ...over,
});

/** A session record as verifySealed lists it (only its identity matters here). */
const meta = (sessionId: string, interviewer = 'ana'): SessionMeta =>
  ({ sessionId, status: 'sealed', interviewer }) as unknown as SessionMeta;

function streamOf(verdict: SealVerdict | undefined) {
  const calls: Array<{ sessionId: string; seqs: number[] }> = [];
  const stream = new SealStream((sessionId, rows) => {
    calls.push({ sessionId, seqs: rows.map((r) => r.address.seq) });
    return verdict && { meta: meta(sessionId), verdict };
  });
  return { stream, calls };
}

test('each session is verified once, with its events in order, when its rows have passed', () => {
  const bad: SealVerdict = {
    ok: false,
    firstBadEvent: 2,
    reason: 'the seal signature is not valid',
  };
  const { stream, calls } = streamOf(bad);
  for (const r of [row('a', 1), row('a', 2), row('b', 1)]) stream.visit(r);
  // Rows of other kinds (summaries, session records) are not events.
  stream.visit({ ...row('b', 2), address: { ...row('b', 2).address, kind: 'session-summary' } });
  stream.finish();
  expect(calls).toEqual([
    { sessionId: 'a', seqs: [1, 2] },
    { sessionId: 'b', seqs: [1] },
  ]);
  expect(stream.verdictOf(meta('a'))).toEqual(bad);
  expect(stream.verdictOf(meta('c'))).toBeUndefined();
});

test('a verdict is used only for the very session record it was computed from', () => {
  const { stream } = streamOf({ ok: true });
  stream.visit(row('a', 1));
  stream.finish();
  expect(stream.verdictOf(meta('a'))).toEqual({ ok: true });
  // Another record claiming session a (e.g. inserted outside Hearth): verifySealed reads it itself.
  expect(stream.verdictOf(meta('a', 'mallory'))).toBeUndefined();
});

test('a session with an unreadable, withheld or misplaced row is left to verifySealed', () => {
  const { stream, calls } = streamOf({ ok: true });
  stream.visit(row('a', 1));
  stream.visit(row('a', 2, { readable: 'no' }));
  stream.visit(row('b', 1, { readable: 'no-key' }));
  // A row whose id is not its own address (moved from another session's place).
  stream.visit({
    ...row('c', 1),
    address: { ...row('c', 1).address, recordId: eventRecordId('d', 1) },
  });
  stream.visit(row('e', 1));
  stream.finish();
  expect(calls).toEqual([{ sessionId: 'e', seqs: [1] }]);
  for (const id of ['a', 'b', 'c']) expect(stream.verdictOf(meta(id))).toBeUndefined();
  expect(stream.verdictOf(meta('e'))).toEqual({ ok: true });
});

test('a session the verifier declines (not sealed, no anchor) gets no verdict', () => {
  const { stream } = streamOf(undefined);
  stream.visit(row('a', 1));
  stream.finish();
  expect(stream.verdictOf(meta('a'))).toBeUndefined();
});

test('the summary fold and the seal verification hash each event once, to the same heads as without the memo', async () => {
  await initCrypto();
  const chainOf = (sessionId: string, events: ReadonlyArray<{ type: string }>) => {
    let head = genesisHash(sessionId);
    return events.map((e) => (head = nextHash(head, e, 3)));
  };
  // Each event's keys are enumerated once per hashing of it (its RFC 8785 form): counted.
  let hashed = 0;
  const counted = (value: object) =>
    new Proxy(value, {
      ownKeys: (target) => {
        hashed++;
        return Reflect.ownKeys(target);
      },
    });
  const values = [1, 2, 3].map((seq) => ({ seq, type: 'note', kind: 'child', by: 'ana' }));
  const plain = chainOf('s1', values);
  const other = chainOf('s2', values);
  const rows = values.map((v) => row('s1', v.seq, { value: counted({ ...v }) }));
  const seen: Record<string, string[]> = {};
  const stream = new SealStream(
    (sessionId, events) => {
      seen.verify = chainOf(sessionId, events.map((e) => e.value));
      // Another chain over the same event objects (another head): computed, not remembered.
      seen.other = chainOf('s2', events.map((e) => e.value));
      return { meta: meta(sessionId), verdict: { ok: true } };
    },
    (sessionId, events) => {
      seen.fold = chainOf(sessionId, events.map((e) => e.value));
      return { meta: meta(sessionId), fields: [] };
    },
  );
  // What hashing the three events once costs in enumerations (outside a stream: no memo).
  chainOf('s1', rows.map((r) => r.value as { type: string }));
  const once = hashed;
  chainOf('s1', rows.map((r) => r.value as { type: string }));
  expect(hashed).toBe(2 * once); // nothing remembered outside the stream
  hashed = 0;
  for (const r of rows) stream.visit(r);
  stream.finish();
  expect(seen).toEqual({ fold: plain, verify: plain, other });
  // s1 hashed once (the fold; the verification from memory), s2 once: without the memo, three.
  expect(once).toBeGreaterThan(0);
  expect(hashed).toBe(2 * once);
});
