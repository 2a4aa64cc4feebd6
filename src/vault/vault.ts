// The vault: one SQLite file, its key slots and key hierarchy, and the signed-in state (the keys
// this user's slot reaches, and the user) while open. Every change goes through `write`, which
// seals records and appends the audit entry that commits to them in one transaction; every read
// of case data goes through `read`, which audits it. After every commit the audit head is also
// written outside the file (anchor.ts), so a shortened log or an older copy is noticed.
import { rmSync } from 'node:fs';
import type { Database } from 'better-sqlite3';
import {
  blake2b,
  chooseArgon2Params,
  deriveSubkey,
  randomBytes,
  signDetached,
  wipe,
  type Argon2Params,
} from '../crypto';
import {
  isAnchorMissing,
  isRollbackFinding,
  ROLLBACK_DETECTED,
  anchorFileProblem,
  compareWithAnchor,
  RESTORED,
  defaultAnchorFile,
  describeVerdict,
  readAnchor,
  supersededByRestore,
  worstVerdict,
  writeAnchors,
  type AnchorVerdict,
  type AnchorMissingStatus,
} from './anchor';
import {
  AuditLog,
  startCommitment,
  type AuditEntry,
  type AuditHead,
  type AuditRecordRef,
  type PlannedPointer,
  type AuditSigner,
  type SignerLookup,
  type SignedStart,
} from './audit';
import { CASE_ID_PREFIX, normalizeReference } from './cases';
import { usersWithoutProfile } from './user-listing';
import { rotatedDetail } from './check-removed-writer';
import {
  type AnchorCheckpoint,
  CHECKPOINT_ACTION,
  CHECKPOINT_RECORD_ID,
  checkpointAddress,
  checkpointFinding,
  checkpointSignatureProblem,
  type CheckpointRecord,
  signCheckpoint,
} from './checkpoint';
import {
  assertUnlockAllowed,
  recordUnlockFailure,
  recordUnlockSuccess,
  settleBackoff,
} from './backoff';
import { openVaultDatabase, statement, totalChanges, vaultExists, vaultFile } from './db';
import { blob, toHex, utf8 } from './encoding';
import { readAuditStartProof, startFromProof } from './audit-start-proof';
import { fromSqliteError, HearthError } from './errors';
import { parseKeyId, KeyStore, type KeyId } from './key-store';
import {
  attachKeyCerts,
  bindLegacyAllegationCerts,
  examinedCertsMacKey,
  certifyFreshKeys,
  everCertified,
  keyCertBook,
  migrateKeyCerts,
  trustedCentreKey,
  type KeyCertMode,
} from './key-vouching';
import {
  deleteUserSlot,
  listSlotUsernames,
  openRecoverySlot,
  openUserSlot,
  slotDigests,
  spendEquivalentKdfTime,
  userSlotExists,
  userSlotParams,
  writeRecoverySlot,
  writeUserSlot,
  type OpenedSlot,
} from './key-slots';
import { migrate, loadMigrations, schemaVersion } from './migrate';
import { RecordStore, type RecordAddress } from './records';
import { generateRecoveryKey, parseRecoveryKey } from './recovery-key';
import {
  classesOf,
  classKey,
  DATA_CLASSES,
  holdersOf,
  LATE_CLASSES,
  requirePermission,
  type DataClass,
  type Permission,
  type Role,
} from './roles';
import { rotateReachable } from './rotation';
import {
  blindAllegationKeys,
  revealedAllegationKeys,
  roleClassKeys,
} from './removal-reach';
import {
  personalWrapDigest,
  personalWrapRefId,
  personalWrapReplaced,
  personalWrapReplacedError,
} from './personal-wrap';
import {
  blockingObjects,
  foreignSchemaObjects,
  missingTables,
  schemaForeignError,
  schemaMissingError,
  type ForeignSchemaObject,
} from './schema-check';
import {
  floorMissingError,
  floorWalkError,
  classesMadeInLog,
  ADD_KEY_CLASS_ACTION,
  floorRefs,
  higherFloors,
  signedFloorsNow,
  KEY_FLOOR_ACTION,
  readFloor,
  type FloorEntries,
  rolledBackError,
  statedFloors,
  type FloorReading,
} from './key-floors';
import { staleWriteGuard } from './stale-write';
import { clearSecretMark, passphraseExposedMessage, repairProfileSecrets } from './profile-repair';
import {
  createUserRecords,
  listUserProfiles,
  personalKey,
  readSigningKey,
  readUserProfile,
  signingRecordId,
  type UserProfile,
} from './users';
import { checkDisplayName, normalizeDisplayName } from './certificate-format';
import { certDamageAtSignIn } from './cert-row-shape';
import { readSignedFromColumn } from './signed-from-column';
import { removalSubject } from './removal-subject';
import { lookAlikeProblem } from './look-alike';
import {
  commitAuditStart,
  createCentreKey,
  readCentreCommitment,
  readCentreKey,
  readCentreSecretKey,
  type CentreCommitment,
  type CentreKeyInfo,
} from './centre-key';
import {
  AUDIT_START_REF,
  auditStartHash,
  checkAuditStart,
  signAuditStart,
  type AuditStartVerdict,
} from './audit-start';
import {
  assertCertifiedRole,
  certificateForKey,
  certifiedRolesByUsername,
  certifiedSignerLookup,
  issueCertificate,
  listCertificateRecords,
  readStaffKeyList,
  signStaffKeyList,
  withdrawCertificate,
  type CentreContext,
  type CertificateRecord,
  type StaffKeyList,
} from './certificates';

export interface VaultOptions {
  /** Clock in ms since the epoch; injectable so backoff can be tested without waiting. */
  now?: () => number;
  /** Argon2id parameters for new key slots; default: calibrated on this machine (about 1 s). */
  argon2?: Argon2Params;
  migrationsDir?: string;
  /** Where the audit anchor lives (outside the vault file); default: beside it in the vault folder. */
  anchorFile?: string;
  /**
   * A second copy of the anchor outside the vault folder (the app's user-data folder, from
   * electron/main; the CLI's HEARTH_ANCHOR_COPY): a copy of the folder does not carry it.
   */
  anchorCopy?: string;
  /**
   * Set only by `restoreVault` (restore.ts) on its private staged copy of a backup: the next
   * sign-in must be an admin's, does not compare the anchor (going back is the point), and
   * appends a signed `vault.restored` entry naming the backup's sha256 and the restored head;
   * the anchor that sign-in signs is then copied to every anchor copy.
   */
  restoring?: { backupSha256: string };
}

export interface SignedInUser {
  username: string;
  role: Role;
  /** The name colleagues know them by, from their profile (shown as "Signed in as"). */
  displayName: string;
  /** Set when the anchor outside the file shows the vault was rolled back (also in the audit log). */
  rolledBack?: { missing: number; message: string };
  /**
   * Set when the anchor outside the file was missing, damaged or another vault's at this
   * unlock: rollback cannot be ruled out, and a fresh anchor is written from this unlock on
   * (also in the audit log as vault.rollbackDetected).
   */
  anchorMissing?: { status: AnchorMissingStatus; message: string };
  /**
   * Set while this user's profile once held her passphrase (the first admin of a vault made
   * before sec46): the profile was repaired at `since`, but older copies of the file still hold
   * it, so she changes her passphrase now. Cleared by her passphrase change or recovery.
   */
  passphraseExposed?: { since: string; message: string };
}

interface Unlocked {
  keys: KeyStore;
  records: RecordStore;
  audit: AuditLog;
  user: SignedInUser;
  /** The signed-in user's key ('user:<name>@<v>'). */
  userKeyId: KeyId;
  /** Their staff signing key, once read for signing audit entries. */
  signing?: { username: string; secretKey: Uint8Array };
}

export type PutRecord = (
  address: RecordAddress,
  value: unknown,
  blindIndex?: Uint8Array,
) => AuditRecordRef;

export interface NewUser {
  username: string;
  displayName: string;
  role: Role;
  passphrase: string;
}

const RECOVERY = 'recovery';
const userKey = (username: string): string => `user:${username}`;
const BLIND_INDEX_CONTEXT = 'hearthbi';

/** Audit references for slots: `vault check` compares them with the slots in the file. */
function slotRefs(db: Database, slotIds: string[]): AuditRecordRef[] {
  const digests = slotDigests(db);
  return slotIds.flatMap((slotId) => [
    { id: `slot:${slotId}`, seq: 1, hash: digests.get(`slot:${slotId}`) ?? '' },
    // A user's personal key wrap, written with the slot (RT22-4, personal-wrap.ts).
    ...(slotId.startsWith('user:')
      ? [
          {
            id: personalWrapRefId(slotId.slice('user:'.length)),
            seq: 1,
            hash: personalWrapDigest(db, slotId.slice('user:'.length)),
          },
        ]
      : []),
  ]);
}

/** What `recordStart` returns: the start's audit sequence number and the nonce its commit reveals. */
export interface StartTicket {
  startedAtEntry: number;
  startNonce: string;
}

export class Vault {
  private unlocked: Unlocked | undefined;
  private unlockGeneration = 0;
  private anchoredSeq = -1;
  /**
   * The anchor is only moved forward from a head that was compared with it (at sign-in), so a
   * rolled-back file is never anchored before it is noticed.
   */
  private anchorCompared = false;
  /** The sign-in whose staff key signs the anchor (kept through the lock's own commit). */
  private anchorSigner: Unlocked | undefined;
  /**
   * The admin checkpoint a non-admin sign-in carries forward in every anchor it writes (read
   * from the anchor copies at sign-in, verified); admins sign a fresh one instead.
   */
  private carriedCheckpoint: AnchorCheckpoint | undefined;
  /**
   * perf29: an admin's sign-in commits several transactions (the sign-in entry, floors, repairs,
   * the start of signed audit) before its in-file checkpoint; while this is set they commit with
   * synchronous=NORMAL (no fsync), and the checkpoint's commit, made at FULL, syncs the WAL once
   * for all of them (ARCHITECTURE, "One fsync per admin unlock").
   */
  private syncDeferred = false;
  /**
   * A commit wrote while syncDeferred and no synced commit that wrote has followed: the WAL may
   * hold frames not yet on disk, so the anchor outside the file is not moved (it must never vouch
   * for a head that a power loss can take back: the next sign-in would read ROLLED_BACK).
   */
  private unsyncedWrites = false;
  /** The certified staff keys, cached by the staff list's version (one read per change). */
  private staffKeysMemo: { listSeq: number | undefined; keys: string[] } | undefined;
  /**
   * Set only when this process itself migrated the file from before signed audit (schema < 4):
   * the one case where an unsigned anchor at the last legacy entry is Hearth's own (anchor.ts).
   */
  private upgradedFromUnsignedAudit = false;
  /**
   * This admin sign-in found every key certificate deleted from a vault that had them (sec30,
   * key-vouching.ts `everCertified`): its keys are not vouched for, so nothing is read or written
   * with them; the admin runs the check and restores a backup.
   */
  private keyCertsRemoved = false;

  /** Whether this sign-in found the key certificates deleted (vault check: KEY_CERTS_REMOVED). */
  get keyCertificatesRemoved(): boolean {
    return this.keyCertsRemoved;
  }
  /** The verified centre statement of the start of signed audit, per sign-in (audit-start.ts). */
  private auditStartMemo: { records: RecordStore; verdict: AuditStartVerdict } | undefined;

  /**
   * Schema objects in the file that Hearth's migrations do not make (RT22-2, schema-check.ts),
   * found at open: while there are any, every write (a sign-in's first) is refused.
   */
  private foreignSchema: ForeignSchemaObject[] = [];

  /** Hearth's own schema objects missing from the file, found at open (R23-5; vault check). */
  private missingSchema: ForeignSchemaObject[] = [];

  /** The foreign schema objects found at open (kinds and names; vault check, the CLI). */
  get foreignSchemaObjects(): readonly ForeignSchemaObject[] {
    return this.foreignSchema;
  }

  /** Hearth's own schema objects missing from the file (kinds and names; vault check). */
  get missingSchemaObjects(): readonly ForeignSchemaObject[] {
    return this.missingSchema;
  }

  private constructor(
    readonly db: Database,
    readonly vaultDir: string,
    readonly vaultId: Uint8Array,
    private readonly options: VaultOptions,
  ) {}

  static exists(vaultDir: string): boolean {
    return vaultExists(vaultDir);
  }

  static open(vaultDir: string, options: VaultOptions = {}): Vault {
    const db = openVaultDatabase(vaultDir, { create: false });
    try {
      const hasVault =
        schemaVersion(db) === 1 &&
        db.prepare('SELECT 1 FROM vault_meta WHERE singleton = 1').get() !== undefined;
      if (hasVault)
        throw new HearthError(
          'VAULT_TOO_NEW',
          'This vault was made by a development version of Hearth with a single master key (schema 1). It cannot be upgraded in place to keys per role: open it with that version, export what you need, and create a new vault.',
        );
      const before = schemaVersion(db);
      const migrations = loadMigrations(options.migrationsDir);
      // RT22-2: objects Hearth's migrations do not make would run inside every write, the
      // migrations' included: nothing is written (not even a migration) while there are any.
      const found = foreignSchemaObjects(db, migrations);
      // R24-6: a dropped table is named here, before any query (the migrations' included)
      // touches it; foreign objects first, as they block the repair that could follow.
      const foreign = blockingObjects(found);
      const tables = missingTables(found);
      if (foreign.length === 0 && tables.length > 0) throw schemaMissingError(tables);
      if (foreign.length === 0) migrate(db, migrations);
      const meta = db.prepare('SELECT vault_id FROM vault_meta WHERE singleton = 1').get() as
        { vault_id: Buffer } | undefined;
      if (!meta)
        throw new HearthError(
          'VAULT_CORRUPT',
          'The vault file has no vault identity; it is damaged or not a Hearth vault.',
        );
      const vault = new Vault(db, vaultDir, blob(meta.vault_id), options);
      vault.upgradedFromUnsignedAudit = before > 0 && before < 4;
      vault.foreignSchema = foreign;
      vault.missingSchema = found.filter((o) => o.why === 'missing');
      return vault;
    } catch (error) {
      db.close();
      throw fromSqliteError(error);
    }
  }

  /**
   * Creates a vault with its first user (an admin), signed in: the recovery key pair, the
   * admin's key, one key per data class (wrapped for the admin and for recovery), the admin's
   * personal key. Returns the recovery key text, shown once.
   */
  static create(
    vaultDir: string,
    admin: Omit<NewUser, 'role'>,
    options: VaultOptions = {},
  ): { vault: Vault; recoveryKey: string } {
    if (vaultExists(vaultDir))
      throw new HearthError('VAULT_EXISTS', 'A vault already exists in this folder.');
    admin = { ...admin, displayName: normalizeDisplayName(admin.displayName) };
    assertDisplayName(admin.displayName);
    const mixed = lookAlikeProblem(admin.displayName, []);
    if (mixed !== undefined) throw new HearthError('INVALID_INPUT', `Display name: ${mixed}.`);
    const params = options.argon2 ?? chooseArgon2Params();
    const db = openVaultDatabase(vaultDir, { create: true });
    const recovery = generateRecoveryKey();
    try {
      const migrations = loadMigrations(options.migrationsDir);
      migrate(db, migrations);
      // The schema just made is Hearth's own (RT22-2); this also computes the expected set once.
      const foreign = foreignSchemaObjects(db, migrations);
      if (foreign.length > 0) throw schemaForeignError(foreign);
      // A new vault has no data from before any migration: nothing is left to do at unlock.
      db.exec('DELETE FROM vault_tasks');
      const vaultId = randomBytes(16);
      const vault = new Vault(db, vaultDir, vaultId, { ...options, argon2: params });
      vault.anchorCompared = true;
      const nowIso = vault.nowIso();
      const keys = new KeyStore(db, vaultId);
      vault.transact(() => {
        db.prepare('INSERT INTO vault_meta (singleton, vault_id, created_at) VALUES (1, ?, ?)').run(
          vaultId,
          nowIso,
        );
        const recoveryId = keys.create(RECOVERY, [], { publicHolder: true });
        writeRecoverySlot(db, vaultId, recovery.key, {
          keyId: recoveryId,
          key: keys.key(recoveryId),
        });
        const adminKeyId = keys.create(userKey(admin.username), [recoveryId], {
          publicHolder: true,
        });
        writeUserSlot(
          db,
          vaultId,
          admin.username,
          admin.passphrase,
          { keyId: adminKeyId, key: keys.key(adminKeyId) },
          params,
        );
        for (const dataClass of DATA_CLASSES)
          keys.create(classKey(dataClass), [adminKeyId, recoveryId], {
            publicHolder: dataClass === 'audit',
          });
        keys.create(personalKey(admin.username), [adminKeyId]);
        // The admin holds only their own key from here on, as after any unlock.
        const adminKey = keys.key(adminKeyId).slice();
        keys.wipe();
        keys.hold(adminKeyId, adminKey);
        const unlocked = vault.makeUnlocked(
          keys,
          { username: admin.username, role: 'admin', displayName: admin.displayName },
          adminKeyId,
        );
        const { refs } = createUserRecords(
          (address, value) => unlocked.records.put(address, value),
          {
            username: admin.username,
            displayName: admin.displayName,
            role: 'admin',
            createdAt: nowIso,
            createdBy: admin.username,
          },
        );
        unlocked.audit.append({
          at: nowIso,
          actor: admin.username,
          action: 'vault.create',
          // The first version of every class key, stated for the floors (RT22-1, key-floors.ts).
          records: [...refs, ...slotRefs(db, [RECOVERY, userKey(admin.username)]), ...floorRefs(keys)],
        });
        vault.unlocked = unlocked;
        vault.anchorSigner = unlocked;
        vault.establishCentre();
        // Every key version made above is vouched for by the new centre key (sec28).
        certifyFreshKeys(db, vaultId, unlocked.records, undefined, {
          establish: true,
          audit: unlocked.audit,
        });
        vault.writeInFileCheckpoint();
      });
      return { vault, recoveryKey: recovery.text };
    } catch (error) {
      db.close();
      // A half-created vault would block a retry with VAULT_EXISTS; it holds no data yet.
      for (const suffix of ['', '-wal', '-shm', '-journal'])
        rmSync(vaultFile(vaultDir) + suffix, { force: true });
      throw fromSqliteError(error);
    } finally {
      wipe(recovery.key);
    }
  }

  private makeUnlocked(keys: KeyStore, user: SignedInUser, userKeyId: KeyId): Unlocked {
    const records = new RecordStore(this.db, keys, this.vaultId);
    const unlocked: Unlocked = {
      keys,
      records,
      audit: new AuditLog(
        this.db,
        keys,
        this.vaultId,
        () => this.auditSigner(unlocked),
        () => this.trustedSignedFrom(records),
      ),
      user,
      userKeyId,
    };
    return unlocked;
  }

  /**
   * The signed-in user's staff signing key from its sealed record; when that record does not
   * open because the user's personal key wrap was replaced outside Hearth (RT22-4), says so and
   * names the next step instead of a bare "fails authentication".
   */
  private ownSigningKey(unlocked: Unlocked): Uint8Array {
    const { username } = unlocked.user;
    try {
      return readSigningKey(unlocked.records, username);
    } catch (error) {
      if (!(error instanceof HearthError) || error.code !== 'TAMPERED') throw error;
      if (personalWrapReplaced(this.db, unlocked.audit, certifiedSignerLookup(unlocked.records), username))
        throw personalWrapReplacedError(username);
      throw error;
    }
  }

  /**
   * The signed-in user's staff signing key, as the author of the audit entries this sign-in
   * writes (read from their own sealed record once, wiped at lock).
   */
  private auditSigner(unlocked: Unlocked): AuditSigner {
    const { username } = unlocked.user;
    if (unlocked.signing?.username !== username) {
      if (unlocked.signing) wipe(unlocked.signing.secretKey);
      unlocked.signing = { username, secretKey: this.ownSigningKey(unlocked) };
    }
    const { secretKey } = unlocked.signing;
    return {
      publicKey: secretKey.slice(32),
      sign: (message) => signDetached(message, secretKey),
    };
  }

  /**
   * The signed-in user's staff public key (32 bytes): the key that signs this sign-in's audit
   * entries (a new case id commits to it, case-id.ts). Undefined when she has no staff key.
   */
  staffPublicKey(): Uint8Array | undefined {
    const unlocked = this.requireUnlocked();
    try {
      return this.auditSigner(unlocked).publicKey;
    } catch (error) {
      if (error instanceof HearthError) return undefined;
      throw error;
    }
  }

  private wipeUnlocked(unlocked: Unlocked): void {
    if (this.anchorSigner === unlocked) this.anchorSigner = undefined;
    unlocked.audit.wipe();
    if (unlocked.signing) wipe(unlocked.signing.secretKey);
    unlocked.signing = undefined;
    unlocked.keys.wipe();
  }

  /** Checks audit entry authors against the centre's certificates (vault check, sessions.verify). */
  signerLookup(): SignerLookup {
    return certifiedSignerLookup(this.records);
  }

  now(): number {
    return (this.options.now ?? Date.now)();
  }

  nowIso(): string {
    return new Date(this.now()).toISOString();
  }

  /** Changes whenever the signed-in state changes, so caches of decrypted state know to drop. */
  get generation(): number {
    return this.unlockGeneration;
  }

  get user(): SignedInUser | undefined {
    return this.unlocked?.user;
  }

  hasUsers(): boolean {
    return listSlotUsernames(this.db).length > 0;
  }

  // ---- the anchor outside the file --------------------------------------------------------------

  get anchorFile(): string {
    return this.options.anchorFile ?? defaultAnchorFile(this.vaultDir);
  }

  /** The newest audit entry's sequence number and MAC (no key needed): for an export's custody. */
  auditHead(): (AuditHead & { vaultId: string }) | undefined {
    const row = statement(
      this.db,
      'SELECT seq, mac FROM audit_log ORDER BY seq DESC LIMIT 1',
    ).get() as { seq: number; mac: Buffer } | undefined;
    return row
      ? { vaultId: toHex(this.vaultId), seq: row.seq, mac: toHex(blob(row.mac)) }
      : undefined;
  }

  private get anchorFiles(): string[] {
    return this.options.anchorCopy ? [this.anchorFile, this.options.anchorCopy] : [this.anchorFile];
  }

  /**
   * What the anchor copies say about this file's audit log (see anchor.ts): the worst verdict of
   * the copies, each checked for its writer's signature with `records` (a signed-in user's).
   */
  anchorVerdict(records: RecordStore | undefined = this.unlocked?.records): AnchorVerdict {
    const head = this.auditHead();
    const lookup = records ? certifiedSignerLookup(records) : undefined;
    const fileSignedFrom = this.auditSignedFromColumn();
    const start = {
      fileSignedFrom,
      legacyAnchorAllowed: this.upgradedFromUnsignedAudit && this.auditStartText() === null,
    };
    const macAt = (seq: number) => {
      const row = statement(this.db, 'SELECT mac FROM audit_log WHERE seq = ?').get(seq) as
        { mac: Buffer } | undefined;
      return row ? toHex(blob(row.mac)) : undefined;
    };
    const anchors = this.anchorFiles.map((file) => ({ file, anchor: readAnchor(file) }));
    const named = (file: string, verdict: AnchorVerdict): AnchorVerdict =>
      verdict.status === 'unreadable'
        ? { status: 'unreadable', file, problem: anchorFileProblem(file) }
        : verdict;
    return worstVerdict(
      supersededByRestore(
        anchors.map(({ file, anchor }) => ({
          file,
          anchor,
          verdict: named(
            file,
            compareWithAnchor(
              anchor,
              toHex(this.vaultId),
              head,
              macAt,
              lookup,
              start,
              this.hasInFileCheckpoint(),
            ),
          ),
        })),
      ),
    ).verdict;
  }

  /** Whether the file holds an in-file admin checkpoint (its row id is cleartext: no key needed). */
  private hasInFileCheckpoint(): boolean {
    return (
      statement(this.db, 'SELECT 1 FROM records WHERE record_id = ?').get(CHECKPOINT_RECORD_ID) !==
      undefined
    );
  }

  /**
   * The newest admin checkpoint among the anchor copies that verifies and agrees with this file,
   * for a non-admin's sign-in to carry forward (checkpoint.ts).
   */
  private checkpointToCarry(records: RecordStore): AnchorCheckpoint | undefined {
    const lookup = certifiedSignerLookup(records);
    const vaultIdHex = toHex(this.vaultId);
    const head = this.auditHead();
    let best: AnchorCheckpoint | undefined;
    for (const file of this.anchorFiles) {
      const anchor = readAnchor(file);
      if (typeof anchor === 'string' || anchor.vaultId !== vaultIdHex || !anchor.checkpoint)
        continue;
      const checkpoint = anchor.checkpoint;
      if (checkpointSignatureProblem(vaultIdHex, checkpoint, lookup)) continue;
      if (checkpointFinding(checkpoint, head?.seq ?? 0, (seq) => this.auditMacAt(seq), undefined))
        continue;
      if (!best || checkpoint.seq > best.seq) best = checkpoint;
    }
    return best;
  }

  /** The stored MAC (hex) of audit entry `seq` (cleartext column), or undefined when absent. */
  auditMacAt(seq: number): string | undefined {
    const row = statement(this.db, 'SELECT mac FROM audit_log WHERE seq = ?').get(seq) as
      { mac: Buffer } | undefined;
    return row ? toHex(blob(row.mac)) : undefined;
  }

  /** Public keys (hex) of every staff key the centre certifies now (not withdrawn). */
  private currentStaffKeys(records: RecordStore): string[] {
    const listSeq = records.seqOf('staff-keys');
    const memo = this.staffKeysMemo;
    if (memo && memo.listSeq === listSeq && listSeq !== undefined) return memo.keys;
    const keys = listCertificateRecords(records)
      .filter((r) => !r.withdrawal)
      .map((r) => r.certificate.statement.publicKey)
      .sort();
    this.staffKeysMemo = { listSeq, keys };
    return keys;
  }

  /** The checkpoint an anchor write carries: a fresh one from an admin, else the carried one. */
  private anchorCheckpoint(head: AuditHead): AnchorCheckpoint | undefined {
    const signer = this.anchorSigner;
    if (signer?.user.role !== 'admin') return this.carriedCheckpoint;
    try {
      return signCheckpoint(
        toHex(this.vaultId),
        head,
        this.nowIso(),
        this.auditSigner(signer),
        this.currentStaffKeys(signer.records),
        this.options.restoring?.backupSha256,
      );
    } catch (error) {
      // An admin whose directory cannot be read (a damaged vault they signed in to check)
      // keeps the carried checkpoint rather than failing every commit.
      if (error instanceof HearthError) return this.carriedCheckpoint;
      throw error;
    }
  }

  /**
   * The in-file checkpoint (checkpoint.ts), at an admin's sign-in and at the vault's creation:
   * a new version of `audit-checkpoint` naming the head before it, written by an admin-only
   * entry, so nothing before it can be re-authored without an admin's key.
   */
  private writeInFileCheckpoint(): void {
    const { records, user } = this.requireUnlocked();
    const head = this.auditHead();
    if (user.role !== 'admin' || !head) return;
    const version = (records.seqOf(CHECKPOINT_RECORD_ID) ?? 0) + 1;
    const value: CheckpointRecord = {
      seq: head.seq,
      mac: head.mac,
      at: this.nowIso(),
      by: user.username,
    };
    // `keyCerts`: certificates applied at this sign-in. The signed mark that this vault has had
    // them (everCertified): an empty certificate table later is tampering (R15-1).
    const certified = this.requireUnlocked().keys.certBook !== undefined && !this.keyCertsRemoved;
    this.write(CHECKPOINT_ACTION, 'audit', (put) => put(checkpointAddress(version), value), {
      checkpointSeq: head.seq,
      ...(certified ? { keyCerts: 1 } : {}),
    });
  }

  private updateAnchor(): void {
    const head = this.auditHead();
    if (!this.anchorCompared || !head || head.seq === this.anchoredSeq) return;
    const signer = this.anchorSigner ? this.auditSigner(this.anchorSigner) : undefined;
    const checkpoint = this.anchorCheckpoint(head);
    // One anchor, signed once, written to every copy (identical bytes in each).
    writeAnchors(
      this.anchorFiles,
      {
        ...head,
        writtenAt: this.nowIso(),
        auditSignedFrom: this.auditSignedFromColumn(),
        ...(checkpoint ? { checkpoint } : {}),
      },
      signer,
    );
    this.anchoredSeq = head.seq;
  }

  // ---- the start of signed audit (audit-start.ts) ---------------------------------------------

  /**
   * vault_meta.audit_signed_from: the cleartext boundary, which nothing in the file vouches for;
   * 1 (strict) when it is not a whole number from 1 (R25-5, signed-from-column.ts).
   */
  auditSignedFromColumn(): number {
    return readSignedFromColumn(this.db).value;
  }

  /** What audit_signed_from holds when it is malformed (vault check names it), else undefined. */
  auditSignedFromMalformed(): string | undefined {
    return readSignedFromColumn(this.db).malformed;
  }

  /** The stored statement text (vault_meta.audit_start), or null. */
  auditStartStored(): string | null {
    return this.auditStartText();
  }

  /** Whether the vault has its centre key (signed-in; see centre-key.ts). */
  hasCentreKey(): boolean {
    return readCentreKey(this.records) !== undefined;
  }

  private auditStartText(): string | null {
    const row = statement(this.db, 'SELECT audit_start AS t FROM vault_meta').get() as
      { t: string | null } | undefined;
    return row?.t ?? null;
  }

  /**
   * The centre's statement of where signed audit starts, checked against the centre key
   * (`absent` also when the vault has no centre key yet). Memoised per sign-in.
   */
  auditStart(records: RecordStore = this.records): AuditStartVerdict {
    if (this.auditStartMemo?.records === records) return this.auditStartMemo.verdict;
    const centre = readCentreKey(records);
    const text = this.auditStartText();
    const verdict: AuditStartVerdict = !centre
      ? text === null
        ? { status: 'absent' }
        : { status: 'invalid', problem: 'the vault has no centre key to check it with' }
      : checkAuditStart(text, Buffer.from(centre.publicKey, 'hex'), toHex(this.vaultId));
    this.auditStartMemo = { records, verdict };
    return verdict;
  }

  /**
   * The first audit entry that must carry an author signature, as trusted: for a sign-in that
   * reads the centre's sealed record (admins), the centre's commitment (centre-key.ts), which no
   * other role can write; else the centre-signed statement; the column only while neither exists
   * (an older vault no admin has signed into since the upgrade: `vault check` says so); 1 (every
   * entry) when the statement does not verify, so that a forged statement cannot excuse anything.
   * `vouched`: the value came from the centre (commitment, statement, or the strict 1), not from
   * the column (sec54, R25-A: only then is a missing or uncertified signature damage).
   */
  private trustedSignedFrom(records: RecordStore): SignedStart {
    const committed = this.committedSignedFrom(records);
    if (committed !== undefined) return { from: committed, vouched: true };
    const verdict = this.auditStart(records);
    if (verdict.status === 'signed') return { from: verdict.auditSignedFrom, vouched: true };
    // A statement that does not verify excuses nothing: every entry must be signed (strict).
    if (verdict.status === 'invalid') return { from: 1, vouched: true };
    // Only the cleartext column (an older vault not committed yet, or a non-admin's sign-in with
    // the statement deleted): not vouched, so a missing signature alone stops no derivation
    // (R6-2); classesMadeInLog and the removal's reveal walk fail closed on it all the same.
    return { from: this.auditSignedFromColumn(), vouched: false };
  }

  /** The centre's committed start of signed audit, when this sign-in can read it. */
  private committedSignedFrom(records: RecordStore): number | undefined {
    try {
      const commitment = readCentreCommitment(records);
      if (commitment.status === 'committed') return commitment.auditSignedFrom;
      // The centre key deleted or replaced: nothing it signed can excuse an unsigned entry.
      return commitment.status === 'uncommitted' ? undefined : 1;
    } catch (error) {
      if (error instanceof HearthError && error.code === 'FORBIDDEN') return undefined;
      throw error;
    }
  }

  /** What the centre's sealed record says (vault check; admins only). */
  centreCommitment(): CentreCommitment {
    return readCentreCommitment(this.records);
  }

  /**
   * Signs the centre statement of where signed audit starts (vault_meta.audit_start) with the
   * value the centre committed to; audited as `audit.startSigned`, whose record reference lets
   * `vault check` notice the statement's later deletion. Admins, inside a transaction.
   */
  private signAuditStatement(auditSignedFrom: number): void {
    const { records, audit } = this.requireUnlocked();
    const actor = this.require('users.manage');
    const centre = readCentreKey(records);
    if (!centre) throw new HearthError('TAMPERED', 'The centre key is missing from the vault.');
    const at = this.nowIso();
    const secret = readCentreSecretKey(records);
    let text: string;
    try {
      text = signAuditStart(
        { vaultId: toHex(this.vaultId), auditSignedFrom, signedAt: at, signedBy: actor.username },
        Buffer.from(centre.publicKey, 'hex'),
        secret,
      );
    } finally {
      wipe(secret);
    }
    statement(
      this.db,
      'UPDATE vault_meta SET audit_start = ?, audit_signed_from = ? WHERE singleton = 1',
    ).run(text, auditSignedFrom);
    this.auditStartMemo = undefined;
    audit.append({
      at,
      actor: actor.username,
      action: 'audit.startSigned',
      target: 'vault',
      detail: { auditSignedFrom },
      records: [{ id: AUDIT_START_REF, seq: 1, hash: auditStartHash(text) }],
    });
  }

  /**
   * At an admin's sign-in, once per older vault: records the centre's commitment to where signed
   * audit starts (red team round 4, N1). Never moves a committed start and never repairs a
   * missing statement (vault check names it). A commitment is made only against what no staff
   * member below admin can forge: the centre-signed statement. Everything else in the file (the
   * column, which entries carry signatures, an anchor, even one an admin's sign-in wrote, which
   * only echoes the column) can be rewritten by anyone holding the audit chain key with an older
   * copy of the file, the centre record included (red team round 5, F0): then nothing is
   * committed, `vault check` names AUDIT_START_UNCONFIRMED, and an admin decides with
   * `confirmAuditStart`, which names the entry being committed.
   */
  private settleAuditStart(): void {
    const { records } = this.requireUnlocked();
    if (readCentreCommitment(records).status !== 'uncommitted') return;
    const verdict = this.auditStart(records);
    if (verdict.status === 'invalid') return;
    // A statement once signed (the audit index names the entry that committed it) but now gone
    // was deleted outside Hearth: re-signing would make a moved boundary official.
    if (
      verdict.status === 'absent' &&
      statement(this.db, 'SELECT 1 FROM audit_index WHERE record_id = ?').get(AUDIT_START_REF)
    )
      return;
    const auditSignedFrom =
      verdict.status === 'signed' ? verdict.auditSignedFrom : this.selfSetSignedFrom();
    if (auditSignedFrom === undefined) return;
    this.commitAndSign(auditSignedFrom, verdict.status === 'absent');
  }

  /**
   * 1 when the column excuses no entry and no entry in the log lacks an author signature: only
   * then does committing 1 accuse no one, and so needs no witness. Otherwise undefined: the admin
   * decides with outside proof (`confirmAuditStart`). A column lowered to 1 over genuine legacy
   * entries would otherwise be committed at sign-in and brand every one of them, forever, as a
   * signature removed outside Hearth (red team round 6, R6-2). Not even a file this process itself
   * migrated to signed audit is trusted: an insider can make a newer file look older (drop the
   * columns, lower user_version) so that the migration sets the column where they moved it.
   */
  private selfSetSignedFrom(): number | undefined {
    if (this.auditSignedFromColumn() !== 1) return undefined;
    const unsigned = statement(
      this.db,
      'SELECT 1 FROM audit_log WHERE signature IS NULL OR signer IS NULL LIMIT 1',
    ).get();
    return unsigned ? undefined : 1;
  }

  private commitAndSign(auditSignedFrom: number, signStatement: boolean): void {
    const { records, keys } = this.requireUnlocked();
    this.transact(() => {
      this.centreWrite('centre-key.commitAuditStart', 'centre', (ctx) =>
        commitAuditStart(records, keys, ctx.put, auditSignedFrom),
      );
      this.auditStartMemo = undefined;
      if (signStatement) this.signAuditStatement(auditSignedFrom);
      // The new class:staff epoch destroyed the key of the checkpoint's version: seal a new one.
      this.writeInFileCheckpoint();
    });
  }

  /**
   * An admin's decision, against outside proof, for a vault whose start of signed audit nothing
   * trustworthy records (AUDIT_START_UNCONFIRMED; red team rounds 5 F0 and 6 R6-1). `proofFile`
   * (absolute path) is a backup of this vault, read only: its audit head must be this log's entry
   * of that number, and the start is derived from it (audit-start-proof.ts), never taken from the
   * file, which an insider with the audit chain key can rewrite. Commits it and signs the
   * centre's statement, audited as `centre-key.commitAuditStart` and `audit.startSigned` under
   * the admin's signature. Returns the committed start and how many entries it excuses.
   * Errors: FORBIDDEN (not an admin); CONFLICT (already committed; a statement exists; a backup of
   * another vault or one that cannot decide); AUDIT_START_INVALID as CONFLICT when the stored
   * statement is damaged; TAMPERED (the log differs from the backup's); NOT_FOUND/VAULT_CORRUPT
   * (not a backup file).
   */
  confirmAuditStart(proofFile: string): { auditSignedFrom: number; unsignedEntries: number } {
    this.require('users.manage');
    const { records } = this.requireUnlocked();
    const commitment = readCentreCommitment(records);
    if (commitment.status === 'missing' || commitment.status === 'mismatch')
      throw new HearthError(
        'TAMPERED',
        'The centre key is missing or replaced (vault check names CENTRE_KEY_MISSING or CENTRE_KEY_REPLACED): nothing can be committed. Restore the newest backup (hearth vault restore).',
        { reason: 'CENTRE_KEY_MISSING' },
      );
    if (commitment.status === 'committed')
      throw new HearthError(
        'CONFLICT',
        `The centre already committed that signed audit starts at entry ${commitment.auditSignedFrom}; there is nothing to confirm. Run a vault check.`,
        { reason: 'ALREADY_COMMITTED' },
      );
    const verdict = this.auditStart(records);
    if (verdict.status === 'invalid')
      throw new HearthError(
        'CONFLICT',
        `The stored statement of where signed audit starts is damaged (AUDIT_START_INVALID: ${verdict.problem}), so Hearth does not sign over it. Restore the newest backup (hearth vault restore).`,
        { reason: 'STATEMENT_INVALID' },
      );
    if (verdict.status === 'signed')
      throw new HearthError(
        'CONFLICT',
        `The centre's signed statement already says signed audit starts at entry ${verdict.auditSignedFrom}; an admin's sign-in commits it. Run a vault check.`,
        { reason: 'STATEMENT_SIGNED' },
      );
    const proof = readAuditStartProof(proofFile, toHex(this.vaultId));
    const auditSignedFrom = startFromProof(proof, this.auditSignedFromColumn(), (seq) => {
      const row = statement(this.db, 'SELECT mac FROM audit_log WHERE seq = ?').get(seq) as
        { mac: Buffer } | undefined;
      return row ? toHex(row.mac) : undefined;
    });
    this.commitAndSign(auditSignedFrom, true);
    return { auditSignedFrom, unsignedEntries: auditSignedFrom - 1 };
  }

  // ---- signing in -------------------------------------------------------------------------------

  unlock(username: string, passphrase: string): SignedInUser {
    if (this.unlocked) this.lock();
    const known = userSlotExists(this.db, username);
    const bucket = known ? `user:${username}` : 'unknown-user';
    const backoffEdited = this.transact(() => settleBackoff(this.db, bucket, this.now()));
    assertUnlockAllowed(this.db, bucket, this.now(), backoffEdited);
    let slot: OpenedSlot;
    try {
      if (!known) {
        const params = userSlotParams(this.db, listSlotUsernames(this.db)[0] ?? '');
        if (params) spendEquivalentKdfTime(params);
        throw new HearthError('BAD_PASSPHRASE', 'The user name or passphrase is not correct.');
      }
      slot = openUserSlot(this.db, this.vaultId, username, passphrase);
    } catch (error) {
      if (error instanceof HearthError && error.code === 'BAD_PASSPHRASE') {
        this.transact(() => recordUnlockFailure(this.db, bucket, this.now()));
      }
      throw error;
    }
    const user = this.signIn(username, slot, (unlocked) => {
      const failedAttempts = recordUnlockSuccess(this.db, bucket);
      unlocked.audit.append({
        at: this.nowIso(),
        actor: username,
        action: 'vault.unlock',
        // A lock the rules do not give, cut before this sign-in: recorded for the admins.
        detail: { failedAttempts, ...(backoffEdited ? { backoffEdited } : {}) },
      });
    });
    return user;
  }

  /**
   * Signs a user in with the key their slot opened: reads their profile, requires that the keys
   * the slot reaches are exactly those of the profile's role (a role edited in the file, or
   * keys wrapped outside Hearth, are TAMPERED), checks the anchor, then runs `audit` in one
   * transaction with any rollback finding.
   */
  private signIn(
    username: string,
    slot: OpenedSlot,
    audit: (unlocked: Unlocked) => void,
  ): SignedInUser {
    let failed = true;
    try {
      const user = this.signInSteps(username, slot, audit);
      failed = false;
      return user;
    } finally {
      // perf29: one fsync per admin sign-in; on an error path the sync is forced here.
      this.settleDeferredSync(failed);
    }
  }

  private signInSteps(
    username: string,
    slot: OpenedSlot,
    audit: (unlocked: Unlocked) => void,
  ): SignedInUser {
    const keys = new KeyStore(this.db, this.vaultId);
    keys.hold(slot.keyId, slot.key);
    // Provisional until the profile is read below (role and name come from it).
    const unlocked = this.makeUnlocked(
      keys,
      { username, role: 'admin', displayName: username },
      slot.keyId,
    );
    let anchorOk = false;
    let certMode: KeyCertMode = 'no-centre';
    let secretRemovedAt: string | undefined;
    try {
      certMode = attachKeyCerts(
        this.db,
        this.vaultId,
        unlocked.records,
        [slot.keyId],
        unlocked.audit,
      );
      if (certMode === 'centre-mismatch' && !isAdminSlot(unlocked.records, username))
        throw new HearthError(
          'TAMPERED',
          "Your key has no certificate from the vault's centre key: the centre key or the key certificates were changed outside Hearth. Ask an admin to run a vault check.",
        );
      if (slot.keyId !== keys.currentId(userKey(username)))
        throw new HearthError('TAMPERED', "This user's key slot does not hold their current key.");
      const profile = readOwnProfile(this.db, unlocked.records, username);
      if (profile.removedAt !== undefined)
        throw new HearthError(
          'TAMPERED',
          'This user was removed, but a key slot for them was put back outside Hearth.',
        );
      assertCertifiedRole(unlocked.records, profile);
      secretRemovedAt = profile.secretRemovedAt;
      // No certificate left, in a vault whose signed audit log shows it had them (an admin's
      // checkpoint, the migration's entry): deleted outside Hearth, not a vault from before
      // sec28. The migration must not run again (R15-1, R15-3): it would certify whatever keys
      // the file holds now. Only an admin signs in, to run the check and restore a backup.
      if (
        certMode === 'legacy' &&
        profile.role === 'admin' &&
        everCertified(this.db, unlocked.audit)
      )
        certMode = 'certs-removed';
      if (certMode === 'certs-removed' && profile.role !== 'admin')
        throw new HearthError(
          'TAMPERED',
          "This vault's key certificates were deleted outside Hearth. Ask an admin to run a vault check (hearth vault check) and restore the newest backup (hearth vault restore).",
          { reason: 'KEY_CERTS_REMOVED' },
        );
      // A vault from before key certificates (sec28) is certified at an admin's sign-in, by
      // rules an outsider cannot satisfy (key-vouching.ts); until then nothing vouches for its
      // key versions, so no one else uses them.
      if (certMode === 'legacy' && profile.role !== 'admin')
        throw new HearthError(
          'FORBIDDEN',
          "This vault's key versions are not yet certified by the centre key (a vault from before this version of Hearth): an admin signs in first, and Hearth certifies them. Ask an admin.",
          { reason: 'KEYS_ADMIN_FIRST' },
        );
      // Every vault has a centre key from its creation: without it, only an admin signs in (to
      // run a vault check and restore a backup); nothing is certified or sealed meanwhile.
      const hasCentre = readCentreKey(unlocked.records) !== undefined;
      if (!hasCentre && profile.role !== 'admin')
        throw new HearthError(
          'TAMPERED',
          "The vault's centre key is missing: it was deleted outside Hearth. Ask an admin to run a vault check and restore the newest backup.",
        );
      // Every user is certified when added: one without a certificate was added outside Hearth,
      // unless the certificate row itself is gone (red team 26, R26-3: one keyless DELETE read
      // as "added outside Hearth", for the admin too). The cause is named with the way out.
      if (hasCentre && !certificateForKey(unlocked.records, profile.signPublicKey))
        throw unlocked.records.has(`certificate:${profile.signPublicKey}`)
          ? new HearthError(
              'TAMPERED',
              'This user has no valid certificate from the centre key: their certificate row was changed outside Hearth, or they were added outside Hearth. Nothing was changed. An admin runs a vault check (hearth vault check), which names the row, and restores the newest backup (hearth vault restore).',
              { reason: 'CERTIFICATE_INVALID' },
            )
          : new HearthError(
              'TAMPERED',
              `The certificate row of this user (certificate:${profile.signPublicKey.slice(0, 16)}…) is missing from the vault file: it was deleted outside Hearth, so Hearth cannot prove who they are. Their work is not lost and nothing was changed. An admin restores the newest backup (hearth vault restore), which puts the row back; vault check (hearth vault check) names it as CERTIFICATE_MISSING.`,
              { reason: 'CERTIFICATE_MISSING' },
            );
      this.assertKeysMatchRole(keys, profile.role);
      unlocked.user = { username, role: profile.role, displayName: profile.displayName };
      const restoring = this.options.restoring;
      if (restoring && profile.role !== 'admin')
        throw new HearthError(
          'FORBIDDEN',
          'Only an admin restores a backup: their passphrase signs the restore. Ask an admin.',
        );
      // A restore compares nothing (going back is the point); it is recorded below instead.
      const verdict: AnchorVerdict = restoring
        ? { status: 'ok' }
        : this.anchorVerdict(unlocked.records);
      anchorOk = verdict.status === 'ok' && !restoring;
      // A vault without certificates whose audit log is shorter than (or other than) what this
      // computer last saw is not shown to be from before certificates: the cut may have removed
      // the signed marks everCertified reads (red team 17, R17-1: the log cut to its first
      // entries, certificates deleted, and the migration certified an interviewer's key with
      // the centre key). Fail closed, as when the marks are there; the vault.rollbackDetected
      // entry written below keeps it so at every later sign-in (everCertified reads it).
      if (certMode === 'legacy' && isRollbackFinding(verdict.status)) certMode = 'certs-removed';
      // An unsigned anchor claiming a restore is never accepted by itself (red team round 7,
      // R7-7): an admin sees it first, and it stays a problem in vault check.
      const claimed = verdict.status === 'unsigned' ? verdict.restoredBackupSha256 : undefined;
      if (claimed && profile.role !== 'admin')
        throw new HearthError(
          'FORBIDDEN',
          'The audit anchor claims a restore from a backup that no admin signed: an admin signs in first and runs a vault check. Ask an admin.',
          { reason: 'ANCHOR_ADMIN_FIRST' },
        );
      // Likewise a missing or untrustworthy anchor (red team round 8, R8-A): whoever signs in
      // first writes the fresh anchor, so if that were the insider who deleted it (or a removed
      // user back in a rolled-back copy), no admin would ever be told. An admin sees it first.
      // An unsigned anchor (no claim) is let through: an upgraded vault's legacy anchor is one
      // (open: a keyless attacker can write one too; vault check still names it ANCHOR_MISSING).
      if (
        isAnchorMissing(verdict.status) &&
        verdict.status !== 'unsigned' &&
        profile.role !== 'admin'
      )
        throw new HearthError(
          'FORBIDDEN',
          'The audit anchor outside the vault file is missing or cannot be trusted, so a rollback of this vault cannot be ruled out: an admin signs in first, sees the finding and runs a vault check. Ask an admin.',
          { reason: 'ANCHOR_ADMIN_FIRST' },
        );
      // And a rollback the anchor does see (red team round 7, R7-11): a removed user who puts
      // back his pre-removal copy with an anchor carrying the newest checkpoint is ROLLED_BACK,
      // but signing in before any admin would let him work in the old copy (and re-sign the
      // anchor over it). Nothing is recorded and the anchor is not touched: the admin's own
      // sign-in records the finding, after which the anchor agrees with the file again.
      if (isRollbackFinding(verdict.status) && profile.role !== 'admin')
        throw new HearthError(
          'FORBIDDEN',
          'The vault file is not the one this computer last saw: it was rolled back to an older copy or its audit log was re-written. An admin signs in first, sees the finding and runs a vault check. Ask an admin.',
          { reason: 'ROLLBACK_ADMIN_FIRST' },
        );
      const restoredHead = this.auditHead();
      this.carriedCheckpoint =
        profile.role === 'admin' ? undefined : this.checkpointToCarry(unlocked.records);
      this.anchorSigner = unlocked;
      const message = describeVerdict(verdict);
      this.anchorCompared = true;
      // An admin's sign-in ends with the in-file checkpoint, whose commit syncs for all (perf29).
      if (profile.role === 'admin') this.beginDeferredSync();
      try {
        this.transact(() => {
          audit(unlocked);
          // The admin's signed record of the restore: the backup's hash and the restored head.
          if (restoring)
            unlocked.audit.append({
              at: this.nowIso(),
              actor: username,
              action: RESTORED,
              detail: {
                backupSha256: restoring.backupSha256,
                restoredSeq: restoredHead?.seq ?? 0,
                restoredMac: restoredHead?.mac ?? '',
              },
            });
          else if (message)
            unlocked.audit.append({
              at: this.nowIso(),
              actor: username,
              action: ROLLBACK_DETECTED,
              detail: {
                status: verdict.status,
                ...('anchorSeq' in verdict ? { anchorSeq: verdict.anchorSeq } : {}),
                ...('checkpointSeq' in verdict ? { checkpointSeq: verdict.checkpointSeq } : {}),
                ...('signer' in verdict ? { signer: verdict.signer } : {}),
                ...('missing' in verdict ? { missing: verdict.missing } : {}),
                ...('fileSignedFrom' in verdict
                  ? {
                      anchorSignedFrom: verdict.anchorSignedFrom,
                      fileSignedFrom: verdict.fileSignedFrom,
                    }
                  : {}),
                ...('problem' in verdict ? { problem: verdict.problem } : {}),
                ...(claimed ? { claimedBackupSha256: claimed } : {}),
              },
            });
        });
      } catch (error) {
        // Nothing was recorded: the anchor must not move past what it has not seen.
        this.anchorCompared = false;
        throw error;
      }
      if (isRollbackFinding(verdict.status))
        unlocked.user.rolledBack = {
          missing: verdict.status === 'rolled-back' ? verdict.missing : 0,
          message: message ?? '',
        };
      if (isAnchorMissing(verdict.status))
        unlocked.user.anchorMissing = { status: verdict.status, message: message ?? '' };
    } catch (error) {
      this.wipeUnlocked(unlocked);
      // A key this sign-in needs lost its certificate to a value of the wrong type (R25-3): the
      // refusal names that row, not what its absence made fail (role, profile, a missing key).
      if (error instanceof HearthError && error.code === 'TAMPERED')
        throw certDamageAtSignIn(this.db, slot.keyId) ?? error;
      throw error;
    }
    this.unlocked = unlocked;
    this.keyCertsRemoved = certMode === 'certs-removed';
    // RT22-1: writes under a class key go no lower than the version the signed log states.
    if (certMode === 'enforced') this.installKeyFloors(unlocked);
    // From here on every read refuses a record written with a kept old key (R13-1). Not during
    // the sign-in itself, so an administrator can always sign in to run vault check.
    unlocked.records.setReadGuard(staleWriteGuard(unlocked.keys, unlocked.audit, unlocked.records));
    this.unlockGeneration++;
    // A vault from before the centre's audit-start commitment gets it at an admin's sign-in, but
    // only when the anchor agreed with the file: after a finding nothing is made official. A
    // vault whose centre key is missing is never given a new one (that would let whoever deleted
    // it choose the start of signed audit): vault check names it.
    if (unlocked.user.role === 'admin' && certMode === 'legacy' && !this.options.restoring)
      this.migrateKeyCertificates();
    if (unlocked.user.role === 'admin' && !this.options.restoring && !this.keyCertsRemoved)
      this.addLateClasses();
    // False when the floors could not be derived again from the signed log (R24-4): this
    // sign-in then writes nothing under a class key (checkpoint, repairs); the admin can still
    // read and run vault check, which names the entries.
    const floorsSound =
      unlocked.user.role === 'admin' &&
      (certMode === 'enforced' || certMode === 'legacy') &&
      !this.options.restoring &&
      !this.keyCertsRemoved
        ? this.ensureKeyFloors()
        : true;
    // sec46: a profile vault.create wrote with the passphrase in it is repaired at an admin's
    // sign-in; the user is told (from her profile as read at sign-in, or this repair).
    let exposed = secretRemovedAt;
    if (unlocked.user.role === 'admin' && !this.options.restoring && floorsSound) {
      const at = this.nowIso();
      const repaired = this.transact(() =>
        repairProfileSecrets(unlocked.records, unlocked.audit, this.signerLookup(), at, username),
      );
      if (repaired.includes(username)) exposed = at;
      // The old version's pages are zeroed (secure_delete) once the WAL is copied back.
      if (repaired.length > 0) this.db.pragma('wal_checkpoint(TRUNCATE)');
    }
    if (exposed !== undefined)
      unlocked.user.passphraseExposed = { since: exposed, message: passphraseExposedMessage() };
    if (unlocked.user.role === 'admin' && anchorOk) this.settleAuditStart();
    // Every admin sign-in checkpoints the audit head (after any finding, which it then pins).
    // Its commit is the sign-in's one fsync (perf29): synchronous is FULL again before it, so it
    // makes every commit above durable; the anchor is written after it, never before.
    this.endDeferredSync();
    if (unlocked.user.role === 'admin' && floorsSound) this.writeInFileCheckpoint();
    // sec28/sec29 interviewers' allegation certificates (signer in the clear) that the case's
    // creation entry vouches for are bound to it like new ones (after the checkpoint: the pointer
    // is sealed under this sign-in's chain key).
    if (
      unlocked.user.role === 'admin' &&
      certMode === 'enforced' &&
      !this.options.restoring &&
      !this.keyCertsRemoved &&
      floorsSound
    ) {
      // Rows examined before are remembered under a MAC only admins can make (perf20).
      const staffId = keys.currentId(classKey('staff'));
      const macKey =
        staffId && keys.canOpen(staffId) ? examinedCertsMacKey(keys.key(staffId)) : undefined;
      try {
        this.transact(() =>
          bindLegacyAllegationCerts(
            this.db,
            unlocked.audit,
            unlocked.records,
            this.vaultId,
            macKey,
          ),
        );
      } finally {
        wipe(macKey);
      }
    }
    return unlocked.user;
  }

  /**
   * Gives a vault made before a data class existed (LATE_CLASSES, roles.ts) that class's key, at
   * an admin's sign-in: a new key wrapped to the public user key of every current holder and to
   * the recovery key (both X25519, so no one's passphrase is needed), in one transaction with
   * its audit entry. Idempotent: a class that has any key version is left alone; interrupted,
   * nothing is written.
   *
   * A class that was ever made is never made again (red team 23, R23-2/R23-3): not when its
   * records remain, nor when its key rows, certificates or records were all deleted outside
   * Hearth (the signed log still names it: a floor or an earlier `vault.addKeyClass`). Re-made,
   * it looked sound to vault check, and its entry stated every class's floor from the clear rows
   * the attacker had rolled back (class:case@1 over a signed @2), which let a removed user read
   * new cases. vault check names such a class (CLASS_KEY_UNUSABLE, LATE_CLASS_REMADE). The floors
   * the new entry states are never below the ones already signed (`statedFloors`: one walk of
   * the log, only when a class looks absent by its rows).
   */
  private addLateClasses(): void {
    const { keys, records, audit, user } = this.requireUnlocked();
    const absent = LATE_CLASSES.filter(
      (dataClass) =>
        !keys.classEverMade(classKey(dataClass)) &&
        !statement(this.db, 'SELECT 1 FROM records WHERE key_ref LIKE ? LIMIT 1').get(
          `${classKey(dataClass)}@%`,
        ),
    );
    if (absent.length === 0) return;
    const lookup = certifiedSignerLookup(records);
    const stated = statedFloors(audit, lookup);
    // An entry that does not verify may be the one that made the class (R24-4's kind): make
    // nothing; the class stays absent and vault check names the entries.
    if (stated.unreadable.length > 0) return;
    const signed = higherFloors(stated.floors, signedFloorsNow(audit, lookup));
    for (const dataClass of absent) {
      const logical = classKey(dataClass);
      // Named in the signed log: made before and deleted outside Hearth (vault check names it).
      if (signed.has(logical)) continue;
      const roles = holdersOf(dataClass);
      // Only holders whose role the centre key certified: a profile whose role was edited in
      // the file (a trainer rewriting himself "advocate") must not be handed the new key.
      const holders = listUserProfiles(records)
        .filter((p) => roles.includes(p.role) && hasCertifiedRole(records, p))
        .map((p) => keys.requireCurrentId(userKey(p.username)));
      this.transact(() => {
        keys.create(logical, [...holders, keys.requireCurrentId(RECOVERY)]);
        audit.append({
          at: this.nowIso(),
          actor: user.username,
          action: ADD_KEY_CLASS_ACTION,
          target: logical,
          detail: { dataClass, holders: holders.length },
          records: floorRefs(keys, signed),
        });
      });
    }
  }

  /**
   * Installs this sign-in's class key floors (red team 22, RT22-1, key-floors.ts): each read
   * lazily, once per class (one index pointer, one entry check), when something is first sealed
   * under that class.
   */
  private installKeyFloors(unlocked: Unlocked, unverifiable?: readonly number[]): void {
    const cache = new Map<string, FloorReading>();
    const lookup = certifiedSignerLookup(unlocked.records);
    // R24-2: "was this class ever made" from the signed log, walked once, only when the rows,
    // records and floor pointer all say no; a walk that meets an entry it cannot verify counts
    // every class as made (fail closed).
    let madeInLog: { made: Set<string>; complete: boolean } | undefined;
    unlocked.keys.setMadeInLog((logical) => {
      madeInLog ??= classesMadeInLog(unlocked.audit, lookup);
      return !madeInLog.complete || madeInLog.made.has(logical);
    });
    const admin = unlocked.user.role === 'admin';
    unlocked.keys.setFloors(
      (logical) => {
        let floor = cache.get(logical);
        if (!floor) {
          floor = readFloor(unlocked.audit, lookup, logical);
          // A missing statement is read again next time: a class made later in this sign-in
          // (addLateClasses asks first whether it was ever made) gets one.
          if ('version' in floor) cache.set(logical, floor);
        }
        return floor;
      },
      {
        rolledBack: rolledBackError,
        missing: (logical) =>
          unverifiable && unverifiable.length > 0
            ? floorWalkError(logical, unverifiable)
            : floorMissingError(logical, admin),
      },
    );
  }

  /**
   * At an admin's sign-in: when a class key's floor statement is missing or fails (a vault from
   * before floors, or pointers deleted or put back outside Hearth), reads the floors from the
   * signed log (one walk, only then) and states them again in a `keys.floor` entry: each class
   * at the newest version the log names, or its current version when higher. A class the log
   * says was replaced stays refused for writes (the floor is above its current version).
   */
  private ensureKeyFloors(): boolean {
    const unlocked = this.requireUnlocked();
    const { keys, audit, user } = unlocked;
    const lookup = certifiedSignerLookup(unlocked.records);
    const entries: FloorEntries = new Map(); // nothing is written until every class is read
    const unread = DATA_CLASSES.map(classKey).filter(
      (logical) =>
        keys.currentId(logical) !== undefined &&
        'problem' in readFloor(audit, lookup, logical, entries),
    );
    if (unread.length === 0) return true;
    const stated = statedFloors(audit, lookup);
    // R24-4: a walk that met an entry it cannot verify states nothing (the entry may be the
    // removal that raised a floor); the floors already signed stay in force, and writes under a
    // class without one are refused, naming the entries.
    if (stated.unreadable.length > 0) {
      this.installKeyFloors(unlocked, stated.unreadable);
      return false;
    }
    this.transact(() => {
      audit.append({
        at: this.nowIso(),
        actor: user.username,
        action: KEY_FLOOR_ACTION,
        detail: { restated: unread.join(',') },
        records: floorRefs(keys, higherFloors(stated.floors, signedFloorsNow(audit, lookup))),
      });
    });
    this.installKeyFloors(unlocked);
    return true;
  }

  /** The classes a key set reaches must be exactly its role's: the role is not just a label. */
  private assertKeysMatchRole(keys: KeyStore, role: Role): void {
    const expected = new Set<DataClass>(classesOf(role));
    for (const dataClass of DATA_CLASSES) {
      const id = keys.currentId(classKey(dataClass));
      // A class added after this vault was made has no key until an admin signs in.
      if (id === undefined && LATE_CLASSES.includes(dataClass)) continue;
      const holds = id !== undefined && keys.canOpen(id);
      if (holds !== expected.has(dataClass))
        throw new HearthError(
          'TAMPERED',
          `The role recorded for this user (${role}) does not match the keys their key slot opens (${dataClass} data): the role or the keys were changed outside Hearth. An admin can run a vault check.`,
        );
    }
  }

  lock(): void {
    const unlocked = this.unlocked;
    if (!unlocked) return;
    this.unlocked = undefined;
    this.keyCertsRemoved = false;
    this.unlockGeneration++;
    try {
      this.transact(() =>
        unlocked.audit.append({
          at: this.nowIso(),
          actor: unlocked.user.username,
          action: 'vault.lock',
        }),
      );
    } finally {
      this.wipeUnlocked(unlocked);
    }
  }

  close(): void {
    try {
      this.lock();
    } finally {
      this.db.close();
    }
  }

  private requireUnlocked(): Unlocked {
    if (!this.unlocked)
      throw new HearthError('VAULT_LOCKED', 'The vault is locked. Unlock it to continue.');
    return this.unlocked;
  }

  require(permission: Permission): SignedInUser {
    const { user } = this.requireUnlocked();
    requirePermission(user.role, permission);
    return user;
  }

  /**
   * Like `require`, but a refusal is also written to the audit log (who tried what, on what),
   * so that probing beyond one's role leaves a trace.
   */
  requireAudited(permission: Permission, action: string, target?: string): SignedInUser {
    const { user, audit } = this.requireUnlocked();
    try {
      requirePermission(user.role, permission);
    } catch (error) {
      this.auditRefusal(audit, user, action, target);
      throw error;
    }
    return user;
  }

  /** Records a refused attempt (FORBIDDEN) by the signed-in user. */
  recordRefusal(action: string, target?: string): void {
    const { user, audit } = this.requireUnlocked();
    this.auditRefusal(audit, user, action, target);
  }

  private auditRefusal(audit: AuditLog, user: SignedInUser, action: string, target?: string): void {
    this.transact(() =>
      audit.append({
        at: this.nowIso(),
        actor: user.username,
        action: 'access.refused',
        ...(target ? { target } : {}),
        detail: { attempted: action, role: user.role },
      }),
    );
  }

  /**
   * Whether a migration left work that needs a signed-in user's keys (migrations/0003: the
   * 'session-summaries' task). The table holds task names only; deleting a row outside Hearth
   * only means the work is not redone (readers fall back to the slower path), never a wrong answer.
   */
  pendingTask(task: string): boolean {
    return statement(this.db, 'SELECT 1 FROM vault_tasks WHERE task = ?').get(task) !== undefined;
  }

  /** Marks a migration task done (see pendingTask). */
  completeTask(task: string): void {
    this.transact(() => statement(this.db, 'DELETE FROM vault_tasks WHERE task = ?').run(task));
  }

  get records(): RecordStore {
    return this.requireUnlocked().records;
  }

  get audit(): AuditLog {
    return this.requireUnlocked().audit;
  }

  /** The signed-in user's key store (key hierarchy); for modules in src/vault. */
  get keys(): KeyStore {
    return this.requireUnlocked().keys;
  }

  /** The signed-in user's key id ('user:<name>@<v>'). */
  get userKeyId(): KeyId {
    return this.requireUnlocked().userKeyId;
  }

  /**
   * Runs fn in one SQLite transaction; storage errors become typed errors (e.g. DISK_FULL).
   * After the outermost commit the audit head goes to the anchor outside the file.
   */
  transact<T>(fn: () => T): T {
    // Foreign triggers would run inside this change (RT22-2): refused before anything runs.
    if (this.foreignSchema.length > 0) throw schemaForeignError(this.foreignSchema);
    const outermost = !this.db.inTransaction;
    // Red team 26, R26-1: what this change does to the sign-in's keys in memory is journaled,
    // so that a rollback leaves memory exactly as the file (no key version "current" in memory
    // that has no wrap in the file, no derived chain key of a rolled-back version).
    const unlocked = this.unlocked;
    unlocked?.keys.begin();
    // Whether this commit wrote matters only while a sign-in's syncs are deferred (perf29).
    const watch = outermost && (this.syncDeferred || this.unsyncedWrites);
    const changesBefore = watch ? totalChanges(this.db) : 0;
    let result: T;
    try {
      result = this.db.transaction(() => {
        const value = fn();
        // Key versions made in this change are vouched for before it commits (key-vouching.ts).
        if (outermost) this.certifyPendingKeys();
        return value;
      })();
    } catch (error) {
      unlocked?.keys.rollback();
      unlocked?.audit.afterRollback();
      // A sign-in that began inside the change (its keys were not journaled) forgets its lookups.
      if (this.unlocked !== unlocked) this.unlocked?.keys.forgetLookups();
      throw fromSqliteError(error);
    }
    unlocked?.keys.commit();
    // A commit that wrote at synchronous=FULL synced the WAL, and with it every frame before it;
    // one that wrote at NORMAL (deferred) synced nothing.
    if (watch && totalChanges(this.db) !== changesBefore) this.unsyncedWrites = this.syncDeferred;
    if (outermost && !this.unsyncedWrites) this.updateAnchor();
    return result;
  }

  /** From here until endDeferredSync, commits are not synced one by one (admin sign-in only). */
  private beginDeferredSync(): void {
    this.db.pragma('synchronous = NORMAL');
    this.syncDeferred = true;
  }

  /** Commits sync again (FULL): the next commit that writes makes every earlier one durable. */
  private endDeferredSync(): void {
    if (!this.syncDeferred) return;
    this.syncDeferred = false;
    this.db.pragma('synchronous = FULL');
  }

  /**
   * The end of a sign-in (its `finally`): commits sync again, and if something was committed
   * without a sync since (the checkpoint was not written, or the sign-in failed after its first
   * commit) the WAL is synced now (a FULL checkpoint), then the anchor follows the durable head.
   * `failed`: the sign-in is throwing; a failure here must not hide its error.
   */
  private settleDeferredSync(failed: boolean): void {
    try {
      this.endDeferredSync();
      if (!this.unsyncedWrites) return;
      this.db.pragma('wal_checkpoint(FULL)');
      this.unsyncedWrites = false;
      // Only a sign-in that kept its signer moves the anchor (never an unsigned one).
      if (this.anchorSigner) this.updateAnchor();
    } catch (error) {
      if (!failed) throw fromSqliteError(error);
    }
  }

  /**
   * Certifies the key versions the signed-in user's changes created (sec28): with the centre key
   * for an admin, else their own key with their staff key. Runs inside the committing transaction.
   */
  private certifyPendingKeys(): void {
    const unlocked = this.unlocked;
    if (!unlocked) return;
    const staffSigner = unlocked.user.role === 'admin' ? undefined : this.auditSigner(unlocked);
    certifyFreshKeys(
      this.db,
      this.vaultId,
      unlocked.records,
      staffSigner && { username: unlocked.user.username, signer: staffSigner },
      { audit: unlocked.audit },
    );
  }

  /**
   * The first admin sign-in of a vault from before key certificates (sec28): certifies the key
   * versions an outsider could not have made (key-vouching.ts `migrateKeyCerts`) in one audited
   * entry (`keys.certify`, naming the versions left out), then requires certificates from here on.
   */
  private migrateKeyCertificates(): void {
    const unlocked = this.requireUnlocked();
    this.transact(() => {
      const { certified, leftOut } = migrateKeyCerts(
        this.db,
        this.vaultId,
        unlocked.records,
        unlocked.audit,
      );
      unlocked.audit.append({
        at: this.nowIso(),
        actor: unlocked.user.username,
        action: 'keys.certify',
        detail: { certified: certified.length, leftOut: leftOut.join(' ') },
      });
    });
    const centreHex = trustedCentreKey(unlocked.records);
    if (centreHex)
      unlocked.keys.vouchWith(
        keyCertBook(this.db, this.vaultId, unlocked.records, centreHex, unlocked.audit),
        [unlocked.userKeyId],
      );
  }

  /**
   * A change: seals records through `put` and appends one audit entry committing to all of them.
   * `startedBy`: the user who started a long operation (an export) and their signed start entry
   * (`recordStart`), recorded as its actor even if someone else signed in while it ran (the
   * entry then also names who was signed in and points to the start entry).
   */
  write<T>(
    action: string,
    target: string | undefined,
    fn: (put: PutRecord) => T,
    detail?: AuditEntry['detail'],
    startedBy?: { username: string } & StartTicket,
  ): T {
    const { records, audit, user: signedIn } = this.requireUnlocked();
    if (this.keyCertsRemoved && action !== CHECKPOINT_ACTION) throw keyCertsRemovedError();
    const user = { username: startedBy?.username ?? signedIn.username };
    // The commit always names its start, so the start is used up whoever commits (R8-E).
    if (startedBy !== undefined)
      detail = {
        ...detail,
        ...(startedBy.username !== signedIn.username
          ? { signedInAtCommit: signedIn.username }
          : {}),
        startedAtEntry: startedBy.startedAtEntry,
        startNonce: startedBy.startNonce,
      };
    return this.transact(() => {
      const refs: AuditRecordRef[] = [];
      // Each record's row is written once, its audit pointer included (issue #22; see
      // AuditLog.planPointers): a note's event and summary rows are not touched a second time.
      const plan = audit.planPointers();
      const prewritten = new Map<string, PlannedPointer>();
      const result = fn((address, value, blindIndex) => {
        const planned = plan?.(address.recordId);
        const ref = records.put(address, value, blindIndex, planned);
        if (planned) prewritten.set(ref.id, planned);
        else prewritten.delete(ref.id);
        refs.push(ref);
        return ref;
      });
      audit.append(
        {
          at: this.nowIso(),
          actor: user.username,
          action,
          ...(target ? { target } : {}),
          ...(detail ? { detail } : {}),
          records: refs,
        },
        prewritten,
      );
      return result;
    });
  }

  /**
   * Records the start of a long operation (an export) by the signed-in user, signed by them.
   * Returns its audit sequence number (`startedAtEntry`) and a fresh secret nonce (32 random
   * bytes, hex) the entry commits to (`detail.commitment`, audit.ts startCommitment). The commit
   * names both (`write`'s startedBy), so a foreign-signed commit proves it is this operation's own
   * (audit.ts actorMismatch; R8-E). The caller keeps the nonce in memory only: a failed export
   * never reveals it, so its start can never be completed by anyone.
   */
  recordStart(action: string, target: string | undefined): StartTicket {
    const { audit, user } = this.requireUnlocked();
    const startNonce = toHex(randomBytes(32));
    const startedAtEntry = this.transact(() =>
      audit.append({
        at: this.nowIso(),
        actor: user.username,
        action,
        ...(target ? { target } : {}),
        detail: { commitment: startCommitment(startNonce) },
      }),
    );
    return { startedAtEntry, startNonce };
  }

  /** An access to data: runs fn and records who read what, in one transaction. */
  read<T>(
    action: string,
    target: string | undefined,
    fn: (records: RecordStore) => T,
    detail?: (result: T) => AuditEntry['detail'],
  ): T {
    const { records, audit, user } = this.requireUnlocked();
    if (this.keyCertsRemoved) throw keyCertsRemovedError();
    // A listing reuses what it verified only while the records are unchanged, which the
    // write-counting triggers tell; a sign-in whose store was made inside a transaction
    // (vault.create's) has none yet: put them in here, before this read's transaction (perf24).
    if (!this.db.inTransaction) records.watchWrites();
    return this.transact(() => {
      const result = fn(records);
      const extra = detail?.(result);
      audit.append({
        at: this.nowIso(),
        actor: user.username,
        action,
        ...(target ? { target } : {}),
        ...(extra ? { detail: extra } : {}),
      });
      return result;
    });
  }

  /**
   * Keyed BLAKE2b of a normalised lookup value; equal inputs give equal indexes, nothing else
   * leaks. Keyed by a subkey of the current case-data key, so only case-data holders can compute
   * or test one, and the index key rotates with it (`reindex`).
   */
  blindIndex(purpose: string, value: string): Uint8Array {
    const { keys } = this.requireUnlocked();
    return this.blindIndexWith(keys.key(keys.requireCurrentId(classKey('case'))), purpose, value);
  }

  private blindIndexWith(caseKey: Uint8Array, purpose: string, value: string): Uint8Array {
    const indexKey = deriveSubkey(caseKey, 1, BLIND_INDEX_CONTEXT);
    try {
      return blake2b(utf8(`${purpose}\u0000${value}`), 16, indexKey);
    } finally {
      wipe(indexKey);
    }
  }

  /** New slots always use this machine's current policy, never parameters read from the file. */
  private argon2ParamsForNewSlots(): Argon2Params {
    return this.options.argon2 ?? chooseArgon2Params();
  }

  // ---- users ------------------------------------------------------------------------------------

  addUser(input: NewUser): UserProfile {
    const actor = this.require('users.manage');
    if (userSlotExists(this.db, input.username) || this.keysFor(input.username).length > 0)
      throw new HearthError(
        'CONFLICT',
        'A user with this user name exists or existed; choose another user name.',
      );
    input = { ...input, displayName: normalizeDisplayName(input.displayName) };
    assertDisplayName(input.displayName);
    const { keys, records, audit } = this.requireUnlocked();
    const lookAlike = lookAlikeProblem(input.displayName, this.namesInUse(records));
    if (lookAlike !== undefined)
      throw new HearthError('INVALID_INPUT', `Display name: ${lookAlike}.`);
    const params = this.argon2ParamsForNewSlots();
    return this.transact(() => {
      const newKeyId = keys.create(userKey(input.username), [keys.requireCurrentId(RECOVERY)], {
        publicHolder: true,
      });
      writeUserSlot(
        this.db,
        this.vaultId,
        input.username,
        input.passphrase,
        { keyId: newKeyId, key: keys.key(newKeyId) },
        params,
      );
      for (const dataClass of classesOf(input.role))
        keys.wrap(keys.requireCurrentId(classKey(dataClass)), newKeyId);
      const personalId = keys.create(personalKey(input.username), [newKeyId]);
      const { profile, refs } = createUserRecords((a, v) => records.put(a, v), {
        username: input.username,
        displayName: input.displayName,
        role: input.role,
        createdAt: this.nowIso(),
        createdBy: actor.username,
      });
      // The admin keeps neither the new user's key nor their personal key.
      keys.forget(personalId);
      keys.forget(newKeyId);
      audit.append({
        at: this.nowIso(),
        actor: actor.username,
        action: 'users.add',
        target: `user:${input.username}`,
        detail: { role: input.role },
        records: [...refs, ...slotRefs(this.db, [userKey(input.username)])],
      });
      this.certify(profile);
      return profile;
    });
  }

  // ---- centre key and staff certificates (admins only; see centre-key.ts, certificates.ts) ----

  private centreWrite<T>(action: string, target: string, fn: (ctx: CentreContext) => T): T {
    const actor = this.require('users.manage');
    const { records } = this.requireUnlocked();
    return this.write(action, target, (put) =>
      fn({ records, put, vaultId: toHex(this.vaultId), actor: actor.username, at: this.nowIso() }),
    );
  }

  /**
   * Creates the centre key of a new vault, committed to signed audit from entry 1, certifies
   * every user's staff key and signs the statement of that start.
   */
  private establishCentre(): void {
    this.transact(() => {
      this.centreWrite('centre-key.create', 'centre', (ctx) => {
        createCentreKey(ctx.put, ctx.at, ctx.actor, 1);
      });
      for (const profile of listUserProfiles(this.records)) this.certify(profile, false);
      this.centreWrite('certificates.staff-list', 'centre', (ctx) => signStaffKeyList(ctx));
      this.signAuditStatement(1);
    });
  }

  /** Issues the certificate of a user's current staff key; audited as certificates.issue. */
  private certify(profile: UserProfile, resignList = true): void {
    this.transact(() => {
      this.centreWrite('certificates.issue', `user:${profile.username}`, (ctx) =>
        issueCertificate(ctx, profile),
      );
      if (resignList)
        this.centreWrite('certificates.staff-list', 'centre', (ctx) => signStaffKeyList(ctx));
    });
  }

  /** The centre key's public description (any signed-in user may read and publish it). */
  centreKey(): CentreKeyInfo {
    this.require('users.list');
    const info = readCentreKey(this.records);
    if (!info)
      throw new HearthError(
        'TAMPERED',
        'The centre key is missing from the vault: deleted outside Hearth. An admin can run a vault check and restore the newest backup.',
      );
    return info;
  }

  /** Every staff certificate (issued, changed, withdrawn), for the export and the admin screens. */
  certificates(): CertificateRecord[] {
    this.require('users.list');
    return listCertificateRecords(this.records);
  }

  /** The certificate of one staff key, if the centre has certified it. */
  certificateFor(publicKeyHex: string): CertificateRecord | undefined {
    this.require('users.list');
    return certificateForKey(this.records, publicKeyHex);
  }

  /** The centre-signed staff key list (staff-keys.txt and its .minisig). */
  staffKeyList(): StaffKeyList {
    this.require('users.list');
    const list = readStaffKeyList(this.records);
    if (!list)
      throw new HearthError(
        'NOT_FOUND',
        'This vault has no staff key list yet: an admin unlocks it once.',
      );
    return list;
  }

  /**
   * Every display name a person could meet for this vault: current and removed users' profiles,
   * and every name the centre has certified (a withdrawn certificate still sits in old bundles).
   */
  private namesInUse(records: RecordStore): Array<{ username: string; displayName: string }> {
    const names = listUserProfiles(records).map((p) => ({
      username: p.username,
      displayName: p.displayName,
    }));
    for (const record of listCertificateRecords(records)) {
      const { username, displayName } = record.certificate.statement;
      names.push({ username, displayName });
    }
    return names;
  }

  /** Re-issues a user's certificate (after a display-name change); admins only, audited. */
  reissueCertificate(username: string): void {
    this.require('users.manage');
    this.certify(readUserProfile(this.records, username));
  }

  /**
   * Withdraws the certificate of a user's staff key (when they leave, or their key is
   * compromised): signatures by it are no longer accepted on evidence made after this time.
   * Admins only; audited as certificates.withdraw.
   */
  withdrawCertificate(username: string, reason: string): void {
    this.require('users.manage');
    const profile = readUserProfile(this.records, username);
    this.transact(() => {
      this.centreWrite('certificates.withdraw', `user:${username}`, (ctx) =>
        withdrawCertificate(ctx, profile.signPublicKey, reason),
      );
      this.centreWrite('certificates.staff-list', 'centre', (ctx) => signStaffKeyList(ctx));
    });
  }

  /**
   * Records, signed by the admin, that `hearth vault drop-foreign-schema` removed schema objects
   * Hearth did not make (RT22-2, schema-repair.ts): kinds and names, and the backup copy's file
   * name. Admin only (users.manage).
   */
  recordSchemaRepair(objects: readonly ForeignSchemaObject[], backupName: string): void {
    const actor = this.require('users.manage');
    const { audit } = this.requireUnlocked();
    this.transact(() => {
      audit.append({
        at: this.nowIso(),
        actor: actor.username,
        action: 'vault.schemaRepaired',
        detail: {
          removed: objects.map((o) => `${o.type}:${o.name}${o.why === 'foreign' ? '' : ` (${o.why})`}`).join(', '),
          backup: backupName,
        },
      });
    });
  }

  private keysFor(username: string): KeyId[] {
    return this.requireUnlocked().keys.versionsOf(userKey(username));
  }

  listUsers(): UserProfile[] {
    this.require('users.list');
    return listUserProfiles(this.records);
  }

  /**
   * The Users screen's list: the current users, and `unreadable`, the usernames that hold a key
   * slot but whose profile is missing or does not open (user-listing.ts, R24-10): shown as such
   * rather than left out.
   */
  listUsersAccounted(): { users: UserProfile[]; unreadable: string[] } {
    const users = this.listUsers();
    const opened = new Set(
      this.records
        .listKindByIdPrefix<{ username: string }>('user', 'user:')
        .records.map((r) => r.value.username),
    );
    return { users, unreadable: usersWithoutProfile(this.db, this.records, opened) };
  }

  /**
   * Removes a user (admin): their key slot and every wrap of their key are deleted, their
   * personal key (their signing key) is shredded, their profile is marked removed (it stays so
   * their past seals still verify), and every key they could reach is rotated (rotation.ts), so
   * that nothing written afterwards opens with anything they held. The case-reference index is
   * recomputed under the new case key. One transaction, one audit entry.
   */
  removeUser(username: string): { rotatedKeys: number } {
    const actor = this.require('users.manage');
    if (username === actor.username)
      throw new HearthError('FORBIDDEN', 'You cannot remove yourself; another admin can.');
    if (!userSlotExists(this.db, username))
      throw new HearthError('NOT_FOUND', 'There is no user with this user name.');
    const { keys, records, audit } = this.requireUnlocked();
    // A profile deleted outside Hearth (R25-7): who he is, from his certificates.
    const subject = removalSubject(
      records,
      audit,
      username,
      certifiedRolesByUsername(records).get(username),
    );
    const others = listUserProfiles(records).filter(
      (p) => p.username !== username && p.role === 'admin',
    );
    if (subject.roles.includes('admin') && others.length === 0)
      throw new HearthError('CONFLICT', 'This is the last admin; add another admin first.');
    // Read before the rotation changes the chain key: the statement below never goes under them
    // (R23-2).
    const signedFloors = signedFloorsNow(audit, this.signerLookup());
    // What the user could reach by policy, not by the rows present (R24-11/R24-12).
    const roles = subject.roles;
    const revealed = revealedAllegationKeys(audit, this.signerLookup(), keys, username);
    const roots = [
      ...roleClassKeys(keys, roles),
      ...revealed.ids,
      ...(revealed.complete ? [] : blindAllegationKeys(this.db, keys)),
    ];
    return this.transact(() => {
      const removedKeys = keys.versionsOfScan(userKey(username));
      const unusable: KeyId[] = [];
      const rotated = rotateReachable(
        keys,
        removedKeys,
        (logical) => logical === personalKey(username),
        roots,
        unusable,
      );
      for (const id of removedKeys) {
        for (const child of keys.heldByScan(id)) keys.removeWrap(child, id);
        keys.destroyVersion(id);
      }
      keys.forgetLookups();
      // This sign-in's audit epoch was sealed to the audit key before rotation: start a new one.
      audit.wipe();
      // A staff key whose certificate row is gone (deleted outside Hearth, R26-1/R26-3) has
      // nothing in the file to withdraw: the removal goes on (the slot goes, so the user cannot
      // sign in, and the staff list is signed without the key) and the entry names the key.
      const certificateMissing: string[] = [];
      for (const staffKey of subject.staffKeys) {
        if (!records.has(`certificate:${staffKey}`)) {
          certificateMissing.push(staffKey);
          continue;
        }
        this.centreWrite('certificates.withdraw', `user:${username}`, (ctx) =>
          withdrawCertificate(ctx, staffKey, 'user removed'),
        );
      }
      this.centreWrite('certificates.staff-list', 'centre', (ctx) => signStaffKeyList(ctx));
      keys.shred(personalKey(username));
      deleteUserSlot(this.db, username);
      keys.forgetLookups();
      const refs: AuditRecordRef[] = [
        subject.writeRemoved((a, v) => records.put(a, v), {
          removedAt: this.nowIso(),
          removedBy: actor.username,
        }),
        records.remove(signingRecordId(username)),
        ...slotRefs(this.db, [userKey(username)]),
      ];
      if ([...rotated.keys()].some((id) => parseKeyId(id).logical === classKey('case')))
        this.reindexCases();
      audit.append({
        at: this.nowIso(),
        actor: actor.username,
        action: 'users.remove',
        target: `user:${username}`,
        // The versions this removal made: a later write under a version it replaced is named
        // by vault check (R13-1, check-removed-writer.ts).
        detail: {
          rotatedKeys: rotated.size,
          rotated: rotatedDetail(rotated.values()),
          // Versions without a valid certificate (never used by Hearth): left, named (R26-1).
          ...(unusable.length > 0 ? { notRotated: rotatedDetail(unusable) } : {}),
          ...(certificateMissing.length > 0 ? { certificateMissing: certificateMissing.join(',') } : {}),
          // The profile was gone: rebuilt from the certificate (R25-7), said so in the record.
          ...(subject.rebuilt ? { profileRebuilt: 'from-certificate' } : {}),
        },
        // Every class key's version from here on, under the new chain key (RT22-1).
        records: [...refs, ...floorRefs(keys, signedFloors)],
      });
      return { rotatedKeys: rotated.size };
    });
  }

  /** Recomputes every case's blind index under the current case key (after it rotated). */
  private reindexCases(): void {
    const { keys, records } = this.requireUnlocked();
    const caseKey = keys.key(keys.requireCurrentId(classKey('case')));
    // Along the primary key (sec55): a case left out of records_by_kind would keep an index
    // under the old case key, and its reference could then be taken twice.
    for (const { address, value } of records.listKindByIdPrefix<{ reference: string }>(
      'case',
      CASE_ID_PREFIX,
    ).records) {
      records.setBlindIndex(
        address.recordId,
        this.blindIndexWith(caseKey, 'case-reference', normalizeReference(value.reference)),
      );
    }
  }

  /**
   * Replaces the signed-in user's key by a new version under a new passphrase: everything
   * wrapped under the old version moves to the new one and the old one is destroyed, so the old
   * passphrase, with an old copy of the slot put back, opens nothing in this file.
   */
  changePassphrase(currentPassphrase: string, newPassphrase: string): void {
    const { user, keys } = this.requireUnlocked();
    const bucket = `user:${user.username}`;
    const backoffEdited = this.transact(() => settleBackoff(this.db, bucket, this.now()));
    assertUnlockAllowed(this.db, bucket, this.now(), backoffEdited);
    let check: OpenedSlot;
    try {
      check = openUserSlot(this.db, this.vaultId, user.username, currentPassphrase);
    } catch (error) {
      if (error instanceof HearthError && error.code === 'BAD_PASSPHRASE') {
        this.transact(() => recordUnlockFailure(this.db, bucket, this.now()));
        throw new HearthError('BAD_PASSPHRASE', 'The current passphrase is not correct.');
      }
      throw error;
    }
    wipe(check.key);
    const params = this.argon2ParamsForNewSlots();
    this.transact(() => {
      const next = this.replaceUserKey(keys, user.username);
      writeUserSlot(this.db, this.vaultId, user.username, newPassphrase, next, params);
      this.requireUnlocked().userKeyId = next.keyId;
      const cleared = clearSecretMark(this.records, user.username);
      this.audit.append({
        at: this.nowIso(),
        actor: user.username,
        action: 'vault.changePassphrase',
        target: `user:${user.username}`,
        records: [...cleared, ...slotRefs(this.db, [userKey(user.username)])],
      });
    });
    delete user.passphraseExposed;
  }

  /** A new version of a user's key, wrapped for recovery, holding what the old one held. */
  private replaceUserKey(keys: KeyStore, username: string): OpenedSlot {
    const old = keys.requireCurrentId(userKey(username));
    const next = keys.create(userKey(username), [keys.requireCurrentId(RECOVERY)], {
      publicHolder: true,
    });
    keys.rehome(old, next);
    return { keyId: next, key: keys.key(next) };
  }

  /**
   * Resets a user's passphrase with the recovery key, and replaces the recovery key (the old one
   * has now been typed somewhere): new versions of the user's key and of the recovery key pair
   * take over what the old ones held. Leaves the vault unlocked as that user. Returns the new kit.
   */
  recover(
    username: string,
    recoveryKeyText: string,
    newPassphrase: string,
  ): { user: SignedInUser; recoveryKey: string } {
    if (this.unlocked) this.lock();
    const bucket = 'recovery';
    const backoffEdited = this.transact(() => settleBackoff(this.db, bucket, this.now()));
    assertUnlockAllowed(this.db, bucket, this.now(), backoffEdited);
    let recoverySlot: OpenedSlot;
    try {
      recoverySlot = openRecoverySlot(this.db, this.vaultId, parseRecoveryKey(recoveryKeyText));
    } catch (error) {
      if (error instanceof HearthError && error.code === 'BAD_RECOVERY_KEY') {
        this.transact(() => recordUnlockFailure(this.db, bucket, this.now()));
      }
      throw error;
    }
    if (!userSlotExists(this.db, username)) {
      wipe(recoverySlot.key);
      throw new HearthError('NOT_FOUND', 'There is no user with this user name.');
    }
    const keys = new KeyStore(this.db, this.vaultId);
    keys.hold(recoverySlot.keyId, recoverySlot.key);
    // The recovery kit reaches every key, the centre's secret included: it vouches for the new
    // versions itself, and uses only certified ones (never a recovery key put in the file).
    const kitRecords = new RecordStore(this.db, keys, this.vaultId);
    // With the audit log (read only here): allegation keys' certificates are bound to entries.
    attachKeyCerts(
      this.db,
      this.vaultId,
      kitRecords,
      [recoverySlot.keyId],
      new AuditLog(this.db, keys, this.vaultId),
    );
    const next = generateRecoveryKey();
    const params = this.argon2ParamsForNewSlots();
    let userSlot: OpenedSlot;
    try {
      userSlot = this.transact(() => {
        const opened = this.replaceUserKey(keys, username);
        writeUserSlot(this.db, this.vaultId, username, newPassphrase, opened, params);
        const nextRecovery = keys.create(RECOVERY, [], { publicHolder: true });
        writeRecoverySlot(this.db, this.vaultId, next.key, {
          keyId: nextRecovery,
          key: keys.key(nextRecovery),
        });
        keys.rehome(recoverySlot.keyId, nextRecovery);
        certifyFreshKeys(this.db, this.vaultId, kitRecords);
        recordUnlockSuccess(this.db, bucket);
        recordUnlockSuccess(this.db, `user:${username}`);
        return { keyId: opened.keyId, key: opened.key.slice() };
      });
    } catch (error) {
      keys.wipe();
      throw error;
    } finally {
      wipe(next.key);
    }
    keys.wipe();
    const user = this.signIn(username, userSlot, (unlocked) => {
      // A new passphrase ends the warning about one the profile once held (sec46).
      const cleared = clearSecretMark(unlocked.records, username);
      unlocked.audit.append({
        at: this.nowIso(),
        actor: username,
        action: 'vault.recover',
        detail: { recoveryKeyReplaced: true },
        records: [...cleared, ...slotRefs(this.db, [RECOVERY, userKey(username)])],
      });
    });
    return { user, recoveryKey: next.text };
  }
}

function assertDisplayName(name: string): void {
  const problem = checkDisplayName(name);
  if (problem !== undefined)
    throw new HearthError('INVALID_INPUT', `Display name: ${problem}. Type the name again.`);
}

/** Whether the user's profile says admin (to let an admin in to run a check; never throws). */
/**
 * The signing-in user's own profile. When it cannot be read (its key reference or contents
 * edited in the file, deleted, another user's), TAMPERED with reason PROFILE_UNREADABLE naming
 * the record and the next step (red team 16, R16-3 residual): another admin runs a vault check
 * and restores the newest backup; when no other admin's profile can be read, a restore is the
 * only way back, and the message says so. Never shows the record's contents.
 */
function readOwnProfile(db: Database, records: RecordStore, username: string): UserProfile {
  try {
    return readUserProfile(records, username);
  } catch (error) {
    if (!(error instanceof HearthError)) throw error;
    const recordId = `user:${username}`;
    const otherAdmins = listSlotUsernames(db).filter(
      (other) => other !== username && isCurrentAdmin(records, other),
    );
    const next =
      otherAdmins.length > 0
        ? `Ask an admin (${otherAdmins.join(', ')}) to run a vault check (hearth vault check) and restore the newest backup (hearth vault restore).`
        : 'No other admin can sign in to repair it: restore the newest backup (hearth vault restore --vault DIR --from FILE --replace, with the passphrase of an admin of that backup).';
    throw new HearthError(
      'TAMPERED',
      `OWN_PROFILE_UNREADABLE: your profile record (${recordId}) cannot be read: it was deleted or changed outside Hearth (its key reference or contents), so Hearth cannot tell your role and did not sign you in. Nothing was changed. ${next}`,
      { reason: 'OWN_PROFILE_UNREADABLE' },
    );
  }
}

/** Whether `username`'s profile reads as a current (not removed) admin (never throws). */
function isCurrentAdmin(records: RecordStore, username: string): boolean {
  try {
    const profile = readUserProfile(records, username);
    return profile.role === 'admin' && profile.removedAt === undefined;
  } catch (error) {
    if (error instanceof HearthError) return false;
    throw error;
  }
}

function isAdminSlot(records: RecordStore, username: string): boolean {
  try {
    return readUserProfile(records, username).role === 'admin';
  } catch (error) {
    if (error instanceof HearthError) return false;
    throw error;
  }
}

/** Whether `profile`'s role is the one its current centre certificate names (never throws). */
function hasCertifiedRole(records: RecordStore, profile: UserProfile): boolean {
  try {
    assertCertifiedRole(records, profile);
    return true;
  } catch (error) {
    if (error instanceof HearthError) return false;
    throw error;
  }
}

function keyCertsRemovedError(): HearthError {
  return new HearthError(
    'TAMPERED',
    "This vault's key certificates were deleted outside Hearth, so no key in it can be trusted: nothing is read or written. Run a vault check (hearth vault check) and restore the newest backup (hearth vault restore).",
    { reason: 'KEY_CERTS_REMOVED' },
  );
}
