// The reluctant child on the live screen. A quiet "Child reluctant" control (Alt+L) records a
// sealed `reluctance-noted` event (sessions.markReluctance); the guidance reducer then puts a
// supportive statement first, withholds option-posing and last-resort prompts in the substantive
// phases (Hearth's rule, labelled as such in the phase cautions), and offers "close warmly" once
// the substantive part is reached (revised NICHD protocol: support and back to rapport;
// Hershkowitz et al. 2021: a second, supportive session). A later session of an extended
// interview starts reluctant when an earlier one's "Child reluctant" still stands, until the
// interviewer presses "Reluctance ended" (sessions.endReluctance, a sealed `reluctance-ended`).
// Nothing here flashes or makes a sound.
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { GuidanceView } from '../../src/protocols';
import { SourceLabel } from '../sources/source-label';

/**
 * The quiet button under the timers; the caller records the event. The confirmation ("noted in
 * the record, with the time") shows in the Undo line (ReluctanceUndo), then in the status line.
 */
export function ReluctanceControl({
  disabled,
  onNote,
  label,
}: {
  disabled: boolean;
  onNote: () => void;
  /** The button's words where the child is known (practice: "Niña reticente"); default the live one. */
  label?: string;
}) {
  const { t } = useTranslation();
  return (
    <button type="button" className="button-quiet" disabled={disabled} onClick={onNote}>
      {label ?? t('live.reluctance.note')} <kbd>{t('live.altKey', { key: 'L' })}</kbd>
    </button>
  );
}

/** How long the Undo of a "Child reluctant" press stays offered (as the phase Undo). */
export const RELUCTANCE_UNDO_MS = 10_000;

/**
 * After a "Child reluctant" press, a quiet line offers Undo (Alt+Z) for a few seconds, as after a
 * phase change. Undo records a `reluctance-withdrawn` event: the press stays in the sealed record
 * with its time and the withdrawal follows it, because a record that silently loses a press (or
 * writes it late, after a hidden delay) could not be defended; one that shows both can.
 */
export function ReluctanceUndo(props: { open: boolean; onUndo: () => void; onExpire: () => void }) {
  const { t } = useTranslation();
  return <MarkUndo {...props} line={t('live.reluctance.noted')} testId="reluctance-undo" />;
}

/**
 * The Undo line after a mark that can be withdrawn ("Child reluctant", "Child named the person"):
 * `line` confirms it went into the record; Undo (Alt+Z) records the withdrawal event.
 */
export function MarkUndo({
  open,
  onUndo,
  onExpire,
  line,
  testId,
}: {
  open: boolean;
  onUndo: () => void;
  onExpire: () => void;
  line: string;
  testId: string;
}) {
  const { t } = useTranslation();
  useEffect(() => {
    if (!open) return undefined;
    const timer = window.setTimeout(onExpire, RELUCTANCE_UNDO_MS);
    return () => window.clearTimeout(timer);
  }, [open, onExpire]);
  if (!open) return null;
  return (
    <p className="phase-undo" role="status" data-testid={testId}>
      {line}{' '}
      <button type="button" className="button-quiet small" onClick={onUndo}>
        {t('liveControls.undo')} <kbd>{t('live.altKey', { key: 'Z' })}</kbd>
      </button>
    </p>
  );
}

/**
 * One quiet line above "Suggested next" while reluctance holds (closed by default, so the note
 * box keeps its room at 1024×700): where it came from (noted here, or carried from an earlier
 * session: "Reluctance was noted in session 1 (Dec 3).") and that the list changed; opened (a
 * native disclosure: Enter or Space on the line), the protocol's source first when the reluctance
 * was carried, then why (support first; escalating prompts withheld, Hearth's rule) and, in the
 * substantive part, the "close warmly" outcome with its source. ui30: the carried source used to
 * sit open under the line, 6 lines in Spanish at 1024×700 that cut the hint under the note box;
 * the line now says "· source" so the reader knows where to find it. Beside it, "Reluctance
 * ended" (`onEnd`, sessions.endReluctance) when the caller can record it. Nothing when the child
 * is not noted as reluctant.
 */
export function ReluctanceStatus({
  reluctance,
  onEnd,
  disabled,
}: {
  reluctance: GuidanceView['reluctance'];
  /** Records `reluctance-ended`; absent: no button (a sealed session, a read-only view). */
  onEnd?: () => void;
  disabled?: boolean;
}) {
  const { t, i18n } = useTranslation();
  if (!reluctance.active) return null;
  const carried = reluctance.notedCount === 0 && reluctance.carriedFromSession !== null;
  return (
    <div className="reluctance-row" data-testid="reluctance-row">
      <div className="reluctance-main">
        <details className="reluctance-status" data-testid="reluctance-status">
          <summary>
            {carried
              ? t('live.reluctance.carried', {
                  index: reluctance.carriedFromSession ?? 1,
                  date: shortDate(reluctance.carriedFromStartedAt, i18n.language),
                })
              : t('live.reluctance.active', { count: reluctance.notedCount })}{' '}
            {reluctance.closeWarmly
              ? t('live.reluctance.summaryClose')
              : t('live.reluctance.summary')}
            {carried ? (
              <>
                {' · '}
                <span className="reluctance-source-mark">{t('live.reluctance.sourceMark')}</span>
              </>
            ) : null}
          </summary>
          {carried ? (
            <p className="reluctance-source" data-testid="reluctance-source">
              <SourceLabel compact source={reluctance.source} />
            </p>
          ) : null}
          <p>{t('live.reluctance.withheld')}</p>
          {carried ? null : (
            <p>
              <SourceLabel compact source={reluctance.source} />
            </p>
          )}
          {reluctance.closeWarmly ? (
            <p data-testid="close-warmly">
              {reluctance.closeWarmly.text}{' '}
              <SourceLabel compact source={reluctance.closeWarmly.source} />
            </p>
          ) : null}
        </details>
      </div>
      {onEnd ? (
        <button
          type="button"
          className="button-quiet small"
          disabled={disabled}
          onClick={onEnd}
          data-testid="reluctance-end"
        >
          {t('live.reluctance.end')}
        </button>
      ) : null}
    </div>
  );
}

/**
 * "Dec 3" / "3 dic": the day an earlier session started, in the screen's language (local time).
 * An extended interview can cross a year end, so a day in another year than `now` carries its year
 * ("Dec 30, 2026"), never an ambiguous month and day (review28 M5).
 * @param iso the session's start (ISO 8601); null or unreadable → "–".
 * @param now the day the screen is shown (the test's clock, or today).
 */
export function shortDate(iso: string | null, language: string, now: Date = new Date()): string {
  if (!iso) return '–';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '–';
  const otherYear = date.getFullYear() !== now.getFullYear();
  return date.toLocaleDateString(language, {
    month: 'short',
    day: 'numeric',
    ...(otherYear ? { year: 'numeric' } : {}),
  });
}
