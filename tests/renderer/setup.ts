// Testing Library matchers, and a guard: any console.error during a renderer test (React
// warnings, failed prop types, act() problems) fails the test instead of scrolling past.
import '@testing-library/jest-dom';
import { TextDecoder as NodeTextDecoder } from 'node:util';
import { configure } from '@testing-library/react';

// jsdom has no TextDecoder; the browser and Electron do (the transcript importer decodes files).
if (typeof globalThis.TextDecoder === 'undefined')
  Object.assign(globalThis, { TextDecoder: NodeTextDecoder });

// The machines are shared and busy: give async queries room before calling a screen missing.
configure({ asyncUtilTimeout: 5_000 });
jest.setTimeout(30_000);

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
