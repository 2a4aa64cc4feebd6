// Issue #17 (media): every use of a media aid, and every recorded decision not to use one, is a
// timestamped session event in the chain, with the protocol's stance, and appears in the export.
import { execFileSync } from 'node:child_process';
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
      { action: 'used', aid: 'body-diagram', stance: 'after-disclosure', phaseId: 'introductions' },
      { action: 'declined', aid: 'drawing', stance: 'after-disclosure', phaseId: 'introductions' },
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
    await call(core, 'sessions.recordMedia', {
      sessionId,
      action: 'used',
      aid: 'figures',
      note: 'planned: to show positions',
    });
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

/** transcript.pdf's text (pdftotext), whitespace folded. */
function pdfText(dir: string): string {
  return execFileSync('pdftotext', [join(dir, 'transcript.pdf'), '-'], {
    encoding: 'utf8',
  }).replace(/\s+/g, ' ');
}

// Practitioner review 11, P11-8: the phase and the stance's source are sealed with the event, a
// use needs its reason, and rendition 8 prints the phase, the source's number and whether the use
// came before anything the child said.
describe.each([
  {
    language: 'en',
    line: /Phase: ([^;\n]+); source of the protocol stance \[(\d+)\]; before anything the child said/,
    why: 'Why an aid was used here: the child pointed without words',
    stance: 'used: body diagram (protocol stance: only after a verbal disclosure)',
    afterLine: /Phase: [^;\n]+; source of the protocol stance \[\d+\]\n/,
  },
  {
    language: 'es',
    line: /Fase: ([^;\n]+); fuente de la postura del protocolo \[(\d+)\]; antes de cualquier cosa que dijera la persona entrevistada/,
    why: 'Por qué se usó un apoyo aquí: the child pointed without words',
    stance: '(postura del protocolo:',
    afterLine: /Fase: [^;\n]+; fuente de la postura del protocolo \[\d+\]\n/,
  },
])('a body diagram used in introductions, before any child turn ($language)', (c) => {
  test('seals the phase and source, refuses a use without a reason, and prints both in txt and PDF', async () => {
    const core = await makeVault();
    const out = tempDir();
    try {
      const { caseId } = await call(core, 'cases.create', {
        reference: 'MED-2',
        childAlias: 'Robin',
        childAgeYears: 8,
        language: c.language,
      });
      const { sessionId } = await call(core, 'sessions.start', {
        caseId,
        protocolId: 'ncac',
        mode: 'live',
        language: c.language,
      });
      // No reason: refused with the fix, and nothing is written.
      const refused = await callError(core, 'sessions.recordMedia', {
        sessionId,
        action: 'used',
        aid: 'body-diagram',
        note: '   ',
      });
      expect(refused.code).toBe('INVALID_INPUT');
      expect(refused.message).toMatch(/say why an aid was used here.*Nothing was recorded/);
      expect((await timeline(core, sessionId)).filter((e) => e.type === 'media-aid')).toHaveLength(
        0,
      );

      await call(core, 'sessions.recordMedia', {
        sessionId,
        action: 'used',
        aid: 'body-diagram',
        note: 'the child pointed without words',
      });
      const [first] = (await timeline(core, sessionId)).filter((e) => e.type === 'media-aid');
      expect(first!.media).toMatchObject({ stance: 'after-disclosure', phaseId: 'introductions' });
      // A second use after the child's first account: no "before" mark on it.
      await call(core, 'sessions.addNote', { sessionId, kind: 'child', text: 'He hurt my arm' });
      await call(core, 'sessions.recordMedia', {
        sessionId,
        action: 'used',
        aid: 'drawing',
        note: 'to clarify the room',
      });
      await call(core, 'sessions.finalize', { sessionId });
      const exported = await call(core, 'export.sealed', {
        sessionId,
        outDir: out,
        reason: 'P11-8',
      });

      const json = JSON.parse(readFileSync(join(exported.path, 'transcript.json'), 'utf8')) as {
        chain: { entries: Array<{ event?: Record<string, unknown> }> };
      };
      const sealed = json.chain.entries.flatMap((e) =>
        e.event?.type === 'media-aid' ? [e.event] : [],
      );
      expect(sealed[0]).toMatchObject({
        phaseId: 'introductions',
        note: 'the child pointed without words',
        stanceSource: { doc: 'ncac-2019' },
      });

      const text = readFileSync(join(exported.path, 'transcript.txt'), 'utf8');
      expect(text).toContain(c.stance);
      expect(text).toContain(c.why);
      const m = c.line.exec(text);
      expect(m).not.toBeNull();
      // The source's number is in the Sources list, naming the NCAC document.
      expect(text).toMatch(new RegExp(`\\[${m![2]}\\] NCAC`));
      // Exactly one use is marked as before anything the child said.
      expect(text.match(new RegExp(c.line.source, 'g'))).toHaveLength(1);
      expect(text).toMatch(c.afterLine);
      const pdf = pdfText(exported.path);
      expect(pdf).toContain(c.why);
      expect(pdf).toMatch(c.line);

      const { publicKey } = await call(core, 'keys.centrePublicKey', {});
      expect(await call(core, 'export.verify', { path: exported.path, publicKey })).toMatchObject({
        valid: true,
      });
    } finally {
      core.close();
      removeDir(out);
    }
  });
});
