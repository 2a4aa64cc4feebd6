// Interpreted turns and the observer queue in the sealed transcript (issue #19), kept in one
// module so the bundle code only calls in here:
// - interpreted notes say which way they went: a question's `original` is the interpreter's
//   rendering to the child; a child turn's `original` is the child's own words, verbatim;
// - observer suggestions and decisions are in the sealed chain, but by default the export holds
//   only their counts: the text goes to the prosecutor only when `includeObserverQueue` is chosen.
// Export wording is English (the transcript's language); the Spanish forms are kept beside it
// for a Spanish copy (TEAM_EXPORT_LABELS.es).
import { decisionOf, sameWording, type SessionEvent } from '../interview';
import type { TimelineEvent, TranscriptInput } from './model';

export type ExportLanguage = 'en' | 'es';

/** The export's wording for interpreted turns and the observer queue, in en and es-419. */
export const TEAM_EXPORT_LABELS = {
  en: {
    interpreted: 'interpreted',
    questionRendering: (l: string) => `as rendered by the interpreter (${l})`,
    childWords: (l: string) => `child's words (${l}), verbatim`,
    ownWords: (l: string) => `own words (${l}), verbatim`,
    withheld:
      'Their wording is kept in the sealed session record at the CAC and was not included in this copy (export setting); available on request.',
  },
  es: {
    interpreted: 'interpretado',
    questionRendering: (l: string) => `según lo interpretó el/la intérprete (${l})`,
    childWords: (l: string) => `palabras del niño o la niña (${l}), textuales`,
    ownWords: (l: string) => `sus propias palabras (${l}), textuales`,
    withheld:
      'Su texto se conserva en el registro sellado del CAC y no se incluyó en esta copia (configuración de exportación); disponible a solicitud.',
  },
} as const;

/** Observer roles as the export names them (the session's role ids are kept in the data). */
export const ROLE_NAMES: Record<string, string> = {
  'law-enforcement': 'Law enforcement',
  cps: 'Child protective services',
  prosecutor: 'Prosecutor',
  advocate: 'Victim advocate',
  medical: 'Medical',
  interpreter: 'Interpreter',
  other: 'Other',
};

export const OBSERVER_EVENT_TYPES: ReadonlySet<string> = new Set([
  'observer-suggestion',
  'observer-decision',
]);

/** The team fields of one sealed event, as the export model holds them. */
export function teamFields(event: SessionEvent): Partial<TimelineEvent> {
  switch (event.type) {
    case 'note':
      return {
        ...(event.interpreted ? { interpreted: true } : {}),
        ...(event.original ? { original: event.original } : {}),
      };
    case 'observer-suggestion':
      return {
        text: event.text,
        observer: {
          suggestionId: event.suggestionId,
          role: event.role,
          ...(event.name ? { name: event.name } : {}),
          enteredBy: event.by,
        },
      };
    case 'observer-decision':
      return {
        ...(event.text !== undefined ? { text: event.text } : {}),
        ...(event.reason ? { reason: event.reason } : {}),
        observer: {
          suggestionId: event.suggestionId,
          decision: decisionOf(event.decision),
          ...(event.coach ? { coachRecommended: event.coach.recommended } : {}),
          ...(event.renderingCoach
            ? { renderingCoachRecommended: event.renderingCoach.recommended }
            : {}),
        },
      };
    default:
      return {};
  }
}

export interface ObserverCounts {
  suggested: number;
  /** Decided at the break: will be asked as written. */
  accepted: number;
  rephrased: number;
  declined: number;
  /** Accepted or rephrased, with no question note of that wording after the decision. */
  notAsked: number;
  /** True when the suggestions' text is in this export. */
  textIncluded: boolean;
}

/** Whether a question note of this wording follows the decision (the suggestion was asked). */
function askedAfter(events: TranscriptInput['events'], decision: TimelineEvent): boolean {
  const wording = decision.text;
  return (
    wording !== undefined &&
    events.some(
      (e) =>
        e.seq > decision.seq &&
        e.type === 'note' &&
        e.kind === 'question' &&
        e.text !== undefined &&
        sameWording(e.text, wording),
    )
  );
}

/** Counts of the observer queue in the sealed record (always exported). */
export function observerCounts(
  events: TranscriptInput['events'],
  textIncluded: boolean,
): ObserverCounts | undefined {
  const counts = { suggested: 0, accepted: 0, rephrased: 0, declined: 0, notAsked: 0 };
  for (const e of events) {
    if (e.type === 'observer-suggestion') counts.suggested++;
    const decision = e.observer?.decision;
    if (e.type !== 'observer-decision' || !decision) continue;
    counts[decision]++;
    if (decision !== 'declined' && !askedAfter(events, e)) counts.notAsked++;
  }
  return counts.suggested > 0 ? { ...counts, textIncluded } : undefined;
}

/** The suggesting observer's name is exported only when observer names are chosen. */
export function observerNameAsChosen(e: TimelineEvent, includeNames: boolean): TimelineEvent {
  if (!e.observer?.name || includeNames) return e;
  const { name: _name, ...observer } = e.observer;
  return { ...e, observer };
}

/** Whether an event is left out by the observer-queue choice (default: left out). */
export function withheldByQueueChoice(
  e: TimelineEvent,
  includeQueue: boolean | undefined,
): boolean {
  return OBSERVER_EVENT_TYPES.has(e.type) && includeQueue !== true;
}

/** What an interpreted or own-language note's `original` is, by the note's kind. */
function originalName(
  e: Pick<TimelineEvent, 'kind' | 'interpreted' | 'original'>,
  lang: ExportLanguage,
): string | undefined {
  if (!e.original) return undefined;
  const l = TEAM_EXPORT_LABELS[lang];
  if (e.kind === 'question' && e.interpreted) return l.questionRendering(e.original.language);
  if (e.kind === 'child') return l.childWords(e.original.language);
  return l.ownWords(e.original.language);
}

/**
 * Label suffix for an interpreted turn: " (interpreted; as rendered by the interpreter (es))" on
 * a question, " (interpreted; child's words (es), verbatim)" on a child turn.
 */
export function interpretedLabel(
  e: Pick<TimelineEvent, 'kind' | 'interpreted' | 'original'>,
  lang: ExportLanguage = 'en',
): string {
  const parts: string[] = [];
  if (e.interpreted) parts.push(TEAM_EXPORT_LABELS[lang].interpreted);
  const original = originalName(e, lang);
  if (original) parts.push(original);
  return parts.length > 0 ? ` (${parts.join('; ')})` : '';
}

/** Body line with the `original` words beside the note's text, named by what they are. */
export function originalLine(
  e: Pick<TimelineEvent, 'kind' | 'interpreted' | 'original'>,
  lang: ExportLanguage = 'en',
): string {
  return e.original ? `\n[${originalName(e, lang) ?? ''}] ${e.original.text}` : '';
}

/** "2026-03-01T10:00:00.000Z" → "2026-03-01 10:00 UTC". */
function stampText(at: string): string {
  return `${at.slice(0, 10)} ${at.slice(11, 16)} UTC`;
}

/**
 * Header line: which turns were interpreted, in which direction, and by whom (as permitted), e.g.
 * "Interpreted: 3 interviewer turn(s) en→es; 4 child turn(s) es→en; interpreter: A. Ruiz
 * (briefing completed 2026-03-01 09:40 UTC by ana)."
 */
export function interpretationSummary(doc: {
  events: ReadonlyArray<Pick<TimelineEvent, 'kind' | 'interpreted' | 'original'>>;
  session: {
    language: string;
    observers: ReadonlyArray<{
      role: string;
      name?: string;
      briefingCompleted?: { at: string; by: string };
    }>;
  };
}): string | undefined {
  const interpreted = doc.events.filter((e) => e.interpreted);
  if (interpreted.length === 0) return undefined;
  const session = doc.session.language;
  const directions = new Map<string, number>();
  const add = (key: string) => directions.set(key, (directions.get(key) ?? 0) + 1);
  for (const e of interpreted) {
    const other = e.original?.language ?? '?';
    if (e.kind === 'question') add(`interviewer turn(s) ${session}→${other}`);
    else if (e.kind === 'child') add(`child turn(s) ${other}→${session}`);
    else add(`other turn(s) interpreted`);
  }
  const turns = [...directions].map(([what, n]) => `${n} ${what}`).join('; ');
  const interpreters = doc.session.observers
    .filter((o) => o.role === 'interpreter')
    .map((o) => {
      const who = o.name ?? 'interpreter (name not included in this copy)';
      const briefing = o.briefingCompleted
        ? `briefing completed ${stampText(o.briefingCompleted.at)} by ${o.briefingCompleted.by}`
        : 'briefing not recorded as completed';
      return `${who} (${briefing})`;
    });
  return `Interpreted: ${turns}; interpreter: ${
    interpreters.length > 0 ? interpreters.join('; ') : 'not recorded'
  }.`;
}

export function observerSummary(counts: ObserverCounts | undefined): string | undefined {
  if (!counts) return undefined;
  return `Observer suggestions: ${counts.suggested} suggested; decided at the break: ${counts.accepted} accepted, ${counts.rephrased} rephrased, ${counts.declined} declined; ${counts.notAsked} accepted, not asked.${
    counts.textIncluded ? '' : ` ${TEAM_EXPORT_LABELS.en.withheld}`
  }`;
}

/** Heading and body of an observer event (only present when the queue was chosen). */
export function describeObserverEvent(
  e: Pick<TimelineEvent, 'type' | 'text' | 'reason' | 'observer'>,
): { label: string; body: string } | undefined {
  const o = e.observer;
  if (!o || !OBSERVER_EVENT_TYPES.has(e.type)) return undefined;
  if (e.type === 'observer-suggestion') {
    const role = ROLE_NAMES[o.role ?? ''] ?? o.role ?? 'Observer';
    const station = o.enteredBy ? ` (entered at the interviewer's station by ${o.enteredBy})` : '';
    return {
      label: `Observer suggestion. Suggested by: ${role}${o.name ? `, ${o.name}` : ''}${station}`,
      body: e.text ?? '',
    };
  }
  const verdict = (r: boolean | undefined, what: string) =>
    r === undefined ? '' : `, ${what}: ${r ? 'recommended' : 'not recommended'}`;
  const coach =
    verdict(o.coachRecommended, 'coach') +
    verdict(o.renderingCoachRecommended, "coach on the interpreter's rendering");
  return {
    label: `Decision on observer suggestion (at the break): ${o.decision ?? ''}${coach}`,
    body: [e.text, e.reason !== undefined ? `reason: ${e.reason}` : undefined]
      .filter((p): p is string => p !== undefined && p !== '')
      .join(' — '),
  };
}
