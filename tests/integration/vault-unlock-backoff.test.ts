// Wrong passphrases: a typed error, nothing half-unlocked, and a backoff that survives a restart.
import { ADMIN, call, callError, makeCore, makeVault, removeDir } from '../helpers/core';

test('a wrong passphrase gives BAD_PASSPHRASE and leaves the vault fully locked', async () => {
  const core = await makeVault();
  try {
    await call(core, 'cases.create', {
      reference: 'R-1',
      childAlias: 'Sam',
      childAgeYears: 9,
      language: 'en',
    });
    await call(core, 'vault.lock', {});
    expect(
      await callError(core, 'vault.unlock', {
        username: 'admin',
        passphrase: 'not the passphrase',
      }),
    ).toEqual({
      code: 'BAD_PASSPHRASE',
      message: 'The user name or passphrase is not correct.',
    });
    // An unknown user gets exactly the same answer (no user enumeration).
    expect(
      await callError(core, 'vault.unlock', {
        username: 'nobody',
        passphrase: 'not the passphrase',
      }),
    ).toEqual({
      code: 'BAD_PASSPHRASE',
      message: 'The user name or passphrase is not correct.',
    });
    expect(await call(core, 'vault.status', {})).toEqual({ exists: true, unlocked: false });
    for (const channel of ['cases.list', 'users.list', 'audit.list', 'vault.check']) {
      expect(await callError(core, channel, {})).toMatchObject({ code: 'VAULT_LOCKED' });
    }
  } finally {
    core.close();
    removeDir(core.vaultDir);
  }
});

test('after 5 failures the next attempt waits 30 s, doubling, and the wait survives a restart', async () => {
  let now = Date.parse('2026-11-28T10:00:00Z');
  const clock = () => now;
  const core = await makeVault({ now: clock });
  await call(core, 'vault.lock', {});
  for (let i = 0; i < 5; i++) {
    expect(
      await callError(core, 'vault.unlock', { username: 'admin', passphrase: `wrong guess ${i}` }),
    ).toMatchObject({ code: 'BAD_PASSPHRASE' });
  }
  core.close();

  // A restart does not reset the count: the correct passphrase is refused until the wait is over.
  const again = makeCore(core.vaultDir, { now: clock });
  try {
    const limited = await callError(again, 'vault.unlock', {
      username: 'admin',
      passphrase: ADMIN.passphrase,
    });
    expect(limited.code).toBe('RATE_LIMITED');
    expect(limited.retryAfterMs).toBe(30_000);
    expect(limited.message).toMatch(/30 seconds/);

    now += 29_000;
    expect(
      (await callError(again, 'vault.unlock', { username: 'admin', passphrase: ADMIN.passphrase }))
        .retryAfterMs,
    ).toBe(1_000);

    // Sixth failure after the wait: the next wait doubles to 60 s.
    now += 1_000;
    expect(
      await callError(again, 'vault.unlock', { username: 'admin', passphrase: 'wrong again' }),
    ).toMatchObject({ code: 'BAD_PASSPHRASE' });
    expect(
      (await callError(again, 'vault.unlock', { username: 'admin', passphrase: ADMIN.passphrase }))
        .retryAfterMs,
    ).toBe(60_000);

    now += 60_000;
    expect(
      await call(again, 'vault.unlock', { username: 'admin', passphrase: ADMIN.passphrase }),
    ).toEqual({ username: 'admin', role: 'admin', displayName: ADMIN.displayName });
    // An admin's sign-in is followed by its checkpoint entry (vault.checkpoint).
    const unlockEntry = (await call(again, 'audit.list', { limit: 2 })).entries.find(
      (e) => e.action === 'vault.unlock',
    );
    expect(unlockEntry).toMatchObject({ action: 'vault.unlock', detail: { failedAttempts: 6 } });

    // Success resets the count.
    await call(again, 'vault.lock', {});
    expect(
      await callError(again, 'vault.unlock', { username: 'admin', passphrase: 'one more wrong' }),
    ).toMatchObject({ code: 'BAD_PASSPHRASE' });
    expect(
      await call(again, 'vault.unlock', { username: 'admin', passphrase: ADMIN.passphrase }),
    ).toMatchObject({ username: 'admin' });
  } finally {
    again.close();
    removeDir(core.vaultDir);
  }
});
