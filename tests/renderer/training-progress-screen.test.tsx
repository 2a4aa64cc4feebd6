// Issue #18 "Trainer review" items on the progress screen (child20; looked at in the e2e
// screenshots tests/e2e/screenshots/progress-*):
// - markers: one interview sits in the middle of the plot (offset), and when its invitation share
//   equals its facts share the facts square is hollow and larger and drawn under the circle, so
//   both show (the screenshot showed only the circle); the legend shows each marker;
// - the same markers as the PDF (palette.ts PROGRESS_MARKERS);
// - whose progress it is: "Trainee: Tom Trainee (tom)" (a trainer with one trainee saw no name).
import { render, screen } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { Client } from '../../renderer/bridge/client';
import { ClientProvider } from '../../renderer/bridge/context';
import { createI18n } from '../../renderer/i18n/setup';
import { MARKERS, ProgressChart } from '../../renderer/training/progress-chart';
import { ProgressView } from '../../renderer/training/progress-view';
import type { TraineeProgress } from '../../renderer/training/types';
import { PROGRESS_MARKERS } from '../../src/training/palette';
import { fakeCore } from './fake-core';

interface LineProps {
  data: { datasets: Array<Record<string, unknown>> };
  options: {
    scales: { x: { offset?: boolean } };
    plugins: { legend: { labels: { usePointStyle?: boolean } } };
  };
}
const drawn: LineProps[] = [];
// chart.js needs a real canvas; jsdom has none: the chart's props are what is checked here.
jest.mock('react-chartjs-2', () => ({
  Line: (props: LineProps) => {
    drawn.push(props);
    return null;
  },
}));

const POINT = {
  sessionId: 'sess_1',
  startedAt: '2026-01-01T10:00:00.000Z',
  finishedAt: '2026-01-01T10:20:00.000Z',
  scenarioId: 'visitor-nothing',
  scenarioTitle: "A parent's concern about a preschool visitor",
  ageYears: 5,
  session: 1,
  questions: 7,
  recommendedShare: 0.57,
  invitationShare: 4 / 7,
  optionPosing: 0,
  suggestive: 3,
  reviewed: false,
  trueFactsElicited: 4,
  trueFactsTotal: 7,
  falseDetails: 2,
};
const PROGRESS = {
  trainee: 'tom',
  displayName: 'Tom Trainee',
  inProgress: 0,
  sessions: [POINT],
} as unknown as TraineeProgress;

beforeEach(() => drawn.splice(0));

test('screen and PDF draw each series with the same marker', () => {
  expect(MARKERS).toEqual(PROGRESS_MARKERS);
});

test('one interview with equal shares: both markers show, off the side axes, legend with markers', () => {
  render(
    <I18nextProvider i18n={createI18n({ language: 'en' })}>
      <ProgressChart progress={PROGRESS} />
    </I18nextProvider>,
  );
  const props = drawn.at(-1)!;
  expect(props.options.scales.x.offset).toBe(true);
  expect(props.options.plugins.legend.labels.usePointStyle).toBe(true);
  const [share, facts, falseDetails] = props.data.datasets;
  // The two percentages coincide here.
  expect((share!.data as number[])[0]).toBe((facts!.data as number[])[0]);
  expect(facts!.pointStyle).toBe('rect');
  expect(facts!.pointBackgroundColor).toBe('#ffffff');
  expect(facts!.pointRadius as number).toBeGreaterThan(share!.pointRadius as number);
  // chart.js draws a lower `order` last: the circle on top of the hollow square.
  expect(share!.order as number).toBeLessThan(facts!.order as number);
  expect(falseDetails!.pointStyle).toBe('triangle');
  expect(falseDetails!.borderDash).toEqual([6, 4]);
});

test.each(['en', 'es'] as const)('%s: the screen names whose progress it is', async (language) => {
  const core = fakeCore({ 'training.progress': () => ({ trainees: [PROGRESS] }) });
  render(
    <I18nextProvider i18n={createI18n({ language })}>
      <ClientProvider client={new Client(core)}>
        <ProgressView />
      </ClientProvider>
    </I18nextProvider>,
  );
  const name = await screen.findByTestId('progress-trainee-name');
  expect(name).toHaveTextContent(
    language === 'en' ? 'Trainee: Tom Trainee (tom)' : 'Tom Trainee (tom)',
  );
  expect(screen.getByTestId('progress-table')).toHaveTextContent(POINT.scenarioTitle);
});
