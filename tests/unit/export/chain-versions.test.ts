// Chain versions (src/interview/chain.ts): version 3 commits each event's kind in its link, so a
// withheld event's kind is proven; version 2 (older sessions) still verifies, with the kind as
// the exporter's label. Security red team, finding 2.
import { initCrypto } from '../../../src/crypto';
import { chainEntries, recomputeHeads, ChainError } from '../../../src/export/chain-view';
import {
  genesisHash,
  nextHash,
  type ChainVersion,
  type SessionEvent,
} from '../../../src/interview';

beforeAll(async () => {
  await initCrypto();
});

const SESSION = 's-1';
function events(version: ChainVersion): SessionEvent[] {
  const base = {
    at: '2026-01-01T00:00:00.000Z',
    elapsedMs: 0,
    recordingOffsetMs: null,
    by: 'ivan',
  };
  return [
    { ...base, seq: 1, type: 'session-started', chain: version, sessionId: SESSION, mode: 'live' },
    { ...base, seq: 2, type: 'note', kind: 'child', text: 'He hit me.', version: 1 },
    { ...base, seq: 3, type: 'note', kind: 'mdt', text: 'Ask about the date.', version: 1 },
  ] as unknown as SessionEvent[];
}

function headOf(list: SessionEvent[], version: ChainVersion): string {
  return list.reduce((h, e) => nextHash(h, e, version), genesisHash(SESSION));
}

test.each([2, 3] as const)(
  'chain version %i: a withheld event still recomputes the head',
  (version) => {
    const list = events(version);
    const entries = chainEntries(list, (e) => e.type === 'note' && e.kind === 'mdt');
    const { version: found, heads } = recomputeHeads(SESSION, entries);
    expect(found).toBe(version);
    expect(heads.at(-1)).toBe(headOf(list, version));
  },
);

test('version 3: relabelling a withheld child note as "mdt" changes the head; version 2 cannot tell', () => {
  for (const version of [2, 3] as const) {
    const list = events(version);
    const entries = chainEntries(list, (e) => e.type === 'note');
    const relabelled = entries.map((e) =>
      'withheld' in e ? { ...e, withheld: { type: 'note', kind: 'mdt' } } : e,
    );
    const head = recomputeHeads(SESSION, relabelled).heads.at(-1);
    if (version === 3) expect(head).not.toBe(headOf(list, 3));
    else expect(head).toBe(headOf(list, 2));
  }
});

test('version 1 links event bytes: nothing can be withheld', () => {
  const list = events(2).map((e) =>
    e.seq === 1 ? { ...e, chain: undefined } : e,
  ) as SessionEvent[];
  expect(() =>
    recomputeHeads(
      SESSION,
      chainEntries(list, (e) => e.seq === 2),
    ),
  ).toThrow(ChainError);
});
