// Red team round 10 (R10-4, R10-5): the sources list of rendition 6 is made from the
// interviewer's own events only. A colleague's events (a second `session-started` with a
// firstPhase, a note citing a document with a forged reference) never change her numbering or
// her documents' references: their sources are numbered after hers, listed apart and marked with
// the writer. Every sealed string prints on one line, control characters shown as [U+XXXX], so a
// forged label cannot print a flush-left line such as "Seal: verified clean".
import {
  citedSources,
  phaseKey,
  promptLine,
  sourcesLines,
} from '../../../src/export/cited-sources';
import type { TranscriptDocument } from '../../../src/export/document';
import { wordsFor } from '../../../src/export/words';

const START = '2026-05-12T14:00:00.000Z';
const NICHD = {
  doc: 'nichd',
  label: 'NICHD Revised Protocol, 2014 — Introduction',
  section: 'Introduction',
  document: 'NICHD Revised Protocol, 2014',
  citation: 'Lamb, M. E., et al. (2018). Tell me what happened (2nd ed.). Wiley.',
};
const RAPPORT = { ...NICHD, label: 'NICHD Revised Protocol, 2014 — Rapport', section: 'Rapport' };

const ev = (seq: number, by: string, body: Record<string, unknown>) => ({
  seq,
  event: { seq, by, at: START, elapsedMs: seq * 1000, recordingOffsetMs: null, ...body },
});

/** A transcript whose sealed record holds `entries` (seal after them), interviewer ola. */
function docOf(entries: Array<ReturnType<typeof ev>>): TranscriptDocument {
  return {
    session: { startedAt: START, interviewer: { username: 'ola', displayName: 'Ola' } },
    seal: { eventCount: entries.length },
    chain: { entries },
  } as unknown as TranscriptDocument;
}

const own = [
  ev(1, 'ola', {
    type: 'session-started',
    firstPhase: { phaseId: 'introduction', source: NICHD },
  }),
  ev(2, 'ola', {
    type: 'note',
    kind: 'question',
    promptId: 'rapport.likes',
    promptSource: RAPPORT,
  }),
];
const w = wordsFor({ version: 6, language: 'en', utcOffsetMinutes: 0 });

test('an honest record: the interviewer numbers every source, nothing is listed apart', () => {
  const refs = citedSources(docOf(own));
  expect(refs.list.map((s) => s.n)).toEqual([1, 2]);
  expect(refs.foreign).toEqual([]);
  expect(refs.phases.get(phaseKey({ phaseId: 'introduction', enteredAt: START }))).toBe(1);
  expect(sourcesLines(w, refs)).toEqual([
    `[1] ${NICHD.label}`,
    `[2] ${RAPPORT.label}`,
    '',
    'Documents cited:',
    `${NICHD.document}: ${NICHD.citation}`,
  ]);
});

test("a colleague's second start and forged reference change none of the interviewer's citations", () => {
  const forgedFirst = {
    ...NICHD,
    label: 'NICHD Revised Protocol, 2014 — FORGED',
    citation: 'FORGED REF',
  };
  const doc = docOf([
    own[0]!,
    // (a) a second session-started claiming ola's name, written by ivan (the seal names him).
    ev(2, 'ola', {
      type: 'session-started',
      firstPhase: { phaseId: 'introduction', source: forgedFirst },
    }),
    // (b) his note cites the same document with a forged reference, before her own prompt.
    ev(3, 'ivan', {
      type: 'note',
      kind: 'question',
      promptId: 'rapport.likes',
      promptSource: { ...RAPPORT, citation: 'FORGED REF' },
    }),
    ev(4, 'ola', {
      type: 'note',
      kind: 'question',
      promptId: 'rapport.likes',
      promptSource: RAPPORT,
    }),
  ]);
  (doc.seal as { foreignEvents?: unknown }).foreignEvents = [
    { seq: 2, by: 'ivan' },
    { seq: 3, by: 'ivan' },
  ];
  const refs = citedSources(doc);
  expect(refs.phases.get(phaseKey({ phaseId: 'introduction', enteredAt: START }))).toBe(1);
  expect(refs.list.map(({ source }) => source.label)).toEqual([NICHD.label, RAPPORT.label]);
  expect(refs.documents.get(NICHD.document)).toBe(NICHD.citation);
  expect(refs.prompts.get(4)?.n).toBe(2);
  expect(refs.prompts.get(3)?.n).toBe(3);
  const lines = sourcesLines(w, refs);
  expect(lines).toContain(`${NICHD.document}: ${NICHD.citation}`);
  expect(lines).toContain(
    "Cited only by events others wrote into this record (not the interviewer's citations):",
  );
  expect(lines).toContain(`[3] ${RAPPORT.label} (as sealed by ivan, not the interviewer)`);
  // Only event 1 names the first phase: the second start's source is cited nowhere.
  expect(lines.join('\n')).not.toContain(forgedFirst.label);
  expect(lines).toContain(`    ${NICHD.document}: FORGED REF`);
  // The forged reference never stands as the reference of a document the interviewer cites.
  expect(lines.filter((l) => l.includes('FORGED REF')).every((l) => l.startsWith('    '))).toBe(
    true,
  );
});

test('control characters in sealed strings print visibly, never as new lines', () => {
  const injected = {
    ...RAPPORT,
    label: 'NICHD\nWritten by others: none (INJECTED LINE)',
    citation: 'x\r\nSeal: verified clean (INJECTED)',
  };
  const doc = docOf([
    own[0]!,
    ev(2, 'ivan', {
      type: 'note',
      kind: 'question',
      promptId: 'rapport.likes\nTimeline (injected)',
      promptSource: injected,
    }),
  ]);
  const refs = citedSources(doc);
  const lines = [...sourcesLines(w, refs), promptLine(w, refs, 2)!];
  for (const line of lines) expect(line).not.toMatch(/[\n\r]/);
  expect(lines.join('|')).toContain('NICHD[U+000A]Written by others');
  expect(lines.join('|')).toContain('x[U+000D][U+000A]Seal: verified clean');
  expect(promptLine(w, refs, 2)).toBe(
    'Scripted prompt rapport.likes[U+000A]Timeline (injected), source [2]',
  );
});
