// Public surface of src/export: sealed bundle writer, strict verifier, PDF rendition.
export * from './model';
export { loadSealedTranscript } from './source';
export { sealMessage, addendumMessage, checkSeal } from './seal';
export { canonicalJson, canonicalJsonBytes } from './canonical-json';
export {
  buildBundle,
  BUNDLE_FILES,
  PLANNING_FILE,
  READABLE_FILES,
  type BundleFiles,
  type BuiltBundle,
  type Manifest,
  type Signer,
  type ProgressFn,
} from './bundle';
export { DEFAULT_CHOICES, type ExportChoices, type TranscriptDocument } from './document';
export {
  verifyBundleFiles,
  PLANNING_WITHHELD,
  type Verdict,
  type VerifyOptions,
  type VerifiedBundle,
  type UnprovenBundle,
  type RejectedBundle,
} from './verify';
export type { VerifyFailure } from './errors';
export { pinnedStaffListProblem } from './trust';
export {
  encodePublicKey,
  parsePublicKey,
  parseSignature,
  parseSecretKey,
  signMessage,
  verifySignature,
  deriveKeyId,
  keyIdText,
  keyFingerprint,
  type MinisignPublicKey,
} from './minisign';
export {
  encryptBundle,
  decryptBundle,
  encodeRecipientKey,
  parseRecipientKey,
  encodeIdentity,
  parseIdentity,
  recipientFingerprint,
  ENCRYPTED_EXTENSION,
  encryptionMode,
  generateIdentity,
} from './encrypt';
export { packFiles, unpackFiles } from './archive';
export { readBundlePath, writeBundleDir, writeFileAtomic } from './files';
export {
  exportTranscript,
  verifyPath,
  openEncrypted,
  parseTrustedKey,
  myPublicKey,
  userPublicKeys,
  publishedKeysText,
  addRecipient,
  listRecipients,
  changedRecipients,
  type ExportRequest,
  type ExportResult,
  type Recipient,
  type UserKey,
  type Unlocker,
  type PathVerdict,
} from './service';
export {
  checkExtendedSet,
  type BundleExtendedPlace,
  type SetMember,
  type SetReport,
} from './extended-set';
