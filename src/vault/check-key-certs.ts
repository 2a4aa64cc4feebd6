// vault check: key versions and wraps no one vouched for (sec28, red team 14 R14-1, R14-3,
// R14-4). A version of a class, recovery or user key without a valid certificate (key-certs.ts)
// was made outside Hearth (or its certificate was deleted): Hearth never uses it, and names it
// here with the holders it was wrapped for. A wrap the checker can open that holds another key
// than the certified one is named too. Who made them cannot be said: key wraps are not in the
// signed audit log, so the findings carry the key and its holders, never a signer.
import type { Database } from 'better-sqlite3';
import type { SignInAttribution } from './check-attribution';
import type { VaultProblem } from './check';
import type { FindingSink } from './check-report';
import { isCreatorBoundCaseId } from './case-id';
import { HearthError } from './errors';
import { certRefId, isBound } from './key-certs';
import { parseKeyId, tryParseKeyId, type KeyStore } from './key-store';
import { allegationOffPolicy, vouchedVersions } from './key-vouching';

/** What the rest of the check knows that the key findings use (sec30). */
export interface KeyCertContext {
  /** This sign-in found every certificate deleted from a vault that had them (everCertified). */
  certsRemoved: boolean;
  /** The audit entry that first wrote a case record (the case's creation), from the walk. */
  caseCreated: (caseId: string) => number | undefined;
  /** The entry a bound certificate's sealed index pointer names. */
  boundEntry: (keyId: string) => number | undefined;
  /** An entry's verified, certified signer and the sign-in it was written in (R16-2). */
  entryAuthor?: (seq: number) => { signer?: string; signIn: SignInAttribution };
  /**
   * Whether case `caseId`'s record opens (sec41): a creator-bound case whose record does not open
   * is named by the record findings, not as CASE_ID_SALT_MISMATCH. Absent: assumed to open.
   */
  caseRecordOpens?: (caseId: string) => boolean;
  /** The last audit entry that wrote case `caseId`'s record and its certified signer (R20-5). */
  caseLastWrite?: (caseId: string) => { entry: number; signer: string | undefined } | undefined;
}

/**
 * The finding for an allegation key whose certificate is bound to an audit entry that is not the
 * case's creation (R15-8, R16-2): it names that entry's signer and the sign-in it was written in,
 * with that sign-in's certified author, so the reader knows whom to ask.
 */
function reboundProblem(
  id: string,
  bound: number,
  created: number | undefined,
  author: { signer?: string; signIn: SignInAttribution } | undefined,
): VaultProblem {
  const signer = author?.signer ?? 'unknown';
  const epoch = author?.signIn.epoch;
  const epochAuthor = author?.signIn.author?.username ?? 'unknown';
  const signIn =
    epoch === undefined
      ? 'in a sign-in that cannot be named'
      : `in sign-in ${epoch} (certified author ${epochAuthor})`;
  return {
    kind: 'role',
    id,
    code: 'ALLEGATION_CERT_REBOUND',
    values: { key: id, bound, signer, epoch: epoch ?? 0, epochAuthor, entry: created ?? 0 },
    detail: `the certificate of the allegation key ${id} is bound to audit entry ${bound}, signed by ${signer} ${signIn}, not to the case's creation (audit entry ${created ?? 'unknown'}): a certificate and an entry claiming the case were made outside Hearth, and any allegation written under that key replaced the genuine one. Do not trust this allegation; restore the newest backup`,
  };
}

/** Names uncertified key versions and wraps that do not hold their certified key. */
export function keyCertProblems(
  db: Database,
  keys: KeyStore,
  signerName: (signerHex: string) => string | undefined,
  context: KeyCertContext = {
    certsRemoved: false,
    caseCreated: () => undefined,
    boundEntry: () => undefined,
  },
  problems: FindingSink<VaultProblem> = [],
): void {
  if (context.certsRemoved)
    problems.push({
      kind: 'role',
      id: 'key_certs',
      code: 'KEY_CERTS_REMOVED',
      values: {},
      detail:
        'every key certificate was deleted outside Hearth, although the signed audit log shows this vault had them: no key version can be trusted, so Hearth reads and writes nothing and does not certify the keys again (that would certify whatever keys the file holds now). Restore the newest backup (hearth vault restore)',
    });
  const book = keys.certBook;
  const nameOf = (hex: string | undefined) => (hex && signerName(hex)) ?? 'unknown';
  const versions = vouchedVersions(db);
  const orphans = orphanCertProblem(db, new Set(versions));
  if (orphans) problems.push(orphans);
  for (const id of versions) {
    const holders = keys.holdersOf(id);
    const holderNames = holders.map((h) => h.replace(/@\d+$/, '')).join(', ') || 'none';
    const { logical, version } = parseKeyId(id);
    if (allegationOffPolicy(keys, id))
      problems.push({
        kind: 'role',
        id,
        code: 'ALLEGATION_KEY_OFF_POLICY',
        values: { key: id, holders: holderNames },
        detail: `the allegation key version ${id} is wrapped only for ${holderNames}, not for the case key or the staff key as Hearth wraps every allegation key: it was sealed to users' public keys outside Hearth; Hearth never certifies or uses it`,
      });
    const row = logical.startsWith('allegation:') ? book?.rowOf(id) : undefined;
    const expected = book ? keys.expectedCommitment(id) : null;
    const caseId = logical.slice('allegation:'.length);
    if (row && expected === null && isBound(row) && context.boundEntry(id) === undefined) {
      // The certificate is bound, but its sealed pointer in the audit index (one clear row) is
      // missing, malformed or fails authentication (R16-7): that edit is what is named, not the
      // certificate's signer or the key's wraps, which may be intact. Nothing can vouch for the
      // key meanwhile, so it stays unused.
      problems.push({
        kind: 'role',
        id: certRefId(id),
        code: 'KEY_CERT_POINTER_BROKEN',
        values: { key: id, pointer: certRefId(id) },
        detail: `the audit index row ${certRefId(id)}, which binds the certificate of ${id} to the signed audit entry that made the key, is missing, malformed or fails authentication: it was edited outside Hearth (no key is needed to edit it). Hearth cannot tell that certificate is genuine and does not use the key, so the allegation is unreadable until the newest backup is restored (hearth vault restore)`,
      });
      continue;
    }
    if (row && expected === null) {
      // A certificate is there but does not hold (R15-8): signed in the clear by a staff key
      // (Hearth binds every allegation key's certificate to its audit entry now), or bound to an
      // entry that does not vouch for it (not the case's creation, for version 1).
      const signerHex = isBound(row) ? undefined : Buffer.from(row.signer).toString('hex');
      const created = context.caseCreated(caseId);
      const boundTo = isBound(row) ? context.boundEntry(id) : undefined;
      if (
        boundTo !== undefined &&
        boundTo === created &&
        isCreatorBoundCaseId(caseId) &&
        context.caseRecordOpens?.(caseId) === false
      )
        // The case record itself fails (RECORD_UNREADABLE / RECORD_MISSING name it): its salt
        // cannot be read, which is why the key is unused; nothing more to say here.
        continue;
      if (boundTo !== undefined && boundTo === created && isCreatorBoundCaseId(caseId)) {
        // Bound to the case's real creation, but the case record no longer holds the salt its id
        // was made with (sec41, case-id.ts): someone holding the case key rewrote the record.
        // Sign-in cannot tell the certificate is the creator's, so the key stays unused (denial).
        // Who rewrote it (red team 20, R20-5): the last entry that wrote the record, signed.
        const rewrite = context.caseLastWrite?.(caseId);
        const rewriteEntry = rewrite?.entry ?? 0;
        const signer = rewrite?.signer ?? 'no certified key';
        problems.push({
          kind: 'role',
          id,
          code: 'CASE_ID_SALT_MISMATCH',
          values: { key: id, case: caseId, entry: created, rewriteEntry, signer },
          detail: `the record of case ${caseId} no longer holds the salt its id was made with, so the certificate of its allegation key ${id} (bound to the case's creation, audit entry ${created}) cannot be matched to the case's creator: the case record was rewritten (last written in audit entry ${rewriteEntry}, signed by ${signer}) without the salt, which Hearth never does. Hearth does not use that key, so the allegation is unreadable until the newest backup is restored (hearth vault restore); ask ${signer} why the entry was written`,
        });
        continue;
      }
      if (boundTo !== undefined) {
        // Bound to a signed entry that vouches for another key: its signer is nameable (R16-2).
        problems.push(reboundProblem(id, boundTo, created, context.entryAuthor?.(boundTo)));
        continue;
      }
      problems.push({
        kind: 'role',
        id,
        code: 'ALLEGATION_CERT_NOT_CREATOR',
        values: { key: id, signer: nameOf(signerHex), entry: created ?? 0 },
        detail: `the certificate of the allegation key ${id} (signed by ${nameOf(signerHex)}) is not vouched for by the audit entry that made the key (the case's creation, audit entry ${created ?? 'unknown'}): it was replaced outside Hearth; Hearth never uses that key`,
      });
      continue;
    }
    if (row && expected && version === 1 && isBound(row)) {
      // Bound to an entry that claims to create the case, but not the first entry that wrote it:
      // an insider's own entry claiming a case someone else created (R15-8).
      const bound = context.boundEntry(id);
      const created = context.caseCreated(caseId);
      if (bound !== undefined && created !== undefined && bound !== created) {
        problems.push(reboundProblem(id, bound, created, context.entryAuthor?.(bound)));
        continue;
      }
    }
    // A row of the wrong shape is named once, by what is wrong with it (KEY_CERT_MALFORMED).
    if (expected === null && book?.malformation(id)) continue;
    if (expected === null) {
      const recovery = parseKeyId(id).logical === 'recovery';
      problems.push({
        kind: 'role',
        id,
        code: recovery ? 'RECOVERY_KEY_UNCERTIFIED' : 'KEY_VERSION_UNCERTIFIED',
        values: { key: id, holders: holderNames },
        detail: recovery
          ? `the recovery key ${id} has no certificate from the centre key: its public half was put into the file outside Hearth; Hearth never wraps a new key for it`
          : `the key version ${id} (wrapped for: ${holderNames}) has no certificate from the centre key: it was made outside Hearth, or its certificate was deleted; Hearth never uses it`,
      });
      continue;
    }
    if (expected === undefined) continue;
    if (keys.custodyBroken(id)) {
      const certRow = book?.rowOf(id);
      const signer = certRow && book?.signerKeyOf(certRow);
      const who = nameOf(signer && Buffer.from(signer).toString('hex'));
      problems.push({
        kind: 'role',
        id,
        code: 'KEY_CUSTODY_BROKEN',
        values: { key: id, signer: who },
        detail: `the key ${id} (certified by ${who}) does not hold the version before it: it was made by someone who did not hold that key, outside Hearth; Hearth never uses it`,
      });
      continue;
    }
    const publicRow = storedPublicKey(db, id);
    const badPublic =
      expected.kind === 'public' &&
      publicRow !== undefined &&
      !Buffer.from(publicRow).equals(Buffer.from(expected.value));
    const badWraps = holders.filter((h) => {
      try {
        return keys.wrapMatchesCommitment(id, h) === false;
      } catch (error) {
        if (error instanceof HearthError) return false;
        throw error;
      }
    });
    if (badPublic || badWraps.length > 0) {
      const names = badWraps.map((h) => h.replace(/@\d+$/, '')).join(', ') || 'its public half';
      problems.push({
        kind: 'role',
        id,
        code: 'KEY_COMMITMENT_MISMATCH',
        values: { key: id, holders: names },
        detail: `the key ${id} as wrapped for ${names} is not the key its certificate commits to: a wrap was replaced outside Hearth; Hearth refuses it`,
      });
    }
  }
}

/** How many orphan certificate ids a finding lists by name (the rest are counted). */
const ORPHANS_NAMED = 5;

/**
 * Certificate rows for key versions the vault does not hold (red team 17, R17-2): no wrap and no
 * public half of that version, e.g. thousands of rows naming allegation keys of cases that do not
 * exist. Hearth never made them (a key's certificate is deleted with its last wrap) and never
 * uses them; an admin's sign-in skips them. One finding: how many, and the first few key ids
 * (sorted). Malformed ids are check-key-rows.ts's (KEY_ROW_MALFORMED).
 */
function orphanCertProblem(db: Database, held: ReadonlySet<string>): VaultProblem | undefined {
  const orphans: string[] = [];
  for (const { key_id: id } of db
    .prepare('SELECT key_id FROM key_certs ORDER BY key_id')
    .all() as Array<{
    key_id: string;
  }>) {
    const parsed = tryParseKeyId(id);
    if (parsed === undefined || held.has(id)) continue;
    orphans.push(id);
  }
  if (orphans.length === 0) return undefined;
  const first = orphans.slice(0, ORPHANS_NAMED).join(', ');
  const more = orphans.length > ORPHANS_NAMED ? `, and ${orphans.length - ORPHANS_NAMED} more` : '';
  return {
    kind: 'role',
    id: 'key_certs',
    code: 'KEY_CERT_ORPHAN',
    values: { count: orphans.length, first },
    detail: `${orphans.length} key certificate row(s) name key versions this vault does not hold (${first}${more}), such as allegation keys of cases that do not exist: they were put in the file outside Hearth. Hearth never uses them and an admin's sign-in skips them; restore the newest backup (hearth vault restore) to remove them`,
  };
}

function storedPublicKey(db: Database, id: string): Uint8Array | undefined {
  const row = db.prepare('SELECT public_key FROM public_keys WHERE key_id = ?').get(id) as
    { public_key: Buffer } | undefined;
  return row?.public_key;
}
