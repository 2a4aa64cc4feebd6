// Proportions by question type as a bar chart (chart.js), with the same numbers in a table
// for screen readers and for printing.
import { BarElement, CategoryScale, Chart as ChartJS, LinearScale, Tooltip } from 'chart.js';
import { Bar } from 'react-chartjs-2';
import { useTranslation } from 'react-i18next';
import { QUESTION_TYPES, type QualityReport } from '../../src/questions';
import { TYPE_COLOURS } from './type-colours';

ChartJS.register(BarElement, CategoryScale, LinearScale, Tooltip);

const PROMPT_TYPES = QUESTION_TYPES.filter((type) => type !== 'other');

export function TypeChart({ report }: { report: QualityReport }) {
  const { t } = useTranslation();
  const labels = PROMPT_TYPES.map((type) => t(`questionTypes.${type}`));
  const data = {
    labels,
    datasets: [
      {
        label: t('report.share'),
        data: PROMPT_TYPES.map((type) => Math.round(report.proportions[type] * 100)),
        backgroundColor: PROMPT_TYPES.map((type) => TYPE_COLOURS[type]),
      },
    ],
  };
  return (
    <figure className="chart">
      <div className="chart-canvas">
        <Bar
          aria-label={t('report.chartLabel')}
          data={data}
          options={{
            responsive: true,
            maintainAspectRatio: false,
            animation: false,
            indexAxis: 'y',
            scales: { x: { min: 0, max: 100, ticks: { callback: (v) => `${String(v)}%` } } },
            plugins: { legend: { display: false } },
          }}
        />
      </div>
      <figcaption>
        <table className="compact">
          <caption>{t('report.tableCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('report.type')}</th>
              <th scope="col">{t('report.count')}</th>
              <th scope="col">{t('report.share')}</th>
            </tr>
          </thead>
          <tbody>
            {PROMPT_TYPES.map((type) => (
              <tr key={type}>
                <th scope="row">
                  <span className="swatch" style={{ background: TYPE_COLOURS[type] }} />{' '}
                  {t(`questionTypes.${type}`)}
                </th>
                <td>{report.counts[type]}</td>
                <td>{Math.round(report.proportions[type] * 100)}%</td>
              </tr>
            ))}
          </tbody>
        </table>
      </figcaption>
    </figure>
  );
}
