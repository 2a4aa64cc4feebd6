// Presentation helpers shared by transcript.txt and the PDF, so both read the same way.
import type { TranscriptDocument } from './document';
import { describeObserverEvent, interpretedLabel, originalLine, ROLE_NAMES } from './team';

/** "1:02:03" style duration from milliseconds (hours unpadded, never negative). */
export function clock(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  return `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')}`;
}

/** "2026-03-04 10:15:02 UTC" from an ISO UTC time. */
export function utcTime(iso: string): string {
  return `${iso.slice(0, 10)} ${iso.slice(11, 19)} UTC`;
}

export function recordingOffset(ms: number | null): string {
  return ms === null ? 'not recording' : clock(ms);
}

const EVENT_LABELS: Record<string, string> = {
  'session-started': 'Session started',
  sealed: 'Sealed',
  addendum: 'Addendum',
  note: 'Note',
  'note-edited': 'Note (edited)',
  'phase-entered': 'Phase',
  'checklist-item-done': 'Checklist',
  'break-started': 'Break started',
  'break-ended': 'Break ended',
  'distress-observed': 'Distress observed',
  'recording-marker': 'Recording marker',
  'recording-fingerprint': 'Recording fingerprint (the video file this record is timed against)',
  paused: 'Paused',
  resumed: 'Resumed',
  interrupted: 'Interrupted',
};

const KIND_LABELS: Record<string, string> = {
  question: 'Interviewer question',
  child: 'Child',
  observation: 'Observation',
  mdt: 'MDT',
  interpreter: 'Interpreter',
};

/** Plain words for an id the vault stores ("session-started" -> "Session started"). */
function plainWords(id: string): string {
  const words = id.replace(/[-_]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export function eventLabel(type: string): string {
  return EVENT_LABELS[type] ?? plainWords(type);
}

/** An observer role in words ("law-enforcement" -> "Law enforcement"). */
export function roleName(role: string): string {
  return ROLE_NAMES[role] ?? plainWords(role);
}

/** "Det. Ruiz (Law enforcement); Child protective services", or "none recorded". */
export function observerList(observers: Array<{ role: string; name?: string }>): string {
  return observers.length === 0
    ? 'none recorded'
    : observers
        .map((o) => (o.name ? `${o.name} (${roleName(o.role)})` : roleName(o.role)))
        .join('; ');
}

const TYPE_WORDS: Record<string, string> = {
  invitation: 'invitation',
  'cued-invitation': 'cued invitation',
  facilitator: 'facilitator',
  directive: 'directive',
  'option-posing': 'option-posing',
  suggestive: 'suggestive',
  other: 'not a question',
};

/** A question type in words ("cued-invitation" -> "cued invitation"; "other" -> "not a question"). */
export function codingKind(type: string): string {
  return TYPE_WORDS[type] ?? plainWords(type).toLowerCase();
}

/** A question coding in words: "coded: not a question (statement)", "coded: directive (wh)". */
export function codingWords(type: string, subtype?: string): string {
  const kind = codingKind(type);
  const detail = subtype !== undefined && subtype !== '' ? ` (${subtype.replace(/-/g, ' ')})` : '';
  return `coded: ${kind}${detail}`;
}

export function kindLabel(kind: string): string {
  return KIND_LABELS[kind] ?? kind;
}

type DocEvent = TranscriptDocument['events'][number];

/** The heading and body of one timeline event, e.g. ["Child (v2, replaces #12)", "text"]. */
export function describeEvent(
  e: DocEvent,
  phaseTitles: Map<string, string>,
): {
  label: string;
  body: string;
} {
  if (e.kind !== undefined) {
    const version =
      e.version !== undefined && e.version > 1
        ? ` (version ${e.version}${e.replacesSeq !== undefined ? `, corrects #${e.replacesSeq}` : ''})`
        : '';
    const coding = e.coding
      ? ` [${codingWords(e.coding.type, e.coding.subtype)}${e.coding.recommended ? '' : ', not recommended'}]`
      : '';
    const keywords = e.keywords && e.keywords.length > 0 ? ` {${e.keywords.join(', ')}}` : '';
    return {
      label: `${kindLabel(e.kind)}${interpretedLabel(e)}${version}${coding}${keywords}`,
      body: `${e.text ?? ''}${originalLine(e)}`,
    };
  }
  const observer = describeObserverEvent(e);
  if (observer) return observer;
  if (e.type === 'phase-entered') {
    const title = e.phaseId !== undefined ? (phaseTitles.get(e.phaseId) ?? e.phaseId) : '';
    return { label: 'Phase entered', body: title };
  }
  const parts = [e.text, e.reason !== undefined ? `reason: ${e.reason}` : undefined].filter(
    (p): p is string => p !== undefined && p !== '',
  );
  return { label: eventLabel(e.type), body: parts.join(' — ') };
}

export function ageText(years?: number, months?: number): string {
  if (years === undefined) return 'not included';
  return months !== undefined ? `${years} years ${months} months` : `${years} years`;
}

export function notIncluded(value: string | undefined): string {
  return value ?? '[not included in this export]';
}
