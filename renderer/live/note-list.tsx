// The notes so far, newest last. Only the latest ones are drawn by default, so a long interview
// (1,000 notes) does not slow the screen; the whole record is one button away.
import { memo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDuration } from '../common/format';
import type { Entry } from './entries';

const RECENT = 40;

export const NoteList = memo(function NoteList({
  entries,
  onRetry,
}: {
  entries: readonly Entry[];
  onRetry: (key: string) => void;
}) {
  const { t } = useTranslation();
  const [all, setAll] = useState(false);
  const notes = entries.filter((e) => e.op.type === 'note' || e.status === 'failed');
  const shown = all ? notes : notes.slice(-RECENT);
  return (
    <section className="note-list" aria-labelledby="notes-heading">
      <h2 id="notes-heading">{t('live.notes', { count: notes.length })}</h2>
      {notes.length > shown.length ? (
        <button type="button" className="button-quiet small" onClick={() => setAll(true)}>
          {t('live.showAll', { count: notes.length })}
        </button>
      ) : null}
      <ol className="notes" data-testid="notes">
        {shown.map((e) => (
          <li key={e.key} className={`note note-${e.status}`}>
            <span className="note-time">{formatDuration(e.recordingOffsetMs ?? e.elapsedMs)}</span>
            <span className="note-kind">
              {e.op.type === 'note' ? t(`noteKinds.${e.op.kind}`) : t(`events.${e.op.type}`)}
            </span>
            <span className="note-body">
              {e.op.type === 'note' ? e.op.text : null}
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
