// Time in phase, in session and into the recording. Owns the one-second clock so that only
// these three numbers re-render every second.
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDuration } from '../common/format';
import { useClock } from './use-clock';

export const Timers = memo(function Timers({
  startedAtMs,
  phaseEnteredAtMs,
  recordingStartedAtMs,
}: {
  startedAtMs: number;
  /** Session time at which the current phase was entered. */
  phaseEnteredAtMs: number | null;
  recordingStartedAtMs: number | null;
}) {
  const { t } = useTranslation();
  const now = useClock(1000);
  const elapsedMs = Math.max(0, now - startedAtMs);
  return (
    <dl className="timers">
      <div>
        <dt>{t('live.inPhase')}</dt>
        <dd>
          {formatDuration(
            phaseEnteredAtMs === null ? null : Math.max(0, elapsedMs - phaseEnteredAtMs),
          )}
        </dd>
      </div>
      <div>
        <dt>{t('live.inSession')}</dt>
        <dd>{formatDuration(elapsedMs)}</dd>
      </div>
      <div>
        <dt>{t('live.recording')}</dt>
        <dd data-testid="recording-offset">
          {recordingStartedAtMs === null
            ? t('live.notRecording')
            : formatDuration(Math.max(0, now - recordingStartedAtMs))}
        </dd>
      </div>
    </dl>
  );
});
