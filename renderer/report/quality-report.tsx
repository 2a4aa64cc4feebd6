// The quality report body: proportions, a strip of the interview coloured by question type,
// flagged questions with what to ask instead, and a per-phase breakdown.
import { useTranslation } from 'react-i18next';
import type { QualityReport } from '../../src/questions';
import { TypeChart } from './type-chart';
import { TYPE_COLOURS } from './type-colours';

const pct = (share: number) => `${Math.round(share * 100)}%`;

export function QualityReportView({
  report,
  phaseTitle,
}: {
  report: QualityReport;
  phaseTitle: (phaseId: string) => string;
}) {
  const { t } = useTranslation();
  return (
    <div className="report">
      <dl className="report-figures">
        <div>
          <dt>{t('report.prompts')}</dt>
          <dd>{report.prompts}</dd>
        </div>
        <div>
          <dt>{t('report.recommendedShare')}</dt>
          <dd>{pct(report.recommendedShare)}</dd>
        </div>
        <div>
          <dt>{t('report.invitationShare')}</dt>
          <dd>{pct(report.invitationShare)}</dd>
        </div>
        <div>
          <dt>{t('report.pairing')}</dt>
          <dd>{report.pairingViolations}</dd>
        </div>
      </dl>
      <section aria-labelledby="report-types">
        <h2 id="report-types">{t('report.byType')}</h2>
        <TypeChart report={report} />
      </section>
      <section aria-labelledby="report-strip">
        <h2 id="report-strip">{t('report.strip')}</h2>
        <ol className="strip" aria-label={t('report.stripLabel')}>
          {report.timeline.map((p) => (
            <li
              key={p.index}
              className="strip-cell"
              style={{ background: TYPE_COLOURS[p.type] }}
              title={t(`questionTypes.${p.type}`)}
            >
              <span className="visually-hidden">{t(`questionTypes.${p.type}`)}</span>
            </li>
          ))}
        </ol>
        {/* Every colour the strip uses is named here (the grey "other/statement" too). */}
        <ul className="strip-legend" aria-label={t('report.stripLegend')}>
          {(Object.keys(TYPE_COLOURS) as Array<keyof typeof TYPE_COLOURS>)
            .filter((type) => report.timeline.some((p) => p.type === type))
            .map((type) => (
              <li key={type}>
                <span
                  className="strip-swatch"
                  aria-hidden="true"
                  style={{ background: TYPE_COLOURS[type] }}
                />
                {t(`questionTypes.${type}`)}
              </li>
            ))}
        </ul>
      </section>
      <section aria-labelledby="report-flagged">
        <h2 id="report-flagged">{t('report.flagged', { count: report.flagged.length })}</h2>
        {report.flagged.length === 0 ? (
          <p>{t('report.noneFlagged')}</p>
        ) : (
          <ul className="flagged">
            {report.flagged.map((f) => (
              <li key={f.index}>
                <p className="flagged-text">
                  <q>{f.text}</q> <span className="tag">{t(`questionTypes.${f.type}`)}</span>
                </p>
                <p className="field-hint">{f.reason}</p>
                {f.suggestion ? (
                  <p>
                    {t('live.tryInstead')} <q>{f.suggestion}</q>
                  </p>
                ) : null}
              </li>
            ))}
          </ul>
        )}
      </section>
      {report.phases.length > 0 ? (
        <section aria-labelledby="report-phases">
          <h2 id="report-phases">{t('report.perPhase')}</h2>
          <table className="compact">
            <thead>
              <tr>
                <th scope="col">{t('report.phase')}</th>
                <th scope="col">{t('report.prompts')}</th>
                <th scope="col">{t('report.recommendedShare')}</th>
                <th scope="col">{t('report.invitationShare')}</th>
              </tr>
            </thead>
            <tbody>
              {report.phases.map((p) => (
                <tr key={p.phaseId}>
                  <th scope="row">{phaseTitle(p.phaseId)}</th>
                  <td>{p.prompts}</td>
                  <td>{pct(p.recommendedShare)}</td>
                  <td>{pct(p.invitationShare)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ) : null}
    </div>
  );
}
