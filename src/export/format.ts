// Presentation helpers shared by transcript.txt and the PDF, so both read the same way. Every
// phrase comes from the rendition's Words (locales/<lang>/transcript.json).
import type { TranscriptDocument } from './document';
import { describeObserverEvent, interpretedLabel, originalLine } from './team';
import type { Words } from './words';

/** "01:02:03" style duration from milliseconds (never negative). */
export function clock(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  return `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')}`;
}

export function recordingOffset(w: Words, ms: number | null): string {
  return ms === null ? w.t('notRecording') : clock(ms);
}

/** "Det. Ruiz (Law enforcement); Child protective services", or "none recorded". */
export function observerList(w: Words, observers: Array<{ role: string; name?: string }>): string {
  return observers.length === 0
    ? w.t('noneRecorded')
    : observers.map((o) => (o.name ? `${o.name} (${w.role(o.role)})` : w.role(o.role))).join('; ');
}

/** A question coding in words: "coded: not a question (statement)", "coded: directive (wh)". */
export function codingWords(w: Words, type: string, subtype?: string): string {
  const detail = subtype !== undefined && subtype !== '' ? ` (${subtype.replace(/-/g, ' ')})` : '';
  return `${w.t('coded', { kind: w.coding(type) })}${detail}`;
}

type DocEvent = TranscriptDocument['events'][number];

/** The heading and body of one timeline event, e.g. ["Child (version 2, corrects #12)", "text"]. */
export function describeEvent(
  w: Words,
  e: DocEvent,
  phaseTitles: Map<string, string>,
): {
  label: string;
  body: string;
} {
  if (e.kind !== undefined) {
    const version =
      e.version !== undefined && e.version > 1
        ? ` (${w.t('versionOf', { n: e.version })}${e.replacesSeq !== undefined ? `, ${w.t('corrects', { seq: e.replacesSeq })}` : ''})`
        : '';
    const coding = e.coding
      ? ` [${codingWords(w, e.coding.type, e.coding.subtype)}${e.coding.recommended ? '' : `, ${w.t('notRecommended')}`}]`
      : '';
    const keywords = e.keywords && e.keywords.length > 0 ? ` {${e.keywords.join(', ')}}` : '';
    return {
      label: `${w.kind(e.kind)}${interpretedLabel(e)}${version}${coding}${keywords}`,
      body: `${e.text ?? ''}${originalLine(e)}`,
    };
  }
  const observer = describeObserverEvent(e);
  if (observer) return observer;
  if (e.type === 'phase-entered') {
    const title = e.phaseId !== undefined ? (phaseTitles.get(e.phaseId) ?? e.phaseId) : '';
    return { label: w.t('phaseEntered'), body: title };
  }
  const parts = [
    e.text,
    e.reason !== undefined ? `${w.t('reasonWord')}: ${e.reason}` : undefined,
  ].filter((p): p is string => p !== undefined && p !== '');
  return { label: w.event(e.type), body: parts.join(' — ') };
}

export function ageText(w: Words, years?: number, months?: number): string {
  if (years === undefined) return w.t('notIncluded');
  return months !== undefined
    ? w.t('ageYearsMonths', { years, months })
    : w.t('ageYears', { years });
}

export function notIncluded(w: Words, value: string | undefined): string {
  return value ?? w.t('notIncluded');
}

/** "2 child notes, 1 team note" for withheld counts by kind. */
export function withheldKinds(w: Words, byKind: Record<string, number>): string {
  return Object.entries(byKind)
    .map(([kind, n]) => w.count('note', n, { kind: w.kind(kind).toLowerCase() }))
    .join(', ');
}

/** "Spanish, interpreter present". */
export function languageLine(w: Words, language: string, interpreter: boolean | undefined): string {
  return `${w.languageName(language)}, ${w.t(interpreter ? 'interpreterPresent' : 'noInterpreter')}`;
}
