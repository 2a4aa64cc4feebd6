// How a step's source reads on screen: the document and section, or "Hearth's own: why".
// The research behind a choice is in the tooltip, so the line stays short while interviewing.
import { useTranslation } from 'react-i18next';
import { HEARTH, type PlannedSource } from '../../src/protocols';

export function sourceText(source: PlannedSource, hearthWith: (what: string) => string): string {
  return source.label === HEARTH ? hearthWith(source.section) : source.label;
}

/**
 * `compact` (the live screen, where room is short): the research behind a choice goes into the
 * tooltip only; the document and section stay visible.
 */
export function SourceLabel({ source, compact }: { source: PlannedSource; compact?: boolean }) {
  const { t } = useTranslation('protocolsUi');
  const label = sourceText(source, (what) => t('source.hearthWith', { what }));
  const basis =
    source.basis.length > 0 ? t('sources.basis', { basis: source.basis.join('; ') }) : '';
  return (
    <span
      className={source.label === HEARTH ? 'source-label source-hearth' : 'source-label'}
      title={basis || undefined}
    >
      <span className="visually-hidden">{t('source.label')}: </span>
      {label}
      {basis && !compact ? <span className="source-basis"> ({basis})</span> : null}
    </span>
  );
}
