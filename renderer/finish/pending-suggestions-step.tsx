// Before the seal: observer suggestions still waiting (issue #19 audit B19-4). Observers often
// type during the final phase, after the last break; the record must say why each suggestion
// was not asked. The interviewer decides each one here (accept, rephrase, decline: the same
// form as at the break) or leaves it undecided on purpose, which is recorded ("not reached
// before the end"). Sealing waits until none is pending.
import { useCallback, useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CoreError } from '../bridge/client';
import { useClient } from '../bridge/context';
import { ErrorNotice } from '../common/error-notice';
import {
  CoachLine,
  Decide,
  SuggestionHead,
  type CoachContext,
  type Item,
  type Queue,
} from '../observers/observer-panel';

function PendingItem({
  sessionId,
  item,
  coach,
  onDone,
}: {
  sessionId: string;
  item: Item;
  coach: CoachContext;
  onDone: () => void;
}) {
  const id = useId();
  return (
    <li className="suggestion status-pending">
      <SuggestionHead item={item} id={id} />
      <p className="suggestion-text" id={`${id}-text`}>
        {item.text}
      </p>
      {/* The same verdict as at the break, before the decision (audit 19e, B19e-4). */}
      <CoachLine text={item.text} context={coach} />
      <Decide
        sessionId={sessionId}
        item={item}
        onDone={onDone}
        coach={coach}
        describedBy={`${id}-from ${id}-text`}
      />
    </li>
  );
}

/**
 * The pending suggestions of a session about to be sealed, with a decision form for each and
 * "Leave the rest undecided". Calls `onPending` with the number still pending after each change.
 */
export function PendingSuggestionsStep({
  sessionId,
  coach,
  onPending,
}: {
  sessionId: string;
  coach: CoachContext;
  onPending: (pending: number) => void;
}) {
  const { t } = useTranslation('team');
  const client = useClient();
  const [queue, setQueue] = useState<Queue | null>(null);
  const [error, setError] = useState<CoreError | null>(null);
  const [leaving, setLeaving] = useState(false);
  const load = useCallback(async () => {
    const r = await client.call('observers.queue', { sessionId });
    if (!r.ok) return setError(r.error);
    setError(null);
    setQueue(r.value);
    onPending(r.value.pending);
  }, [client, sessionId, onPending]);
  useEffect(() => {
    void load();
  }, [load]);

  const pending = queue?.suggestions.filter((s) => s.status === 'pending') ?? [];
  if (pending.length === 0) return error ? <ErrorNotice error={error} /> : null;

  // Each is its own sealed decision; a failure stops there and says so (nothing half-recorded).
  const leaveRest = async () => {
    setLeaving(true);
    for (const item of pending) {
      const r = await client.call('observers.decide', {
        sessionId,
        suggestionId: item.suggestionId,
        decision: 'undecided',
        reason: t('pendingStep.notReached'),
      });
      if (!r.ok) {
        setError(r.error);
        break;
      }
    }
    setLeaving(false);
    await load();
  };

  return (
    <section className="panel pending-step" aria-labelledby="pending-step-title">
      <h2 id="pending-step-title">{t('pendingStep.title', { count: pending.length })}</h2>
      <p>{t('pendingStep.explain')}</p>
      <ul className="suggestion-list">
        {pending.map((item) => (
          <PendingItem
            key={item.suggestionId}
            sessionId={sessionId}
            item={item}
            coach={coach}
            onDone={() => void load()}
          />
        ))}
      </ul>
      <div className="actions">
        <button
          type="button"
          className="button-quiet"
          disabled={leaving}
          onClick={() => void leaveRest()}
        >
          {t('pendingStep.leaveRest', { count: pending.length })}
        </button>
      </div>
      <ErrorNotice error={error} />
    </section>
  );
}
