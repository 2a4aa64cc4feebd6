// `vault check`: proves, from the file plus the keys (and the anchor outside it), that every
// record decrypts and is the version Hearth last wrote, that the audit chain is whole and not
// shorter than the anchor, that key slots are the ones Hearth wrote, that each user's keys are
// exactly their role's, and that every case's blind index is the one its reference gives. It
// names what is wrong.
import { blindIndexHasDuplicates, duplicateReferenceProblems } from './check-blind-duplicates';
import { availableParallelism, loadavg } from 'node:os';
import { createVerifyPool, type DeferredVerifier } from '../crypto';
import { isAnchorMissing, describeVerdict, RESTORE_ACKNOWLEDGED, RESTORED } from './anchor';
import { AUDIT_START_REF } from './audit-start';
import { auditStartFindings } from './check-audit-start';
import type { AuditAuthorship, AuditRecordRef } from './audit';
import { SignInAuthors } from './check-attribution';
import { uncertifiedEntryProblem } from './check-uncertified';
import { readCentreKey } from './centre-key';
import { assertCertifiedRole, certificateForKey, listCertificateRecords } from './certificates';
import { caseIdNamesCreator, isCreatorBoundCaseId, readCaseIdSalt } from './case-id';
import { HearthError } from './errors';
import { allegationKey, allegationOpenToCase, normalizeReference } from './cases';
import { RemovedWriterCheck } from './check-removed-writer';
import { RemovalCoverageCheck, removedUserRoles } from './check-removal-coverage';
import { malformedSlots, slotDigests, slotRefId } from './key-slots';
import { classesOf, classKey, DATA_CLASSES, LATE_CLASSES } from './roles';
import { toHex } from './encoding';
import type { Vault } from './vault';
import type { RecordAddress } from './records';
import { SessionClaimCheck } from './session-claims';
import { EVENT_ID, WriteOnceCheck } from './write-once';
import { AUDIT_INDEX_TASK } from './latest-version';
import { CertificateHistory } from './certificate-history';
import { type AuditedVersion, CheckLedger } from './check-ledger';
import { CaseOrderCheck } from './check-case-order';
import { AuthorRoleCheck } from './check-author-role';
import { sessionKeyClassFindings } from './check-session-class';
import { SessionStarts } from './session-key-class';
import { ExportCountCheck } from './check-export-count';
import { keyCertProblems } from './check-key-certs';
import { keyRowProblems } from './check-key-rows';
import { writtenKeyProblems } from './check-written-keys';
import { certRefId, isBound } from './key-certs';
import { isFloorRef } from './key-floors';
import { isPersonalWrapRef, personalWrapDigest, personalWrapRefId } from './personal-wrap';
import {
  heldByReplaced,
  keyFloorProblems,
  rolledBackClasses,
  type RolledBackClass,
} from './check-key-floors';
import { FeedbackOnceCheck } from './check-feedback';
import { ClassHistoryCheck } from './check-class-history';
import { profileSecretFindings } from './profile-repair';
import { draftOwner, draftsShredded } from './check-removed-drafts';
import { USERS_CONTAINER } from './users';
import { CHECKPOINT_RECORD_ID, type CheckpointRecord } from './checkpoint';
import { checkpointRollbackProblem, inFileCheckpointProblems } from './check-checkpoint';
import { FindingGroups, type FindingGroup, type FindingSink } from './check-report';
import { backoffFindings } from './backoff';
import { guardPass, isDamage } from './check-guard';
import { DeletedCertificateCauses } from './check-cert-cause';
import { ReferenceReuseCheck } from './check-reference-reuse';

/**
 * The stable codes of check findings the screen words in the reader's language. Adding one here
 * requires its wording in locales/{en,es}/ui.json settings.checkCodes (a renderer test fails
 * otherwise); a finding's `code` is typed by this list, so nothing outside it can be emitted.
 */
export const CHECK_CODES = [
  'CENTRE_KEY_MISSING',
  'CENTRE_KEY_REPLACED',
  'AUDIT_START_INVALID',
  'AUDIT_START_INVALID_COMMITTED',
  'AUDIT_START_MOVED',
  'AUDIT_START_STATEMENT_MOVED',
  'AUDIT_START_REPLACED',
  'AUDIT_START_DELETED',
  'AUDIT_START_DELETED_COMMITTED',
  'AUDIT_START_UNCONFIRMED',
  'AUDIT_START_PENDING',
  'AUDIT_START_COLUMN_MALFORMED',
  'LEGACY_UNSIGNED',
  'RESTORE_UNSIGNED',
  'RESTORE_ACKNOWLEDGED',
  'RESTORE_UNCONFIRMED',
  'ANCHOR_MISSING',
  'ROLLED_BACK',
  'ANCHOR_CHECKPOINT_MISSING',
  'ANCHOR_SIGNER_REMOVED',
  'CHECKPOINT_REWRITTEN',
  'AUDIT_AUTHOR_NOT_ALLOWED',
  'AUDIT_SIGNER_UNCERTIFIED',
  'AUDIT_SIGNER_UNCERTIFIED_UNATTRIBUTED',
  'AUDIT_SIGNATURE_NOT_OWNER',
  'AUDIT_SIGNATURE_NOT_OWNER_UNATTRIBUTED',
  'EXPORT_START_MISSING',
  'EXPORT_START_REUSED',
  'EXPORT_START_UNPROVEN',
  'RECORD_UNREADABLE',
  'RECORD_NOT_AUDITED',
  'RECORD_NOT_LATEST',
  'RECORD_VERSION_REWRITTEN',
  'RECORD_POINTER_MISSING',
  'CASE_ORDER_CHUNK',
  'CASE_ORDER_EXTRA',
  'CASE_ORDER_ARCHIVED',
  'CASE_ORDER_DUPLICATE',
  'CASE_ORDER_MISSING',
  'EVENT_REWRITTEN',
  'SUMMARY_INTERVIEWER_MISMATCH',
  'SESSION_FOREIGN_WRITER',
  'RECORD_MISSING',
  'RECORD_REMOVED',
  'SUMMARY_COUNT_LOWERED',
  'EXPORT_COUNT_REWRITTEN',
  'EXPORT_COUNT_MISMATCH',
  'FEEDBACK_REWRITTEN',
  'FEEDBACK_MISMATCH',
  'FEEDBACK_OLDER_VERSION',
  'BLIND_INDEX_MISMATCH',
  'BLIND_INDEX_CLEARED',
  'BLIND_INDEX_DUPLICATE',
  'CASE_UNBLINDED_WITHOUT_KEY',
  'ALLEGATION_KEY_DELETED',
  'SIGNER_WITHDRAWN',
  'AUDIT_STALE_CHAIN_KEY',
  'STALE_KEY_VERSION',
  'REMOVAL_INCOMPLETE',
  'SESSION_KEY_CLASS',
  'SLOT_NOT_AUDITED',
  'SLOT_EDITED',
  'SLOT_MALFORMED',
  'BACKOFF_EDITED',
  'SLOT_DELETED',
  'RECOVERY_SLOT_DELETED',
  'RECOVERY_SLOT_MISSING',
  'USER_SLOT_MISSING',
  'USER_NO_KEY',
  'ROLE_EXTRA_KEY',
  'ROLE_MISSING_KEY',
  'CERT_MISSING',
  'CERTIFICATE_MISSING',
  'CERT_WITHDRAWN_HAS_SLOT',
  'CERT_ROLE_MISMATCH',
  'KEY_VERSION_UNCERTIFIED',
  'KEY_VERSION_ROLLED_BACK',
  'KEY_FLOOR_MISSING',
  'CLASS_KEY_UNUSABLE',
  'LATE_CLASS_REMADE',
  'INDEX_DISAGREES',
  'SCHEMA_MISSING',
  'KEY_FLOOR_LOWERED',
  'PERSONAL_KEY_WRAP_EDITED',
  'RECOVERY_KEY_UNCERTIFIED',
  'KEY_COMMITMENT_MISMATCH',
  'KEY_CUSTODY_BROKEN',
  'KEY_ROW_MALFORMED',
  'KEY_VERSION_UNPROVEN',
  'KEY_HOLDER_UNPROVEN',
  'KEY_CERT_POINTER_BROKEN',
  'KEY_CERTS_REMOVED',
  'KEY_CERT_ORPHAN',
  'KEY_CERT_MALFORMED',
  'ALLEGATION_KEY_OFF_POLICY',
  'ALLEGATION_CERT_NOT_CREATOR',
  'ALLEGATION_CERT_REBOUND',
  'CASE_ID_SALT_MISMATCH',
  'PROFILE_HOLDS_SECRET',
  'PROFILE_SECRET_NOT_REPAIRED',
  'PROFILE_HELD_SECRET',
  'PROFILE_HELD_SECRET_UNDATED',
  'REMOVED_USER_DRAFT',
  'AUDIT_ROW_MALFORMED',
  'RECORD_MALFORMED',
  'CHECK_PASS_STOPPED',
  // Emitted by the API's vault.check (src/api/handlers/vault.ts) from the session and export
  // services' findings (sec61: every finding has a code and a next step).
  'SEAL_UNVERIFIED',
  'WRITTEN_AFTER_SEAL',
  'SESSION_RECORD_REWRITTEN',
  'SUMMARY_REWRITTEN',
  'RECIPIENT_CHANGED',
  'REFERENCE_REUSED',
] as const;
export type CheckCode = (typeof CHECK_CODES)[number];

export interface VaultProblem {
  kind:
    'sqlite' | 'audit' | 'record' | 'rollback' | 'slot' | 'role' | 'certificate' | 'blind-index';
  id: string;
  /** The core's English wording: kept for the record and exports; the UI's fallback. */
  detail: string;
  /**
   * A stable code for the screen to word the finding in the reader's language, with the values
   * it names (entry numbers, usernames; never content). Absent on findings not yet coded: the UI
   * then shows `detail`. Every code emitted here has wording in locales/{en,es}/ui.json
   * (settings.checkCodes; tests/renderer/vault-check-codes.test.ts).
   */
  code?: CheckCode;
  values?: Record<string, string | number>;
}

/**
 * What `vault check` returns: `problems` holds the first EXAMPLES_PER_GROUP findings of each code
 * (all of them when no code has more), `groups` every code's exact count (check-report.ts),
 * present when there is a finding.
 */
export interface CheckReport {
  ok: boolean;
  problems: VaultProblem[];
  groups?: FindingGroup[];
  notices: VaultNotice[];
}

/** A fact the check reports without calling the vault damaged. */
export interface VaultNotice {
  kind: 'legacy-unsigned' | 'restore-acknowledged' | 'audit-start-pending' | 'removed-user-draft';
  id: string;
  detail: string;
  /** As on VaultProblem. */
  code?: CheckCode;
  values?: Record<string, string | number>;
}

/** The version of each record the audit log last committed to: a few slots in memory, the records on disk. */
interface Expected {
  get(id: string): AuditedVersion | undefined;
  entries(prefix?: string): Iterable<[string, AuditedVersion]>;
  /** Records the log last wrote (not removed) that `present` says are gone, in id order. */
  absent(present: (id: string) => boolean): Iterable<[string, AuditedVersion]>;
}

/**
 * Progress of a long check or copy: `step` names the pass ('audit', 'records', 'slots', ...),
 * `percent` (0-100) how far that pass is. Called often enough to show a moving bar, not per row.
 */
export type ProgressListener = (step: string, percent: number) => void;

/**
 * Appends every item to `into`, one at a time: `push(...items)` passes each item as an argument,
 * and a check that names hundreds of thousands of junk rows (red team 19, R19-4: 200,000 key
 * versions put in outside Hearth) overflowed the call stack there.
 */
function pushAll<T>(into: { push(item: T): unknown }, items: Iterable<T>): void {
  for (const item of items) into.push(item);
}

/**
 * SQLite's own integrity check of the file: PRAGMA integrity_check, not quick_check (red team 23,
 * R23-1): only it compares every index with its table, and an index rebuilt outside Hearth to
 * leave a row out (its SQL text put back, so the schema check sees Hearth's own) hid a case from
 * every listing while quick_check said ok. Measured at 1,250 sessions (bench/RESULTS.md, sec51):
 * about 2.3 s against quick_check's 1.3 s, within a check that reads every record anyway. Each
 * index it names is one INDEX_DISAGREES finding (the index's name and how many of SQLite's lines
 * name it: rowids and names only, never content); any other line is reported as before.
 */
function databaseProblems(db: Vault['db']): VaultProblem[] {
  const problems: VaultProblem[] = [];
  const byIndex = new Map<string, number>();
  for (const { integrity_check: line } of db.pragma('integrity_check', { simple: false }) as Array<{
    integrity_check: string;
  }>) {
    if (line === 'ok') continue;
    const index = /\bindex (\S+)/.exec(line)?.[1];
    if (index) byIndex.set(index, (byIndex.get(index) ?? 0) + 1);
    else problems.push({ kind: 'sqlite', id: 'database', detail: line });
  }
  for (const [index, lines] of byIndex) {
    // A UNIQUE index over rows that are no longer unique cannot be rebuilt (R24-3, sec55).
    const reindex =
      index === 'records_by_blind_index' && blindIndexHasDuplicates(db)
        ? "SQLite's REINDEX cannot rebuild it while two records share a value (BLIND_INDEX_DUPLICATE names the cases): change the reference of one of them first"
        : "an index holds no data of its own, so SQLite's REINDEX on a copy also rebuilds it from the table";
    problems.push({
      kind: 'sqlite',
      id: `index:${index}`,
      code: 'INDEX_DISAGREES',
      values: { index, lines },
      detail: `the database index ${index} disagrees with its table (${lines} line(s) of SQLite's integrity check): it was rebuilt or edited outside Hearth, and what is read through it (case and record listings) can leave records out. Hearth refuses a case listing it can tell is short. Restore the newest backup (hearth vault restore); ${reindex}`,
    });
  }
  return problems;
}

/**
 * Runs every check and returns the problems found (none: ok). Streams: the audit chain and the
 * records are read row by row; what the record pass compares against (per record id, the
 * version the audit log last committed to, and each event's first writer) is kept in an on-disk
 * scratch ledger (check-ledger.ts), so memory does not grow with the vault. In memory: the key
 * slots' versions, per session the summary writes by more than one signer, the certificate
 * history and the few rollback and restore entries.
 */
export function checkVault(
  vault: Vault,
  onProgress?: ProgressListener,
  options: CheckOptions = {},
): CheckReport {
  vault.requireAudited('vault.check', 'vault.check');
  const entries = vault.audit.head()?.seq ?? 0;
  const verifier = createVerifyPool({
    workers: options.verifyWorkers ?? (entries < PARALLEL_FROM_ENTRIES ? 0 : spareCores()),
    batchSize: options.verifyBatchSize,
  });
  const ledger = new CheckLedger(vault.vaultDir);
  try {
    return checkWithLedger(vault, ledger, verifier, onProgress, options.onRecord);
  } finally {
    verifier.close();
    ledger.close();
  }
}

/** Tuning of `checkVault`; the findings never depend on it. */
export interface CheckOptions {
  /**
   * Worker threads verifying the audit signatures beside the walk (src/crypto/verify-pool.ts):
   * default the idle cores (spareCores, at most 2) from PARALLEL_FROM_ENTRIES entries on, none below;
   * 0: all on this thread.
   */
  verifyWorkers?: number;
  /** Signatures per batch sent to a worker (default 512). */
  verifyBatchSize?: number;
  /**
   * Called with every row of the record pass, decrypted where this sign-in holds its key, in
   * the pass's order (kind, container, sequence): for checks above the vault layer that would
   * otherwise decrypt the same rows again (the seals' re-verification, seal-stream.ts).
   */
  onRecord?: (row: {
    address: RecordAddress;
    readable: 'yes' | 'no' | 'no-key';
    value?: unknown;
  }) => void;
}

/** Below this many audit entries, starting worker threads costs more than it saves. */
const PARALLEL_FROM_ENTRIES = 20_000;

/**
 * Cores no one is using (cores - 1 for this thread - the 1-minute load average), at most 2.
 * On a machine already busy, a worker only competes with the walk for the same core: measured
 * at load 13-16 on 2 cores, 300 sessions, one worker cost 13% more CPU and no wall time.
 */
function spareCores(): number {
  const spare = Math.floor(availableParallelism() - 1 - (loadavg()[0] ?? 0));
  return Math.max(0, Math.min(2, spare));
}

/** Ids the audit log commits to that are not rows of the records table. */
const isOutsideRecords = (id: string) =>
  id.startsWith('slot:') || id === AUDIT_START_REF || isFloorRef(id) || isPersonalWrapRef(id);

function checkWithLedger(
  vault: Vault,
  ledger: CheckLedger,
  verifier: DeferredVerifier,
  onProgress?: ProgressListener,
  onRecord?: CheckOptions['onRecord'],
): CheckReport {
  // Grouped by code, counted exactly, at most EXAMPLES_PER_GROUP kept per code (check-report.ts):
  // 200,000 planted junk rows must not become 200,000 findings in memory.
  // Red team 26, R26-4: a finding worded with its code as a prefix of `detail` ("CASE_ORDER_MISSING:
  // …") but without the `code` field gets the code, so the screen words every such finding.
  const problems = new FindingGroups<VaultProblem>(undefined, withPrefixCode);
  // Case records named by a record finding, for the case order check (one id per damaged case).
  const namedCases = new Set<string>();
  // A record that does not open (a planted row at id 'case', R26-4) is only RECORD_UNREADABLE,
  // never also a case "left out of the case order".
  problems.observe((p) => {
    if (p.kind === 'record' && (p.id.startsWith('case_') || p.code === 'RECORD_UNREADABLE'))
      namedCases.add(p.id);
  });
  const report = (step: string, done: number, total: number) =>
    onProgress?.(step, total === 0 ? 100 : Math.min(100, Math.round((done / total) * 100)));
  // R26-3 follow-on: what follows from a deleted certificate row is counted under that row's
  // CERTIFICATE_MISSING, not listed (check-cert-cause.ts). Nothing is diverted without one.
  const causes = DeletedCertificateCauses.of(vault.records);
  if (causes.active) problems.divertWith((p) => causes.divert(p));

  report('database', 0, 1);
  pushAll(problems, databaseProblems(vault.db));
  // Hearth's own schema objects dropped outside Hearth (R23-5): kinds and names only.
  for (const o of vault.missingSchemaObjects)
    problems.push({
      kind: 'sqlite',
      id: `${o.type}:${o.name}`,
      code: 'SCHEMA_MISSING',
      values: { type: o.type, name: o.name },
      detail: `the ${o.type} ${JSON.stringify(o.name)} Hearth's migrations make is missing from the vault file: dropped outside Hearth (its guard or lookup no longer works). An admin makes it again with hearth vault drop-foreign-schema --vault DIR --user ADMIN --backup FILE (an index, trigger or view), or restores the newest backup (hearth vault restore; the only way for a table)`,
    });
  report('database', 1, 1);

  // The last version of each record (and slot) the audit log says Hearth wrote.
  // Slots and the audit-start statement: a handful, in memory; records: the ledger on disk.
  const outside = new Map<string, AuditedVersion>();
  const expected: Expected = {
    get: (id) => (isOutsideRecords(id) ? outside.get(id) : ledger.get(id)),
    entries: (prefix = '') =>
      prefix.startsWith('slot:') || isPersonalWrapRef(prefix)
        ? [...outside].filter(([id]) => id.startsWith(prefix))
        : ledger.entries(prefix),
    absent: (present) => ledger.absent(present),
  };
  const rollbacks: Parameters<typeof rollbackProblems>[1] = [];
  const restores: Parameters<typeof restoreFindings>[0] = [];
  const authorship = vault.audit.newAuthorship();
  const writeOnce = new WriteOnceCheck(ledger.firstWrites);
  const certificateHistory = new CertificateHistory();
  // A session's class from the mode its start seals, not its rewritable record's key (R12-8).
  const starts = new SessionStarts(vault);
  const authorRoles = new AuthorRoleCheck(
    (sessionId) => starts.classOf(sessionId),
    (sessionId) => starts.modeOf(sessionId),
    (signer, caseId) => holdsAllegationKey(vault, signer, caseId),
  );
  // Removal and re-write claims about a session's events, and writes of its record, count only
  // from its interviewer (or an admin, for claims): others are named, not trusted (R11-3, R11-1).
  // A claim the vault contradicts (the record stands as first written) is false, whoever signed
  // it: named, and never put over the present record (sec21).
  const sessionClaims = new SessionClaimCheck(
    (id) => ledger.firstWrites.get(id) !== undefined,
    (id) => ledger.get(id)?.hash,
    (id) => vault.records.hashOf(id),
  );
  // The export counter: written only by an export's commit, one up each time (R12-6).
  const exportCounts = new ExportCountCheck((id) => ledger.get(id));
  // Practice feedback: written once, by training.finish (R14-2).
  const feedbackOnce = new FeedbackOnceCheck();
  // Per case record: the entry that first wrote it (cases.create made its allegation key) and
  // the signer of its last write, to name who rewrote a blind flag (R13-2). One row per case.
  const caseWrites = new Map<string, CaseWrites>();
  // What a removed user could still write with her old keys (R13-1).
  const removedWriter = new RemovedWriterCheck(vault.records, vault.db);
  // A removal that did not rotate every class of the user's role (R24-11/R24-12).
  const removalCoverage = new RemovalCoverageCheck();
  // Entries after the signed-audit start without a certified signer, with what they touched:
  // none of it counts (R15-6). Rare: kept in memory to word their findings.
  const uncertified = new Map<
    number,
    { action?: string; refs: AuditRecordRef[]; epoch: number | null | undefined; opened: boolean }
  >();
  // Each sign-in's certified author, to name who wrote an entry without one (R16-5, R16-2).
  const signIns = new SignInAuthors();
  // Class keys made again, floors stated lower than before (R23-2, R23-3).
  const classHistory = new ClassHistoryCheck();
  // A reference given again while the case that held it is gone (R26-5).
  const referenceReuse = new ReferenceReuseCheck();
  // Each pass below runs guarded (check-guard.ts, R24-9): damage that stops one is named and
  // the check goes on with the next.
  const guard = <T>(step: string, fallback: T, run: () => T): T =>
    guardPass(problems, step, fallback, run);
  const auditProblems = guard('audit log', [], () => vault.audit.walk(
    (seq, allRecords, body, signer, signerRole, signerKey, epoch) => {
      // "Legacy" (cannot be judged) means only: before the log's signed-audit start (R15-6).
      const legacy = seq < authorship.signedFrom;
      signIns.visit(seq, epoch, signer);
      if (signer === undefined && !legacy)
        uncertified.set(seq, {
          ...(body ? { action: body.action } : {}),
          refs: allRecords ?? [],
          epoch,
          opened: body !== undefined,
        });
      removedWriter.visit(seq, allRecords, body, signer, signerKey);
      removalCoverage.visit(seq, allRecords, body, signerRole);
      feedbackOnce.visit(seq, allRecords, signer, body?.action);
      classHistory.visit(seq, allRecords, body?.action, body?.target, signerRole);
      referenceReuse.visit(seq, body, allRecords);
      authorRoles.visit(seq, allRecords, signer, signerRole, body?.action, legacy);
      const records =
        allRecords &&
        sessionClaims.refsThatCount(seq, allRecords, signer, signerRole, body?.action, legacy);
      // A removed export counter is RECORD_REMOVED and does not count (R14-5), but the counter
      // rule still sees the removal, to name the restart it causes (R12-6).
      const counterRefs = allRecords?.filter(
        (r) => records?.includes(r) || (r.hash === '' && r.id.startsWith('exports:')),
      );
      exportCounts.visit(seq, counterRefs, signer, body?.action);
      // The ledger row first: the write-once check keeps each event's first writer in it.
      for (const ref of records ?? []) {
        if (isOutsideRecords(ref.id))
          outside.set(ref.id, { seq: ref.seq, hash: ref.hash, auditSeq: seq });
        else {
          const rewritten = versionRewritten(ledger.get(ref.id), seq, ref);
          if (rewritten) problems.push(rewritten);
          ledger.put(seq, ref);
        }
      }
      writeOnce.visit(seq, records, signer, body?.action);
      for (const ref of records ?? [])
        if (ref.id.startsWith('case_') && ref.hash !== '')
          caseWrites.set(ref.id, {
            created: caseWrites.get(ref.id)?.created ?? seq,
            signer,
            creator: caseWrites.has(ref.id) ? caseWrites.get(ref.id)?.creator : signer,
            last: seq,
          });
      certificateHistory.visit(seq, records, body?.at);
      if (body?.action === 'vault.rollbackDetected') rollbacks.push(body);
      if (body?.action === RESTORE_ACKNOWLEDGED || body?.action === RESTORED)
        restores.push({ ...body, signer });
    },
    (done, total) => report('audit', done, total),
    undefined,
    { lookup: vault.signerLookup(), authorship, verifier },
  ));
  ledger.finishWriting();
  causes.noteEntries(uncertified, (seq) => vault.audit.signerKeyAt(seq));
  const lookup = vault.signerLookup();
  const uncertifiedProblem = (
    seq: number,
    why: string,
    touched: {
      action?: string;
      refs: AuditRecordRef[];
      epoch: number | null | undefined;
      opened: boolean;
    },
  ) => {
    const signerKey = vault.audit.signerKeyAt(seq);
    // A certified staff key in the clear column whose signature failed: its owner is claimed.
    const owner = signerKey ? lookup(signerKey) : undefined;
    const claimed = owner && 'username' in owner ? owner.username : undefined;
    return uncertifiedEntryProblem(
      seq,
      why,
      touched,
      signerKey,
      claimed,
      signIns.of(touched.epoch, touched.opened),
    );
  };
  for (const p of auditProblems) {
    const touched = p.signature ? uncertified.get(p.seq) : undefined;
    problems.push(
      touched
        ? uncertifiedProblem(p.seq, p.detail, touched)
        : {
            kind: 'audit',
            id: String(p.seq),
            ...(p.code ? { code: p.code, values: p.values ?? {} } : {}),
            detail: p.detail,
          },
    );
  }
  const claimProblems = sessionClaims.problems.map((p) => ({ ...p, coded: p.code !== undefined }));
  const authorProblems = authorRoles.problems.map((p) => ({
    ...p,
    code: 'AUDIT_AUTHOR_NOT_ALLOWED' as const,
    coded: true,
  }));
  for (const p of [...authorProblems, ...claimProblems])
    problems.push({
      kind: 'audit',
      id: String(p.seq),
      // A false claim (sec21) is worded in English only, like the other audit-chain findings.
      ...(p.coded
        ? {
            code: p.code ?? ('AUDIT_AUTHOR_NOT_ALLOWED' as const),
            values: { entry: p.seq, record: p.id, signer: p.signer, role: p.role },
          }
        : {}),
      detail: p.detail,
    });
  pushAll(problems, feedbackOnce.problems);
  for (const r of guard('reference reuse', [], () =>
    referenceReuse.problems((id) => vault.records.has(id)),
  ))
    problems.push({
      kind: 'record',
      id: r.caseId,
      code: 'REFERENCE_REUSED',
      values: { entry: r.entry, other: r.other, firstEntry: r.firstEntry },
      detail: `audit entry ${r.entry} gave this case the case reference that audit entry ${r.firstEntry} had given case ${r.other}, which still held it but is no longer in the vault file (deleted outside Hearth): two cases under one reference. Restore the newest backup (hearth vault restore), which brings case ${r.other} back, then give one of the two cases another reference`,
    });
  pushAll(problems, guard('rollback', [], () => rollbackProblems(vault, rollbacks)));
  pushAll(
    problems,
    guard('checkpoint', [], () =>
      inFileCheckpointProblems(readCheckpoint(vault), expected.get(CHECKPOINT_RECORD_ID), (seq) =>
        vault.auditMacAt(seq),
      ),
    ),
  );
  const interviewers = new Map<string, string>();
  // Each summary's event count (a number per session), for the rewound anchor (R12-5).
  const summaryCounts = new Map<string, number>();
  const caseOrder = new CaseOrderCheck();
  // Class keys whose current version is below the floor the signed log states (RT22-1): named
  // once, and what follows only from that rollback is not blamed on the records.
  const rolledBack = guard('key floors', [], () =>
    rolledBackClasses(vault.keys, vault.audit, vault.signerLookup()),
  );
  pushAll(
    problems,
    guard('key floors', [], () =>
      keyFloorProblems(
        vault.db,
        vault.keys,
        vault.audit,
        vault.signerLookup(),
        rolledBack,
        classHistory.madeClasses(),
      ),
    ),
  );
  pushAll(problems, classHistory.problems);
  const recordNotices: VaultNotice[] = [];
  guard('records', undefined, () => recordProblems(
    vault,
    rolledBack,
    expected,
    recordNotices,
    (done, total) => report('records', done, total),
    (id, value, kind) => {
      caseOrder.visit(kind, id, value);
      const interviewer = (value as { interviewer?: unknown }).interviewer;
      if (id.startsWith('summary:') && typeof interviewer === 'string')
        interviewers.set(id.slice('summary:'.length), interviewer);
      const eventCount = (value as { eventCount?: unknown }).eventCount;
      if (id.startsWith('summary:') && typeof eventCount === 'number')
        summaryCounts.set(id.slice('summary:'.length), eventCount);
    },
    (id, kind) => caseOrder.present(kind, id),
    (caseId) => caseWrites.get(caseId),
    (id, keyRef, auditSeq) => removedWriter.visitRecord(id, keyRef, auditSeq),
    onRecord,
    problems,
  ));
  const admins = guard('restores', new Set<string>(), () =>
    new Set(
      vault
        .listUsers()
        .filter((u) => u.role === 'admin')
        .map((u) => u.username),
    ),
  );
  const restored = restoreFindings(restores, (username) => admins.has(username));
  pushAll(problems, restored.problems);
  for (const p of guard('write-once events', [], () =>
    writeOnce.problems(
      (sessionId) => interviewers.get(sessionId),
      (id, hash) => eventNow(vault, id, hash),
    ),
  ))
    problems.push({ kind: 'audit', id: p.id, detail: p.detail, code: p.code, values: { entry: p.seq } });
  pushAll(problems, guard('summaries', [], () => loweredCountProblems(vault, writeOnce, expected, summaryCounts)));
  for (const p of guard('export counters', [], () =>
    exportCounts.problems(
      (sessionId) => vault.records.seqOf(`exports:${sessionId}`) ?? 0,
      vault.records.listIds('export-count'),
    ),
  ))
    problems.push({ kind: 'audit', ...p });
  pushAll(problems, guard('case order', [], () => caseOrder.problems(namedCases)));
  const start = guard('audit start', { problems: [], notices: [] }, () =>
    auditStartFindings(vault, expected.get(AUDIT_START_REF)),
  );
  pushAll(problems, start.problems);
  pushAll(problems, guard('session key classes', [], () => sessionKeyClassFindings(vault, starts)));
  pushAll(problems, guard('removed writers', [], () => removedWriter.problems()));
  pushAll(
    problems,
    guard('removals', [], () => {
      const rolesOfRemoved = removedUserRoles(vault.records);
      return removalCoverage.problems((username) => rolesOfRemoved(username));
    }),
  );
  pushAll(problems, guard('key slots', [], () => slotProblems(vault, expected)));
  pushAll(problems, guard('key slots', [], () => backoffFindings(vault.db, vault.now())));
  pushAll(problems, guard('personal key wraps', [], () => personalWrapProblems(vault, expected)));
  pushAll(problems, guard('roles', [], () => roleProblems(vault)));
  pushAll(problems, guard('profiles', [], () => profileSecretProblems(vault)));
  guard('key rows', undefined, () => keyRowProblems(vault.db, problems));
  guard('written keys', undefined, () => writtenKeyProblems(vault.db, vault.keys, problems));
  guard('key certificates', undefined, () => keyCertProblems(
    vault.db,
    vault.keys,
    (hex) => {
      const found = certificateForKey(vault.records, hex);
      return found?.certificate.statement.username;
    },
    {
      certsRemoved: vault.keyCertificatesRemoved,
      caseCreated: (caseId) => caseWrites.get(caseId)?.created,
      caseLastWrite: (caseId) => {
        const w = caseWrites.get(caseId);
        return w?.last !== undefined ? { entry: w.last, signer: w.signer } : undefined;
      },
      boundEntry: (id) => vault.audit.indexedEntry(certRefId(id)),
      caseRecordOpens: (caseId) => readCaseIdSalt(vault.records, caseId) !== 'unreadable',
      // The bound entry's verified signer and its sign-in (R16-2): one entry per finding.
      entryAuthor: (seq) => {
        const claim = vault.audit.claimAt(seq, lookup);
        const signIn = signIns.of(vault.audit.epochAt(seq), true);
        return { ...(claim ? { signer: claim.signer } : {}), signIn };
      },
    },
    problems,
  ));
  pushAll(problems, guard('certificates', [], () => certificateProblems(vault)));
  for (const p of guard('certificate history', [], () =>
    certificateHistory.problems(listCertificateRecords(vault.records)),
  ))
    problems.push({ kind: 'certificate', ...p });
  report('keys', 1, 1);
  const notices = [
    ...start.notices,
    ...authorshipNotices(authorship),
    ...restored.notices,
    ...recordNotices,
  ];
  for (const f of causes.unlisted(problems.examples()))
    problems.push({ ...f, kind: 'certificate', code: 'CERTIFICATE_MISSING' });
  const listed = problems.examples();
  causes.annotate(listed);
  return {
    ok: problems.total === 0,
    problems: listed,
    // Only with findings: a clean report reads as before perf22 ({ ok, problems: [], notices }).
    ...(problems.total > 0 ? { groups: problems.summary() } : {}),
    notices,
  };
}

/**
 * Whether user `signer`'s current key reaches some version of case `caseId`'s allegation key
 * through the wrap table (in clear: no key is opened), e.g. user -> class:case -> allegation on
 * an open case, user -> allegation where it was revealed or created blind, admin -> class:staff
 * -> allegation. Undefined when the user has no key (removed: their past writes cannot be judged
 * this way) or the case has no allegation key.
 */
function holdsAllegationKey(vault: Vault, signer: string, caseId: string): boolean | undefined {
  const { keys } = vault;
  const user = keys.currentId(`user:${signer}`);
  const versions = keys.versionsOf(`allegation:${caseId}`);
  if (user === undefined || versions.length === 0) return undefined;
  const seen = new Set<string>();
  const queue = [...versions];
  while (queue.length > 0) {
    const id = queue.pop()!;
    if (seen.has(id)) continue;
    seen.add(id);
    for (const holder of keys.holdersOf(id)) {
      if (holder === user) return true;
      // A holder that is no key id (a public holder) leads nowhere further.
      if (/@\d+$/.test(holder)) queue.push(holder);
    }
  }
  return false;
}

/**
 * An event record's `type` and `by` as the vault holds it, when it is the version `hash` names
 * and opens; 'unknown' otherwise (the record pass names a missing, replaced or unreadable one).
 * The event's fields are mirrored here (the vault layer may not import the session layer).
 */
function eventNow(
  vault: Vault,
  id: string,
  hash: string,
): { type: string; by: string } | 'unknown' {
  if (vault.records.hashOf(id) !== hash) return 'unknown';
  try {
    const value = vault.records.get<{ type?: unknown; by?: unknown }>(id)?.value;
    return typeof value?.type === 'string' && typeof value.by === 'string'
      ? { type: value.type, by: value.by }
      : 'unknown';
  } catch (error) {
    if (error instanceof HearthError) return 'unknown';
    throw error;
  }
}

/**
 * A session summary, as the audit log last committed to it, whose event count is below the
 * highest event the log records as written (R12-5): named with the entry that wrote it and its
 * signer, since that write rewound the per-session verify anchor (hiding a deleted addendum or
 * note from `sessions.verify`). A summary that is not the audited version is named by the
 * record pass instead.
 */
function loweredCountProblems(
  vault: Vault,
  writeOnce: WriteOnceCheck,
  expected: Expected,
  summaryCounts: ReadonlyMap<string, number>,
): VaultProblem[] {
  const countOf = (sessionId: string): number | undefined => {
    const id = `summary:${sessionId}`;
    const audited = expected.get(id);
    if (!audited || audited.hash === '' || vault.records.hashOf(id) !== audited.hash)
      return undefined;
    return summaryCounts.get(sessionId);
  };
  return writeOnce.loweredCounts(countOf).map((l) => {
    const signer = l.write.signer ?? 'no certified key';
    return {
      kind: 'audit' as const,
      id: `summary:${l.sessionId}`,
      code: 'SUMMARY_COUNT_LOWERED' as const,
      values: {
        entry: l.write.seq,
        signer,
        count: l.count,
        highest: l.highest,
        highestEntry: l.highestAt,
      },
      detail: `SUMMARY_COUNT_LOWERED: audit entry ${l.write.seq} (${l.write.action ?? 'action not readable'}, signed by ${signer}) wrote the session summary with ${l.count} events, but audit entry ${l.highestAt} wrote event ${l.highest} of that session: the summary, the session's verify anchor, was rewound to hide later events. Restore the newest backup and ask the signer why the entry was written.`,
    };
  });
}

type AuditBody = { seq: number; action: string; at: string; detail?: Record<string, unknown> };

/**
 * Restores acknowledged at an admin's sign-in (the only excuse for an unsigned anchor, see
 * anchor.ts): a notice naming the backup's hash when the entry is signed by a current admin,
 * a problem otherwise (red team round 3, H2).
 */
function restoreFindings(
  entries: Array<AuditBody & { signer: string | undefined }>,
  isAdmin: (username: string) => boolean,
): { problems: VaultProblem[]; notices: VaultNotice[] } {
  const problems: VaultProblem[] = [];
  const notices: VaultNotice[] = [];
  for (const e of entries) {
    const id = `audit:${e.seq}`;
    const hash = typeof e.detail?.backupSha256 === 'string' ? e.detail.backupSha256 : '';
    if (e.signer === undefined || !isAdmin(e.signer) || !/^[0-9a-f]{64}$/.test(hash))
      problems.push({
        kind: 'rollback',
        id,
        code: 'RESTORE_UNSIGNED',
        values: { entry: e.seq },
        detail: `audit entry ${e.seq} claims a restore from backup but is not signed by a certified admin: rollback before it cannot be ruled out.`,
      });
    else {
      // `vault.restored` (today's restore, signed as it happens) names restoredSeq; the older
      // automatic acknowledgement named anchorSeq.
      const entry = String(e.detail?.restoredSeq ?? e.detail?.anchorSeq);
      notices.push({
        kind: 'restore-acknowledged',
        id,
        code: 'RESTORE_ACKNOWLEDGED',
        values: { at: e.at, signer: e.signer, hash, entry },
        detail: `At ${e.at} ${e.signer} signed in after a restore from the backup with sha256 ${hash} (audit entry ${entry}): changes made after that backup are not in this vault. Compare the hash with the backup file kept.`,
      });
    }
  }
  return { problems, notices };
}

/**
 * What the check cannot prove but must not hide: entries from before signed audit (an older
 * vault) whose authorship rests only on the chain key every staff member holds.
 */
function authorshipNotices(authorship: AuditAuthorship): VaultNotice[] {
  if (authorship.legacyUnsigned === 0) return [];
  return [
    {
      kind: 'legacy-unsigned',
      id: `audit:1-${authorship.signedFrom - 1}`,
      code: 'LEGACY_UNSIGNED',
      values: {
        last: authorship.signedFrom - 1,
        count: authorship.legacyUnsigned,
        signedFrom: authorship.signedFrom,
      },
      detail: `LEGACY_UNSIGNED: audit entries 1-${authorship.signedFrom - 1} (${authorship.legacyUnsigned}) were written before audit entries were signed by their authors. Their chain is checked, but any staff member could have rewritten them offline; entries from ${authorship.signedFrom} on are signed.`,
    },
  ];
}

/**
 * The in-file admin checkpoint, or undefined when it is absent or cannot be read here (a damaged
 * row is RECORD_UNREADABLE in the record pass; only admins hold class:staff).
 */
function readCheckpoint(vault: Vault): CheckpointRecord | undefined {
  try {
    return vault.records.get<CheckpointRecord>(CHECKPOINT_RECORD_ID)?.value;
  } catch (error) {
    if (error instanceof HearthError) return undefined;
    throw error;
  }
}

/** The anchor now, and every rollback found at an earlier unlock (kept in the audit log). */
function rollbackProblems(vault: Vault, entries: AuditBody[]): VaultProblem[] {
  const out: VaultProblem[] = [];
  const verdict = vault.anchorVerdict();
  const now = describeVerdict(verdict);
  // ROLLED_BACK has a code (red team 18: it was the only rollback finding printed with none).
  if (now)
    out.push({
      kind: 'rollback',
      id: 'anchor',
      detail: now,
      ...(verdict.status === 'rolled-back' || verdict.status === 'replaced'
        ? { code: 'ROLLED_BACK' as const, values: { entry: verdict.anchorSeq } }
        : {}),
    });
  for (const entry of entries) {
    // Every anchor finding is a problem, an unsigned anchor too: without a key, a tail cut with
    // an unsigned anchor looks like a restore; a restore is excused only by an admin's signed
    // acknowledgement (restoreFindings), which replaces the finding at that sign-in.
    if (entry.action !== 'vault.rollbackDetected') continue;
    const missing = entry.detail?.missing;
    const claimed = entry.detail?.claimedBackupSha256;
    if (typeof claimed === 'string') {
      out.push({
        kind: 'rollback',
        id: `audit:${entry.seq}`,
        code: 'RESTORE_UNCONFIRMED',
        values: { at: entry.at, hash: claimed },
        detail: `RESTORE_UNCONFIRMED: at the unlock of ${entry.at} the audit anchor claimed a restore from the backup with sha256 ${claimed}, but no admin signed it (Hearth's restore signs it): newer changes may have been cut off or the file replaced by an older copy.`,
      });
      continue;
    }
    const coded = checkpointRollbackProblem(entry.seq, entry.at, entry.detail);
    if (coded) {
      out.push(coded);
      continue;
    }
    const status = entry.detail?.status;
    if (isAnchorMissing(status)) {
      const why = typeof entry.detail?.problem === 'string' ? ` (${entry.detail.problem})` : '';
      out.push({
        kind: 'rollback',
        id: `audit:${entry.seq}`,
        code: 'ANCHOR_MISSING',
        values: { at: entry.at, status },
        detail: `ANCHOR_MISSING: at the unlock of ${entry.at} the audit anchor was ${status}${why}, so a rollback to an older copy could not be ruled out then. Compare the case list and staff list with your newest backup; if newer work is missing, restore the newest backup and report it.`,
      });
      continue;
    }
    const cut = status === 'rolled-back' || status === 'replaced';
    const anchorSeq = Number(entry.detail?.anchorSeq);
    out.push({
      kind: 'rollback',
      id: `audit:${entry.seq}`,
      ...(cut && Number.isSafeInteger(anchorSeq)
        ? { code: 'ROLLED_BACK' as const, values: { at: entry.at, entry: anchorSeq } }
        : {}),
      detail:
        entry.detail?.status === 'rolled-back'
          ? `ROLLED_BACK: at the unlock of ${entry.at}, ${String(missing)} audit entries were missing (the anchor recorded entry ${String(entry.detail.anchorSeq)}).`
          : entry.detail?.status === 'start-moved'
            ? `AUDIT_START_MOVED: at the unlock of ${entry.at}, the vault file said signed audit starts at entry ${String(entry.detail.fileSignedFrom)}, but the signed anchor recorded ${String(entry.detail.anchorSignedFrom)}.`
            : `At the unlock of ${entry.at} the anchor said: ${String(entry.detail?.status)}${typeof entry.detail?.problem === 'string' ? ` (${entry.detail.problem})` : ''}.`,
    });
  }
  return out;
}

function recordProblems(
  vault: Vault,
  rolledBack: RolledBackClass[],
  expected: Expected,
  notices: VaultNotice[],
  progress: (done: number, total: number) => void,
  onReadable: ((id: string, value: unknown, kind: string) => void) | undefined,
  onUnreadable: ((id: string, kind: string) => void) | undefined,
  caseWrites: (caseId: string) => CaseWrites | undefined,
  onAudited: ((id: string, keyRef: string, auditSeq: number | undefined) => void) | undefined,
  onRecord: CheckOptions['onRecord'],
  problems: FindingSink<VaultProblem>,
): void {
  const total = vault.records.count();
  let done = 0;
  const indexKeyedCases: Array<{ id: string; reference: string; index: Uint8Array | null }> = [];
  // Removed users, read once on the first unreadable draft (their profiles stay, marked removed).
  let removed: Set<string> | undefined;
  const removedUsers = (): Set<string> =>
    (removed ??= new Set(
      vault.records
        .list<{ username: string; removedAt?: string }>('user', USERS_CONTAINER)
        .records.filter((r) => r.value.removedAt !== undefined)
        .map((r) => r.value.username),
    ));
  const pointersPending = vault.pendingTask(AUDIT_INDEX_TASK);
  for (const row of vault.records.allRows()) {
    const id = row.address.recordId;
    if (++done % 5000 === 0) progress(done, total);
    onRecord?.(row);
    const audited = expected.get(id);
    if (audited && audited.hash === row.hash) onAudited?.(id, row.address.keyRef, audited.auditSeq);
    if (row.readable === 'yes') onReadable?.(id, row.value, row.address.kind);
    else onUnreadable?.(id, row.address.kind);
    if (row.malformed) {
      // A column of the wrong storage type (R24-9): this record, named; the pass goes on.
      problems.push({
        kind: 'record',
        id,
        code: 'RECORD_MALFORMED',
        values: { record: id, columns: row.malformed.join(', ') },
        detail: `is damaged: ${row.malformed.join(', ')} ${row.malformed.length === 1 ? 'holds' : 'hold'} a value of the wrong type (changed outside Hearth), so it cannot be read. Restore the newest backup (hearth vault restore)`,
      });
      continue;
    }
    const owner = row.readable === 'no' ? draftOwner(row.address) : undefined;
    if (
      owner !== undefined &&
      audited?.hash === row.hash &&
      audited.seq === row.address.seq &&
      draftsShredded(vault.db, removedUsers(), owner)
    ) {
      // A removed user's draft: unreadable to everyone by design (R21-5), not damage.
      notices.push({
        kind: 'removed-user-draft',
        id,
        code: 'REMOVED_USER_DRAFT',
        values: { username: owner },
        detail: `is an unsent draft of ${owner}, who was removed: it was sealed under their personal key, which the removal destroyed, so no one can open it. Nothing to do.`,
      });
    } else if (row.readable === 'no') {
      problems.push({
        kind: 'record',
        id,
        code: 'RECORD_UNREADABLE',
        detail: 'fails authentication: altered, moved to another place, or its key is missing',
      });
    } else if (!audited || audited.hash === '') {
      problems.push({
        kind: 'record',
        id,
        code: 'RECORD_NOT_AUDITED',
        detail: 'is not in the audit log: it was inserted outside Hearth',
      });
    } else if (audited.seq !== row.address.seq || audited.hash !== row.hash) {
      problems.push({
        kind: 'record',
        id,
        code: 'RECORD_NOT_LATEST',
        values: { entry: audited.auditSeq },
        detail: `is not the version last written (audit entry ${audited.auditSeq}): rolled back or replaced outside Hearth`,
      });
    }
    // Red team 26, R26-6: pointer columns cleared on rows the log wrote stopped every seal and
    // read as "no pointer yet"; the check said nothing. Outside the pointer migration's pending
    // task, every audited record carries one (one primary-key read per record).
    if (audited && audited.hash !== '' && !pointersPending && !vault.audit.hasPointer(id))
      problems.push({
        kind: 'record',
        id,
        code: 'RECORD_POINTER_MISSING',
        values: { entry: audited.auditSeq },
        detail: `has no sealed pointer to the audit entry that wrote it (entry ${audited.auditSeq}): its pointer columns were cleared outside Hearth, so its author and version cannot be proven; reads of it and seals of its interview are refused. Restore the newest backup (hearth vault restore)`,
      });
    if (row.address.kind === 'case' && row.readable === 'yes')
      try {
        caseFindings(vault, id, row, audited, caseWrites, rolledBack, indexKeyedCases, problems);
      } catch (error) {
        // Another record this case's checks read (its creator's profile, R24-9) is damaged: the
        // pass names that record itself (every row passes through it); this case's own checks
        // are left out rather than ending the check.
        if (!isDamage(error)) throw error;
      }
  }
  progress(done, done);
  // Written by the audit log, gone from the file: one primary-key read per id the log names.
  for (const [id, audited] of expected.absent((recordId) => vault.records.has(recordId)))
    problems.push({
      kind: 'record',
      id,
      code: 'RECORD_MISSING',
      values: { entry: audited.auditSeq },
      detail: `is missing: written in audit entry ${audited.auditSeq} but deleted outside Hearth`,
    });
  // The index was computed under the case key version a rollback hid (RT22-1): it cannot be
  // checked against the version that looks current; KEY_VERSION_ROLLED_BACK says why.
  if (rolledBack.some((r) => r.logical === classKey('case'))) indexKeyedCases.length = 0;
  // Two cases with one reference (R24-3): named whatever the indexes say.
  pushAll(problems, duplicateReferenceProblems(indexKeyedCases));
  for (const c of indexKeyedCases) {
    const want = toHex(vault.blindIndex('case-reference', normalizeReference(c.reference)));
    if (!c.index || toHex(c.index) !== want)
      problems.push({
        kind: 'blind-index',
        id: c.id,
        code: c.index ? 'BLIND_INDEX_MISMATCH' : 'BLIND_INDEX_CLEARED',
        detail: c.index
          ? 'the case-reference index does not match the case reference (edited outside Hearth)'
          : 'the case-reference index was cleared outside Hearth: duplicate case references would go unnoticed',
      });
  }
}

/** One row of the record pass (RecordStore.allRows). */
type CheckRow = ReturnType<Vault['records']['allRows']> extends Generator<infer R> ? R : never;

/**
 * The checks of one readable case record: its blind index (kept for after the pass), a creator
 * -bound id whose salt was lost, a deleted allegation key, an un-blinding without the key. May
 * throw TAMPERED when a record they read (the creator's profile) is damaged (R24-9): the caller
 * leaves this case's checks out and the record pass names that record.
 */
function caseFindings(
  vault: Vault,
  id: string,
  row: CheckRow,
  audited: AuditedVersion | undefined,
  caseWrites: (caseId: string) => CaseWrites | undefined,
  rolledBack: RolledBackClass[],
  indexKeyedCases: Array<{ id: string; reference: string; index: Uint8Array | null }>,
  problems: FindingSink<VaultProblem>,
): void {
  const value = row.value as { reference?: unknown; allegationBlind?: unknown };
  if (typeof value.reference === 'string')
    indexKeyedCases.push({ id, reference: value.reference, index: row.blindIndex });
  const writes = caseWrites(id);
  const saltLost = caseSaltLost(vault, id, value, writes);
  const deleted = saltLost ? undefined : allegationKeyDeleted(vault, id, writes, rolledBack);
  if (deleted) problems.push(deleted);
  // The version its creating entry wrote (R16-7): created open, so never un-blinded; an
  // allegation key the checker cannot open is named by the key findings, not blamed on that
  // entry's author.
  const asCreated =
    row.address.seq === 1 && audited?.hash === row.hash && audited.auditSeq === writes?.created;
  if (value.allegationBlind === false && !asCreated && !saltLost) {
    const problem = unblindedWithoutKey(vault, id, audited?.auditSeq, writes?.signer);
    if (problem) problems.push(problem);
  }
}

/**
 * A case record that says "not allegation-blind" while the case's allegation key is not wrapped
 * for the case key: Hearth un-blinds only by making that wrap (cases.ts applyChange), which
 * needs the allegation key, so the flag was rewritten by someone who could not read the
 * allegation (R12-3). Sessions started blind stay blind (the start seals it); this names the
 * rewrite and the audit entry that wrote the record. Nothing when the checker cannot tell.
 */
function unblindedWithoutKey(
  vault: Vault,
  caseId: string,
  entry: number | undefined,
  signer: string | undefined,
): VaultProblem | undefined {
  if (allegationOpenToCase(vault, caseId) !== false) return undefined;
  const by = signer ?? 'no certified key';
  const where = entry !== undefined ? ` (audit entry ${entry}, signed by ${by})` : '';
  return {
    kind: 'record',
    id: caseId,
    code: 'CASE_UNBLINDED_WITHOUT_KEY',
    values: { entry: entry ?? 0, signer: by },
    detail: `says the case is no longer allegation-blind${where}, but the allegation key was never opened to the case key as Hearth does when it lifts blindness: the flag was rewritten by someone who cannot read the allegation. Sessions started blind stay blind; restore the newest backup or report it`,
  };
}

/** Which audit entries wrote a case record: the first (its creation) and the last one's signer. */
interface CaseWrites {
  created: number;
  signer: string | undefined;
  /** The certified signer of the creation entry. */
  creator?: string | undefined;
  /** The last entry that wrote the record. */
  last?: number;
}

/**
 * Whether a creator-bound case record no longer holds the salt its id was made with for its
 * creator's staff key (sec41; red team 20, R20-5): a colleague holding the case key rewrote it.
 * The allegation then stays unused, which CASE_ID_SALT_MISMATCH names with that rewrite; the
 * findings that would follow from an unusable allegation key (ALLEGATION_KEY_DELETED,
 * CASE_UNBLINDED_WITHOUT_KEY) would blame the wrong thing. False when it cannot tell.
 */
function caseSaltLost(vault: Vault, caseId: string, value: unknown, writes?: CaseWrites): boolean {
  if (!isCreatorBoundCaseId(caseId) || writes?.creator === undefined) return false;
  const found = vault.records.get<{ signPublicKey?: unknown }>(`user:${writes.creator}`);
  const key = found?.value.signPublicKey;
  if (typeof key !== 'string') return false;
  return !caseIdNamesCreator(caseId, key, (value as { idSalt?: unknown }).idSalt);
}

/**
 * A case whose allegation key has no wrap row left (R13-2): Hearth makes that key with every
 * case in the entry that creates it (cases.ts createCase) and only ever adds versions, so the
 * audit log's creation entry vouches for rows that were deleted outside Hearth. That destroys
 * the allegation for everyone and must not read as "open" (allegationOpenToCase fails closed).
 */
function allegationKeyDeleted(
  vault: Vault,
  caseId: string,
  writes: CaseWrites | undefined,
  rolledBack: RolledBackClass[],
): VaultProblem | undefined {
  if (!writes) return undefined;
  // Rows left behind that open for no one (a junk row, R14-7) are no key either: the checker (an
  // admin, who reaches every allegation key through the case or staff key) must open it.
  const current = vault.keys.currentId(allegationKey(caseId));
  if (current !== undefined && opensForChecker(vault, current)) return undefined;
  // Its wraps are there and hold the key its certificate commits to, but the certificate's
  // pointer was edited (R16-7): not deleted; check-key-certs.ts names the pointer
  // (KEY_CERT_POINTER_BROKEN).
  if (current !== undefined && certPointerBrokenWrapsIntact(vault, current)) return undefined;
  // Its key is there, wrapped under the case key version a rollback hid (RT22-1): named once as
  // KEY_VERSION_ROLLED_BACK, not as a deletion of this case's key (red team 22).
  if (current !== undefined && heldByReplaced(vault.db, current, rolledBack)) return undefined;
  return {
    kind: 'record',
    id: caseId,
    code: 'ALLEGATION_KEY_DELETED',
    // Which rows: all of them (no version of the key is left). Who: nobody can be named, since
    // key wraps carry no audit reference (R13-2 residual; sec27), so the check says so.
    values: {
      entry: writes.created,
      key: allegationKey(caseId),
      missing: `${allegationKey(caseId)}@*`,
    },
    detail: `has no allegation key (${allegationKey(caseId)}): Hearth made it when the case was created (audit entry ${writes.created}), so its key wraps were deleted outside Hearth. Missing: every key_wraps row of ${allegationKey(caseId)}@* (every version, for every holder). No signer can be named: key wraps carry no audit reference, so the deletion left no signed entry. The allegation cannot be read by anyone; interviews started blind stay blind. Restore the newest backup or report it`,
  };
}

/**
 * Whether `id` has a bound certificate whose audit-index pointer is missing or does not open,
 * while a wrap the checker opens holds the key that certificate commits to.
 */
function certPointerBrokenWrapsIntact(vault: Vault, id: string): boolean {
  const row = vault.keys.certBook?.rowOf(id);
  if (!row || !isBound(row) || vault.audit.indexedEntry(certRefId(id)) !== undefined) return false;
  return vault.keys.someWrapHolds(id, { kind: row.kind, value: row.commitment });
}

function opensForChecker(vault: Vault, id: string): boolean {
  try {
    return vault.keys.canOpen(id);
  } catch (error) {
    if (error instanceof HearthError) return false;
    throw error;
  }
}

/** Every key slot must be the one the audit log last recorded; none may be missing. */
function slotProblems(vault: Vault, expected: Expected): VaultProblem[] {
  const problems: VaultProblem[] = [];
  const slots = slotDigests(vault.db);
  // A damaged row (a field of the wrong type or length, a key id not its own) opens with no
  // passphrase: named as such, with who is locked out and what to do (red team 17, R17-4).
  const current = (slotId: string): string | undefined => {
    try {
      return vault.keys.currentId(slotId);
    } catch (error) {
      if (error instanceof HearthError) return undefined;
      throw error;
    }
  };
  for (const bad of malformedSlots(vault.db, current))
    problems.push({
      kind: 'slot',
      id: bad.id,
      code: 'SLOT_MALFORMED',
      values: { slot: bad.slotId, ...(bad.username !== undefined ? { user: bad.username } : {}) },
      detail:
        bad.username !== undefined
          ? `key slot "${bad.slotId}" of user ${bad.username} is damaged (${bad.problem}): no passphrase opens it. Restore the newest backup, or set a new passphrase for ${bad.username} with the recovery kit (hearth vault recover --user ${bad.username})`
          : `the recovery slot is damaged (${bad.problem})${RECOVERY_LOST}. Restore the newest backup, then print a new recovery kit`,
    });
  const damaged = new Set(problems.map((p) => p.id));
  for (const [id, digest] of slots) {
    if (damaged.has(id)) continue;
    const audited = expected.get(id);
    if (!audited || audited.hash === '')
      problems.push({
        kind: 'slot',
        id,
        code: 'SLOT_NOT_AUDITED',
        detail: 'this key slot is not in the audit log: it was added outside Hearth',
      });
    else if (audited.hash !== digest)
      problems.push({
        kind: 'slot',
        id,
        code: 'SLOT_EDITED',
        values: { entry: audited.auditSeq },
        detail: `this key slot (KDF parameters, salt or wrapped key) is not the one written in audit entry ${audited.auditSeq}: edited outside Hearth`,
      });
  }
  for (const [id, audited] of expected.entries('slot:')) {
    if (audited.hash !== '' && !slots.has(id))
      problems.push({
        kind: 'slot',
        id,
        code: id === slotRefId.recovery ? 'RECOVERY_SLOT_DELETED' : 'SLOT_DELETED',
        values: { entry: audited.auditSeq },
        detail: `this key slot was deleted outside Hearth (written in audit entry ${audited.auditSeq})${id === slotRefId.recovery ? RECOVERY_LOST : ''}`,
      });
  }
  const named = new Set(problems.map((p) => p.id));
  pushAll(
    problems,
    requiredSlotProblems(vault, slots).filter((p) => !named.has(p.id)),
  );
  return problems;
}

/**
 * Each user's personal key wrap rows must be the ones the newest entry that wrote their slot
 * committed to (RT22-4, personal-wrap.ts): a replaced wrap locks the user out of their signing
 * key, and only this check can show it to an admin. Users whose entries predate the commitment
 * have none and are not judged.
 */
function personalWrapProblems(vault: Vault, expected: Expected): VaultProblem[] {
  const problems: VaultProblem[] = [];
  const prefix = personalWrapRefId('');
  for (const [id, audited] of expected.entries(prefix)) {
    const username = id.slice(prefix.length);
    if (audited.hash === personalWrapDigest(vault.db, username)) continue;
    problems.push({
      kind: 'slot',
      id,
      code: 'PERSONAL_KEY_WRAP_EDITED',
      values: { user: username, entry: audited.auditSeq },
      detail: `the wrap of ${username}'s personal key (personal:${username}, which protects their signing key) is not the one written in audit entry ${audited.auditSeq}: ${audited.hash === '' ? 'added' : 'replaced or deleted'} outside Hearth (no key is needed to do so). ${username} cannot sign in; nothing of theirs was written under a planted key. Remove ${username} and add them again (Settings → Users), or restore the newest backup`,
    });
  }
  return problems;
}

const RECOVERY_LOST = ': the printed recovery kit no longer opens the vault';

/**
 * The slots every vault must have, whatever the audit log says (anyone holding a passphrase
 * holds the audit chain key and could rewrite the refs, so this check must not rest on them):
 * the recovery slot, and a user slot for every current user and every staff key the centre
 * certified and has not withdrawn.
 */
function requiredSlotProblems(vault: Vault, slots: Map<string, string>): VaultProblem[] {
  const problems: VaultProblem[] = [];
  if (!slots.has(slotRefId.recovery))
    problems.push({
      kind: 'slot',
      id: slotRefId.recovery,
      code: 'RECOVERY_SLOT_MISSING',
      detail: `the recovery key slot is missing: deleted outside Hearth${RECOVERY_LOST}. Restore from a backup made before the deletion; until then only staff passphrases open the vault.`,
    });
  const users = new Set(vault.listUsers().map((u) => u.username));
  for (const record of listCertificateRecords(vault.records))
    if (!record.withdrawal) users.add(record.certificate.statement.username);
  for (const username of [...users].sort()) {
    const id = slotRefId.user(username);
    if (!slots.has(id))
      problems.push({
        kind: 'slot',
        id,
        code: 'USER_SLOT_MISSING',
        values: { username },
        detail: `${username} is a certified user but has no key slot: deleted outside Hearth, so they can no longer sign in. Restore from a backup, or an admin removes and re-adds them.`,
      });
  }
  return problems;
}

/**
 * Profiles that hold a secret (the first admin's passphrase, written by vault.create before
 * sec46), or whose secret was removed but whose user has not chosen a new passphrase since:
 * older copies of the file hold it (profile-repair.ts). Each case worded as it is (R21-5):
 * still held and removed at an admin's sign-in (PROFILE_HOLDS_SECRET); held in a version
 * rewritten outside Hearth, which no sign-in repairs (PROFILE_SECRET_NOT_REPAIRED, R21-2); held
 * until a date, or removed at a date not recorded (PROFILE_HELD_SECRET). Names the user, the
 * field names and the date, never values.
 */
function profileSecretProblems(vault: Vault): VaultProblem[] {
  const findings = profileSecretFindings(vault.records, vault.audit, vault.signerLookup());
  return findings.map((f): VaultProblem => {
    const id = `user:${f.username}`;
    const who = f.removed ? `the removed user ${f.username}` : f.username;
    const fields = f.fields.join(', ');
    if (f.state === 'holds')
      return {
        kind: 'role' as const,
        id,
        code: 'PROFILE_HOLDS_SECRET' as const,
        values: { username: f.username, fields },
        detail: f.removed
          ? `PROFILE_HOLDS_SECRET: the profile of ${who} holds fields outside its schema (${fields}), readable by every role with a copy of the file: an admin's sign-in removes them. If ${f.username} uses that passphrase anywhere else, they change it there.`
          : `PROFILE_HOLDS_SECRET: the profile of ${who} holds fields outside its schema (${fields}), readable by every role with a copy of the file: an admin's sign-in removes them; then ${f.username} changes their passphrase.`,
      };
    if (f.state === 'not-repaired')
      return {
        kind: 'role' as const,
        id,
        code: 'PROFILE_SECRET_NOT_REPAIRED' as const,
        values: { username: f.username, fields },
        detail: `PROFILE_SECRET_NOT_REPAIRED: the profile of ${who} holds fields outside its schema (${fields}), readable by every role with a copy of the file, in a version Hearth cannot show it wrote (its audit entry does not commit to it: rewritten outside Hearth). No sign-in rewrites it, since that would sign whatever else was changed. Restore the newest backup (hearth vault restore), or report it; ${f.username} changes their passphrase${f.removed ? ' wherever they still use it' : ''}.`,
      };
    const since = f.removedAt;
    return {
      kind: 'role' as const,
      id,
      code: since ? 'PROFILE_HELD_SECRET' : 'PROFILE_HELD_SECRET_UNDATED',
      values: since ? { username: f.username, since } : { username: f.username },
      detail: since
        ? `PROFILE_HELD_SECRET: the profile of ${f.username} held their passphrase until ${since}, when an admin's sign-in removed it; older copies of the file still hold it. ${f.username} changes their passphrase now (and, if a copy left the centre, gets a new account and this one is removed, which rotates every key it reached).`
        : `PROFILE_HELD_SECRET: the profile of ${f.username} held their passphrase until an admin's sign-in removed it (the date of that repair is not recorded); older copies of the file still hold it. ${f.username} changes their passphrase now (and, if a copy left the centre, gets a new account and this one is removed, which rotates every key it reached).`,
    };
  });
}

/**
 * Each current user's key must be a holder of exactly their role's class keys (the wrap table
 * names holders in clear, so no user's key is needed to see it).
 */
function roleProblems(vault: Vault): VaultProblem[] {
  const problems: VaultProblem[] = [];
  const { keys } = vault;
  for (const profile of vault.listUsers()) {
    const userKeyId = keys.currentId(`user:${profile.username}`);
    if (!userKeyId) {
      problems.push({
        kind: 'role',
        id: `user:${profile.username}`,
        code: 'USER_NO_KEY',
        detail: 'this user has no key',
      });
      continue;
    }
    const held = new Set(keys.heldBy(userKeyId));
    const want = new Set(classesOf(profile.role));
    for (const dataClass of DATA_CLASSES) {
      const current = keys.currentId(classKey(dataClass));
      // A class added after this vault was made gets its key at the next admin sign-in.
      if (current === undefined && LATE_CLASSES.includes(dataClass)) continue;
      const holds = current !== undefined && held.has(current);
      if (holds !== want.has(dataClass))
        problems.push({
          kind: 'role',
          id: `user:${profile.username}`,
          code: holds ? 'ROLE_EXTRA_KEY' : 'ROLE_MISSING_KEY',
          values: { dataClass, role: profile.role },
          detail: holds
            ? `holds the ${dataClass} key, which the role ${profile.role} does not: a role was edited or a key was wrapped outside Hearth`
            : `lacks the ${dataClass} key of the role ${profile.role}: the role was edited outside Hearth or a key wrap was deleted`,
        });
    }
  }
  return problems;
}

/**
 * Red team 26, R26-2: an older copy of a record put back (with its pointer, or with the pointer
 * cleared) and then edited once through Hearth: the edit writes the older copy's seq + 1 again,
 * so two signed entries write the same version (or the newer entry a lower one) with another
 * content, and the row then matches the last entry. Hearth never writes a version of a record
 * at or below one the log already wrote with other content (events are write-once and named by
 * their own check; a removal, hash '', starts the record over).
 */
function versionRewritten(
  before: { seq: number; hash: string; auditSeq: number } | undefined,
  seq: number,
  ref: AuditRecordRef,
): VaultProblem | undefined {
  if (!before || before.hash === '' || ref.hash === '' || EVENT_ID.test(ref.id)) return undefined;
  if (ref.seq > before.seq || ref.hash === before.hash) return undefined;
  const first = before.auditSeq;
  return {
    kind: 'record',
    id: ref.id,
    code: 'RECORD_VERSION_REWRITTEN',
    values: { entry: seq, version: ref.seq, firstEntry: first, firstVersion: before.seq },
    detail: `audit entry ${seq} writes version ${ref.seq} of this record, but audit entry ${first} had already written version ${before.seq} with other content: an older copy was put back outside Hearth and written over, so the version of entry ${first} is gone from the record. Restore the newest backup made after entry ${first} (hearth vault restore)`,
  };
}

const CODE_PREFIX = /^([A-Z][A-Z_]+): /;

/** `problem` with the code its detail starts with, when it has none and the code is known. */
function withPrefixCode(problem: VaultProblem): VaultProblem {
  if (problem.code !== undefined) return problem;
  const prefix = CODE_PREFIX.exec(problem.detail)?.[1];
  const known = (CHECK_CODES as readonly string[]).includes(prefix ?? '');
  return known ? { ...problem, code: prefix as CheckCode } : problem;
}

/** Each current user's role must be the one the centre key certified for their staff key. */
function certificateProblems(vault: Vault): VaultProblem[] {
  const problems: VaultProblem[] = [];
  const records = vault.records;
  if (!readCentreKey(records))
    return [
      {
        kind: 'certificate',
        id: 'centre',
        code: 'CENTRE_KEY_MISSING',
        detail: 'the centre key is missing from the vault',
      },
    ];
  for (const profile of vault.listUsers()) {
    const id = `user:${profile.username}`;
    if (!certificateForKey(records, profile.signPublicKey)) {
      // Red team 26, R26-3: a deleted certificate row is not a user "added outside Hearth".
      const rowId = `certificate:${profile.signPublicKey}`;
      problems.push(
        records.has(rowId)
          ? {
              kind: 'certificate',
              id,
              code: 'CERT_MISSING',
              detail: 'has no valid certificate from the centre key: added outside Hearth, or the row was changed',
            }
          : {
              kind: 'certificate',
              id,
              code: 'CERTIFICATE_MISSING',
              values: { row: rowId },
              detail: `their certificate row ${rowId} was deleted outside Hearth: until it is back (restore the newest backup), their genuine signed work reads as uncertified, and findings calling it written outside Hearth follow from this one`,
            },
      );
      continue;
    }
    try {
      assertCertifiedRole(records, profile);
    } catch (error) {
      if (!(error instanceof HearthError)) throw error;
      problems.push({
        kind: 'certificate',
        id,
        code: error.code === 'FORBIDDEN' ? 'CERT_WITHDRAWN_HAS_SLOT' : 'CERT_ROLE_MISMATCH',
        values: { role: profile.role },
        detail:
          error.code === 'FORBIDDEN'
            ? 'their certificate was withdrawn, but they still have a key slot'
            : `the role in their profile (${profile.role}) is not the role the centre key certified: edited outside Hearth`,
      });
    }
  }
  return problems;
}
