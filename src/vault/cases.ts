// Cases: everything about a case is sealed under the case-data key; the case reference is also
// indexed by a keyed blind index so that an exact lookup (and the uniqueness check) needs no
// plaintext on disk. Each case's allegation summary is a record of its own, under the case's
// own allegation key: wrapped under the case-data key, or, on an allegation-blind case, only
// under the staff-administration key (admins) and for each user it was revealed to.
import { HearthError } from './errors';
import {
  addToCaseOrder,
  CASE_ORDER_KIND,
  CHUNK_SIZE,
  readCaseOrder,
  readChunk,
  readLastChunk,
  rebuildCaseOrder,
  setArchivedInCaseOrder,
  type CaseOrderChunk,
  type CaseOrderEntry,
} from './case-order';
import { newCreatorBoundCaseId } from './case-id';
import { newId } from './ids';
import { assertRecordLatest } from './latest-version';
import {
  assertReferenceNotOfDeletedCase,
  recordReferenceGiven,
  referenceEntryTag,
} from './reference-history';
import type { RecordAddress, RecordStore } from './records';
import { PAGE_LIMIT, pageOf, type PageInfo, type PageRequest } from './paging';
import { can, classKey, type Role } from './roles';
import type { Vault } from './vault';

export interface CaseFields {
  reference: string;
  childAlias: string;
  childAgeYears: number;
  childAgeMonths: number;
  language: string;
  interpreterNeeded: boolean;
  allegationSummary?: string;
  /** Allegation-blind interviewing: the summary is hidden from interviewers unless they reveal it. */
  allegationBlind: boolean;
  notes?: string;
}

export interface CaseRecord extends CaseFields {
  caseId: string;
  archived: boolean;
  version: number;
  createdAt: string;
  createdBy: string;
  updatedAt: string;
  updatedBy: string;
}

/**
 * What the case record itself holds: everything but the allegation, which is sealed apart, and
 * `idSalt` (64 hex) when the case id commits to its creator's staff key (case-id.ts; never shown).
 */
type StoredCase = Omit<CaseRecord, 'allegationSummary'> & {
  hasAllegation: boolean;
  idSalt?: string;
};

/** A stored case as callers see it: without `hasAllegation` and the id salt. */
function view(record: StoredCase): CaseRecord {
  const { hasAllegation: _h, idSalt: _s, ...rest } = record;
  return rest;
}

export type CaseSummary = Omit<CaseRecord, 'allegationSummary' | 'notes'>;

export type CaseView = CaseRecord & { allegationHidden: boolean };

export type CaseInput = Omit<
  CaseFields,
  'childAgeMonths' | 'interpreterNeeded' | 'allegationBlind'
> &
  Partial<Pick<CaseFields, 'childAgeMonths' | 'interpreterNeeded' | 'allegationBlind'>>;

const KIND = 'case';
/**
 * Every case id starts so (`newId('case')` and creator-bound ids alike, case-id.ts): case records
 * are counted and listed along the primary key under it, never through records_by_kind (sec55).
 */
export const CASE_ID_PREFIX = 'case_';
const ALLEGATION_KIND = 'allegation';
const address = (caseId: string, version: number): RecordAddress => ({
  recordId: caseId,
  containerId: caseId,
  kind: KIND,
  seq: version,
  keyRef: classKey('case'),
});

/** The logical key of one case's allegation. */
export const allegationKey = (caseId: string): string => `allegation:${caseId}`;

const allegationAddress = (caseId: string, version: number): RecordAddress => ({
  recordId: `allegation:${caseId}`,
  containerId: caseId,
  kind: ALLEGATION_KIND,
  seq: version,
  keyRef: allegationKey(caseId),
});

/** Who holds a new allegation key version: the case key, or on a blind case admins and `also`. */
function allegationHolders(vault: Vault, blind: boolean, also: string[]): string[] {
  const { keys } = vault;
  if (!blind) return [keys.requireCurrentId(classKey('case'))];
  return [keys.requireCurrentId(classKey('staff')), ...also];
}

/**
 * Refuses to turn allegation-blind on or off for a role that does not hold the staff class (only
 * admins do, roles.ts): the blind allegation key is wrapped under that class, so without it the
 * change cannot be made. The refusal is audited and says who can do it (R24-8; before, the error
 * was the generic "your key does not open this data").
 * @throws HearthError FORBIDDEN, nothing written.
 */
function assertMayMakeBlind(
  vault: Vault,
  role: Role,
  caseId: string | undefined,
  action: string,
): void {
  if (can(role, 'cases.seeAllegationWhenBlind')) return;
  vault.recordRefusal(action, caseId);
  throw new HearthError(
    'FORBIDDEN',
    'Only an admin can turn allegation-blind on or off (the hidden allegation is kept for admins). Save the case as it is and ask an admin to change this setting before the interview; nothing was saved.',
  );
}

function hiddenFromYou(): HearthError {
  return new HearthError(
    'FORBIDDEN',
    'This allegation is hidden from you (allegation-blind case). An admin, or a colleague it was revealed to, can reveal it to you.',
  );
}

/** Whether the signed-in user holds this case's allegation key. */
export function canReadAllegation(vault: Vault, caseId: string): boolean {
  const id = vault.keys.currentId(allegationKey(caseId));
  return id !== undefined && vault.keys.canOpen(id);
}

/** Case references compare equal regardless of case, spacing and Unicode form. */
export function normalizeReference(reference: string): string {
  return reference.normalize('NFC').trim().replace(/\s+/g, ' ').toUpperCase();
}

function referenceIndex(vault: Vault, reference: string): Uint8Array {
  return vault.blindIndex('case-reference', normalizeReference(reference));
}

/**
 * Refuses (CONFLICT, nothing written) a reference another case uses. The UNIQUE index
 * records_by_blind_index answers first; on a miss the case rows are searched along the primary
 * key (`idsWithBlindIndex`, no index), because that index can be rebuilt outside Hearth to leave
 * a case out, and then neither the lookup nor the UNIQUE constraint (enforced by the same
 * index) sees the duplicate (red team 24, R24-3). The second look runs only when that index
 * did not count every case with a reference this sign-in (`blindIndexAgrees`, once per sign-in).
 */
function assertReferenceFree(vault: Vault, reference: string, exceptCaseId?: string): void {
  const index = referenceIndex(vault, reference);
  const existing = vault.records.getByBlindIndex<CaseRecord>(KIND, index);
  const { records } = vault;
  const taken =
    (existing !== undefined && existing.value.caseId !== exceptCaseId) ||
    (!records.blindIndexAgrees(KIND, CASE_ID_PREFIX) &&
      records.idsWithBlindIndex(KIND, CASE_ID_PREFIX, index).some((id) => id !== exceptCaseId));
  if (taken)
    throw new HearthError(
      'CONFLICT',
      'REFERENCE_TAKEN: another case already uses this case reference, so nothing was saved. Find that case in the case list (search the reference), or give this case another reference.',
      { reason: 'REFERENCE_TAKEN' },
    );
  // A case deleted outside Hearth with its order rows took its blind index with it (sec57's
  // residual): the signed log still says who had the reference (reference-history.ts).
  assertReferenceNotOfDeletedCase(vault, normalizeReference(reference));
}

export function createCase(vault: Vault, input: CaseInput): string {
  const user = vault.require('cases.write');
  if (input.allegationBlind === true)
    assertMayMakeBlind(vault, user.role, undefined, 'cases.create');
  assertReferenceFree(vault, input.reference);
  // The id commits to the staff key that signs the creation entry (R16-2 residual, case-id.ts);
  // without a staff key (a vault from before signed audit) it is random, as it always was.
  const creatorKey = vault.staffPublicKey();
  const { caseId, idSalt } = creatorKey
    ? newCreatorBoundCaseId(creatorKey)
    : { caseId: newId('case'), idSalt: undefined };
  const at = vault.nowIso();
  const record: StoredCase = {
    caseId,
    ...(idSalt !== undefined ? { idSalt } : {}),
    reference: input.reference.normalize('NFC').trim(),
    childAlias: input.childAlias.normalize('NFC').trim(),
    childAgeYears: input.childAgeYears,
    childAgeMonths: input.childAgeMonths ?? 0,
    language: input.language,
    interpreterNeeded: input.interpreterNeeded ?? false,
    allegationBlind: input.allegationBlind ?? false,
    hasAllegation: input.allegationSummary !== undefined,
    ...(input.notes !== undefined ? { notes: input.notes } : {}),
    archived: false,
    version: 1,
    createdAt: at,
    createdBy: user.username,
    updatedAt: at,
    updatedBy: user.username,
  };
  // The reference's history points at the creating entry in the same transaction.
  vault.transact(() => {
    vault.write(
      'cases.create',
      caseId,
      (put) => {
        // The creator typed the allegation: on a blind case they keep the key (they know it anyway).
        vault.keys.create(
          allegationKey(caseId),
          allegationHolders(vault, record.allegationBlind, [vault.userKeyId]),
        );
        put(address(caseId, 1), record, referenceIndex(vault, record.reference));
        if (input.allegationSummary !== undefined)
          put(allegationAddress(caseId, 1), { caseId, text: input.allegationSummary });
        addToCaseOrder(vault.records, put, { caseId, createdAt: at, archived: false });
      },
      { refTag: referenceEntryTag(vault, normalizeReference(record.reference)) },
    );
    recordReferenceGiven(vault, normalizeReference(record.reference));
  });
  return caseId;
}

function summarize(record: StoredCase): CaseSummary {
  // Summaries never carry the allegation or free notes: the list is shown on screen.
  const { notes: _n, hasAllegation: _h, idSalt: _s, ...summary } = record;
  return summary;
}

/** Newest first: createdAt, then id. */
const newestFirst = (
  a: { createdAt: string; caseId: string },
  b: { createdAt: string; caseId: string },
): number => b.createdAt.localeCompare(a.createdAt) || a.caseId.localeCompare(b.caseId);

type CaseListing = { cases: CaseSummary[]; unreadable: string[] } & PageInfo;

/**
 * One page of the cases this user may read, newest first (createdAt, then id), optionally
 * without archived cases and narrowed by `query` (case-insensitive, in the reference or the
 * child's alias; matched here in memory, because both are stored only encrypted). Shape:
 * { cases, unreadable (ids of case records that fail authentication), total, nextOffset? }.
 * Audited once as cases.list with the page's count.
 *
 * Without a query, the page comes from the sealed case order index (case-order.ts): only the
 * page's cases are decrypted, so the Cases screen does not grow with the vault. A search
 * decrypts every case (the fields it matches exist only inside them), as does a listing whose
 * index does not account for every case (a vault written before the index or its totals until the first unlock upgrades it,
 * or an index damaged outside Hearth): slower, never wrong.
 */
export function listCases(
  vault: Vault,
  options: { includeArchived?: boolean; query?: string } & PageRequest = {},
): CaseListing {
  vault.require('cases.read');
  const query = options.query?.normalize('NFC').trim().toLocaleLowerCase() ?? '';
  return vault.read(
    'cases.list',
    undefined,
    (records) =>
      (query === '' ? listFromOrderIndex(records, options) : undefined) ??
      listByDecryptingAll(records, query, options),
    (result) => ({
      count: result.cases.length,
      total: result.total,
      unreadable: result.unreadable.length,
    }),
  );
}

/**
 * What a listing has read and verified of the order index, newest chunks first (perf20): the
 * totals, the chunks merged so far (`lowest` is the oldest of them) and their entries sorted
 * newest first, all and without the archived. Kept for the sign-in (one per RecordStore) while
 * the records table is unchanged (`RecordStore.changeStamp`), so paging through every case
 * reads and verifies each chunk once, not once per page (15,000 cases in pages of 1,000: about
 * 500 chunk readings instead of 59, each with a probe of its 256 cases).
 */
interface OrderWalk {
  stamp: string | undefined;
  last: CaseOrderChunk;
  totals: { cases: number; archived: number };
  /** The oldest chunk merged into the lists (last.chunk + 1 before any). */
  lowest: number;
  /** newestBefore of chunk `lowest` (what the chunks not read yet may hold at most). */
  lowestNewestBefore: string | undefined;
  seen: Set<string>;
  all: CaseOrderEntry[];
  live: CaseOrderEntry[];
}

const walks = new WeakMap<RecordStore, OrderWalk>();

/**
 * The page from the order index, or undefined when the index cannot be relied on. Reads the
 * chunks from the newest back, only until the page is settled: its last entry is newer than
 * anything in the chunks not read (`newestBefore`). So the Cases screen's first page decrypts
 * one or two chunks and its own cases, and steps a fixed number of SQL rows besides one count
 * of the case records over their index (nothing read or decrypted), at any vault size. What was
 * read and verified is kept while no record changes (OrderWalk), so a later page continues from
 * where an earlier one stopped instead of starting again from the newest chunk.
 */
function listFromOrderIndex(
  records: RecordStore,
  options: { includeArchived?: boolean } & PageRequest,
): CaseListing | undefined {
  const stamp = records.changeStamp();
  let walk = walks.get(records);
  if (!walk || stamp === undefined || walk.stamp !== stamp) {
    walks.delete(records);
    const started = startWalk(records, stamp);
    if (!started || 'cases' in started) return started;
    walk = started;
    if (stamp !== undefined) walks.set(records, walk);
  }
  const includeArchived = options.includeArchived === true;
  const total = includeArchived ? walk.totals.cases : walk.totals.cases - walk.totals.archived;
  const offset = Math.max(0, options.offset ?? 0);
  const want = offset + pageLimit(options);
  const settled = (w: OrderWalk): boolean => {
    const edge = (includeArchived ? w.all : w.live)[want - 1];
    return (
      edge !== undefined &&
      w.lowestNewestBefore !== undefined &&
      edge.createdAt > w.lowestNewestBefore
    );
  };
  while (walk.lowest > 0 && !settled(walk)) {
    if (!mergeChunk(records, walk, walk.lowest - 1)) {
      walks.delete(records);
      return undefined;
    }
  }
  const candidates = includeArchived ? walk.all : walk.live;
  // Read to the first chunk: what was read must be what the totals say.
  if (walk.seen.size === walk.totals.cases && candidates.length !== total) return undefined;
  const items = candidates.slice(offset, want);
  const cases: CaseSummary[] = [];
  const unreadable: string[] = [];
  // The page's cases in one statement (a case that fails authentication is listed unreadable).
  const opened = records.getMany<StoredCase>(items.map((e) => e.caseId));
  for (const [at, entry] of items.entries()) {
    const found = opened[at];
    if (found instanceof HearthError) {
      unreadable.push(entry.caseId);
      continue;
    }
    const value = found?.value;
    // An entry that disagrees with its case: the index is stale or was edited; read everything.
    if (
      !value ||
      found?.address.kind !== KIND ||
      value.caseId !== entry.caseId ||
      value.createdAt !== entry.createdAt ||
      value.archived !== entry.archived
    )
      return undefined;
    cases.push(summarize(value));
  }
  return {
    cases,
    unreadable: [...unreadable, ...misplacedCases(records)],
    total,
    ...(want < total ? { nextOffset: want } : {}),
  };
}

/**
 * Rows whose clear kind says case but whose id is no case id (planted outside Hearth, R25-6):
 * named on every page as unreadable, beside the cases listed (records.misplacedIdsOfKind).
 */
function misplacedCases(records: RecordStore): string[] {
  return records.misplacedIdsOfKind(KIND, CASE_ID_PREFIX);
}

/**
 * A walk of the order index that has read only its last chunk, after the checks that need no
 * other chunk: the totals must account for every case record, and the chunks for the totals
 * (all but the last full). An empty listing for a vault with neither cases nor index;
 * undefined when the index cannot be relied on.
 */
function startWalk(
  records: RecordStore,
  stamp: string | undefined,
): OrderWalk | CaseListing | undefined {
  // The case records counted along the primary key, and records_by_kind must agree (sec55, red
  // team 24 R24-1 variant B: an older order chunk put back, whose totals agreed with an index
  // rebuilt without the newest case; neither was compared with the table). TAMPERED naming the
  // index otherwise. Cost: the case rows only, once per change of the records (the walk is kept).
  const caseCount = records.assertKindIndexedByPrefix(KIND, CASE_ID_PREFIX);
  // A row with a case id whose clear kind was edited (R25-2) is counted by neither count above:
  // the listing then reads along the primary key, which lists it as unreadable.
  if (records.strayIdsByPrefix(KIND, CASE_ID_PREFIX).length > 0) return undefined;
  let last: CaseOrderChunk | undefined;
  try {
    last = readLastChunk(records);
  } catch (error) {
    if (error instanceof HearthError && error.code === 'TAMPERED') return undefined;
    throw error;
  }
  if (!last)
    return caseCount === 0
      ? { cases: [], unreadable: misplacedCases(records), total: 0 }
      : undefined;
  // The totals (an index from before them: read everything until the first unlock rebuilds it)
  // must account for every case record, and the chunks for the totals: all but the last full.
  const { totals } = last;
  // Totals that disagree with the counted cases (an order chunk put back, or a vault from before
  // totals): every case is read instead, along the primary key (listByDecryptingAll).
  if (!totals || totals.cases !== caseCount) return undefined;
  if (last.chunk * CHUNK_SIZE + last.entries.length !== totals.cases) return undefined;
  if (records.countOfKind(CASE_ORDER_KIND) !== last.chunk + 1) return undefined;
  const walk: OrderWalk = {
    stamp,
    last,
    totals: { cases: totals.cases, archived: totals.archived },
    lowest: last.chunk + 1,
    lowestNewestBefore: undefined,
    seen: new Set(),
    all: [],
    live: [],
  };
  return mergeChunk(records, walk, last.chunk) ? walk : undefined;
}

/**
 * Reads chunk `n` (the next older one), checks it (whole, no case twice, only case records, and
 * every entry it marks archived archived in its own record: red team round 4, N3) and merges
 * its entries into the walk's sorted lists. False when the index cannot be relied on.
 */
function mergeChunk(records: RecordStore, walk: OrderWalk, n: number): boolean {
  const isLast = n === walk.last.chunk;
  const chunk = isLast ? walk.last : readChunkOrUndefined(records, n);
  if (!chunk || !chunkHolds(records, chunk, isLast, walk.seen)) return false;
  for (const e of chunk.entries) if (e.archived && !archivedInRecord(records, e)) return false;
  const sorted = [...chunk.entries].sort(newestFirst);
  walk.all = mergeSorted(walk.all, sorted);
  walk.live = mergeSorted(
    walk.live,
    sorted.filter((e) => !e.archived),
  );
  walk.lowest = n;
  walk.lowestNewestBefore = chunk.newestBefore;
  return true;
}

/** Two lists sorted newest first, merged into one (linear: each list is read once). */
function mergeSorted(a: CaseOrderEntry[], b: CaseOrderEntry[]): CaseOrderEntry[] {
  if (b.length === 0) return a;
  if (a.length === 0) return b;
  const out: CaseOrderEntry[] = new Array<CaseOrderEntry>(a.length + b.length);
  let i = 0;
  let j = 0;
  let k = 0;
  while (i < a.length && j < b.length)
    out[k++] = newestFirst(a[i] as CaseOrderEntry, b[j] as CaseOrderEntry) <= 0 ? a[i++]! : b[j++]!;
  while (i < a.length) out[k++] = a[i++]!;
  while (j < b.length) out[k++] = b[j++]!;
  return out;
}

/** The page size of a request, bounded as pageOf bounds it. */
function pageLimit(options: PageRequest): number {
  return Math.min(Math.max(1, options.limit ?? PAGE_LIMIT.default), PAGE_LIMIT.max);
}

function readChunkOrUndefined(records: RecordStore, n: number): CaseOrderChunk | undefined {
  try {
    return readChunk(records, n);
  } catch (error) {
    if (error instanceof HearthError && error.code === 'TAMPERED') return undefined;
    throw error;
  }
}

/**
 * Whether a chunk read for a listing is whole: full unless it is the last, no case twice (in
 * it or in the chunks read before), every entry a case record of this vault (one primary-key
 * probe each, nothing decrypted).
 */
function chunkHolds(
  records: RecordStore,
  chunk: CaseOrderChunk,
  isLast: boolean,
  seen: Set<string>,
): boolean {
  if (!Array.isArray(chunk.entries)) return false;
  if (!isLast && chunk.entries.length !== CHUNK_SIZE) return false;
  const ids = chunk.entries.map((e) => e.caseId);
  for (const id of ids) {
    if (typeof id !== 'string' || seen.has(id)) return false;
    seen.add(id);
  }
  return records.countOfKindAmong(KIND, ids) === ids.length;
}

/** Whether the case record itself says archived (false when it is unreadable or not a case). */
function archivedInRecord(records: RecordStore, entry: CaseOrderEntry): boolean {
  try {
    const found = records.get<StoredCase>(entry.caseId);
    return found?.address.kind === KIND && found.value.archived === true;
  } catch (error) {
    if (error instanceof HearthError && error.code === 'TAMPERED') return false;
    throw error;
  }
}

/**
 * Before a listing reads every case (a search, or no usable order index): records_by_kind must
 * count as many case records as the primary key holds, else TAMPERED naming the index (sec55;
 * before, sec52 compared the sealed order totals with the index, which an older order chunk put
 * back defeated, R24-1 variant B). The cases themselves are then read along the primary key too.
 */
function assertTotalsIndexed(records: RecordStore): void {
  records.assertKindIndexedByPrefix(KIND, CASE_ID_PREFIX);
}

/** Every case decrypted, filtered and sorted in memory (search, or no usable order index). */
function listByDecryptingAll(
  records: RecordStore,
  query: string,
  options: { includeArchived?: boolean } & PageRequest,
): CaseListing {
  assertTotalsIndexed(records);
  const { records: all, unreadable } = records.listKindByIdPrefix<StoredCase>(KIND, CASE_ID_PREFIX);
  const matching = all
    .map((r) => r.value)
    .filter((c) => options.includeArchived || !c.archived)
    .filter(
      (c) =>
        query === '' ||
        c.reference.toLocaleLowerCase().includes(query) ||
        c.childAlias.toLocaleLowerCase().includes(query),
    )
    .sort(newestFirst);
  const { items, ...page } = pageOf(matching, options);
  const present = new Set([...all.map((r) => r.address.recordId), ...unreadable]);
  const missing = namedByOrderButAbsent(records, present);
  return {
    cases: items.map(summarize),
    unreadable: [...unreadable, ...missing, ...misplacedCases(records)],
    ...page,
  };
}

/**
 * The case ids the sealed order index names that are not among `present` (the case rows under
 * 'case_'): cases deleted from the file outside Hearth (red team 25, R25-2: one DELETE of a case
 * row; the order, sealed and signed by Hearth, still names it). Listed as unreadable rather than
 * left out. Only on the path that reads every case (a sound order leads the walk, which finds
 * no such id); every order chunk is decrypted (one per 256 cases). A chunk that does not open
 * names nothing here (the walk already refused it; vault check names it).
 */
function namedByOrderButAbsent(records: RecordStore, present: Set<string>): string[] {
  const missing = new Set<string>();
  const last = records.lastIdByPrefix(CASE_ORDER_KIND);
  const count = last === undefined ? 0 : Number(last.slice(last.indexOf(':') + 1)) + 1;
  for (let n = 0; Number.isSafeInteger(count) && n < count; n++) {
    const chunk = readChunkOrUndefined(records, n);
    if (!chunk || !Array.isArray(chunk.entries)) continue;
    for (const e of chunk.entries)
      if (typeof e.caseId === 'string' && !present.has(e.caseId)) missing.add(e.caseId);
  }
  return [...missing].sort();
}

/**
 * Whether this vault has cases but no case order index (written before it), or an index written
 * before chunks carried their totals: two counts from the SQLite index and at most one chunk
 * decrypted (the last). An index that exists but is damaged (a chunk that fails authentication,
 * totals that disagree) was altered outside Hearth: it is not rebuilt silently (that would erase
 * what `vault check` reports); listings fall back to reading every case meanwhile.
 */
export function caseOrderNeedsRebuild(vault: Vault): boolean {
  const { records } = vault;
  return records.countOfKind(CASE_ORDER_KIND) === 0 && records.countOfKind(KIND) > 0;
}

/** The vault task (migration 0007) that adds totals to an index written before them. */
export const CASE_ORDER_TOTALS_TASK = 'case-order-totals';

/**
 * Adds `newestBefore` and `totals` to an index written before them (migration 0007), once:
 * every case and chunk decrypted, and the index rewritten only when it lists exactly the cases
 * (same ids once each, same creation times and archived flags). An index that disagrees was
 * altered outside Hearth and is left as it is for `vault check` to name (listings read every
 * case meanwhile). Returns whether the index was rewritten.
 */
export function upgradeCaseOrderIndex(vault: Vault): boolean {
  vault.require('cases.read');
  const chunks = readCaseOrder(vault.records);
  const last = chunks?.[chunks.length - 1];
  if (!chunks || !last || last.totals !== undefined) return false;
  const { records: all, unreadable } = vault.records.list<StoredCase>(KIND);
  if (unreadable.length > 0) return false;
  const key = (e: CaseOrderEntry) => `${e.caseId}|${e.createdAt}|${e.archived}`;
  const fromCases = all.map(({ value: c }) => key(c)).sort();
  const fromIndex = chunks.flatMap((c) => c.entries.map(key)).sort();
  if (fromCases.join('\n') !== fromIndex.join('\n')) return false;
  rebuildCaseOrderIndex(vault);
  return true;
}

/**
 * Builds the case order index from every case (one decryption each), in one audited write
 * ('cases.reindexOrder'). Run once, at the first sign-in of a case reader after an upgrade.
 * TAMPERED (nothing written) when records_by_kind disagrees with the records table
 * (INDEX_DISAGREES) or a case record does not open.
 */
export function rebuildCaseOrderIndex(vault: Vault): void {
  vault.require('cases.read');
  // Hearth signs what it rebuilds: never from an index that leaves a case out (red team 24,
  // R24-1: the order record deleted with records_by_kind rebuilt without a case, and the
  // sign-in signed an order, with totals, that agreed with the damaged index ever after). The
  // case records are counted in the table itself (a scan), and every one must open.
  vault.records.assertKindIndexed(KIND, vault.records.countOfKind(KIND));
  const { records: all, unreadable } = vault.records.listKindByIdPrefix<StoredCase>(
    KIND,
    CASE_ID_PREFIX,
  );
  if (unreadable.length > 0)
    throw new HearthError(
      'TAMPERED',
      `The case order index was not rebuilt: ${unreadable.length} case record(s) do not open, and an order signed without them would hide them. An admin runs a vault check (hearth vault check), then restores the newest backup (hearth vault restore).`,
    );
  vault.write('cases.reindexOrder', undefined, (put) =>
    rebuildCaseOrder(
      vault.records,
      put,
      all.map(({ value: c }) => ({
        caseId: c.caseId,
        createdAt: c.createdAt,
        archived: c.archived,
      })),
    ),
  );
}

function loadCase(vault: Vault, caseId: string): StoredCase {
  const found = vault.records.get<StoredCase>(caseId);
  if (!found || found.address.kind !== KIND)
    throw new HearthError('NOT_FOUND', 'There is no case with this id.');
  if (found.value.caseId !== caseId || found.value.version !== found.address.seq) {
    throw new HearthError(
      'TAMPERED',
      `Record ${caseId} does not match its address: it was altered outside Hearth.`,
    );
  }
  // An older copy put back over the row (R24-1): refused where the row's pointer tells.
  assertRecordLatest(vault, caseId, 'Case record');
  return found.value;
}

/** The allegation text, read with this sign-in's allegation key (FORBIDDEN without it). */
function readAllegation(vault: Vault, record: StoredCase): string | undefined {
  if (!record.hasAllegation) return undefined;
  const found = vault.records.get<{ caseId: string; text: string }>(`allegation:${record.caseId}`);
  if (!found || found.value.caseId !== record.caseId)
    throw new HearthError(
      'TAMPERED',
      `The allegation of case ${record.caseId} is missing or does not match it. Run a vault check.`,
    );
  return found.value.text;
}

/**
 * A case. On an allegation-blind case the allegation is left out (allegationHidden) unless
 * `revealAllegation` is asked by someone who holds its key; asking without the key is refused
 * (FORBIDDEN) and the refusal is audited.
 */
export function getCase(
  vault: Vault,
  caseId: string,
  options: { revealAllegation?: boolean } = {},
): CaseView {
  const user = vault.requireAudited('cases.read', 'cases.get', caseId);
  const reveal = options.revealAllegation === true;
  const record = loadCase(vault, caseId);
  const hide = record.allegationBlind && !reveal && !can(user.role, 'cases.seeAllegationWhenBlind');
  if (
    reveal &&
    record.allegationBlind &&
    record.hasAllegation &&
    !canReadAllegation(vault, caseId)
  ) {
    vault.recordRefusal('cases.revealAllegation', caseId);
    throw hiddenFromYou();
  }
  return vault.read(reveal ? 'cases.revealAllegation' : 'cases.get', caseId, () => {
    const stored = loadCase(vault, caseId);
    const { hasAllegation } = stored;
    const rest = view(stored);
    if (hide) return { ...rest, allegationHidden: hasAllegation };
    const text = readAllegation(vault, record);
    return {
      ...rest,
      ...(text !== undefined ? { allegationSummary: text } : {}),
      allegationHidden: false,
    };
  });
}

/**
 * Whether a case was un-blinded the way Hearth does it: its current allegation key is wrapped
 * for the current case key (applyChange). A case record saying `allegationBlind: false` without
 * that wrap was rewritten by someone who could not open the allegation (R12-3). False for a case
 * without an allegation key: Hearth makes one with every case (createCase), so none means its
 * wraps were deleted outside Hearth, and absent key material never reads as "open" (R13-2: fail
 * closed). Undefined when this sign-in cannot tell.
 */
export function allegationOpenToCase(vault: Vault, caseId: string): boolean | undefined {
  const { keys } = vault;
  const id = keys.currentId(allegationKey(caseId));
  if (id === undefined) return false;
  const caseKey = keys.currentId(classKey('case'));
  if (!caseKey) return undefined;
  return keys.wrappedUnder(id, caseKey);
}

/** Whether a case is allegation-blind (for planning a session: no audit entry of its own). */
export function isCaseBlind(vault: Vault, caseId: string): boolean {
  return loadCase(vault, caseId).allegationBlind;
}

/**
 * Reveals a blind case's allegation to one user: wraps the allegation key for their key. Only
 * someone who holds it (an admin, or a user it was revealed to) can; the target's role must
 * read case data. Audited as cases.revealAllegationTo.
 */
export function revealAllegationTo(vault: Vault, caseId: string, username: string): void {
  vault.requireAudited('cases.write', 'cases.revealAllegationTo', caseId);
  const record = loadCase(vault, caseId);
  if (!record.allegationBlind)
    throw new HearthError(
      'CONFLICT',
      'NOT_ALLEGATION_BLIND: this case is not allegation-blind, so its allegation is not hidden from anyone who reads the case and there is nothing to reveal. Nothing was changed; the person can already read it.',
      { reason: 'NOT_ALLEGATION_BLIND' },
    );
  if (!canReadAllegation(vault, caseId)) {
    vault.recordRefusal('cases.revealAllegationTo', caseId);
    throw hiddenFromYou();
  }
  const target = vault.listUsers().find((u) => u.username === username);
  if (!target) throw new HearthError('NOT_FOUND', 'There is no user with this user name.');
  if (!can(target.role, 'cases.read'))
    throw new HearthError('FORBIDDEN', `A ${target.role} does not read case data.`);
  const { keys } = vault;
  const targetKey = keys.requireCurrentId(`user:${username}`);
  vault.write(
    'cases.revealAllegationTo',
    caseId,
    () => {
      keys.wrap(keys.requireCurrentId(allegationKey(caseId)), targetKey);
    },
    { to: username },
  );
}

export type CasePatch = Partial<CaseFields>;

export function updateCase(vault: Vault, caseId: string, patch: CasePatch): CaseRecord {
  return applyChange(vault, caseId, patch, 'cases.update');
}

function applyChange(
  vault: Vault,
  caseId: string,
  patch: CasePatch & { archived?: boolean },
  action: string,
): CaseRecord {
  const user = vault.require('cases.write');
  const current = loadCase(vault, caseId);
  if (patch.allegationBlind !== undefined && patch.allegationBlind !== current.allegationBlind)
    assertMayMakeBlind(vault, user.role, caseId, action);
  if (patch.reference !== undefined) assertReferenceFree(vault, patch.reference, caseId);
  const { allegationSummary, ...rest } = patch;
  const touchesAllegation =
    allegationSummary !== undefined ||
    (patch.allegationBlind !== undefined && patch.allegationBlind !== current.allegationBlind);
  if (touchesAllegation && current.hasAllegation && !canReadAllegation(vault, caseId)) {
    vault.recordRefusal(action, caseId);
    throw hiddenFromYou();
  }
  const next: StoredCase = {
    ...current,
    ...rest,
    hasAllegation: current.hasAllegation || allegationSummary !== undefined,
    ...(patch.reference !== undefined
      ? { reference: patch.reference.normalize('NFC').trim() }
      : {}),
    ...(patch.childAlias !== undefined
      ? { childAlias: patch.childAlias.normalize('NFC').trim() }
      : {}),
    version: current.version + 1,
    updatedAt: vault.nowIso(),
    updatedBy: user.username,
  };
  const write = () =>
    vault.write(
      action,
      caseId,
      (put) => {
        const text =
          allegationSummary ?? (touchesAllegation ? readAllegation(vault, current) : undefined);
        if (next.allegationBlind && !current.allegationBlind) {
          // Made blind: a new allegation key that the case key does not reach; those who read
          // the old one keep only what they already saw.
          const previous = vault.keys.requireCurrentId(allegationKey(caseId));
          const made = vault.keys.create(
            allegationKey(caseId),
            allegationHolders(vault, true, [vault.userKeyId]),
          );
          // Custody (sec28, R14-1): the new version holds the old one, which proves its maker held
          // it. Its holders (admins, and this user) already reach the old version.
          vault.keys.wrap(previous, made);
        } else if (!next.allegationBlind && current.allegationBlind) {
          vault.keys.wrap(
            vault.keys.requireCurrentId(allegationKey(caseId)),
            vault.keys.requireCurrentId(classKey('case')),
          );
        }
        put(address(caseId, next.version), next, referenceIndex(vault, next.reference));
        if (text !== undefined) put(allegationAddress(caseId, next.version), { caseId, text });
        if (next.archived !== current.archived)
          setArchivedInCaseOrder(vault.records, put, caseId, next.archived);
      },
      {
        fields: Object.keys(patch).sort().join(','),
        // A new reference's tag, sealed in the entry (R26-5: vault check names a reuse).
        ...(next.reference !== current.reference
          ? { refTag: referenceEntryTag(vault, normalizeReference(next.reference)) }
          : {}),
      },
    );
  if (next.reference === current.reference) write();
  else
    vault.transact(() => {
      write();
      recordReferenceGiven(vault, normalizeReference(next.reference));
    });
  return view(next);
}

export function archiveCase(vault: Vault, caseId: string, archived: boolean): CaseRecord {
  vault.require('cases.write');
  const current = loadCase(vault, caseId);
  if (current.archived === archived) return view(current);
  return applyChange(vault, caseId, { archived }, archived ? 'cases.archive' : 'cases.unarchive');
}
