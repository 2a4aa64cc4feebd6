// The coach's codings printed in a sealed transcript: a question is checked against the child's
// words only when the record holds the child's turns. A centre that records the child on video
// and types no child turns must not get "[Suggestive question]" beside sound questions
// (practitioner review 4, X1), while a question that assumes what a typed child turn did not say
// is still coded suggestive.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Core } from '../../../src/api/core';
import { call, makeVault, removeDir, tempDir } from '../../helpers/core';

jest.setTimeout(300_000);

async function sealedWith(core: Core, reference: string, childTurn?: string) {
  const { caseId } = await call(core, 'cases.create', {
    reference,
    childAlias: 'Sam',
    childAgeYears: 9,
    language: 'en',
  });
  const { sessionId } = await call(core, 'sessions.start', {
    caseId,
    protocolId: 'nichd',
    mode: 'live',
    language: 'en',
  });
  if (childTurn) await call(core, 'sessions.addNote', { sessionId, kind: 'child', text: childTurn });
  await call(core, 'sessions.addNote', {
    sessionId,
    kind: 'question',
    text: 'Tell me more about the car.',
  });
  await call(core, 'sessions.finalize', { sessionId });
  return sessionId;
}

/** The coding the bundle's transcript.json gives the one question. */
async function codingOf(core: Core, sessionId: string, out: string) {
  const { path } = await call(core, 'export.sealed', {
    sessionId,
    outDir: out,
    choices: { includeCoding: true },
  });
  const transcript = JSON.parse(readFileSync(join(path, 'transcript.json'), 'utf8')) as {
    events: Array<{ kind?: string; coding?: { type: string; recommended: boolean } }>;
  };
  return transcript.events.find((e) => e.kind === 'question')?.coding;
}

test('no child turns typed: the question is coded without context; a typed turn that never mentions the car makes it suggestive', async () => {
  const core = await makeVault();
  const out = tempDir('hearth-coding-out-');
  try {
    const videoOnly = await sealedWith(core, 'CODE-1');
    expect(await codingOf(core, videoOnly, out)).toMatchObject({ recommended: true });

    const typed = await sealedWith(core, 'CODE-2', 'He was mean to me.');
    expect(await codingOf(core, typed, out)).toMatchObject({
      type: 'suggestive',
      recommended: false,
    });

    const said = await sealedWith(core, 'CODE-3', 'We went in the car.');
    expect(await codingOf(core, said, out)).toMatchObject({ recommended: true });
  } finally {
    core.close();
    removeDir(core.vaultDir);
    removeDir(out);
  }
});
