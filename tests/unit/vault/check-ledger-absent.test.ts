// The RECORD_MISSING sweep of `vault check` reads the scratch ledger through `absent` (perf25:
// ids only, so its memory does not grow with the vault). It must name exactly the records the
// audit log last wrote and the file no longer holds: not a removal the log itself recorded
// (hash ''), not a record that is present, each with the entry that last wrote it.
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { initCrypto } from '../../../src/crypto';
import { CheckLedger } from '../../../src/vault/check-ledger';

let dir: string;
beforeAll(async () => {
  await initCrypto();
});
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'hearth-absent-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

test('absent names what the log last wrote and the file lacks, in id order, with the last entry', () => {
  const ledger = new CheckLedger(dir);
  try {
    ledger.put(3, { id: 'b:0002', seq: 1, hash: 'h1' });
    ledger.put(4, { id: 'a:0001', seq: 1, hash: 'h2' });
    ledger.put(5, { id: 'c:0003', seq: 1, hash: 'h3' });
    ledger.put(9, { id: 'b:0002', seq: 2, hash: 'h4' }); // rewritten later: entry 9 counts
    ledger.put(6, { id: 'd:0004', seq: 1, hash: 'h5' });
    ledger.put(8, { id: 'd:0004', seq: 2, hash: '' }); // removed through Hearth: not missing
    ledger.finishWriting();
    const inFile = new Set(['c:0003']);
    const seen: string[] = [];
    const missing = [
      ...ledger.absent((id) => {
        seen.push(id);
        return inFile.has(id);
      }),
    ].map(([id, v]) => ({ id, seq: v.seq, hash: v.hash, entry: v.auditSeq }));
    expect(missing).toEqual([
      { id: 'a:0001', seq: 1, hash: 'h2', entry: 4 },
      { id: 'b:0002', seq: 2, hash: 'h4', entry: 9 },
    ]);
    // The removal is never looked up; every other id is, once.
    expect(seen).toEqual(['a:0001', 'b:0002', 'c:0003']);
  } finally {
    ledger.close();
  }
  expect(readdirSync(dir)).toEqual([]);
});
