// Interpreted turns and the observer queue in the sealed transcript (issue #19), kept in one
// module so the bundle code only calls in here:
// - notes say whether the turn was interpreted, and carry the speaker's own-language words;
// - observer suggestions and decisions are in the sealed chain, but by default the export holds
//   only their counts: the text goes to the prosecutor only when `includeObserverQueue` is chosen.
import type { SessionEvent } from '../interview';
import type { TimelineEvent, TranscriptInput } from './model';

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
        },
      };
    case 'observer-decision':
      return {
        ...(event.text !== undefined ? { text: event.text } : {}),
        ...(event.reason ? { reason: event.reason } : {}),
        observer: {
          suggestionId: event.suggestionId,
          decision: event.decision,
          ...(event.coach ? { coachRecommended: event.coach.recommended } : {}),
        },
      };
    default:
      return {};
  }
}

export interface ObserverCounts {
  suggested: number;
  asked: number;
  rephrased: number;
  declined: number;
  /** True when the suggestions' text is in this export. */
  textIncluded: boolean;
}

/** Counts of the observer queue in the sealed record (always exported). */
export function observerCounts(
  events: TranscriptInput['events'],
  textIncluded: boolean,
): ObserverCounts | undefined {
  const counts = { suggested: 0, asked: 0, rephrased: 0, declined: 0, textIncluded };
  for (const e of events) {
    if (e.type === 'observer-suggestion') counts.suggested++;
    const decision = e.observer?.decision;
    if (e.type === 'observer-decision' && decision) counts[decision]++;
  }
  return counts.suggested > 0 ? counts : undefined;
}

/** Whether an event is left out by the observer-queue choice (default: left out). */
export function withheldByQueueChoice(
  e: TimelineEvent,
  includeQueue: boolean | undefined,
): boolean {
  return OBSERVER_EVENT_TYPES.has(e.type) && includeQueue !== true;
}

/** Label suffix for an interpreted turn, e.g. " (interpreted; child's words in es)". */
export function interpretedLabel(e: Pick<TimelineEvent, 'interpreted' | 'original'>): string {
  const parts: string[] = [];
  if (e.interpreted) parts.push('interpreted');
  if (e.original) parts.push(`own words in ${e.original.language}`);
  return parts.length > 0 ? ` (${parts.join('; ')})` : '';
}

/** Body line with the own-language words, beside the rendering. */
export function originalLine(e: Pick<TimelineEvent, 'original'>): string {
  return e.original ? `\n[${e.original.language}, verbatim] ${e.original.text}` : '';
}

/** Header lines: which turns were interpreted, in which languages, by whom (as permitted). */
export function interpretationSummary(doc: {
  events: ReadonlyArray<Pick<TimelineEvent, 'interpreted' | 'original'>>;
  session: { language: string; observers: ReadonlyArray<{ role: string; name?: string }> };
}): string | undefined {
  const interpreted = doc.events.filter((e) => e.interpreted).length;
  const withOriginal = doc.events.filter((e) => e.original);
  if (interpreted === 0 && withOriginal.length === 0) return undefined;
  const languages = [...new Set(withOriginal.map((e) => e.original?.language ?? ''))].sort();
  const interpreters = doc.session.observers
    .filter((o) => o.role === 'interpreter')
    .map((o) => o.name ?? 'interpreter (name not included)');
  return `${interpreted} turn(s) interpreted into ${doc.session.language}${
    languages.length > 0 ? ` from ${languages.join(', ')}` : ''
  }; ${withOriginal.length} with the speaker's own words verbatim; interpreter: ${
    interpreters.length > 0 ? interpreters.join('; ') : 'not recorded'
  }.`;
}

export function observerSummary(counts: ObserverCounts | undefined): string | undefined {
  if (!counts) return undefined;
  return `Observer suggestions: ${counts.suggested} suggested; ${counts.asked} asked, ${counts.rephrased} rephrased, ${counts.declined} declined${
    counts.textIncluded ? '' : ' (their text is not included in this export, by choice)'
  }.`;
}

/** Heading and body of an observer event (only present when the queue was chosen). */
export function describeObserverEvent(
  e: Pick<TimelineEvent, 'type' | 'text' | 'reason' | 'observer'>,
): { label: string; body: string } | undefined {
  const o = e.observer;
  if (!o || !OBSERVER_EVENT_TYPES.has(e.type)) return undefined;
  if (e.type === 'observer-suggestion')
    return {
      label: `Observer suggestion (${o.name ? `${o.name}, ` : ''}${o.role ?? 'observer'})`,
      body: e.text ?? '',
    };
  const coach =
    o.coachRecommended === undefined
      ? ''
      : o.coachRecommended
        ? ', coach: recommended'
        : ', coach: not recommended';
  return {
    label: `Decision on observer suggestion: ${o.decision ?? ''}${coach}`,
    body: [e.text, e.reason !== undefined ? `reason: ${e.reason}` : undefined]
      .filter((p): p is string => p !== undefined && p !== '')
      .join(' — '),
  };
}
