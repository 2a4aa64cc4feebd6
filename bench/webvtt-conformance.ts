// Hearth's caption cue finder against the web-platform-tests WebVTT file-parsing tests
// (webvtt/parsing/file-parsing/support/*.test: input after "===", JS assertions before it).
// The test files are not in this repository (WPT's licence and size); fetch them and run:
//   npx tsx bench/webvtt-conformance.ts DIR_WITH_DOT_TEST_FILES
// Assertions on rendering settings (align, line, position, size, vertical, region) do not
// apply to a transcript and are skipped; a file Hearth refuses is reported with its code.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readCaptionCues, TranscriptError } from '../src/questions/transcript';

const SKIPPED = Symbol('not applicable to transcripts');

/** WPT's build step: "\\" + newline joins lines; \r \n \t \f \v \0 \xHH \uHHHH escapes. */
function unescapeInput(raw: string): string {
  return raw
    .replace(/\\\n/g, '')
    .replace(/\\(x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|[rntfv0\\])/g, (_m, e: string) => {
      if (e[0] === 'x' || e[0] === 'u') return String.fromCharCode(parseInt(e.slice(1), 16));
      return ({ r: '\r', n: '\n', t: '\t', f: '\f', v: '\v', '0': '\0', '\\': '\\' } as const)[
        e as 'r'
      ];
    });
}

function run(file: string): { result: string; detail: string } {
  const [head = '', body = ''] = readFileSync(file, 'utf8').split('\n===\n');
  const assertions = head.split('\n').slice(2).join('\n');
  let cues;
  try {
    cues = readCaptionCues(unescapeInput(body), 'vtt').map(
      (c) =>
        new Proxy(
          { id: c.id ?? '', text: c.text, startTime: c.startMs / 1000, endTime: c.endMs / 1000 },
          { get: (t, p) => (p in t ? t[p as keyof typeof t] : SKIPPED) },
        ),
    );
  } catch (error) {
    if (error instanceof TranscriptError)
      return {
        result: 'refused',
        detail: `${error.rule ?? error.code} at line ${error.line ?? '?'}`,
      };
    throw error;
  }
  const failures: string[] = [];
  const assertEquals = (actual: unknown, expected: unknown, message?: string): void => {
    if (actual === SKIPPED) return;
    if (actual !== expected)
      failures.push(
        `${message ?? 'assert'}: got ${JSON.stringify(actual)}, want ${JSON.stringify(expected)}`,
      );
  };
  type Assertions = (
    cues: unknown[],
    eq: typeof assertEquals,
    truthy: (v: unknown) => void,
  ) => void;
  // eslint-disable-next-line @typescript-eslint/no-implied-eval -- the suite's own assertions
  const check = new Function('cues', 'assert_equals', 'assert_true', assertions) as Assertions;
  check(cues, assertEquals, (v: unknown) => assertEquals(v, true));
  return failures.length === 0
    ? { result: 'pass', detail: `${cues.length} cue(s)` }
    : { result: 'fail', detail: failures.join('; ') };
}

const dir = process.argv[2];
if (!dir) {
  console.error('Usage: npx tsx bench/webvtt-conformance.ts DIR');
  process.exit(2);
}
const rows = readdirSync(dir)
  .filter((f) => f.endsWith('.test'))
  .sort()
  .map((f) => ({ test: f.replace(/\.test$/, ''), ...run(join(dir, f)) }));
console.table(rows);
const count = (r: string) => rows.filter((x) => x.result === r).length;
console.log(
  JSON.stringify({
    tests: rows.length,
    pass: count('pass'),
    fail: count('fail'),
    refused: count('refused'),
  }),
);
