// `npm run renderer:screens` (tests/e2e/screens.ts): the README's way to see the renderer in
// Chromium without Electron (newcomer 26, F7). It writes one PNG per first screen, the page
// reports no error, and the temporary vault it used is gone afterwards.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { removeDir, tempDir } from '../helpers/core';
import { SCREENS, writeScreens } from './screens';

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

test('writes the first screens as PNGs, with no page errors, and leaves no vault behind', async () => {
  const out = join(tempDir('hearth-screens-'), 'screens');
  try {
    const { files, pageErrors, workDir } = await writeScreens(out, 'es');
    expect(pageErrors).toEqual([]);
    expect(readdirSync(out).sort()).toEqual(SCREENS.map((s) => `${s}.png`).sort());
    for (const f of files) {
      const bytes = readFileSync(f);
      expect(bytes.subarray(0, 8).equals(PNG)).toBe(true);
      expect(bytes.length).toBeGreaterThan(5_000);
    }
    // Its own temporary vault folder is gone (not a listing of the shared temp folder, which the
    // other e2e files running beside it in parallel workers fill and empty: a race, not a leak).
    expect(workDir).toMatch(/hearth-e2e-/);
    expect(existsSync(workDir)).toBe(false);
  } finally {
    removeDir(join(out, '..'));
  }
});
