// Red team round 11, R11-4: a reviewer (no recipients.add in the app, but the case key opens the
// address book) rewrote the prosecutor's address-book entry offline: same id, label and stored
// fingerprint, his own X25519 key. The list showed the genuine fingerprint, the admin's export
// to that entry was encrypted to the reviewer, and `vault check` was clean. An entry's id and
// fingerprint are now recomputed from its key: the swapped entry is left out of the list, an
// export naming it is refused (TAMPERED), and `vault check` names it and who wrote it.
import { generateIdentity, parseIdentity } from '../../../src/export';
import { SessionContext } from '../../../src/interview/session-context';
import { ADMIN, call, callError, makeVault, removeDir, tempDir } from '../../helpers/core';
import { PASS } from '../../helpers/insider';
import { liveInterview } from '../../helpers/live-interview';

jest.setTimeout(300_000);

let CTX: SessionContext | undefined;
const proto = SessionContext.prototype as unknown as { load: (id: string) => unknown };
const realLoad = proto.load;
proto.load = function (this: SessionContext, id: string) {
  capture(this);
  return realLoad.call(this, id);
};
function capture(c: SessionContext): void {
  CTX = c;
}

test('R11-4: a prosecutor entry whose key a reviewer swapped is never exported to, and vault check names it', async () => {
  const core = await makeVault();
  const out = tempDir();
  try {
    await call(core, 'users.add', {
      username: 'rita',
      displayName: 'RITA',
      role: 'reviewer',
      passphrase: PASS,
    });
    const office = generateIdentity('County Prosecutor');
    const rita = generateIdentity('rita');
    const added = await call(core, 'recipients.add', {
      publicKey: office.recipientKey,
      label: 'County Prosecutor',
    });
    const sessionId = await liveInterview(core);
    await call(core, 'sessions.finalize', { sessionId });
    await call(core, 'vault.lock', {});

    // Rita's modified client: the core's own Vault.write with her passphrase.
    await call(core, 'vault.unlock', { username: 'rita', passphrase: PASS });
    await core.invoke('sessions.get', { sessionId });
    const vault = CTX!.vault;
    const row = vault.records.get<Record<string, unknown>>(`recipient:${added.recipientId}`)!;
    const ritaKey = Buffer.from(parseIdentity(rita.identity)!.publicKey).toString('base64');
    vault.write('recipients.add', `recipient:${added.recipientId}`, (put) =>
      put({ ...row.address, seq: row.address.seq + 1 }, { ...row.value, publicKey: ritaKey }),
    );
    await call(core, 'vault.lock', {});

    await call(core, 'vault.unlock', { username: ADMIN.username, passphrase: ADMIN.passphrase });
    const listed = await call(core, 'recipients.list', {});
    expect(listed.recipients.some((r) => r.label === 'County Prosecutor')).toBe(false);
    expect(JSON.stringify(listed)).not.toContain(office.fingerprint);
    const refused = await callError(core, 'export.sealed', {
      sessionId,
      outDir: out,
      recipientKey: added.recipientId,
    });
    expect(refused.code).toBe('TAMPERED');
    expect(refused.message).toMatch(/changed outside Hearth.*add the recipient again/);
    expect(refused.message).not.toMatch(/after dinner|County Prosecutor/);

    const check = await call(core, 'vault.check', {});
    expect(check.ok).toBe(false);
    const entry = check.problems.find((p) => p.kind === 'recipient');
    expect(entry?.id).toBe(`recipient:${added.recipientId}`);
    expect(entry?.detail).toMatch(/its id and fingerprint are not what its key recomputes to/);
    expect(
      check.problems.some(
        (p) =>
          p.code === 'AUDIT_AUTHOR_NOT_ALLOWED' &&
          p.values?.record === `recipient:${added.recipientId}` &&
          p.values?.signer === 'rita',
      ),
    ).toBe(true);
    expect(JSON.stringify(check)).not.toContain('County Prosecutor');
  } finally {
    core.close();
    removeDir(core.vaultDir);
    removeDir(out);
  }
});
