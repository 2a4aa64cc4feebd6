#!/usr/bin/env node
// Runs the README's test command (`npm test`: build, type-check, lint, every jest project) while
// two CPU-burning processes compete for the machine, N times in a row (default 3), and stops at
// the first failing run. This is how we check that no test depends on how fast the machine is: a
// loaded 2-core CI box must give the same verdicts as an idle one.
//
// Usage: node tests/helpers/under-load.mjs [--runs N] [--burners N] [--jest-only] [-- jest args...]
//   --runs N      runs in a row, at least 1 (default 3)
//   --burners N   CPU-burning processes beside the tests (default 2; 0 runs without load)
//   --jest-only   runs `jest` alone, without the build, type check and lint of `npm test`: a dry
//                 run of the machinery on a subset (`--jest-only -- tests/unit/foo.test.ts`). It
//                 is not the suite, and the summary says so.
//   -- args       passed on to jest (through `npm test -- ...`, or to jest directly)
// Exit code: 0 when every run passed; the failing run's exit code; 2 for a usage error; 3 when a
// burner died during a run (that run was not under the load it claims), 130 when interrupted.
// SIGINT/SIGTERM to this runner stop the test run it started and the burners; a runner killed
// outright (SIGKILL) leaves no burner spinning (each checks that its parent is still this runner).
import { spawn } from 'node:child_process';
import { loadavg } from 'node:os';

const say = (line) => process.stdout.write(`${line}\n`);
const complain = (line) => process.stderr.write(`${line}\n`);

const argv = process.argv.slice(2);
const split = argv.indexOf('--');
const own = split === -1 ? argv : argv.slice(0, split);
const jestArgs = split === -1 ? [] : argv.slice(split + 1);
const USAGE =
  'Usage: node tests/helpers/under-load.mjs [--runs N] [--burners N] [--jest-only] [-- jest args...]. Example: npm run test:under-load -- --runs 1';
const KNOWN = new Set(['--runs', '--burners', '--jest-only']);
for (let i = 0; i < own.length; i += 1) {
  if (!KNOWN.has(own[i])) {
    complain(`Unknown option ${own[i]}. ${USAGE}`);
    process.exit(2);
  }
  if (own[i] !== '--jest-only') i += 1; // its value
}
const option = (name, fallback, least) => {
  const at = own.lastIndexOf(name); // npm run test:under-load -- --runs 1: the last one given wins
  const value = at === -1 ? fallback : Number(own[at + 1]);
  if (!Number.isInteger(value) || value < least) {
    complain(`${name} needs a whole number of at least ${least} (got ${own[at + 1]}). ${USAGE}`);
    process.exit(2);
  }
  return value;
};
// At least one run: zero runs would "pass" having tested nothing.
const runs = option('--runs', 3, 1);
const burnerCount = option('--burners', 2, 0);
const jestOnly = own.includes('--jest-only');

// Each burner spins, and now and then checks that this runner is still its parent, so that a
// runner killed without its exit handler (SIGKILL) does not leave burners spinning for ever.
const BURN = `const parent = ${process.pid};
for (let i = 1; ; i++) if ((i & 0xffffff) === 0 && process.ppid !== parent) process.exit(0);`;
const burners = Array.from({ length: burnerCount }, () =>
  spawn(process.execPath, ['-e', BURN], { stdio: 'ignore' }),
);
const alive = () => burners.filter((b) => b.exitCode === null && b.signalCode === null).length;
const stopBurners = () => burners.forEach((b) => b.kill('SIGKILL'));
process.on('exit', stopBurners);

let child;
let interrupted = false;
// POSIX: each run in a process group of its own, stopped as a whole. Windows has none (and needs
// a shell to start npm).
const groups = process.platform !== 'win32';
for (const signal of ['SIGINT', 'SIGTERM'])
  process.on(signal, () => {
    // Stop the run in progress, then exit once it is gone. The run is its own process group
    // (npm, sh, jest and jest's workers): npm alone exits on SIGTERM and leaves jest running.
    interrupted = true;
    if (!child || child.exitCode !== null) process.exit(130);
    try {
      process.kill(groups ? -child.pid : child.pid, signal);
    } catch {
      child.kill(signal); // the group is gone already
    }
  });

/** One run of the command, inheriting stdio; resolves to its exit code (1 for a signal). */
function runOnce() {
  const [command, args] = jestOnly
    ? ['npx', ['jest', ...jestArgs]]
    : ['npm', ['test', ...(jestArgs.length > 0 ? ['--', ...jestArgs] : [])]];
  return new Promise((resolve) => {
    child = spawn(command, args, { stdio: 'inherit', shell: !groups, detached: groups });
    child.on('error', (error) => {
      complain(`Could not start ${command}: ${error.message}. Is Node's npm on PATH?`);
      resolve(1);
    });
    child.on('exit', (code) => resolve(code ?? 1));
  });
}

const what = jestOnly ? `jest ${jestArgs.join(' ')} (jest only: not the suite)` : 'npm test';
let status = 0;
for (let run = 1; run <= runs && status === 0 && !interrupted; run += 1) {
  say(`\n== under load (${burnerCount} CPU burners): ${what}, run ${run} of ${runs} ==`);
  const started = Date.now();
  const loadBefore = loadavg()[0];
  status = await runOnce();
  if (interrupted) status = 130;
  // A burner that died left the run with less load than it reports: not a pass under load.
  if (status === 0 && alive() < burnerCount) {
    complain(
      `Only ${alive()} of ${burnerCount} CPU burners were still running at the end of run ${run}: it was not under the load it claims. Run it again.`,
    );
    status = 3;
  }
  say(
    `== run ${run}: ${status === 0 ? 'passed' : `FAILED (exit ${status})`} in ${Math.round((Date.now() - started) / 1000)} s; load average (1 min) ${loadBefore.toFixed(1)} at the start, ${loadavg()[0].toFixed(1)} at the end ==`,
  );
}
process.exit(status);
