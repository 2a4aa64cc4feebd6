// Issue #22, `vault check`'s floor: one Ed25519 verification per audit entry. This compares the
// verifier Hearth uses (libsodium's WASM build, src/crypto/sign.ts) with Node's own (OpenSSL,
// `crypto.verify(null, message, KeyObject, signature)` with the key object made once, as a check
// would cache it per signer) on the same signatures, interleaved round by round so that machine
// noise hits both alike, in CPU time (user + system of this process), not wall time. Before the
// timing it runs both on valid and on malformed or edge-case inputs and prints every case where
// their verdicts differ: a second verifier could only replace the first if they never differ.
// Usage: [BENCH_VERIFY=500] [BENCH_ROUNDS=16] npx tsx bench/verify-compare.ts
import { createPublicKey, verify as nativeVerify, type KeyObject } from 'node:crypto';
import { initCrypto, generateSignKeyPair, signDetached } from '../src/crypto';
import { verifiesInline } from '../src/crypto/verify-pool';

const PER_ROUND = Number(process.env.BENCH_VERIFY ?? 500);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 16);
/** DER prefix of an Ed25519 SubjectPublicKeyInfo; the 32 raw key bytes follow it. */
const SPKI_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');
/** The order of the Ed25519 base point, little-endian (RFC 8032 §5.1). */
const L = Buffer.from('edd3f55c1a631258d69cf7a2def9de1400000000000000000000000000000010', 'hex');

/** Node's key object for a raw 32-byte key, or undefined when OpenSSL refuses the encoding. */
function keyObject(publicKey: Uint8Array): KeyObject | undefined {
  if (publicKey.length !== 32) return undefined;
  try {
    return createPublicKey({
      key: Buffer.concat([SPKI_PREFIX, publicKey]),
      format: 'der',
      type: 'spki',
    });
  } catch {
    return undefined;
  }
}

/** OpenSSL's verdict with the same length rules Hearth applies before libsodium. */
function opensslVerifies(signature: Uint8Array, message: Uint8Array, key: KeyObject | undefined) {
  if (!key || signature.length !== 64) return false;
  try {
    return nativeVerify(null, message, key, signature);
  } catch {
    return false;
  }
}

/** S + L (little-endian add): the same signature with a non-canonical S, when it fits. */
function plusL(signature: Uint8Array): Uint8Array {
  const out = Uint8Array.from(signature);
  let carry = 0;
  for (let i = 0; i < 32; i++) {
    const sum = (out[32 + i] as number) + (L[i] as number) + carry;
    out[32 + i] = sum & 0xff;
    carry = sum >> 8;
  }
  return out;
}

const flip = (bytes: Uint8Array, index: number) => {
  const out = Uint8Array.from(bytes);
  out[index] = (out[index] as number) ^ 1;
  return out;
};

async function main(): Promise<void> {
  await initCrypto();
  const pair = generateSignKeyPair();
  const message = new TextEncoder().encode('audit entry: seq 42, previous MAC, digests, signer');
  const signature = signDetached(message, pair.secretKey);
  // Small-order points and non-canonical encodings (the identity, a point of order 8, y = p).
  const identity = new Uint8Array(32);
  identity[0] = 1;
  const order8 = Buffer.from(
    'c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac037a',
    'hex',
  );
  const yEqualsP = Buffer.from(
    'edffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f',
    'hex',
  );
  const smallOrderSignature = new Uint8Array(64);
  smallOrderSignature.set(identity, 0); // R = identity, S = 0
  const cases: Array<[string, Uint8Array, Uint8Array, Uint8Array]> = [
    ['valid', signature, message, pair.publicKey],
    ['message altered', signature, flip(message, 3), pair.publicKey],
    ['R altered', flip(signature, 1), message, pair.publicKey],
    ['S altered', flip(signature, 40), message, pair.publicKey],
    ['S + L (non-canonical S)', plusL(signature), message, pair.publicKey],
    ['key altered', signature, message, flip(pair.publicKey, 5)],
    ['signature 63 bytes', signature.subarray(0, 63), message, pair.publicKey],
    ['key 31 bytes', signature, message, pair.publicKey.subarray(0, 31)],
    ['identity key, R = identity, S = 0', smallOrderSignature, message, identity],
    [
      'identity key, R = identity, S = 0, other message',
      smallOrderSignature,
      flip(message, 0),
      identity,
    ],
    ['order-8 key, R = identity, S = 0', smallOrderSignature, message, order8],
    ['key y = p (non-canonical)', smallOrderSignature, message, yEqualsP],
    ['all-zero signature', new Uint8Array(64), message, pair.publicKey],
  ];
  console.log('| case | libsodium (Hearth) | OpenSSL | agree |');
  console.log('|---|---|---|---|');
  let disagreements = 0;
  for (const [name, sig, msg, key] of cases) {
    const a = verifiesInline({ signature: sig, message: msg, publicKey: key });
    const b = opensslVerifies(sig, msg, keyObject(key));
    if (a !== b) disagreements++;
    console.log(`| ${name} | ${a} | ${b} | ${a === b ? 'yes' : '**NO**'} |`);
  }

  // Timing: PER_ROUND distinct 200-byte messages (about an audit entry's signed message).
  const messages: Uint8Array[] = [];
  const signatures: Uint8Array[] = [];
  for (let i = 0; i < PER_ROUND; i++) {
    const m = new Uint8Array(200);
    m.set(new TextEncoder().encode(`entry ${i}`));
    messages.push(m);
    signatures.push(signDetached(m, pair.secretKey));
  }
  const key = keyObject(pair.publicKey);
  const cpuUs = () => {
    const u = process.cpuUsage();
    return u.user + u.system;
  };
  const sodiumUs: number[] = [];
  const opensslUs: number[] = [];
  let accepted = 0;
  for (let round = 0; round < ROUNDS; round++) {
    let t = cpuUs();
    for (let i = 0; i < PER_ROUND; i++)
      if (
        verifiesInline({
          signature: signatures[i] as Uint8Array,
          message: messages[i] as Uint8Array,
          publicKey: pair.publicKey,
        })
      )
        accepted++;
    sodiumUs.push((cpuUs() - t) / PER_ROUND);
    t = cpuUs();
    for (let i = 0; i < PER_ROUND; i++)
      if (opensslVerifies(signatures[i] as Uint8Array, messages[i] as Uint8Array, key)) accepted++;
    opensslUs.push((cpuUs() - t) / PER_ROUND);
  }
  const median = (xs: number[]) => [...xs].sort((x, y) => x - y)[xs.length >> 1] as number;
  console.log(
    `\n${PER_ROUND * ROUNDS} verifications each, ${ROUNDS} interleaved rounds; accepted ${accepted} of ${2 * PER_ROUND * ROUNDS}; disagreements on the cases above: ${disagreements}`,
  );
  console.log('| verifier | CPU µs per verification, median of rounds | min | max |');
  console.log('|---|---:|---:|---:|');
  for (const [name, xs] of [
    ['libsodium WASM (Hearth)', sodiumUs],
    ['OpenSSL (node:crypto)', opensslUs],
  ] as const)
    console.log(
      `| ${name} | ${median(xs).toFixed(1)} | ${Math.min(...xs).toFixed(1)} | ${Math.max(...xs).toFixed(1)} |`,
    );
}

void main();
