// Sources: each protocol's documents and versions, how far Hearth's wording was checked against
// them, and everything Hearth adds on its own. Built from src/protocols, so it cannot drift from
// what the plans cite.
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { sourcesOverview, type SourceDocument } from '../../src/protocols';
import { ScreenHeading } from '../common/heading';

function Citation({ doc }: { doc: SourceDocument }) {
  const { t } = useTranslation('protocolsUi');
  return (
    <li>
      <strong>{doc.short}</strong>
      <span className="citation">{doc.citation}</span>
      {doc.note ? (
        <span className="citation-note">{t('sources.hearthNote', { note: doc.note })}</span>
      ) : null}
      <span className={`checked checked-${doc.checked}`}>
        {t(`sources.checked.${doc.checkedScope ?? doc.checked}`)}
      </span>
      {doc.url ? <span className="citation-url">{doc.url}</span> : null}
    </li>
  );
}

export function SourcesScreen() {
  const { t, i18n } = useTranslation('protocolsUi');
  const language = i18n.language === 'es' ? 'es' : 'en';
  const overview = useMemo(() => sourcesOverview(language), [language]);
  return (
    <section className="screen">
      <ScreenHeading>{t('sources.title')}</ScreenHeading>
      <p className="lead">{t('sources.lead')}</p>
      <p className="notice">{t('sources.notChecked')}</p>
      {/* Section names are Hearth's wording (translated in Spanish); say so before a reader
          compares them with a published translation's headings. */}
      <p>{t('sources.sectionNames')}</p>
      <div className="sources-grid">
        {overview.protocols.map((p) => (
          <section key={p.id} className="panel" aria-labelledby={`sources-${p.id}`}>
            <h2 id={`sources-${p.id}`}>{p.name}</h2>
            <h3>{t('sources.protocolDocuments')}</h3>
            <ul className="citations">
              {p.documents.map((d) => (
                <Citation key={d.id} doc={d} />
              ))}
            </ul>
            <h3>{t('sources.media')}</h3>
            <p>{p.media.text}</p>
          </section>
        ))}
      </div>
      <section className="panel" aria-labelledby="sources-hearth">
        <h2 id="sources-hearth">{t('sources.hearthTitle')}</h2>
        <p>{t('sources.hearthLead')}</p>
        <ul className="hearth-additions">
          {overview.hearth.map((h) => (
            <li key={h.what}>
              <strong>{h.what}</strong>
              <span className="field-hint">
                {' '}
                {h.protocols.includes('*')
                  ? t('sources.everyProtocol')
                  : h.protocols
                      .map((id) => overview.protocols.find((p) => p.id === id)?.name ?? id)
                      .join(', ')}
              </span>
              {h.basis.length > 0 ? (
                <span className="source-basis">
                  {' '}
                  {t('sources.basis', { basis: h.basis.join('; ') })}
                </span>
              ) : null}
            </li>
          ))}
        </ul>
      </section>
      <section className="panel" aria-labelledby="sources-all">
        <h2 id="sources-all">{t('sources.allDocuments')}</h2>
        <ul className="citations">
          {overview.documents.map((d) => (
            <Citation key={d.id} doc={d} />
          ))}
        </ul>
      </section>
    </section>
  );
}
