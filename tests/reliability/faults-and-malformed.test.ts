// I/O faults during export leave no partial bundle; malformed transcripts and scenario files
// are refused with clear errors in bounded work and memory (work counted, not timed: see bounded).
import fs from 'node:fs';
import { readdirSync } from 'node:fs';
import { ADMIN, call, callError, removeDir, tempDir } from '../helpers/core';
import { countRegexWork } from '../helpers/regex-work';
import { vaultWithSession } from '../helpers/sessions';
import { report } from './config';

function ioError(code: 'ENOSPC' | 'EIO'): NodeJS.ErrnoException {
  const error: NodeJS.ErrnoException = new Error(`${code}: simulated`);
  error.code = code;
  return error;
}

test('ENOSPC or EIO at any point of an export leaves nothing at the destination', async () => {
  const core = await vaultWithSession();
  const out = tempDir();
  const realWriteSync = fs.writeSync;
  let faults = 0;
  try {
    for (let i = 0; i < 30; i++)
      await call(core, 'sessions.addNote', {
        sessionId: core.sessionId,
        kind: i % 2 ? 'child' : 'question',
        text: `note ${i}`,
      });
    await call(core, 'sessions.finalize', { sessionId: core.sessionId });
    for (const code of ['ENOSPC', 'EIO'] as const) {
      for (const failAt of [1, 2, 4, 7, 9]) {
        let writes = 0;
        const spy = jest
          .spyOn(fs, 'writeSync')
          .mockImplementation((...args: Parameters<typeof fs.writeSync>) => {
            if (++writes === failAt) throw ioError(code);
            return (realWriteSync as (...a: unknown[]) => number)(...args);
          });
        try {
          const error = await callError(core, 'export.sealed', {
            sessionId: core.sessionId,
            outDir: out,
          });
          expect(error.code).toBe(code === 'ENOSPC' ? 'DISK_FULL' : 'IO_ERROR');
          faults++;
        } finally {
          spy.mockRestore();
        }
        expect(readdirSync(out)).toEqual([]);
      }
    }
    // With the disk healthy again the same export succeeds.
    const done = await call(core, 'export.sealed', { sessionId: core.sessionId, outDir: out });
    expect(readdirSync(out)).toEqual([done.path.split('/').pop()]);
    report('export I/O faults', { 'injected faults': faults, 'partial bundles left': 0 });
  } finally {
    core.close();
    removeDir(core.vaultDir);
    removeDir(out);
  }
});

/**
 * Regular-expression work a refusal may cost, in passes over the payload (characters scanned per
 * character sent). Refusals here cost 0-6; a parser that re-reads the rest of the text per line or
 * per cue costs thousands on these inputs.
 */
const MAX_PASSES = 16;

/** Characters in a payload: its strings and keys, two per object or array (no recursion). */
function payloadChars(payload: unknown): number {
  let chars = 0;
  const stack: unknown[] = [payload];
  while (stack.length > 0) {
    const value = stack.pop();
    if (typeof value === 'string') chars += value.length;
    else if (value !== null && typeof value === 'object') {
      chars += 2;
      for (const [key, inner] of Object.entries(value)) {
        chars += key.length;
        stack.push(inner);
      }
    } else chars += String(value).length;
  }
  return chars;
}

test('the work bound fails a parser that re-reads the text per line, and passes one that reads it once', async () => {
  const text = Array.from(
    { length: 2_000 },
    (_, i) => `Interviewer: where were you ${i}\nChild: at home ${i}\n`,
  ).join('');
  const lines = text.split('\n');
  const once = await countRegexWork(() =>
    Promise.resolve(lines.filter((l) => /^Child:/.test(l)).length),
  );
  // Each line looked up again in the whole text from its start: quadratic in the lines.
  const again = await countRegexWork(() =>
    Promise.resolve(lines.filter((l) => new RegExp(`^${l}$`, 'm').test(text)).length),
  );
  expect(once.value).toBe(2_000);
  expect(once.work.chars / text.length).toBeLessThan(MAX_PASSES);
  expect(again.work.chars / text.length).toBeGreaterThan(MAX_PASSES * 10);
});

describe('malformed inputs are refused in bounded work and memory', () => {
  let core: Awaited<ReturnType<typeof vaultWithSession>>;
  beforeAll(async () => {
    core = await vaultWithSession();
    await call(core, 'users.add', {
      username: 'tess',
      displayName: 'Tess Trainer',
      role: 'trainer',
      passphrase: 'trainer passphrase 1',
    });
  });
  afterAll(() => {
    core.close();
    removeDir(core.vaultDir);
  });

  /**
   * The refusal, the heap it grew by, and its work in characters scanned by regular expressions
   * per character of the payload (tests/helpers/regex-work.ts). Work, not time: a parser that
   * re-reads the text per line or per cue on input it does not expect (how a refusal turns into
   * minutes) shows as many passes over the payload on any machine, however fast.
   */
  async function bounded(channel: string, payload: unknown) {
    const heapBefore = process.memoryUsage().heapUsed;
    const { value: error, work } = await countRegexWork(() => callError(core, channel, payload));
    const heapMb = (process.memoryUsage().heapUsed - heapBefore) / 1024 / 1024;
    return { error, heapMb, passes: work.chars / payloadChars(payload) };
  }

  const binary = Buffer.from(
    Array.from({ length: 4 * 1024 * 1024 }, (_, i) => (i * 7919) % 256),
  ).toString('latin1');
  const nested = (depth: number): unknown => (depth === 0 ? 'leaf' : { a: nested(depth - 1) });

  test.each([
    ['a 6 MB transcript', { text: 'Interviewer: hi\n'.repeat(400_000), language: 'en' }],
    ['4 MB of binary bytes', { text: binary, language: 'en' }],
    [
      'Latin-1 bytes read as UTF-8 (mojibake, no labels)',
      {
        text: Buffer.from('Niño: sí, fuimos allí', 'latin1').toString('utf8').repeat(1000),
        language: 'es',
      },
    ],
    [
      'lone surrogates and NULs',
      { text: '\uD800\u0000Interviewer\uDFFF: \u0000'.repeat(10_000), language: 'en' },
    ],
    ['a transcript as a deeply nested object', { text: nested(5_000), language: 'en' }],
  ])('transcript: %s', async (_label, payload) => {
    const { error, passes, heapMb } = await bounded('questions.importTranscript', payload);
    // Refused as input, as a transcript (with the line) or as a bad encoding: never accepted.
    expect(['INVALID_INPUT', 'BAD_TRANSCRIPT', 'BAD_ENCODING']).toContain(error.code);
    expect(passes).toBeLessThan(MAX_PASSES);
    expect(heapMb).toBeLessThan(300);
  });

  test('transcript: a VTT file whose cues never end', async () => {
    const vtt = (cues: number) => ({
      text: 'WEBVTT\n\n' + '00:00:01.000 --> '.repeat(cues),
      language: 'en',
    });
    // Full size (3.4 MB on one line) for the refusal and the heap. Its work is counted on a
    // tenth: counting sends each regular-expression step through JavaScript (split tries every
    // position), which costs more than the refusal itself; passes per character do not depend on
    // the length unless the parser re-reads the text, which is what the count is there to catch.
    const refused = ['INVALID_INPUT', 'BAD_TRANSCRIPT', 'BAD_ENCODING'];
    const heapBefore = process.memoryUsage().heapUsed;
    const full = await callError(core, 'questions.importTranscript', vtt(200_000));
    expect((process.memoryUsage().heapUsed - heapBefore) / 1024 / 1024).toBeLessThan(300);
    expect(refused).toContain(full.code);
    const { error, passes } = await bounded('questions.importTranscript', vtt(20_000));
    expect(refused).toContain(error.code);
    expect(passes).toBeLessThan(MAX_PASSES);
  });

  test.each([
    ['a huge scenario', { scenario: { title: 'x'.repeat(5_000_000) } }],
    ['a deeply nested scenario', { scenario: nested(5_000) }],
    [
      'binary in every field',
      { scenario: { title: binary.slice(0, 100_000), ageYears: binary.slice(0, 10) } },
    ],
    ['not an object', { scenario: 'DROP TABLE records' }],
  ])('scenario file: %s', async (_label, payload) => {
    await call(core, 'vault.unlock', { username: 'tess', passphrase: 'trainer passphrase 1' });
    try {
      const { error, passes, heapMb } = await bounded('training.saveScenario', payload);
      expect(error.code).toBe('INVALID_INPUT');
      expect(passes).toBeLessThan(MAX_PASSES);
      expect(heapMb).toBeLessThan(300);
    } finally {
      await call(core, 'vault.unlock', { username: ADMIN.username, passphrase: ADMIN.passphrase });
    }
  });
});
