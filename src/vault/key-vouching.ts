// Who vouches for key versions, and when (sec28, red team 14: R14-1, R14-3, R14-4). The
// mechanism (certificates, commitments) is key-certs.ts; KeyStore applies it. This module is the
// vault's policy around it:
// - the trusted centre public key comes from the centre's record sealed under the OLDEST stored
//   version of class:directory (Hearth writes it once, at creation, and never re-seals it): a
//   record someone seals under a directory key version he made himself is not the centre's;
// - the centre key vouches for any key version; a user's certified staff key only for that
//   user's own key (a passphrase change by a non-admin);
// - versions created by this process are certified when its transaction commits
//   (`certifyFreshKeys`); nothing else is ever certified, except once, at the first admin sign-in
//   of a vault from before sec28 (`migrateKeyCerts`), by rules an outsider cannot satisfy.
import type { Database } from 'better-sqlite3';
import { blake2b, constantTimeEqual, deriveSubkey, signDetached, wipe } from '../crypto';
import type { AuditLog } from './audit';
import { readCentreKey, readCentreKeyRecord, readCentreSecretKey } from './centre-key';
import { certificateForKey, certifiedSignerLookup } from './certificates';
import { CHECKPOINT_ACTION } from './checkpoint';
import { statement } from './db';
import { blob, toHex } from './encoding';
import { HearthError } from './errors';
import {
  BOUND_SIGNER,
  certRefId,
  commitmentOf,
  isVouchedLogical,
  KeyCertBook,
  type KeyCertSigner,
  type KeyCommitment,
} from './key-certs';
import { isRollbackFinding, ROLLBACK_DETECTED, type AnchorVerdict } from './anchor';
import { blindVersionEntry } from './blind-version';
import { caseIdNamesCreator, caseIdSalt, isCreatorBoundCaseId } from './case-id';
import {
  allegationV1CaseSql,
  keyId,
  KeyStore,
  parseKeyId,
  tryParseKeyId,
  WELL_FORMED_VERSION,
  type KeyId,
} from './key-store';
import { RecordStore } from './records';
import { can, type Role } from './roles';

const DIRECTORY = 'class:directory';

/**
 * The centre public key (hex) this vault's key certificates are checked against, or undefined
 * when the centre record is missing or is not sealed under the oldest stored version of the
 * directory key (sealed outside Hearth under a version someone made: not trusted).
 */
export function trustedCentreKey(records: RecordStore): string | undefined {
  const found = readCentreKeyRecord(records);
  if (!found) return undefined;
  const oldest = records.keyStore.oldestId(DIRECTORY);
  if (found.address.keyRef !== oldest) return undefined;
  return found.value.publicKey;
}

/**
 * The certificate book of a vault whose centre key is `centreHex`: the centre vouches for any
 * key version; a staff key whose current certificate (not withdrawn) names user X only for X's
 * own key versions (`user:X@v`). A case's allegation key is vouched for by the centre key, or by
 * a bound certificate (`boundAllegationSigner`; needs `audit`): a staff key's certificate of an
 * allegation key with its signer in the clear is no longer accepted (R15-8: any interviewer
 * could sign one for a case he did not create).
 */
export function keyCertBook(
  db: Database,
  vaultId: Uint8Array,
  records: RecordStore,
  centreHex: string,
  audit?: AuditLog,
): KeyCertBook {
  return new KeyCertBook(
    db,
    toHex(vaultId),
    (signerHex, id) => {
      if (signerHex === centreHex) return true;
      const { logical } = parseKeyId(id);
      // sec33: an interviewer's version-1 certificate from a sec28/sec29 build, signed in the
      // clear, is the case creator's when the entry that created the case is hers.
      if (logical.startsWith('allegation:'))
        return (
          audit !== undefined && legacyCreatorCert(audit, records, id, signerHex) !== undefined
        );
      if (!logical.startsWith('user:')) return false;
      const cert = certificateForKey(records, signerHex);
      if (cert === undefined || cert.withdrawal !== undefined) return false;
      return `user:${cert.certificate.statement.username}` === logical;
    },
    (id) => (audit ? boundAllegationSigner(audit, records, centreHex, id) : undefined),
  );
}

/**
 * The key a bound allegation-key certificate must verify under (sec30, R15-8, R15-7): the audit
 * index names the entry that vouches for it (`keycert:<key id>`); that entry must chain and carry
 * its author's valid signature; an admin's entry means the centre key, a staff member's entry
 * their staff key, if their role writes cases. Version 1 (made when the case is created) must
 * also be vouched for by the entry that wrote the case record's first version: an interviewer
 * cannot bind a key of his own to a case someone else created without an entry of his own that
 * claims to create it (which `vault check` names: ALLEGATION_CERT_NOT_CREATOR), and, for a case
 * id made since sec41, that entry must be signed by the staff key the id commits to (case-id.ts;
 * R16-2: his own entry claiming the case is refused at sign-in, without a walk). Undefined: not
 * vouched for (never used).
 */
export function boundAllegationSigner(
  audit: AuditLog,
  records: RecordStore,
  centreHex: string,
  id: KeyId,
): Uint8Array | undefined {
  const { logical, version } = parseKeyId(id);
  if (!logical.startsWith('allegation:')) return undefined;
  const seq = audit.indexedEntry(certRefId(id));
  if (seq === undefined) return undefined;
  const claim = audit.claimAt(seq, certifiedSignerLookup(records));
  if (!claim) return undefined;
  const caseId = logical.slice('allegation:'.length);
  if (version === 1 && !claim.refs.some((r) => r.id === caseId && r.seq === 1 && r.hash !== ''))
    return undefined;
  // A case id made since sec41 names the staff key that signed its creation (case-id.ts): an
  // entry someone else appended claiming to create the case, with a certificate of his own key
  // bound to it, is refused here, at sign-in, by one case record read (R16-2 residual). Older,
  // random ids keep the rule above; `vault check` names their rebinding (ALLEGATION_CERT_REBOUND).
  if (
    version === 1 &&
    isCreatorBoundCaseId(caseId) &&
    !caseIdNamesCreator(caseId, claim.signerKey, caseIdSalt(records, caseId))
  )
    return undefined;
  if (claim.role === 'admin') return new Uint8Array(Buffer.from(centreHex, 'hex'));
  if (claim.role === undefined || !can(claim.role as Role, 'cases.write')) return undefined;
  return new Uint8Array(Buffer.from(claim.signerKey, 'hex'));
}

/**
 * The audit entry that first wrote case `caseId`'s record (its creation), as far as this sign-in
 * can tell: the entry the case record's index pointer names when that entry writes version 1
 * (a case never edited since), else, for a reader of the audit entries (admins), the oldest
 * entry that writes version 1. Undefined when neither finds it.
 */
export function caseCreationEntry(
  audit: AuditLog,
  records: RecordStore,
  caseId: string,
): number | undefined {
  return caseCreationEntries(audit, records, [caseId]).get(caseId);
}

/**
 * The creation entries (`caseCreationEntry`) of many cases at once: the audit index where it
 * points at the creating entry, and ONE walk of the log for all the others (one walk per case
 * made an admin's sign-in cost cases x log entries; speed31). Map: case id -> entry sequence
 * number; a case with no creating entry is absent.
 */
export function caseCreationEntries(
  audit: AuditLog,
  records: RecordStore,
  caseIds: Iterable<string>,
): Map<string, number> {
  const found = new Map<string, number>();
  const writesFirst = (refs: Array<{ id: string; seq: number; hash: string }> | undefined) =>
    (refs ?? []).filter((r) => r.seq === 1 && r.hash !== '').map((r) => r.id);
  const lookup = certifiedSignerLookup(records);
  const missing = new Set<string>();
  for (const caseId of caseIds) {
    const pointed = audit.indexedEntry(caseId);
    if (pointed !== undefined && writesFirst(audit.claimAt(pointed, lookup)?.refs).includes(caseId))
      found.set(caseId, pointed);
    else missing.add(caseId);
  }
  if (missing.size === 0) return found;
  // Newest first: the last write of seq 1 seen is the oldest, as caseCreationEntry keeps it.
  let before: number | undefined;
  for (;;) {
    const page = audit.list(500, before);
    if (page.length === 0) return found;
    for (const entry of page)
      for (const id of writesFirst(entry.records)) if (missing.has(id)) found.set(id, entry.seq);
    before = page[page.length - 1]!.seq;
  }
}

/**
 * A sec28/sec29 allegation certificate (sec33): version 1 of a case's allegation key, signed in
 * the clear with the staff key of the interviewer who created the case, as those builds did.
 * It is the genuine creator's, and accepted, only when the signed audit entry that first wrote
 * the case record (which the file's holder cannot move or re-sign) chains, carries a valid
 * signature by a certified author whose role writes cases, and that author's staff key is the
 * certificate's signer. Any other clear signer stays refused (ALLEGATION_CERT_NOT_CREATOR, R15-8).
 * Returns the creation entry's sequence number, or undefined.
 */
export function legacyCreatorCert(
  audit: AuditLog,
  records: RecordStore,
  id: KeyId,
  signerHex: string,
  creationOf: (caseId: string) => number | undefined = (caseId) =>
    caseCreationEntry(audit, records, caseId),
): number | undefined {
  const { logical, version } = parseKeyId(id);
  if (!logical.startsWith('allegation:') || version !== 1) return undefined;
  const seq = creationOf(logical.slice('allegation:'.length));
  if (seq === undefined) return undefined;
  const claim = audit.claimAt(seq, certifiedSignerLookup(records));
  if (!claim || claim.role === undefined || claim.role === 'admin') return undefined;
  if (!can(claim.role as Role, 'cases.write')) return undefined;
  return claim.signerKey === signerHex ? seq : undefined;
}

/**
 * The SQL condition of an unbound sec28/sec29 allegation certificate row worth examining: version
 * 1 of a case's allegation key, for a case the vault holds, signed in the clear by a key that is
 * neither all zeros (bound) nor the centre key (@centre; vouched for as it stands). Only these
 * rows are ever examined at sign-in, whose cost must not grow with the number of cases (issue
 * #22). Rows naming a case the vault does not hold (junk put in the file; red team 17, R17-2:
 * 2,000 of them sent every admin sign-in through a log walk) are left in SQLite, one primary-key
 * probe each, never read here; `vault check` names them (KEY_CERT_ORPHAN). The case id is read as
 * the parser reads it, up to the LAST '@' (R18-3: reading up to the first '@' let
 * `allegation:<case>@0x@1` through, and the parse then named a case with no creation entry,
 * which walked the whole log).
 *
 * The rows are found along the primary key (no index can be narrowed to hide one), so every
 * allegation certificate of the vault is visited: one per case, 16,000 at 20,000 sessions. The
 * first test is a byte comparison that every bound row (all of Hearth's since sec30) fails;
 * `signer != zeroblob(32)` is implied by the hex test after it, which only a row it lets through
 * pays for (perf27: 16,000 bound rows cost 8.5 ms of CPU with the hex test first, 3.4 ms with
 * the comparison first; the rows selected are the same).
 */
const LEGACY_CANDIDATE_SQL = `key_id >= 'allegation:' AND key_id < 'allegation;'
       AND signer != zeroblob(32)
       AND substr(key_id, -2) = '@1'
       AND typeof(signer) = 'blob' AND length(signer) = 32
       AND trim(hex(signer), '0') != ''
       AND (@centre IS NULL OR signer != @centre)
       AND EXISTS (SELECT 1 FROM records
                   WHERE record_id = ${allegationV1CaseSql('key_certs.key_id')})`;

/** Domain of the MAC over the examined set (legacy_certs_examined, migration 0013). */
const EXAMINED_DOMAIN = 'hearth.legacy-certs-examined.v1\0';

/**
 * The MAC of the set of candidate rows as they stand (their key ids and clear signers, in key id
 * order), and the stored MAC of the set last examined: one statement, one row, at any number of
 * rows (the concatenation and the one keyed hash over it are the only work that grows with it).
 */
function examinedState(
  db: Database,
  vaultId: Uint8Array,
  macKey: Uint8Array,
  centre: Buffer | null,
): { count: number; mac: Uint8Array; stored: Uint8Array | undefined } {
  const row = statement(
    db,
    `SELECT count(*) AS n, group_concat(key_id || ' ' || hex(signer), ',' ORDER BY key_id) AS rows_text,
            (SELECT mac FROM legacy_certs_examined WHERE singleton = 1) AS stored
       FROM key_certs WHERE ${LEGACY_CANDIDATE_SQL}`,
  ).get({ centre }) as { n: number; rows_text: string | null; stored: Buffer | null };
  const text = new TextEncoder().encode(
    `${EXAMINED_DOMAIN}${toHex(vaultId)}\0${row.rows_text ?? ''}`,
  );
  return {
    count: row.n,
    mac: blake2b(text, 32, macKey),
    // A stored MAC of the wrong type (edited outside Hearth) is no MAC: the rows are examined.
    stored: row.stored instanceof Uint8Array ? blob(row.stored) : undefined,
  };
}

/**
 * Binds every accepted sec28/sec29 allegation certificate (`legacyCreatorCert`) to the case's
 * creation entry, as Hearth binds new ones: a `keycert:` pointer in the audit index and the clear
 * signer column zeroed (the signature covers the key, not the signer, so it still verifies under
 * the entry's author). Afterwards the file no longer shows who created the case (R15-7) and the
 * certificate is indistinguishable from a new one. At an admin's sign-in, after its first entry
 * (the pointer is sealed under this sign-in's chain key). Returns the key ids bound.
 *
 * Once per set of rows (perf20): the rows left unbound (refused: another signer, R15-8) are
 * remembered by a MAC of their set under `macKey` (derived from the staff-administration key,
 * which only admins hold: nobody else can make a sign-in skip a row), so the next admin sign-in
 * reads one summary row instead of examining them again. A row added or changed in the file
 * changes the set, and the rows are examined again, once.
 */
export function bindLegacyAllegationCerts(
  db: Database,
  audit: AuditLog,
  records: RecordStore,
  vaultId: Uint8Array,
  macKey: Uint8Array | undefined,
): string[] {
  // Rows signed in the clear by the centre key (an admin's certificates from those builds) are
  // vouched for by that key as they stand: there is nothing to bind. Looking up their cases'
  // creation entries at every admin sign-in made unlock take 14.6 s at 1,250 cases and 59 s at
  // 5,000 (speed31, bench scale): they are skipped, and the rest share one log walk.
  const centreHex = trustedCentreKey(records);
  const centre = centreHex ? Buffer.from(centreHex, 'hex') : null;
  // Without the key (no staff-administration key reachable) every row is examined, as before.
  const before = macKey ? examinedState(db, vaultId, macKey, centre) : undefined;
  if (before?.count === 0) return [];
  if (before?.stored && constantTimeEqual(before.stored, before.mac)) return [];
  const rows = statement(
    db,
    `SELECT key_id, signer FROM key_certs WHERE ${LEGACY_CANDIDATE_SQL} ORDER BY key_id`,
  ).all({ centre }) as Array<{ key_id: string; signer: Buffer }>;
  const candidates = rows
    .map((row) => ({ keyId: row.key_id, signerHex: toHex(blob(row.signer)) }))
    .filter((row) => tryParseKeyId(row.keyId)?.version === 1);
  const bound: string[] = [];
  if (candidates.length > 0) {
    const creations = caseCreationEntries(
      audit,
      records,
      candidates.map((row) => parseKeyId(row.keyId).logical.slice('allegation:'.length)),
    );
    for (const { keyId, signerHex } of candidates) {
      const seq = legacyCreatorCert(audit, records, keyId, signerHex, (caseId) =>
        creations.get(caseId),
      );
      if (seq === undefined) continue;
      audit.pointAt(certRefId(keyId), seq);
      statement(db, 'UPDATE key_certs SET signer = ? WHERE key_id = ?').run(
        Buffer.from(BOUND_SIGNER),
        keyId,
      );
      bound.push(keyId);
    }
  }
  // What is left unbound has been examined: remembered until the set changes.
  if (!macKey) return bound;
  const after = examinedState(db, vaultId, macKey, centre);
  statement(
    db,
    `INSERT INTO legacy_certs_examined (singleton, mac) VALUES (1, ?)
     ON CONFLICT(singleton) DO UPDATE SET mac = excluded.mac`,
  ).run(after.mac);
  return bound;
}

/**
 * The key of the MAC over the examined legacy certificates (bindLegacyAllegationCerts): a subkey
 * of the staff-administration key, which only admins hold.
 */
export function examinedCertsMacKey(staffKey: Uint8Array): Uint8Array {
  return deriveSubkey(staffKey, 1, 'lgcyexam');
}

/** Whether a vault's audit index names any bound key certificate (cleartext ids: no key needed). */
export function hasBoundCertificates(db: Database): boolean {
  return (
    statement(
      db,
      "SELECT 1 FROM audit_index WHERE record_id >= 'keycert:' AND record_id < 'keycert;' LIMIT 1",
    ).get() !== undefined
  );
}

/**
 * Whether the signed audit log shows that this vault has had key certificates (sec30, R15-1,
 * R15-3): an admin checkpoint written while certificates applied (`detail.keyCerts`), a
 * `keys.certify` entry (the migration), or a bound certificate in the audit index; or the log
 * does not verify in full (a gap, an entry or MAC that fails: the marks may be what was hidden,
 * R16-1). Then an empty `key_certs` table is tampering, never a vault from before sec28: the
 * migration must not run again (it would certify whatever the file holds). Reads the whole log
 * (only when no certificate is left, at an admin's sign-in). Needs the audit key (admins) for the
 * entries; the index alone for others.
 */
export function everCertified(db: Database, audit: AuditLog): boolean {
  if (hasBoundCertificates(db)) return true;
  // The whole chain, not the readable entries only: `list` skips an entry that does not open, so
  // flipping a byte of every admin-signed entry, or appending junk rows after the head, hid the
  // marks and the migration ran again over an interviewer's key (red team 16, R16-1). A log that
  // does not verify in full cannot show that the vault never had certificates: fail closed.
  const { entries, problems } = audit.verify();
  if (problems.length > 0) return true;
  // A signed record that the log was once found cut or replaced (an admin's sign-in writes one,
  // vault.ts) means the marks may have been cut away with it (R17-1): fail closed here too, or
  // the sign-in after the one that saw the rollback (the anchor then agrees) would migrate.
  return entries.some(
    (entry) =>
      entry.action === 'keys.certify' ||
      (entry.action === CHECKPOINT_ACTION && entry.detail?.keyCerts !== undefined) ||
      (entry.action === ROLLBACK_DETECTED &&
        isRollbackFinding(entry.detail?.status as AnchorVerdict['status'])),
  );
}

/**
 * How a sign-in treats key certificates. 'certs-removed' (sec30): no certificate left, but the
 * vault has had them (`everCertified`): tampering, not a vault from before sec28.
 */
export type KeyCertMode = 'enforced' | 'legacy' | 'no-centre' | 'centre-mismatch' | 'certs-removed';

/**
 * Starts requiring key certificates in `keys` (after the slot's key `keep` is held): reads the
 * trusted centre key through the keys as they are, then forgets every key but `keep` and reopens
 * under the rule. 'legacy': the vault has no certificate at all (made before sec28): nothing is
 * enforced; the caller lets only an admin in, who certifies (`migrateKeyCerts`). 'no-centre':
 * the centre key is missing or untrusted (only an admin signs in, to run a check).
 */
export function attachKeyCerts(
  db: Database,
  vaultId: Uint8Array,
  records: RecordStore,
  keep: KeyId[],
  audit?: AuditLog,
): KeyCertMode {
  const keys = records.keyStore;
  let centreHex: string | undefined;
  try {
    centreHex = trustedCentreKey(records);
  } catch (error) {
    if (!(error instanceof HearthError)) throw error;
  }
  if (!centreHex) return 'no-centre';
  const book = keyCertBook(db, vaultId, records, centreHex, audit);
  if (book.isEmpty()) return hasBoundCertificates(db) ? 'certs-removed' : 'legacy';
  // The signing-in key itself has no certificate under this centre key: the centre's public
  // record was replaced (vault check names CENTRE_KEY_REPLACED). Nothing can be trusted; the
  // caller lets only an admin in, to run the check.
  if (keep.some((id) => book.commitment(id) === undefined)) return 'centre-mismatch';
  keys.vouchWith(book, keep);
  return 'enforced';
}

/**
 * Certifies the vouched key versions this process created (KeyStore.takeFresh), inside the
 * caller's transaction: with the centre key when this sign-in reaches it (an admin, or the
 * recovery kit), else a user's own key with their staff key (`staff`). A version neither can
 * vouch for stays uncertified: it is never used, and vault check names it. `establish`: a new
 * vault, whose first key versions are certified as the centre key is made.
 */
export function certifyFreshKeys(
  db: Database,
  vaultId: Uint8Array,
  records: RecordStore,
  staff?: { username: string; signer: KeyCertSigner },
  options: { establish?: boolean; audit?: AuditLog } = {},
): void {
  const keys = records.keyStore;
  // A vault from before sec28 is certified as a whole, by the migration at an admin's sign-in:
  // certifying a few new versions first would leave the rest uncertified, hence unusable.
  if (!keys.hasFresh() || (!keys.certBook && !options.establish)) {
    keys.takeFresh();
    return;
  }
  // The staff key is resolved while this change's versions still count as vouched (sec47): a
  // removal of an admin rotates class:staff, and once taken, its new version (not certified
  // yet) read as an uncertified version on top of a certified one, which is TAMPERED, so no
  // admin could ever be removed.
  const centreHex = trustedCentreKey(records);
  const staffId = centreHex ? keys.requireCurrentId('class:staff') : undefined;
  const fresh = keys.takeFresh();
  if (!centreHex || !staffId) return;
  const book = keys.certBook ?? keyCertBook(db, vaultId, records, centreHex, options.audit);
  // An allegation key version is bound to the entry that made it (`creatingEntry`): version 1 to
  // its case's creation, a later one to the last entry this transaction appended.
  const audit = options.audit;
  const entry = audit?.head()?.seq;
  let centre: Uint8Array | undefined;
  try {
    const canCentre = keys.canOpen(staffId);
    if (canCentre) centre = readCentreSecretKey(records);
    for (const { id, commitment } of fresh) {
      const { logical } = parseKeyId(id);
      const allegation = logical.startsWith('allegation:');
      const signer = centre
        ? centreSigner(centre)
        : staff && (logical === `user:${staff.username}` || (allegation && entry !== undefined))
          ? staff.signer
          : undefined;
      if (!signer) continue;
      if (allegation && audit && entry !== undefined) {
        book.certify(id, commitment, signer, true);
        audit.pointAt(certRefId(id), creatingEntry(audit, id, entry));
      } else book.certify(id, commitment, signer);
    }
  } finally {
    wipe(centre);
  }
  if (!keys.certBook && !book.isEmpty()) keys.vouchWith(book, keysHeld(keys, fresh));
}

/**
 * The entry an allegation key version is bound to: for version 1, the entry that wrote its case
 * (the audit index names it); one transaction may create several cases (a bulk import, the scale
 * benchmark's batches), and each key is bound to its own case's creation, not to the last entry.
 * Other versions: `last`, the entry of the change that made them (re-blind, a removal's rotation).
 */
function creatingEntry(audit: AuditLog, id: KeyId, last: number): number {
  const { logical, version } = parseKeyId(id);
  if (version !== 1) return last;
  return audit.indexedEntry(logical.slice('allegation:'.length)) ?? last;
}

function keysHeld(keys: KeyStore, fresh: Array<{ id: KeyId }>): KeyId[] {
  return fresh.map((f) => f.id).filter((id) => keys.canOpen(id));
}

function centreSigner(secretKey: Uint8Array): KeyCertSigner {
  return { publicKey: secretKey.slice(32), sign: (m) => signDetached(m, secretKey) };
}

/**
 * The first admin sign-in of a vault from before sec28: certifies, with the centre key, the key
 * versions an outsider could not have made, and only those (never silently trusting the rest):
 * - a class or allegation key's version 1, and a version v > 1 only when it wraps version v-1 and that wrap
 *   opens to the very key the admin reaches as v-1 (a rotation does this; someone who made a
 *   version without holding the previous one cannot); no custody wrap is ever added (sec30), and
 *   an allegation version wrapped only for users is left out (`allegationOffPolicy`);
 * - a user key's and the recovery key's version named by that user's (the recovery) key slot
 *   (an older, or any other, version is not certified).
 * Returns the ids certified and those left out (vault check names them). Admins only (callers).
 */
export function migrateKeyCerts(
  db: Database,
  vaultId: Uint8Array,
  records: RecordStore,
  audit?: AuditLog,
): { certified: KeyId[]; leftOut: KeyId[] } {
  const keys = records.keyStore;
  const centreHex = trustedCentreKey(records);
  if (!centreHex)
    throw new HearthError(
      'TAMPERED',
      'The centre key is missing from the vault, so key versions cannot be certified. Run a vault check.',
    );
  const book = keyCertBook(db, vaultId, records, centreHex);
  const vaultIdHex = toHex(vaultId);
  const certified: KeyId[] = [];
  const leftOut: KeyId[] = [];
  const slotKeys = new Set(
    (
      statement(db, 'SELECT key_id FROM key_slots WHERE key_id IS NOT NULL').all() as Array<{
        key_id: string;
      }>
    ).map((r) => r.key_id),
  );
  const secret = readCentreSecretKey(records);
  try {
    const signer = centreSigner(secret);
    for (const id of vouchedVersions(db)) {
      const { logical, version } = parseKeyId(id);
      const publicRow = publicKeyRow(db, id);
      let commitment: KeyCommitment | undefined;
      if (logical.startsWith('class:') || logical.startsWith('allegation:')) {
        commitment = classCommitment(keys, vaultIdHex, id, publicRow !== undefined);
        // A version v > 1 that does not hold version v-1 is left out: its maker is unknown, and
        // a custody wrap is never made up for it (R15-1: that certified an interviewer's key of
        // his own for a blind case). Nor an allegation version wrapped for no case or staff key,
        // only for users (R15-3: an outsider sealed one to the users' public keys).
        if (commitment && version > 1 && !wrapsPrevious(db, vaultId, keys, logical, version))
          commitment = custodyFromBlindEntry(db, audit, records, id) ? commitment : undefined;
        if (commitment && allegationOffPolicy(keys, id)) commitment = undefined;
      } else if (slotKeys.has(id) && publicRow) {
        commitment = { kind: 'public', value: publicRow };
      }
      if (!commitment) {
        leftOut.push(id);
        continue;
      }
      book.certify(id, commitment, signer);
      certified.push(id);
    }
  } finally {
    wipe(secret);
  }
  return { certified, leftOut };
}

/**
 * A pre-sec28 allegation version made when its case was made blind (no custody then): when the
 * signed entry that wrote the allegation under it vouches for it (`blindVersionEntry`) and the
 * version before it was open to the case key (so its maker held it), the admin wraps that
 * version in it as Hearth has done since sec28, so the custody rule holds on every later read.
 * Any other version gets no custody wrap (sec30, R15-1). Returns whether the wrap is there.
 */
function custodyFromBlindEntry(
  db: Database,
  audit: AuditLog | undefined,
  records: RecordStore,
  id: KeyId,
): boolean {
  const parsed = tryParseKeyId(id);
  if (!audit || !parsed?.logical.startsWith('allegation:')) return false;
  if (!blindVersionEntry(db, audit, records, records.keyStore, id)) return false;
  const previous = keyId(parsed.logical, parsed.version - 1);
  const keys = records.keyStore;
  // Its maker held the version before: that version was open to the case key (the case was
  // open until this version made it blind), which every case writer holds. A version made for
  // a case blind before it (an insider who never held the allegation, R14-1) is left out.
  const openToCase = keys
    .holdersOf(previous)
    .some((h) => h.startsWith('class:case@') && keys.wrappedUnder(previous, h) === true);
  if (!openToCase || !keys.canOpen(id)) return false;
  keys.wrap(previous, id);
  return true;
}

/**
 * Whether an allegation key version is wrapped for neither a case key nor the staff key (its
 * wrapping policy, cases.ts `allegationHolders`): Hearth wraps every version for one of them,
 * then for users too (its creator, reveals). A version wrapped only for users was sealed to
 * their public keys outside Hearth (R15-3). False for any other key.
 */
export function allegationOffPolicy(keys: KeyStore, id: KeyId): boolean {
  if (!parseKeyId(id).logical.startsWith('allegation:')) return false;
  return !keys.holdersOf(id).some((h) => /^class:(?:case|staff)@/.test(h));
}

/** Every stored version (wraps or public halves) of a vouched logical key, by id. */
export function vouchedVersions(db: Database): KeyId[] {
  const ids = new Set<KeyId>();
  // Malformed versions are ignored (R15-5; check-key-rows.ts names them).
  for (const r of statement(
    db,
    `SELECT DISTINCT logical, version FROM key_wraps WHERE ${WELL_FORMED_VERSION}`,
  ).all() as Array<{
    logical: string;
    version: number;
  }>)
    if (isVouchedLogical(r.logical)) ids.add(keyId(r.logical, r.version));
  for (const r of statement(db, 'SELECT key_id FROM public_keys').all() as Array<{
    key_id: string;
  }>) {
    try {
      if (isVouchedLogical(parseKeyId(r.key_id).logical)) ids.add(r.key_id);
    } catch (error) {
      if (!(error instanceof HearthError)) throw error;
    }
  }
  return [...ids].sort();
}

function publicKeyRow(db: Database, id: KeyId): Uint8Array | undefined {
  const row = statement(db, 'SELECT public_key FROM public_keys WHERE key_id = ?').get(id) as
    { public_key: Buffer } | undefined;
  return row ? blob(row.public_key) : undefined;
}

/** The commitment of a class key version the admin opens, or undefined when it does not open. */
function classCommitment(
  keys: KeyStore,
  vaultIdHex: string,
  id: KeyId,
  isPublic: boolean,
): KeyCommitment | undefined {
  try {
    const key = keys.key(id);
    const kind = isPublic ? 'public' : 'secret';
    return { kind, value: commitmentOf(vaultIdHex, id, key, kind) };
  } catch (error) {
    if (error instanceof HearthError) return undefined;
    throw error;
  }
}

/**
 * Whether version `version` of a class key holds a wrap of version-1 with the genuine key in it
 * (as a rotation makes it), not a key someone made up: the key in that wrap must equal the one
 * the admin reaches as version-1 some other way, or (for an admin added after the rotation, who
 * reaches it only through the newer version) open what Hearth sealed under version-1: a key
 * wrapped under it, or a record sealed with it. Nothing sealed under it at all: not provable.
 */
function wrapsPrevious(
  db: Database,
  vaultId: Uint8Array,
  keys: KeyStore,
  logical: string,
  version: number,
): boolean {
  const previous = keyId(logical, version - 1);
  const viaNewer = keys.unwrapVia(previous, keyId(logical, version));
  if (!viaNewer) return false;
  const other = keys.unwrapExcept(previous, logical);
  try {
    if (other) return other.length === viaNewer.length && constantTimeEqual(other, viaNewer);
    const probe = new KeyStore(db, vaultId);
    probe.hold(previous, viaNewer.slice());
    try {
      const child = keys.heldBy(previous)[0];
      if (child !== undefined) return probe.canOpen(child) && opensQuietly(() => probe.key(child));
      const row = statement(db, 'SELECT record_id FROM records WHERE key_ref = ? LIMIT 1').get(
        previous,
      ) as { record_id: string } | undefined;
      if (!row) return false;
      const rs = new RecordStore(db, probe, vaultId);
      return opensQuietly(() => rs.get(row.record_id));
    } finally {
      probe.wipe();
    }
  } finally {
    wipe(viaNewer);
    wipe(other);
  }
}

function opensQuietly(fn: () => unknown): boolean {
  try {
    fn();
    return true;
  } catch (error) {
    if (error instanceof HearthError) return false;
    throw error;
  }
}

/** Whether `readCentreKey` finds a centre record at all (re-exported for the vault's messages). */
export function hasCentreRecord(records: RecordStore): boolean {
  return readCentreKey(records) !== undefined;
}
