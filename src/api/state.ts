// The core's state: the vault folder, and the open vault once something needed it. The vault
// file is opened lazily and stays open (holding its exclusive lock) until close().
import type { Argon2Params } from '../crypto';
import type { CoreEvent } from './contract';
import { ChildContextCache } from './child-context';
import { SessionService, systemClocks, type Clocks } from '../interview';
import { TrainingService } from '../training';
import {
  AUDIT_INDEX_TASK,
  AUDIT_SESSION_INDEX_TASK,
  can,
  CASE_ORDER_TOTALS_TASK,
  caseOrderNeedsRebuild,
  HearthError,
  rebuildCaseOrderIndex,
  upgradeCaseOrderIndex,
  Vault,
  type VaultOptions,
} from '../vault';

const SUMMARY_TASK = 'session-summaries';

export interface CoreOptions {
  vaultDir: string;
  /** Clock in ms since the epoch (tests inject one to step through backoff). */
  now?: () => number;
  /** Argon2id parameters for new key slots; default: calibrated to about 1 s at creation. */
  argon2?: Argon2Params;
  migrationsDir?: string;
  /**
   * A second copy of the audit anchor outside the vault folder; default: the environment's
   * HEARTH_ANCHOR_COPY (electron/main sets it to the app's user-data folder; CLI users may set it).
   */
  anchorCopy?: string;
  /** Monotonic clock for session elapsed times (tests inject one). */
  monotonicNow?: () => number;
  /** Receives progress and lock events (Electron forwards them to the renderer). */
  onEvent?: (event: CoreEvent) => void;
}

export class CoreState {
  private opened: Vault | undefined;
  private sessionService: { generation: number; service: SessionService } | undefined;
  /** The question coach's child context per session; cleared whenever the service is dropped. */
  readonly childContext = new ChildContextCache();

  constructor(readonly options: CoreOptions) {}

  private vaultOptions(): VaultOptions {
    const { now, argon2, migrationsDir } = this.options;
    const anchorCopy = this.options.anchorCopy ?? process.env.HEARTH_ANCHOR_COPY;
    return {
      ...(now ? { now } : {}),
      ...(anchorCopy ? { anchorCopy } : {}),
      ...(argon2 ? { argon2 } : {}),
      ...(migrationsDir ? { migrationsDir } : {}),
    };
  }

  vaultExists(): boolean {
    return this.opened !== undefined || Vault.exists(this.options.vaultDir);
  }

  /** The open vault; opens it on first use (VAULT_NOT_FOUND when there is none yet). */
  vault(): Vault {
    this.opened ??= Vault.open(this.options.vaultDir, this.vaultOptions());
    return this.opened;
  }

  createVault(input: { username: string; displayName: string; passphrase: string }): {
    recoveryKey: string;
  } {
    if (this.vaultExists())
      throw new HearthError('VAULT_EXISTS', 'A vault already exists in this folder.');
    const { vault, recoveryKey } = Vault.create(this.options.vaultDir, input, this.vaultOptions());
    this.opened = vault;
    return { recoveryKey };
  }

  /** Interview sessions of the signed-in user; rebuilt (dropping decrypted state) at every sign-in change. */
  sessions(): SessionService {
    const vault = this.vault();
    if (!vault.user)
      throw new HearthError('VAULT_LOCKED', 'The vault is locked. Unlock it to continue.');
    if (this.sessionService?.generation !== vault.generation) {
      // Decrypted words of the previous sign-in go with its service.
      this.childContext.clear();
      const clocks: Clocks = {
        wallNow: this.options.now ?? systemClocks.wallNow,
        monotonicNow: this.options.monotonicNow ?? systemClocks.monotonicNow,
      };
      this.sessionService = {
        generation: vault.generation,
        service: new SessionService(vault, clocks),
      };
    }
    return this.sessionService.service;
  }

  /**
   * After a sign-in: work a migration left for someone holding the keys. 0005: fill the audit
   * index from one walk of the audit log (every user holds the chain key, so the first sign-in
   * does it). 0003: build the summary of every session this user can read that has none; that
   * task is done when no session is left without one (sessions under keys this user lacks are
   * built at their readers' next unlock). A failure here never fails the sign-in: listings fall
   * back to reading events, and verify reports events it cannot find in the index.
   */
  finishMigrations(): void {
    const vault = this.vault();
    if (!vault.user) return;
    try {
      if (vault.pendingTask(AUDIT_INDEX_TASK)) {
        vault.transact(() => vault.audit.rebuildIndex());
        vault.completeTask(AUDIT_INDEX_TASK);
      }
      // 0009: the per-session audit index (until it is built, the write-once check walks).
      if (vault.pendingTask(AUDIT_SESSION_INDEX_TASK)) {
        vault.transact(() => vault.audit.rebuildSessionIndex());
        vault.completeTask(AUDIT_SESSION_INDEX_TASK);
      }
      if (vault.pendingTask(SUMMARY_TASK)) {
        const { remaining } = this.sessions().buildMissingSummaries();
        if (remaining === 0) vault.completeTask(SUMMARY_TASK);
      }
      // Cases written before the case order index (two counts, nothing decrypted, when none is).
      if (can(vault.user.role, 'cases.read') && caseOrderNeedsRebuild(vault))
        rebuildCaseOrderIndex(vault);
      if (can(vault.user.role, 'cases.read') && vault.pendingTask(CASE_ORDER_TOTALS_TASK)) {
        upgradeCaseOrderIndex(vault);
        vault.completeTask(CASE_ORDER_TOTALS_TASK);
      }
      // sec44: trainer reviews still under their practice session's key move under their own
      // key (trainers, admins and the trainee only) at an admin's sign-in.
      if (vault.user.role === 'admin')
        new TrainingService(vault, this.sessions()).moveReviewsUnderOwnKeys();
    } catch (error) {
      if (!(error instanceof HearthError)) throw error;
    }
  }

  /** Call before anything that signs the current user out: open sessions are marked paused. */
  suspendSessions(): void {
    const current = this.sessionService;
    this.sessionService = undefined;
    this.childContext.clear();
    if (current && this.opened?.user && current.generation === this.opened.generation)
      current.service.suspendAll();
  }

  /** Sends an event to the caller; a failing listener never breaks the request. */
  emit(event: CoreEvent): void {
    try {
      this.options.onEvent?.(event);
    } catch {
      // The listener is the caller's code; its failure is not the core's.
    }
  }

  close(): void {
    this.suspendSessions();
    const vault = this.opened;
    this.opened = undefined;
    vault?.close();
  }
}
