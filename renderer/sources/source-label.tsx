// How a step's source reads on screen: the document and section, or "Hearth's own: why".
// The research behind a choice is in the tooltip, so the line stays short while interviewing.
import { useTranslation } from 'react-i18next';
import {
  HEARTH,
  hearthTopicMarker,
  notVerifiedMarker,
  type PlannedSource,
} from '../../src/protocols';

export function sourceText(source: PlannedSource, hearthWith: (what: string) => string): string {
  return source.label === HEARTH ? hearthWith(source.section) : source.label;
}

/**
 * A label cut into what it names and the Hearth-topic marker it ends with, if any: the marker
 * (" (topic: Hearth's summary of the source, not a section of it)", or its Spanish) is worded in
 * the language the label was planned in, which may differ from the screen's.
 */
export function splitHearthTopic(label: string): { label: string; marker: string | null } {
  for (const language of ['en', 'es']) {
    const marker = hearthTopicMarker(language);
    if (label.endsWith(marker))
      return { label: label.slice(0, -marker.length), marker: marker.trim() };
  }
  return { label, marker: null };
}

/**
 * A label cut into what it names and the "not verified against the full text" marker it ends
 * with, if any (worded in the language the label was planned in).
 */
export function splitNotVerified(label: string): { label: string; marker: string | null } {
  for (const language of ['en', 'es']) {
    const marker = notVerifiedMarker(language);
    if (label.endsWith(marker))
      return { label: label.slice(0, -marker.length), marker: marker.trim() };
  }
  return { label, marker: null };
}

/** Whether any of `sources` is labelled with the Hearth-topic marker (see splitHearthTopic). */
export function anyHearthTopic(sources: readonly PlannedSource[]): boolean {
  return sources.some((s) => s.label !== HEARTH && splitHearthTopic(s.label).marker !== null);
}

/**
 * What "Hearth's summary" means, said once for a group of labels that carry the short mark
 * (the plan preview's cautions, a phase's prompts): nothing when none of `sources` has it.
 */
export function HearthTopicNote({ sources }: { sources: readonly PlannedSource[] }) {
  const { t } = useTranslation('protocolsUi');
  if (!anyHearthTopic(sources)) return null;
  return (
    <p className="field-hint source-topic-note">
      {t('source.topicMarkNote', { mark: t('source.topicMark') })}
    </p>
  );
}

/**
 * `compact` (the live screen, where room is short): the research behind a choice goes into the
 * tooltip only; the document and section stay visible. `shortMark` (the plan preview): the
 * Hearth-topic marker becomes the short mark, the basis stays; the group says once what the
 * mark means (HearthTopicNote; newcomer 7, finding 15).
 */
export function SourceLabel({
  source,
  compact,
  shortMark,
}: {
  source: PlannedSource;
  compact?: boolean;
  shortMark?: boolean;
}) {
  const { t } = useTranslation('protocolsUi');
  const full = sourceText(source, (what) => t('source.hearthWith', { what }));
  // On the live screen the long "Hearth's summary, not a section" note would repeat under every
  // line: it becomes a short mark, its full wording in the tooltip and for screen readers.
  const topic = compact || shortMark ? splitHearthTopic(full) : { label: full, marker: null };
  // Likewise "not verified against the full text": on the live screen a short mark, so the line
  // under each prompt does not wrap (it took the note list's room at 1024x700, session 10).
  const unverified = compact ? splitNotVerified(topic.label) : { label: topic.label, marker: null };
  const { marker } = topic;
  const shownLabel = unverified.label;
  const basis =
    source.basis.length > 0 ? t('sources.basis', { basis: source.basis.join('; ') }) : '';
  return (
    <span
      className={source.label === HEARTH ? 'source-label source-hearth' : 'source-label'}
      title={basis || undefined}
    >
      <span className="visually-hidden">{t('source.label')}: </span>
      {shownLabel}
      {unverified.marker ? (
        <span className="source-topic-mark" title={t('source.notVerifiedWhy')}>
          {' · '}
          {t('source.notVerifiedMark')}
          <span className="visually-hidden"> {unverified.marker}</span>
        </span>
      ) : null}
      {marker ? (
        <span className="source-topic-mark" title={t('source.topicMarkWhy')}>
          {' · '}
          {t('source.topicMark')}
          <span className="visually-hidden"> {marker}</span>
        </span>
      ) : null}
      {source.translation === 'hearth' ? (
        <span
          className="source-topic-mark"
          title={t('source.translationWhy')}
          data-testid="translation-mark"
        >
          {' · '}
          {/* Short on the live screen, so the line under a prompt does not wrap and take the
              note list's room (live-interpreted at 1024x700); the full words are read out. */}
          {compact ? t('source.translationMarkShort') : t('source.translationMark')}
          <span className="visually-hidden"> {t('source.translationWhy')}</span>
        </span>
      ) : null}
      {basis && !compact ? <span className="source-basis"> ({basis})</span> : null}
    </span>
  );
}
