// The worker pool must accept exactly the signatures verifyDetached accepts (the same libsodium
// call, on another thread), in submission order, whatever the batch size; and when no worker is
// asked for, verify on this thread. Edge cases: every byte class a forger controls.
import {
  createVerifyPool,
  generateSignKeyPair,
  initCrypto,
  randomBytes,
  signDetached,
  verifiesInline,
  type VerifyJob,
} from '../../../src/crypto';

jest.setTimeout(120_000);

/** The group order L of Ed25519, little-endian (RFC 8032 §5.1). */
const L = Uint8Array.from(
  Buffer.from('edd3f55c1a631258d69cf7a2def9de1400000000000000000000000000000010', 'hex'),
);

/** s + L as 32 little-endian bytes: the same scalar mod L, a non-canonical encoding. */
function addL(s: Uint8Array): Uint8Array {
  const out = new Uint8Array(32);
  let carry = 0;
  for (let i = 0; i < 32; i++) {
    const sum = (s[i] as number) + (L[i] as number) + carry;
    out[i] = sum & 0xff;
    carry = sum >> 8;
  }
  return out;
}

function flip(bytes: Uint8Array, index: number): Uint8Array {
  const copy = Uint8Array.from(bytes);
  copy[index] = (copy[index] as number) ^ 1;
  return copy;
}

function cases(): Array<{ name: string; job: VerifyJob; valid: boolean }> {
  const key = generateSignKeyPair();
  const message = randomBytes(180);
  const signature = signDetached(message, key.secretKey);
  const job = (over: Partial<VerifyJob>): VerifyJob => ({
    signature,
    message,
    publicKey: key.publicKey,
    ...over,
  });
  // The identity point (small order) as a public key, and as R with S = 0: it satisfies the
  // verification equation for any message under a small-order key; libsodium refuses both.
  const identity = new Uint8Array(32);
  identity[0] = 1;
  const smallOrderForgery = new Uint8Array(64);
  smallOrderForgery.set(identity, 0);
  const nonCanonicalS = new Uint8Array(64);
  nonCanonicalS.set(signature.subarray(0, 32), 0);
  nonCanonicalS.set(addL(signature.subarray(32)), 32);
  return [
    { name: 'valid', job: job({}), valid: true },
    {
      name: 'valid, empty message',
      job: job({
        message: new Uint8Array(0),
        signature: signDetached(new Uint8Array(0), key.secretKey),
      }),
      valid: true,
    },
    { name: 'R bit flipped', job: job({ signature: flip(signature, 3) }), valid: false },
    { name: 'S bit flipped', job: job({ signature: flip(signature, 40) }), valid: false },
    { name: 'message bit flipped', job: job({ message: flip(message, 0) }), valid: false },
    { name: 'other key', job: job({ publicKey: generateSignKeyPair().publicKey }), valid: false },
    { name: 'S + L (non-canonical S)', job: job({ signature: nonCanonicalS }), valid: false },
    {
      name: 'small-order key, identity R, S = 0',
      job: job({ publicKey: identity, signature: smallOrderForgery }),
      valid: false,
    },
    { name: 'all-zero signature', job: job({ signature: new Uint8Array(64) }), valid: false },
    { name: 'all-zero key', job: job({ publicKey: new Uint8Array(32) }), valid: false },
    {
      name: 'key bytes 0xff (not a point)',
      job: job({ publicKey: new Uint8Array(32).fill(0xff) }),
      valid: false,
    },
    {
      name: 'signature 63 bytes',
      job: job({ signature: signature.subarray(0, 63) }),
      valid: false,
    },
    {
      name: 'signature 65 bytes',
      job: job({ signature: Uint8Array.from([...signature, 0]) }),
      valid: false,
    },
    { name: 'key 31 bytes', job: job({ publicKey: key.publicKey.subarray(0, 31) }), valid: false },
    { name: 'empty signature', job: job({ signature: new Uint8Array(0) }), valid: false },
  ];
}

beforeAll(initCrypto);

test('inline verification accepts only the valid signatures', () => {
  for (const c of cases()) expect([c.name, verifiesInline(c.job)]).toEqual([c.name, c.valid]);
});

test.each([
  { workers: 1, batchSize: 1 },
  { workers: 1, batchSize: 4 },
  { workers: 2, batchSize: 3 },
  { workers: 2, batchSize: 512 },
  { workers: 0, batchSize: 4 },
])(
  'a pool of $workers worker(s), batches of $batchSize, gives the inline verdict for every case, in order',
  ({ workers, batchSize }) => {
    const all = [...cases(), ...cases(), ...cases()];
    const pool = createVerifyPool({ workers, batchSize });
    try {
      expect(pool.workers).toBe(workers);
      const tickets = all.map((c) => pool.submit(c.job));
      expect(tickets).toEqual(all.map((_, i) => i));
      const verdicts = tickets.map((t) => pool.verdict(t));
      expect(verdicts).toEqual(all.map((c) => verifiesInline(c.job)));
      expect(verdicts).toEqual(all.map((c) => c.valid));
    } finally {
      pool.close();
    }
  },
);

test('an inline pool asks for no read-ahead and answers each job as soon as it is submitted (perf25: the walk keeps no entries waiting)', () => {
  const pool = createVerifyPool({ workers: 0 });
  try {
    expect(pool.readAhead).toBe(0);
    const got = cases().map((c) => pool.verdict(pool.submit(c.job)));
    expect(got).toEqual(cases().map((c) => c.valid));
  } finally {
    pool.close();
  }
  const threaded = createVerifyPool({ workers: 1, batchSize: 8 });
  try {
    expect(threaded.readAhead).toBe(16);
  } finally {
    threaded.close();
  }
});

test('verdicts can be read while jobs are still being submitted, and a ticket read twice gives the same answer', () => {
  const all = [...cases(), ...cases()];
  const pool = createVerifyPool({ workers: 1, batchSize: 5 });
  try {
    const got: boolean[] = [];
    let next = 0;
    all.forEach((c, i) => {
      pool.submit(c.job);
      if (i % 3 === 2) {
        for (; next <= i - 2; next++) got.push(pool.verdict(next));
        expect(pool.verdict(next - 1)).toBe(got[next - 1]);
      }
    });
    for (; next < all.length; next++) got.push(pool.verdict(next));
    expect(got).toEqual(all.map((c) => c.valid));
    expect(() => pool.verdict(all.length)).toThrow(RangeError);
  } finally {
    pool.close();
  }
});

test('a worker that cannot load libsodium answers with the error and the pool verifies those batches here: same verdicts', () => {
  const all = [...cases(), ...cases()];
  const pool = createVerifyPool({
    workers: 1,
    batchSize: 4,
    sodiumPath: '/nonexistent/libsodium-wrappers-sumo.js',
  });
  try {
    const tickets = all.map((c) => pool.submit(c.job));
    expect(tickets.map((t) => pool.verdict(t))).toEqual(all.map((c) => c.valid));
  } finally {
    pool.close();
  }
});
