// Progress across practice interviews as a line chart (chart.js): recommended-question share
// and true facts elicited in percent, false details as a count on its own axis. The same
// numbers are in a table for screen readers and for printing.
import {
  CategoryScale,
  Chart as ChartJS,
  Legend,
  LinearScale,
  LineElement,
  PointElement,
  Tooltip,
} from 'chart.js';
import { Line } from 'react-chartjs-2';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../common/format';
import { percent, type TraineeProgress } from './types';

ChartJS.register(CategoryScale, LinearScale, PointElement, LineElement, Tooltip, Legend);

// Calm, distinguishable colours (the report's palette); markers differ too, so colour is not
// the only cue.
const COLOURS = { share: '#2f6f5e', facts: '#4f6d9a', falseDetails: '#8a5a9e' };

export function ProgressChart({ progress }: { progress: TraineeProgress }) {
  const { t, i18n } = useTranslation('trainingUi');
  const points = progress.sessions;
  const labels = points.map((p, i) => `${i + 1}`);
  const factsShare = (p: (typeof points)[number]) =>
    p.trueFactsTotal > 0 ? percent(p.trueFactsElicited / p.trueFactsTotal) : 0;
  const data = {
    labels,
    datasets: [
      {
        label: t('progress.recommendedShare'),
        data: points.map((p) => percent(p.recommendedShare)),
        borderColor: COLOURS.share,
        backgroundColor: COLOURS.share,
        pointStyle: 'circle' as const,
        pointRadius: 6,
        yAxisID: 'percent',
      },
      {
        label: t('progress.factsShare'),
        data: points.map(factsShare),
        borderColor: COLOURS.facts,
        backgroundColor: COLOURS.facts,
        pointStyle: 'rect' as const,
        pointRadius: 6,
        yAxisID: 'percent',
      },
      {
        label: t('progress.falseDetails'),
        data: points.map((p) => p.falseDetails),
        borderColor: COLOURS.falseDetails,
        backgroundColor: COLOURS.falseDetails,
        pointStyle: 'triangle' as const,
        borderDash: [6, 4],
        pointRadius: 6,
        yAxisID: 'count',
      },
    ],
  };
  return (
    <figure className="progress-figure" data-testid="progress-chart" style={{ margin: 0 }}>
      <div className="chart-canvas" style={{ height: 320, background: '#ffffff' }}>
        <Line
          aria-label={t('progress.chartLabel')}
          role="img"
          data={data}
          options={{
            responsive: true,
            maintainAspectRatio: false,
            animation: false,
            scales: {
              percent: {
                type: 'linear',
                position: 'left',
                min: 0,
                max: 100,
                title: { display: true, text: t('progress.percentAxis') },
              },
              count: {
                type: 'linear',
                position: 'right',
                min: 0,
                suggestedMax: 4,
                ticks: { precision: 0 },
                grid: { drawOnChartArea: false },
                title: { display: true, text: t('progress.countAxis') },
              },
            },
            plugins: {
              legend: { display: true, position: 'bottom', labels: { font: { size: 15 } } },
            },
          }}
        />
      </div>
      <figcaption>
        <table className="compact" data-testid="progress-table">
          <caption>{t('progress.tableCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">#</th>
              <th scope="col">{t('progress.date')}</th>
              <th scope="col">{t('progress.scenario')}</th>
              <th scope="col">{t('progress.recommendedShare')}</th>
              <th scope="col">{t('progress.factsShare')}</th>
              <th scope="col">{t('progress.falseDetails')}</th>
            </tr>
          </thead>
          <tbody>
            {points.map((p, i) => (
              <tr key={p.sessionId}>
                <th scope="row">{i + 1}</th>
                <td>{formatDateTime(p.finishedAt ?? p.startedAt, i18n.language)}</td>
                <td>{p.scenarioTitle}</td>
                <td>{percent(p.recommendedShare)}%</td>
                <td>
                  {factsShare(p)}% ({p.trueFactsElicited}/{p.trueFactsTotal})
                </td>
                <td>{p.falseDetails}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </figcaption>
    </figure>
  );
}
