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
  | 'TOO_LARGE' // a file above the verifier's size limits
  // The trust chain from the centre key (see docs/ARCHITECTURE.md, "Bundle trust model"):
  | 'NOT_CENTRE_KEY' // the key given is a staff key, not the centre key: the old, weaker check
  | 'CERT_MALFORMED' // certificates.json does not hold well-formed certificates
  | 'CERT_UNTRUSTED' // a certificate names, or is signed by, another key than the trusted centre key
  | 'CERT_INVALID' // a certificate's centre signature fails (a field was changed: role, name, key)
  | 'CERT_WITHDRAWN' // a signing key's certificate was withdrawn before it signed
  | 'CERT_AFTER_SIGNATURE' // a sealer's or addendum author's certificate was issued after they signed
  | 'EXPORTER_WITHDRAWN' // the exporter's certificate is withdrawn in the bundle (export time is self-declared)
  | 'STAFF_LIST_INVALID' // staff-keys.txt is not signed by the centre key, or does not list the exporter
  | 'STAFF_LIST_CONFLICT' // two different centre-signed staff lists share a number (restore or rollback)
  | 'EXPORTER_NOT_CERTIFIED' // SHA256SUMS is signed by a key the centre never certified
  | 'EXPORTER_ROLE' // the exporter's certified role may not export evidence (trainer, reviewer)
  | 'SEALER_NOT_CERTIFIED' // the seal is signed by a key the centre never certified for the sealer
  | 'SEALER_ROLE' // the sealer is not certified as an interviewer (or admin), or is not the session's interviewer
  | 'CHAIN_MISMATCH' // the head recomputed from transcript.json is not the sealed head (content changed)
  | 'ADDENDUM_UNSIGNED' // an addendum's signature is missing or invalid, or its key is not certified
  | 'ADDENDUM_CHAIN' // an addendum does not chain to the events before it (one was removed or moved)
  | 'ADDENDA_COUNT' // the number of addenda differs from what the bundle states
  | 'OMISSION_INCONSISTENT' // events withheld that the export choices say are included, or vice versa
  | 'TXT_MISMATCH' // transcript.txt is not the rendition of transcript.json
  | 'PDF_MISMATCH' // transcript.pdf is not the deterministic rendition of transcript.json
  | 'PDF_INCOMPLETE' // transcript.pdf is not a complete PDF with pages
  // A newer Hearth's bundle this one cannot check (newer bundle, transcript or chain format):
  // not proven, not tampered; the next step is to update Hearth.
  | 'NEWER_VERSION'
  | 'IDENTITY_NOT_PROVEN'; // content verified, but a signer is not on the staff list the caller pinned

export class BundleError extends Error {
  override name = 'BundleError';
  constructor(
    readonly failure: VerifyFailure,
    message: string,
  ) {
    super(message);
  }
}
