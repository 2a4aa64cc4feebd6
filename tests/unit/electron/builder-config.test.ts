// The electron-builder config: fuses, asar, targets, and that the core, shell (main, preload,
// host), renderer build, migrations and strings are packaged while sources and maps are not.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Configuration } from 'electron-builder';

const root = join(__dirname, '../../..');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const config = require(join(root, 'electron-builder.config.js')) as Configuration;
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  main: string;
  scripts: Record<string, string>;
};

/** A tiny glob matcher for the patterns used in `files` (**, *, and ! negation). */
function globToRegExp(glob: string): RegExp {
  let out = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i]!;
    if (c === '*' && glob[i + 1] === '*') {
      out += glob[i + 2] === '/' ? '(?:.*/)?' : '.*';
      i += glob[i + 2] === '/' ? 2 : 1;
    } else if (c === '*') out += '[^/]*';
    else out += c.replace(/[.+?^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${out}$`);
}

function packaged(file: string): boolean {
  let included = false;
  for (const pattern of config.files as string[]) {
    if (pattern.startsWith('!')) {
      if (globToRegExp(pattern.slice(1)).test(file)) included = false;
    } else if (globToRegExp(pattern).test(file)) included = true;
  }
  return included;
}

test('fuses: no run-as-node, no NODE_OPTIONS, no inspector flags, asar only and validated', () => {
  expect(config.electronFuses).toMatchObject({
    runAsNode: false,
    enableNodeOptionsEnvironmentVariable: false,
    enableNodeCliInspectArguments: false,
    enableEmbeddedAsarIntegrityValidation: true,
    onlyLoadAppFromAsar: true,
    grantFileProtocolExtraPrivileges: false,
  });
});

test('asar, with native addons unpacked', () => {
  expect(config.asar).toBe(true);
  expect(config.asarUnpack).toEqual(['**/*.node']);
});

test('targets: AppImage and deb, NSIS, dmg', () => {
  expect(config.linux?.target).toEqual(['AppImage', 'deb']);
  expect(config.win?.target).toEqual(['nsis']);
  expect(config.mac?.target).toEqual(['dmg']);
  expect(config.appId).toMatch(/^[a-z]+(\.[a-z]+)+$/);
  expect(config.productName).toBe('Hearth');
});

test('icons exist', () => {
  for (const icon of [config.linux?.icon, config.win?.icon, config.mac?.icon]) {
    expect(typeof icon).toBe('string');
    const bytes = readFileSync(join(root, icon as string));
    expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
    // electron-builder needs at least 512x512 for macOS.
    expect(bytes.readUInt32BE(16)).toBeGreaterThanOrEqual(512);
  }
});

test('better-sqlite3 is rebuilt for Electron by electron-builder, not at postinstall', () => {
  expect(config.npmRebuild).toBe(true);
  expect(pkg.scripts.postinstall ?? '').not.toMatch(/install-app-deps|electron-rebuild/);
});

test('nothing is published and no update feed is configured', () => {
  expect(config.publish).toBeNull();
});

test.each([
  'package.json',
  'dist/electron/main.js',
  'dist/electron/preload.js',
  'dist/electron/core-host.js',
  'dist/src/index.js',
  'dist/src/api/core.js',
  'dist/locales/en/protocols.json',
  'dist/renderer/index.html',
  'dist/renderer/assets/index-abc123.js',
  'dist/renderer/assets/index-abc123.css',
  'migrations/0001_vault_core.sql',
  'locales/en/menu.json',
  'locales/es/menu.json',
])('packages %s', (file) => {
  expect(packaged(file)).toBe(true);
});

test.each([
  'src/api/core.ts',
  'electron/main.ts',
  'dist/electron/main.js.map',
  'dist/src/index.d.ts',
  'dist/src/cli/main.js',
  'tests/unit/electron/menu.test.ts',
  'bench/run.ts',
  'README.md',
])('leaves out %s', (file) => {
  expect(packaged(file)).toBe(false);
});

test('package.json main is the shell, and the built entry points are where the config says', () => {
  expect(pkg.main).toBe('dist/electron/main.js');
  expect(packaged(pkg.main)).toBe(true);
  for (const entry of ['main.ts', 'preload.ts', 'core-host.ts']) {
    expect(existsSync(join(root, 'electron', entry))).toBe(true);
  }
});

test('npm start builds main, preload and renderer and launches Electron; npm run dist packages', () => {
  expect(pkg.scripts['build:electron']).toBe('tsc -p electron/tsconfig.json');
  // `build` compiles the core and the renderer; `start` adds the shell and launches it.
  expect(pkg.scripts.build).toMatch(/build:renderer/);
  expect(pkg.scripts.start).toMatch(/npm run build\b.*build:electron.*electron \./);
  expect(pkg.scripts.dist).toMatch(
    /build:electron.*electron-builder --config electron-builder\.config\.js/,
  );
});

test("electron-builder's own schema accepts the config", async () => {
  // Deep import: electron-builder does not re-export its validator (app-builder-lib has no
  // "exports" map, so this path is reachable).
  const { getConfig, validateConfiguration } =
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    require('app-builder-lib/out/util/config/config') as {
      getConfig: (dir: string, file: string, extra: null) => Promise<Configuration>;
      validateConfiguration: (config: Configuration, logger: unknown) => Promise<void>;
    };
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { DebugLogger } = require('builder-util') as {
    DebugLogger: new (enabled: boolean) => unknown;
  };
  const loaded = await getConfig(root, join(root, 'electron-builder.config.js'), null);
  await expect(validateConfiguration(loaded, new DebugLogger(false))).resolves.toBeUndefined();
  expect(loaded.electronFuses).toEqual(config.electronFuses);
});
