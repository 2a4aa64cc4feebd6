// The order of cases (issue #22): the Cases screen shows the newest cases first, but every case
// field, its creation time included, is sealed, so sorting them meant decrypting every case of
// the vault to show fifty. Instead the vault keeps a sealed index in creation order: records
// 'case-order:<chunk>' (kind 'case-order', under the case-data key like the cases themselves),
// each listing up to CHUNK_SIZE entries { caseId, createdAt, archived }. A listing decrypts the
// chunks (one per CHUNK_SIZE cases: 80 small records at 20,000 cases), sorts those small
// entries, and decrypts only the page's cases. Nothing about a case is in clear: the file shows
// only how many chunks there are, which the number of case records already shows.
//
// The chunks are written in the transaction of the case change they reflect and are audited
// like any record, so `vault check` reports a chunk rolled back or deleted outside Hearth. A
// listing never trusts them blindly: when the chunks do not account for every case record, or a
// page's case disagrees with its entry, it falls back to reading every case (cases.ts).
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

interface Chunk {
  chunk: number;
  entries: CaseOrderEntry[];
}

/** Entries per chunk: a chunk is rewritten on every case created or archived in it. */
export const CHUNK_SIZE = 256;
export const CASE_ORDER_KIND = 'case-order';
/** The vault task (migration 0008) that builds the index of a vault written before it. */
export const CASE_ORDER_TASK = 'case-order';

const chunkId = (chunk: number): string => `case-order:${String(chunk).padStart(6, '0')}`;

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

/** Appends a new case to the last chunk (or a new one), in the case's own write. */
export function addToCaseOrder(records: RecordStore, put: PutRecord, entry: CaseOrderEntry): void {
  const chunks = readCaseOrder(records);
  if (!chunks) throw damagedIndex();
  const last = chunks[chunks.length - 1];
  if (last && last.entries.length < CHUNK_SIZE) {
    put(chunkAddress(last.chunk, last.version + 1), {
      chunk: last.chunk,
      entries: [...last.entries, entry],
    });
  } else {
    const chunk = chunks.length;
    put(chunkAddress(chunk, 1), { chunk, entries: [entry] });
  }
}

/** Records a case's archived flag in its chunk, in the write that archives or restores it. */
export function setArchivedInCaseOrder(
  records: RecordStore,
  put: PutRecord,
  caseId: string,
  archived: boolean,
): void {
  const chunks = readCaseOrder(records);
  if (!chunks) throw damagedIndex();
  // Newest chunks first: recent cases are the ones archived and restored most.
  for (let i = chunks.length - 1; i >= 0; i--) {
    const c = chunks[i] as Chunk & { version: number };
    const at = c.entries.findIndex((e) => e.caseId === caseId);
    if (at < 0) continue;
    const entries = c.entries.map((e, j) => (j === at ? { ...e, archived } : e));
    put(chunkAddress(c.chunk, c.version + 1), { chunk: c.chunk, entries });
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
  let chunk = 0;
  for (let at = 0; at < sorted.length; at += CHUNK_SIZE, chunk++) {
    const version = (versions.get(chunkId(chunk)) ?? 0) + 1;
    put(chunkAddress(chunk, version), { chunk, entries: sorted.slice(at, at + CHUNK_SIZE) });
  }
  // Chunks past the new end (never, unless cases vanished) are left for `vault check` to name:
  // deleting audited records here would hide that.
  if (versions.size > chunk && sorted.length > 0)
    throw new HearthError(
      'TAMPERED',
      'The case order index has more chunks than the cases fill: run a vault check.',
    );
}

function damagedIndex(): HearthError {
  return new HearthError(
    'TAMPERED',
    'The sealed case order index fails authentication or is incomplete: it was altered outside Hearth. Run a vault check; nothing was written.',
  );
}
