// The built renderer loads from anywhere (Electron's app:// protocol, the harness's page.route):
// index.html exists and every asset path in it is relative.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DIST } from './harness';

test('dist/renderer has index.html with relative asset paths only', () => {
  const html = readFileSync(join(DIST, 'index.html'), 'utf8');
  const refs = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]!);
  expect(refs.length).toBeGreaterThan(0);
  for (const ref of refs) {
    expect(ref.startsWith('./')).toBe(true);
    expect(existsSync(join(DIST, ref))).toBe(true);
  }
  // Offline app: nothing in the bundle points at the network.
  const js = readdirSync(join(DIST, 'assets')).filter((f) => f.endsWith('.js'));
  for (const f of js) {
    expect(readFileSync(join(DIST, 'assets', f), 'utf8')).not.toMatch(/https?:\/\/(fonts|cdn)\./);
  }
});
