// startFromProof refuses impossible starts (red team round 7, R7-1d): a backup whose start of
// signed audit lies beyond its own audit log was altered, and must not be committed for good.
import { startFromProof } from '../../../src/vault/audit-start-proof';

const MAC = 'ab'.repeat(32);
const macAt = (seq: number) => (seq <= 20 ? MAC : undefined);

test('a start beyond the backup head + 1 is refused (START_IMPOSSIBLE); head + 1 is taken', () => {
  const proof = (auditSignedFrom: number) => ({
    head: { seq: 14, mac: MAC },
    auditSignedFrom,
    beforeUpgrade: false,
  });
  let refused: unknown;
  try {
    startFromProof(proof(1_000_000_000), 15, macAt);
  } catch (error) {
    refused = error;
  }
  expect(refused).toMatchObject({ code: 'CONFLICT', details: { reason: 'START_IMPOSSIBLE' } });
  expect(() => startFromProof(proof(16), 15, macAt)).toThrow(/impossible/);
  expect(startFromProof(proof(15), 15, macAt)).toBe(15);
  // Above a column an insider lowered (R6-2) is possible and taken from the backup.
  expect(startFromProof(proof(15), 1, macAt)).toBe(15);
});
