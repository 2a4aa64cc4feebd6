// Typed failures of the export module. Verification never throws these to its caller (it returns
// a result); they carry a reason written for a prosecutor and never any plaintext of the bundle.
export type VerifyFailure =
  | 'NOT_A_BUNDLE' // path missing, not a folder or encrypted bundle
  | 'FILE_SET' // missing, extra or renamed files
  | 'PATH_TRICK' // symlink, "..", absolute path, non-regular file
  | 'BAD_FORMAT' // a file does not parse (manifest, sums, signature, custody, json)
  | 'HASH_MISMATCH' // a file's bytes do not match SHA256SUMS / the manifest
  | 'BAD_SIGNATURE' // minisign signature or global signature invalid
  | 'UNTRUSTED_SIGNER' // valid signature, but by a key that is not the trusted one
  | 'INCONSISTENT' // manifest, trusted comment, custody or transcript disagree
  | 'CUSTODY_BROKEN' // the custody hash chain does not link
  | 'SEAL_INVALID' // the interviewer's seal signature or an addendum signature fails
  | 'DECRYPT_FAILED' // encrypted bundle: wrong identity/passphrase or altered bytes
  | 'TOO_LARGE'; // a file above the verifier's size limits

export class BundleError extends Error {
  override name = 'BundleError';
  constructor(
    readonly failure: VerifyFailure,
    message: string,
  ) {
    super(message);
  }
}
