// The reluctant child on the live screen. A quiet "Child reluctant" control (Alt+L) records a
// sealed `reluctance-noted` event (sessions.markReluctance); the guidance reducer then puts a
// supportive statement first, withholds option-posing and last-resort prompts in the substantive
// phases (Hearth's rule, labelled as such in the phase cautions), and offers "close warmly" once
// the substantive part is reached (revised NICHD protocol: support and back to rapport;
// Hershkowitz et al. 2021: a second, supportive session). A later session of an extended
// interview starts reluctant when an earlier one noted it. Nothing here flashes or makes a sound.
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
 * session) and that the list changed; opened, why (support first; escalating prompts withheld,
 * Hearth's rule) and, in the substantive part, the "close warmly" outcome with its source.
 * Nothing when the child is not noted as reluctant.
 */
export function ReluctanceStatus({ reluctance }: { reluctance: GuidanceView['reluctance'] }) {
  const { t } = useTranslation();
  if (!reluctance.active) return null;
  return (
    <details className="reluctance-status" data-testid="reluctance-status">
      <summary>
        {reluctance.notedCount > 0
          ? t('live.reluctance.active', { count: reluctance.notedCount })
          : t('live.reluctance.carried', { index: reluctance.carriedFromSession ?? 1 })}{' '}
        {reluctance.closeWarmly ? t('live.reluctance.summaryClose') : t('live.reluctance.summary')}
      </summary>
      <p>{t('live.reluctance.withheld')}</p>
      {reluctance.closeWarmly ? (
        <p data-testid="close-warmly">
          {reluctance.closeWarmly.text}{' '}
          <SourceLabel compact source={reluctance.closeWarmly.source} />
        </p>
      ) : null}
    </details>
  );
}
