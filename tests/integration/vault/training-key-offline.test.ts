// sec44 (issue #15, red team 19 R19-6 "offline reads the app refuses"): a trainer's review of a
// practice interview was sealed under the practice session's key, which every interviewer reaches
// through the practice class key, so interviewer B, with a copy of the file and his own
// passphrase, decrypted trainee A's review offline (the app refuses it: FORBIDDEN). Now each
// review has its own key, wrapped only for the new `training` class key (trainers, admins) and
// for the trainee's public user key. A vault from before gets the training key at an admin's
// sign-in, which also moves the reviews still under a session key; `vault check` names a review
// or a scenario sealed under another key. Keys, signatures and the vault are real; the offline
// reader uses the project's own crypto without the app's permission checks.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { call, callError, makeCore, removeDir, ADMIN } from '../../helpers/core';
import { asHearthBefore } from '../../helpers/hearth-before';
import { copyVault, offlineRead } from '../../helpers/offline-insider';
import { trainerScenarioInput } from '../../helpers/trainer-scenario';
import {
  checkAsAdmin,
  PASS,
  signInAs,
  vaultWithStaff,
  type Core,
  type Problem,
} from '../../helpers/red-team';

jest.setTimeout(180_000);

const MARKER = 'QREVIEWQ';
const coded = (problems: Problem[], code: string) => problems.filter((p) => p.code === code);

/** Ola practises the first built-in scenario and finishes; returns the session id. */
async function olaPractises(core: Core): Promise<string> {
  await signInAs(core, 'ola');
  const { scenarios } = await call(core, 'training.scenarios', { language: 'en' });
  const { sessionId } = await call(core, 'training.start', {
    scenarioId: scenarios[0]!.id,
    seed: 1,
    language: 'en',
  });
  await call(core, 'training.ask', { sessionId, text: 'Tell me everything that happened.' });
  await call(core, 'training.finish', { sessionId });
  return sessionId;
}

/** Tara reviews ola's interview; the overall note carries `text`. */
async function taraReviews(core: Core, sessionId: string, text: string) {
  await signInAs(core, 'tara');
  return (await call(core, 'training.saveReview', { sessionId, comments: [], overall: text }))
    .review;
}

/** What `who`'s passphrase decrypts from a copy of the file as it is now. */
function offline(core: Core, work: string, who: string, label: string) {
  const passphrase = who === ADMIN.username ? ADMIN.passphrase : PASS;
  return offlineRead(copyVault(core.vaultDir, work, `${who}-${label}`), {
    username: who,
    passphrase,
  });
}

/** What the app shows `who` as the review of `sessionId`. */
async function shownTo(core: Core, who: string, sessionId: string) {
  await signInAs(core, who);
  return call(core, 'training.review', { sessionId });
}

test("another interviewer's passphrase no longer opens a trainee's review offline; the trainee, the trainers and the admin still read it", async () => {
  const core = await vaultWithStaff([
    ['ola', 'interviewer'],
    ['ivan', 'interviewer'],
    ['tara', 'trainer'],
    ['tom', 'trainer'],
  ]);
  const work = mkdtempSync(join(tmpdir(), 'sec44-review-'));
  try {
    const sessionId = await olaPractises(core);
    const saved = await taraReviews(core, sessionId, `Use more invitations. ${MARKER}`);
    await call(core, 'vault.lock', {});

    // Before sec44 ivan's copy held it (the session key, through the practice key).
    const ivan = offline(core, work, 'ivan', 'a');
    expect(ivan.plaintext).not.toContain(MARKER);
    expect(ivan.readable.has(`practice-review:${sessionId}`)).toBe(false);
    // He still reads the practice transcript (the session key): only the review is private.
    expect(ivan.readable.has(`practice-setup:${sessionId}`)).toBe(true);
    for (const who of ['ola', 'tara', 'tom', ADMIN.username])
      expect(offline(core, work, who, 'a').plaintext).toContain(MARKER);

    // In the app: ola, both trainers and the admin read it; ivan is refused, as before.
    for (const who of ['ola', 'tara', 'tom', ADMIN.username])
      expect(await shownTo(core, who, sessionId)).toEqual({ review: saved });
    await signInAs(core, 'ivan');
    expect((await callError(core, 'training.review', { sessionId })).code).toBe('FORBIDDEN');

    // A second save is sealed under a new version of the review's key: still private.
    const again = await taraReviews(core, sessionId, `Better. ${MARKER}2`);
    expect(again.version).toBe(2);
    await call(core, 'vault.lock', {});
    expect(offline(core, work, 'ivan', 'b').plaintext).not.toContain(MARKER);
    expect(offline(core, work, 'ola', 'b').plaintext).toContain(`${MARKER}2`);
    const problems = await checkAsAdmin(core);
    expect(problems.filter((p) => JSON.stringify(p).includes('review'))).toEqual([]);
  } finally {
    core.close();
    removeDir(core.vaultDir);
    removeDir(work);
  }
});

test('a vault from before the training key: reviews written the old way move under their own key at the first admin sign-in', async () => {
  // A vault as the version before sec44 left it: no training key, certificate or signed
  // statement at all (deleting them from a new vault is an attack now: R23-2).
  const { core, sessionId } = await asHearthBefore(['training'], async () => {
    const made = await vaultWithStaff([
      ['ola', 'interviewer'],
      ['ivan', 'interviewer'],
      ['tara', 'trainer'],
    ]);
    return { core: made, sessionId: await olaPractises(made) };
  });
  const work = mkdtempSync(join(tmpdir(), 'sec44-upgrade-'));
  let app: Core = core;
  try {
    await call(core, 'vault.lock', {});
    core.close();
    app = Object.assign(makeCore(core.vaultDir), { recoveryKey: core.recoveryKey });

    // Before any admin signs in: no role mismatch for anyone, and tara's review is written the
    // old way (under the session key), so ivan still reads it offline until an admin signs in.
    const saved = await taraReviews(app, sessionId, `Old way. ${MARKER}`);
    await call(app, 'vault.lock', {});
    expect(offline(app, work, 'ivan', 'before').plaintext).toContain(MARKER);
    expect(await shownTo(app, 'ola', sessionId)).toEqual({ review: saved });

    // The admin's sign-in adds the training key and moves the review (its content unchanged).
    await signInAs(app, ADMIN.username);
    await call(app, 'vault.lock', {});
    expect(offline(app, work, 'ivan', 'after').plaintext).not.toContain(MARKER);
    expect(offline(app, work, 'tara', 'after').plaintext).toContain(MARKER);
    const moved = (await shownTo(app, 'ola', sessionId)).review;
    expect(moved).toMatchObject({
      reviewer: 'tara',
      overall: saved.overall,
      comments: saved.comments,
      movedBy: ADMIN.username,
    });
    expect((await shownTo(app, 'tara', sessionId)).review).toEqual(moved);
    // Nothing is left for vault check to name.
    const problems = await checkAsAdmin(app);
    expect(problems.filter((p) => JSON.stringify(p).includes('review'))).toEqual([]);
    expect(problems.filter((p) => p.id.startsWith('user:'))).toEqual([]);
    // Tara's next save is hers again (no movedBy), and stays private.
    const next = await taraReviews(app, sessionId, `New way. ${MARKER}`);
    expect(next.movedBy).toBeUndefined();
    expect((await shownTo(app, 'ola', sessionId)).review).toEqual(next);
    await call(app, 'vault.lock', {});
    expect(offline(app, work, 'ivan', 'next').plaintext).not.toContain(MARKER);
  } finally {
    app.close();
    removeDir(core.vaultDir);
    removeDir(work);
  }
});

test("vault check names a review or a scenario sealed under a key Hearth does not seal it with (a trainer's own client)", async () => {
  const core = await vaultWithStaff([
    ['ola', 'interviewer'],
    ['tara', 'trainer'],
  ]);
  try {
    const sessionId = await olaPractises(core);
    await signInAs(core, 'tara');
    const { scenarioId } = await call(core, 'training.saveScenario', {
      scenario: trainerScenarioInput('Tara scenario'),
    });
    expect(coded(await checkAsAdmin(core), 'SCENARIO_WRONG_KEY')).toEqual([]);

    // Tara's own client: her review, signed by her, but under the practice key (every
    // interviewer holds it), and her scenario's next version under her personal key. (A review
    // she signed under the session key is moved at the admin's sign-in, as an old one is.)
    const v = await signInAs(core, 'tara');
    const review = {
      sessionId,
      reviewer: 'tara',
      reviewerName: 'TARA',
      comments: [],
      overall: MARKER,
      version: 1,
      savedAt: v.nowIso(),
    };
    const address = {
      recordId: `practice-review:${sessionId}`,
      containerId: sessionId,
      kind: 'practice-review',
      seq: 1,
    };
    v.write('training.saveReview', sessionId, (put) =>
      put({ ...address, keyRef: 'class:practice' }, review),
    );
    const real = v.records.get<Record<string, unknown>>(scenarioId)!;
    v.write('training.saveScenario', scenarioId, (put) =>
      put({ ...real.address, seq: 2, keyRef: 'personal:tara' }, { ...real.value, version: 2 }),
    );
    let problems = await checkAsAdmin(core);
    expect(coded(problems, 'REVIEW_WRONG_KEY').map((p) => p.values?.session)).toEqual([sessionId]);
    expect(coded(problems, 'SCENARIO_WRONG_KEY').map((p) => p.values?.scenario)).toEqual([
      scenarioId,
    ]);
    expect(JSON.stringify(problems)).not.toContain(MARKER);

    // Under a review key she also wrapped for the practice key (every interviewer): named.
    const w = await signInAs(core, 'tara');
    w.write('training.saveReview', sessionId, (put) => {
      const keys = w.keys;
      keys.create(`review:${sessionId}`, [
        keys.requireCurrentId('class:training'),
        keys.requireCurrentId('class:practice'),
      ]);
      return put({ ...address, seq: 2, keyRef: `review:${sessionId}` }, { ...review, version: 2 });
    });
    problems = await checkAsAdmin(core);
    const named = coded(problems, 'REVIEW_WRONG_KEY');
    expect(named.map((p) => p.values?.session)).toEqual([sessionId]);
    expect(named[0]!.detail).toContain('also wrapped for class:practice');

    // Her genuine save replaces it, under the right key: nothing named.
    await taraReviews(core, sessionId, 'Fine.');
    expect(coded(await checkAsAdmin(core), 'REVIEW_WRONG_KEY')).toEqual([]);
  } finally {
    core.close();
    removeDir(core.vaultDir);
  }
});

test("removing a trainer rotates the review keys: his old keys open no review saved afterwards; the trainee and the other trainer still read it", async () => {
  const core = await vaultWithStaff([
    ['ola', 'interviewer'],
    ['tara', 'trainer'],
    ['tom', 'trainer'],
  ]);
  const work = mkdtempSync(join(tmpdir(), 'sec44-remove-'));
  try {
    const sessionId = await olaPractises(core);
    await taraReviews(core, sessionId, `First. ${MARKER}`);
    await call(core, 'vault.lock', {});
    const toms = offline(core, work, 'tom', 'before');
    expect(toms.plaintext).toContain(`First. ${MARKER}`);

    await signInAs(core, ADMIN.username);
    await call(core, 'users.remove', { username: 'tom' });
    const saved = await taraReviews(core, sessionId, `Second. ${MARKER}`);
    await call(core, 'vault.lock', {});
    const later = offlineRead(copyVault(core.vaultDir, work, 'tom-later'), { keys: toms.keys });
    expect(later.plaintext).not.toContain(`Second. ${MARKER}`);
    expect(offline(core, work, 'ola', 'later').plaintext).toContain(`Second. ${MARKER}`);
    for (const who of ['ola', 'tara'])
      expect(await shownTo(core, who, sessionId)).toEqual({ review: saved });
    const problems = await checkAsAdmin(core);
    expect(problems.filter((p) => JSON.stringify(p).includes('review'))).toEqual([]);
  } finally {
    core.close();
    removeDir(core.vaultDir);
    removeDir(work);
  }
});
