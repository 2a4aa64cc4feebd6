// The verify screen tells the user's own input mistakes from a bundle that fails: a relative
// path, the bundle's staff list or a staff key pasted as the centre key, a zip refused for its
// shape each say "Not checked yet" and the fix, never "did not pass" or "do not rely on this".
import { screen } from '@testing-library/react';
import { fakeCore } from './fake-core';
import { renderApp } from './render';

const STAFF_LIST =
  'RWQf6LRCGA9i53mlYecO4IzT51TGPpvWucNSCh1CBM0QTaLn73Y7GFO3 admin admin Ada Admin\n';
const CENTRE =
  'untrusted comment: Hearth centre key\nRWQf6LRCGA9i53mlYecO4IzT51TGPpvWucNSCh1CBM0QTaLn73Y7GFO3';

async function verifyWith(answer: () => unknown, path: string, key: string) {
  const core = fakeCore({ 'export.verify': answer });
  const { user } = renderApp(core);
  await user.click(await screen.findByRole('button', { name: 'Verify a bundle' }));
  await user.type(screen.getByLabelText('Bundle location'), path);
  await user.click(screen.getByLabelText("The centre's public key"));
  await user.paste(key);
  await user.click(screen.getByRole('button', { name: 'Verify' }));
  return core;
}

test('a relative path is not sent: not checked yet, give the full path', async () => {
  const core = await verifyWith(() => ({ valid: true }), 'Downloads/bundle', CENTRE);
  expect(await screen.findByText('Not checked yet')).toBeInTheDocument();
  expect(screen.getByTestId('verify-mistake')).toHaveTextContent(/full path/);
  expect(screen.queryByText(/Do not rely on this bundle/)).not.toBeInTheDocument();
  expect(core.calls.some((c) => c.channel === 'export.verify')).toBe(false);
});

test.each([
  [
    'the staff list pasted as the key',
    STAFF_LIST,
    { valid: false, failure: 'BAD_KEY', reason: 'The trusted key is not a minisign public key.' },
    /staff list \(staff-keys\.txt\), not the centre key/,
  ],
  [
    'a staff key pasted as the key',
    CENTRE,
    { valid: false, failure: 'NOT_CENTRE_KEY', reason: 'The key given is a staff key' },
    /staff member's key/,
  ],
  [
    'a pinned staff list the centre key did not sign',
    CENTRE,
    {
      valid: false,
      failure: 'BAD_KEY',
      reason:
        'The pinned staff list cannot be used: the list.minisig is not a valid minisign signature',
    },
    /staff-keys\.txt\.minisig\) is missing, damaged/,
  ],
  [
    'a zip with an extra file',
    CENTRE,
    { valid: false, failure: 'FILE_SET', zipped: true, reason: 'The zip holds Thumbs.db' },
    /re-zip the bundle folder/,
  ],
])('%s: not checked yet, with the fix', async (_label, key, verdict, fix) => {
  await verifyWith(() => verdict, '/home/da/bundle.zip', key);
  expect(await screen.findByText('Not checked yet')).toBeInTheDocument();
  expect(screen.getByTestId('verify-mistake')).toHaveTextContent(fix);
  expect(screen.queryByText(/Do not rely on this bundle/)).not.toBeInTheDocument();
});

test('a changed bundle still fails as one: the mistakes do not hide a real failure', async () => {
  await verifyWith(
    () => ({ valid: false, failure: 'HASH_MISMATCH', reason: 'transcript.txt changed' }),
    '/home/da/bundle',
    CENTRE,
  );
  expect(await screen.findByText('The bundle did not pass the check')).toBeInTheDocument();
  expect(screen.queryByText('Not checked yet')).not.toBeInTheDocument();
});

test('"Compare with the PDF" gives the sealing time exactly as the PDF prints it (UTC)', async () => {
  await verifyWith(
    () => ({
      valid: true,
      sessionId: 's-1',
      sealedAt: '2026-03-04T10:15:02.123Z',
      fingerprint: 'ab'.repeat(32),
    }),
    '/home/da/bundle',
    CENTRE,
  );
  expect(await screen.findByTestId('sealed-at')).toHaveTextContent(
    /^2026-03-04 10:15:02 UTC \(.+\)$/,
  );
});

test('"authentic" carries the core\'s own caveats, addenda count and proofs, not a rewrite', async () => {
  const notProven = [
    'Case details (reference, child alias) are stated by the exporter; the seal does not cover them.',
    'A later addendum or export may exist; compare both with the centre.',
  ];
  const proven = ['Custody: 3 entries, hash-chained from the sealing to this export.'];
  await verifyWith(
    () => ({ valid: true, sessionId: 's-1', addendaCount: 2, proven, notProven }),
    '/home/da/bundle',
    CENTRE,
  );
  expect(await screen.findByText('Not proven by this check')).toBeInTheDocument();
  const items = (id: string) =>
    Array.from(screen.getByTestId(id).querySelectorAll('li')).map((li) => li.textContent);
  expect(items('verify-not-proven')).toEqual(notProven);
  expect(items('verify-proven')).toEqual(proven);
  expect(screen.getByTestId('addenda-count')).toHaveTextContent('2');
});
