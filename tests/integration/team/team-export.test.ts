// Export: the transcript says which turns were interpreted, in which languages and by whom (as
// permitted); the observer queue goes as counts only unless chosen; nothing of the planning
// record reaches the transcript.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { call, removeDir, tempDir } from '../../helpers/core';
import { liveSession, teamVault } from './helpers';

/** Every file under `dir`, recursively (absolute paths). */
function listFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
    d.isDirectory() ? listFiles(join(dir, d.name)) : [join(dir, d.name)],
  );
}

/** transcript.json without the observer list of its chained 'session-started' event. */
type TranscriptJson = { chain: { entries: Array<{ event?: { type: string } }> } };
function withoutStartObservers(doc: TranscriptJson) {
  for (const e of doc.chain.entries)
    if (e.event?.type === 'session-started') (e.event as { observers?: unknown }).observers = [];
  return doc;
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
    expect(txt).toContain('(interpreted; as rendered by the interpreter (Spanish))');
    expect(txt).toContain('[as rendered by the interpreter (Spanish)] Cuéntame todo lo que pasó.');
    expect(txt).not.toMatch(/own words[^\n]*Cuéntame/);
    expect(txt).toContain("Child (interpreted; child's words (Spanish), verbatim)");
    expect(txt).toContain("[child's words (Spanish), verbatim] Fuimos en su carro.");
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
    const { publicKey } = await call(core, 'keys.centrePublicKey', {});
    expect((await call(core, 'export.verify', { path, publicKey })).valid).toBe(true);
  } finally {
    core.close();
    removeDir(core.vaultDir);
    removeDir(out);
  }
});

test('chosen queue, names left out: no observer name anywhere in the bundle; the named suggestion goes as its digest', async () => {
  const core = await sealedInterpretedInterview();
  const out = tempDir();
  try {
    const { path } = await call(core, 'export.sealed', {
      sessionId: core.sessionId,
      outDir: out,
      choices: { includeObserverQueue: true, includeObserverNames: false },
    });
    const txt = readFileSync(join(path, 'transcript.txt'), 'utf8');
    // The suggestion names its officer inside the sealed event, so with names left out it is
    // withheld whole (digest); the decision on it, the reason and the counts still go.
    expect(txt).not.toMatch(/Suggested by:/);
    expect(txt).not.toContain('Suggestion-text-Wibbly-88');
    // It names the withheld suggestion by its id; no break was open, so no "at the break".
    expect(txt).toMatch(
      /Decision on observer suggestion sugg_[0-9a-f]{32} \(not shown in this copy\): declined/,
    );
    expect(txt).toContain('reason: Decline-reason-Snark-12');
    expect(txt).toMatch(/interpreter: name not included in this copy \(briefing completed/);
    for (const hidden of PLANNING_STRINGS) expect(txt).not.toContain(hidden);
    const doc = JSON.parse(readFileSync(join(path, 'transcript.json'), 'utf8'));
    expect(doc.withheld.byKind['observer-suggestion']).toBeGreaterThan(0);
    // Every file of the bundle, raw bytes and (for the PDF) its extracted text.
    const files = listFiles(path);
    expect(files.some((f) => f.endsWith('.pdf'))).toBe(true);
    for (const file of files) {
      // Known limit (reported, not hidden): the sealed 'session-started' event lists the session's
      // observers with their names, and a chain entry is shown exactly as chained, so that one
      // entry of transcript.json still carries them; see the test.failing below.
      const bytes = file.endsWith('transcript.json')
        ? Buffer.from(
            JSON.stringify(
              withoutStartObservers(JSON.parse(readFileSync(file, 'utf8')) as TranscriptJson),
            ),
          )
        : readFileSync(file);
      for (const name of ['Det. Ruiz', 'Ruiz', 'Marta Quispe', 'Quispe'])
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

// Fails today: the chained 'session-started' event names the observers (law enforcement, the
// interpreter), and the bundle shows chained events in full. Leaving names out of it needs a chain
// that commits to names separately (a salted digest) so the export can withhold them alone.
test.failing('names left out: not even the chained session start names an observer', async () => {
  const core = await sealedInterpretedInterview();
  const out = tempDir();
  try {
    const { path } = await call(core, 'export.sealed', {
      sessionId: core.sessionId,
      outDir: out,
      choices: { includeObserverQueue: true, includeObserverNames: false },
    });
    expect(readFileSync(join(path, 'transcript.json'), 'utf8')).not.toContain('Ruiz');
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
  } finally {
    core.close();
    removeDir(core.vaultDir);
    removeDir(out);
  }
});
