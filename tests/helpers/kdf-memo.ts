// Test-only memo for Argon2id (setupFilesAfterEnv of the unit, integration, e2e, e2e-electron
// and reliability projects). Argon2id is deterministic: the same passphrase, salt and parameters
// always give the same key. The suites unlock the vaults they create again and again (every
// unlock of a user re-derives the key of the slot that vault.create or users.create derived a
// moment before), and on a busy 2-core machine each derivation at the floor parameters takes
// seconds. The memo hands
// back a copy of the key computed the first time, so a test sees exactly the bytes libsodium
// would return, only sooner. A new salt or a wrong passphrase still runs the real Argon2id.
//
// Not memoised: the KDF's own tests (tests/unit/crypto: determinism, known answers), which must
// see libsodium every time; and an all-zero salt. That is the calibration probe (chooseArgon2Params times it, so
// a memoised probe would pick the largest memory size) and the unknown-user dummy derivation
// (key-slots.ts), whose cost is what it is for.
import sodium from 'libsodium-wrappers-sumo';

type Pwhash = typeof sodium.crypto_pwhash;

const MEMO_KEY = Symbol.for('hearth.test.kdfMemo');
const KDF_TESTS = /[\\/]tests[\\/]unit[\\/]crypto[\\/]/;

function hex(bytes: string | Uint8Array): string {
  return typeof bytes === 'string'
    ? `s:${Buffer.from(bytes, 'utf8').toString('hex')}`
    : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('hex');
}

/** Wraps sodium.crypto_pwhash once per module registry (each test file has its own). */
function install(): void {
  const lib = sodium as unknown as Record<symbol, unknown> & { crypto_pwhash: Pwhash };
  if (lib[MEMO_KEY]) return;
  const real: Pwhash = lib.crypto_pwhash.bind(sodium);
  const memo = new Map<string, Uint8Array>();
  const memoised = ((
    keyLength: number,
    password: string | Uint8Array,
    salt: Uint8Array,
    opsLimit: number,
    memLimit: number,
    algorithm: number,
    outputFormat?: unknown,
  ) => {
    // Only the plain form (raw bytes out) is memoised; anything else goes straight through.
    const kdfTest = KDF_TESTS.test(expect.getState().testPath ?? '');
    if (kdfTest || outputFormat !== undefined || salt.every((b) => b === 0)) {
      return (real as (...args: unknown[]) => unknown)(
        keyLength,
        password,
        salt,
        opsLimit,
        memLimit,
        algorithm,
        ...(outputFormat === undefined ? [] : [outputFormat]),
      );
    }
    // The key is computed before the call: callers wipe their passphrase buffer afterwards.
    const key = [keyLength, opsLimit, memLimit, algorithm, hex(salt), hex(password)].join('|');
    let derived = memo.get(key);
    if (!derived) {
      derived = real(keyLength, password, salt, opsLimit, memLimit, algorithm);
      memo.set(key, Uint8Array.from(derived));
      return derived;
    }
    // A fresh copy each time: callers wipe the keys they are given.
    return Uint8Array.from(derived);
  }) as Pwhash;
  lib.crypto_pwhash = memoised;
  lib[MEMO_KEY] = true;
}

// Registered before the test file imports anything, so this runs before src/crypto's own
// `sodium.ready.then(...)` marks the library ready: no derivation can bypass the memo.
void sodium.ready.then(install);
