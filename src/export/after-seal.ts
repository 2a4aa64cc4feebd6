// The events written after the seal by someone other than the interviewer (transcript.json v5
// `afterSeal`, red team round 10, R10-14), as the txt and the PDF name them from rendition 8
// (issue #15: the verifier, custody and the finish screen named them; the renditions did not).
// Each is named by writer, stated time and kind, never by its content: the export withholds the
// event itself (only its digest is in the chain), and the rendition says it is not part of the
// sealed transcript. Pure and deterministic: the words come from the rendition's frozen catalog
// (afterSealTypes/afterSealKinds, not verify.json, which may change), so a bundle re-renders.
import type { TranscriptDocument } from './document';
import type { Words } from './words';

/** One after-seal event's kind in words: "child note", "distress observed", or unknown. */
export function afterSealWhat(w: Words, type: string, kind: string | undefined): string {
  if (type === 'note' && kind !== undefined)
    return w.t('afterSealNote', { kind: w.lookup('afterSealKinds', kind) });
  return w.has('afterSealTypes', type)
    ? w.lookup('afterSealTypes', type)
    : w.t('afterSealUnknown', { type });
}

/**
 * One line per event written after the seal ("Event #6: child note, written by ivan, stated
 * time ..."), in chain order; empty before rendition 8 (whose bundles re-render as they were)
 * and when there are none (the section is then not printed).
 */
export function afterSealLines(w: Words, doc: TranscriptDocument): string[] {
  if (w.version < 8) return [];
  return [...(doc.afterSeal ?? [])]
    .sort((a, b) => a.seq - b.seq)
    .map((e) =>
      w.t('afterSealEvent', {
        seq: e.seq,
        what: afterSealWhat(w, e.type, e.kind),
        who: e.by,
        time: w.dateTime(e.at),
      }),
    );
}
