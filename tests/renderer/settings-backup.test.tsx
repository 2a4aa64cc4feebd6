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

// Every bad destination the core names (a folder, a file inside the path, no permission, an
// existing file, a missing folder) has its own sentence and next step, in English and Spanish.
test.each([
  [
    'en',
    'Settings',
    'Backup file',
    'Make a backup',
    [
      ['backup.isFolder', /This path is a folder/, /Add a file name after the folder/],
      ['backup.parentNotFolder', /Part of this path is a file, not a folder/, /every part before/],
      ['backup.noPermission', /may not save in this folder/, /Choose another folder/],
      ['CONFLICT', /A file with this name already exists/, /Choose another name/],
      ['NOT_FOUND', /The folder in this path does not exist/, /create the folder first/],
    ],
  ],
  [
    'es',
    'Configuración',
    'Archivo de la copia',
    'Hacer una copia de seguridad',
    [
      ['backup.isFolder', /Esta ruta es una carpeta/, /Agregue un nombre de archivo/],
      ['backup.parentNotFolder', /Una parte de esta ruta es un archivo/, /debe ser una carpeta/],
      ['backup.noPermission', /no puede guardar en esta carpeta/, /Elija otra carpeta/],
      ['CONFLICT', /Ya existe un archivo con este nombre/, /Elija otro nombre/],
      ['NOT_FOUND', /La carpeta de esta ruta no existe/, /cree la carpeta primero/],
    ],
  ],
] as const)(
  '%s: each bad backup destination has its own message and next step',
  async (language, settings, label, button, expected) => {
    let call = 0;
    const core = fakeCore({
      'vault.backup': () => {
        const [kind] = expected[call++]!;
        return kind === 'CONFLICT' || kind === 'NOT_FOUND'
          ? fail(kind)
          : fail('INVALID_INPUT', { fields: [kind] });
      },
    });
    const { user } = renderApp(core, language);
    await user.click(await screen.findByRole('button', { name: settings }));
    await user.type(screen.getByLabelText(label), '/media/usb');
    const seen = new Set<string>();
    for (const [, what, next] of expected) {
      await user.click(screen.getByRole('button', { name: button }));
      const sentence = await screen.findByText(what);
      const notice = sentence.closest('[role="alert"]') ?? sentence.parentElement!;
      expect(notice).toHaveTextContent(next);
      seen.add(notice.textContent ?? '');
    }
    expect(seen.size).toBe(expected.length);
  },
);
