// `npm run renderer:screens` (tests/e2e/screens.ts): the README's way to see the renderer in
// Chromium without Electron (newcomer 26, F7). It writes one PNG per first screen, the page
// reports no error, and the temporary vault it used is gone afterwards.
import { readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { removeDir, tempDir } from '../helpers/core';
import { SCREENS, writeScreens } from './screens';

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

test('writes the first screens as PNGs, with no page errors, and leaves no vault behind', async () => {
  const out = join(tempDir('hearth-screens-'), 'screens');
  const before = readdirSync(tmpdir()).filter((n) => n.startsWith('hearth-e2e-'));
  try {
    const { files, pageErrors } = await writeScreens(out, 'es');
    expect(pageErrors).toEqual([]);
    expect(readdirSync(out).sort()).toEqual(SCREENS.map((s) => `${s}.png`).sort());
    for (const f of files) {
      const bytes = readFileSync(f);
      expect(bytes.subarray(0, 8).equals(PNG)).toBe(true);
      expect(bytes.length).toBeGreaterThan(5_000);
    }
    const after = readdirSync(tmpdir()).filter((n) => n.startsWith('hearth-e2e-'));
    expect(after.filter((n) => !before.includes(n))).toEqual([]);
  } finally {
    removeDir(join(out, '..'));
  }
});
