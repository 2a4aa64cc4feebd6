// perf29 (issue #22): the first audit entry of a set of epochs, by binary search over seq with
// chain-MAC proofs at the boundary (src/vault/first-newer.ts). Checked against the scan's answer
// (min seq whose epoch is wanted) on synthetic logs, and for every proof that can fail: the
// search then says `unproven` and the caller scans. Counted, never timed.
import { firstEntryInEpochs, type LogProbe } from '../../../src/vault/first-newer';

interface Entry {
  seq: number;
  epoch: number | null;
  chains?: boolean;
}

/** A probe over an array of entries (sorted by seq), counting its reads. */
function probe(entries: Entry[]): LogProbe & { reads: number } {
  const sorted = [...entries].sort((a, b) => a.seq - b.seq);
  const p = {
    reads: 0,
    bounds: () =>
      sorted.length === 0
        ? undefined
        : { min: (sorted[0] as Entry).seq, max: (sorted[sorted.length - 1] as Entry).seq },
    atOrAfter: (seq: number) => {
      p.reads++;
      const e = sorted.find((x) => x.seq >= seq);
      return e && { seq: e.seq, epoch: e.epoch };
    },
    at: (seq: number) => {
      p.reads++;
      const e = sorted.find((x) => x.seq === seq);
      return e && { seq: e.seq, epoch: e.epoch };
    },
    chains: (seq: number) => sorted.find((x) => x.seq === seq)?.chains !== false,
  };
  return p;
}

/** The scan's answer (what AuditLog did before perf29). */
function scan(entries: Entry[], epochs: number[]): number | undefined {
  const hits = entries.filter((e) => e.epoch !== null && epochs.includes(e.epoch));
  return hits.length === 0 ? undefined : Math.min(...hits.map((e) => e.seq));
}

/** A log of `perEpoch[i]` entries in epoch i + 1, seq from `from`. */
function log(perEpoch: number[], from = 1): Entry[] {
  const out: Entry[] = [];
  let seq = from;
  perEpoch.forEach((n, i) => {
    for (let k = 0; k < n; k++) out.push({ seq: seq++, epoch: i + 1 });
  });
  return out;
}

test('on logs Hearth writes (epochs never decrease along seq) the answer is the scan’s, for every set of newer epochs', () => {
  // Epoch sizes with empty epochs (a sign-in that wrote nothing) between full ones.
  const entries = log([3, 0, 5, 1, 0, 0, 7, 2, 4]);
  const epochs = 9;
  for (let from = 1; from <= epochs; from++) {
    // Newer epochs are a suffix in an honest log; a removed user's old-key epoch makes holes.
    const suffix = Array.from({ length: epochs - from + 1 }, (_, i) => from + i);
    const holes = suffix.filter((e) => e % 3 !== 0);
    for (const wanted of [suffix, holes, [from], [from, from + 5]]) {
      const got = firstEntryInEpochs(wanted, probe(entries));
      const expected = scan(entries, wanted);
      expect(got).toEqual(expected === undefined ? { none: true } : { seq: expected });
    }
  }
});

test('a long log takes a logarithmic number of reads', () => {
  const entries = log(Array.from({ length: 400 }, () => 250)); // 100,000 entries
  const p = probe(entries);
  expect(firstEntryInEpochs([301, 302, 400], p)).toEqual({ seq: 300 * 250 + 1 });
  expect(p.reads).toBeLessThan(60);
});

test('gaps in seq and negative seqs (a padded bench file) are searched by the next entry', () => {
  const entries = [
    { seq: -40, epoch: -3 },
    { seq: -39, epoch: -3 },
    { seq: -20, epoch: -2 },
    { seq: -19, epoch: -2 },
    { seq: 1, epoch: 1 },
    { seq: 2, epoch: 2 },
    { seq: 3, epoch: 2 },
  ];
  expect(firstEntryInEpochs([-2], probe(entries))).toEqual({ unproven: expect.any(String) }); // -21 is missing
  expect(firstEntryInEpochs([2], probe(entries))).toEqual({ seq: 2 });
  expect(firstEntryInEpochs([1, 2], probe(entries))).toEqual({ seq: 1 });
  expect(firstEntryInEpochs([-3], probe(entries))).toEqual({ seq: -40 }); // the log's first entry
  expect(firstEntryInEpochs([7], probe(entries))).toEqual({ none: true });
  expect(firstEntryInEpochs([], probe(entries))).toEqual({ none: true });
  expect(firstEntryInEpochs([1], probe([]))).toEqual({ none: true });
});

test('a failed proof at the boundary is unproven (the caller scans): the entry, the one before it, a gap, a decreasing epoch', () => {
  const honest = log([4, 4, 4]); // epoch 2 starts at seq 5
  expect(firstEntryInEpochs([2, 3], probe(honest))).toEqual({ seq: 5 });
  const edited = (seq: number, change: Partial<Entry>) =>
    honest.map((e) => (e.seq === seq ? { ...e, ...change } : e));
  // The entry found does not chain (its columns or MAC were edited).
  expect(firstEntryInEpochs([2, 3], probe(edited(5, { chains: false })))).toHaveProperty(
    'unproven',
  );
  // The one before it does not chain.
  expect(firstEntryInEpochs([2, 3], probe(edited(4, { chains: false })))).toHaveProperty(
    'unproven',
  );
  // The one before it is missing.
  expect(firstEntryInEpochs([2, 3], probe(honest.filter((e) => e.seq !== 4)))).toHaveProperty(
    'unproven',
  );
  // An epoch column that is not a whole number where the search reads it.
  expect(firstEntryInEpochs([2, 3], probe(edited(4, { epoch: null })))).toHaveProperty('unproven');
  // The first entry of epoch 2 moved back to epoch 1 (its MAC then fails): the search lands on
  // seq 6, whose predecessor no longer chains, so the answer is not trusted. The scan says 6.
  const moved = edited(5, { epoch: 1, chains: false });
  expect(firstEntryInEpochs([2, 3], probe(moved))).toHaveProperty('unproven');
  expect(scan(moved, [2, 3])).toBe(6);
  // A "none" answer needs the head to chain and to be below the epoch.
  expect(firstEntryInEpochs([9], probe(edited(12, { chains: false })))).toHaveProperty('unproven');
});

test('what the proofs do not see: an epoch column edited away from the boundary (vault check names it)', () => {
  // Entry 3 (epoch 1) was edited to claim epoch 3, which breaks its MAC. The search, which reads
  // a few entries only, does not pass it and proves the honest boundary (9); the scan, which
  // trusts every epoch column, says 3. Both trust clear columns; the check verifies every MAC.
  const entries = log([4, 4, 4]).map((e) => (e.seq === 3 ? { ...e, epoch: 3, chains: false } : e));
  expect(firstEntryInEpochs([3], probe(entries))).toEqual({ seq: 9 });
  expect(scan(entries, [3])).toBe(3);
});
