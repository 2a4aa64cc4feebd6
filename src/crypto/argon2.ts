// Passphrase → key with Argon2id (crypto_pwhash). The parameters are stored beside each key slot,
// so they are attacker-controlled on a stolen disk: they are checked against a floor (weak
// parameters would make offline guessing cheap) and a ceiling (huge ones would hang or exhaust
// memory) before any derivation starts.
import { CryptoError } from './errors';
import { expectLength, lib } from './sodium';

const MiB = 1024 * 1024;

export interface Argon2Params {
  opsLimit: number;
  memLimitBytes: number;
}

export const ARGON2_LIMITS = {
  opsMin: 3,
  opsMax: 10,
  memMinBytes: 64 * MiB,
  memMaxBytes: 1024 * MiB,
  /**
   * Cap on opsLimit × memory (in MiB): the cost of one derivation grows with both, and stored
   * parameters at this cap take about 3.5 s here (3 passes over 256 MiB take about 1.2 s), so a
   * slot edited to ops 10 with 1 GiB (32 s per attempt) is refused before any work is done.
   */
  workMaxOpsMiB: 3 * 768,
} as const;

/** Memory sizes tried at vault creation, largest first. */
export const ARGON2_MEMORY_CHOICES = [256 * MiB, 128 * MiB, 64 * MiB] as const;
export const ARGON2_OPS = 3;
export const ARGON2_SALT_BYTES = 16;

export function assertArgon2Params(params: Argon2Params): void {
  const { opsLimit, memLimitBytes } = params;
  const inRange =
    Number.isSafeInteger(opsLimit) &&
    Number.isSafeInteger(memLimitBytes) &&
    opsLimit >= ARGON2_LIMITS.opsMin &&
    opsLimit <= ARGON2_LIMITS.opsMax &&
    memLimitBytes >= ARGON2_LIMITS.memMinBytes &&
    memLimitBytes <= ARGON2_LIMITS.memMaxBytes &&
    opsLimit * (memLimitBytes / MiB) <= ARGON2_LIMITS.workMaxOpsMiB;
  if (!inRange) {
    throw new CryptoError(
      'KDF_PARAMS_OUT_OF_RANGE',
      `Stored Argon2id parameters are outside the allowed range (ops ${ARGON2_LIMITS.opsMin}-${ARGON2_LIMITS.opsMax}, memory 64 MiB-1 GiB, ops × MiB at most ${ARGON2_LIMITS.workMaxOpsMiB})`,
    );
  }
}

/** Derives a 32-byte key. passphrase: a JS string, UTF-8 encoded; salt: 16 bytes. */
export function deriveKeyFromPassphrase(
  passphrase: string,
  salt: Uint8Array,
  params: Argon2Params,
): Uint8Array {
  assertArgon2Params(params);
  expectLength('salt', salt, ARGON2_SALT_BYTES);
  const s = lib();
  const secret = new TextEncoder().encode(passphrase.normalize('NFC'));
  try {
    return s.crypto_pwhash(
      32,
      secret,
      salt,
      params.opsLimit,
      params.memLimitBytes,
      s.crypto_pwhash_ALG_ARGON2ID13,
    );
  } finally {
    s.memzero(secret);
  }
}

/**
 * Picks the largest memory size from ARGON2_MEMORY_CHOICES whose derivation is expected to take
 * about `budgetMs` on this machine, from one timed run at the smallest size (cost is close to
 * linear in memory). The floor (64 MiB) is always allowed, however slow the machine.
 */
export function chooseArgon2Params(
  budgetMs = 1000,
  now: () => number = () => performance.now(),
): Argon2Params {
  const smallest = ARGON2_MEMORY_CHOICES[ARGON2_MEMORY_CHOICES.length - 1] as number;
  const probeSalt = new Uint8Array(ARGON2_SALT_BYTES);
  const start = now();
  deriveKeyFromPassphrase('calibration', probeSalt, {
    opsLimit: ARGON2_OPS,
    memLimitBytes: smallest,
  });
  const msPerByte = (now() - start) / smallest;
  // Allow 25% over budget: "about 1 s" rather than a hard cut that flips with machine noise.
  const chosen =
    ARGON2_MEMORY_CHOICES.find((mem) => mem * msPerByte <= budgetMs * 1.25) ?? smallest;
  return { opsLimit: ARGON2_OPS, memLimitBytes: chosen };
}

/**
 * Checks a passphrase against an encoded Argon2id string ("$argon2id$v=19$..."). Used for the
 * known-answer test against the reference implementation's published vector.
 */
export function verifyArgon2idEncoded(encoded: string, passphrase: string): void {
  if (!lib().crypto_pwhash_str_verify(encoded, passphrase)) {
    throw new CryptoError('DECRYPT_FAILED', 'Passphrase does not match the encoded Argon2id hash');
  }
}
