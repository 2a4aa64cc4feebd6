#!/usr/bin/env node
// Runs the README's test command (`npm test`: build, type-check, lint, every jest project) while
// two CPU-burning processes compete for the machine, N times in a row (default 3), and stops at
// the first failing run. This is how we check that no test depends on how fast the machine is: a
// loaded 2-core CI box must give the same verdicts as an idle one.
//
// Usage: node tests/helpers/under-load.mjs [--runs N] [--burners N] [-- jest args...]
// (jest args are passed on to jest through `npm test -- ...`).
// Exit code: 0 when every run passed, else the failing run's exit code.
import { spawn, spawnSync } from 'node:child_process';

const say = (line) => process.stdout.write(`${line}\n`);
const complain = (line) => process.stderr.write(`${line}\n`);

const argv = process.argv.slice(2);
const split = argv.indexOf('--');
const own = split === -1 ? argv : argv.slice(0, split);
const jestArgs = split === -1 ? [] : argv.slice(split + 1);
const option = (name, fallback) => {
  const at = own.indexOf(name);
  const value = at === -1 ? fallback : Number(own[at + 1]);
  if (!Number.isInteger(value) || value < 0) {
    complain(`${name} needs a whole number (got ${own[at + 1]}). Example: --runs 3`);
    process.exit(2);
  }
  return value;
};
const runs = option('--runs', 3);
const burnerCount = option('--burners', 2);

// Each burner spins, and now and then checks that this runner is still its parent, so that a
// runner killed without its exit handler (SIGKILL) does not leave burners spinning for ever.
const BURN = `const parent = ${process.pid};
for (let i = 1; ; i++) if ((i & 0xffffff) === 0 && process.ppid !== parent) process.exit(0);`;
const burners = Array.from({ length: burnerCount }, () =>
  spawn(process.execPath, ['-e', BURN], { stdio: 'ignore' }),
);
const stopBurners = () => burners.forEach((b) => b.kill('SIGKILL'));
process.on('exit', stopBurners);
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => process.exit(130));

let status = 0;
for (let run = 1; run <= runs && status === 0; run += 1) {
  say(`\n== under load (${burnerCount} CPU burners): run ${run} of ${runs} ==`);
  const started = Date.now();
  const result = spawnSync('npm', ['test', ...(jestArgs.length > 0 ? ['--', ...jestArgs] : [])], {
    stdio: 'inherit',
  });
  status = result.status ?? 1;
  say(
    `== run ${run}: ${status === 0 ? 'passed' : `FAILED (exit ${status})`} in ${Math.round((Date.now() - started) / 1000)} s ==`,
  );
}
process.exit(status);
