// Red team round 11, R11-6: with a copy of the vault file and no key, a `name-disclosure`
// record's ciphertext length minus 181 was the observer's name length in bytes, and a note's or a
// case reference's length showed the same way. Records are now padded before sealing
// (src/vault/record-format.ts): names, short notes and case records of different lengths seal to
// one size; a pad that is not exactly what Hearth writes is refused as tampering; records written
// before padding are still read.
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { aeadDecrypt, aeadEncrypt } from '../../../src/crypto';
import { capturedContext } from '../../helpers/forge';
import { call, makeVault, removeDir } from '../../helpers/core';
import { HearthError } from '../../../src/vault';
import type { RecordAddress } from '../../../src/vault';

jest.setTimeout(300_000);

type Core = Awaited<ReturnType<typeof makeVault>>;

const SHORT = { reference: 'CAC-1', alias: 'Al', observer: 'Al', note: 'Yes.' };
const LONG = {
  reference: 'CAC-2026-000123-FAMILY-UNIT-B',
  alias: 'Maximiliana',
  observer: 'Detective Maximiliana Fernández-Ortega de la Cruz', // 49 characters, accents
  note: 'He said that when mom was at work he came into the bathroom and told me not to tell anybody, and then he left the house in the blue car.',
};

/** One live session with one named observer and one child note; returns its id. */
async function session(core: Core, p: typeof SHORT): Promise<string> {
  const { caseId } = await call(core, 'cases.create', {
    reference: p.reference,
    childAlias: p.alias,
    childAgeYears: 8,
    language: 'en',
  });
  const { sessionId } = await call(core, 'sessions.start', {
    caseId,
    protocolId: 'nichd',
    mode: 'live',
    language: 'en',
    observers: [{ role: 'law-enforcement', name: p.observer }],
  });
  await call(core, 'sessions.addNote', { sessionId, kind: 'child', text: p.note });
  return sessionId;
}

/** Ciphertext length of each record of `kind` (optionally of one container), from the file. */
function lengths(db: Database.Database, kind: string, container?: string): number[] {
  const rows = db
    .prepare(
      `SELECT length(ciphertext) AS n FROM records WHERE kind = ? AND (? IS NULL OR container_id = ?) ORDER BY record_id`,
    )
    .all(kind, container ?? null, container ?? null) as Array<{ n: number }>;
  return rows.map((r) => r.n);
}

test('R11-6: names, short notes and case records of different lengths seal to the same size', async () => {
  const core = await makeVault();
  try {
    const short = await session(core, SHORT);
    const long = await session(core, LONG);
    // The longest name the channel accepts (100 characters), in a 3-byte script.
    const widest = await session(core, {
      ...SHORT,
      reference: 'CAC-3',
      observer: '検'.repeat(100),
    });
    core.close();
    const db = new Database(join(core.vaultDir, 'hearth-vault.db'), { readonly: true });
    try {
      const names = [short, long, widest].map((s) => lengths(db, 'name-disclosure', s));
      expect(names[0]).toHaveLength(1);
      expect(names[1]).toEqual(names[0]);
      expect(names[2]).toEqual(names[0]);
      // The start (committing to the name), the first phase, the child's note.
      const events = [short, long].map((s) => lengths(db, 'event', s));
      expect(events[0]).toHaveLength(3);
      expect(events[1]).toEqual(events[0]);
      const cases = lengths(db, 'case');
      expect(cases).toHaveLength(3);
      expect(cases[1]).toBe(cases[0]);
      for (const kind of ['session', 'session-summary']) {
        const [a, b] = [short, long].map((s) => lengths(db, kind, s));
        expect(b).toEqual(a);
      }
    } finally {
      db.close();
    }
  } finally {
    core.close();
    removeDir(core.vaultDir);
  }
});

test('R11-6: a pad cut short, lengthened or altered under the genuine key is TAMPERED; a record from before padding still reads', async () => {
  const core = await makeVault();
  try {
    const sessionId = await session(core, LONG);
    await call(core, 'sessions.get', { sessionId });
    const { vault } = capturedContext();
    const store = vault.records;
    const sealing = store as unknown as { associatedData(a: RecordAddress): Uint8Array };
    const [id] = store.listIds('name-disclosure', sessionId);
    const genuine = store.get<{ name: string }>(id!)!;
    expect(genuine.value.name).toBe(LONG.observer);
    const row = vault.db
      .prepare('SELECT nonce, ciphertext FROM records WHERE record_id = ?')
      .get(id) as { nonce: Buffer; ciphertext: Buffer };
    const key = store.keyStore.key(genuine.address.keyRef);
    const ad = sealing.associatedData(genuine.address);
    const plaintext = aeadDecrypt(key, row.nonce, row.ciphertext, ad);
    expect(plaintext[0]).toBe(0x01); // format 1: padded

    /** Re-seals `bytes` as the record under its real key: only the pad decides. */
    const reseal = (bytes: Uint8Array) => {
      const sealed = aeadEncrypt(key, bytes, ad);
      vault.db
        .prepare('UPDATE records SET nonce = ?, ciphertext = ? WHERE record_id = ?')
        .run(sealed.nonce, sealed.ciphertext, id);
    };
    const altered = Uint8Array.from(plaintext);
    altered[altered.length - 1] = 0x01;
    for (const bad of [
      plaintext.subarray(0, plaintext.length - 1),
      Uint8Array.from([...plaintext, 0]),
      altered,
    ]) {
      reseal(bad);
      let error: unknown;
      try {
        store.get(id!);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(HearthError);
      expect((error as HearthError).code).toBe('TAMPERED');
      expect((error as HearthError).message).not.toContain('Maximiliana');
    }
    // A record written before padding (plain JSON) still reads as it was written.
    reseal(new TextEncoder().encode(JSON.stringify(genuine.value)));
    expect(store.get<{ name: string }>(id!)!.value).toEqual(genuine.value);
  } finally {
    core.close();
    removeDir(core.vaultDir);
  }
});
