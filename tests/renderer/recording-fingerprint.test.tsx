// The recording fingerprint before sealing (#14): an absolute path and an optional neutral label
// go to sessions.addRecordingFingerprint (the channel `hearth sessions add-recording` uses), the
// core's progress is shown while it hashes, and the result (event, size, grouped SHA-256) after.
import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { I18nextProvider } from 'react-i18next';
import { Client } from '../../renderer/bridge/client';
import { ClientProvider } from '../../renderer/bridge/context';
import { isAbsolutePath, RecordingFingerprint } from '../../renderer/export/recording-fingerprint';
import { createI18n, type UiLanguage } from '../../renderer/i18n/setup';
import { fail, fakeCore } from './fake-core';
import { missingKeys } from './render';

const SHA = 'ab'.repeat(32);

function renderPanel(
  handler: (p: { path: string; label?: string }) => unknown,
  language: UiLanguage = 'en',
) {
  const core = fakeCore({ 'sessions.addRecordingFingerprint': handler });
  const i18n = createI18n({
    language,
    onMissingKey: (lng, key) => missingKeys.push(`${lng}:${key}`),
  });
  render(
    <I18nextProvider i18n={i18n}>
      <ClientProvider client={new Client(core)}>
        <RecordingFingerprint sessionId="s1" />
      </ClientProvider>
    </I18nextProvider>,
  );
  return { core, user: userEvent.setup() };
}

test('absolute paths only (POSIX, drive letter, UNC)', () => {
  expect(isAbsolutePath('/media/rec.mp4')).toBe(true);
  expect(isAbsolutePath('D:\\rec\\room-2.mp4')).toBe(true);
  expect(isAbsolutePath('\\\\server\\share\\rec.mp4')).toBe(true);
  expect(isAbsolutePath('rec.mp4')).toBe(false);
  expect(isAbsolutePath('./rec.mp4')).toBe(false);
});

test('a relative path is refused before anything is sent', async () => {
  const { core, user } = renderPanel(() => ({ seq: 1, sha256: SHA, bytes: 1 }));
  await user.type(screen.getByLabelText('Full path of the video file'), 'room-2.mp4');
  expect(screen.getByTestId('recording-problem')).toHaveTextContent(/full path/);
  expect(screen.getByRole('button', { name: 'Add the recording fingerprint' })).toBeDisabled();
  expect(core.calls.some((c) => c.channel === 'sessions.addRecordingFingerprint')).toBe(false);
});

test('progress while hashing, then the result; path and label sent, nothing else', async () => {
  let release: (v: unknown) => void = () => undefined;
  const { core, user } = renderPanel(() => new Promise((resolve) => (release = resolve)));
  await user.type(screen.getByLabelText('Full path of the video file'), '/media/rec/room-2.mp4');
  await user.type(screen.getByLabelText('Label (optional)'), 'Room 2 camera');
  await user.click(screen.getByRole('button', { name: 'Add the recording fingerprint' }));
  act(() =>
    core.emit({
      type: 'progress',
      channel: 'sessions.addRecordingFingerprint',
      step: 'hashing',
      percent: 40,
    }),
  );
  expect(screen.getByLabelText('Reading the recording')).toHaveAttribute('value', '40');
  await act(async () => {
    release({ seq: 12, sha256: SHA, bytes: 2048, label: 'Room 2 camera' });
    await Promise.resolve();
  });
  const added = await screen.findByTestId('recording-added');
  expect(added).toHaveTextContent('event #12');
  expect(added).toHaveTextContent('ABAB ABAB');
  expect(screen.queryByLabelText('Reading the recording')).not.toBeInTheDocument();
  const sent = core.calls.find((c) => c.channel === 'sessions.addRecordingFingerprint')
    ?.payload as unknown;
  expect(sent).toEqual({ sessionId: 's1', path: '/media/rec/room-2.mp4', label: 'Room 2 camera' });
});

test('an unreadable file shows the error and keeps the form (Spanish)', async () => {
  const { user } = renderPanel(
    () => fail('INVALID_INPUT', { message: 'The recording file cannot be read' }),
    'es',
  );
  await user.type(screen.getByLabelText('Ruta completa del archivo de video'), '/media/nada.mp4');
  await user.click(screen.getByRole('button', { name: 'Agregar la huella de la grabación' }));
  expect(await screen.findByRole('status')).toHaveClass('notice');
  expect(screen.getByLabelText('Ruta completa del archivo de video')).toHaveValue(
    '/media/nada.mp4',
  );
  expect(screen.queryByTestId('recording-added')).not.toBeInTheDocument();
});
