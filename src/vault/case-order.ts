// The order of cases (issue #22): the Cases screen shows the newest cases first, but every case
// field, its creation time included, is sealed, so sorting them meant decrypting every case of
// the vault to show fifty. Instead the vault keeps a sealed index in creation order: records
// 'case-order:<chunk>' (kind 'case-order', under the case-data key like the cases themselves),
// each listing up to CHUNK_SIZE entries { caseId, createdAt, archived }. Every chunk but the last
// is full. Each chunk also carries `newestBefore` (the newest creation time in the chunks before
// it), and the last one `totals` (how many cases, how many archived), so a page of the newest
// cases reads the last chunk or two, never the whole index: the cost of the Cases screen's first
// page does not grow with the vault (case-order-flat.test.ts counts it). Nothing about a case is
// in clear: the file shows only how many chunks there are, which the number of cases shows too.
//
// The chunks are written in the transaction of the case change they reflect and are audited
// like any record, so `vault check` reports a chunk rolled back or deleted outside Hearth, and
// compares the whole index with the cases (check-case-order.ts). A listing never trusts what it
// reads blindly (cases.ts): the totals must match SQLite's count of case records, each chunk it
// reads must be in place, full, without duplicates and name only cases, archived entries must
// agree with their cases and page entries with theirs; otherwise it reads every case instead.
import { HearthError } from './errors';
import type { RecordAddress, RecordStore } from './records';
import { classKey } from './roles';
import type { PutRecord } from './vault';

/** One case in the order index: what sorting and the archived filter need, nothing else. */
export interface CaseOrderEntry {
  caseId: string;
  createdAt: string;
  archived: boolean;
}

/** How many cases the index lists, and how many of them are archived (kept in the last chunk). */
export interface CaseOrderTotals {
  cases: number;
  archived: number;
}

interface Chunk {
  chunk: number;
  entries: CaseOrderEntry[];
  /** The newest createdAt in chunks 0..chunk-1 ('' for chunk 0); absent in chunks written before it. */
  newestBefore?: string;
  /** In the last chunk: the index's totals. Absent in an index written before them. */
  totals?: CaseOrderTotals;
}

/** A chunk as read back, with its stored version. */
export type CaseOrderChunk = Chunk & { version: number };

/** Entries per chunk: a chunk is rewritten on every case created or archived in it. */
export const CHUNK_SIZE = 256;
export const CASE_ORDER_KIND = 'case-order';

export const chunkId = (chunk: number): string => `case-order:${String(chunk).padStart(6, '0')}`;

const chunkAddress = (chunk: number, version: number): RecordAddress => ({
  recordId: chunkId(chunk),
  containerId: CASE_ORDER_KIND,
  kind: CASE_ORDER_KIND,
  seq: version,
  keyRef: classKey('case'),
});

/** Every chunk, in order; undefined when a chunk fails authentication or is out of place. */
export function readCaseOrder(
  records: RecordStore,
): Array<Chunk & { version: number }> | undefined {
  const { records: all, unreadable } = records.list<Chunk>(CASE_ORDER_KIND, CASE_ORDER_KIND);
  if (unreadable.length > 0) return undefined;
  const chunks = all
    .map((r) => ({ ...r.value, version: r.address.seq, id: r.address.recordId }))
    .sort((a, b) => a.chunk - b.chunk);
  // Chunks are numbered 0..n-1 and each record names its own number: a gap or a record copied
  // under another id means the index was edited outside Hearth.
  const intact = chunks.every((c, i) => c.chunk === i && c.id === chunkId(i));
  return intact ? chunks.map(({ id: _id, ...c }) => c) : undefined;
}

/** One chunk by number; undefined when absent; TAMPERED when it fails authentication. */
export function readChunk(records: RecordStore, chunk: number): CaseOrderChunk | undefined {
  const found = records.get<Chunk>(chunkId(chunk));
  if (!found) return undefined;
  if (found.address.kind !== CASE_ORDER_KIND || found.value.chunk !== chunk) throw damagedIndex();
  return { ...found.value, version: found.address.seq };
}

/**
 * The last chunk (highest number, read through the primary key: one row), or undefined when the
 * vault has no index. TAMPERED when it fails authentication or is out of place.
 */
export function readLastChunk(records: RecordStore): CaseOrderChunk | undefined {
  // From the primary key, not records_by_kind (sec52): an index narrowed to leave out both a
  // case and the last chunk (whose sealed totals would name the missing case) must not make
  // the listing fall back to reading cases through that same index.
  const id = records.lastIdByPrefix(CASE_ORDER_KIND);
  if (id === undefined) return undefined;
  const chunk = Number(id.slice(id.indexOf(':') + 1));
  if (!Number.isSafeInteger(chunk) || chunkId(chunk) !== id) throw damagedIndex();
  return readChunk(records, chunk);
}

const newestOf = (entries: CaseOrderEntry[], before: string): string =>
  entries.reduce((max, e) => (e.createdAt > max ? e.createdAt : max), before);

/**
 * The totals of an index written before chunks carried them: every chunk read once (the
 * upgrade path only; a vault's first unlock rebuilds such an index, see cases.ts).
 */
function totalsFromAllChunks(records: RecordStore): CaseOrderTotals {
  const chunks = readCaseOrder(records);
  if (!chunks) throw damagedIndex();
  const entries = chunks.flatMap((c) => c.entries);
  return { cases: entries.length, archived: entries.filter((e) => e.archived).length };
}

/**
 * Appends a new case to the last chunk (or starts a new one), in the case's own write: one
 * chunk read, one or two written, whatever the size of the vault.
 */
export function addToCaseOrder(records: RecordStore, put: PutRecord, entry: CaseOrderEntry): void {
  const last = readLastChunk(records);
  const totals = last ? (last.totals ?? totalsFromAllChunks(records)) : { cases: 0, archived: 0 };
  const next = { cases: totals.cases + 1, archived: totals.archived + (entry.archived ? 1 : 0) };
  if (last && last.entries.length < CHUNK_SIZE) {
    put(chunkAddress(last.chunk, last.version + 1), {
      ...stored(last),
      entries: [...last.entries, entry],
      totals: next,
    });
    return;
  }
  const chunk = last ? last.chunk + 1 : 0;
  // The old last chunk keeps its stale totals: only the last chunk's are read.
  const newestBefore = last ? newestOf(last.entries, last.newestBefore ?? '') : '';
  put(chunkAddress(chunk, 1), { chunk, entries: [entry], newestBefore, totals: next });
}

/** A chunk's stored fields (without the version read back). */
function stored(c: CaseOrderChunk): Chunk {
  const { version: _v, ...rest } = c;
  return rest;
}

/**
 * Records a case's archived flag in its chunk, and the archived count in the last chunk, in the
 * write that archives or restores it. Chunks are searched newest first (recent cases are the
 * ones archived and restored most), one at a time.
 */
export function setArchivedInCaseOrder(
  records: RecordStore,
  put: PutRecord,
  caseId: string,
  archived: boolean,
): void {
  const last = readLastChunk(records);
  if (!last) throw damagedIndex();
  const totals = last.totals ?? totalsFromAllChunks(records);
  for (let n = last.chunk; n >= 0; n--) {
    const c = n === last.chunk ? last : readChunk(records, n);
    if (!c) throw damagedIndex();
    const at = c.entries.findIndex((e) => e.caseId === caseId);
    if (at < 0) continue;
    const was = (c.entries[at] as CaseOrderEntry).archived;
    const entries = c.entries.map((e, j) => (j === at ? { ...e, archived } : e));
    const next = { ...totals, archived: totals.archived + (archived ? 1 : 0) - (was ? 1 : 0) };
    if (c.chunk === last.chunk) {
      put(chunkAddress(c.chunk, c.version + 1), { ...stored(c), entries, totals: next });
      return;
    }
    put(chunkAddress(c.chunk, c.version + 1), { ...stored(c), entries });
    put(chunkAddress(last.chunk, last.version + 1), { ...stored(last), totals: next });
    return;
  }
  throw damagedIndex();
}

/**
 * Rewrites the whole index from the cases themselves (`cases`: every case record, read by the
 * caller), in creation order. Used by the migration task and by tests.
 */
export function rebuildCaseOrder(
  records: RecordStore,
  put: PutRecord,
  cases: CaseOrderEntry[],
): void {
  const old = records.list<Chunk>(CASE_ORDER_KIND, CASE_ORDER_KIND).records;
  const versions = new Map(old.map((r) => [r.address.recordId, r.address.seq]));
  const sorted = [...cases].sort(
    (a, b) => a.createdAt.localeCompare(b.createdAt) || a.caseId.localeCompare(b.caseId),
  );
  const totals = { cases: sorted.length, archived: sorted.filter((e) => e.archived).length };
  const lastChunk = Math.ceil(sorted.length / CHUNK_SIZE) - 1;
  let chunk = 0;
  let newestBefore = '';
  for (let at = 0; at < sorted.length; at += CHUNK_SIZE, chunk++) {
    const version = (versions.get(chunkId(chunk)) ?? 0) + 1;
    const entries = sorted.slice(at, at + CHUNK_SIZE);
    put(chunkAddress(chunk, version), {
      chunk,
      entries,
      newestBefore,
      ...(chunk === lastChunk ? { totals } : {}),
    });
    newestBefore = newestOf(entries, newestBefore);
  }
  // Chunks past the new end (never, unless cases vanished) are left for `vault check` to name:
  // deleting audited records here would hide that.
  if (versions.size > chunk && sorted.length > 0)
    throw new HearthError(
      'TAMPERED',
      'The case order index has more chunks than the cases fill: run a vault check.',
    );
}

export function damagedIndex(): HearthError {
  return new HearthError(
    'TAMPERED',
    'The sealed case order index fails authentication or is incomplete: it was altered outside Hearth. Run a vault check; nothing was written.',
  );
}
