// How a step's source reads on screen: the document and section, or "Hearth's own: why".
// The research behind a choice is in the tooltip, so the line stays short while interviewing.
import { useTranslation } from 'react-i18next';
import { HEARTH, hearthTopicMarker, type PlannedSource } from '../../src/protocols';

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
 * `compact` (the live screen, where room is short): the research behind a choice goes into the
 * tooltip only; the document and section stay visible.
 */
export function SourceLabel({ source, compact }: { source: PlannedSource; compact?: boolean }) {
  const { t } = useTranslation('protocolsUi');
  const full = sourceText(source, (what) => t('source.hearthWith', { what }));
  // On the live screen the long "Hearth's summary, not a section" note would repeat under every
  // line: it becomes a short mark, its full wording in the tooltip and for screen readers.
  const { label, marker } = compact ? splitHearthTopic(full) : { label: full, marker: null };
  const basis =
    source.basis.length > 0 ? t('sources.basis', { basis: source.basis.join('; ') }) : '';
  return (
    <span
      className={source.label === HEARTH ? 'source-label source-hearth' : 'source-label'}
      title={basis || undefined}
    >
      <span className="visually-hidden">{t('source.label')}: </span>
      {label}
      {marker ? (
        <span className="source-topic-mark" title={t('source.topicMarkWhy')}>
          {' · '}
          {t('source.topicMark')}
          <span className="visually-hidden"> {marker}</span>
        </span>
      ) : null}
      {basis && !compact ? <span className="source-basis"> ({basis})</span> : null}
    </span>
  );
}
