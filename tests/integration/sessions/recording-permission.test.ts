// Red team round 6 (informational): sessions.addRecordingFingerprint hashed the whole file before
// asking whether the user may write to the session, so a colleague could make the app read a
// multi-GB file before being told FORBIDDEN. The permission is now checked first: a colleague's
// request is refused without the file being opened (here: a path that does not exist, which
// hashing would have answered with INVALID_INPUT "cannot be read").
import { join } from 'node:path';
import { ADMIN, call, callError, removeDir, tempDir } from '../../helpers/core';
import { vaultWithSession } from '../../helpers/sessions';

jest.setTimeout(120_000);

const NORA = { username: 'nora', passphrase: 'a long enough staff passphrase' };

test("a colleague's fingerprint request is refused before the recording is read", async () => {
  const core = await vaultWithSession();
  const folder = tempDir();
  try {
    await call(core, 'users.add', {
      ...NORA,
      displayName: 'Nora',
      role: 'interviewer',
    });
    await call(core, 'vault.unlock', NORA);
    const refused = await callError(core, 'sessions.addRecordingFingerprint', {
      sessionId: core.sessionId,
      path: join(folder, 'no-such-recording.mp4'),
    });
    expect(refused.code).toBe('FORBIDDEN');
    // The owner still gets the file's own error for the same path.
    await call(core, 'vault.unlock', { username: ADMIN.username, passphrase: ADMIN.passphrase });
    const own = await callError(core, 'sessions.addRecordingFingerprint', {
      sessionId: core.sessionId,
      path: join(folder, 'no-such-recording.mp4'),
    });
    expect(own.code).toBe('INVALID_INPUT');
  } finally {
    core.close();
    removeDir(folder);
    removeDir(core.vaultDir);
  }
});
