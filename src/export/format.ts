// Presentation helpers shared by transcript.txt and the PDF, so both read the same way. Every
// phrase comes from the rendition's Words (locales/<lang>/transcript.json).
import type { SessionEvent } from '../interview';
import type { TranscriptDocument } from './document';
import { groupHex } from './encoding';
import { mediaPhaseTitles } from './media-line';
import {
  asksSuggestionLabel,
  describeObserverEvent,
  interpretedLabel,
  originalLine,
  teamWording,
  type ObserverContext,
} from './team';
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

/**
 * A one-line header value as rendition 7 prints it (red team round 11, R11-5): a line feed is
 * shown as [U+000A], as every other control and separator (CR, U+0085, U+2028, U+2029) already is
 * by visibleText, so a room "Room\nSealed: by nobody" cannot print a header line of its own.
 * Older renditions print the value as they did, so their bundles re-render byte for byte (their
 * ordinary values hold no line feed and are unchanged either way).
 */
export function oneLine(w: Pick<Words, 'version'>, value: string): string {
  return w.version >= 7 ? value.replace(/\n/g, '[U+000A]') : value;
}

/** "Det. Ruiz (Law enforcement); Child protective services", or "none recorded". */
export function observerList(
  w: Words,
  observers: Array<{ role: string; name?: string; joined?: true }>,
): string {
  // Rendition 9: an observer who joined from behind the glass says so beside the role (B19e-6).
  const one = (o: { role: string; name?: string; joined?: true }) => {
    const role = w.role(o.role);
    if (!o.joined) return o.name ? `${o.name} (${role})` : role;
    const mark = w.t('observerJoinedMark');
    return o.name ? `${o.name} (${role}, ${mark})` : `${role} (${mark})`;
  };
  return observers.length === 0 ? w.t('noneRecorded') : observers.map(one).join('; ');
}

/** A question coding in words: "coded: not a question (statement)", "coded: directive (wh)". */
export function codingWords(w: Words, type: string, subtype?: string): string {
  const words =
    subtype === undefined || subtype === ''
      ? undefined
      : w.version >= 3 && w.has('subtypes', subtype)
        ? w.lookup('subtypes', subtype)
        : subtype.replace(/-/g, ' ');
  const detail = words !== undefined ? ` (${words})` : '';
  return `${w.t('coded', { kind: w.coding(type) })}${detail}`;
}

type DocEvent = TranscriptDocument['events'][number];

/** The heading and body of one timeline event, e.g. ["Child (version 2, corrects #12)", "text"]. */
export function describeEvent(
  w: Words,
  e: DocEvent,
  phaseTitles: Map<string, string>,
  chained?: SessionEvent,
  observers?: ObserverContext,
  /** The interview's language (rendition 7 names a child turn's text as a rendering in it). */
  sessionLanguage?: string,
): {
  label: string;
  body: string;
} {
  const team = teamWording(w);
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
      // Rendition 9 (B19g-6): one bracket for "interpreted" and the suggestion asked, not two.
      label: team.asksInBracket
        ? `${w.kind(e.kind)}${interpretedLabel(e, team, sessionLanguage, asksSuggestionLabel(e, team, observers, true))}${version}${coding}${keywords}`
        : `${w.kind(e.kind)}${interpretedLabel(e, team, sessionLanguage)}${asksSuggestionLabel(e, team, observers)}${version}${coding}${keywords}`,
      body: `${e.text ?? ''}${originalLine(e, team)}`,
    };
  }
  const observer = describeObserverEvent(e, team, observers);
  if (observer) return observer;
  // An observer who joined from behind the glass (rendition 9's catalog; B19e-6): who, as shown.
  if (e.type === 'observer-joined' && e.observer?.role !== undefined) {
    const role = w.role(e.observer.role);
    return { label: w.event(e.type), body: e.observer.name ? `${role}, ${e.observer.name}` : role };
  }
  if (e.type === 'phase-entered') {
    const title = e.phaseId !== undefined ? (phaseTitles.get(e.phaseId) ?? e.phaseId) : '';
    return { label: w.t('phaseEntered'), body: title };
  }
  // Reluctance noted or withdrawn, the child named the person or that mark withdrawn (added in
  // rendition 4's catalog; no earlier bundle can hold one): the body is the phase it was recorded
  // in; the line's time is when (P8-2: the putative-confession gate is shown in the record).
  // Reluctance ended (added to rendition 10's catalog with the event, issue #18): the phase, and
  // the earlier session the reluctance was carried from when no press of this session stood.
  if (e.type === 'reluctance-ended') {
    const title = e.phaseId !== undefined ? (phaseTitles.get(e.phaseId) ?? e.phaseId) : '';
    const from =
      chained?.type === 'reluctance-ended' && chained.fromSession !== undefined
        ? w.t('reluctanceEndedFrom', { session: chained.fromSession })
        : '';
    return { label: w.event(e.type), body: [title, from].filter((p) => p !== '').join(' — ') };
  }
  if (
    e.type === 'reluctance-noted' ||
    e.type === 'reluctance-withdrawn' ||
    e.type === 'person-named' ||
    e.type === 'person-named-withdrawn'
  ) {
    const title = e.phaseId !== undefined ? (phaseTitles.get(e.phaseId) ?? e.phaseId) : '';
    return { label: w.event(e.type), body: title };
  }
  // transcript.json's text and reason of these events are chain-view's English (part of the
  // verified timeline, so unchanged); from version 3 they are worded from the chained event.
  const { text, reason } = (w.version >= 3 && chained && eventDetails(w, chained)) || e;
  const parts = [text, reason !== undefined ? `${w.t('reasonWord')}: ${reason}` : undefined].filter(
    (p): p is string => p !== undefined && p !== '',
  );
  return { label: w.event(e.type), body: parts.join(' — ') };
}

/**
 * Version 3's words for the details chain-view.ts writes in English (recording marker,
 * interruption, recording fingerprint, extended-interview link, visual aid); undefined for
 * other events (their text and reason are what was typed).
 */
function eventDetails(w: Words, e: SessionEvent): { text?: string; reason?: string } | undefined {
  // A chained event is what was sealed, but its shape is not schema-checked in a bundle: one
  // that lacks a field keeps transcript.json's wording (same on both sides of the comparison).
  const has = (...keys: string[]) =>
    keys.every((k) =>
      ['string', 'number'].includes(typeof (e as unknown as Record<string, unknown>)[k]),
    );
  switch (e.type) {
    case 'recording-marker':
      return { reason: w.t(e.marker === 'started' ? 'markerStarted' : 'markerRestarted') };
    case 'interrupted':
      if (!has('lastEventSeq')) return undefined;
      return { reason: w.t('processEnded', { seq: e.lastEventSeq }) };
    case 'recording-fingerprint':
      if (!has('bytes', 'sha256')) return undefined;
      return {
        text: w.t('recordingFile', {
          name: e.label ?? e.fileName ?? w.t('unnamedRecording'),
          bytes: e.bytes,
          sha: groupHex(e.sha256),
        }),
      };
    case 'extended-link':
      if (!has('index', 'planned', 'seriesId')) return undefined;
      return {
        text: `${w.t('extendedSession', { index: e.index, planned: e.planned, series: e.seriesId })}${
          e.previousSessionId
            ? `, ${w.t('extendedContinues', { session: e.previousSessionId })}`
            : ''
        }`,
      };
    case 'media-aid': {
      if (!has('action', 'aid', 'stance')) return undefined;
      const text = w.t('mediaAid', {
        action: w.lookup('mediaActions', e.action),
        aid: w.lookup('mediaAids', e.aid),
        stance: w.lookup('mediaStances', e.stance),
      });
      // Rendition 8 (P11-8) names a use's note for what it is: why an aid was used here.
      if (w.version >= 8 && e.action === 'used' && e.note)
        return { text: `${text} — ${w.t('mediaAidWhy')} ${e.note}` };
      return { text, ...(e.note ? { reason: e.note } : {}) };
    }
    default:
      return undefined;
  }
}

/** The chained events by seq (withheld entries have none), for describeEvent's details. */
export function chainedEvents(doc: TranscriptDocument): Map<number, SessionEvent> {
  const out = new Map<number, SessionEvent>();
  for (const entry of doc.chain.entries)
    if ('event' in entry) out.set(entry.seq, entry.event as unknown as SessionEvent);
  return out;
}

/**
 * The phases as the renditions list them. From version 3 the phase the session starts in
 * (transcript.json `firstPhase`, entered without a `phase-entered` event) comes first, at the
 * session's start, marked as such.
 */
export function shownPhases(w: Words, doc: TranscriptDocument): TranscriptDocument['phases'] {
  if (w.version < 3 || doc.firstPhase === undefined) return doc.phases;
  return [
    {
      phaseId: doc.firstPhase.phaseId,
      title: `${doc.firstPhase.title} ${w.t('firstPhase')}`,
      enteredAt: doc.session.startedAt,
      elapsedMs: 0,
    },
    ...doc.phases,
  ];
}

/**
 * The phase titles by id that label the timeline's rows (a phase entered, reluctance noted or
 * ended, the child named the person...). From rendition 10 (ui30, issues #18/#22) they include
 * the phase the session starts in (transcript.json `firstPhase`, entered without a
 * `phase-entered` event), so a row recorded in it prints its title in the interview's language
 * ("Introducción") instead of the phase id ("introduction"). Every title is the plan's: the
 * protocol definition's wording in the interview language, sealed in transcript.json at export,
 * so the verifier re-renders it byte for byte whatever later protocol wording says. Versions 3
 * to 9 keep the phases entered with an event only (their bundles re-render as they were).
 */
export function rowPhaseTitles(
  w: Pick<Words, 'version'>,
  doc: TranscriptDocument,
): Map<string, string> {
  return w.version >= 10
    ? mediaPhaseTitles(doc)
    : new Map(doc.phases.map((p) => [p.phaseId, p.title]));
}

/** What service.ts writes as the export's `to` (English data in transcript.json). */
export const EXPORT_TO = {
  folder: 'an unencrypted bundle folder',
  passphrase: 'a passphrase-protected file',
  recipient: (label: string, fingerprint: string) => `${label} (recipient key ${fingerprint})`,
} as const;

/** The export's "to" in the rendition's words (version 3); a label the user typed stays. */
export function toText(w: Words, to: string): string {
  if (w.version < 3) return to;
  if (to === EXPORT_TO.folder) return w.t('toFolder');
  if (to === EXPORT_TO.passphrase) return w.t('toPassphrase');
  const m = /^(.*) \(recipient key ([0-9A-Fa-f ]+)\)$/s.exec(to);
  return m ? w.t('toRecipient', { label: m[1] ?? '', fingerprint: m[2] ?? '' }) : to;
}

/** The "record" line: sealed events and later addenda (version 3 agrees in number). */
export function recordCounts(w: Words, events: number, addenda: number): string {
  return w.t(w.version >= 3 ? 'recordCountsAfter' : 'recordCounts', {
    count: events,
    events: w.count('event', events),
    addenda: w.count(w.version >= 3 ? 'addendumAfter' : 'addendum', addenda),
  });
}

export function ageText(w: Words, years?: number, months?: number): string {
  if (years === undefined) return w.t('notIncluded');
  if (months === undefined) return w.t('ageYears', { years });
  // From rendition 8 (practitioner pass 12, P12-3): "1 month", "1 mes", never "1 months".
  return w.version >= 8
    ? w.t('ageYearsMonthsParts', {
        years: w.count('ageYear', years),
        months: w.count('ageMonth', months),
      })
    : w.t('ageYearsMonths', { years, months });
}

export function notIncluded(w: Words, value: string | undefined): string {
  return value ?? w.t('notIncluded');
}

/** Withheld event types that are not notes, and their plural nouns (rendition version 6). */
const WITHHELD_EVENT_NOUNS: Record<string, 'observerSuggestionEvent' | 'observerDecisionEvent'> = {
  'observer-suggestion': 'observerSuggestionEvent',
  'observer-decision': 'observerDecisionEvent',
};

/** "2 child notes, 1 team note" for withheld counts by kind. */
export function withheldKinds(w: Words, byKind: Record<string, number>): string {
  return Object.entries(byKind)
    .map(([kind, n]) =>
      // Version 6: observer events are events, with their own plural forms (B19-8).
      w.version >= 6 && WITHHELD_EVENT_NOUNS[kind]
        ? w.count(WITHHELD_EVENT_NOUNS[kind], n)
        : w.count('note', n, {
            kind:
              w.version >= 3 && w.has('withheldTypes', kind)
                ? w.lookup('withheldTypes', kind)
                : w.kind(kind).toLowerCase(),
          }),
    )
    .join(', ');
}

/**
 * Rendition 9 (B19g-5): the header's one "Withheld at export" value when events were left out,
 * naming how many, what, by whose choice and the note kinds included (8 said it in two rows).
 */
export function withheldEventsValue(
  w: Words,
  doc: {
    omittedEventSeqs: readonly number[];
    withheld: { byKind: Record<string, number>; byChoiceOf: string };
    choices: { noteKinds: readonly string[] };
  },
): string {
  const kinds = doc.choices.noteKinds.map((k) => w.kind(k).toLowerCase()).join(', ') || w.t('none');
  return w.t('withheldEvents', {
    events: w.count('event', doc.omittedEventSeqs.length),
    what: withheldKinds(w, doc.withheld.byKind),
    who: doc.withheld.byChoiceOf,
    kinds,
  });
}

/** "Spanish, interpreter present". */
export function languageLine(w: Words, language: string, interpreter: boolean | undefined): string {
  return `${w.languageName(language)}, ${w.t(interpreter ? 'interpreterPresent' : 'noInterpreter')}`;
}

/**
 * Whether the header says an interpreter was present. From rendition version 5 it follows the
 * sealed session as well as the case's flag: an interpreter among the session's observers, or
 * any interpreted turn, means present (issue #19 audit: the header said "no interpreter" two
 * lines above "Interpreted: … interpreter: Marta Q"). Versions 2 to 4 printed the case's flag
 * only, and keep doing so, so their bundles re-render byte for byte.
 */
export function interpreterInHeader(
  w: Words,
  doc: Pick<TranscriptDocument, 'case' | 'session' | 'events'>,
): boolean {
  const flagged = doc.case.interpreterNeeded === true;
  if (w.version < 5) return flagged;
  return (
    flagged ||
    doc.session.observers.some((o) => o.role === 'interpreter') ||
    doc.events.some((e) => e.interpreted === true)
  );
}
