// The scale benchmark's vault cache: each size is built once (bench/scale-build.ts), kept as a
// pristine copy, and reused by later runs, which measure a throwaway copy of it. Sizes grow one
// vault (a build of N sessions is the start of any larger one), so 1,250 + 5,000 + 20,000 costs
// 20,000 sessions of building, and a build stopped part-way resumes from its last commit.
//
// Layout of the cache folder (default bench/.cache/scale, or `--cache DIR`):
//   grow/           the vault being grown, with build-state.json
//   <sessions>/     a finished size: a copy of grow/ at that size, with built.json
import {
  cpSync,
  existsSync,
  mkdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { growScaleVault, type Built } from './scale-build';

export const DEFAULT_CACHE = join(__dirname, '.cache', 'scale');

export interface CachedVault {
  /** The pristine vault folder: copy it before measuring (measuring writes to it). */
  dir: string;
  built: Built;
  /** Whether this call built (part of) it. */
  builtNow: boolean;
}

function sessionsIn(dir: string): number {
  const state = join(dir, 'build-state.json');
  return existsSync(state) ? (JSON.parse(readFileSync(state, 'utf8')) as Built).sessions : 0;
}

/**
 * The cached vault of `sessions` sessions, built (or grown, or resumed) when missing. A size
 * smaller than the vault being grown gets a growing folder of its own.
 */
export async function cachedScaleVault(cacheDir: string, sessions: number): Promise<CachedVault> {
  const done = join(cacheDir, String(sessions));
  if (existsSync(join(done, 'built.json')))
    return {
      dir: done,
      built: JSON.parse(readFileSync(join(done, 'built.json'), 'utf8')) as Built,
      builtNow: false,
    };
  mkdirSync(cacheDir, { recursive: true });
  let grow = join(cacheDir, 'grow');
  if (sessionsIn(grow) > sessions) grow = join(cacheDir, `grow-${sessions}`);
  const had = sessionsIn(grow);
  process.stderr.write(
    had > 0
      ? `scale cache: growing ${grow} from ${had} to ${sessions} sessions…\n`
      : `scale cache: building ${sessions} sessions in ${grow}…\n`,
  );
  const built = await growScaleVault(grow, sessions);
  const partial = `${done}.partial`;
  rmSync(partial, { recursive: true, force: true });
  cpSync(grow, partial, { recursive: true });
  writeFileSync(join(partial, 'built.json'), JSON.stringify(built));
  renameSync(partial, done); // a size is in the cache only once fully copied
  return { dir: done, built, builtNow: true };
}

/** Builds the sizes given on the command line into the cache (for a build ahead of measuring). */
if (require.main === module) {
  const sizes = (process.argv[2] ?? '1250').split(',').map(Number);
  const cacheDir = process.argv[3] ?? DEFAULT_CACHE;
  void (async () => {
    for (const n of sizes.sort((a, b) => a - b)) {
      const { built } = await cachedScaleVault(cacheDir, n);
      process.stderr.write(
        `scale cache: ${n} sessions ready (${Math.round(built.buildMs / 1000)} s of building)\n`,
      );
    }
  })();
}
