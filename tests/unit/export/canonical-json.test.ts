import { canonicalJson } from '../../../src/export/canonical-json';

test('sorts keys, drops undefined properties, has no whitespace and normalises to NFC', () => {
  const decomposed = 'Begon\u0303a'; // n + combining tilde
  expect(
    canonicalJson({ b: 1, a: [true, null, 'x'], c: undefined, d: { z: decomposed, y: -0.5 } }),
  ).toBe('{"a":[true,null,"x"],"b":1,"d":{"y":-0.5,"z":"Begoña"}}');
});

test('refuses values JSON cannot hold faithfully', () => {
  expect(() => canonicalJson({ n: Number.NaN })).toThrow();
  expect(() => canonicalJson([undefined])).toThrow();
  expect(() => canonicalJson({ f: () => 1 })).toThrow();
});
