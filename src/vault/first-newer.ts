// The first audit entry written in one of a set of sign-in epochs, found by binary search over
// `seq` instead of a scan of the whole log (perf29, issue #22). AuditLog.firstSeqAboveChainVersion
// (the read guard after a removal, R13-1) needs the first entry chained under a newer chain-key
// version than a record's entry: the epochs under a newer version are known from the (small)
// epochs table; which entry is the first of them took `min(seq) ... WHERE epoch IN (...)`, a scan
// of audit_log (no index on `epoch`): 1.3-1.5 s of CPU at 800,000 entries (perf27).
//
// Why a binary search is sound here: Hearth numbers each sign-in's epoch max + 1 when it writes
// its first entry, and appends entries at head + 1, so the `epoch` column never decreases along
// `seq` in a log Hearth wrote (a removed user writing with a kept old key also appends, under a
// new epoch number). Every entry's chain MAC covers its seq, its epoch and the previous entry's
// MAC, keyed by its epoch's chain key. The search assumes that order; the answer is then proved
// at its boundary: the entry found and the one before it must both chain (their MACs verify under
// their epochs' chain keys), the one before it must belong to an earlier epoch than the one
// searched for, and `seq - 1` must be exactly the entry before (no gap); entry 1 needs no
// predecessor (its MAC covers the genesis value). When any proof fails
// (an edited epoch column, a missing entry, a chain key this sign-in cannot open), the caller
// falls back to the scan, whose answer is the one Hearth always gave.
//
// What it does not prove: an edit of an entry's epoch column away from the boundary (which breaks
// that entry's MAC, and `vault check` names it) can move what the search finds, exactly as an edit
// of the clear `audit_epochs.chain_key_id` column already moves what the scan finds; the read
// guard trusts these clear columns either way, and the check is what verifies every MAC.

/** The seq of a log's first entry, whose chain MAC covers the genesis value (audit.ts). */
const GENESIS_SEQ = 1;

/** One audit entry as the search sees it: its sequence number and its epoch column. */
export interface ProbedEntry {
  seq: number;
  /** The epoch column; null when it is not a whole number (the proof then fails). */
  epoch: number | null;
}

/** How the search reads the log (AuditLog gives primary-key lookups; tests give arrays). */
export interface LogProbe {
  /** The lowest and highest seq of the log, or undefined when it is empty. */
  bounds(): { min: number; max: number } | undefined;
  /** The entry with the smallest seq >= `seq`, or undefined past the head. */
  atOrAfter(seq: number): ProbedEntry | undefined;
  /** The entry with exactly this seq, or undefined. */
  at(seq: number): ProbedEntry | undefined;
  /**
   * Whether entry `seq` chains: its MAC verifies under its epoch's chain key over the previous
   * entry's MAC (`seq - 1`, or the genesis value for entry 1).
   */
  chains(seq: number): boolean;
}

/** The search's answer: the entry's seq, none, or unproven (the caller scans instead). */
export type FirstInEpochs = { seq: number } | { none: true } | { unproven: string };

/**
 * The first entry (lowest seq) whose epoch is one of `epochs`, by binary search over seq, with
 * chain-MAC proofs at the boundary (see the top of this file). `epochs`: any order, duplicates
 * allowed. Cost: about 2·log2(max - min) primary-key lookups per epoch tried (usually one),
 * plus two MAC verifications. Never throws on what the file holds: a failed proof is `unproven`.
 */
export function firstEntryInEpochs(epochs: readonly number[], log: LogProbe): FirstInEpochs {
  const wanted = [...new Set(epochs)].sort((a, b) => a - b);
  const inSet = new Set(wanted);
  const range = log.bounds();
  if (wanted.length === 0 || !range) return { none: true };
  let i = 0;
  while (i < wanted.length) {
    const epoch = wanted[i] as number;
    const found = firstAtOrAbove(epoch, range, log);
    if ('unproven' in found) return found;
    if ('none' in found) {
      // No entry at or above this epoch: the head is below it. Proved by the head's own MAC.
      const head = log.at(range.max);
      if (!head || head.epoch === null || head.epoch >= epoch)
        return { unproven: `the head entry ${range.max} is not below epoch ${epoch}` };
      if (!log.chains(range.max)) return { unproven: `the head entry ${range.max} does not chain` };
      return { none: true };
    }
    const entry = found.entry;
    const at = entry.epoch as number;
    if (inSet.has(at)) {
      const why = boundaryProblem(entry, epoch, log);
      return why ? { unproven: why } : { seq: entry.seq };
    }
    // This epoch (and any below `at`) has no entry: go on with the next one above `at`.
    while (i < wanted.length && (wanted[i] as number) <= at) i++;
  }
  // Every wanted epoch lies below an entry of an unwanted epoch above it, or has none: the last
  // entry found above them all was proved not wanted by its epoch; prove the head is not wanted.
  const head = log.at(range.max);
  if (!head || head.epoch === null || inSet.has(head.epoch) || !log.chains(range.max))
    return { unproven: `the head entry ${range.max} does not prove the answer` };
  return { none: true };
}

/** Lower bound: the first entry whose epoch is >= `epoch`, assuming the column never decreases. */
function firstAtOrAbove(
  epoch: number,
  range: { min: number; max: number },
  log: LogProbe,
): { entry: ProbedEntry } | { none: true } | { unproven: string } {
  let lo = range.min;
  let hi = range.max + 1; // hi: a seq whose next entry is known to be at or above `epoch` (or none)
  while (lo < hi) {
    const mid = lo + Math.floor((hi - lo) / 2);
    const next = log.atOrAfter(mid);
    if (!next) return { unproven: `no entry at or after ${mid}, inside the log's range` };
    if (next.epoch === null) return { unproven: `entry ${next.seq} has no whole epoch number` };
    if (next.epoch >= epoch) hi = mid;
    else lo = next.seq + 1;
  }
  if (lo > range.max) return { none: true };
  const entry = log.atOrAfter(lo);
  if (!entry || entry.epoch === null || entry.epoch < epoch)
    return { unproven: `the entry after ${lo} is not at or above epoch ${epoch}` };
  return { entry };
}

/**
 * Why `entry` (the first found at or above `epoch`) is not proved first, or undefined: it must
 * chain, and unless it is the log's first entry, entry seq - 1 must exist, be of an epoch below
 * `epoch`, and chain too.
 */
function boundaryProblem(entry: ProbedEntry, epoch: number, log: LogProbe): string | undefined {
  if (!log.chains(entry.seq)) return `entry ${entry.seq} does not chain`;
  // The log's first entry, or entry 1, whose MAC chains from the genesis value: nothing before
  // it is part of the chain (a padded bench file keeps copies at negative seqs, in lower epochs).
  const range = log.bounds();
  if ((range && entry.seq === range.min) || entry.seq === GENESIS_SEQ) return undefined;
  const before = log.at(entry.seq - 1);
  if (!before) return `entry ${entry.seq - 1}, before ${entry.seq}, is missing`;
  if (before.epoch === null || before.epoch >= epoch)
    return `entry ${before.seq} is not of an earlier epoch than ${epoch}`;
  if (!log.chains(before.seq)) return `entry ${before.seq} does not chain`;
  return undefined;
}
