// Audit 19e, B19e-6 (the lead's decision): people who sent suggestions from behind the glass were
// observers. A suggestion from a role and name not on the session's list records that observer
// as joined (a sealed `observer-joined` event, shown in every copy: it holds no suggestion text),
// and rendition 9's header lists the start's observers and those who joined, roles always, names
// only when the export includes them. The verifier checks them as it checks every chained event
// and every disclosed name, so a forged observer is refused.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { canonicalJson } from '../../../src/export/canonical-json';
import type { TranscriptDocument } from '../../../src/export/document';
import { checkNames } from '../../../src/export/names';
import { renderText } from '../../../src/export/text';
import { call, removeDir, tempDir } from '../../helpers/core';
import { timeline } from '../../helpers/sessions';
import { liveSession, teamVault } from './helpers';

jest.setTimeout(180_000);

const JOINED_EN = 'sent suggestions; not listed at the start';

async function sealedWithSuggesters() {
  const core = await teamVault();
  // Listed at the start: interpreter Marta Quispe, law enforcement Det. Ruiz, an advocate.
  const sessionId = await liveSession(core, core.caseId);
  const suggest = (role: string, text: string, name?: string) =>
    call(core, 'observers.suggest', { sessionId, role, text, ...(name ? { name } : {}) });
  await suggest('prosecutor', 'Suggestion-text-Quibble-1: ask about the phone.', 'ADA Chen');
  await suggest('law-enforcement', 'Ask about the car.', 'det.  ruiz'); // listed (case, spacing)
  await suggest('advocate', 'Ask if she wants a break.'); // listed role, no name
  await suggest('cps', 'Ask who lives at home.', 'Ms. Lee');
  await suggest('prosecutor', 'Ask about the money.', 'ADA Chen'); // joined already
  const events = await timeline(core, sessionId);
  await call(core, 'sessions.finalize', { sessionId });
  return Object.assign(core, { sessionId, events });
}

test('a suggestion from someone not on the list records them as joined, once, just before it', async () => {
  const core = await sealedWithSuggesters();
  try {
    const types = core.events.map((e) => e.type);
    const joined = core.events.filter((e) => e.type === 'observer-joined');
    expect(joined.map((e) => [e.observerRole, e.observerName])).toEqual([
      ['prosecutor', 'ADA Chen'],
      ['cps', 'Ms. Lee'],
    ]);
    for (const j of joined) {
      const next = core.events[types.indexOf('observer-joined', types.indexOf(j.type)) + 1];
      expect(next?.type).toBe('observer-suggestion');
    }
    expect(core.events.filter((e) => e.type === 'observer-suggestion')).toHaveLength(5);
    expect(joined.map((j) => j.suggestionId)).toEqual(
      core.events
        .filter(
          (e) =>
            e.type === 'observer-suggestion' &&
            ['prosecutor', 'cps'].includes(e.observerRole ?? ''),
        )
        .slice(0, 2)
        .map((e) => e.suggestionId),
    );
  } finally {
    core.close();
    removeDir(core.vaultDir);
  }
});

test('names and queue left out: the header lists the joined roles, no name, no queue text; verifies', async () => {
  const core = await sealedWithSuggesters();
  const out = tempDir();
  try {
    const { path } = await call(core, 'export.sealed', {
      sessionId: core.sessionId,
      outDir: out,
      choices: { includeObserverNames: false },
    });
    const txt = readFileSync(join(path, 'transcript.txt'), 'utf8');
    const json = readFileSync(join(path, 'transcript.json'), 'utf8');
    expect(txt).toContain(
      `Observers:          Interpreter; Law enforcement; Victim advocate; Prosecutor (${JOINED_EN}); Child protective services (${JOINED_EN})`,
    );
    for (const hidden of ['ADA Chen', 'Ms. Lee', 'Suggestion-text-Quibble-1']) {
      expect(txt).not.toContain(hidden);
      expect(json).not.toContain(hidden);
    }
    const doc = JSON.parse(json) as TranscriptDocument;
    // Spanish rendering of the same record (rendition 9).
    const es = renderText(doc, { version: 9, language: 'es', utcOffsetMinutes: 0 });
    expect(es).toContain(
      'Intérprete; Policía; Persona intercesora; Fiscalía (envió sugerencias; no figuraba en la lista al inicio); Servicios de Protección Infantil (CPS) (envió sugerencias; no figuraba en la lista al inicio)',
    );
    // Rendition 8 of the same record keeps the start's list only (frozen).
    expect(renderText(doc, { version: 8, language: 'en', utcOffsetMinutes: 0 })).not.toContain(
      JOINED_EN,
    );
    const { publicKey } = await call(core, 'keys.centrePublicKey', {});
    expect((await call(core, 'export.verify', { path, publicKey })).valid).toBe(true);
  } finally {
    core.close();
    removeDir(core.vaultDir);
    removeDir(out);
  }
});

test('default copy (names included, queue left out): the joined observers are named, their names proven; a forged observer is refused', async () => {
  const core = await sealedWithSuggesters();
  const out = tempDir();
  try {
    const { path } = await call(core, 'export.sealed', { sessionId: core.sessionId, outDir: out });
    const txt = readFileSync(join(path, 'transcript.txt'), 'utf8');
    expect(txt).toContain(
      `Marta Quispe (Interpreter); Det. Ruiz (Law enforcement); Victim advocate; ADA Chen (Prosecutor, ${JOINED_EN}); Ms. Lee (Child protective services, ${JOINED_EN})`,
    );
    // The queue is still left out: no suggestion text.
    expect(txt).not.toContain('Suggestion-text-Quibble-1');
    const { publicKey } = await call(core, 'keys.centrePublicKey', {});
    expect((await call(core, 'export.verify', { path, publicKey })).valid).toBe(true);

    const full = JSON.parse(readFileSync(join(path, 'transcript.json'), 'utf8')) as Parameters<
      typeof checkNames
    >[0] & { chain: { entries: Parameters<typeof checkNames>[1] } };
    const same = (a: unknown, b: unknown) => canonicalJson(a) === canonicalJson(b);
    expect([...checkNames(full, full.chain.entries, same).values()].sort()).toEqual([
      'ADA Chen',
      'Det. Ruiz',
      'Marta Quispe',
      'Ms. Lee',
    ]);
    // Another name put in for the joined prosecutor: it does not hash to the sealed digest.
    const renamed = full.nameDisclosures!.map((d) =>
      d.name === 'ADA Chen' ? { ...d, name: 'ADA Rubio' } : d,
    );
    expect(() =>
      checkNames({ ...full, nameDisclosures: renamed }, full.chain.entries, same),
    ).toThrow(/is not the name the session sealed/);
    // Claiming a joined observer was on the list at the start: refused.
    const claimed = {
      ...full,
      session: {
        ...full.session,
        observers: [...full.session.observers, { role: 'prosecutor', name: 'ADA Chen' }],
      },
    };
    expect(() => checkNames(claimed, full.chain.entries, same)).toThrow(
      /differ from the sealed session start/,
    );
  } finally {
    core.close();
    removeDir(core.vaultDir);
    removeDir(out);
  }
});

// fix19j: a named suggester whose role is on the start's list without a name (the advocate) is
// one person as far as the copy can tell: listed once, never "Victim advocate; Rosa Diaz (...)".
test('a named joiner whose role was listed without a name is listed once: named when names are shown, the role once when not; genuine copies verify, a forged list is refused', async () => {
  const core = await teamVault();
  const out = tempDir();
  const out2 = tempDir();
  try {
    const sessionId = await liveSession(core, core.caseId);
    await call(core, 'observers.suggest', {
      sessionId,
      role: 'advocate',
      name: 'Rosa Diaz',
      text: 'Ask if she wants a break.',
    });
    const events = await timeline(core, sessionId);
    expect(events.filter((e) => e.type === 'observer-joined').map((e) => e.observerName)).toEqual([
      'Rosa Diaz',
    ]);
    await call(core, 'sessions.finalize', { sessionId });
    const { publicKey } = await call(core, 'keys.centrePublicKey', {});

    const named = await call(core, 'export.sealed', { sessionId, outDir: out });
    const txt = readFileSync(join(named.path, 'transcript.txt'), 'utf8');
    expect(txt).toContain(
      `Observers:          Marta Quispe (Interpreter); Det. Ruiz (Law enforcement); Rosa Diaz (Victim advocate, ${JOINED_EN})\n`,
    );
    expect(txt).not.toMatch(/Victim advocate;/);
    expect((await call(core, 'export.verify', { path: named.path, publicKey })).valid).toBe(true);
    const doc = JSON.parse(
      readFileSync(join(named.path, 'transcript.json'), 'utf8'),
    ) as TranscriptDocument;
    expect(renderText(doc, { version: 9, language: 'es', utcOffsetMinutes: 0 })).toContain(
      'Marta Quispe (Intérprete); Det. Ruiz (Policía); Rosa Diaz (Persona intercesora, envió sugerencias; no figuraba en la lista al inicio)\n',
    );
    // Rendition 8 of the same record: the start's list only, as it printed it (frozen).
    expect(renderText(doc, { version: 8, language: 'en', utcOffsetMinutes: 0 })).toContain(
      'Marta Quispe (Interpreter); Det. Ruiz (Law enforcement); Victim advocate\n',
    );
    // The listed advocate cannot be turned into the named joiner at the start.
    const full = doc as unknown as Parameters<typeof checkNames>[0] & {
      chain: { entries: Parameters<typeof checkNames>[1] };
    };
    const same = (a: unknown, b: unknown) => canonicalJson(a) === canonicalJson(b);
    const forged = {
      ...full,
      session: {
        ...full.session,
        observers: full.session.observers.map((o) =>
          o.role === 'advocate' ? { ...o, name: 'Rosa Diaz' } : o,
        ),
      },
    };
    expect(() => checkNames(forged, full.chain.entries, same)).toThrow(
      /differ from the sealed session start/,
    );

    const unnamed = await call(core, 'export.sealed', {
      sessionId,
      outDir: out2,
      choices: { includeObserverNames: false },
    });
    const plain = readFileSync(join(unnamed.path, 'transcript.txt'), 'utf8');
    expect(plain).toContain(
      `Observers:          Interpreter; Law enforcement; Victim advocate (${JOINED_EN})\n`,
    );
    expect(plain).not.toContain('Rosa Diaz');
    expect((await call(core, 'export.verify', { path: unnamed.path, publicKey })).valid).toBe(true);
  } finally {
    core.close();
    removeDir(core.vaultDir);
    removeDir(out);
    removeDir(out2);
  }
});
