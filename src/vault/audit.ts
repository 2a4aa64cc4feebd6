// The audit chain. Each entry is encrypted (who did what is itself sensitive) with the epoch key
// of the sign-in that wrote it, sealed to the audit class's public key: every user appends, only
// holders of the audit key (admins) read. The record references an entry commits to (record id,
// version, ciphertext hash) are sealed under the chain key every user holds, and a keyed BLAKE2b
// MAC chains each entry to the one before, so any user can check the chain and what it says was
// written, and `vault check` can tell a rolled-back or deleted row from the version Hearth wrote.
// Because every role holds the chain key, the MAC alone does not stop an insider re-chaining the
// log offline; so each entry is also signed by its author's certified staff key (Ed25519) over
// the previous entry's MAC and this entry's digest (AUDIT_SIGNATURE below). An insider can append
// entries under their own key, but cannot rewrite, reorder or delete anyone else's entry in the
// middle without breaking a signature they cannot make. Cutting the newest entries off the end
// is caught by the anchor outside the file (anchor.ts), not here.
import type { Database } from 'better-sqlite3';
import { readSignedFromColumn } from './signed-from-column';
import { statement } from './db';
import {
  aeadDecrypt,
  aeadEncrypt,
  blake2b,
  constantTimeEqual,
  CryptoError,
  deriveSubkey,
  createVerifyPool,
  sha256Hex,
  wipe,
  type DeferredVerifier,
} from '../crypto';
import { blob, canonicalTuple, fromUtf8, toHex, utf8 } from './encoding';
import { AUDIT_ROW_SHAPE, malformedColumns } from './row-shape';
import { decodeAuditPlaintext, encodeAuditPlaintext, type AuditPart } from './audit-format';
import { HearthError } from './errors';
import { parseKeyId, tryParseKeyId, type KeyStore } from './key-store';
import { classKey } from './roles';
import { firstEntryInEpochs, type LogProbe, type ProbedEntry } from './first-newer';

export interface AuditRecordRef {
  id: string;
  seq: number;
  /** sha256 (hex) of nonce || ciphertext of the record as written; '' when the record was removed. */
  hash: string;
}

export interface AuditEntry {
  at: string;
  actor: string;
  action: string;
  target?: string;
  detail?: Record<string, string | number | boolean>;
  records?: AuditRecordRef[];
}

export interface AuditProblem {
  seq: number;
  detail: string;
  /** A stable check code (check.ts CHECK_CODES) and the values it names, where one applies. */
  code?:
    | 'EXPORT_START_MISSING'
    | 'EXPORT_START_REUSED'
    | 'EXPORT_START_UNPROVEN'
    | 'AUDIT_ROW_MALFORMED';
  values?: Record<string, string | number>;
  /**
   * True for the finding that the entry has no certified author (no signature, a signature that
   * does not verify, or a key the centre has not certified): `vault check` words it with what
   * the entry touched, which does not count (R15-6).
   */
  signature?: boolean;
  /**
   * With `signature`: the entry's signature does not verify (tampering), as opposed to a key the
   * centre has not certified or a signature missing after a start of signed audit that may itself
   * have been moved. A walk that derives keys or floors from the log stops on it (verify24, R25-A).
   */
  signatureAltered?: boolean;
  /**
   * With `signature`: nothing Hearth ever wrote explains the finding, so the entry counts as
   * damaged (sec54, R25-A): a signature missing, or by a key the centre has not certified, on
   * an entry at or after a start of signed audit the centre vouches for
   * (`AuditAuthorship.startVouched`); or an entry signed although it lies before the recorded
   * start (the start was moved up to make signed entries look legacy). A walk that derives keys,
   * floors or classes from the log stops on it, as on `signatureAltered`.
   */
  signatureUnexcused?: boolean;
}

/** The author of new entries: the signed-in user's staff signing key. */
export interface AuditSigner {
  /** Ed25519 public key, 32 bytes. */
  publicKey: Uint8Array;
  /** Ed25519 detached signature (64 bytes) by the matching secret key. */
  sign(message: Uint8Array): Uint8Array;
}

/**
 * Who a signing key belongs to, by its centre certificate: the certified user name, or why the
 * key is not acceptable (no certificate, a certificate the centre key did not sign).
 */
export type SignerLookup = (
  publicKeyHex: string,
) => { username: string; role?: string } | { problem: string };

/** What `verify` found about authorship. */
export interface AuditAuthorship {
  /** Entries written before signed audit began (an older vault): their authorship is not proven. */
  legacyUnsigned: number;
  /** The first sequence number that must carry a signature. */
  signedFrom: number;
  /**
   * Whether `signedFrom` comes from the centre (its sealed commitment or its signed statement,
   * audit-start.ts), which no keyless attacker can move; false when it is only the cleartext
   * column (an older vault no admin has committed yet). Only with a vouched start does a missing
   * signature, or a key the centre has not certified, count as damage a derivation must stop on
   * (sec54, R25-A; a column moved outside Hearth makes genuine legacy entries look unsigned: R6-2).
   */
  startVouched: boolean;
}

/** Where signed audit starts, and whether the centre vouches for it (`AuditAuthorship`). */
export interface SignedStart {
  from: number;
  vouched: boolean;
}

/** What one entry's signature check found: its certified author, or why it fails. */
type SignatureVerdict = {
  signer?: string;
  role?: string;
  signerKey?: string;
  problem?: string;
  /**
   * The signature does not verify (altered), as opposed to a key the centre has not certified or
   * a signature missing where the start of signed audit may have been moved (R6-2).
   */
  altered?: boolean;
  /** See `AuditProblem.signatureUnexcused`. */
  unexcused?: boolean;
};

/** An entry `walk` has read and checked but not finished: it waits for its signature's verdict. */
interface PendingEntry {
  seq: number;
  /** Entries missing before this one. */
  gap?: AuditProblem;
  signature?: (verifier: DeferredVerifier) => SignatureVerdict;
  /** Chain, reference and body problems, in that order. */
  problems: string[];
  /** Columns of the wrong storage type (R24-9): nothing else of the entry is read. */
  malformed?: string[];
  records?: AuditRecordRef[];
  body?: AuditEntry & { seq: number };
  /** false when the entry's chain key is missing (nothing of it can be read). */
  visit: boolean;
  /** The sign-in epoch the entry names (clear column; its chain MAC covers it). */
  epoch: number | null;
}

/** sha256 hex of an entry's two sealed parts, computed once per row (the MAC and the signature both commit to them). */
interface RowDigests {
  entry: string;
  refs: string;
}

/**
 * A record's audit pointer sealed ahead of its entry (issue #22): what `indexRecords` would write
 * for the entry numbered `seq` under chain key `chainKeyId`, so the record's own INSERT or UPDATE
 * carries it and the row is written once per commit instead of twice.
 */
export interface PlannedPointer {
  seq: number;
  chainKeyId: string;
  nonce: Buffer;
  sealedSeq: Buffer;
}

/** The newest entry: what the anchor outside the file records. mac: hex. */
export interface AuditHead {
  seq: number;
  mac: string;
}

const GENESIS_MAC = new Uint8Array(32);
const CHAIN_CONTEXT = 'hearthac';
const CHAIN_SUBKEY = { mac: 1, refs: 2, index: 3, session: 4 } as const;

/** The migration task that fills `audit_session_index` for a vault written before it (0009). */
export const AUDIT_SESSION_INDEX_TASK = 'audit-session-index';

// The session a record reference belongs to, mirroring the session layer's ids (the vault may
// not import it): events '<session>:<seq padded to 10 digits>', summaries 'summary:<session>'.
const SESSION_EVENT_ID = /^(.+):(\d{10})$/;
const SESSION_SUMMARY_PREFIX = 'summary:';

/** The session id a record id belongs to (an event or a summary), else undefined. */
export function sessionOfRecordId(id: string): string | undefined {
  if (id.startsWith(SESSION_SUMMARY_PREFIX)) return id.slice(SESSION_SUMMARY_PREFIX.length);
  return SESSION_EVENT_ID.exec(id)?.[1];
}

interface AuditRow {
  seq: number;
  epoch: number | null;
  nonce: Buffer;
  ciphertext: Buffer;
  refs_nonce: Buffer | null;
  refs_ciphertext: Buffer | null;
  mac: Buffer;
  signer: Buffer | null;
  signature: Buffer | null;
}

type ChainedRow = Omit<AuditRow, 'mac' | 'signer' | 'signature'>;

interface ChainKeys {
  mac: Uint8Array;
  refs: Uint8Array;
  /** Seals the audit index's sequence numbers (migrations/0005). */
  index: Uint8Array;
  /** Keys the per-session index's tags (migrations/0009). */
  session: Uint8Array;
}

const ROW_COLUMNS =
  'seq, epoch, nonce, ciphertext, refs_nonce, refs_ciphertext, mac, signer, signature';

/** Domain of the per-entry signature (see `signatureMessage`). */
const AUDIT_SIGNATURE = 'hearth.audit-signature.v1';

/** sha256 hex of nonce || ciphertext ('' parts for absent columns). */
function ciphertextHash(nonce: Uint8Array | null, ciphertext: Uint8Array | null): string {
  return sha256Hex(nonce ?? EMPTY, ciphertext ?? EMPTY);
}

const EMPTY = new Uint8Array(0);

function rowDigests(row: ChainedRow): RowDigests {
  return {
    entry: ciphertextHash(row.nonce, row.ciphertext),
    refs: ciphertextHash(row.refs_nonce, row.refs_ciphertext),
  };
}

/**
 * The finding for an audit row with columns of the wrong storage type (red team 24, R24-9):
 * named with its entry and the columns (names only), AUDIT_ROW_MALFORMED.
 */
export function malformedEntryProblem(seq: number, columns: readonly string[]): AuditProblem {
  return {
    seq,
    code: 'AUDIT_ROW_MALFORMED',
    values: { entry: seq, columns: columns.join(', ') },
    detail: `audit entry ${seq} is damaged: ${columns.join(', ')} ${columns.length === 1 ? 'holds' : 'hold'} text or a number where bytes belong (changed outside Hearth), so nothing of it counts. Restore the newest backup (hearth vault restore)`,
  };
}

/** The audit action that starts an export, signed by its starter (see actorMismatch). */
export const EXPORT_STARTED = 'export.started';

/**
 * The commitment an `export.started` entry carries (`detail.commitment`): BLAKE2b-256 (hex) of
 * the export's secret nonce (hex), which only the starter's own process holds until its commit
 * reveals it (`detail.startNonce`). Hearth's own construction (R8-E): a start whose export failed
 * never reveals its nonce, so nobody else can ever complete it.
 */
export function startCommitment(nonceHex: string): string {
  return toHex(blake2b(utf8(`hearth.export-start.v1:${nonceHex}`)));
}

/** An `export.started` entry seen in the walk: who signed it, for which target, whether used. */
interface ExportStart {
  signer: string;
  target: string | undefined;
  /** `startCommitment` of the nonce its commit must reveal; absent on starts of older versions. */
  commitment?: string;
  /** The entry that used this start up (the commit of its export), if any. */
  usedBy?: number;
}

type ActorProblem = Pick<AuditProblem, 'detail' | 'code' | 'values'>;

/** The starts seen so far in the walk, and whether any carried a commitment (see actorMismatch). */
export interface ExportStarts {
  byVersion: Map<number, ExportStart>;
  committed: boolean;
}

/**
 * Whether a foreign-signed commit proves it is its start's own export: it reveals the nonce the
 * start committed to. A start of an older version (no commitment) is accepted only until the
 * first committed start: after that, every genuine export commits (R8-E).
 */
function provesStart(start: ExportStart, body: AuditEntry, starts: ExportStarts): boolean {
  const nonce = body.detail?.startNonce;
  if (start.commitment === undefined) return !starts.committed;
  return typeof nonce === 'string' && startCommitment(nonce) === start.commitment;
}

/**
 * An entry's stated actor must be the certified owner of its signing key. The one exception: an
 * export started by one user and committed while another was signed in names the signer in
 * `signedInAtCommit` and points (`startedAtEntry`) to the starter's own signed `export.started`
 * entry for the same target (red team round 3 H1; round 7 R7-10: without that pointer anyone
 * could attribute an export to a colleague). A start is used up by the first commit that points
 * to it, whoever signed that commit, or (entries written before commits always pointed) by the
 * starter's own next export commit of the same target: round 8 R8-E re-used the start of an
 * export its own user had already committed. A foreign-signed commit must also reveal the nonce
 * its start committed to (`startCommitment`): only the starter's running export holds it, so the
 * start of a *failed* export can never be completed by anyone (R8-E remainder). `starts`: every
 * export.started seen so far, by sequence number; `seq`: this entry's.
 */
function actorMismatch(
  seq: number,
  body: AuditEntry,
  signer: string | undefined,
  starts: ExportStarts,
): ActorProblem | undefined {
  if (signer === undefined) return undefined;
  const pointer = body.action.startsWith('export.') ? body.detail?.startedAtEntry : undefined;
  const start = typeof pointer === 'number' ? starts.byVersion.get(pointer) : undefined;
  if (body.actor === signer) {
    useOwnStart(seq, body, signer, start, starts.byVersion);
    return undefined;
  }
  // Only an export runs long enough for the signed-in user to change before it commits.
  if (!body.action.startsWith('export.') || body.detail?.signedInAtCommit !== signer)
    return {
      detail: `audit entry says it was written by ${body.actor}, but it is signed by ${signer}'s staff key: rewritten outside Hearth`,
    };
  const values = { entry: seq, actor: body.actor, signer };
  if (start && start.signer === body.actor && start.target === body.target) {
    if (start.usedBy === undefined) {
      if (provesStart(start, body, starts)) {
        start.usedBy = seq;
        return undefined;
      }
      return {
        code: 'EXPORT_START_UNPROVEN',
        values: { ...values, start: pointer as number },
        detail: `EXPORT_START_UNPROVEN: audit entry ${seq} says ${body.actor} started this export, signed by ${signer}, but it does not reveal the secret that only ${body.actor}'s own export could reveal for the start it points to (entry ${String(pointer)}): attributed to another user outside Hearth`,
      };
    }
    return {
      code: 'EXPORT_START_REUSED',
      values: { ...values, start: pointer as number, usedBy: start.usedBy },
      detail: `EXPORT_START_REUSED: audit entry ${seq} says ${body.actor} started this export, signed by ${signer}, but the start it points to (entry ${String(pointer)}) was already used by entry ${start.usedBy}: attributed to another user outside Hearth`,
    };
  }
  return {
    code: 'EXPORT_START_MISSING',
    values,
    detail: `EXPORT_START_MISSING: audit entry ${seq} says ${body.actor} started this export, but it is signed by ${signer} and does not point to ${body.actor}'s own signed start of it for the same session: attributed to another user outside Hearth`,
  };
}

/** Notes a signed `export.started` entry in the walk, with its commitment if it carries one. */
function recordExportStart(
  starts: ExportStarts,
  seq: number,
  signer: string,
  body: AuditEntry,
): void {
  const commitment = body.detail?.commitment;
  const start: ExportStart = { signer, target: body.target };
  if (typeof commitment === 'string') {
    start.commitment = commitment;
    starts.committed = true;
  }
  starts.byVersion.set(seq, start);
}

/**
 * A commit by the export's own starter uses up the start it points to or, for entries written
 * before every commit pointed, the starter's oldest unused start of the same target.
 */
function useOwnStart(
  seq: number,
  body: AuditEntry,
  signer: string,
  pointed: ExportStart | undefined,
  starts: Map<number, ExportStart>,
): void {
  if (!body.action.startsWith('export.') || body.action === EXPORT_STARTED) return;
  if (pointed && pointed.signer === signer && pointed.target === body.target) {
    pointed.usedBy ??= seq;
    return;
  }
  for (const start of starts.values())
    if (start.usedBy === undefined && start.signer === signer && start.target === body.target) {
      start.usedBy = seq;
      return;
    }
}

interface Epoch {
  n: number;
  key: Uint8Array;
  chain: ChainKeys;
  chainKeyId: string;
}

/**
 * What `entryForRecord` found: the audit entry the index names for a record, its certified
 * author (undefined for a legacy entry written before signed audit began), or why it does not
 * prove the record's current version.
 */
/**
 * One record's authorship (entryForRecord). On failure, `entryDamaged` tells the entry itself
 * failing (missing, malformed, does not chain, signature, references that do not open, pointer
 * that does not open: the author is unproven, the record may be as written) from the entry not
 * committing to the record (the record was changed): sec59, red team 24 R24-5.
 */
export type RecordEntry =
  | { ok: true; auditSeq: number; signer: string | undefined }
  | { ok: false; auditSeq?: number; problem: string; entryDamaged?: true };

export class AuditLog {
  private readonly vaultIdHex: string;
  private epoch: Epoch | undefined;
  private readonly chainKeys = new Map<string, ChainKeys>();
  private readonly epochChain = new Map<number, string>();
  /** firstSeqAboveChainVersion's answers, per chain-key version, for one epoch count. */
  private firstNewer: { epochs: number; byVersion: Map<number, number> } | undefined;
  /**
   * newerChainAfter's pass over the epochs: the highest chain-key version any epoch names, for
   * one newest epoch number (perf27). Within this process the epochs table changes only by this
   * log's own appends (a new epoch is max + 1) and their rollbacks, both of which move the newest
   * epoch; the file is held under an exclusive lock, so nothing else writes it meanwhile.
   */
  private newestChain: { lastEpoch: number | null; version: number | null } | undefined;

  /**
   * `signer`: the author of entries this instance appends (called at each append, so it follows
   * the signed-in user); without one, `append` refuses (an entry must have an author).
   * `trustedSignedFrom`: the start of signed audit as the centre key signed it (audit-start.ts);
   * without it, the cleartext column vault_meta.audit_signed_from is used.
   */
  constructor(
    private readonly db: Database,
    private readonly keys: KeyStore,
    vaultId: Uint8Array,
    private readonly signer?: () => AuditSigner,
    private readonly trustedSignedFrom?: () => SignedStart,
  ) {
    this.vaultIdHex = toHex(vaultId);
  }

  private chainKeysFor(chainKeyId: string): ChainKeys {
    let found = this.chainKeys.get(chainKeyId);
    if (!found) {
      const root = this.keys.key(chainKeyId);
      found = {
        mac: deriveSubkey(root, CHAIN_SUBKEY.mac, CHAIN_CONTEXT),
        refs: deriveSubkey(root, CHAIN_SUBKEY.refs, CHAIN_CONTEXT),
        index: deriveSubkey(root, CHAIN_SUBKEY.index, CHAIN_CONTEXT),
        session: deriveSubkey(root, CHAIN_SUBKEY.session, CHAIN_CONTEXT),
      };
      this.chainKeys.set(chainKeyId, found);
    }
    return found;
  }

  /**
   * This sign-in's epoch: a random key sealed to the audit public key, so that entries it writes
   * are readable by audit-key holders only. Created with the first entry (in its transaction);
   * recreated if that transaction rolled back.
   */
  private currentEpoch(): Epoch {
    if (
      this.epoch &&
      statement(this.db, 'SELECT 1 FROM audit_epochs WHERE epoch = ?').get(this.epoch.n)
    )
      return this.epoch;
    const last = statement(this.db, 'SELECT max(epoch) AS n FROM audit_epochs').get() as {
      n: number | null;
    };
    const n = (last.n ?? 0) + 1;
    const chainKeyId = this.keys.requireCurrentId(classKey('chain'));
    this.keys.shred(`epoch:${n}`); // a leftover of a rolled-back attempt, never used
    const epochKeyId = this.keys.create(`epoch:${n}`, [
      this.keys.requireCurrentId(classKey('audit')),
    ]);
    statement(this.db, 'INSERT INTO audit_epochs (epoch, chain_key_id) VALUES (?, ?)').run(
      n,
      chainKeyId,
    );
    this.epoch = {
      n,
      key: this.keys.key(epochKeyId),
      chain: this.chainKeysFor(chainKeyId),
      chainKeyId,
    };
    return this.epoch;
  }

  private entryAd(seq: number, epoch: number): Uint8Array {
    return canonicalTuple('hearth.audit.v2', this.vaultIdHex, seq, epoch);
  }

  private refsAd(seq: number): Uint8Array {
    return canonicalTuple('hearth.audit-refs.v1', this.vaultIdHex, seq);
  }

  private chainMac(
    chain: ChainKeys,
    row: ChainedRow,
    prevMacHex: string,
    digests: RowDigests = rowDigests(row),
  ): Uint8Array {
    return blake2b(
      canonicalTuple(
        'hearth.audit-chain.v2',
        this.vaultIdHex,
        row.seq,
        row.epoch ?? 0,
        prevMacHex,
        digests.entry,
        digests.refs,
      ),
      32,
      chain.mac,
    );
  }

  /**
   * The bytes an entry's author signs: JSON array ["hearth.audit-signature.v1", vault id hex,
   * seq, epoch, previous entry's MAC hex (64 zeros for the first), sha256 hex of the entry's
   * nonce||ciphertext, sha256 hex of its references' nonce||ciphertext, signer public key hex].
   * Needs no key to recompute: anyone with the file can check who wrote which entry.
   */
  private signatureMessage(
    row: ChainedRow,
    prevMacHex: string,
    signerHex: string,
    digests: RowDigests = rowDigests(row),
  ): Uint8Array {
    return canonicalTuple(
      AUDIT_SIGNATURE,
      this.vaultIdHex,
      row.seq,
      row.epoch ?? 0,
      prevMacHex,
      digests.entry,
      digests.refs,
      signerHex,
    );
  }

  /**
   * The first sequence number that must be signed, and whether the centre vouches for it: the
   * centre's value where the vault has one (audit-start.ts, through `trustedSignedFrom`), else
   * vault_meta.audit_signed_from, which is not vouched.
   */
  private signedStart(): SignedStart {
    if (this.trustedSignedFrom) return this.trustedSignedFrom();
    return { from: readSignedFromColumn(this.db).value, vouched: false };
  }

  /** The newest entry's sequence number and MAC (cleartext columns: readable without keys). */
  head(): AuditHead | undefined {
    const row = statement(
      this.db,
      'SELECT seq, mac FROM audit_log ORDER BY seq DESC LIMIT 1',
    ).get() as { seq: number; mac: Buffer } | undefined;
    return row ? { seq: row.seq, mac: toHex(blob(row.mac)) } : undefined;
  }

  /**
   * Appends one entry; call inside the transaction that makes the change it describes.
   * `prewritten`: the pointers (planPointers) already written into the rows of records this
   * entry references; a row whose planned entry number and chain key match this entry's is not
   * written again, any other is pointed here as before.
   */
  append(entry: AuditEntry, prewritten?: ReadonlyMap<string, PlannedPointer>): number {
    if (!this.signer)
      throw new HearthError('INTERNAL', 'An audit entry needs a signed-in author to sign it.');
    const author = this.signer();
    const head = statement(
      this.db,
      'SELECT seq, mac FROM audit_log ORDER BY seq DESC LIMIT 1',
    ).get() as { seq: number; mac: Buffer } | undefined;
    const seq = (head?.seq ?? 0) + 1;
    const prevMac = head ? blob(head.mac) : GENESIS_MAC;
    const epoch = this.currentEpoch();
    const { records = [], ...body } = entry;
    // Padded to fixed floors (audit-format.ts, R13-6) so the sizes do not tell the action.
    const sealed = aeadEncrypt(
      epoch.key,
      encodeAuditPlaintext('body', body),
      this.entryAd(seq, epoch.n),
    );
    const refs = aeadEncrypt(
      epoch.chain.refs,
      encodeAuditPlaintext('refs', records),
      this.refsAd(seq),
    );
    const row = {
      seq,
      epoch: epoch.n,
      nonce: Buffer.from(sealed.nonce),
      ciphertext: Buffer.from(sealed.ciphertext),
      refs_nonce: Buffer.from(refs.nonce),
      refs_ciphertext: Buffer.from(refs.ciphertext),
    };
    const prevMacHex = toHex(prevMac);
    const digests = rowDigests(row);
    const mac = this.chainMac(epoch.chain, row, prevMacHex, digests);
    const signature = author.sign(
      this.signatureMessage(row, prevMacHex, toHex(author.publicKey), digests),
    );
    statement(
      this.db,
      `INSERT INTO audit_log (${ROW_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      seq,
      epoch.n,
      row.nonce,
      row.ciphertext,
      row.refs_nonce,
      row.refs_ciphertext,
      mac,
      Buffer.from(author.publicKey),
      Buffer.from(signature),
    );
    this.indexRecords(seq, records, epoch.chainKeyId, epoch.chain, prewritten);
    this.indexSessions(seq, records, epoch.chain);
    return seq;
  }

  /** The per-session index tag of `sessionId` under one chain key's subkey (migrations/0009). */
  private sessionTag(chain: ChainKeys, sessionId: string): Buffer {
    return Buffer.from(
      blake2b(utf8(`hearth.audit-session.v1\u0000${sessionId}`), 16, chain.session),
    );
  }

  /** Lists entry `seq` under every session whose records it references (migrations/0009). */
  private indexSessions(seq: number, records: readonly AuditRecordRef[], chain: ChainKeys): void {
    const sessions = new Set<string>();
    for (const ref of records) {
      const sessionId = sessionOfRecordId(ref.id);
      if (sessionId !== undefined) sessions.add(sessionId);
    }
    for (const sessionId of sessions)
      statement(this.db, 'INSERT OR IGNORE INTO audit_session_index (tag, seq) VALUES (?, ?)').run(
        this.sessionTag(chain, sessionId),
        seq,
      );
  }

  /**
   * Fills the per-session index from one walk of the log (migrations/0009, for vaults written
   * before it). Call inside a transaction. Returns how many rows were written.
   */
  rebuildSessionIndex(): number {
    // Collected first: nothing may be written while the walk's statement is iterating.
    const touched: Array<{ seq: number; records: AuditRecordRef[] }> = [];
    this.walk((seq, records) => {
      if (records?.some((r) => sessionOfRecordId(r.id) !== undefined))
        touched.push({ seq, records });
    });
    statement(this.db, 'DELETE FROM audit_session_index').run();
    for (const { seq, records } of touched) {
      const row = statement(this.db, 'SELECT epoch FROM audit_log WHERE seq = ?').get(seq) as
        { epoch: number | null } | undefined;
      const chain = row ? this.chainFor(row.epoch) : undefined;
      if (chain) this.indexSessions(seq, records, chain);
    }
    return touched.length;
  }

  /**
   * The audit entries from `fromSeq` on that the per-session index lists for `sessionId`, each
   * with its record references, in order: `visit(seq, refs)`. An entry whose chain MAC fails or
   * whose references do not open is skipped (as in `walk`; `vault check` names it). The index
   * is a pointer only: a listed entry that references nothing of the session is still handed
   * over (the caller reads the references), and one it does not list is not seen here.
   * Cost: two primary-key reads, one MAC and one AEAD opening per listed entry.
   */
  sessionEntries(
    sessionId: string,
    fromSeq: number,
    visit: (seq: number, refs: AuditRecordRef[]) => void,
  ): void {
    const keyIds = (
      statement(this.db, 'SELECT DISTINCT chain_key_id FROM audit_epochs').all() as Array<{
        chain_key_id: string;
      }>
    ).map((r) => r.chain_key_id);
    const tags: Buffer[] = [];
    for (const keyId of keyIds) {
      try {
        tags.push(this.sessionTag(this.chainKeysFor(keyId), sessionId));
      } catch (error) {
        if (!(error instanceof HearthError)) throw error;
      }
    }
    const seqs = new Set<number>();
    for (const tag of tags)
      for (const r of statement(
        this.db,
        'SELECT seq FROM audit_session_index WHERE tag = ? AND seq >= ?',
      ).all(tag, fromSeq) as Array<{ seq: number }>)
        seqs.add(r.seq);
    for (const seq of [...seqs].sort((a, b) => a - b)) {
      const row = statement(this.db, `SELECT ${ROW_COLUMNS} FROM audit_log WHERE seq = ?`).get(
        seq,
      ) as AuditRow | undefined;
      const prev = statement(this.db, 'SELECT mac FROM audit_log WHERE seq = ?').get(seq - 1) as
        { mac: Buffer } | undefined;
      if (row && malformedColumns(row, AUDIT_ROW_SHAPE).length > 0) continue;
      if (prev && !(prev.mac instanceof Uint8Array)) continue;
      const chain = row ? this.chainFor(row.epoch) : undefined;
      if (!row || !chain || (seq > 1 && !prev)) continue;
      const prevMacHex = prev ? toHex(blob(prev.mac)) : toHex(GENESIS_MAC);
      if (toHex(this.chainMac(chain, row, prevMacHex)) !== toHex(blob(row.mac))) continue;
      const refs = this.openRefs(row, chain);
      if (refs) visit(seq, refs);
    }
  }

  private indexAd(recordId: string): Uint8Array {
    return canonicalTuple('hearth.audit-index.v1', this.vaultIdHex, recordId);
  }

  /**
   * The pointer sealer for records written before the next `append` in this transaction: each
   * call seals the number the next entry will get (head + 1) under the chain key it will use, in
   * the same format and with the same associated data as `indexRecords`. Undefined before the
   * sign-in's first entry (it has no epoch yet, so the chain key is not chosen). A prediction
   * that turns out wrong (another entry appended first, another chain key) is harmless: the
   * pointer names its entry number and chain key, and `append` rewrites any that do not match
   * its own. Call inside the write's transaction.
   */
  planPointers(): ((recordId: string) => PlannedPointer) | undefined {
    const epoch = this.epoch;
    if (!epoch) return undefined;
    const head = statement(
      this.db,
      'SELECT seq, mac FROM audit_log ORDER BY seq DESC LIMIT 1',
    ).get() as { seq: number } | undefined;
    const seq = (head?.seq ?? 0) + 1;
    const { chainKeyId, chain } = epoch;
    return (recordId) => {
      const sealed = aeadEncrypt(chain.index, utf8(String(seq)), this.indexAd(recordId));
      return {
        seq,
        chainKeyId,
        nonce: Buffer.from(sealed.nonce),
        sealedSeq: Buffer.from(sealed.ciphertext),
      };
    };
  }

  /**
   * Points each record's audit index row at entry `seq` (the entry that wrote its current
   * version); a removed record loses its row. Call in the transaction of the append. A record
   * whose row already carries the pointer to this entry (`prewritten`, see planPointers) is
   * left as it is.
   */
  private indexRecords(
    seq: number,
    records: readonly AuditRecordRef[],
    chainKeyId: string,
    chain: ChainKeys,
    prewritten?: ReadonlyMap<string, PlannedPointer>,
  ): void {
    for (const ref of records) {
      if (ref.hash === '') {
        statement(this.db, 'DELETE FROM audit_index WHERE record_id = ?').run(ref.id);
        continue;
      }
      const planned = prewritten?.get(ref.id);
      if (planned && planned.seq === seq && planned.chainKeyId === chainKeyId) continue;
      const sealed = aeadEncrypt(chain.index, utf8(String(seq)), this.indexAd(ref.id));
      const values = [chainKeyId, Buffer.from(sealed.nonce), Buffer.from(sealed.ciphertext)];
      // A record's pointer lives in its own row (migration 0008: the page the write has already
      // touched); anything else (a key slot, the audit start) keeps its row in audit_index.
      const inRow = statement(
        this.db,
        'UPDATE records SET audit_chain_key_id = ?, audit_nonce = ?, audit_sealed_seq = ? WHERE record_id = ?',
      ).run(...values, ref.id);
      if (inRow.changes === 1) continue;
      statement(
        this.db,
        'INSERT OR REPLACE INTO audit_index (chain_key_id, nonce, sealed_seq, record_id) VALUES (?, ?, ?, ?)',
      ).run(...values, ref.id);
    }
  }

  /**
   * Rebuilds the audit index from one walk of the log (migrations/0005, for vaults written
   * before it): each record's row names the last entry that wrote it. Call inside a
   * transaction. Entries that fail authentication are skipped (`vault check` names them; verify
   * then reports the records they wrote as unindexed). Returns how many rows were written.
   */
  rebuildIndex(): number {
    const chainKeyId = this.keys.requireCurrentId(classKey('chain'));
    const chain = this.chainKeysFor(chainKeyId);
    const last = new Map<string, { seq: number; hash: string }>();
    this.walk((seq, records) => {
      for (const ref of records ?? []) last.set(ref.id, { seq, hash: ref.hash });
    });
    // Key certificates' pointers (`keycert:`, key-vouching.ts) and case references' histories
    // (`caseref:`, reference-history.ts) are not in any entry's refs: kept.
    statement(
      this.db,
      "DELETE FROM audit_index WHERE record_id NOT LIKE 'keycert:%' AND record_id NOT LIKE 'caseref:%'",
    ).run();
    statement(
      this.db,
      'UPDATE records SET audit_chain_key_id = NULL, audit_nonce = NULL, audit_sealed_seq = NULL',
    ).run();
    let written = 0;
    for (const [id, { seq, hash }] of last) {
      if (hash === '') continue;
      this.indexRecords(seq, [{ id, seq: 0, hash }], chainKeyId, chain);
      written++;
    }
    return written;
  }

  /**
   * Whether a record has any sealed pointer (its row's columns, or an audit_index row). Clear
   * columns only; whether it opens is `entryForRecord`'s to say.
   */
  hasPointer(recordId: string): boolean {
    return this.pointerRow(recordId) !== undefined;
  }

  /**
   * The sealed pointer of a record: in the record's own row (migration 0008), else in
   * audit_index (what is not a record: key slots, the audit start). Undefined: none.
   */
  private pointerRow(
    recordId: string,
  ): { chain_key_id: string; nonce: Buffer; sealed_seq: Buffer } | undefined {
    const inRow = statement(
      this.db,
      `SELECT audit_chain_key_id AS chain_key_id, audit_nonce AS nonce, audit_sealed_seq AS sealed_seq
         FROM records WHERE record_id = ? AND audit_sealed_seq IS NOT NULL`,
    ).get(recordId) as { chain_key_id: string; nonce: Buffer; sealed_seq: Buffer } | undefined;
    return (
      inRow ??
      (statement(
        this.db,
        'SELECT chain_key_id, nonce, sealed_seq FROM audit_index WHERE record_id = ?',
      ).get(recordId) as { chain_key_id: string; nonce: Buffer; sealed_seq: Buffer } | undefined)
    );
  }

  /**
   * Whether the entry the audit index names for a record is chained with an older version of the
   * chain key than one an earlier entry already used (R13-1): Hearth opens every epoch under the
   * current chain key, so such a write was made with a kept old key (a removed user's old copy).
   * Clear columns plus the index pointer; false when the pointer cannot be read (verify and
   * `vault check` name that). Cost: one index pointer, one lookup, and (cached per epoch count) one pass over the epochs.
   */
  writtenUnderStaleChain(recordId: string): boolean {
    const indexed = this.indexedSeq(recordId);
    if ('problem' in indexed) return false;
    const row = statement(
      this.db,
      'SELECT e.chain_key_id AS chain FROM audit_log a JOIN audit_epochs e ON e.epoch = a.epoch WHERE a.seq = ?',
    ).get(indexed.seq) as { chain: string } | undefined;
    if (!row) return false;
    const version = (id: string): number => {
      try {
        return parseKeyId(id).version;
      } catch {
        return 0;
      }
    };
    const first = this.firstSeqAboveChainVersion(version(row.chain), version);
    return first !== undefined && first < indexed.seq;
  }

  /**
   * Whether some entry of the log is chained under a newer chain-key version than entry `seq`
   * (red team 22, RT22-1: a class key floor statement must be the one made under the newest chain
   * key; every removal rotates the chain key and states the floors anew). True (fail closed) when
   * entry `seq` or its epoch is missing. Cost: as writtenUnderStaleChain.
   */
  newerChainAfter(seq: number): boolean {
    const row = statement(
      this.db,
      'SELECT e.chain_key_id AS chain FROM audit_log a JOIN audit_epochs e ON e.epoch = a.epoch WHERE a.seq = ?',
    ).get(seq) as { chain: string } | undefined;
    if (!row) return true;
    const mine = tryParseKeyId(row.chain)?.version ?? 0;
    if (mine === 0) return true;
    // The statement below can only find an epoch whose chain version (read the same way) is above
    // `mine`: when no epoch names one, it would find nothing. That pass over the epochs is made
    // once per sign-in, not once per class key floor (nine at every admin sign-in): the epochs
    // table grows with every sign-in, so nine passes cost 26 ms at 6,250 epochs (perf27).
    const newest = this.newestChainVersion();
    if (newest === null || newest <= mine) return false;
    // In SQL, one row at most whatever the number of sign-ins (epochs): an epoch under a newer
    // chain key version that has an entry.
    return (
      statement(
        this.db,
        `SELECT 1 FROM audit_epochs e
          WHERE e.chain_key_id GLOB 'class:chain@[1-9]*'
            AND CAST(substr(e.chain_key_id, length('class:chain@') + 1) AS INTEGER) > ?
            AND EXISTS (SELECT 1 FROM audit_log a WHERE a.epoch = e.epoch)
          LIMIT 1`,
      ).get(mine) !== undefined
    );
  }

  /**
   * The highest chain-key version named by any epoch (`class:chain@<n>` read as newerChainAfter's
   * statement reads it), or null when none does: one pass over the epochs, kept while the newest
   * epoch number is the same (see `newestChain`).
   */
  private newestChainVersion(): number | null {
    const { n } = statement(this.db, 'SELECT max(epoch) AS n FROM audit_epochs').get() as {
      n: number | null;
    };
    if (this.newestChain?.lastEpoch !== n) {
      const { v } = statement(
        this.db,
        `SELECT max(CAST(substr(chain_key_id, length('class:chain@') + 1) AS INTEGER)) AS v
           FROM audit_epochs WHERE chain_key_id GLOB 'class:chain@[1-9]*'`,
      ).get() as { v: number | null };
      this.newestChain = { lastEpoch: n, version: v };
    }
    return this.newestChain.version;
  }

  /**
   * The first entry chained under a newer chain-key version than `mine`, or undefined. Every
   * record read after a removal asks this (the read guard, R13-1 residual; sec27), so the
   * answer is kept per version while the epoch table is unchanged: entries only append, so a
   * first seq once found stays first. Without the cache each read scanned the log's epochs.
   */
  private firstSeqAboveChainVersion(
    mine: number,
    version: (id: string) => number,
  ): number | undefined {
    const { n } = statement(this.db, 'SELECT count(*) AS n FROM audit_epochs').get() as {
      n: number;
    };
    if (this.firstNewer?.epochs !== n) this.firstNewer = { epochs: n, byVersion: new Map() };
    const known = this.firstNewer.byVersion.get(mine);
    if (known !== undefined) return known;
    const newer = (
      statement(this.db, 'SELECT epoch, chain_key_id AS chain FROM audit_epochs').all() as Array<{
        epoch: number;
        chain: string;
      }>
    )
      .filter((e) => version(e.chain) > mine)
      .map((e) => e.epoch);
    if (newer.length === 0) return undefined;
    // perf29: a binary search over seq with chain-MAC proofs at its boundary (first-newer.ts);
    // the scan of the whole log only when a proof fails.
    const searched = firstEntryInEpochs(newer, this.logProbe());
    let first: number | undefined;
    if ('seq' in searched) first = searched.seq;
    else if ('none' in searched) first = undefined;
    else first = this.firstSeqInEpochsByScan(newer);
    if (first === undefined) return undefined;
    this.firstNewer.byVersion.set(mine, first);
    return first;
  }

  /**
   * The first entry of any of `epochs` by a scan of the whole log (no index on `epoch`): what
   * firstSeqAboveChainVersion did before perf29, and does when the search's proof fails.
   */
  private firstSeqInEpochsByScan(epochs: readonly number[]): number | undefined {
    const first = statement(
      this.db,
      `SELECT min(seq) AS seq FROM audit_log WHERE epoch IN (${epochs.map(() => '?').join(',')})`,
    ).get(...epochs) as { seq: number | null };
    return first.seq ?? undefined;
  }

  /**
   * The first entry (seq) chained under a chain-key version above `version`, or undefined: what
   * the read guard compares a record's entry with after a removal (R13-1). Binary search with
   * proofs, the scan as fallback (first-newer.ts). Kept per version while no epoch is added.
   */
  firstSeqAboveChain(version: number): number | undefined {
    return this.firstSeqAboveChainVersion(version, (id) => tryParseKeyId(id)?.version ?? 0);
  }

  /** Primary-key reads of the log for first-newer.ts, and the chain-MAC proof of one entry. */
  private logProbe(): LogProbe {
    const probed = (row: { seq: number; epoch: unknown } | undefined): ProbedEntry | undefined =>
      row && {
        seq: row.seq,
        epoch: typeof row.epoch === 'number' && Number.isInteger(row.epoch) ? row.epoch : null,
      };
    return {
      // Two statements: SQLite reads min() or max() alone from the primary key's ends, but a
      // statement with both scans the table (2.5 s of CPU at 800,000 entries, measured).
      bounds: () => {
        const min = statement(this.db, 'SELECT seq FROM audit_log ORDER BY seq LIMIT 1').get() as
          | { seq: number }
          | undefined;
        const max = statement(
          this.db,
          'SELECT seq FROM audit_log ORDER BY seq DESC LIMIT 1',
        ).get() as { seq: number } | undefined;
        return min && max ? { min: min.seq, max: max.seq } : undefined;
      },
      atOrAfter: (seq) =>
        probed(
          statement(
            this.db,
            'SELECT seq, epoch FROM audit_log WHERE seq >= ? ORDER BY seq LIMIT 1',
          ).get(seq) as { seq: number; epoch: unknown } | undefined,
        ),
      at: (seq) =>
        probed(
          statement(this.db, 'SELECT seq, epoch FROM audit_log WHERE seq = ?').get(seq) as
            { seq: number; epoch: unknown } | undefined,
        ),
      chains: (seq) => this.entryChains(seq),
    };
  }

  /**
   * Whether entry `seq` chains: its MAC verifies under its epoch's chain key over entry
   * `seq - 1`'s MAC (the genesis value for seq 1). False when either row is missing or malformed
   * or the chain key cannot be opened. Cost: two primary-key reads, one keyed BLAKE2b.
   */
  private entryChains(seq: number): boolean {
    const row = statement(this.db, `SELECT ${ROW_COLUMNS} FROM audit_log WHERE seq = ?`).get(
      seq,
    ) as AuditRow | undefined;
    if (!row || malformedColumns(row, AUDIT_ROW_SHAPE).length > 0) return false;
    let prevMac: Uint8Array = GENESIS_MAC;
    if (seq !== 1) {
      const prev = statement(this.db, 'SELECT mac FROM audit_log WHERE seq = ?').get(seq - 1) as
        { mac: Buffer } | undefined;
      if (!prev || !(prev.mac instanceof Uint8Array)) return false;
      prevMac = blob(prev.mac);
    }
    const chain = this.chainFor(row.epoch);
    return (
      chain !== undefined &&
      constantTimeEqual(this.chainMac(chain, row, toHex(prevMac)), blob(row.mac))
    );
  }

  /**
   * Names entry `seq` for `id` in the audit index, sealed like a record's pointer (under this
   * sign-in's chain key): how a key certificate points at the entry that vouches for it
   * (key-vouching.ts, sec30). Call in the transaction of that entry, after this sign-in's first
   * append (its chain key is chosen then).
   */
  pointAt(id: string, seq: number): void {
    const epoch = this.epoch;
    if (!epoch)
      throw new HearthError('INTERNAL', 'A pointer needs this sign-in to have written an entry.');
    this.indexRecords(seq, [{ id, seq: 0, hash: 'pointer' }], epoch.chainKeyId, epoch.chain);
  }

  /**
   * Entry `seq`'s certified author (as `signerAt`: chained and signature verified), that author's
   * staff key (hex) and the entry's record references; undefined when the entry is missing,
   * fails, or is unsigned. For judging a key certificate bound to the entry. Cost: as signerAt,
   * plus one AEAD opening.
   */
  claimAt(
    seq: number,
    lookup: SignerLookup,
  ):
    | { signer: string; role: string | undefined; signerKey: string; refs: AuditRecordRef[] }
    | undefined {
    const signed = this.signerAt(seq, lookup);
    const signerKey = this.signerKeyAt(seq);
    if (!signed?.signer || signed.legacy || !signerKey) return undefined;
    const row = statement(this.db, `SELECT ${ROW_COLUMNS} FROM audit_log WHERE seq = ?`).get(
      seq,
    ) as AuditRow | undefined;
    const sound = row && malformedColumns(row, AUDIT_ROW_SHAPE).length === 0 ? row : undefined;
    const chain = sound ? this.chainFor(sound.epoch) : undefined;
    const refs = sound && chain ? this.openRefs(sound, chain) : undefined;
    if (!refs) return undefined;
    return { signer: signed.signer, role: signed.role, signerKey, refs };
  }

  /** The entry the audit index names for a record's current version, if its pointer opens. */
  indexedEntry(recordId: string): number | undefined {
    const indexed = this.indexedSeq(recordId);
    return 'seq' in indexed ? indexed.seq : undefined;
  }

  /** The epoch column of entry `seq` (its chain MAC covers it), or undefined. */
  epochAt(seq: number): number | undefined {
    const row = statement(this.db, 'SELECT epoch FROM audit_log WHERE seq = ?').get(seq) as
      { epoch: number | null } | undefined;
    return row?.epoch ?? undefined;
  }

  /** The signer column (staff public key, hex) of entry `seq`: clear, unverified. */
  signerKeyAt(seq: number): string | undefined {
    const row = statement(this.db, 'SELECT signer FROM audit_log WHERE seq = ?').get(seq) as
      { signer: Buffer | null } | undefined;
    return row?.signer instanceof Uint8Array ? toHex(blob(row.signer)) : undefined;
  }

  /** The sequence number the audit index names for a record, or why it cannot be read. */
  private indexedSeq(recordId: string): { seq: number } | { problem: string } {
    const row = this.pointerRow(recordId);
    if (!row)
      return {
        problem:
          // R26-6: signing in rebuilds the pointers only while the migration task is pending,
          // so "sign in again" is not offered: the check names the record, the backup restores.
          'has no audit index entry (its pointer columns were cleared or its index row deleted outside Hearth): an admin runs a vault check (hearth vault check; it names RECORD_POINTER_MISSING) and restores the newest backup (hearth vault restore)',
      };
    let chain: ChainKeys;
    try {
      chain = this.chainKeysFor(row.chain_key_id);
    } catch (error) {
      if (!(error instanceof HearthError)) throw error;
      return { problem: 'has an audit index entry under a key this vault does not hold (edited)' };
    }
    // A pointer of the wrong type (R24-9) fails like an edited one.
    if (!(row.nonce instanceof Uint8Array) || !(row.sealed_seq instanceof Uint8Array))
      return { problem: 'has an audit index entry that fails authentication (edited)' };
    const opened = this.openJson<number>(
      chain.index,
      blob(row.nonce),
      blob(row.sealed_seq),
      this.indexAd(recordId),
    );
    if (typeof opened !== 'number' || !Number.isSafeInteger(opened) || opened < 1)
      return { problem: 'has an audit index entry that fails authentication (edited)' };
    return { seq: opened };
  }

  /**
   * One record's authorship without walking the log: the entry the audit index names (an
   * untrusted pointer) is read by sequence number with the entry before it, and must chain to it
   * (MAC), carry a valid author signature over (previous MAC, digest) by a key the centre
   * certified (`lookup`), and commit to `recordId` with `hash` (sha256 hex of its current
   * nonce || ciphertext). Entries before the start of signed audit are accepted unsigned
   * (signer undefined), as `walk` does. Cost: three primary-key reads, one signature check.
   * `authorship`: where signed audit starts (newAuthorship); a caller checking many records
   * reads it once and passes it to each call.
   */
  entryForRecord(
    recordId: string,
    hash: string,
    lookup: SignerLookup,
    authorship: AuditAuthorship = this.newAuthorship(),
  ): RecordEntry {
    const indexed = this.indexedSeq(recordId);
    if ('problem' in indexed) return { ok: false, problem: indexed.problem, entryDamaged: true };
    const auditSeq = indexed.seq;
    const fail = (problem: string): RecordEntry => ({
      ok: false,
      auditSeq,
      problem,
      entryDamaged: true,
    });
    const row = statement(this.db, `SELECT ${ROW_COLUMNS} FROM audit_log WHERE seq = ?`).get(
      auditSeq,
    ) as AuditRow | undefined;
    if (!row) return fail(`names audit entry ${auditSeq}, which is missing (deleted)`);
    const malformed = malformedColumns(row, AUDIT_ROW_SHAPE);
    if (malformed.length > 0) return fail(malformedEntryProblem(auditSeq, malformed).detail);
    let prevMac: Uint8Array = GENESIS_MAC;
    if (auditSeq > 1) {
      const prev = statement(this.db, 'SELECT mac FROM audit_log WHERE seq = ?').get(
        auditSeq - 1,
      ) as { mac: Buffer } | undefined;
      if (!prev) return fail(`audit entry ${auditSeq - 1} before its entry is missing (deleted)`);
      if (!(prev.mac instanceof Uint8Array))
        return fail(malformedEntryProblem(auditSeq - 1, ['mac']).detail);
      prevMac = blob(prev.mac);
    }
    const chain = this.chainFor(row.epoch);
    if (!chain) return fail(`audit entry ${auditSeq} names an epoch or chain key that is missing`);
    const prevMacHex = toHex(prevMac);
    const digests = rowDigests(row);
    if (!constantTimeEqual(this.chainMac(chain, row, prevMacHex, digests), blob(row.mac)))
      return fail(`audit entry ${auditSeq} does not chain to the one before it (edited)`);
    const inline = createVerifyPool({ workers: 0 });
    const signed = this.checkSignature(
      row,
      prevMacHex,
      digests,
      authorship,
      lookup,
      inline,
    )(inline);
    if (signed.problem) return fail(`audit entry ${auditSeq}: ${signed.problem}`);
    const refs = this.openRefs(row, chain);
    if (!refs) return fail(`audit entry ${auditSeq} record references fail authentication`);
    if (!refs.some((ref) => ref.id === recordId && ref.hash === hash))
      return {
        ok: false,
        auditSeq,
        problem: `is not the version its author wrote (audit entry ${auditSeq} does not commit to it): rewritten outside Hearth`,
      };
    return { ok: true, auditSeq, signer: signed.signer };
  }

  /**
   * The certified author of audit entry `seq` and their role, after checking that it chains to
   * the entry before it and that its signature verifies: `legacy` for an entry written before
   * signed audit began, undefined when the entry is missing or fails either check (`vault check`
   * names why). For judging one entry's claim (session-claims.ts) without a signed walk. Cost:
   * two primary-key reads, one MAC, one signature check.
   */
  signerAt(
    seq: number,
    lookup: SignerLookup,
    authorship: AuditAuthorship = this.newAuthorship(),
  ): { signer: string | undefined; role: string | undefined; legacy: boolean } | undefined {
    const row = statement(this.db, `SELECT ${ROW_COLUMNS} FROM audit_log WHERE seq = ?`).get(
      seq,
    ) as AuditRow | undefined;
    // A row of the wrong shape (R24-9) verifies as nothing, like an edited one.
    if (!row || malformedColumns(row, AUDIT_ROW_SHAPE).length > 0) return undefined;
    let prevMac: Uint8Array = GENESIS_MAC;
    if (seq > 1) {
      const prev = statement(this.db, 'SELECT mac FROM audit_log WHERE seq = ?').get(seq - 1) as
        { mac: Buffer } | undefined;
      if (!prev || !(prev.mac instanceof Uint8Array)) return undefined;
      prevMac = blob(prev.mac);
    }
    const chain = this.chainFor(row.epoch);
    const prevMacHex = toHex(prevMac);
    const digests = rowDigests(row);
    if (!chain || !constantTimeEqual(this.chainMac(chain, row, prevMacHex, digests), blob(row.mac)))
      return undefined;
    const inline = createVerifyPool({ workers: 0 });
    const signed = this.checkSignature(
      row,
      prevMacHex,
      digests,
      authorship,
      lookup,
      inline,
    )(inline);
    if (signed.problem) return undefined;
    return { signer: signed.signer, role: signed.role, legacy: seq < authorship.signedFrom };
  }

  private chainFor(epoch: number | null): ChainKeys | undefined {
    if (epoch === null) return undefined;
    let chainKeyId = this.epochChain.get(epoch);
    if (!chainKeyId) {
      const row = statement(this.db, 'SELECT chain_key_id FROM audit_epochs WHERE epoch = ?').get(
        epoch,
      ) as { chain_key_id: string } | undefined;
      if (!row) return undefined;
      chainKeyId = row.chain_key_id;
      this.epochChain.set(epoch, chainKeyId);
    }
    try {
      return this.chainKeysFor(chainKeyId);
    } catch (error) {
      if (error instanceof HearthError) return undefined;
      throw error;
    }
  }

  /** This sign-in's key for an epoch's entries, or undefined (not an audit-key holder). */
  private entryKey(epoch: number): Uint8Array | undefined {
    const id = `epoch:${epoch}@1`;
    try {
      return this.keys.canOpen(id) ? this.keys.key(id) : undefined;
    } catch (error) {
      if (error instanceof HearthError) return undefined;
      throw error;
    }
  }

  private openRefs(row: AuditRow, chain: ChainKeys): AuditRecordRef[] | undefined {
    if (!row.refs_nonce || !row.refs_ciphertext) return undefined;
    return this.openJson<AuditRecordRef[]>(
      chain.refs,
      blob(row.refs_nonce),
      blob(row.refs_ciphertext),
      this.refsAd(row.seq),
      'refs',
    );
  }

  /**
   * Opens one sealed JSON value; `part` names an audit body or reference list, whose plaintext
   * may be padded (audit-format.ts). Undefined when it fails authentication or does not parse.
   */
  private openJson<T>(
    key: Uint8Array,
    nonce: Uint8Array,
    ciphertext: Uint8Array,
    ad: Uint8Array,
    part?: AuditPart,
  ): T | undefined {
    try {
      const plaintext = aeadDecrypt(key, nonce, ciphertext, ad);
      if (part) return decodeAuditPlaintext(part, plaintext) as T;
      return JSON.parse(fromUtf8(plaintext)) as T;
    } catch (error) {
      if (
        error instanceof CryptoError ||
        error instanceof SyntaxError ||
        error instanceof TypeError
      )
        return undefined;
      throw error;
    }
  }

  /**
   * Walks the whole chain. Returns, for every entry, the records it says were written
   * (`written`, for every user), the entries themselves where this sign-in holds the audit key
   * (`entries`), and the problems found: a gap in the sequence, a MAC that does not chain, an
   * entry or its references that fail authentication; and, with `lookup`, every entry's author
   * signature and certificate: an unsigned entry after signed audit began, a signature that
   * does not match, a key the centre did not certify, an entry whose stated actor (readable by
   * audit-key holders) is not the certified owner of the key that signed it. Holds the whole log
   * in memory: `vault check` uses `walk` instead.
   */
  verify(lookup?: SignerLookup): {
    entries: Array<AuditEntry & { seq: number }>;
    written: Array<{ seq: number; records: AuditRecordRef[] }>;
    problems: AuditProblem[];
    authorship: AuditAuthorship;
  } {
    const entries: Array<AuditEntry & { seq: number }> = [];
    const written: Array<{ seq: number; records: AuditRecordRef[] }> = [];
    const authorship = this.newAuthorship();
    const problems = this.walk(
      (seq, records, body) => {
        if (records) written.push({ seq, records });
        if (body) entries.push(body);
      },
      undefined,
      undefined,
      lookup ? { lookup, authorship } : undefined,
    );
    return { entries, written, problems, authorship };
  }

  /** An empty authorship record for `walk` to fill. */
  newAuthorship(): AuditAuthorship {
    const start = this.signedStart();
    return { legacyUnsigned: 0, signedFrom: start.from, startVouched: start.vouched };
  }

  /**
   * The chain check of `verify`, streamed: `visit` sees each entry in order (its record
   * references, and its body where this sign-in holds the audit key; undefined where they fail
   * authentication; with `authors`, the certified user name of its signer, undefined for a legacy
   * or failing entry) and nothing is kept, so memory does not grow with the log. `progress` is
   * called with (entries done, entries in all) every `every` entries. Returns the problems, per
   * entry in the order: gap before it, signature, chain, references, body, actor.
   * Per entry: two SHA-256 digests (shared by the MAC and the signature message), one keyed
   * BLAKE2b, one Ed25519 verification, one or two AEAD openings. With `authors.verifier` (a
   * worker pool, src/crypto/verify-pool.ts) the Ed25519 checks run beside the rest: each entry
   * is finished (visited, its problems recorded) when its signature's verdict is back, at most
   * the verifier's `readAhead` entries behind, so memory stays bounded and the order is unchanged.
   */
  walk(
    visit: (
      seq: number,
      records: AuditRecordRef[] | undefined,
      body: (AuditEntry & { seq: number }) | undefined,
      signer: string | undefined,
      /** The signer's role by their certificate (by profile before the centre key existed). */
      signerRole?: string,
      /** The signing staff key (hex) of an entry whose signature verifies and is certified. */
      signerKey?: string,
      /** The sign-in epoch the entry was written in (null: none named). */
      epoch?: number | null,
    ) => void,
    progress?: (done: number, total: number) => void,
    every = 5000,
    authors?: { lookup: SignerLookup; authorship: AuditAuthorship; verifier?: DeferredVerifier },
    /** Start at this entry (its predecessor's MAC read as the chain's start); default 1. */
    fromSeq = 1,
  ): AuditProblem[] {
    const problems: AuditProblem[] = [];
    const total = this.head()?.seq ?? 0;
    let done = 0;
    let prevMacHex = toHex(GENESIS_MAC);
    let expectedSeq = Math.max(1, fromSeq);
    if (expectedSeq > 1) {
      const prev = statement(this.db, 'SELECT mac FROM audit_log WHERE seq = ?').get(
        expectedSeq - 1,
      ) as { mac: Buffer } | undefined;
      if (!prev)
        problems.push({
          seq: expectedSeq - 1,
          detail: `audit entry ${expectedSeq - 1} is missing (deleted)`,
        });
      else if (prev.mac instanceof Uint8Array) prevMacHex = toHex(blob(prev.mac));
      else problems.push(malformedEntryProblem(expectedSeq - 1, ['mac']));
    }
    const verifier = authors?.verifier ?? createVerifyPool({ workers: 0 });
    const pending: PendingEntry[] = [];
    const exportStarts: ExportStarts = { byVersion: new Map(), committed: false };
    let head = 0;
    const finish = (entry: PendingEntry) => {
      const signed = entry.signature ? entry.signature(verifier) : {};
      if (entry.gap) problems.push(entry.gap);
      if (signed.problem)
        problems.push({
          seq: entry.seq,
          detail: signed.problem,
          signature: true,
          ...(signed.altered ? { signatureAltered: true } : {}),
          ...(signed.unexcused ? { signatureUnexcused: true } : {}),
        });
      if (entry.malformed) problems.push(malformedEntryProblem(entry.seq, entry.malformed));
      for (const detail of entry.problems) problems.push({ seq: entry.seq, detail });
      if (entry.body) {
        if (entry.body.action === EXPORT_STARTED && signed.signer === entry.body.actor)
          recordExportStart(exportStarts, entry.seq, signed.signer, entry.body);
        const actorProblem = actorMismatch(entry.seq, entry.body, signed.signer, exportStarts);
        if (actorProblem) problems.push({ seq: entry.seq, ...actorProblem });
      }
      if (entry.visit)
        visit(
          entry.seq,
          entry.records,
          entry.body,
          signed.signer,
          signed.role,
          signed.signerKey,
          entry.epoch,
        );
      done++;
      if (progress && done % every === 0) progress(done, Math.max(total, done));
    };
    const queue = (entry: PendingEntry) => {
      pending.push(entry);
      if (pending.length - head > verifier.readAhead) {
        finish(pending[head++] as PendingEntry);
        if (head >= verifier.readAhead) {
          pending.splice(0, head);
          head = 0;
        }
      }
    };
    for (const row of statement(
      this.db,
      `SELECT ${ROW_COLUMNS} FROM audit_log WHERE seq >= ? ORDER BY seq`,
    ).iterate(expectedSeq) as IterableIterator<AuditRow>) {
      const entry: PendingEntry = { seq: row.seq, problems: [], visit: false, epoch: row.epoch };
      if (row.seq !== expectedSeq)
        entry.gap = {
          seq: expectedSeq,
          detail: `audit entries ${expectedSeq}-${row.seq - 1} are missing (deleted)`,
        };
      const malformed = malformedColumns(row, AUDIT_ROW_SHAPE);
      if (malformed.length > 0) {
        // One damaged row, named; the walk goes on (R24-9). The next entry's chain check then
        // compares with this row's MAC only if that column is still bytes.
        entry.malformed = malformed;
        queue(entry);
        prevMacHex = row.mac instanceof Uint8Array ? toHex(row.mac) : '';
        expectedSeq = row.seq + 1;
        continue;
      }
      const mac = blob(row.mac);
      const digests = rowDigests(row);
      if (authors)
        entry.signature = this.checkSignature(
          row,
          prevMacHex,
          digests,
          authors.authorship,
          authors.lookup,
          verifier,
        );
      const chain = this.chainFor(row.epoch);
      if (!chain) {
        entry.problems.push(
          'audit entry names an epoch or chain key that is missing (deleted or edited)',
        );
      } else {
        if (!constantTimeEqual(this.chainMac(chain, row, prevMacHex, digests), mac))
          entry.problems.push(
            'audit entry does not chain to the one before it (edited, reordered or removed)',
          );
        entry.records = this.openRefs(row, chain);
        if (!entry.records)
          entry.problems.push('audit entry record references fail authentication (edited)');
        const entryKey = row.epoch === null ? undefined : this.entryKey(row.epoch);
        if (entryKey && row.epoch !== null) {
          const opened = this.openJson<AuditEntry>(
            entryKey,
            blob(row.nonce),
            blob(row.ciphertext),
            this.entryAd(row.seq, row.epoch),
            'body',
          );
          if (opened) entry.body = { ...opened, records: entry.records ?? [], seq: row.seq };
          else entry.problems.push('audit entry fails authentication (edited)');
        }
        entry.visit = true;
      }
      queue(entry);
      prevMacHex = toHex(mac);
      expectedSeq = row.seq + 1;
    }
    for (; head < pending.length; head++) finish(pending[head] as PendingEntry);
    progress?.(done, Math.max(total, done));
    return problems;
  }

  /**
   * One entry's author signature, to be read once its verification is back (see `walk`): its
   * certified signer (a legacy entry before the start of signed audit is counted in
   * `authorship` and has none), or the problem. The verification is submitted now.
   */
  private checkSignature(
    row: AuditRow,
    prevMacHex: string,
    digests: RowDigests,
    authorship: AuditAuthorship,
    lookup: SignerLookup,
    verifier: DeferredVerifier,
  ): (verifier: DeferredVerifier) => SignatureVerdict {
    const legacy = row.seq < authorship.signedFrom;
    if (!row.signer || !row.signature) {
      if (legacy) {
        authorship.legacyUnsigned++;
        return () => ({});
      }
      return () => ({
        problem:
          'audit entry has no author signature, but it was written after signed audit began: its signature was removed outside Hearth',
        ...(authorship.startVouched ? { unexcused: true } : {}),
      });
    }
    if (legacy)
      return () => ({
        problem:
          'audit entry is signed but lies before the recorded start of signed audit: the start (vault_meta) was moved outside Hearth',
        unexcused: true,
      });
    const signerHex = toHex(blob(row.signer));
    const ticket = verifier.submit({
      signature: blob(row.signature),
      message: this.signatureMessage(row, prevMacHex, signerHex, digests),
      publicKey: blob(row.signer),
    });
    return (answering) => {
      if (!answering.verdict(ticket))
        return {
          problem:
            'audit entry author signature does not match: this entry or the one before it was rewritten, re-chained or removed outside Hearth',
          altered: true,
        };
      const owner = lookup(signerHex);
      if ('problem' in owner)
        return {
          problem: `audit entry is signed by a staff key the centre has not certified (${owner.problem}): written outside Hearth`,
          ...(authorship.startVouched ? { unexcused: true } : {}),
        };
      return {
        signer: owner.username,
        signerKey: signerHex,
        ...(owner.role ? { role: owner.role } : {}),
      };
    };
  }

  /** Entries newest first, for `audit.list` (audit-key holders); entries that fail to decrypt are skipped (check reports them). */
  list(limit: number, beforeSeq?: number): Array<AuditEntry & { seq: number }> {
    const rows = statement(
      this.db,
      `SELECT ${ROW_COLUMNS} FROM audit_log WHERE seq < ? ORDER BY seq DESC LIMIT ?`,
    ).all(beforeSeq ?? Number.MAX_SAFE_INTEGER, limit) as AuditRow[];
    const out: Array<AuditEntry & { seq: number }> = [];
    for (const row of rows) {
      // A row of the wrong shape is skipped like one that fails to decrypt (check names it).
      if (row.epoch === null || malformedColumns(row, AUDIT_ROW_SHAPE).length > 0) continue;
      const entryKey = this.entryKey(row.epoch);
      if (!entryKey) continue;
      const body = this.openJson<AuditEntry>(
        entryKey,
        blob(row.nonce),
        blob(row.ciphertext),
        this.entryAd(row.seq, row.epoch),
        'body',
      );
      const chain = this.chainFor(row.epoch);
      const records = chain ? this.openRefs(row, chain) : undefined;
      if (body) out.push({ ...body, ...(records ? { records } : {}), seq: row.seq });
    }
    return out;
  }

  /**
   * A transaction rolled back (R26-1): the epoch is kept only if its row is still in the file,
   * and every cached chain key, epoch-to-chain link and chain-version answer is dropped (a chain
   * key version made in the rolled-back change will be made again with other bytes).
   */
  afterRollback(): void {
    if (
      this.epoch &&
      !statement(this.db, 'SELECT 1 FROM audit_epochs WHERE epoch = ?').get(this.epoch.n)
    )
      this.epoch = undefined;
    const kept = this.epoch?.chain;
    for (const [id, chain] of [...this.chainKeys]) {
      if (chain === kept) continue;
      wipe(chain.mac);
      wipe(chain.refs);
      wipe(chain.index);
      this.chainKeys.delete(id);
    }
    this.epochChain.clear();
    this.firstNewer = undefined;
    this.newestChain = undefined;
  }

  /** Forgets this sign-in's epoch and derived keys (on lock). */
  wipe(): void {
    for (const chain of this.chainKeys.values()) {
      wipe(chain.mac);
      wipe(chain.refs);
      wipe(chain.index);
    }
    this.chainKeys.clear();
    this.epoch = undefined;
  }
}
