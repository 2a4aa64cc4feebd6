// Names in the sealed chain are committed to, never carried (security session 16). The sealed
// `session-started` event lists its observers and an `observer-suggestion` names who suggested
// it; a bundle shows every chained event exactly as chained (the verifier recomputes the head from
// it), so a name inside a chained event reached every bundle, even one exported with observer
// names left out. Since this change the chained event holds a salted digest of the name instead:
//
//   nameCommitment = hex SHA-256( UTF-8 "hearth.name.v1" LF salt LF name )
//
// where `salt` is 32 random bytes as 64 lower-case hex characters, chosen afresh for every name
// written, and `name` is the name in Unicode NFC. The name and its salt live in an encrypted side
// record of the session (session-names.ts), written in the same transaction as the event. An
// export with names chosen discloses { commitment, name, salt } so the verifier recomputes the
// digest (stock tools can too: `printf 'hearth.name.v1\n%s\n%s' SALT NAME | sha256sum`); with
// names left out it discloses neither, and the chain still verifies from the digest alone. The
// salt makes the digest hiding: without it, guessing the name from a list of officers' names
// would be a dictionary attack on an unsalted hash. Hearth's own design.
import { randomBytes, sha256 } from '../crypto';
import { toHex } from '../vault';

/** The label of the commitment scheme, the first line of the hashed text. */
export const NAME_COMMITMENT_SCHEME = 'hearth.name.v1';
/** Salt length in bytes (hex-encoded: twice as many characters). */
export const NAME_SALT_BYTES = 32;

/** One committed name, as the side record holds it and a names-on export discloses it. */
export interface NameDisclosure {
  /** hex SHA-256, as in the chained event (`nameCommitment`). */
  commitment: string;
  /** The name, NFC. */
  name: string;
  /** 64 lower-case hex characters. */
  salt: string;
}

const HEX_64 = /^[0-9a-f]{64}$/;

/** The commitment to `name` under `saltHex` (see the header for the exact bytes). */
export function nameCommitment(name: string, saltHex: string): string {
  return toHex(sha256(`${NAME_COMMITMENT_SCHEME}\n${saltHex}\n${name.normalize('NFC')}`));
}

/** A fresh commitment to `name` (trimmed by the caller; stored in NFC) with a new random salt. */
export function commitName(name: string): NameDisclosure {
  const normalised = name.normalize('NFC');
  const salt = toHex(randomBytes(NAME_SALT_BYTES));
  return { commitment: nameCommitment(normalised, salt), name: normalised, salt };
}

/**
 * True when `d` is well formed and its name and salt hash to its commitment: what the verifier
 * checks for every disclosed name, and what the host checks for a disclosure another device sent.
 */
export function disclosureMatches(d: NameDisclosure): boolean {
  return (
    HEX_64.test(d.salt) &&
    HEX_64.test(d.commitment) &&
    d.name === d.name.normalize('NFC') &&
    nameCommitment(d.name, d.salt) === d.commitment
  );
}

/** Every name commitment a chained event holds, in the event's order (none for most events). */
export function commitmentsOf(event: {
  type: string;
  observers?: unknown;
  nameCommitment?: unknown;
}): string[] {
  const out: string[] = [];
  if (event.type === 'session-started' && Array.isArray(event.observers))
    for (const o of event.observers as Array<{ nameCommitment?: unknown }>)
      if (typeof o?.nameCommitment === 'string') out.push(o.nameCommitment);
  if (
    (event.type === 'observer-suggestion' || event.type === 'observer-joined') &&
    typeof event.nameCommitment === 'string'
  )
    out.push(event.nameCommitment);
  return out;
}

/**
 * True when a chained event carries a person's name in the clear: sessions sealed before name
 * commitments (their bundles still carry those names, whatever the export chose).
 */
export function carriesClearName(event: {
  type: string;
  observers?: unknown;
  name?: unknown;
}): boolean {
  if (event.type === 'session-started' && Array.isArray(event.observers))
    return (event.observers as Array<{ name?: unknown }>).some((o) => typeof o?.name === 'string');
  return event.type === 'observer-suggestion' && typeof event.name === 'string';
}
