// Public entry of the `hearth` package: the core that every caller (Electron, CLI, tests) uses.
export { createCore } from './api/core';
export type { Core, CoreOptions } from './api/core';
