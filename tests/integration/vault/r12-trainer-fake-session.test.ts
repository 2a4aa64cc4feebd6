// R12-8: a trainer (practice, directory and chain keys only; no case key) fabricates a sealed
// LIVE interview inside a real child's case. Her modified client (the threat model: own
// passphrase, own certified key, no permission checks) skips the app's checks, fakes the case
// read (only the case id, a clear container id, is needed) and seals every record of the new
// session under the PRACTICE key in the case's container, then runs the ordinary start, a child
// note and the seal. A session's class comes from the mode its start seals: the admin's listing
// leaves it out, get and timeline refuse it, sessions.verify names it and `vault check` names the
// session (SESSION_KEY_CLASS) and her entries (AUDIT_AUTHOR_NOT_ALLOWED). A reviewer (case key,
// no cases.write) who makes a live interview under the case key is named by verify and check,
// and the listing leaves it out (sec27).
// A genuine interview of the same case still lists, verifies and is not named.
import { SessionContext } from '../../../src/interview/session-context';
import { RecordStore } from '../../../src/vault/records';
import { Vault } from '../../../src/vault/vault';
import { ADMIN, call, makeVault, removeDir } from '../../helpers/core';
import { PASS } from '../../helpers/insider';

type Core = Awaited<ReturnType<typeof makeVault>>;
type Problem = { kind: string; id: string; code?: string; detail: string; values?: Record<string, unknown> };

// The modified client: active only while `forging` is set.
let forging: { asClass?: 'practice'; fakeCase?: string } | undefined;
const V = Vault.prototype as unknown as Record<string, (...args: never[]) => unknown>;
const R = RecordStore.prototype as unknown as Record<string, (...args: never[]) => unknown>;
const real = { require: V.require!, audited: V.requireAudited!, get: R.get!, put: R.put!, key: R.createDataKey! };
// The vault the client runs on (its cleartext key table is what R13-3 edits).
let lastVault: Vault | undefined;
V.require = function (this: Vault, ...args: never[]) {
  // eslint-disable-next-line @typescript-eslint/no-this-alias -- the captured client (threat model)
  lastVault = this;
  if (forging) return (this as unknown as { requireUnlocked(): { user: unknown } }).requireUnlocked().user;
  return real.require.apply(this, args);
};
V.requireAudited = function (this: Vault, ...args: never[]) {
  if (forging) return (this as unknown as { requireUnlocked(): { user: unknown } }).requireUnlocked().user;
  return real.audited.apply(this, args);
};
R.get = function (this: RecordStore, ...args: never[]) {
  const [id] = args as unknown as [string];
  if (forging?.fakeCase === id) {
    const seq = this.seqOf(id);
    return {
      address: { recordId: id, containerId: id, kind: 'case', seq, keyRef: 'class:case@1' },
      value: { caseId: id, reference: '?', childAlias: '?', childAgeYears: 7, language: 'en',
        interpreterNeeded: false, allegationBlind: false, hasAllegation: false, archived: false, version: seq },
    };
  }
  return real.get.apply(this, args);
};
R.put = function (this: RecordStore, ...args: never[]) {
  const [address, ...rest] = args as unknown as [{ keyRef: string }, ...unknown[]];
  const moved = forging?.asClass && /^class:case/.test(address.keyRef)
    ? { ...address, keyRef: `class:${forging.asClass}` } : address;
  return real.put.apply(this, [moved, ...rest] as never[]);
};
R.createDataKey = function (this: RecordStore, ...args: never[]) {
  const [keyRef, parent] = args as unknown as [string, string];
  const moved = forging?.asClass && parent === 'class:case' ? `class:${forging.asClass}` : parent;
  return real.key.apply(this, [keyRef, moved] as never[]);
};
// Her client also skips the new check before its own seal (it runs in every reader's client).
const P = SessionContext.prototype as unknown as Record<string, (...args: never[]) => unknown>;
const madeOutside = P.madeOutsideHearth!;
P.madeOutsideHearth = function (this: SessionContext, ...args: never[]) {
  return forging ? undefined : madeOutside.apply(this, args);
};
const userGetter = Object.getOwnPropertyDescriptor(Vault.prototype, 'user')!;
Object.defineProperty(Vault.prototype, 'user', {
  configurable: true,
  get(this: Vault) {
    const user = userGetter.get!.call(this) as { role: string } | undefined;
    return forging && user ? { ...user, role: 'interviewer' } : user;
  },
});

async function as(core: Core, who: string, pass = PASS): Promise<void> {
  await call(core, 'vault.lock', {});
  await call(core, 'vault.unlock', { username: who, passphrase: pass });
}

/** A case with ola's genuine sealed interview, and one more live interview made by `who`'s forging client. */
async function fabricated(
  who: 'tara' | 'rita',
): Promise<{ core: Core; caseId: string; genuine: string; fake: string }> {
  const core = await makeVault();
  for (const [username, role] of [['ola', 'interviewer'], ['tara', 'trainer'], ['rita', 'reviewer']] as const)
    await call(core, 'users.add', { username, displayName: username.toUpperCase(), role, passphrase: PASS });
  const { caseId } = await call(core, 'cases.create', {
    reference: 'CAC-8', childAlias: 'A', childAgeYears: 7, language: 'en',
  });
  await as(core, 'ola');
  const { sessionId: genuine } = await call(core, 'sessions.start', {
    caseId, protocolId: 'nichd', mode: 'live', language: 'en',
  });
  await call(core, 'sessions.addNote', { sessionId: genuine, kind: 'child', text: 'QGENUINEQ' });
  await call(core, 'sessions.finalize', { sessionId: genuine });
  await as(core, who);
  forging = who === 'tara' ? { asClass: 'practice', fakeCase: caseId } : {};
  try {
    const { sessionId: fake } = await call(core, 'sessions.start', {
      caseId, protocolId: 'nichd', mode: 'live', language: 'en',
    });
    await call(core, 'sessions.addNote', { sessionId: fake, kind: 'child', text: 'QFORGEDQ' });
    await call(core, 'sessions.finalize', { sessionId: fake });
    return { core, caseId, genuine, fake };
  } finally {
    forging = undefined;
  }
}

async function checkProblems(core: Core): Promise<Problem[]> {
  const check = await call(core, 'vault.check', {});
  const text = JSON.stringify(check);
  expect(text).not.toContain('QFORGEDQ');
  expect(text).not.toContain('QGENUINEQ');
  return check.problems;
}

afterEach(() => {
  forging = undefined;
});

test('a trainer fabricates a sealed live interview under the practice key in a real case: not listed, refused on read, named by verify and vault check', async () => {
  const { core, caseId, genuine, fake } = await fabricated('tara');
  try {
    await as(core, ADMIN.username, ADMIN.passphrase);
    // The case listing shows only the genuine interview (it still lists: no denial of service).
    const listed = await call(core, 'sessions.list', { caseId });
    expect(listed.sessions.map((s: { sessionId: string }) => s.sessionId)).toEqual([genuine]);
    const all = await call(core, 'sessions.list', {});
    expect(all.sessions.map((s: { sessionId: string }) => s.sessionId)).not.toContain(fake);

    for (const channel of ['sessions.get', 'sessions.timeline'] as const) {
      const read = await core.invoke(channel, { sessionId: fake });
      expect(read.ok ? 'ok' : read.error.code).toBe('TAMPERED');
      if (!read.ok) {
        expect(read.error.message).toMatch(/live interview.*not wrapped under the case key/);
        expect(read.error.message).not.toContain('QFORGEDQ');
      }
    }

    const verdict = await call(core, 'sessions.verify', { sessionId: fake });
    expect(verdict.ok).toBe(false);
    expect(verdict.firstBadEvent).toBe(1);
    expect(verdict.reason).toMatch(/SESSION_KEY_CLASS/);
    expect(await call(core, 'sessions.verify', { sessionId: genuine })).toEqual({ ok: true });

    const problems = await checkProblems(core);
    const session = problems.filter((p) => p.code === 'SESSION_KEY_CLASS');
    expect(session.map((p) => p.values)).toEqual([{ session: fake, mode: 'live', class: 'case' }]);
    // Her entries are named with her role: a live session's records need the case key.
    const hers = problems.filter((p) => p.code === 'AUDIT_AUTHOR_NOT_ALLOWED');
    expect(hers.length).toBeGreaterThanOrEqual(3); // start, note, seal
    for (const p of hers) {
      expect(p.values).toMatchObject({ signer: 'tara', role: 'trainer' });
      expect(String(p.values?.record)).toContain(fake);
      expect(p.detail).toMatch(/only roles that hold the case key/);
    }
    // Nothing names the genuine interview.
    expect(problems.filter((p) => JSON.stringify(p).includes(genuine))).toEqual([]);

    // An interviewer also holds the practice key: her listing leaves it out and get refuses it.
    await as(core, 'ola');
    const hersListed = await call(core, 'sessions.list', { caseId });
    expect(hersListed.sessions.map((s: { sessionId: string }) => s.sessionId)).toEqual([genuine]);
    const get = await core.invoke('sessions.get', { sessionId: fake });
    expect(get.ok ? 'ok' : get.error.code).toBe('TAMPERED');
  } finally {
    core.close();
    removeDir(core.vaultDir);
  }
});

test('a reviewer starts a live interview under the case key: verify and vault check name the start signed by a role that does not write cases', async () => {
  const { core, caseId, genuine, fake } = await fabricated('rita');
  try {
    await as(core, ADMIN.username, ADMIN.passphrase);
    const verdict = await call(core, 'sessions.verify', { sessionId: fake });
    expect(verdict).toMatchObject({ ok: false, firstBadEvent: 1 });
    expect(verdict.reason).toMatch(/signed by rita, certified as reviewer: only roles that write cases start a live interview/);
    expect(await call(core, 'sessions.verify', { sessionId: genuine })).toEqual({ ok: true });

    const problems = await checkProblems(core);
    const start = problems.filter(
      (p) => p.code === 'AUDIT_AUTHOR_NOT_ALLOWED' && p.values?.signer === 'rita',
    );
    expect(start).toHaveLength(1);
    expect(start[0]!.detail).toMatch(/only roles that write cases start a live interview/);
    expect(String(start[0]!.values?.record)).toContain(fake);
    // Her records are under the case key, as a live session's are: no key-class finding.
    expect(problems.filter((p) => p.code === 'SESSION_KEY_CLASS')).toEqual([]);
    expect(problems.filter((p) => JSON.stringify(p).includes(genuine))).toEqual([]);
    // Listing agrees with verify and check (sec27): her session is left out, the genuine one
    // of the same case is listed, for the admin and for the reviewer herself.
    for (const [who, pass] of [[ADMIN.username, ADMIN.passphrase], ['rita', PASS]] as const) {
      await as(core, who, pass);
      const listed = await call(core, 'sessions.list', { caseId });
      expect(listed.sessions.map((s: { sessionId: string }) => s.sessionId)).toEqual([genuine]);
      const all = await call(core, 'sessions.list', {});
      expect(all.sessions.map((s: { sessionId: string }) => s.sessionId)).not.toContain(fake);
    }
  } finally {
    core.close();
    removeDir(core.vaultDir);
  }
});

// R13-3: one fake key_wraps row claiming the forged session key is wrapped under a case-key
// version that does not exist (class:case@99), or under a fake newer version of itself that is
// "wrapped" under it, used to turn the key-class check from "no" into "cannot tell". A wrap that
// does not open under a key version the checker can establish is no wrap (fail closed).
test.each([['under class:case@99'], ['through a fake newer session key version']])(
  'R13-3: a bogus wrap row %s does not put the trainer-forged session back: still not listed, refused, named by verify and vault check',
  async (variant) => {
    const { core, caseId, genuine, fake } = await fabricated('tara');
    try {
      await as(core, ADMIN.username, ADMIN.passphrase);
      const sqlite = lastVault!.db;
      const row = sqlite.prepare('SELECT key_ref FROM records WHERE record_id = ?').get(`${fake}:0000000001`) as { key_ref: string };
      const [logical, version] = row.key_ref.split('@') as [string, string];
      const insert = sqlite.prepare('INSERT INTO key_wraps (logical, version, holder, nonce, wrapped_key) VALUES (?, ?, ?, ?, ?)');
      if (variant.startsWith('under')) {
        insert.run(logical, Number(version), 'class:case@99', Buffer.alloc(24, 1), Buffer.alloc(48, 2));
      } else {
        insert.run(logical, Number(version), `${logical}@${Number(version) + 1}`, Buffer.alloc(24, 1), Buffer.alloc(48, 2));
        insert.run(logical, Number(version) + 1, 'class:case@99', Buffer.alloc(24, 3), Buffer.alloc(48, 4));
      }
      for (const [who, pass] of [['ola', PASS], [ADMIN.username, ADMIN.passphrase]] as const) {
        await as(core, who, pass);
        const listed = await call(core, 'sessions.list', { caseId });
        expect(listed.sessions.map((s: { sessionId: string }) => s.sessionId)).toEqual([genuine]);
        const get = await core.invoke('sessions.get', { sessionId: fake });
        expect(get.ok ? 'ok' : get.error.code).toBe('TAMPERED');
        const verdict = await call(core, 'sessions.verify', { sessionId: fake });
        expect(verdict.ok).toBe(false);
        expect(verdict.reason).toMatch(/SESSION_KEY_CLASS/);
        expect(verdict.reason).toMatch(/case key/);
      }
      const problems = await checkProblems(core);
      expect(problems.filter((p) => p.code === 'SESSION_KEY_CLASS').map((p) => p.values))
        .toEqual([{ session: fake, mode: 'live', class: 'case' }]);
      expect(problems.filter((p) => JSON.stringify(p).includes(genuine))).toEqual([]);
    } finally {
      core.close();
      removeDir(core.vaultDir);
    }
  },
);
