import { canonicalTuple } from '../../src/vault/encoding';

test('canonical tuples are unambiguous: moving a separator changes the bytes', () => {
  expect(canonicalTuple('a,b', 'c')).not.toEqual(canonicalTuple('a', 'b,c'));
  expect(canonicalTuple('a"', 'b')).not.toEqual(canonicalTuple('a', '"b'));
  expect(canonicalTuple(1, '1')).not.toEqual(canonicalTuple('1', 1));
});

test('the record associated-data prefix shortcut gives the same bytes as the full tuple', () => {
  const full = canonicalTuple('hearth.record.v1', 'ab12', 'case_1', 'rec"1', 3, 'case', 'records');
  const prefix = JSON.stringify(['hearth.record.v1', 'ab12']).slice(0, -1) + ',';
  const rest = JSON.stringify(['case_1', 'rec"1', 3, 'case', 'records']).slice(1);
  expect(new TextEncoder().encode(prefix + rest)).toEqual(full);
});
