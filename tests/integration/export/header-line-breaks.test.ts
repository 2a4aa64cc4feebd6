// Red team round 11, R11-5: a line feed in `room` printed a header line of its own in
// transcript.txt and the PDF ("Room: Room" then "Sealed: by nobody" above the genuine "Sealed:"
// line), and the verifier found nothing since it re-renders the same text. From rendition 7 a
// line feed in a one-line header value prints as [U+000A], as every other control and separator
// (CR, U+0085, U+2028, U+2029) already did; rendition 6 still renders as it did.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { RENDITION_VERSION, type Rendition } from '../../../src/export/rendition';
import { renderText } from '../../../src/export/text';
import type { TranscriptDocument } from '../../../src/export';
import { call, makeVault, removeDir, tempDir } from '../../helpers/core';

jest.setTimeout(300_000);

test('R11-5: a room with line breaks prints on one header line, and the bundle verifies', async () => {
  const core = await makeVault();
  const out = tempDir();
  try {
    const { caseId } = await call(core, 'cases.create', {
      reference: 'CAC-R11-5',
      childAlias: 'Robin',
      childAgeYears: 8,
      language: 'en',
    });
    const { sessionId } = await call(core, 'sessions.start', {
      caseId,
      protocolId: 'nichd',
      mode: 'live',
      language: 'en',
      room: 'Room\nSealed: by nobody\r\nX\u2028Y\u0085Z',
    });
    await call(core, 'sessions.addNote', {
      sessionId,
      kind: 'child',
      text: 'It was after dinner.',
    });
    await call(core, 'sessions.finalize', { sessionId });
    const { path } = await call(core, 'export.sealed', { sessionId, outDir: out });
    const txt = readFileSync(join(path, 'transcript.txt'), 'utf8');
    const header = txt.split('\n').slice(0, 30);
    expect(header.filter((l) => l.startsWith('Sealed:'))).toHaveLength(1);
    expect(header.find((l) => l.startsWith('Room:'))).toMatch(
      /^Room:\s+Room\[U\+000A\]Sealed: by nobody\[U\+000D\]\[U\+000A\]X\[U\+2028\]Y\[U\+0085\]Z$/,
    );
    const manifest = JSON.parse(readFileSync(join(path, 'manifest.json'), 'utf8')) as {
      rendition: Rendition;
    };
    expect(manifest.rendition.version).toBe(RENDITION_VERSION);
    const { publicKey } = await call(core, 'keys.centrePublicKey', {});
    expect(await call(core, 'export.verify', { path, publicKey })).toMatchObject({ valid: true });

    // The same document in rendition 6 prints as 6 always did (its bundles re-render unchanged).
    const doc = JSON.parse(
      readFileSync(join(path, 'transcript.json'), 'utf8'),
    ) as TranscriptDocument;
    const v6 = renderText(doc, { ...manifest.rendition, version: 6 });
    expect(v6).toContain('Room\nSealed: by nobody');
    const v7 = renderText(doc, manifest.rendition);
    // Only the line feeds differ; every other character of the rendition is the same.
    expect(v7).not.toBe(v6);
    expect(v7.split('[U+000A]').join('\n')).toBe(v6);
  } finally {
    core.close();
    removeDir(core.vaultDir);
    removeDir(out);
  }
});
