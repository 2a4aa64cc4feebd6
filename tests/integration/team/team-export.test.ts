// Export: the transcript says which turns were interpreted, in which languages and by whom (as
// permitted); the observer queue goes as counts only unless chosen; nothing of the planning
// record reaches the transcript.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { canonicalJson } from '../../../src/export/canonical-json';
import { checkNames } from '../../../src/export/names';
import { call, removeDir, tempDir } from '../../helpers/core';
import { liveSession, teamVault } from './helpers';

/** Every file under `dir`, recursively (absolute paths). */
function listFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
    d.isDirectory() ? listFiles(join(dir, d.name)) : [join(dir, d.name)],
  );
}

// Several Argon2id sign-ins per test: generous, machine-independent timeouts.
jest.setTimeout(180_000);

async function sealedInterpretedInterview() {
  const core = await teamVault();
  await call(core, 'planning.update', {
    caseId: core.caseId,
    allegation: 'Planning-allegation-Zorblat-551',
    known: { referralSource: 'Referral-source-Quenwick-209' },
    exploitation: {
      indicators: [
        {
          category: 'coercion',
          finding: 'present',
          basis: 'records',
          note: 'Indicator-note-Frabjous-77',
        },
      ],
      outcome: 'clear-concern',
      referrals: ['advocacy'],
    },
    handoffs: [{ service: 'mental-health', note: 'Handoff-note-Glimmer-31' }],
  });
  // The interpreter is planned and briefed; the session start copies name and briefing stamp.
  const content = await call(core, 'planning.content', { language: 'en' });
  await call(core, 'planning.update', {
    caseId: core.caseId,
    interpreter: {
      needed: true,
      childLanguage: 'es',
      interviewLanguage: 'en',
      name: 'Marta Quispe',
      briefingDone: content.interpreterBriefing.map((i) => i.id),
    },
  });
  const sessionId = await liveSession(core, core.caseId);
  await call(core, 'sessions.addNote', {
    sessionId,
    kind: 'question',
    text: 'Tell me everything that happened.',
    interpreted: true,
    original: { text: 'Cuéntame todo lo que pasó.', language: 'es' },
  });
  await call(core, 'sessions.addNote', {
    sessionId,
    kind: 'child',
    text: 'We went in his car.',
    interpreted: true,
    original: { text: 'Fuimos en su carro.', language: 'es' },
  });
  const s = await call(core, 'observers.suggest', {
    sessionId,
    role: 'law-enforcement',
    name: 'Det. Ruiz',
    text: 'Suggestion-text-Wibbly-88: tell me about the car.',
  });
  await call(core, 'observers.decide', {
    sessionId,
    suggestionId: s.suggestionId,
    decision: 'declined',
    reason: 'Decline-reason-Snark-12',
  });
  await call(core, 'sessions.finalize', { sessionId });
  return Object.assign(core, { sessionId });
}

const PLANNING_STRINGS = [
  'Planning-allegation-Zorblat-551',
  'Referral-source-Quenwick-209',
  'Indicator-note-Frabjous-77',
  'Handoff-note-Glimmer-31',
  'clear-concern',
];

test('default export: interpreted turns and languages shown; observer queue as counts; no planning record', async () => {
  const core = await sealedInterpretedInterview();
  const out = tempDir();
  try {
    const { path } = await call(core, 'export.sealed', { sessionId: core.sessionId, outDir: out });
    const txt = readFileSync(join(path, 'transcript.txt'), 'utf8');
    const json = readFileSync(join(path, 'transcript.json'), 'utf8');
    // A question's `original` is the interpreter's rendering; a child turn's is the child's words.
    // Rendition 7: the heading says "interpreted"; the bracketed line names the rendering.
    expect(txt).toMatch(/Interviewer question \(interpreted\)\n/);
    // Rendition 9 (B19g-6): one term, "interpreter's rendering", and no bracket inside a bracket.
    expect(txt).toContain("[interpreter's rendering, Spanish] Cuéntame todo lo que pasó.");
    expect(txt).not.toMatch(/own words[^\n]*Cuéntame/);
    // Rendition 7 (B19c-9): the heading names the English text as the interpreter's rendering;
    // the bracketed line is the child's own words, verbatim.
    expect(txt).toContain("Child (interpreted; interpreter's rendering in English)");
    expect(txt).toContain("[child's own words, Spanish, verbatim] Fuimos en su carro.");
    expect(txt).toMatch(
      /Interpreted: 1 interviewer turn English→Spanish; 1 child turn Spanish→English; interpreter: Marta Quispe \(briefing completed \d{4}-\d\d-\d\d \d\d:\d\d:\d\d \(UTC\+00:00\) by admin\)/,
    );
    expect(txt).toContain(
      'Observer suggestions: 1 in all; accepted 0, rephrased 0, declined 1, not decided 0; accepted or rephrased but not asked afterwards: 0. Their wording is kept in the sealed session record at the CAC and was not included in this copy (export setting); available on request.',
    );
    for (const hidden of [
      'Suggestion-text-Wibbly-88',
      'Decline-reason-Snark-12',
      ...PLANNING_STRINGS,
    ]) {
      expect(txt).not.toContain(hidden);
      expect(json).not.toContain(hidden);
    }
    const doc = JSON.parse(json) as { observerQueue: unknown; omittedEventSeqs: number[] };
    expect(doc.observerQueue).toEqual({
      suggested: 1,
      accepted: 0,
      rephrased: 0,
      declined: 1,
      notAsked: 0,
      undecided: 0,
      textIncluded: false,
    });
    expect(doc.omittedEventSeqs).toHaveLength(2);
    // Rendition 7 (B19c-4): the PDF names what was left out, as the txt does; no note was.
    const pdf = execFileSync('pdftotext', [join(path, 'transcript.pdf'), '-'], {
      encoding: 'utf8',
    }).replace(/\s+/g, ' ');
    // Rendition 9 (B19g-5): said once, in "Withheld at export", never again as "Left out".
    expect(pdf).toContain(
      'Withheld at export 2 events: 1 decision on an observer suggestion, 1 observer suggestion, by the choice of',
    );
    expect(pdf).toContain('(note kinds included in this export:');
    expect(pdf).not.toContain('Left out by choice');
    expect(pdf).not.toContain('(event)');
    expect(pdf).not.toContain('notes of kinds not included');
    const { publicKey } = await call(core, 'keys.centrePublicKey', {});
    expect((await call(core, 'export.verify', { path, publicKey })).valid).toBe(true);
  } finally {
    core.close();
    removeDir(core.vaultDir);
    removeDir(out);
  }
});

test('chosen queue, names left out: no observer or interpreter name in any file of the bundle (json, txt, PDF text, chain, planning record); the chain still verifies', async () => {
  const core = await sealedInterpretedInterview();
  const out = tempDir();
  try {
    const { path } = await call(core, 'export.sealed', {
      sessionId: core.sessionId,
      outDir: out,
      choices: {
        includeObserverQueue: true,
        includeObserverNames: false,
        includePlanningRecord: true,
      },
    });
    const txt = readFileSync(join(path, 'transcript.txt'), 'utf8');
    // The sealed suggestion holds its officer's name as a salted digest, so with names left out
    // it is shown (text, role, decision) without the name, and nothing is withheld for names.
    expect(txt).toContain(
      "Suggested by: Law enforcement (entered at the interviewer's station by admin)",
    );
    expect(txt).toContain('Suggestion-text-Wibbly-88');
    // The decision names the suggestion it decides; no break was open, so no "at the break".
    expect(txt).toMatch(/Decision on observer suggestion #\d+ \(Law enforcement\): declined/);
    expect(txt).toContain('reason: Decline-reason-Snark-12');
    expect(txt).toMatch(/interpreter: name not included in this copy \(briefing completed/);
    const doc = JSON.parse(readFileSync(join(path, 'transcript.json'), 'utf8'));
    expect(doc.withheld.byKind['observer-suggestion']).toBeUndefined();
    expect(doc.nameDisclosures).toBeUndefined();
    expect(doc.format).toBe('hearth.transcript.v2');
    // The chain commits to both names (interpreter at the start, officer on the suggestion).
    const started = doc.chain.entries[0].event;
    expect(started.observers).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          role: 'interpreter',
          nameCommitment: expect.stringMatching(/^[0-9a-f]{64}$/),
        }),
      ]),
    );
    // Every file of the bundle, raw bytes (transcript.json with its chain, txt, PDF, custody,
    // manifest, certificates, planning record) and, for the PDF, its extracted text.
    const files = listFiles(path);
    expect(files.some((f) => f.endsWith('.pdf'))).toBe(true);
    expect(files.some((f) => f.endsWith('planning-record.json'))).toBe(true);
    for (const file of files) {
      const bytes = readFileSync(file);
      for (const name of ['Det. Ruiz', 'Ruiz', 'Marta Quispe', 'Quispe', 'Marta'])
        expect({ file, name, found: bytes.includes(Buffer.from(name, 'utf8')) }).toEqual({
          file,
          name,
          found: false,
        });
      if (file.endsWith('.pdf')) {
        const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' });
        expect(text).toContain('declined');
        expect(text).not.toContain('Ruiz');
        expect(text).not.toContain('Quispe');
      }
    }
    const { publicKey } = await call(core, 'keys.centrePublicKey', {});
    expect((await call(core, 'export.verify', { path, publicKey })).valid).toBe(true);
  } finally {
    core.close();
    removeDir(core.vaultDir);
    removeDir(out);
  }
});

// Was a test.failing: the chained 'session-started' event named the observers. The chain now
// commits to each name by a salted digest (src/interview/name-commitment.ts).
test('names left out: not even the chained session start names an observer', async () => {
  const core = await sealedInterpretedInterview();
  const out = tempDir();
  try {
    const { path } = await call(core, 'export.sealed', {
      sessionId: core.sessionId,
      outDir: out,
      choices: { includeObserverQueue: true, includeObserverNames: false },
    });
    const json = readFileSync(join(path, 'transcript.json'), 'utf8');
    expect(json).not.toContain('Ruiz');
    expect(json).not.toContain('Quispe');
  } finally {
    core.close();
    removeDir(core.vaultDir);
    removeDir(out);
  }
});

test('with names chosen: "Suggested by: Law enforcement, <name> (entered at ... by <user>)"', async () => {
  const core = await sealedInterpretedInterview();
  const out = tempDir();
  try {
    const { path } = await call(core, 'export.sealed', {
      sessionId: core.sessionId,
      outDir: out,
      choices: { includeObserverQueue: true, includeObserverNames: true },
    });
    const txt = readFileSync(join(path, 'transcript.txt'), 'utf8');
    expect(txt).toContain(
      "Suggested by: Law enforcement, Det. Ruiz (entered at the interviewer's station by admin)",
    );
    expect(txt).toContain('interpreter: Marta Quispe (briefing completed');
    // The bundle discloses each name with its salt (transcript v4) and the verifier recomputes
    // each sealed digest from them.
    const doc = JSON.parse(readFileSync(join(path, 'transcript.json'), 'utf8')) as {
      format: string;
      nameDisclosures: Array<{ commitment: string; name: string; salt: string }>;
    };
    expect(doc.format).toBe('hearth.transcript.v4');
    // The officer observes (session start) and suggests: two commitments, each its own salt.
    expect(doc.nameDisclosures.map((d) => d.name).sort()).toEqual([
      'Det. Ruiz',
      'Det. Ruiz',
      'Marta Quispe',
    ]);
    for (const d of doc.nameDisclosures) {
      // What a prosecutor can redo with stock tools: printf 'hearth.name.v1\n%s\n%s' SALT NAME | sha256sum
      const digest = createHash('sha256')
        .update(`hearth.name.v1\n${d.salt}\n${d.name}`, 'utf8')
        .digest('hex');
      expect(digest).toBe(d.commitment);
    }
    const { publicKey } = await call(core, 'keys.centrePublicKey', {});
    expect((await call(core, 'export.verify', { path, publicKey })).valid).toBe(true);
    // A disclosed name changed after export (officer swapped) is refused by the verifier, even
    // with the files re-hashed: the name no longer hashes to the sealed digest.
    const forged = doc.nameDisclosures.map((d) =>
      d.name === 'Det. Ruiz' ? { ...d, name: 'Det. Rubio' } : d,
    );
    const full = JSON.parse(readFileSync(join(path, 'transcript.json'), 'utf8')) as Parameters<
      typeof checkNames
    >[0] & { chain: { entries: Parameters<typeof checkNames>[1] } };
    const same = (a: unknown, b: unknown) => canonicalJson(a) === canonicalJson(b);
    expect(checkNames(full, full.chain.entries, same).size).toBe(3);
    expect(() =>
      checkNames({ ...full, nameDisclosures: forged }, full.chain.entries, same),
    ).toThrow(/is not the name the session sealed/);
    // Names disclosed in a copy whose choices leave them out are refused too.
    expect(() =>
      checkNames(
        { ...full, choices: { ...full.choices, includeObserverNames: false } },
        full.chain.entries,
        same,
      ),
    ).toThrow(/although the export choices leave them out/);
  } finally {
    core.close();
    removeDir(core.vaultDir);
    removeDir(out);
  }
});
