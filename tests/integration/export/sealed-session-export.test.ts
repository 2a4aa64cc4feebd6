// End to end: a live interview is sealed, exported through export.sealed, and verified with
// Hearth and with standard tools (minisign, sha256sum); tampering and practice are refused.
import { execFileSync, spawnSync } from 'node:child_process';
import { appendFileSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { call, callError, removeDir, tempDir } from '../../helpers/core';
import { vaultWithSession } from '../../helpers/sessions';

// Each test seals a session, renders and re-renders a PDF: generous for a loaded machine.
jest.setTimeout(180_000);

async function sealedInterview() {
  const core = await vaultWithSession();
  const { sessionId } = core;
  await call(core, 'sessions.markRecording', { sessionId });
  await call(core, 'sessions.enterPhase', { sessionId, phaseId: 'rapport' });
  await call(core, 'sessions.addNote', {
    sessionId,
    kind: 'question',
    text: 'Cuéntame todo lo que pasó en el garaje.',
  });
  const child = await call(core, 'sessions.addNote', {
    sessionId,
    kind: 'child',
    text: 'Fuimos al garaje con el perro',
    keywords: ['garaje'],
  });
  await call(core, 'sessions.editNote', {
    sessionId,
    noteId: child.noteId,
    text: 'Fuimos al garaje con el perro grande',
    reason: 'typo',
  });
  await call(core, 'sessions.addNote', {
    sessionId,
    kind: 'question',
    text: "He hurt you, didn't he?",
  });
  await call(core, 'sessions.startBreak', { sessionId, reason: 'water' });
  await call(core, 'sessions.endBreak', { sessionId });
  await call(core, 'sessions.finalize', { sessionId });
  // Decomposed "ñ" (n + combining tilde): stored and signed in NFC so the bundle verifies.
  await call(core, 'sessions.addAddendum', {
    sessionId,
    text: 'Revisado: la calle es Calle N\u0303andu\u0301.',
  });
  return core;
}

test('seal, export, verify with Hearth, minisign and sha256sum; one changed byte is refused', async () => {
  const core = await sealedInterview();
  const out = tempDir();
  try {
    const exported = await call(core, 'export.sealed', {
      sessionId: core.sessionId,
      outDir: out,
      reason: 'Subpoena 2026-17',
    });
    expect(exported.fingerprint).toMatch(/[0-9A-Za-z]/);
    const files = readdirSync(exported.path).sort();
    expect(files).toEqual(
      [
        'SHA256SUMS',
        'SHA256SUMS.minisig',
        'VERIFY.txt',
        'certificates.json',
        'custody.jsonl',
        'manifest.json',
        'staff-keys.txt',
        'staff-keys.txt.minisig',
        'transcript.json',
        'transcript.pdf',
        'transcript.txt',
      ].sort(),
    );
    const transcript = readFileSync(join(exported.path, 'transcript.txt'), 'utf8');
    expect(transcript).toContain('Fuimos al garaje con el perro grande');
    expect(transcript).toContain('Calle \u00d1and\u00fa');
    const json = JSON.parse(readFileSync(join(exported.path, 'transcript.json'), 'utf8')) as {
      events: unknown[];
    };
    expect(json.events.length).toBeGreaterThan(8);

    const { publicKey } = await call(core, 'keys.centrePublicKey', {});
    const verdict0 = await call(core, 'export.verify', { path: exported.path, publicKey });
    expect(verdict0).toMatchObject({ valid: true, exportNumber: 1, addendaCount: 1 });
    expect(verdict0.proven?.[0]).toMatch(
      /^Sealed by Ada Admin \(admin, admin, certified by centre key [0-9A-F]{16} on /,
    );

    // A staff key instead of the centre key: refused, never "valid" for the seal.
    const staff = await call(core, 'keys.myPublicKey', {});
    expect(
      await call(core, 'export.verify', { path: exported.path, publicKey: staff.publicKey }),
    ).toMatchObject({
      valid: false,
      failure: 'NOT_CENTRE_KEY',
    });

    // Standard tools, without Hearth.
    const keyFile = join(out, 'centre.pub');
    writeFileSync(keyFile, publicKey);
    execFileSync('minisign', ['-Vm', 'staff-keys.txt', '-p', keyFile], {
      cwd: exported.path,
      stdio: 'pipe',
    });
    execFileSync('sha256sum', ['-c', 'SHA256SUMS'], { cwd: exported.path, stdio: 'pipe' });

    // One changed byte in the text: refused by Hearth and by sha256sum.
    appendFileSync(join(exported.path, 'transcript.txt'), ' ');
    const verdict = await call(core, 'export.verify', { path: exported.path, publicKey });
    expect(verdict.valid).toBe(false);
    expect(verdict.reason).toMatch(/transcript\.txt/);
    expect(spawnSync('sha256sum', ['-c', 'SHA256SUMS'], { cwd: exported.path }).status).not.toBe(0);

    // The export is in the audit chain with its fingerprint.
    const audit = (await call(core, 'audit.list', { limit: 50 })).entries;
    expect(JSON.stringify(audit.filter((e) => e.action.startsWith('export')))).toContain(
      exported.fingerprint.slice(0, 8),
    );
  } finally {
    core.close();
    removeDir(core.vaultDir);
    removeDir(out);
  }
});

test('an encrypted export opens only with the passphrase and then verifies', async () => {
  const core = await sealedInterview();
  const out = tempDir();
  try {
    const exported = await call(core, 'export.sealed', {
      sessionId: core.sessionId,
      outDir: out,
      passphrase: 'prosecutor office passphrase',
    });
    expect(exported.encrypted).toBe(true);
    const { publicKey } = await call(core, 'keys.centrePublicKey', {});
    expect(
      (
        await call(core, 'export.verify', {
          path: exported.path,
          publicKey,
          passphrase: 'wrong passphrase here',
        })
      ).valid,
    ).toBe(false);
    expect(
      await call(core, 'export.verify', {
        path: exported.path,
        publicKey,
        passphrase: 'prosecutor office passphrase',
      }),
    ).toMatchObject({ valid: true });
  } finally {
    core.close();
    removeDir(core.vaultDir);
    removeDir(out);
  }
});

test('unsealed and practice sessions are refused as evidence, with nothing written', async () => {
  const core = await vaultWithSession();
  const out = tempDir();
  try {
    expect(
      await callError(core, 'export.sealed', { sessionId: core.sessionId, outDir: out }),
    ).toMatchObject({ code: 'CONFLICT' });
    const { sessionId } = await call(core, 'sessions.start', {
      protocolId: 'nichd',
      mode: 'practice',
      language: 'en',
      ageYears: 8,
    });
    await call(core, 'sessions.finalize', { sessionId });
    expect(await callError(core, 'export.sealed', { sessionId, outDir: out })).toMatchObject({
      code: 'FORBIDDEN',
      message: expect.stringMatching(/never be exported as evidence/),
    });
    mkdirSync(out, { recursive: true });
    expect(readdirSync(out)).toEqual([]);
  } finally {
    core.close();
    removeDir(core.vaultDir);
    removeDir(out);
  }
});
