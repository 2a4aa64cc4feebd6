// The common set-up of the red-team regression tests (rounds 12 to 16), which each file used to
// repeat: a vault with staff, sign-in as one of them, the signed-in user's own client (the threat
// model: the Vault object the core drives, reached without the app's permission checks), the
// admin's check, and problems picked by code and entry. Keys, signatures and the vault are real.
import { Vault } from '../../src/vault/vault';
import { ADMIN, call, makeVault } from './core';
import { PASS } from './insider';

export { PASS };

export type Core = Awaited<ReturnType<typeof makeVault>>;

/** A finding of `vault.check`, as the tests read it. */
export interface Problem {
  kind?: string;
  code?: string;
  id: string;
  detail: string;
  values?: Record<string, unknown>;
}

let captured: Vault | undefined;
const proto = Vault.prototype as unknown as { require: (permission: string) => unknown };
const realRequire = proto.require;
// Installed once per test file that imports this module (jest loads it afresh for each file).
proto.require = function (this: Vault, permission: string) {
  // eslint-disable-next-line @typescript-eslint/no-this-alias -- the captured client (threat model)
  captured = this;
  return realRequire.call(this, permission);
};

/**
 * Locks, signs `who` in (the admin with ADMIN's passphrase, anyone else with PASS unless
 * `passphrase` is given) and returns the Vault object the core drives for that sign-in.
 */
export async function signInAs(core: Core, who: string, passphrase?: string): Promise<Vault> {
  await call(core, 'vault.lock', {});
  const pass = passphrase ?? (who === ADMIN.username ? ADMIN.passphrase : PASS);
  await call(core, 'vault.unlock', { username: who, passphrase: pass });
  captured = undefined;
  await core.invoke('users.list', {});
  if (!captured) throw new Error('the signed-in client was not reached (users.list checked no permission)');
  return captured;
}

/** A vault made by ADMIN with the given staff (`[username, role]`, passphrase PASS). */
export async function vaultWithStaff(staff: Array<[string, string]>): Promise<Core> {
  const core = await makeVault();
  for (const [username, role] of staff)
    await call(core, 'users.add', { username, displayName: username.toUpperCase(), role, passphrase: PASS });
  return core;
}

/** A case made by whoever is signed in; the allegation is the marker QALLEGQ. */
export async function makeCase(core: Core, reference: string, allegationBlind = false): Promise<string> {
  const made = await call(core, 'cases.create', {
    reference,
    childAlias: 'A',
    childAgeYears: 7,
    language: 'en',
    allegationSummary: 'QALLEGQ',
    allegationBlind,
  });
  return made.caseId;
}

/** The admin signs in and runs `vault.check`; returns its problems. */
export async function checkAsAdmin(core: Core): Promise<Problem[]> {
  await signInAs(core, ADMIN.username);
  return (await call(core, 'vault.check', {})).problems;
}

/** The problems with `code` about audit entry `entry`. */
export const coded = (problems: Problem[], code: string, entry: number): Problem[] =>
  problems.filter((p) => p.code === code && p.values?.entry === entry);
