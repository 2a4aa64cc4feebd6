// Red team round 6, R6-3: two different centre-signed staff lists with the same number (a restore
// or a whole-file rollback resets the count). Before the fix the order of --staff decided the
// verdict; now the set is refused, naming both lists. Signatures are checked before this step
// (trust.ts); the lists here are plain text in the format signStaffKeyList renders.
import { encodePublicKey, deriveKeyId, generateSignKeyPair, initCrypto } from '../../../src/crypto';
import { BundleError } from '../../../src/export/errors';
import { staffListsToUse } from '../../../src/export/identity';

beforeAll(async () => {
  await initCrypto();
});

function keyLine(): string {
  const { publicKey } = generateSignKeyPair();
  return encodePublicKey({ keyId: deriveKeyId(publicKey), publicKey }).split('\n')[1] as string;
}

function list(number: number, issuedAt: string, lines: string[]): string {
  return [
    '# Hearth staff key list',
    `issued ${issuedAt} by admin`,
    `list number ${number}`,
    ...lines,
    '',
  ].join('\n');
}

test('two different lists with one number are refused in either order, both named', () => {
  const ivan = `${keyLine()} interviewer ivan`;
  const admin = `${keyLine()} admin admin`;
  const a = list(4, '2026-11-01T10:00:00.000Z', [admin, ivan]);
  const b = list(4, '2026-11-20T10:00:00.000Z', [admin]);
  for (const [first, second] of [
    [a, b],
    [b, a],
  ] as const) {
    let caught: unknown;
    try {
      staffListsToUse([first, second], first);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(BundleError);
    expect((caught as BundleError).failure).toBe('STAFF_LIST_CONFLICT');
    expect((caught as BundleError).message).toMatch(/both numbered 4/);
    expect((caught as BundleError).message).toMatch(/2026-11-01T10:00:00\.000Z/);
    expect((caught as BundleError).message).toMatch(/2026-11-20T10:00:00\.000Z/);
  }
  // The bundle's own list against a pinned one: the same conflict.
  expect(() => staffListsToUse([a], b)).toThrow(/both numbered 4/);
});

test('the same list given twice, or in CRLF form, is no conflict; a higher number still wins', () => {
  const ivan = `${keyLine()} interviewer ivan`;
  const a = list(4, '2026-11-01T10:00:00.000Z', [ivan]);
  const c = list(5, '2026-11-21T10:00:00.000Z', []);
  expect(staffListsToUse([a, a.replace(/\n/g, '\r\n')], a)).toEqual({
    pinned: { source: 'pinned', text: a },
  });
  expect(staffListsToUse([a, c], a).pinned.text).toBe(c);
  expect(staffListsToUse([c, a], a).pinned.text).toBe(c);
});
