// Progress across practice interviews as a line chart (chart.js): the substantive invitation
// share (the NICHD headline) and true facts elicited in percent, false details as a count on its
// own axis. The same numbers are in a table for screen readers and for printing, with a way to
// open each interview's feedback (and, for trainers, to review it).
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

// Calm, distinguishable colours: the same as the PDF report's (src/training/palette.ts, which
// the renderer may not import; a unit test keeps the two equal). Markers differ too, so colour
// is not the only cue.
export const COLOURS = { share: '#2f6f5e', facts: '#4f6d9a', falseDetails: '#8a5a9e' } as const;
// The same markers as the PDF (src/training/palette.ts PROGRESS_MARKERS, equal by a unit test):
// the facts square is hollow and larger, so an equal invitation share still shows inside it.
export const MARKERS = {
  share: { shape: 'circle', hollow: false, radius: 6, dashed: false },
  facts: { shape: 'rect', hollow: true, radius: 8, dashed: false },
  falseDetails: { shape: 'triangle', hollow: false, radius: 6, dashed: true },
} as const;

/** chart.js point options for a series' marker. */
function marker(series: keyof typeof MARKERS) {
  const m = MARKERS[series];
  return {
    pointStyle: m.shape,
    pointRadius: m.radius,
    pointBorderWidth: 2,
    pointBackgroundColor: m.hollow ? '#ffffff' : COLOURS[series],
    ...(m.dashed ? { borderDash: [6, 4] } : {}),
  };
}

export function ProgressChart({
  progress,
  onOpen,
  onReview,
}: {
  progress: TraineeProgress;
  onOpen?: (sessionId: string) => void;
  onReview?: (sessionId: string) => void;
}) {
  const { t, i18n } = useTranslation('trainingUi');
  const points = progress.sessions;
  const labels = points.map((p, i) => `${i + 1}`);
  const factsShare = (p: (typeof points)[number]) =>
    p.trueFactsTotal > 0 ? percent(p.trueFactsElicited / p.trueFactsTotal) : 0;
  const data = {
    labels,
    datasets: [
      {
        label: t('progress.invitationShare'),
        data: points.map((p) => percent(p.invitationShare)),
        borderColor: COLOURS.share,
        backgroundColor: COLOURS.share,
        ...marker('share'),
        yAxisID: 'percent',
        // Drawn on top of the facts square (chart.js draws lower `order` last).
        order: 0,
      },
      {
        label: t('progress.factsShare'),
        data: points.map(factsShare),
        borderColor: COLOURS.facts,
        backgroundColor: COLOURS.facts,
        ...marker('facts'),
        yAxisID: 'percent',
        order: 1,
      },
      {
        label: t('progress.falseDetails'),
        data: points.map((p) => p.falseDetails),
        borderColor: COLOURS.falseDetails,
        backgroundColor: COLOURS.falseDetails,
        ...marker('falseDetails'),
        yAxisID: 'count',
        order: 2,
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
              // Offset keeps a single interview's markers off the axis lines.
              x: { type: 'category', offset: true },
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
              // The legend shows each series' marker, as the PDF's does.
              legend: {
                display: true,
                position: 'bottom',
                labels: { font: { size: 15 }, usePointStyle: true },
              },
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
              <th scope="col">{t('progress.invitationShare')}</th>
              <th scope="col">{t('progress.focused')}</th>
              <th scope="col">{t('progress.factsShare')}</th>
              <th scope="col">{t('progress.falseDetails')}</th>
              <th scope="col">{t('progress.review')}</th>
            </tr>
          </thead>
          <tbody>
            {points.map((p, i) => (
              <tr key={p.sessionId}>
                <th scope="row">{i + 1}</th>
                <td>{formatDateTime(p.finishedAt ?? p.startedAt, i18n.language)}</td>
                <td>
                  {p.scenarioTitle}
                  {p.session > 1 ? ` (${t('progress.sessionN', { n: p.session })})` : ''}
                </td>
                <td>{percent(p.invitationShare)}%</td>
                <td>
                  {t('progress.focusedValue', { option: p.optionPosing, suggestive: p.suggestive })}
                </td>
                <td>
                  {factsShare(p)}% ({p.trueFactsElicited}/{p.trueFactsTotal})
                </td>
                <td>{p.falseDetails}</td>
                <td>
                  {p.reviewed ? `${t('progress.reviewed')} ` : ''}
                  {onOpen ? (
                    <button
                      type="button"
                      className="button-quiet small"
                      onClick={() => onOpen(p.sessionId)}
                    >
                      {t('progress.open', { n: i + 1 })}
                    </button>
                  ) : null}{' '}
                  {onReview ? (
                    <button
                      type="button"
                      className="button-quiet small"
                      onClick={() => onReview(p.sessionId)}
                    >
                      {t('progress.reviewButton', { n: i + 1 })}
                    </button>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </figcaption>
    </figure>
  );
}
