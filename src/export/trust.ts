// The bundle's trust chain, checked from the one key a prosecutor pins: the centre key. It
// certifies staff keys (certificates.json, JCS statements with Ed25519 signatures) and signs
// the staff key list (staff-keys.txt + .minisig, for stock minisign). Everything else in a bundle
// is trusted only through a key found here.
import {
  deriveKeyId,
  keyIdText,
  parsePublicKey,
  parseSignature,
  verifySignature,
  type MinisignPublicKey,
  type MinisignSignature,
} from '../crypto';
import {
  checkCertificate,
  checkWithdrawal,
  publicKeyFingerprint,
  visibleText,
  type Certificate,
  type Role,
  type Withdrawal,
} from '../vault';
import { canonicalJson } from './canonical-json';
import { fromUtf8, toHex, utf8 } from './encoding';
import { BundleError } from './errors';
import { fact, type Fact } from './verify-facts';
import { wordFacts } from './verify-words';

export const CERTIFICATES_FORMAT = 'hearth.certificates.v1';

/** certificates.json: the certificates (and any withdrawals) of every key that signed in the bundle. */
export interface CertificatesFile {
  format: typeof CERTIFICATES_FORMAT;
  centreKeyId: string;
  certificates: Certificate[];
  withdrawals: Withdrawal[];
}

/** Roles whose keys may seal an interview, write an addendum or export evidence. */
export const EVIDENCE_ROLES: readonly Role[] = ['interviewer', 'admin'];

export interface TrustedKeys {
  centre: MinisignPublicKey;
  /** Verified certificates by staff public key (hex). */
  byKey: Map<string, Certificate>;
  /** Verified withdrawals by staff public key (hex). */
  withdrawn: Map<string, Withdrawal>;
  /** The earliest issuedAt among a key's verified certificates (a reissue does not move it). */
  firstIssued: Map<string, string>;
}

const fail = (code: ConstructorParameters<typeof BundleError>[0], reason: string): never => {
  throw new BundleError(code, reason);
};

export function staffListUntrustedComment(centreKeyId: Uint8Array): string {
  return `hearth staff key list, centre key id ${keyIdText(centreKeyId)}`;
}

/** Builds certificates.json for the keys that signed (sealer, addenda authors, exporter). */
export function certificatesFile(
  centreKeyId: string,
  all: Array<{ certificate: Certificate; withdrawal?: Withdrawal }>,
  keys: Set<string>,
): CertificatesFile {
  const picked = all.filter((r) => keys.has(r.certificate.statement.publicKey));
  const order = (
    a: { statement: { publicKey: string } },
    b: { statement: { publicKey: string } },
  ) =>
    a.statement.publicKey < b.statement.publicKey
      ? -1
      : a.statement.publicKey > b.statement.publicKey
        ? 1
        : 0;
  return {
    format: CERTIFICATES_FORMAT,
    centreKeyId,
    certificates: picked.map((r) => r.certificate).sort(order),
    withdrawals: picked.flatMap((r) => (r.withdrawal ? [r.withdrawal] : [])).sort(order),
  };
}

/**
 * Checks certificates.json and the staff key list against the trusted centre key. A staff key
 * given instead of the centre key is refused (NOT_CENTRE_KEY): it proves only that some staff
 * member signed, not who sealed what.
 */
export function checkTrust(
  centre: MinisignPublicKey,
  certificatesText: string,
  staffList: Uint8Array,
  staffSig: Uint8Array,
): TrustedKeys {
  let parsed: unknown;
  try {
    parsed = JSON.parse(certificatesText);
  } catch {
    return fail('CERT_MALFORMED', 'certificates.json is not valid JSON');
  }
  const file = parsed as Partial<CertificatesFile>;
  if (
    typeof parsed !== 'object' ||
    parsed === null ||
    file.format !== CERTIFICATES_FORMAT ||
    !Array.isArray(file.certificates) ||
    !Array.isArray(file.withdrawals) ||
    typeof file.centreKeyId !== 'string' ||
    Object.keys(parsed).length !== 4
  )
    return fail('CERT_MALFORMED', 'certificates.json does not have the certificates fields');
  if (canonicalJson(parsed) !== certificatesText)
    fail('CERT_MALFORMED', 'certificates.json is not canonical JSON (RFC 8785)');
  const centreId = keyIdText(deriveKeyId(centre.publicKey));
  const centreHex = toHex(centre.publicKey);
  const staffMatch = (file.certificates as Array<Certificate | undefined>).find(
    (c) => c?.statement?.publicKey === centreHex,
  );
  if (staffMatch)
    fail(
      'NOT_CENTRE_KEY',
      `The key given is the staff key of ${staffMatch.statement.username}, not the centre key. A staff key proves only that a staff member signed; verify with the centre's public key (centre.pub), which proves who sealed and who exported`,
    );
  if (file.centreKeyId !== centreId)
    fail(
      'CERT_UNTRUSTED',
      `The bundle's certificates were issued by centre key ${file.centreKeyId}, not by the trusted centre key ${centreId}`,
    );
  const byKey = new Map<string, Certificate>();
  const firstIssued = new Map<string, string>();
  for (const cert of file.certificates) {
    const problem = checkCertificate(cert, centre.publicKey);
    if (problem === 'CERT_MALFORMED')
      fail(problem, 'A certificate in certificates.json is malformed');
    if (problem === 'CERT_UNTRUSTED')
      fail(
        problem,
        'A certificate in certificates.json names another centre key than the trusted one',
      );
    if (problem === 'CERT_INVALID')
      fail(
        problem,
        `The certificate of ${cert.statement.username} does not carry the centre's signature: it was forged or one of its fields (role, name, key) was changed`,
      );
    const c = cert;
    const earlier = byKey.get(c.statement.publicKey);
    // One key, one role for life (certificate-format.ts): two roles for one key is a forgery.
    if (earlier && earlier.statement.role !== c.statement.role)
      fail('CERT_INVALID', 'Two certificates give one staff key different roles');
    if (!earlier || earlier.statement.serial < c.statement.serial)
      byKey.set(c.statement.publicKey, c);
    const first = firstIssued.get(c.statement.publicKey);
    if (first === undefined || c.statement.issuedAt < first)
      firstIssued.set(c.statement.publicKey, c.statement.issuedAt);
  }
  const withdrawn = new Map<string, Withdrawal>();
  for (const w of file.withdrawals) {
    const problem = checkWithdrawal(w, centre.publicKey);
    if (problem !== undefined)
      fail(problem, 'A withdrawal in certificates.json does not carry the centre signature');
    withdrawn.set(w.statement.publicKey, w);
  }
  checkStaffList(centre, staffList, staffSig);
  return { centre, byKey, withdrawn, firstIssued };
}

function checkStaffList(centre: MinisignPublicKey, list: Uint8Array, sigBytes: Uint8Array): void {
  let sig: MinisignSignature;
  try {
    sig = parseSignature(fromUtf8(sigBytes));
  } catch {
    return fail('STAFF_LIST_INVALID', 'staff-keys.txt.minisig is not a valid minisign signature');
  }
  if (!verifySignature(list, sig, centre).ok)
    fail('STAFF_LIST_INVALID', 'staff-keys.txt is not signed by the trusted centre key');
  if (sig.untrustedComment !== staffListUntrustedComment(centre.keyId))
    fail('STAFF_LIST_INVALID', 'The untrusted comment of staff-keys.txt.minisig was changed');
}

/**
 * Checks a staff list pinned earlier (`hearth keys staff --out FILE` writes FILE and
 * FILE.minisig) against the pinned centre key, exactly as the bundle's own staff-keys.txt is
 * checked. Returns the reason it cannot be used, or undefined when it is the centre's list.
 * Never throws for bad input.
 */
export function pinnedStaffListProblem(
  centre: MinisignPublicKey,
  listText: string,
  minisigText: string,
): string | undefined {
  try {
    checkStaffList(centre, utf8(listText), utf8(minisigText));
    return undefined;
  } catch (error) {
    if (error instanceof BundleError)
      return `The pinned staff list cannot be used: ${error.message.replace('staff-keys.txt', 'the list')}`;
    throw error;
  }
}

/**
 * The certificate of a key that signed; typed failures when there is none, its role is wrong, it
 * was withdrawn, or it was issued after the signature. `signedAt` (ISO 8601 UTC) is the signed
 * time of the seal or addendum; omit it when the time is only self-declared (the exporter's):
 * then any withdrawal in the bundle rejects, since a withdrawn signer could backdate its export.
 */
export function certifiedSigner(
  trust: TrustedKeys,
  publicKeyHex: string,
  expect: {
    username?: string;
    what: string;
    missing: 'EXPORTER_NOT_CERTIFIED' | 'SEALER_NOT_CERTIFIED' | 'ADDENDUM_UNSIGNED';
    role: 'EXPORTER_ROLE' | 'SEALER_ROLE' | 'ADDENDUM_UNSIGNED';
    withdrawn: 'EXPORTER_WITHDRAWN' | 'CERT_WITHDRAWN';
    signedAt?: string;
  },
): Certificate {
  const cert = trust.byKey.get(publicKeyHex);
  if (!cert || (expect.username !== undefined && cert.statement.username !== expect.username))
    return fail(
      expect.missing,
      `The ${expect.what} is signed by a key the centre has not certified${expect.username ? ` for ${expect.username}` : ''}`,
    );
  if (!EVIDENCE_ROLES.includes(cert.statement.role))
    fail(
      expect.role,
      `The ${expect.what} is signed by ${cert.statement.username}, certified as ${cert.statement.role}: that role's keys are never valid on evidence`,
    );
  const withdrawal = trust.withdrawn.get(publicKeyHex);
  if (
    withdrawal &&
    (expect.signedAt === undefined || withdrawal.statement.withdrawnAt <= expect.signedAt)
  )
    fail(
      expect.withdrawn,
      expect.signedAt === undefined
        ? `The ${expect.what} was signed by ${cert.statement.username}, whose certificate was withdrawn (${withdrawal.statement.withdrawnAt}); the export time is the exporter's own statement, so it cannot show the export came first`
        : `The ${expect.what} was signed by ${cert.statement.username} after their certificate was withdrawn (${withdrawal.statement.withdrawnAt})`,
    );
  return cert;
}

/**
 * A signature older than its key's first certificate. Either the vault is older than its centre
 * key (certificates are issued when the centre key is created, at the first admin unlock, so a
 * session sealed before that has a later certificate): then this returns a LEGACY sentence the
 * verdict shows, never a silent pass. Or the centre already existed when the key signed but had
 * not certified it (a certificate made afterwards to cover a signature): CERT_AFTER_SIGNATURE.
 * "Before the centre existed" means before the earliest certificate in the bundle: the centre
 * certifies every existing user when it is created. Returns undefined when the order is right.
 */
export function certificateTiming(
  trust: TrustedKeys,
  cert: Certificate,
  signedAt: string,
  what: Fact,
): Fact | undefined {
  const first = trust.firstIssued.get(cert.statement.publicKey) ?? cert.statement.issuedAt;
  if (first <= signedAt) return undefined;
  const centreSince = [...trust.firstIssued.values()].reduce((a, b) => (b < a ? b : a), first);
  if (signedAt < centreSince)
    return fact('legacyCertificate', {
      what,
      signedAt,
      centreSince,
      username: cert.statement.username,
      first,
    });
  return fail(
    'CERT_AFTER_SIGNATURE',
    `The ${wordFacts([what], 'en').join('')} (${signedAt}) was signed by ${cert.statement.username}'s key before the centre certified it (${first}), although the centre key already existed (${centreSince}): a certificate made afterwards to cover a signature`,
  );
}

/** The certificate whose key has this minisign key id (the exporter's, from SHA256SUMS.minisig). */
export function certificateByKeyId(
  trust: TrustedKeys,
  keyId: Uint8Array,
): { cert: Certificate; key: MinisignPublicKey } | undefined {
  for (const cert of trust.byKey.values()) {
    const publicKey = Uint8Array.from(Buffer.from(cert.statement.publicKey, 'hex'));
    const id = deriveKeyId(publicKey);
    if (toHex(id) === toHex(keyId)) return { cert, key: { keyId: id, publicKey } };
  }
  return undefined;
}

export { utf8 };

/**
 * The staff keys of a staff key list a prosecutor pinned earlier (staff-keys.txt as `hearth keys
 * staff` writes it; its minisig is checked by the caller against centre.pub): public key (hex)
 * to "role username". Lines that are not key lines (header, comments) are skipped.
 */
export function pinnedStaffKeys(listText: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const line of listText.replace(/\r\n/g, '\n').split('\n')) {
    const [keyLine, role, username] = line.split(' ');
    if (!keyLine || !role || !username || line.startsWith('#')) continue;
    try {
      out.set(toHex(parsePublicKey(keyLine).publicKey), `${role} ${username}`);
    } catch {
      // not a key line
    }
  }
  return out;
}

/**
 * PINNED STAFF WARNING sentences for each signer whose key is not in the pinned staff list: the
 * centre certified it after the prosecutor pinned the list, which is how an admin holding the
 * centre key would certify a new key for someone else's name. A warning, not a rejection: staff
 * join and re-key; the prosecutor asks the centre.
 */
export function pinnedStaffWarnings(
  pinned: Map<string, string>,
  signers: Array<{ what: 'sealing' | 'addendum' | 'exporting'; cert: Certificate }>,
): Fact[] {
  const out: Fact[] = [];
  for (const { what, cert } of signers) {
    const { publicKey, username, issuedAt } = cert.statement;
    if (pinned.has(publicKey)) continue;
    out.push(
      fact(STAFF_NOT_PINNED, {
        what: fact(`what.${what}`),
        username: visibleText(username),
        fingerprint: publicKeyFingerprint(publicKey),
        issuedAt,
      }),
    );
  }
  return out;
}

/** The fact code of a PINNED STAFF WARNING (the app shows these above the verdict's details). */
export const STAFF_NOT_PINNED = 'staffNotPinned';
