// `hearth classify --earlier FILE` through the built CLI (bin/hearth.js after `npm run build`):
// the child's words from earlier sessions of an extended interview are context for a later
// session, so a reviewer outside the app gets the app's verdict on the protocol's reconnect line
// (practitioner review 6, C14; earlier-sessions.ts). Bad input gets a clear error and exit code 2,
// and no error quotes the file's content.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { removeDir, tempDir } from '../helpers/core';

jest.setTimeout(60_000);

const BIN = join(__dirname, '..', '..', 'bin', 'hearth.js');

function classify(args: string[], input: string) {
  const r = spawnSync(process.execPath, [BIN, 'classify', ...args], { input, encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

let dir: string;
beforeAll(() => {
  if (!existsSync(join(__dirname, '..', '..', 'dist')))
    throw new Error('Run `npm run build` first: this test runs the built bin/hearth.js.');
});
beforeEach(() => {
  dir = tempDir();
});
afterEach(() => removeDir(dir));

const RECONNECT_EN =
  'Interviewer: Last time you told me about the lake. Tell me more about the lake.\n';
const RECONNECT_ES = 'Entrevistador: La vez pasada me contaste del río. Cuéntame más del río.\n';

test('the reconnect line is avoid without the earlier words and a cued invitation with them (en)', () => {
  const earlier = join(dir, 'session1.txt');
  writeFileSync(earlier, 'Interviewer: Tell me everything.\nChild: he took me to the lake\n');
  const without = classify(['--lang', 'en', '--json'], RECONNECT_EN);
  expect(without.code).toBe(0);
  expect(JSON.parse(without.out.trim())).toMatchObject({ type: 'suggestive', recommended: false });
  const withEarlier = classify(['--lang', 'en', '--json', '--earlier', earlier], RECONNECT_EN);
  expect(withEarlier.code).toBe(0);
  expect(JSON.parse(withEarlier.out.trim())).toMatchObject({
    type: 'cued-invitation',
    recommended: true,
  });
  // The interviewer's line of session 1 is not the child's: "Tell me everything" gives no words.
  expect(withEarlier.err).toBe('');
});

test('es, an unlabelled earlier file (every line is the child), --earlier=FILE form', () => {
  const earlier = join(dir, 'sesion1.txt');
  writeFileSync(earlier, '\uFEFFfuimos al río\r\nmi tío manejaba\r\n');
  const r = classify(['--lang=es', '--json', `--earlier=${earlier}`], RECONNECT_ES);
  expect(r.code).toBe(0);
  expect(JSON.parse(r.out.trim())).toMatchObject({ type: 'cued-invitation', recommended: true });
  // The earlier words do not vouch for a detail the child never said in any session.
  const other = classify(
    ['--lang=es', '--json', `--earlier=${earlier}`],
    'Entrevistador: Cuéntame más del sótano.\n',
  );
  expect(JSON.parse(other.out.trim())).toMatchObject({ type: 'suggestive' });
});

test('unlabelled lines on stdin keep unknown context, with a note saying how to use the words', () => {
  const earlier = join(dir, 'session1.txt');
  writeFileSync(earlier, 'Child: he took me to the lake\n');
  const r = classify(['--lang', 'en', '--earlier', earlier], 'Tell me more about the lake.\n');
  expect(r.code).toBe(0);
  expect(r.err).toMatch(/were not used for unlabelled lines.*Label the lines/);
});

test.each([
  ['a missing file', (d: string) => join(d, 'nope.txt'), /not found\. Check the path/],
  [
    'a folder',
    (d: string) => {
      mkdirSync(join(d, 'folder'));
      return join(d, 'folder');
    },
    /is a folder, not a file/,
  ],
  [
    'an empty file',
    (d: string) => {
      writeFileSync(join(d, 'empty.txt'), '\n\n');
      return join(d, 'empty.txt');
    },
    /is empty/,
  ],
  [
    'a dialogue with no child lines',
    (d: string) => {
      writeFileSync(join(d, 'iv.txt'), 'Interviewer: secret words here\n');
      return join(d, 'iv.txt');
    },
    /no Child:\/Niño:\/Niña: lines/,
  ],
  [
    'a file that is not UTF-8',
    (d: string) => {
      writeFileSync(join(d, 'latin1.txt'), Buffer.from([0x6e, 0x69, 0xf1, 0x6f, 0x0a]));
      return join(d, 'latin1.txt');
    },
    /not UTF-8 text/,
  ],
  [
    'a binary file',
    (d: string) => {
      writeFileSync(join(d, 'bin.dat'), Buffer.from([0x61, 0x00, 0x62]));
      return join(d, 'bin.dat');
    },
    /not a text file/,
  ],
])(
  '%s is a usage error (exit 2) with a next step, quoting nothing of the file',
  (_n, make, message) => {
    const path = make(dir);
    const r = classify(['--lang', 'en', '--earlier', path], 'Tell me more.\n');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
    expect(r.err).not.toMatch(/secret words/);
    expect(r.out).toBe('');
  },
);

test('a missing value and the help text', () => {
  const r = classify(['--lang', 'en', '--earlier'], '');
  expect(r.code).toBe(2);
  expect(r.err).toMatch(/Missing value for --earlier/);
  const help = classify(['--help'], '');
  expect(help.out).toMatch(/--earlier FILE/);
});
