// The shape of a key_certs row (red team 25, R25-3 and R25-4). The table is not STRICT: whoever
// holds the file (no key needed) can put TEXT, a number, NULL (after editing the table's SQL) or
// bytes of another length where a commitment, signer or signature belongs, and the CHECKs on
// length count a TEXT's characters. One such row made the typed read (`blob`) throw wherever a
// certificate was read: every sign-in that looked the key up, the admins' sign-in through the
// legacy-certificate scan, and three passes of `vault check`. A row of the wrong shape is now a
// certificate that does not hold (its key version is unused, as with a bad signature), named by
// `vault check` (KEY_CERT_MALFORMED: the key, the column, what it holds) and by the sign-in it
// stops (reason KEY_CERT_MALFORMED). Names and types only, never a value.
import type { Database } from 'better-sqlite3';
import { statement } from './db';
import { fromUtf8 } from './encoding';
import { HearthError } from './errors';

/** One column of a key_certs row that does not hold what Hearth writes. */
export interface CertRowFault {
  column: 'key_id' | 'kind' | 'commitment' | 'signer' | 'signature';
  /** What it holds, in words: "text", "a whole number", "NULL", "20 bytes", ... */
  holds: string;
  /** What belongs there, in words. */
  belongs: string;
}

/** Byte lengths of the blob columns (migration 0010). */
const BLOB_LENGTHS = { commitment: 32, signer: 32, signature: 64 } as const;

/** A value's storage type in words, as better-sqlite3 returns it. */
function describe(value: unknown): string {
  if (value === null || value === undefined) return 'NULL';
  if (value instanceof Uint8Array) return `${value.byteLength} bytes`;
  if (typeof value === 'bigint') return 'a whole number';
  if (typeof value === 'number') return Number.isInteger(value) ? 'a whole number' : 'a real number';
  return 'text';
}

/**
 * What is wrong with a key_certs row as read (every column of the table): none for a row of the
 * shape Hearth writes. Cost: five type tests.
 */
export function certRowFaults(row: {
  key_id: unknown;
  kind: unknown;
  commitment: unknown;
  signer: unknown;
  signature: unknown;
}): CertRowFault[] {
  const faults: CertRowFault[] = [];
  if (typeof row.key_id !== 'string')
    faults.push({ column: 'key_id', holds: describe(row.key_id), belongs: 'text (a key id)' });
  if (row.kind !== 'secret' && row.kind !== 'public')
    faults.push({
      column: 'kind',
      holds: typeof row.kind === 'string' ? 'other text' : describe(row.kind),
      belongs: "the text 'secret' or 'public'",
    });
  for (const [column, length] of Object.entries(BLOB_LENGTHS) as Array<
    [keyof typeof BLOB_LENGTHS, number]
  >) {
    const value: unknown = row[column];
    if (!(value instanceof Uint8Array) || value.byteLength !== length)
      faults.push({ column, holds: describe(value), belongs: `${length} bytes` });
  }
  return faults;
}

/** The faults in words: "commitment holds text, not 32 bytes; ...". */
export function describeFaults(faults: readonly CertRowFault[]): string {
  return faults.map((f) => `${f.column} holds ${f.holds}, not ${f.belongs}`).join('; ');
}

/** An SQL condition true for every key_certs row `certRowFaults` faults (and only those). */
const MALFORMED_SQL = `typeof(key_id) != 'text' OR typeof(kind) != 'text' OR kind NOT IN ('secret', 'public')
  OR typeof(commitment) != 'blob' OR length(commitment) != 32
  OR typeof(signer) != 'blob' OR length(signer) != 32
  OR typeof(signature) != 'blob' OR length(signature) != 64`;

/** Every key_certs row of the wrong shape, with its faults (for vault check and sign-in). */
export function malformedCertRows(
  db: Database,
): Array<{ keyId: string; faults: CertRowFault[] }> {
  return (
    statement(
      db,
      `SELECT key_id, kind, commitment, signer, signature FROM key_certs WHERE ${MALFORMED_SQL}`,
    ).all() as Array<Parameters<typeof certRowFaults>[0]>
  ).map((row) => ({ keyId: keyIdText(row.key_id), faults: certRowFaults(row) }));
}

/** A key id as shown in a finding: the text, or a stand-in for another type (no bytes shown). */
function keyIdText(id: unknown): string {
  // Bytes where the id's text belongs: the key they spell, if they spell one, else their length.
  const text = id instanceof Uint8Array ? utf8OrUndefined(id) : id;
  if (typeof text !== 'string') return `(${describe(id)})`;
  return text.length > SHOWN ? `${text.slice(0, SHOWN)}…` : text;
}

function utf8OrUndefined(bytes: Uint8Array): string | undefined {
  try {
    return fromUtf8(bytes);
  } catch {
    return undefined;
  }
}

/** Longest key id text of an attacker's row repeated in a finding. */
const SHOWN = 80;

/**
 * The refusal for a sign-in that failed because a certificate it needs is malformed, or undefined
 * when none is (the failure is then told as it was). Needed: the user's own key version, every key
 * version wrapped for it (their role's class keys, allegation keys revealed to them) and the
 * newest audit key (every sign-in seals its epoch key to it). Read only on a failed sign-in: one
 * scan of key_certs' malformed rows and of the user's wraps by the holder index.
 */
export function certDamageAtSignIn(db: Database, userKeyId: string): HearthError | undefined {
  const damaged = malformedCertRows(db);
  if (damaged.length === 0) return undefined;
  const needed = new Set<string>([userKeyId]);
  for (const { id } of statement(
    db,
    "SELECT logical || '@' || version AS id FROM key_wraps WHERE holder = ?",
  ).all(userKeyId) as Array<{ id: string }>)
    needed.add(id);
  const audit = statement(
    db,
    "SELECT max(CAST(substr(key_id, 13) AS INTEGER)) AS v FROM public_keys WHERE key_id GLOB 'class:audit@[1-9]*'",
  ).get() as { v: number | null };
  if (audit.v !== null) needed.add(`class:audit@${audit.v}`);
  const hit = damaged.find((row) => needed.has(row.keyId));
  if (!hit) return undefined;
  return new HearthError(
    'TAMPERED',
    `Signing in needs the key ${hit.keyId}, whose certificate row in the vault file is damaged (${describeFaults(hit.faults)}): it was changed outside Hearth, so Hearth cannot tell the key is genuine and does not use it. Nothing was changed. Ask an admin to run a vault check (hearth vault check), which names the row, and to restore the newest backup (hearth vault restore); if admins are refused too, restore it with the passphrase of an admin of that backup (hearth vault restore --vault DIR --from FILE --replace).`,
    { reason: 'KEY_CERT_MALFORMED' },
  );
}
