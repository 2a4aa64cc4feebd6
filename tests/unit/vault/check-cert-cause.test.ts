// The collapse of findings under a deleted certificate row (sec61, R26-3 follow-on): only what
// names an entry the key signed, a record such an entry wrote, or the row itself is counted
// under the cause; anything else stays listed. (The whole check: r26-certificate-row-deleted.)
import { DeletedCertificateCauses, type CausedFinding } from '../../../src/vault/check-cert-cause';

const KEY = 'ab'.repeat(32);
const OTHER = 'cd'.repeat(32);
const ROW = `certificate:${KEY}`;

function causes(): DeletedCertificateCauses {
  const c = new DeletedCertificateCauses(new Map([[KEY, ROW]]));
  c.noteEntries(
    new Map([
      [
        18,
        {
          refs: [
            { id: 'case_1', seq: 1, hash: 'h' },
            { id: 'case-order:000000', seq: 1, hash: 'h' },
          ],
        },
      ],
      [19, { refs: [] }],
      [30, { refs: [{ id: 'case_2', seq: 1, hash: 'h' }] }],
    ]),
    (seq) => (seq === 30 ? OTHER : KEY),
  );
  return c;
}

test('what follows from the row is diverted; what names anything else is not', () => {
  const c = causes();
  const diverted: CausedFinding[] = [
    {
      kind: 'audit',
      id: '18',
      code: 'AUDIT_SIGNER_UNCERTIFIED_UNATTRIBUTED',
      values: { entry: 18 },
    },
    { kind: 'audit', id: '19', code: 'AUDIT_AUTHOR_NOT_ALLOWED', values: { entry: 19 } },
    { kind: 'record', id: 'case_1', code: 'RECORD_NOT_AUDITED' },
    { kind: 'record', id: 'case-order:000000', code: 'RECORD_NOT_AUDITED' },
    { kind: 'role', id: 'allegation:x@1', code: 'ALLEGATION_CERT_REBOUND', values: { bound: 18 } },
    { kind: 'record', id: ROW, code: 'RECORD_MISSING', values: { entry: 14 } },
  ];
  const kept: CausedFinding[] = [
    { kind: 'certificate', id: 'user:ivan', code: 'CERTIFICATE_MISSING', values: { row: ROW } },
    {
      kind: 'audit',
      id: '30',
      code: 'AUDIT_SIGNER_UNCERTIFIED_UNATTRIBUTED',
      values: { entry: 30 },
    },
    { kind: 'record', id: 'case_2', code: 'RECORD_NOT_AUDITED' },
    { kind: 'record', id: 'case_9', code: 'RECORD_MISSING', values: { entry: 20 } },
    { kind: 'rollback', id: 'audit:21', code: 'ANCHOR_MISSING' },
  ];
  expect(diverted.filter((f) => !c.divert(f))).toEqual([]);
  expect(kept.filter((f) => c.divert(f))).toEqual([]);
  const cause = { ...kept[0]!, detail: 'their certificate row was deleted' };
  c.annotate([cause]);
  expect(cause.values).toEqual({ row: ROW, dependent: diverted.length });
  expect(cause.detail).toContain('6 other findings');
});

test('without a deleted row nothing is diverted', () => {
  const c = new DeletedCertificateCauses();
  expect(c.active).toBe(false);
  expect(c.divert({ kind: 'audit', id: '18', values: { entry: 18 } })).toBe(false);
});

test('a cause that counted findings but is not listed is named, never dropped', () => {
  const c = causes();
  expect(c.divert({ kind: 'audit', id: '18', values: { entry: 18 } })).toBe(true);
  const named = c.unlisted([]);
  expect(named.map((f) => [f.code, f.values?.row])).toEqual([['CERTIFICATE_MISSING', ROW]]);
  expect(
    c.unlisted([
      { kind: 'certificate', id: 'user:x', code: 'CERTIFICATE_MISSING', values: { row: ROW } },
    ]),
  ).toEqual([]);
});
