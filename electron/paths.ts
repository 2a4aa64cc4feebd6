// Where the app's files are, found from this file's folder (dist/electron when built, inside
// app.asar when packaged, electron/ when run from source by tests).
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** The nearest folder upwards that holds package.json: the app root (or the asar root). */
export function findAppRoot(start: string): string {
  let dir = start;
  for (;;) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    const parent = dirname(dir);
    if (parent === dir) return join(start, '..', '..');
    dir = parent;
  }
}

export interface AppPaths {
  /** The built renderer that app:// serves. */
  renderer: string;
  locales: string;
  preload: string;
  coreHost: string;
}

/** `shellDir` is the folder of the compiled main.js (preload and host sit beside it). */
export function appPaths(shellDir: string): AppPaths {
  const root = findAppRoot(shellDir);
  return {
    renderer: join(root, 'dist', 'renderer'),
    locales: join(root, 'locales'),
    preload: join(shellDir, 'preload.js'),
    coreHost: join(shellDir, 'core-host.js'),
  };
}
