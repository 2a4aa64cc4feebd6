// After a phase change, a quiet line says where the interview moved (and what was left open)
// with an Undo for a few seconds. Undo records a return to the previous phase: the record
// keeps both moves, as it keeps both versions of a corrected note. While the line shows, a
// further Alt+N does nothing, so quick presses cannot skip whole phases.
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

/** How long the Undo stays offered (it also ends at the next note or phase action). */
export const PHASE_UNDO_MS = 10_000;

export interface PhaseMove {
  /** The phase left (null when the interview had not entered one). */
  fromId: string | null;
  fromTitle: string;
  toTitle: string;
  /** Required checklist items of the phase left that were not done. */
  leftOpen: number;
}

export function PhaseUndo({
  move,
  onUndo,
  onExpire,
}: {
  move: PhaseMove | null;
  onUndo: () => void;
  onExpire: () => void;
}) {
  const { t } = useTranslation();
  useEffect(() => {
    if (!move) return undefined;
    const timer = window.setTimeout(onExpire, PHASE_UNDO_MS);
    return () => window.clearTimeout(timer);
  }, [move, onExpire]);
  if (!move) return null;
  return (
    <p className="phase-undo" role="status">
      {t('liveControls.movedTo', { title: move.toTitle })}{' '}
      {move.leftOpen > 0
        ? t('liveControls.leftOpenIn', { count: move.leftOpen, title: move.fromTitle })
        : null}{' '}
      {move.fromId !== null ? (
        <button type="button" className="button-quiet small" onClick={onUndo}>
          {t('liveControls.undo')} <kbd>{t('live.altKey', { key: 'Z' })}</kbd>
        </button>
      ) : null}
    </p>
  );
}
