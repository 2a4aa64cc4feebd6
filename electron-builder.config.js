// Packaging for Linux (AppImage, deb), Windows (NSIS) and macOS (dmg): `npm run dist`.
// tests/unit/electron/builder-config.test.ts reads this file: fuses, asar, targets, files.
'use strict';

/** @type {import('electron-builder').Configuration} */
module.exports = {
  appId: 'org.hearth.desktop',
  productName: 'Hearth',
  copyright: 'Hearth contributors',
  directories: { output: 'release', buildResources: 'build' },

  // What goes into app.asar: the compiled core, shell and renderer, the migrations the vault
  // applies at open, and the strings. No sources, maps, tests, benchmarks or type files.
  files: [
    'package.json',
    'dist/src/**/*.js',
    'dist/locales/**/*.json',
    'dist/electron/**/*.js',
    'dist/renderer/**/*',
    'migrations/*.sql',
    'locales/**/*.json',
    '!dist/src/cli/**',
    '!**/*.map',
    '!**/*.d.ts',
  ],
  asar: true,
  // Native addons cannot be loaded from inside an archive.
  asarUnpack: ['**/*.node'],

  // better-sqlite3 is rebuilt for Electron's ABI by electron-builder while packaging (and by
  // `electron-builder install-app-deps` for `npm start`), never at npm's postinstall.
  npmRebuild: true,
  nodeGypRebuild: false,
  buildDependenciesFromSource: false,

  // Flipped in the Electron binary itself, so no environment variable or flag undoes them.
  electronFuses: {
    runAsNode: false,
    enableNodeOptionsEnvironmentVariable: false,
    enableNodeCliInspectArguments: false,
    enableEmbeddedAsarIntegrityValidation: true,
    onlyLoadAppFromAsar: true,
    enableCookieEncryption: true,
    grantFileProtocolExtraPrivileges: false,
    loadBrowserProcessSpecificV8Snapshot: false,
  },

  // Offline-first: nothing is published and the app never checks for updates.
  publish: null,

  linux: {
    target: ['AppImage', 'deb'],
    icon: 'build/icon.png',
    category: 'Office',
    synopsis: 'Trauma-informed forensic interviews of children, offline',
  },
  deb: { priority: 'optional' },
  win: { target: ['nsis'], icon: 'build/icon.png' },
  nsis: {
    oneClick: false,
    perMachine: true,
    allowToChangeInstallationDirectory: true,
    deleteAppDataOnUninstall: false,
  },
  mac: {
    target: ['dmg'],
    icon: 'build/icon.png',
    category: 'public.app-category.productivity',
    hardenedRuntime: true,
  },
  dmg: { title: 'Hearth' },
};
