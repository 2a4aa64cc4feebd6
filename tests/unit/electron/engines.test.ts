// `engines` in package.json is a promise: every Node version it admits installs the locked tree
// without an EBADENGINE warning (npm warns when an installed package's own `engines.node` rejects
// the running Node). Issue #21: @electron/rebuild 4 and node-abi 4 (pulled by electron-builder
// 26) want Node >= 22.12 while the project said ">=20 <21 || >=22" and CI runs Node 20.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import semver from 'semver';

const root = join(__dirname, '../../..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  engines: { node: string };
};
const lock = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8')) as {
  packages: Record<string, { version?: string; engines?: { node?: string } | string[] }>;
};

/** Locked packages whose own `engines.node` does not admit every Node the project admits. */
function packagesNarrowerThan(range: string): string[] {
  const narrower: string[] = [];
  for (const [path, entry] of Object.entries(lock.packages)) {
    if (path === '' || !entry.engines || Array.isArray(entry.engines)) continue;
    const wanted = entry.engines.node;
    if (wanted && !semver.subset(range, wanted))
      narrower.push(`${path}@${entry.version} wants ${wanted}`);
  }
  return narrower;
}

describe('engines (issue #21)', () => {
  it('the lockfile and package.json declare the same engines', () => {
    const locked = lock.packages['']!.engines as { node: string };
    expect(locked.node).toBe(pkg.engines.node);
  });

  it('every locked package accepts every Node version package.json admits', () => {
    expect(packagesNarrowerThan(pkg.engines.node)).toEqual([]);
  });

  it('the Node running the tests is one package.json admits', () => {
    expect(semver.satisfies(process.version, pkg.engines.node)).toBe(true);
  });

  it('the check can fail: the old range is caught by @electron/rebuild 4 and friends', () => {
    // The range before issue #21; the 20.0-20.18 part is narrower than eslint's and vite's own.
    expect(packagesNarrowerThan('>=20 <21 || >=22').length).toBeGreaterThan(0);
  });
});
