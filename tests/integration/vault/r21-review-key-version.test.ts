// Red team 21, R21-4 (medium, DoS): with no key at all, one row
// `review:<session>@9007199254740991` (2^53 - 1, the largest version) in key_wraps made every
// later save of that practice interview's review fail TAMPERED: the next version was taken past
// the newest stored one, and there is none past it. Review keys now get the next-version rule
// session keys got (R20-1, R21-1): Hearth writes only under a version proved under a class key
// the writer holds, skips the rest, and vault check names them (KEY_VERSION_UNPROVEN).
import { randomBytes } from 'node:crypto';
import Database from 'better-sqlite3';
import { vaultFile } from '../../../src/vault';
import { call, makeCore, removeDir } from '../../helpers/core';
import { checkAsAdmin, signInAs, vaultWithStaff, type Core } from '../../helpers/red-team';

jest.setTimeout(180_000);

const TOP = Number.MAX_SAFE_INTEGER;

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

/** A junk version `version` of `logical`, "wrapped" for `holder` (random bytes, no key). */
function plant(dir: string, logical: string, version: number, holder: string): void {
  const db = new Database(vaultFile(dir));
  try {
    db.prepare('INSERT INTO key_wraps VALUES (?, ?, ?, ?, ?)').run(
      logical,
      version,
      holder,
      randomBytes(24),
      randomBytes(80),
    );
  } finally {
    db.close();
  }
}

function currentTrainingKey(dir: string): string {
  const db = new Database(vaultFile(dir), { readonly: true });
  try {
    const { v } = db
      .prepare("SELECT max(version) AS v FROM key_wraps WHERE logical = 'class:training'")
      .get() as { v: number };
    return `class:training@${v}`;
  } finally {
    db.close();
  }
}

test.each([
  ['held by the training class key', (dir: string) => currentTrainingKey(dir)],
  ['held by nobody', () => 'nobody'],
])(
  'R21-4: one planted row review:<session>@2^53-1 (%s) stops no review save; check names it',
  async (_name, holder) => {
    let core = await vaultWithStaff([
      ['ola', 'interviewer'],
      ['tara', 'trainer'],
    ]);
    try {
      const sessionId = await olaPractises(core);
      await signInAs(core, 'tara');
      const first = await call(core, 'training.saveReview', {
        sessionId,
        comments: [],
        overall: 'Use more invitations.',
      });
      expect(first.review.version).toBe(1);
      await call(core, 'vault.lock', {});
      core.close();
      plant(core.vaultDir, `review:${sessionId}`, TOP, holder(core.vaultDir));
      core = makeCore(core.vaultDir) as unknown as Core;

      // Before: TAMPERED at every later save.
      await signInAs(core, 'tara');
      const second = await call(core, 'training.saveReview', {
        sessionId,
        comments: [],
        overall: 'Better: two invitations in a row.',
      });
      expect(second.review.version).toBe(2);
      // The trainee reads it.
      await signInAs(core, 'ola');
      expect(await call(core, 'training.review', { sessionId })).toEqual({
        review: second.review,
      });
      const named = (await checkAsAdmin(core)).filter((p) => p.code === 'KEY_VERSION_UNPROVEN');
      expect(named.map((p) => p.id)).toEqual([`review:${sessionId}`]);
      expect(named[0]!.detail).toContain(`review:${sessionId}@${TOP}`);
      expect(named[0]!.detail).not.toMatch(/invitations/);
    } finally {
      core.close();
      removeDir(core.vaultDir);
    }
  },
);
