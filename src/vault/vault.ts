// The vault: one SQLite file, its key slots, and the unlocked state (keys + user) while open.
// Every change goes through `write`, which seals records and appends the audit entry that
// commits to them in one transaction; every read of case data goes through `read`, which audits it.
import { rmSync } from 'node:fs';
import type { Database } from 'better-sqlite3';
import { blake2b, chooseArgon2Params, randomBytes, wipe, type Argon2Params } from '../crypto';
import { AuditLog, type AuditEntry, type AuditRecordRef } from './audit';
import { assertUnlockAllowed, recordUnlockFailure, recordUnlockSuccess } from './backoff';
import { openVaultDatabase, vaultExists, vaultFile } from './db';
import { blob, utf8 } from './encoding';
import { fromSqliteError, HearthError } from './errors';
import {
  listSlotUsernames,
  openRecoverySlot,
  openUserSlot,
  spendEquivalentKdfTime,
  userSlotExists,
  userSlotParams,
  writeRecoverySlot,
  writeUserSlot,
} from './key-slots';
import { Keyring } from './keyring';
import { migrate, loadMigrations } from './migrate';
import { RecordStore, type RecordAddress } from './records';
import { generateRecoveryKey, parseRecoveryKey } from './recovery-key';
import { requirePermission, type Permission, type Role } from './roles';
import { createUserRecords, listUserProfiles, readUserProfile, type UserProfile } from './users';
import { checkDisplayName } from './certificate-format';
import { createCentreKey, readCentreKey, type CentreKeyInfo } from './centre-key';
import {
  assertCertifiedRole,
  certificateForKey,
  issueCertificate,
  listCertificateRecords,
  readStaffKeyList,
  signStaffKeyList,
  withdrawCertificate,
  type CentreContext,
  type CertificateRecord,
  type StaffKeyList,
} from './certificates';
import { toHex } from './encoding';

export interface VaultOptions {
  /** Clock in ms since the epoch; injectable so backoff can be tested without waiting. */
  now?: () => number;
  /** Argon2id parameters for new key slots; default: calibrated at creation (about 1 s). */
  argon2?: Argon2Params;
  migrationsDir?: string;
}

export interface SignedInUser {
  username: string;
  role: Role;
}

interface Unlocked {
  keyring: Keyring;
  records: RecordStore;
  audit: AuditLog;
  user: SignedInUser;
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

export class Vault {
  private unlocked: Unlocked | undefined;
  private unlockGeneration = 0;

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
      migrate(db, loadMigrations(options.migrationsDir));
      const meta = db.prepare('SELECT vault_id FROM vault_meta WHERE singleton = 1').get() as
        { vault_id: Buffer } | undefined;
      if (!meta)
        throw new HearthError(
          'VAULT_CORRUPT',
          'The vault file has no vault identity; it is damaged or not a Hearth vault.',
        );
      return new Vault(db, vaultDir, blob(meta.vault_id), options);
    } catch (error) {
      db.close();
      throw fromSqliteError(error);
    }
  }

  /** Creates a vault with its first user (an admin), unlocked. Returns the recovery key text, shown once. */
  static create(
    vaultDir: string,
    admin: Omit<NewUser, 'role'>,
    options: VaultOptions = {},
  ): { vault: Vault; recoveryKey: string } {
    if (vaultExists(vaultDir))
      throw new HearthError('VAULT_EXISTS', 'A vault already exists in this folder.');
    assertDisplayName(admin.displayName);
    const params = options.argon2 ?? chooseArgon2Params();
    const db = openVaultDatabase(vaultDir, { create: true });
    const masterKey = randomBytes(32);
    const recovery = generateRecoveryKey();
    try {
      migrate(db, loadMigrations(options.migrationsDir));
      const vaultId = randomBytes(16);
      const vault = new Vault(db, vaultDir, vaultId, { ...options, argon2: params });
      const nowIso = vault.nowIso();
      db.transaction(() => {
        db.prepare('INSERT INTO vault_meta (singleton, vault_id, created_at) VALUES (1, ?, ?)').run(
          vaultId,
          nowIso,
        );
        writeUserSlot(db, vaultId, admin.username, admin.passphrase, masterKey, params);
        writeRecoverySlot(db, vaultId, recovery.key, masterKey);
        const keyring = new Keyring(vaultId, masterKey.slice());
        const unlocked = vault.makeUnlocked(keyring, { username: admin.username, role: 'admin' });
        const { refs } = createUserRecords(
          (address, value) => unlocked.records.put(address, value),
          { ...admin, role: 'admin', createdAt: nowIso, createdBy: admin.username },
        );
        unlocked.audit.append({
          at: nowIso,
          actor: admin.username,
          action: 'vault.create',
          records: refs,
        });
        vault.unlocked = unlocked;
        vault.establishCentre();
      })();
      return { vault, recoveryKey: recovery.text };
    } catch (error) {
      db.close();
      // A half-created vault would block a retry with VAULT_EXISTS; it holds no data yet.
      for (const suffix of ['', '-wal', '-shm', '-journal'])
        rmSync(vaultFile(vaultDir) + suffix, { force: true });
      throw fromSqliteError(error);
    } finally {
      wipe(masterKey);
      wipe(recovery.key);
    }
  }

  private makeUnlocked(keyring: Keyring, user: SignedInUser): Unlocked {
    return {
      keyring,
      records: new RecordStore(this.db, keyring),
      audit: new AuditLog(this.db, keyring),
      user,
    };
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

  unlock(username: string, passphrase: string): SignedInUser {
    if (this.unlocked) this.lock();
    const known = userSlotExists(this.db, username);
    const bucket = known ? `user:${username}` : 'unknown-user';
    assertUnlockAllowed(this.db, bucket, this.now());
    let masterKey: Uint8Array;
    try {
      if (!known) {
        const params = userSlotParams(this.db, listSlotUsernames(this.db)[0] ?? '');
        if (params) spendEquivalentKdfTime(params);
        throw new HearthError('BAD_PASSPHRASE', 'The user name or passphrase is not correct.');
      }
      masterKey = openUserSlot(this.db, this.vaultId, username, passphrase);
    } catch (error) {
      if (error instanceof HearthError && error.code === 'BAD_PASSPHRASE') {
        this.transact(() => recordUnlockFailure(this.db, bucket, this.now()));
      }
      throw error;
    }
    const unlocked = this.makeUnlocked(new Keyring(this.vaultId, masterKey), {
      username,
      role: 'admin',
    });
    try {
      const profile = readUserProfile(unlocked.records, username);
      assertCertifiedRole(unlocked.records, profile);
      unlocked.user = { username, role: profile.role };
      this.transact(() => {
        const failedAttempts = recordUnlockSuccess(this.db, bucket);
        unlocked.audit.append({
          at: this.nowIso(),
          actor: username,
          action: 'vault.unlock',
          detail: { failedAttempts },
        });
      });
    } catch (error) {
      unlocked.records.wipe();
      unlocked.keyring.wipe();
      throw error;
    }
    this.unlocked = unlocked;
    this.unlockGeneration++;
    // A vault from before the centre key gets one at its first admin unlock.
    if (unlocked.user.role === 'admin' && !readCentreKey(unlocked.records)) this.establishCentre();
    return unlocked.user;
  }

  lock(): void {
    const unlocked = this.unlocked;
    if (!unlocked) return;
    this.unlocked = undefined;
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
      unlocked.records.wipe();
      unlocked.keyring.wipe();
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

  get records(): RecordStore {
    return this.requireUnlocked().records;
  }

  get audit(): AuditLog {
    return this.requireUnlocked().audit;
  }

  /** Runs fn in one SQLite transaction; storage errors become typed errors (e.g. DISK_FULL). */
  transact<T>(fn: () => T): T {
    try {
      return this.db.transaction(fn)();
    } catch (error) {
      throw fromSqliteError(error);
    }
  }

  /** A change: seals records through `put` and appends one audit entry committing to all of them. */
  write<T>(
    action: string,
    target: string | undefined,
    fn: (put: PutRecord) => T,
    detail?: AuditEntry['detail'],
  ): T {
    const { records, audit, user } = this.requireUnlocked();
    return this.transact(() => {
      const refs: AuditRecordRef[] = [];
      const result = fn((address, value, blindIndex) => {
        const ref = records.put(address, value, blindIndex);
        refs.push(ref);
        return ref;
      });
      audit.append({
        at: this.nowIso(),
        actor: user.username,
        action,
        ...(target ? { target } : {}),
        ...(detail ? { detail } : {}),
        records: refs,
      });
      return result;
    });
  }

  /** An access to data: runs fn and records who read what, in one transaction. */
  read<T>(
    action: string,
    target: string | undefined,
    fn: (records: RecordStore) => T,
    detail?: (result: T) => AuditEntry['detail'],
  ): T {
    const { records, audit, user } = this.requireUnlocked();
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

  /** Keyed BLAKE2b of a normalised lookup value; equal inputs give equal indexes, nothing else leaks. */
  blindIndex(purpose: string, value: string): Uint8Array {
    const { keyring } = this.requireUnlocked();
    return blake2b(utf8(`${purpose}\u0000${value}`), 16, keyring.blindIndex);
  }

  private argon2ParamsForNewSlots(username: string): Argon2Params {
    return this.options.argon2 ?? userSlotParams(this.db, username) ?? chooseArgon2Params();
  }

  addUser(input: NewUser): UserProfile {
    const actor = this.require('users.manage');
    if (userSlotExists(this.db, input.username))
      throw new HearthError('CONFLICT', 'A user with this user name already exists.');
    assertDisplayName(input.displayName);
    const { keyring } = this.requireUnlocked();
    const params = this.argon2ParamsForNewSlots(actor.username);
    return this.transact(() => {
      const profile = this.write('users.add', `user:${input.username}`, (put) => {
        writeUserSlot(
          this.db,
          this.vaultId,
          input.username,
          input.passphrase,
          keyring.masterKey,
          params,
        );
        return createUserRecords(put, {
          username: input.username,
          displayName: input.displayName,
          role: input.role,
          createdAt: this.nowIso(),
          createdBy: actor.username,
        }).profile;
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

  /** Creates the centre key and certifies every user's staff key (new vault, or first admin unlock). */
  private establishCentre(): void {
    this.transact(() => {
      this.centreWrite('centre-key.create', 'centre', (ctx) => {
        createCentreKey(ctx.put, ctx.at, ctx.actor);
      });
      for (const profile of listUserProfiles(this.records)) this.certify(profile, false);
      this.centreWrite('certificates.staff-list', 'centre', (ctx) => signStaffKeyList(ctx));
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
        'NOT_FOUND',
        'This vault has no centre key yet: an admin creates it by unlocking the vault once.',
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

  listUsers(): UserProfile[] {
    this.require('users.list');
    return listUserProfiles(this.records);
  }

  changePassphrase(currentPassphrase: string, newPassphrase: string): void {
    const { user, keyring } = this.requireUnlocked();
    const bucket = `user:${user.username}`;
    assertUnlockAllowed(this.db, bucket, this.now());
    let check: Uint8Array;
    try {
      check = openUserSlot(this.db, this.vaultId, user.username, currentPassphrase);
    } catch (error) {
      if (error instanceof HearthError && error.code === 'BAD_PASSPHRASE') {
        this.transact(() => recordUnlockFailure(this.db, bucket, this.now()));
        throw new HearthError('BAD_PASSPHRASE', 'The current passphrase is not correct.');
      }
      throw error;
    }
    wipe(check);
    const params = this.argon2ParamsForNewSlots(user.username);
    this.write('vault.changePassphrase', `user:${user.username}`, () => {
      writeUserSlot(this.db, this.vaultId, user.username, newPassphrase, keyring.masterKey, params);
    });
  }

  /**
   * Resets a user's passphrase with the recovery key, and replaces the recovery key (the old one
   * has now been typed somewhere). Leaves the vault unlocked as that user. Returns the new key.
   */
  recover(
    username: string,
    recoveryKeyText: string,
    newPassphrase: string,
  ): { user: SignedInUser; recoveryKey: string } {
    if (this.unlocked) this.lock();
    const bucket = 'recovery';
    assertUnlockAllowed(this.db, bucket, this.now());
    let masterKey: Uint8Array;
    try {
      masterKey = openRecoverySlot(this.db, this.vaultId, parseRecoveryKey(recoveryKeyText));
    } catch (error) {
      if (error instanceof HearthError && error.code === 'BAD_RECOVERY_KEY') {
        this.transact(() => recordUnlockFailure(this.db, bucket, this.now()));
      }
      throw error;
    }
    const unlocked = this.makeUnlocked(new Keyring(this.vaultId, masterKey), {
      username,
      role: 'admin',
    });
    const next = generateRecoveryKey();
    try {
      if (!userSlotExists(this.db, username))
        throw new HearthError('NOT_FOUND', 'There is no user with this user name.');
      const profile = readUserProfile(unlocked.records, username);
      unlocked.user = { username, role: profile.role };
      const params =
        this.options.argon2 ?? userSlotParams(this.db, username) ?? chooseArgon2Params();
      this.transact(() => {
        writeUserSlot(
          this.db,
          this.vaultId,
          username,
          newPassphrase,
          unlocked.keyring.masterKey,
          params,
        );
        writeRecoverySlot(this.db, this.vaultId, next.key, unlocked.keyring.masterKey);
        recordUnlockSuccess(this.db, bucket);
        recordUnlockSuccess(this.db, `user:${username}`);
        unlocked.audit.append({
          at: this.nowIso(),
          actor: username,
          action: 'vault.recover',
          detail: { recoveryKeyReplaced: true },
        });
      });
    } catch (error) {
      unlocked.records.wipe();
      unlocked.keyring.wipe();
      throw error;
    } finally {
      wipe(next.key);
    }
    this.unlocked = unlocked;
    this.unlockGeneration++;
    return { user: unlocked.user, recoveryKey: next.text };
  }
}

function assertDisplayName(name: string): void {
  const problem = checkDisplayName(name);
  if (problem !== undefined)
    throw new HearthError('INVALID_INPUT', `Display name: ${problem}. Type the name again.`);
}
