// Settings → Backup: each refusal says what happened in the backup's own words (an existing
// file is not "someone changed this at the same time"), a stale "saved" line never stays beside
// an error, and the line after a backup gives the full path it went to.
import { screen } from '@testing-library/react';
import { fail, fakeCore } from './fake-core';
import { renderApp } from './render';

test('existing file, missing folder and relative path each get their own message; success names the full path', async () => {
  const answers = [
    () => ({ path: '/media/usb/hearth-backup.db', bytes: 53248 }),
    () => fail('CONFLICT'),
    () => fail('NOT_FOUND'),
    () => fail('INVALID_INPUT', { fields: ['path'] }),
  ];
  let call = 0;
  const core = fakeCore({ 'vault.backup': () => answers[call++]!() });
  const { user } = renderApp(core);
  await user.click(await screen.findByRole('button', { name: 'Settings' }));
  const path = screen.getByLabelText('Backup file');
  const run = screen.getByRole('button', { name: 'Make a backup' });
  await user.type(path, '/media/usb/hearth-backup.db');
  await user.click(run);
  expect((await screen.findByText(/Backup saved:/)).closest('p')).toHaveTextContent(
    'Backup saved: /media/usb/hearth-backup.db',
  );

  await user.click(run);
  expect(await screen.findByText(/A file with this name already exists there/)).toBeInTheDocument();
  expect(screen.queryByText(/Someone changed this/)).not.toBeInTheDocument();
  // The earlier success line is gone.
  expect(screen.queryByText(/Backup saved/)).not.toBeInTheDocument();

  await user.click(run);
  expect(await screen.findByText(/The folder in this path does not exist/)).toBeInTheDocument();

  await user.clear(path);
  await user.type(path, 'backup.db');
  await user.click(run);
  expect(await screen.findByText(/needs a full path/)).toBeInTheDocument();
  expect(
    core.calls
      .filter((c) => c.channel === 'vault.backup')
      .map((c) => (c.payload as { path: string }).path),
  ).toEqual([
    '/media/usb/hearth-backup.db',
    '/media/usb/hearth-backup.db',
    '/media/usb/hearth-backup.db',
    'backup.db',
  ]);
});
