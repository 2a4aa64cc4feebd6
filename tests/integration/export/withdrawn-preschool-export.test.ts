// Practitioner finding M5 (issue #17): a session recorded under the withdrawn `preschool`
// structure was exported as "NCAC". A recorded interview is never re-attributed: the export names
// Hearth's withdrawn structure, in the text, the JSON and the PDF, and never NCAC.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { call, callError, makeVault, removeDir, tempDir } from '../../helpers/core';

// An older Hearth accepted `preschool` for new sessions; this one refuses it (see the last test).
// To record a session as the older version did, only the refusal check is lifted here.
jest.mock('../../../src/protocols', () => {
  const actual: Record<string, unknown> = jest.requireActual('../../../src/protocols');
  return {
    ...actual,
    currentProtocolId: (id: string) =>
      (globalThis as { __olderHearth?: boolean }).__olderHearth
        ? id
        : (actual.currentProtocolId as (id: string) => string)(id),
  };
});

// Seals a session, renders text, JSON and PDF: generous for a loaded machine.
jest.setTimeout(180_000);

const WITHDRAWN = 'Hearth preschool structure (withdrawn; not a published protocol)';

test('an old preschool session exports as the withdrawn Hearth structure, never as NCAC', async () => {
  const core = await makeVault();
  const out = tempDir();
  try {
    const { caseId } = await call(core, 'cases.create', {
      reference: 'PRE-1',
      childAlias: 'Robin',
      childAgeYears: 4,
      language: 'en',
    });
    (globalThis as { __olderHearth?: boolean }).__olderHearth = true;
    const { sessionId } = await call(core, 'sessions.start', {
      caseId,
      protocolId: 'preschool',
      mode: 'live',
      language: 'en',
    });
    (globalThis as { __olderHearth?: boolean }).__olderHearth = false;

    const plan = (await call(core, 'sessions.get', { sessionId })) as { protocolId: string };
    expect(plan.protocolId).toBe('preschool');
    await call(core, 'sessions.enterPhase', { sessionId, phaseId: 'settle' });
    await call(core, 'sessions.enterPhase', { sessionId, phaseId: 'account' });
    await call(core, 'sessions.addNote', { sessionId, kind: 'child', text: 'We went to the park' });
    await call(core, 'sessions.finalize', { sessionId });

    const exported = await call(core, 'export.sealed', { sessionId, outDir: out, reason: 'M5' });
    const text = readFileSync(join(exported.path, 'transcript.txt'), 'utf8');
    const json = readFileSync(join(exported.path, 'transcript.json'), 'utf8');
    const pdf = execFileSync('pdftotext', ['-layout', join(exported.path, 'transcript.pdf'), '-'], {
      encoding: 'utf8',
    });
    for (const rendition of [text, json, pdf]) {
      expect(rendition.replace(/\s+/g, ' ')).toContain(WITHDRAWN);
      expect(rendition).not.toMatch(/NCAC|National Children/);
    }
    // The recorded phases keep their own titles (not NCAC's).
    expect(text).toContain('Settling in');
    expect(text).toContain("The child's account");
    const parsed = JSON.parse(json) as { session: { protocolId: string } };
    expect(parsed.session.protocolId).toBe('preschool');
    // The export verifies like any other.
    const { publicKey } = await call(core, 'keys.centrePublicKey', {});
    expect(await call(core, 'export.verify', { path: exported.path, publicKey })).toMatchObject({
      valid: true,
    });

    // New sessions under the withdrawn id stay refused, with the replacement named.
    const refused = await callError(core, 'sessions.start', {
      caseId,
      protocolId: 'preschool',
      mode: 'live',
      language: 'en',
    });
    expect(refused.code).toBe('INVALID_INPUT');
    expect(refused.message).toMatch(/replaced by the 3-5 adaptations/);
  } finally {
    (globalThis as { __olderHearth?: boolean }).__olderHearth = false;
    core.close();
    removeDir(out);
  }
});
