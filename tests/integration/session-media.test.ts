// Issue #17 (media): every use of a media aid, and every recorded decision not to use one, is a
// timestamped session event in the chain, with the protocol's stance, and appears in the export.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { call, callError, makeVault, removeDir, tempDir } from '../helpers/core';
import { timeline } from '../helpers/sessions';

// Seals a session and renders the export: generous for a loaded machine.
jest.setTimeout(180_000);

async function session(protocolId: string) {
  const core = await makeVault();
  const { caseId } = await call(core, 'cases.create', {
    reference: 'MED-1',
    childAlias: 'Robin',
    childAgeYears: 8,
    language: 'en',
  });
  const { sessionId } = await call(core, 'sessions.start', {
    caseId,
    protocolId,
    mode: 'live',
    language: 'en',
  });
  return Object.assign(core, { sessionId });
}

test('a body diagram used after a disclosure, and a declined aid, are chained, timed and exported', async () => {
  const core = await session('ncac');
  const out = tempDir();
  try {
    const { sessionId } = core;
    await call(core, 'sessions.addNote', { sessionId, kind: 'child', text: 'He hurt my arm' });
    const used = await call(core, 'sessions.recordMedia', {
      sessionId,
      action: 'used',
      aid: 'body-diagram',
      note: 'to clarify where, after the child said "my arm"',
    });
    const declined = await call(core, 'sessions.recordMedia', {
      sessionId,
      action: 'declined',
      aid: 'drawing',
      note: 'child already described the room in words',
    });
    expect(declined.seq).toBe(used.seq + 1);

    const events = await timeline(core, sessionId);
    const media = events.filter((e) => e.type === 'media-aid');
    expect(media.map((e) => e.media)).toEqual([
      { action: 'used', aid: 'body-diagram', stance: 'after-disclosure' },
      { action: 'declined', aid: 'drawing', stance: 'after-disclosure' },
    ]);
    expect(media[0]!.text).toMatch(/to clarify where/);
    expect(typeof media[0]!.at).toBe('string');

    await call(core, 'sessions.finalize', { sessionId });
    // Sealed: nothing more can be recorded.
    expect(
      await callError(core, 'sessions.recordMedia', { sessionId, action: 'used', aid: 'dolls' }),
    ).toMatchObject({ code: 'SESSION_SEALED' });

    const exported = await call(core, 'export.sealed', { sessionId, outDir: out, reason: 'media' });
    const text = readFileSync(join(exported.path, 'transcript.txt'), 'utf8');
    // The rendition prints the stance and the decision in words a reader understands.
    expect(text).toContain('used: body diagram (protocol stance: only after a verbal disclosure)');
    expect(text).toContain(
      'decided not to use: drawing (protocol stance: only after a verbal disclosure)',
    );
    expect(text).toContain('to clarify where');
    expect(text).toContain('Media aid');
    const { publicKey } = await call(core, 'keys.centrePublicKey', {});
    expect(await call(core, 'export.verify', { path: exported.path, publicKey })).toMatchObject({
      valid: true,
    });
  } finally {
    core.close();
    removeDir(out);
  }
});

test("each protocol's stance is recorded with the event; bad input is refused with the fix", async () => {
  const core = await session('abe');
  try {
    const { sessionId } = core;
    await call(core, 'sessions.recordMedia', { sessionId, action: 'used', aid: 'figures' });
    const [event] = (await timeline(core, sessionId)).filter((e) => e.type === 'media-aid');
    expect(event!.media?.stance).toBe('planned-only');

    const other = await callError(core, 'sessions.recordMedia', {
      sessionId,
      action: 'used',
      aid: 'other',
    });
    expect(other.code).toBe('INVALID_INPUT');
    expect(other.message).toMatch(/describe the aid/);
    const unknown = await callError(core, 'sessions.recordMedia', {
      sessionId,
      action: 'shown',
      aid: 'drawing',
    });
    expect(unknown.code).toBe('INVALID_INPUT');
    // Nothing was written by the refused calls.
    expect((await timeline(core, sessionId)).filter((e) => e.type === 'media-aid')).toHaveLength(1);
  } finally {
    core.close();
  }
});
