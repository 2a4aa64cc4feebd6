// "Child named the person" on the live screen (practitioner review 8, P8-2). Shown only when the
// session's plan has Ten Step's putative-confession option enabled by the team: the interviewer
// presses it (or Alt+P) when the child names the person in this interview, and the record gets a
// sealed `person-named` event with its time and phase (sessions.markPersonNamed). The guidance
// offers the hypothetical putative-confession prompt only after it (src/protocols/guidance.ts,
// the prompt's `person-named` gate), so the record shows that the gate was met, and when. A
// mistaken press is undone with a `person-named-withdrawn` event, never erased.
import { useTranslation } from 'react-i18next';
import { MarkUndo } from './reluctance';

/** The quiet button beside "Child reluctant"; the caller records the event. */
export function PersonNamedControl({
  disabled,
  onNote,
}: {
  disabled: boolean;
  onNote: () => void;
}) {
  const { t } = useTranslation();
  return (
    <button
      type="button"
      className="button-quiet"
      disabled={disabled}
      onClick={onNote}
      title={t('live.personNamed.why')}
    >
      {t('live.personNamed.note')} <kbd>{t('live.altKey', { key: 'P' })}</kbd>
    </button>
  );
}

/** The Undo line after a "Child named the person" press (Alt+Z records the withdrawal). */
export function PersonNamedUndo(props: {
  open: boolean;
  onUndo: () => void;
  onExpire: () => void;
}) {
  const { t } = useTranslation();
  return <MarkUndo {...props} line={t('live.personNamed.noted')} testId="person-named-undo" />;
}
