/* eslint-disable @typescript-eslint/no-explicit-any, @typescript-eslint/no-unsafe-call, @typescript-eslint/no-unsafe-return -- counts rows through better-sqlite3's Statement prototype */
// The work a step does, counted rather than timed (no test may depend on the machine's speed):
// SQL statements, rows returned, records decrypted and audit log pages listed. Used by the
// red-team tests that prove a sign-in's cost does not grow with junk rows (R17-2, R18-3).
import Database from 'better-sqlite3';
import { AuditLog } from '../../src/vault/audit';
import { RecordStore } from '../../src/vault/records';

export interface Counts {
  statements: number;
  rows: number;
  decrypted: number;
  logPages: number;
}

/** Counts statements, rows returned, records decrypted and audit log pages listed during `fn`. */
export async function counted(fn: () => Promise<unknown>): Promise<Counts> {
  const probe = new Database(':memory:');
  const proto = Object.getPrototypeOf(probe.prepare('SELECT 1')) as Record<string, any>;
  probe.close();
  const counts: Counts = { statements: 0, rows: 0, decrypted: 0, logPages: 0 };
  const originals = new Map<string, any>();
  for (const method of ['get', 'all', 'run', 'iterate']) {
    const original = proto[method];
    originals.set(method, original);
    proto[method] = function (this: unknown, ...args: unknown[]) {
      const result = original.apply(this, args);
      counts.statements++;
      if (method === 'get') counts.rows += result === undefined ? 0 : 1;
      if (method === 'all') counts.rows += (result as unknown[]).length;
      if (method === 'iterate')
        return (function* () {
          for (const row of result as Iterable<unknown>) {
            counts.rows++;
            yield row;
          }
        })();
      return result;
    };
  }
  const opened = jest.spyOn(RecordStore.prototype as any, 'openRow');
  const listed = jest.spyOn(AuditLog.prototype, 'list');
  try {
    await fn();
  } finally {
    for (const [method, original] of originals) proto[method] = original;
    counts.decrypted = opened.mock.calls.length;
    counts.logPages = listed.mock.calls.length;
    opened.mockRestore();
    listed.mockRestore();
  }
  return counts;
}
