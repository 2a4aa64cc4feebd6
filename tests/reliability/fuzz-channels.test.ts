// Property-based fuzzing of every core channel: random payloads (anything at all, and valid
// payloads with one field broken). Every call resolves to a result or a typed error from the
// contract's list, never throws, never answers INTERNAL, a success always matches the
// channel's response schema, and the vault stays consistent (vault.check, sessions.verify).
import { join } from 'node:path';
import fc from 'fast-check';
import { channels, ERROR_CODES, type Channel } from '../../src/api/contract';
import { ADMIN, call, makeVault, plaintextHits, removeDir, tempDir } from '../helpers/core';
import { COUNTS, report } from './config';

const PATH_FIELDS = new Set(['path', 'outDir', 'outPath']);
/** Valid payloads of these would cost an Argon2id derivation each or sign the user out. */
const NO_VALID_BASE = new Set([
  'users.add',
  'vault.changePassphrase',
  'vault.recover',
  'vault.unlock',
  'vault.lock',
  'vault.backup',
  'export.sealed',
  'training.progressReport',
  'keys.exportPublic',
]);

interface Fixture {
  caseId: string;
  sessionId: string;
  noteId: string;
  sealedId: string;
  practiceId: string;
}

function validPayloads(f: Fixture, sandbox: string): Partial<Record<Channel, unknown>> {
  return {
    'vault.status': {},
    'vault.create': ADMIN,
    'vault.check': {},
    'users.list': {},
    'audit.list': { limit: 5 },
    'cases.create': { reference: 'FZ', childAlias: 'Fuzz', childAgeYears: 8, language: 'en' },
    'cases.list': {},
    'cases.get': { caseId: f.caseId },
    'cases.update': { caseId: f.caseId, patch: { notes: 'fuzzed' } },
    'cases.archive': { caseId: f.caseId, archived: false },
    'protocols.list': { language: 'en' },
    'protocols.plan': { protocolId: 'nichd', ageYears: 7, language: 'en' },
    'questions.classify': { text: 'Tell me more about that.', language: 'en' },
    'questions.importTranscript': {
      text: 'Interviewer: Tell me what happened.\nChild: We played.',
      language: 'en',
    },
    'questions.report': { sessionId: f.sessionId },
    'sessions.start': { caseId: f.caseId, protocolId: 'nichd', mode: 'live', language: 'en' },
    'sessions.get': { sessionId: f.sessionId },
    'sessions.list': { caseId: f.caseId },
    'sessions.markRecording': { sessionId: f.sessionId, restart: true },
    'sessions.enterPhase': { sessionId: f.sessionId, phaseId: 'rapport' },
    'sessions.checkItem': {
      sessionId: f.sessionId,
      phaseId: 'rapport',
      itemId: 'rapport.pleasant',
    },
    'sessions.addNote': { sessionId: f.sessionId, kind: 'question', text: 'What happened next?' },
    'sessions.editNote': { sessionId: f.sessionId, noteId: f.noteId, text: 'Edited by the fuzzer' },
    'sessions.startBreak': { sessionId: f.sessionId, reason: 'fuzz break' },
    'sessions.endBreak': { sessionId: f.sessionId },
    'sessions.markDistress': { sessionId: f.sessionId },
    'sessions.linkExtended': { sessionId: f.sessionId, plannedSessions: 2 },
    'sessions.extendedInterview': { sessionId: f.sessionId },
    'sessions.earlierChildWords': { sessionId: f.sessionId },
    'sessions.continuity': { sessionId: f.sessionId },
    'sessions.recordMedia': { sessionId: f.sessionId, action: 'declined', aid: 'drawing' },
    'sessions.pause': { sessionId: f.sessionId },
    'sessions.resume': { sessionId: f.sessionId },
    'sessions.finalize': { sessionId: f.practiceId },
    'sessions.addAddendum': { sessionId: f.sealedId, text: 'fuzz addendum' },
    'sessions.verify': { sessionId: f.sealedId },
    'sessions.timeline': { sessionId: f.sessionId },
    'export.verify': {
      path: join(sandbox, 'nothing-here'),
      publicKey: 'untrusted comment: x\nRWQ',
    },
    'export.openEncrypted': { path: join(sandbox, 'nothing'), outDir: sandbox, publicKey: 'x' },
    'keys.myPublicKey': {},
    'recipients.list': {},
    'recipients.add': { label: 'Office', publicKey: 'not a key' },
    'training.scenarios': { language: 'en' },
    'training.getScenario': { scenarioId: 'dog-bite', language: 'en' },
    'training.start': { scenarioId: 'dog-bite', seed: 1, language: 'en' },
    'training.progress': {},
  };
}

/** Keeps every file-system path the fuzzer produces inside the sandbox folder. */
function confinePaths(payload: unknown, sandbox: string): unknown {
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) return payload;
  const out: Record<string, unknown> = { ...(payload as Record<string, unknown>) };
  for (const [key, value] of Object.entries(out)) {
    if (PATH_FIELDS.has(key) && typeof value === 'string') {
      out[key] = join(sandbox, 'f' + Buffer.from(value).toString('hex').slice(0, 40));
    }
  }
  return out;
}

const brokenValue = fc.oneof(
  fc.anything(),
  fc.constant(''),
  fc.constant('x'.repeat(100_000)),
  fc.constant(-1),
  fc.constant(Number.NaN),
  fc.constant(null),
  fc.constant('../../../../etc/passwd'),
  fc.constant('\u0000\uFFFF\uD800'),
  fc.string({ maxLength: 40 }),
  fc.integer(),
);

test(
  `${COUNTS.fuzzCases} fuzzed calls: typed results only, vault consistent`,
  async () => {
    // A fake clock lets the harness step past unlock backoff after fuzzed wrong passphrases.
    let clockOffset = 0;
    const core = await makeVault({ now: () => Date.now() + clockOffset });
    let calls = 0;
    let relocks = 0;
    /** Fuzzed vault.lock / wrong vault.unlock calls sign the admin out; sign back in now and then. */
    const keepUnlocked = async () => {
      const status = await call(core, 'vault.status', {});
      if (status.unlocked && status.user?.username === ADMIN.username) return;
      clockOffset += 2 * 60 * 60_000;
      relocks++;
      await call(core, 'vault.unlock', { username: ADMIN.username, passphrase: ADMIN.passphrase });
    };
    const sandbox = tempDir('hearth-fuzz-');
    const stats = { ok: 0, errors: new Map<string, number>() };
    try {
      const { caseId } = await call(core, 'cases.create', {
        reference: 'FUZZ-1',
        childAlias: 'Quinnfuzzle',
        childAgeYears: 8,
        language: 'en',
      });
      const { sessionId } = await call(core, 'sessions.start', {
        caseId,
        protocolId: 'nichd',
        mode: 'live',
        language: 'en',
      });
      const { noteId } = await call(core, 'sessions.addNote', {
        sessionId,
        kind: 'child',
        text: 'Fuzzmarker-Tanglewood said this',
      });
      const { sessionId: sealedId } = await call(core, 'sessions.start', {
        caseId,
        protocolId: 'nichd',
        mode: 'live',
        language: 'en',
      });
      await call(core, 'sessions.finalize', { sessionId: sealedId });
      const { sessionId: practiceId } = await call(core, 'sessions.start', {
        protocolId: 'nichd',
        mode: 'practice',
        language: 'en',
        ageYears: 9,
      });
      const valid = validPayloads({ caseId, sessionId, noteId, sealedId, practiceId }, sandbox);
      const names = Object.keys(channels) as Channel[];
      const baseNames = names.filter((n) => valid[n] !== undefined && !NO_VALID_BASE.has(n));

      const anyPayload = fc.record({ channel: fc.constantFrom(...names), payload: fc.anything() });
      const brokenField = fc
        .record({
          channel: fc.constantFrom(...baseNames),
          key: fc.string({ maxLength: 12 }),
          pick: fc.nat(),
          value: brokenValue,
          drop: fc.boolean(),
        })
        .map(({ channel, key, pick, value, drop }) => {
          const base = { ...(valid[channel] as Record<string, unknown>) };
          const keys = Object.keys(base);
          const target =
            keys.length > 0 && pick % 3 !== 0 ? (keys[pick % keys.length] as string) : key;
          if (drop) delete base[target];
          else base[target] = value;
          return { channel: channel, payload: base };
        });
      const badChannel = fc.record({
        channel: fc.string({ maxLength: 30 }),
        payload: fc.anything(),
      });

      await fc.assert(
        fc.asyncProperty(
          fc.oneof(
            { arbitrary: brokenField, weight: 6 },
            { arbitrary: anyPayload, weight: 3 },
            { arbitrary: badChannel, weight: 1 },
          ),
          async ({ channel, payload }) => {
            if (++calls % 100 === 0) await keepUnlocked();
            const result = await core.invoke(channel, confinePaths(payload, sandbox));
            if (result.ok) {
              stats.ok++;
              const schema = channels[channel as Channel].response;
              expect(schema.safeParse(result.value).success).toBe(true);
            } else {
              stats.errors.set(result.error.code, (stats.errors.get(result.error.code) ?? 0) + 1);
              expect(ERROR_CODES).toContain(result.error.code);
              expect(typeof result.error.message).toBe('string');
              expect(result.error.code).not.toBe('INTERNAL');
              expect(result.error.message).not.toMatch(/\n\s+at /); // never a stack trace
            }
          },
        ),
        { numRuns: COUNTS.fuzzCases, seed: 20261128 },
      );
      await keepUnlocked();
      expect(await call(core, 'vault.check', {})).toEqual({ ok: true, problems: [] });
      for (const id of [sessionId, sealedId])
        expect(await call(core, 'sessions.verify', { sessionId: id })).toEqual({ ok: true });
      expect(
        plaintextHits(core.vaultDir, [
          'Quinnfuzzle',
          'Fuzzmarker-Tanglewood',
          'Edited by the fuzzer',
        ]),
      ).toEqual([]);
      report('channel fuzzing', {
        cases: COUNTS.fuzzCases,
        'successful calls': stats.ok,
        'typed errors': [...stats.errors.entries()].map(([k, v]) => `${k} ${v}`).join(', '),
        'untyped exceptions': 0,
        're-unlocks after fuzzed lock/unlock': relocks,
      });
    } finally {
      core.close();
      removeDir(core.vaultDir);
      removeDir(sandbox);
    }
  },
  30 * 60_000,
);
