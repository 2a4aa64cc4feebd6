// CERT_AFTER_SIGNATURE (security red team, finding 3): a signature older than its key's first
// certificate is rejected when the centre key already existed (a certificate made afterwards to
// cover a signature), and shown as an explicit LEGACY sentence when the signature predates the
// centre key itself (sessions sealed before a vault's first admin unlock).
import { BundleError } from '../../../src/export/errors';
import { certificateTiming, type TrustedKeys } from '../../../src/export/trust';
import { fact } from '../../../src/export/verify-facts';
import { wordFacts } from '../../../src/export/verify-words';
import type { Certificate } from '../../../src/vault';

const T0 = '2026-01-01T00:00:00.000Z'; // centre created: every existing user certified
const T1 = '2026-02-01T00:00:00.000Z';
const T2 = '2026-03-01T00:00:00.000Z';

function cert(username: string, publicKey: string, issuedAt: string): Certificate {
  return { statement: { username, publicKey, issuedAt } } as unknown as Certificate;
}

function trust(first: Record<string, string>): TrustedKeys {
  return { firstIssued: new Map(Object.entries(first)) } as unknown as TrustedKeys;
}

test('a seal signed after its certificate: no remark', () => {
  expect(
    certificateTiming(trust({ a: T0 }), cert('ivan', 'a', T0), T1, fact('what.seal')),
  ).toBeUndefined();
});

test('a seal older than the centre key itself: an explicit LEGACY sentence, not a silent pass', () => {
  const sentence = certificateTiming(
    trust({ a: T1, b: T1 }),
    cert('ivan', 'a', T1),
    T0,
    fact('what.seal'),
  );
  const [en] = wordFacts([sentence!], 'en');
  expect(en).toMatch(/^LEGACY: certificate issued after the seal. The seal \(/);
  expect(en).toContain('ivan');
  // The same fact in Spanish: the words change, the values do not.
  const [es] = wordFacts([sentence!], 'es');
  expect(es).toMatch(
    /^ANTERIOR A LA CLAVE DEL CENTRO: el certificado se emitió después de la firma \(sellado\)/,
  );
  expect(es).toContain('ivan');
});

test('a key certified after it sealed, while the centre already existed: CERT_AFTER_SIGNATURE', () => {
  let caught: unknown;
  try {
    certificateTiming(
      trust({ admin: T0, fresh: T2 }),
      cert('ivan', 'fresh', T2),
      T1,
      fact('what.seal'),
    );
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(BundleError);
  expect((caught as BundleError).failure).toBe('CERT_AFTER_SIGNATURE');
});
