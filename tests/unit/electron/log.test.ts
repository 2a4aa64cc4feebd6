// Logs carry names, codes and numbers only.
import {
  createStreamLogger,
  loggableChannel,
  loggablePermission,
  loggableScheme,
} from '../../../electron/log';

test('only contract channel names are logged as such', () => {
  expect(loggableChannel('cases.create')).toBe('cases.create');
  expect(loggableChannel('Robin told me')).toBe('unknown');
  expect(loggableChannel(42)).toBe('unknown');
});

test('URLs are reduced to their scheme', () => {
  expect(loggableScheme('https://example.com/?alias=Robin')).toBe('https');
  expect(loggableScheme('file:///home/u/case-Robin.txt')).toBe('file');
  expect(loggableScheme('Robin')).toBe('invalid');
});

test('odd permission names are not echoed', () => {
  expect(loggablePermission('media')).toBe('media');
  expect(loggablePermission('media; Robin')).toBe('other');
});

test('the stream logger writes one JSON line with a timestamp', () => {
  const lines: string[] = [];
  const log = createStreamLogger(
    (line) => lines.push(line),
    () => Date.UTC(2025, 0, 2, 3, 4, 5),
  );
  log({ kind: 'call', channel: 'vault.status', outcome: 'ok', ms: 3 });
  expect(lines).toEqual([
    '{"at":"2025-01-02T03:04:05.000Z","kind":"call","channel":"vault.status","outcome":"ok","ms":3}\n',
  ]);
});
