// Testing Library matchers, and a guard: any console.error during a renderer test (React
// warnings, failed prop types, act() problems) fails the test instead of scrolling past.
import '@testing-library/jest-dom';
import { TextDecoder as NodeTextDecoder } from 'node:util';
import { configure } from '@testing-library/react';

// jsdom has no TextDecoder; the browser and Electron do (the transcript importer decodes files).
if (typeof globalThis.TextDecoder === 'undefined')
  Object.assign(globalThis, { TextDecoder: NodeTextDecoder });

// The machines are shared and busy: give async queries room before calling a screen missing.
// Sized for the slowest honest run seen (a loaded 2-core box took over 5 s for the live screen's
// first findByRole, speed22b), not for an idle machine: a screen that never appears still fails.
configure({ asyncUtilTimeout: 20_000 });
jest.setTimeout(120_000);

// eslint-disable-next-line no-console -- the guard wraps console.error on purpose
const originalError = console.error;
beforeEach(() => {
  jest.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
    originalError(...args);
    throw new Error(`console.error during test: ${String(args[0])}`);
  });
});
afterEach(() => {
  jest.restoreAllMocks();
});
