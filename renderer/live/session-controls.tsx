// The interview's own events, one key or click each: a break (with its reason, and a timer
// while it lasts), a pause of the session (for something outside the interview, such as the
// recording failing), and "distress observed". Each is a timestamped event in the record.
import { memo, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDuration } from '../common/format';
import { useClock } from './use-clock';

/** Reasons offered for a break; the text stored is the label in the interview's record. */
export const BREAK_REASONS = ['child', 'planned', 'team', 'upset', 'interviewer'] as const;
export type BreakReason = (typeof BREAK_REASONS)[number];

/** Minutes and seconds since `sinceMs` (session time), ticking on its own. */
const SinceTimer = memo(function SinceTimer({
  startedAtMs,
  sinceMs,
  label,
}: {
  startedAtMs: number;
  sinceMs: number;
  label: string;
}) {
  const now = useClock(1000);
  const elapsed = Math.max(0, now - startedAtMs - sinceMs);
  return (
    <span className="since-timer">
      {label} <strong data-testid="break-timer">{formatDuration(elapsed)}</strong>
    </span>
  );
});

export function BreakStatus({
  startedAtMs,
  breakSinceMs,
  paused,
}: {
  startedAtMs: number;
  breakSinceMs: number | null;
  paused: boolean;
}) {
  const { t } = useTranslation();
  if (breakSinceMs === null && !paused) return null;
  return (
    <p className="quiet-box" role="status">
      {breakSinceMs !== null ? (
        <>
          {t('liveControls.onBreak')}{' '}
          <SinceTimer
            startedAtMs={startedAtMs}
            sinceMs={breakSinceMs}
            label={t('liveControls.breakTime')}
          />
        </>
      ) : (
        t('liveControls.pausedNow')
      )}
    </p>
  );
}

/**
 * The break button opens a short list of reasons (first one focused, so Alt+B then Enter
 * starts a break for "the child asked"); while on a break it ends the break.
 */
export function BreakControl({
  onBreak,
  disabled,
  picking,
  onPick,
  onCancel,
  onToggle,
}: {
  onBreak: boolean;
  disabled: boolean;
  picking: boolean;
  onPick: (reason: string) => void;
  onCancel: () => void;
  onToggle: () => void;
}) {
  const { t } = useTranslation();
  const first = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (picking) first.current?.focus();
  }, [picking]);
  if (picking && !onBreak) {
    return (
      <fieldset
        className="break-reasons"
        onKeyDown={(e) => {
          if (e.key === 'Escape') {
            e.preventDefault();
            onCancel();
          }
        }}
      >
        <legend>{t('liveControls.breakWhy')}</legend>
        {BREAK_REASONS.map((r, i) => (
          <button
            key={r}
            ref={i === 0 ? first : undefined}
            type="button"
            className="button-quiet small"
            onClick={() => onPick(t(`liveControls.reasons.${r}`))}
          >
            {t(`liveControls.reasons.${r}`)}
          </button>
        ))}
        <button type="button" className="link small" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </fieldset>
    );
  }
  return (
    <button type="button" className="button-quiet" onClick={onToggle} disabled={disabled}>
      {onBreak ? t('live.endBreak') : t('live.startBreak')}{' '}
      <kbd>{t('live.altKey', { key: 'B' })}</kbd>
    </button>
  );
}

export function PauseAndDistress({
  paused,
  disabled,
  onPause,
  onResume,
  onDistress,
  distressNoted,
}: {
  paused: boolean;
  disabled: boolean;
  onPause: () => void;
  onResume: () => void;
  /** Records distress; the caller confirms it (distressNoted) for the button and Alt+D alike. */
  onDistress: () => void;
  distressNoted: boolean;
}) {
  const { t } = useTranslation();
  return (
    <>
      <button type="button" className="button-quiet" disabled={disabled} onClick={onDistress}>
        {t('events.distress-observed')} <kbd>{t('live.altKey', { key: 'D' })}</kbd>
      </button>
      {distressNoted ? (
        <p className="field-hint" role="status">
          {t('liveControls.distressNoted')}
        </p>
      ) : null}
      <button
        type="button"
        className="button-quiet"
        disabled={disabled}
        onClick={paused ? onResume : onPause}
      >
        {paused ? t('liveControls.resume') : t('liveControls.pause')}
      </button>
    </>
  );
}
