// The sources list of the renditions (from rendition version 6, practitioner review 8, P8-16):
// each phase and each scripted prompt the interviewer used, with the source the plan named for
// it, numbered once and referred to as [n] beside the phase and under the question. Read only
// from the sealed events in transcript.json's chain (session-started.firstPhase,
// phase-entered.source, note.promptSource; src/interview/sealed-sources.ts), never from today's
// protocol data: an older record without sealed sources says so instead of borrowing today's.
import type { SealedSource, SessionEvent } from '../interview';
import type { TranscriptDocument } from './document';
import { chainedEvents } from './format';
import type { Words } from './words';

/** The numbered sources of one transcript and where each is referred to. */
export interface CitedSources {
  /** In order of first use; `n` is 1-based. */
  list: Array<{ n: number; source: SealedSource }>;
  /** Shown phases by `${phaseId}@${enteredAt}` (the first phase at the session's start) -> n. */
  phases: Map<string, number>;
  /** Question notes by seq -> the prompt id and n. */
  prompts: Map<number, { promptId: string; n: number }>;
  /** The documents cited, each once, in order of first use: short label -> full citation. */
  documents: Map<string, string>;
}

/** The key `phases` uses for a shown phase. */
export function phaseKey(p: { phaseId: string; enteredAt: string }): string {
  return `${p.phaseId}@${p.enteredAt}`;
}

function isSealedSource(value: unknown): value is SealedSource {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.doc === 'string' && typeof v.label === 'string' && typeof v.section === 'string';
}

/**
 * The sources sealed in `doc`'s chain. Events withheld from this export contribute nothing (their
 * content is not in the bundle). Pure: the verifier derives the same list from the same chain.
 */
export function citedSources(doc: TranscriptDocument): CitedSources {
  const out: CitedSources = {
    list: [],
    phases: new Map(),
    prompts: new Map(),
    documents: new Map(),
  };
  const numbers = new Map<string, number>();
  const number = (s: SealedSource): number => {
    const key = JSON.stringify([s.doc, s.label, s.section]);
    let n = numbers.get(key);
    if (n === undefined) {
      n = out.list.length + 1;
      numbers.set(key, n);
      out.list.push({ n, source: s });
      if (s.document !== undefined && s.citation !== undefined && !out.documents.has(s.document))
        out.documents.set(s.document, s.citation);
    }
    return n;
  };
  const events = [...chainedEvents(doc).values()].sort((a, b) => a.seq - b.seq);
  for (const event of events) visit(doc, out, event, number);
  return out;
}

function visit(
  doc: TranscriptDocument,
  out: CitedSources,
  event: SessionEvent,
  number: (s: SealedSource) => number,
): void {
  if (
    event.type === 'session-started' &&
    event.firstPhase &&
    isSealedSource(event.firstPhase.source)
  )
    out.phases.set(
      phaseKey({ phaseId: event.firstPhase.phaseId, enteredAt: doc.session.startedAt }),
      number(event.firstPhase.source),
    );
  if (event.type === 'phase-entered' && isSealedSource(event.source))
    out.phases.set(phaseKey({ phaseId: event.phaseId, enteredAt: event.at }), number(event.source));
  if (event.type === 'note' && event.promptId !== undefined && isSealedSource(event.promptSource))
    out.prompts.set(event.seq, { promptId: event.promptId, n: number(event.promptSource) });
}

/** A source in words: the document and section, or "Hearth's own: <section>". */
export function sourceWords(w: Words, s: SealedSource): string {
  return s.doc === 'hearth' ? w.t('sourceHearth', { section: s.section }) : s.label;
}

/** "[3]" after a phase title; '' when the phase has no sealed source. */
export function phaseRef(refs: CitedSources, p: { phaseId: string; enteredAt: string }): string {
  const n = refs.phases.get(phaseKey(p));
  return n === undefined ? '' : `  [${n}]`;
}

/** The line under a question that used a scripted prompt, or undefined. */
export function promptLine(w: Words, refs: CitedSources, seq: number): string | undefined {
  const p = refs.prompts.get(seq);
  return p ? w.t('scriptedPrompt', { id: p.promptId, n: p.n }) : undefined;
}

/**
 * The sources section as lines of text (no indentation): one "[n] source" line each, then the
 * documents cited with their full references; or the one line saying none were sealed.
 */
export function sourcesLines(w: Words, refs: CitedSources): string[] {
  if (refs.list.length === 0) return [w.t('sourcesNone')];
  return [
    ...refs.list.map(({ n, source }) => `[${n}] ${sourceWords(w, source)}`),
    ...(refs.documents.size > 0
      ? ['', w.t('sourcesDocuments'), ...[...refs.documents].map(([d, c]) => `${d}: ${c}`)]
      : []),
  ];
}
