// The notes so far, newest last. Only the latest ones are drawn by default, so a long interview
// (1,000 notes) does not slow the screen; the whole record is one button away. On the live
// screen the list scrolls inside its own box, right above the note box, and follows the newest
// note, so the last thing said and the box are on screen together at laptop sizes.
import { memo, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDuration } from '../common/format';
import type { CoreError } from '../bridge/client';
import { ErrorNotice } from '../common/error-notice';
import type { Entry } from './entries';
import { InterpretedBadge } from './interpreted-badge';

const RECENT = 40;

export const NoteList = memo(function NoteList({
  entries,
  onRetry,
  onCorrect,
  followNewest = false,
}: {
  entries: readonly Entry[];
  onRetry: (key: string) => void;
  /** Omitted where notes cannot be corrected (practice). */
  onCorrect?: (key: string, text: string, reason: string) => Promise<CoreError | null>;
  /** Scroll inside its own box and keep the newest note in view (the live screen). */
  followNewest?: boolean;
}) {
  const { t } = useTranslation();
  const [all, setAll] = useState(false);
  const [editing, setEditing] = useState<string | null>(null);
  const notes = entries.filter((e) => e.op.type === 'note' || e.status === 'failed');
  const shown = all ? notes : notes.slice(-RECENT);
  const scroller = useRef<HTMLElement>(null);
  const newestKey = notes[notes.length - 1]?.key;
  // Following: a new note, or a window resize while the newest note was in view, scrolls to
  // the bottom; once the interviewer scrolls up to read, the list stays where they put it.
  const atBottom = useRef(true);
  useLayoutEffect(() => {
    const el = scroller.current;
    if (followNewest && el) {
      el.scrollTop = el.scrollHeight;
      atBottom.current = true;
    }
  }, [followNewest, newestKey]);
  useEffect(() => {
    const el = scroller.current;
    if (!followNewest || !el || typeof ResizeObserver === 'undefined') return undefined;
    const observer = new ResizeObserver(() => {
      if (atBottom.current) el.scrollTop = el.scrollHeight;
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, [followNewest]);
  // Only the interviewer's own scrolling (wheel, keys, dragging) decides whether to follow;
  // scroll events from layout changes (a resize clamping the position) do not.
  const userScrolling = useRef(false);
  const markUserScroll = () => {
    userScrolling.current = true;
  };
  const onScroll = () => {
    const el = scroller.current;
    if (!el || !userScrolling.current) return;
    atBottom.current = el.scrollHeight - el.scrollTop - el.clientHeight < 4;
  };
  // After a correction is closed, the focus goes back to its "Correct" button.
  const returnFocusTo = useRef<string | null>(null);
  useEffect(() => {
    if (editing !== null || returnFocusTo.current === null) return;
    const key = returnFocusTo.current;
    returnFocusTo.current = null;
    scroller.current
      ?.querySelector<HTMLButtonElement>(`[data-correct-for="${CSS.escape(key)}"]`)
      ?.focus();
  }, [editing]);
  const closeCorrection = (key: string) => {
    returnFocusTo.current = key;
    setEditing(null);
  };
  return (
    <section
      ref={scroller}
      className={followNewest ? 'note-list follow-newest' : 'note-list'}
      aria-labelledby="notes-heading"
      // A scrolling region must be reachable by keyboard (WCAG 2.1.1).
      tabIndex={followNewest ? 0 : undefined}
      onScroll={followNewest ? onScroll : undefined}
      onWheel={followNewest ? markUserScroll : undefined}
      onKeyDown={followNewest ? markUserScroll : undefined}
      onPointerDown={followNewest ? markUserScroll : undefined}
    >
      <h2 id="notes-heading">{t('live.notes', { count: notes.length })}</h2>
      {notes.length > shown.length ? (
        <button type="button" className="button-quiet small" onClick={() => setAll(true)}>
          {t('live.showAll', { count: notes.length })}
        </button>
      ) : null}
      {notes.length === 0 ? <p className="field-hint">{t('live.notesEmpty')}</p> : null}
      <ol className="notes" data-testid="notes">
        {shown.map((e) => (
          <li key={e.key} className={`note note-${e.status}`}>
            <span className="note-time">{formatDuration(e.recordingOffsetMs ?? e.elapsedMs)}</span>
            <span className="note-kind">
              {e.op.type === 'note' ? t(`noteKinds.${e.op.kind}`) : t(`events.${e.op.type}`)}
            </span>
            <span className="note-body">
              {e.op.type === 'note' && editing === e.key && onCorrect ? (
                <CorrectionForm
                  text={e.op.text}
                  onCancel={() => closeCorrection(e.key)}
                  onSave={async (text, reason) => {
                    const error = await onCorrect(e.key, text, reason);
                    if (!error) closeCorrection(e.key);
                    return error;
                  }}
                />
              ) : e.op.type === 'note' ? (
                e.op.text
              ) : null}
              {e.version && e.version > 1 ? (
                <span className="tag">{t('live.corrected')}</span>
              ) : null}
              {e.op.type === 'note' ? <InterpretedBadge op={e.op} /> : null}
              {e.op.type === 'note' && e.op.keywords?.length ? (
                <span className="note-keywords">
                  {' '}
                  {e.op.keywords.map((k) => (
                    <span className="chip static" key={k}>
                      {k}
                    </span>
                  ))}
                </span>
              ) : null}
            </span>
            {onCorrect &&
            e.op.type === 'note' &&
            e.status === 'saved' &&
            e.noteId &&
            editing !== e.key ? (
              <button
                type="button"
                className="link small"
                data-correct-for={e.key}
                onClick={() => setEditing(e.key)}
                aria-label={t('live.correctNote', { text: e.op.text.slice(0, 60) })}
              >
                {t('live.correct')}
              </button>
            ) : null}
            {e.notLinked ? (
              <span className="note-status" role="status">
                {t('live.notLinkedAlreadyAsked')}
              </span>
            ) : null}
            {e.status === 'saving' ? <span className="note-status">{t('live.saving')}</span> : null}
            {e.status === 'failed' ? (
              <span className="note-status failed" role="status">
                {t('live.notSaved')}{' '}
                <button type="button" className="button-quiet small" onClick={() => onRetry(e.key)}>
                  {t('common.tryAgain')}
                </button>
              </span>
            ) : null}
          </li>
        ))}
      </ol>
    </section>
  );
});

/** A correction keeps the original in the record; the reason goes with the new version. */
function CorrectionForm({
  text,
  onSave,
  onCancel,
}: {
  text: string;
  onSave: (text: string, reason: string) => Promise<CoreError | null>;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const [value, setValue] = useState(text);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<CoreError | null>(null);
  return (
    <span
      className="correction"
      onKeyDown={(ev) => {
        if (ev.key === 'Escape') {
          ev.preventDefault();
          ev.stopPropagation();
          onCancel();
        }
      }}
    >
      <label htmlFor="correction-text">{t('live.correctionText')}</label>
      <textarea
        id="correction-text"
        rows={2}
        value={value}
        autoFocus
        onChange={(ev) => setValue(ev.target.value)}
      />
      <label htmlFor="correction-reason">{t('live.correctionReason')}</label>
      <input id="correction-reason" value={reason} onChange={(ev) => setReason(ev.target.value)} />
      <ErrorNotice error={error} />
      <span className="actions">
        <button
          type="button"
          className="button-quiet small"
          disabled={value.trim() === '' || value === text}
          onClick={() => void onSave(value, reason).then(setError)}
        >
          {t('live.saveCorrection')}
        </button>
        <button type="button" className="button-quiet small" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </span>
    </span>
  );
}
