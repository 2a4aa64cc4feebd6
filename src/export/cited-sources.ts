// The sources list of the renditions (from rendition version 6, practitioner review 8, P8-16):
// each phase and each scripted prompt the interviewer used, with the source the plan named for
// it, numbered once and referred to as [n] beside the phase and under the question. Read only
// from the sealed events in transcript.json's chain (session-started.firstPhase,
// phase-entered.source, note.promptSource; src/interview/sealed-sources.ts), never from today's
// protocol data: an older record without sealed sources says so instead of borrowing today's.
//
// Red team round 10 (R10-4, R10-5): the sealed strings are the writer's, not Hearth's, so
// (a) every one is printed with control characters shown as [U+XXXX] (a newline in a forged
// label would otherwise print a flush-left line such as "Seal: verified clean"); (b) only the
// interviewer's events make the citations of the record: event 1's firstPhase alone names the
// first phase's source, and a source carried by an event another user wrote is numbered after
// the interviewer's, listed apart and marked with its writer, never merged into her list or her
// documents' references.
import type { SealedSource, SessionEvent } from '../interview';
import { visibleText } from '../vault';
import type { TranscriptDocument } from './document';
import { chainedEvents } from './format';
import { foreignWritersOf } from './foreign-writers';
import type { Words } from './words';

/** The numbered sources of one transcript and where each is referred to. */
export interface CitedSources {
  /** In order of first use; `n` is 1-based. */
  list: Array<{ n: number; source: SealedSource }>;
  /** Shown phases by `${phaseId}@${enteredAt}` (the first phase at the session's start) -> n. */
  phases: Map<string, number>;
  /** Question notes by seq -> the prompt id and n. */
  prompts: Map<number, { promptId: string; n: number }>;
  /** Media-aid events by seq -> n of the stance's sealed source (rendition 8 on; P11-8). */
  media: Map<number, number>;
  /** The documents cited, each once, in order of first use: short label -> full citation. */
  documents: Map<string, string>;
  /**
   * Sources only events written by others carry (after the interviewer's numbers), each with
   * its writer (foreign-writers.ts); empty for a record only the interviewer wrote.
   */
  foreign: Array<{ n: number; source: SealedSource; by: string }>;
}

/** A sealed string as one printable line: control and bidi characters shown as [U+XXXX]. */
function shown(text: string): string {
  return visibleText(text, false);
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
 * `version` is the rendition's: from 8 a media-aid event's sealed stance source is numbered too
 * (P11-8); rendition 7 and older number exactly what they always did.
 */
export function citedSources(doc: TranscriptDocument, version = 6): CitedSources {
  const out: CitedSources = {
    list: [],
    phases: new Map(),
    prompts: new Map(),
    media: new Map(),
    documents: new Map(),
    foreign: [],
  };
  const writers = new Map(foreignWritersOf(doc).events.map((f) => [f.seq, f.by]));
  const numbers = new Map<string, number>();
  const own = (s: SealedSource): number => {
    const key = JSON.stringify(['', s.doc, s.label, s.section]);
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
  for (const event of events) if (!writers.has(event.seq)) visit(doc, out, event, own, version);
  // Then the sources of events others wrote: numbered after the interviewer's, keyed with the
  // writer and every field (a forged document reference never shares her number).
  for (const event of events) {
    const by = writers.get(event.seq);
    if (by === undefined) continue;
    visit(
      doc,
      out,
      event,
      (s) => {
        const key = JSON.stringify([by, s.doc, s.label, s.section, s.document, s.citation]);
        let n = numbers.get(key);
        if (n === undefined) {
          n = out.list.length + out.foreign.length + 1;
          numbers.set(key, n);
          out.foreign.push({ n, source: s, by });
        }
        return n;
      },
      version,
    );
  }
  return out;
}

function visit(
  doc: TranscriptDocument,
  out: CitedSources,
  event: SessionEvent,
  number: (s: SealedSource) => number,
  version: number,
): void {
  // Only the start of the session (event 1) names the first phase: a later `session-started`
  // (a forged one, R10-5) sets no citation.
  if (
    event.seq === 1 &&
    event.type === 'session-started' &&
    event.firstPhase &&
    isSealedSource(event.firstPhase.source)
  )
    setOnce(
      out.phases,
      phaseKey({ phaseId: event.firstPhase.phaseId, enteredAt: doc.session.startedAt }),
      number(event.firstPhase.source),
    );
  if (event.type === 'phase-entered' && isSealedSource(event.source))
    setOnce(
      out.phases,
      phaseKey({ phaseId: event.phaseId, enteredAt: event.at }),
      number(event.source),
    );
  if (event.type === 'note' && event.promptId !== undefined && isSealedSource(event.promptSource))
    out.prompts.set(event.seq, { promptId: event.promptId, n: number(event.promptSource) });
  if (version >= 8 && event.type === 'media-aid' && isSealedSource(event.stanceSource))
    out.media.set(event.seq, number(event.stanceSource));
}

/** The interviewer's events are visited first: a phase keeps the first source set for it. */
function setOnce(phases: Map<string, number>, key: string, n: number): void {
  if (!phases.has(key)) phases.set(key, n);
}

/** A source in words: the document and section, or "Hearth's own: <section>". */
export function sourceWords(w: Words, s: SealedSource): string {
  return s.doc === 'hearth' ? w.t('sourceHearth', { section: shown(s.section) }) : shown(s.label);
}

/** "[3]" after a phase title; '' when the phase has no sealed source. */
export function phaseRef(refs: CitedSources, p: { phaseId: string; enteredAt: string }): string {
  const n = refs.phases.get(phaseKey(p));
  return n === undefined ? '' : `  [${n}]`;
}

/** The line under a question that used a scripted prompt, or undefined. */
export function promptLine(w: Words, refs: CitedSources, seq: number): string | undefined {
  const p = refs.prompts.get(seq);
  return p ? w.t('scriptedPrompt', { id: shown(p.promptId), n: p.n }) : undefined;
}

/**
 * The sources section as lines of text (no indentation): one "[n] source" line each, then the
 * documents cited with their full references; or the one line saying none were sealed.
 */
export function sourcesLines(w: Words, refs: CitedSources): string[] {
  const own =
    refs.list.length === 0
      ? refs.foreign.length === 0
        ? [w.t('sourcesNone')]
        : []
      : [
          ...refs.list.map(({ n, source }) => `[${n}] ${sourceWords(w, source)}`),
          ...(refs.documents.size > 0
            ? [
                '',
                w.t('sourcesDocuments'),
                ...[...refs.documents].map(([d, c]) => `${shown(d)}: ${shown(c)}`),
              ]
            : []),
        ];
  if (refs.foreign.length === 0) return own;
  return [
    ...own,
    ...(own.length > 0 ? [''] : []),
    w.t('sourcesByOthers'),
    ...refs.foreign.flatMap(({ n, source, by }) => [
      `[${n}] ${w.t('sourceWrittenBy', { source: sourceWords(w, source), who: shown(by) })}`,
      ...(source.doc !== 'hearth' && source.document !== undefined && source.citation !== undefined
        ? [`    ${shown(source.document)}: ${shown(source.citation)}`]
        : []),
    ]),
  ];
}
