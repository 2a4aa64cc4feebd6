// Length hiding (R11-6): Padmé sizes, and a pad removed only when it is exactly what pad() wrote.
import { CryptoError, pad, paddedLength, padmeLength, unpad } from '../../../src/crypto';

const bytes = (n: number, fill = 0x61) => new Uint8Array(n).fill(fill);

test('Padmé keeps only the top bits of a length and costs at most 12 %', () => {
  // Values from the definition (Nikitin et al. 2019): 9 -> 10, 100 -> 104, 1000 -> 1024.
  expect([0, 1, 2, 9, 100, 1000, 1025].map(padmeLength)).toEqual([0, 1, 2, 10, 104, 1024, 1088]);
  let shortest = Infinity;
  let worst = 0;
  for (let n = 2; n < 5000; n++) {
    shortest = Math.min(shortest, padmeLength(n) - n);
    worst = Math.max(worst, (padmeLength(n) - n) / n);
  }
  expect(shortest).toBe(0);
  expect(worst).toBeGreaterThan(0.05);
  expect(worst).toBeLessThanOrEqual(0.12);
  expect(() => padmeLength(-1)).toThrow(CryptoError);
});

test('every content up to the floor pads to the floor; above it to its Padmé length', () => {
  expect(pad(bytes(3), 512)).toHaveLength(512);
  expect(pad(bytes(400), 512)).toHaveLength(512);
  expect(pad(bytes(511), 512)).toHaveLength(512);
  expect(pad(bytes(512), 512)).toHaveLength(paddedLength(512, 512));
  expect(paddedLength(512, 512)).toBeGreaterThan(512);
  for (const n of [0, 1, 77, 511, 900])
    expect(Array.from(unpad(pad(bytes(n, 0x00), 512), 512))).toEqual(Array.from(bytes(n, 0x00)));
});

test('a pad cut short, lengthened, altered or unmarked is refused', () => {
  const padded = pad(bytes(20), 64);
  const refused = (p: Uint8Array) => expect(() => unpad(p, 64)).toThrow(CryptoError);
  refused(padded.subarray(0, 63)); // truncated
  refused(Uint8Array.from([...padded, 0])); // extended
  const altered = Uint8Array.from(padded);
  altered[40] = 1;
  refused(altered);
  const unmarked = Uint8Array.from(padded);
  unmarked[20] = 0;
  refused(unmarked);
  refused(new Uint8Array(64)); // all zeros
  refused(padded.subarray(0, 21)); // the mark with no pad to the floor: not what pad() makes
  expect(() => unpad(padded, 32)).toThrow(CryptoError); // read with another floor
});
