// Vite builds the renderer into dist/renderer with relative asset paths, so the same files load
// under Electron's app:// protocol and from the end-to-end harness's page.route (no server).
// No React plugin: Vite 8 transforms TSX itself (oxc), with React's automatic JSX runtime.
import { defineConfig } from 'vite';

const here = new URL('.', import.meta.url).pathname;

export default defineConfig({
  root: here,
  base: './',
  oxc: { jsx: { runtime: 'automatic', importSource: 'react' } },
  build: {
    outDir: `${here}../dist/renderer`,
    emptyOutDir: true,
    target: 'chrome120',
    // Source maps would ship the source with the app; the renderer is debugged in dev builds.
    sourcemap: false,
    chunkSizeWarningLimit: 1500,
  },
  // The renderer must work offline: nothing is fetched at run time.
  server: { hmr: false },
});
