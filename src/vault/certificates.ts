// Staff certificates in the vault: one record per certified staff key, holding its latest
// certificate and, once withdrawn, the centre-signed withdrawal. Every change re-signs the staff
// key list (a text file with a minisign signature by the centre key), which exports copy into
// each bundle so that stock tools can lead from centre.pub to an exporter's key. Callers run
// these inside an audited Vault.write as an admin.
import { deriveKeyId, encodePublicKey, keyIdText, signMessage, wipe } from '../crypto';
import type { AuditRecordRef, SignerLookup } from './audit';
import {
  checkCertificate,
  signCertificate,
  signWithdrawal,
  visibleText,
  type Certificate,
  type Withdrawal,
} from './certificate-format';
import {
  CENTRE_CONTAINER,
  readCentreKey,
  readCentreSecretKey,
  type CentreKeyInfo,
} from './centre-key';
import { HearthError } from './errors';
import type { RecordAddress, RecordStore } from './records';
import { USERS_CONTAINER, type UserProfile } from './users';

export const CERTIFICATES_CONTAINER = 'certificates';

export interface CertificateRecord {
  certificate: Certificate;
  withdrawal?: Withdrawal;
}

/** The centre-signed list of certified staff keys: what stock tools check. */
export interface StaffKeyList {
  /** staff-keys.txt */
  text: string;
  /** staff-keys.txt.minisig, by the centre key. */
  minisig: string;
  issuedAt: string;
}

type Put = (address: RecordAddress, value: unknown) => AuditRecordRef;

const certificateAddress = (publicKeyHex: string, seq: number): RecordAddress => ({
  recordId: `certificate:${publicKeyHex}`,
  containerId: CERTIFICATES_CONTAINER,
  kind: 'certificate',
  seq,
  keyRef: 'class:directory',
});

const STAFF_LIST_ID = 'staff-keys';

export interface CentreContext {
  records: RecordStore;
  put: Put;
  vaultId: string;
  /** The acting admin. */
  actor: string;
  at: string;
}

function withCentreSecret<T>(
  records: RecordStore,
  fn: (secret: Uint8Array, info: CentreKeyInfo) => T,
): T {
  const info = readCentreKey(records);
  if (!info)
    throw new HearthError(
      'TAMPERED',
      'The centre key is missing from the vault: deleted outside Hearth. An admin can run a vault check and restore the newest backup.',
    );
  const secret = readCentreSecretKey(records);
  try {
    return fn(secret, info);
  } finally {
    wipe(secret);
  }
}

/** Every certificate record of the vault (issued, changed and withdrawn), oldest first. */
export function listCertificateRecords(records: RecordStore): CertificateRecord[] {
  return (
    records
      // Along the primary key (sec55): an index edit cannot leave a certificate out.
      .listKindByIdPrefix<CertificateRecord>('certificate', 'certificate:', CERTIFICATES_CONTAINER)
      .records.map((r) => r.value)
  );
}

/** The certificate record of one staff key, if any. */
export function certificateForKey(
  records: RecordStore,
  publicKeyHex: string,
): CertificateRecord | undefined {
  return records.get<CertificateRecord>(`certificate:${publicKeyHex}`)?.value;
}

/**
 * Issues (or re-issues, after a display-name change) the certificate of a user's current staff
 * key. A key keeps one role for life: re-certifying a key for another role is refused (CONFLICT),
 * as is certifying a withdrawn key.
 */
export function issueCertificate(ctx: CentreContext, profile: UserProfile): Certificate {
  const found = ctx.records.get<CertificateRecord>(`certificate:${profile.signPublicKey}`);
  if (found?.value.withdrawal)
    throw new HearthError(
      'CONFLICT',
      'This staff key was withdrawn; it cannot be certified again.',
    );
  if (found && found.value.certificate.statement.role !== profile.role)
    throw new HearthError(
      'CONFLICT',
      'A staff key is certified for one role only: a role change needs a new staff signing key.',
    );
  const serial = (found?.value.certificate.statement.serial ?? 0) + 1;
  const certificate = withCentreSecret(ctx.records, (secret, info) =>
    signCertificate(
      {
        format: 'hearth.certificate.v1',
        vaultId: ctx.vaultId,
        centreKeyId: info.keyId,
        serial,
        username: profile.username,
        displayName: profile.displayName,
        role: profile.role,
        publicKey: profile.signPublicKey,
        issuedAt: ctx.at,
        issuedBy: ctx.actor,
      },
      secret,
    ),
  );
  ctx.put(certificateAddress(profile.signPublicKey, found ? found.address.seq + 1 : 1), {
    certificate,
  } satisfies CertificateRecord);
  return certificate;
}

/** Withdraws the certificate of a staff key (the key may no longer sign anything as evidence). */
export function withdrawCertificate(
  ctx: CentreContext,
  publicKeyHex: string,
  reason: string,
): Withdrawal {
  const found = ctx.records.get<CertificateRecord>(`certificate:${publicKeyHex}`);
  if (!found) throw new HearthError('NOT_FOUND', 'There is no certificate for this staff key.');
  if (found.value.withdrawal) return found.value.withdrawal;
  const withdrawal = withCentreSecret(ctx.records, (secret, info) =>
    signWithdrawal(
      {
        format: 'hearth.certificate-withdrawal.v1',
        vaultId: ctx.vaultId,
        centreKeyId: info.keyId,
        username: found.value.certificate.statement.username,
        publicKey: publicKeyHex,
        withdrawnAt: ctx.at,
        withdrawnBy: ctx.actor,
        reason: reason.normalize('NFC'),
      },
      secret,
    ),
  );
  ctx.put(certificateAddress(publicKeyHex, found.address.seq + 1), {
    certificate: found.value.certificate,
    withdrawal,
  } satisfies CertificateRecord);
  return withdrawal;
}

/** staff-keys.txt: one line per certified, not withdrawn key; deterministic order. */
export function renderStaffKeyList(
  centre: CentreKeyInfo,
  certificates: Certificate[],
  issuedAt: string,
  issuedBy: string,
  listNumber?: number,
): string {
  const lines = certificates
    .map((c) => c.statement)
    .sort((a, b) =>
      a.username < b.username ? -1 : a.username > b.username ? 1 : a.serial - b.serial,
    )
    .map((s) => {
      const publicKey = Uint8Array.from(Buffer.from(s.publicKey, 'hex'));
      const keyLine = encodePublicKey({ keyId: deriveKeyId(publicKey), publicKey }).split('\n')[1];
      return `${keyLine} ${s.role} ${s.username} ${visibleText(s.displayName)}`;
    });
  return [
    'hearth staff key list v1',
    `centre key id ${centre.keyId}, fingerprint ${centre.fingerprint}`,
    `issued ${issuedAt} by ${issuedBy}`,
    // The list's number in this vault (1, 2, ...; inside the centre's signature): of two lists,
    // the verifier uses the higher, so a list that withdraws a removed user wins over one pinned
    // before the removal, whatever the clocks said.
    ...(listNumber !== undefined ? [`list number ${listNumber}`] : []),
    '# Each line: minisign public key, role, user name, display name. A key not on this list, or',
    '# on it with another role, is not certified by the centre.',
    ...lines,
    '',
  ].join('\n');
}

/** Re-signs the staff key list after a certificate change; stored as one versioned record. */
export function signStaffKeyList(ctx: CentreContext): StaffKeyList {
  const current = listCertificateRecords(ctx.records)
    .filter((r) => !r.withdrawal)
    .map((r) => r.certificate);
  const previous = ctx.records.get<StaffKeyList>(STAFF_LIST_ID);
  const listNumber = (previous?.address.seq ?? 0) + 1;
  const list = withCentreSecret(ctx.records, (secret, info) => {
    const text = renderStaffKeyList(info, current, ctx.at, ctx.actor, listNumber);
    const publicKey = Uint8Array.from(Buffer.from(info.publicKey, 'hex'));
    const keyId = deriveKeyId(publicKey);
    const minisig = signMessage(
      new TextEncoder().encode(text),
      secret,
      keyId,
      `hearth staff key list, centre key id ${keyIdText(keyId)}`,
      `hearth-staff-keys-v1 issued:${ctx.at} by:${ctx.actor} keys:${current.length}`,
    );
    return { text, minisig, issuedAt: ctx.at };
  });
  ctx.put(
    {
      recordId: STAFF_LIST_ID,
      containerId: CENTRE_CONTAINER,
      kind: 'staff-keys',
      seq: listNumber,
      keyRef: 'class:directory',
    },
    list,
  );
  return list;
}

export function readStaffKeyList(records: RecordStore): StaffKeyList | undefined {
  return records.get<StaffKeyList>(STAFF_LIST_ID)?.value;
}

/**
 * The role a user holds by certificate. Where the centre has certified the user's staff key, the
 * profile's role must match the certificate and the certificate must carry the centre's
 * signature, else TAMPERED: a role edited in the vault file without the centre key is refused.
 * Users not yet certified (a vault from before certificates, until an admin unlocks) keep
 * their profile role.
 */
export function assertCertifiedRole(records: RecordStore, profile: UserProfile): void {
  const centre = readCentreKey(records);
  const found = certificateForKey(records, profile.signPublicKey);
  if (!centre || !found) return;
  const problem = checkCertificate(
    found.certificate,
    Uint8Array.from(Buffer.from(centre.publicKey, 'hex')),
  );
  const s = found.certificate.statement;
  if (problem !== undefined || s.username !== profile.username || s.role !== profile.role)
    throw new HearthError(
      'TAMPERED',
      "This user's role does not match their certificate from the centre key; the vault was altered. Run a vault check.",
    );
  if (found.withdrawal)
    throw new HearthError('FORBIDDEN', "This user's certificate was withdrawn by an admin.");
}

/**
 * Who a staff signing key (hex) belongs to, by its centre certificate: used to check the author
 * signature of every audit entry (audit.ts). A withdrawn certificate still names its owner (their
 * past entries stay theirs). In a vault from before the centre key (until an admin's first
 * unlock) the user profiles name the keys instead. Results are cached per lookup function.
 */
export function certifiedSignerLookup(records: RecordStore): SignerLookup {
  const centre = readCentreKey(records);
  const centreKey = centre ? Uint8Array.from(Buffer.from(centre.publicKey, 'hex')) : undefined;
  const cache = new Map<string, ReturnType<SignerLookup>>();
  const profileOwner = (publicKeyHex: string): UserProfile | undefined =>
    records
      .listKindByIdPrefix<UserProfile>('user', 'user:', USERS_CONTAINER)
      .records.find((r) => r.value.signPublicKey === publicKeyHex)?.value;
  return (publicKeyHex) => {
    const cached = cache.get(publicKeyHex);
    if (cached) return cached;
    let result: ReturnType<SignerLookup>;
    if (!centreKey) {
      const owner = profileOwner(publicKeyHex);
      result = owner
        ? { username: owner.username, role: owner.role }
        : { problem: 'no user has this key' };
    } else {
      const found = certificateForKey(records, publicKeyHex);
      const problem = found ? checkCertificate(found.certificate, centreKey) : 'no certificate';
      result =
        found && problem === undefined && found.certificate.statement.publicKey === publicKeyHex
          ? {
              username: found.certificate.statement.username,
              role: found.certificate.statement.role,
            }
          : { problem: problem ?? 'certificate for another key' };
    }
    cache.set(publicKeyHex, result);
    return result;
  };
}

/**
 * Every role the centre certified for each username, over all its certificates (withdrawn and
 * superseded ones included: a role held when a past session was started still counts), each
 * certificate's signature checked once. For listings that must agree with the author rules
 * (R12-8 residual: a reviewer's live session). Cost: one certificate read and one signature
 * check per staff key, once per call.
 */
export function certifiedRolesByUsername(records: RecordStore): Map<string, Set<string>> {
  const lookup = certifiedSignerLookup(records);
  const out = new Map<string, Set<string>>();
  for (const record of listCertificateRecords(records)) {
    const found = lookup(record.certificate.statement.publicKey);
    if (!('username' in found) || found.role === undefined) continue;
    const roles = out.get(found.username) ?? new Set<string>();
    roles.add(found.role);
    out.set(found.username, roles);
  }
  return out;
}
