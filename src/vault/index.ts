export { Vault, type VaultOptions, type SignedInUser, type NewUser, type PutRecord } from './vault';
export { HearthError, type HearthErrorCode, type HearthErrorDetails } from './errors';
export { ROLES, type Role, can, classesOf, classKey, DATA_CLASSES, type DataClass } from './roles';
export {
  ANCHOR_FILE,
  defaultAnchorFile,
  readAnchor,
  type Anchor,
  type AnchorVerdict,
} from './anchor';
export { type UserProfile, personalKey, pickProfile, readSigningKey } from './users';
export {
  createCase,
  listCases,
  getCase,
  updateCase,
  archiveCase,
  normalizeReference,
  isCaseBlind,
  allegationKey,
  revealAllegationTo,
  canReadAllegation,
  allegationOpenToCase,
  CASE_ORDER_TOTALS_TASK,
  caseOrderNeedsRebuild,
  upgradeCaseOrderIndex,
  rebuildCaseOrderIndex,
  type CaseInput,
  type CasePatch,
  type CaseRecord,
  type CaseSummary,
  type CaseView,
} from './cases';
export {
  CHECK_CODES,
  checkVault,
  type CheckCode,
  type ProgressListener,
  type VaultProblem,
  type VaultNotice,
} from './check';
export { certifiedSignersOf, recordsAuthorshipProblem } from './authorship';
export {
  classifyForbidden,
  readersOf,
  type WithheldReaders,
  type WithheldRecord,
} from './withheld';
export { sessionWriteOnceProblem, type SessionRewrite } from './write-once';
export {
  certifiedWriterOf,
  recordWriterOf,
  sessionKeyUnderClass,
  trustedWriterOf,
} from './session-key-class';
export { STALE_KEY_VERSION, staleWriteReason, type StaleWrite } from './stale-write';
export { backupVault } from './backup';
export {
  EXAMPLES_PER_GROUP,
  FindingGroups,
  groupKeyOf,
  type FindingGroup,
  type FindingSink,
} from './check-report';
export {
  BACKUP_DAMAGED_FIELD,
  checkBackupFile,
  NOT_A_BACKUP_FIELD,
  type BackupFileReason,
} from './backup-file';
export { restoreVault, type RestoreOptions } from './restore';
export { BACKOFF, delayAfterFailures } from './backoff';
export { VAULT_FILE, vaultFile } from './db';
export { migrate, loadMigrations, schemaVersion, defaultMigrationsDir } from './migrate';
export { newId, ID_PATTERN } from './ids';
export { pageOf, PAGE_LIMIT, type PageInfo, type PageRequest } from './paging';
export { toHex } from './encoding';
export { jcs, jcsBytes, CanonicalJsonError } from './jcs';
export type { AuditEntry } from './audit';
export { AUDIT_SESSION_INDEX_TASK, EXPORT_STARTED } from './audit';
export type { RecordAddress } from './records';
export { centrePublicKeyFile, centreSecretAddress, type CentreKeyInfo } from './centre-key';
export {
  certifiedRolesByUsername,
  renderStaffKeyList,
  type CertificateRecord,
  type StaffKeyList,
} from './certificates';
export * from './certificate-format';
export { PASSPHRASE_EXPOSED } from './profile-repair';
export { dropForeignSchema, inspectVaultSchema } from './schema-repair';
export { inspectKeyCertRows } from './check-key-rows';
export { describeForeign, type ForeignSchemaObject } from './schema-check';
export { AUDIT_INDEX_TASK } from './latest-version';
