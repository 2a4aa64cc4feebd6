// Practitioner finding P8-16 (issue #17: "the plan screen and the exported transcript can show
// it"): a sealed transcript names the source of every phase the interview entered and of every
// scripted prompt the interviewer used, in transcript.json (the sealed events), transcript.txt
// and the PDF, from what was sealed, not from the protocol data of the Hearth that exports it.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  call,
  callError,
  makeCore,
  makeVault,
  removeDir,
  tempDir,
  ADMIN,
} from '../../helpers/core';

// A later Hearth whose protocol data cites differently (a corrected section, a new edition): a
// flag makes every plan's sources read "REWRITTEN", to show an old transcript keeps its own.
jest.mock('../../../src/protocols', () => {
  const actual: Record<string, unknown> = jest.requireActual('../../../src/protocols');
  const rewrite = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(rewrite);
    if (node === null || typeof node !== 'object') return;
    const rec = node as Record<string, unknown>;
    if (typeof rec.doc === 'string' && typeof rec.section === 'string') {
      rec.section = 'REWRITTEN';
      rec.label = 'REWRITTEN';
      return;
    }
    Object.values(rec).forEach(rewrite);
  };
  return {
    ...actual,
    planSessionAt: (...args: unknown[]) => {
      const plan = (actual.planSessionAt as (...a: unknown[]) => unknown)(...args);
      if ((globalThis as { __laterData?: boolean }).__laterData) rewrite(plan);
      return plan;
    },
  };
});

// Two sealed sessions, each exported (JSON, text, PDF) and verified: generous for a loaded machine.
jest.setTimeout(300_000);

interface ChainEvent {
  type: string;
  seq: number;
  promptId?: string;
  promptSource?: { doc: string; label: string; section: string; citation?: string };
  source?: { label: string };
  firstPhase?: { phaseId: string; source: { label: string } };
}

const pdfText = (path: string) =>
  execFileSync('pdftotext', ['-layout', join(path, 'transcript.pdf'), '-'], { encoding: 'utf8' });
const flat = (s: string) => s.replace(/\s+/g, ' ');

/** The number the txt's Sources list gives `words` ("[3] words"). */
function listNumber(text: string, words: string): number {
  const at =
    text.indexOf('\nSOURCES\n') >= 0 ? text.indexOf('\nSOURCES\n') : text.indexOf('\nFUENTES\n');
  const section = text.slice(at, text.indexOf('\n\n', text.indexOf('\n  [', at) + 1));
  const line = section.split('\n').find((l) => l.trim().endsWith(`] ${words}`));
  if (!line) throw new Error(`no source "${words}" in the list:\n${section}`);
  return Number(/\[(\d+)\]/.exec(line)![1]);
}

async function sealedSession(
  core: Awaited<ReturnType<typeof makeVault>>,
  protocolId: string,
  language: 'en' | 'es',
  steps: Array<{ phase: string } | { prompt: string; text: string }>,
): Promise<string> {
  const { caseId } = await call(core, 'cases.create', {
    reference: `SRC-${protocolId}`,
    childAlias: 'Robin',
    childAgeYears: 8,
    language,
  });
  const { sessionId } = await call(core, 'sessions.start', {
    caseId,
    protocolId,
    mode: 'live',
    language,
  });
  for (const step of steps) {
    if ('phase' in step)
      await call(core, 'sessions.enterPhase', { sessionId, phaseId: step.phase });
    else
      await call(core, 'sessions.addNote', {
        sessionId,
        kind: 'question',
        text: step.text,
        promptId: step.prompt,
      });
  }
  await call(core, 'sessions.addNote', { sessionId, kind: 'child', text: 'At my house.' });
  await call(core, 'sessions.finalize', { sessionId });
  return sessionId;
}

test('the exported transcript cites each phase and scripted prompt as sealed, in json, txt and PDF', async () => {
  const core = await makeVault();
  const out = tempDir();
  let later: ReturnType<typeof makeCore> | undefined;
  try {
    // NICHD in English: a protocol prompt, a Hearth-worded one, and recall.cued, whose source
    // depends on the phase it is asked in (free recall vs. the paired directive phase).
    const nichd = await sealedSession(core, 'nichd', 'en', [
      { phase: 'rapport' },
      { prompt: 'rapport.likes', text: 'Tell me about things you like to do.' },
      { phase: 'transition' },
      { prompt: 'transition.myJob', text: 'Tell me what you came here to talk about.' },
      { phase: 'directive' },
      { prompt: 'recall.cued', text: 'You said the kitchen. Tell me more about that.' },
    ]);
    // NCAC in Spanish: a phase whose prompts come from two protocols (NCAC and NICHD).
    const ncac = await sealedSession(core, 'ncac', 'es', [
      { phase: 'followUp' },
      { prompt: 'recall.oneOrMore', text: '¿Pasó una vez o más de una vez?' },
      { prompt: 'recall.senses', text: '¿Qué viste?' },
    ]);

    // Exported by a later Hearth whose protocol data cites differently.
    core.close();
    (globalThis as { __laterData?: boolean }).__laterData = true;
    later = makeCore(core.vaultDir);
    await call(later, 'vault.unlock', { username: ADMIN.username, passphrase: ADMIN.passphrase });
    const { publicKey } = await call(later, 'keys.centrePublicKey', {});

    const cases = [
      {
        sessionId: nichd,
        hearth: "Hearth's own: Wording after NICHD (transition)",
        phases: [
          [
            'Introduction',
            'NICHD Revised Protocol, 2014 — Introduction (not verified against the full text)',
          ],
          [
            'Rapport',
            'NICHD Revised Protocol, 2014 — Rapport building (not verified against the full text)',
          ],
          [
            'Transition',
            'NICHD Revised Protocol, 2014 — Transition to the substantive phase (not verified against the full text)',
          ],
        ],
        prompts: [
          [
            'rapport.likes',
            'NICHD Revised Protocol, 2014 — Rapport building (not verified against the full text)',
          ],
          ['transition.myJob', "Hearth's own: Wording after NICHD (transition)"],
          [
            'recall.cued',
            'NICHD Revised Protocol, 2014 — Investigating the incidents: cued invitations (not verified against the full text)',
          ],
        ],
        prompt: 'Scripted prompt',
        documents:
          'Revised NICHD Investigative Interview Protocol (the guide distributed at nichdprotocol.com)',
      },
      {
        sessionId: ncac,
        hearth: undefined,
        phases: [
          [
            'Seguimiento',
            'NCAC Forensic Interview Structure, 2019 — Etapa sustantiva: seguimiento (no verificado con el texto completo)',
          ],
        ],
        prompts: [
          [
            'recall.oneOrMore',
            'NICHD Revised Protocol, 2014 — Investigación de los incidentes: una vez o más de una vez (no verificado con el texto completo)',
          ],
          [
            'recall.senses',
            'NCAC Forensic Interview Structure, 2019 — Etapa sustantiva: seguimiento (redacción de Hearth, a partir del NICHD y de Lyon)',
          ],
        ],
        prompt: 'Pregunta del guion',
        documents: 'National Children',
      },
    ];
    for (const c of cases) {
      const exported = await call(later, 'export.sealed', {
        sessionId: c.sessionId,
        outDir: out,
        reason: 'P8-16',
      });
      const json = JSON.parse(readFileSync(join(exported.path, 'transcript.json'), 'utf8')) as {
        chain: { entries: Array<{ event?: ChainEvent }> };
      };
      const text = readFileSync(join(exported.path, 'transcript.txt'), 'utf8');
      const pdf = flat(pdfText(exported.path));
      expect(text).not.toContain('REWRITTEN');
      expect(pdf).not.toContain('REWRITTEN');

      const events = json.chain.entries.flatMap((e) => (e.event ? [e.event] : []));
      for (const [promptId, words] of c.prompts) {
        // transcript.json: the question's sealed event carries the prompt and its source.
        const note = events.find((e) => e.type === 'note' && e.promptId === promptId)!;
        const sealedWords =
          note.promptSource!.doc === 'hearth'
            ? `Hearth's own: ${note.promptSource!.section}`
            : note.promptSource!.label;
        expect(sealedWords).toBe(words);
        if (note.promptSource!.doc !== 'hearth')
          expect(note.promptSource!.citation).toMatch(/\(20\d\d\)/);
        // transcript.txt: "Scripted prompt <id>, source [n]" under the question, and [n] is it.
        const n = listNumber(text, words!);
        expect(text).toContain(
          `    ${c.prompt} ${promptId}, ${c.prompt === 'Scripted prompt' ? 'source' : 'fuente'} [${n}]`,
        );
        // The PDF: the same line and the same list entry.
        expect(pdf).toContain(
          flat(
            `${c.prompt} ${promptId}, ${c.prompt === 'Scripted prompt' ? 'source' : 'fuente'} [${n}]`,
          ),
        );
        expect(pdf).toContain(flat(`[${n}] ${words}`));
      }
      for (const [title, words] of c.phases) {
        const n = listNumber(text, words!);
        expect(text).toMatch(new RegExp(`${title}[^\\n]*  \\[${n}\\]\\n`));
        expect(pdf).toMatch(new RegExp(`${title}[^\\[]*\\[${n}\\]`));
      }
      expect(flat(text)).toContain(c.documents);
      expect(pdf).toContain(flat(c.documents).slice(0, 40));
      if (c.hearth) expect(pdf).toContain(c.hearth);
      // The sealed record verifies, renditions re-rendered byte for byte.
      expect(await call(later, 'export.verify', { path: exported.path, publicKey })).toMatchObject({
        valid: true,
      });
    }

    // A prompt id this session's plan does not offer is refused with the next step; nothing is written.
    const { caseId } = await call(later, 'cases.create', {
      reference: 'SRC-x',
      childAlias: 'Sam',
      childAgeYears: 8,
      language: 'en',
    });
    const { sessionId } = await call(later, 'sessions.start', {
      caseId,
      protocolId: 'nichd',
      mode: 'live',
      language: 'en',
    });
    const refused = await callError(later, 'sessions.addNote', {
      sessionId,
      kind: 'question',
      text: 'Tell me more.',
      promptId: 'transition.madeUp',
    });
    expect(refused.code).toBe('INVALID_INPUT');
    expect(refused.message).toMatch(/not a prompt of this session's plan.*without promptId/);
  } finally {
    (globalThis as { __laterData?: boolean }).__laterData = false;
    later?.close();
    try {
      core.close();
    } catch {
      // closed above
    }
    // HEARTH_KEEP_EXPORT=1 keeps the bundles to look at (pdftoppm); the vault is always removed.
    if (process.env.HEARTH_KEEP_EXPORT) process.stdout.write(`bundles kept in ${out}\n`);
    else removeDir(out);
    removeDir(core.vaultDir);
  }
});
