// The live session: loads the summary and timeline, then appends through a serial queue.
// Appends are optimistic: the entry shows at once, and the vault's acknowledgement (after its
// commit) replaces our time estimate. Serial, so the record keeps the order things were typed.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ChannelResponse, CoreError, Result } from '../bridge/client';
import type { Client } from '../bridge/client';
import { useClient } from '../bridge/context';
import { entriesFromTimeline, type Entry, type Op } from './entries';

export type SessionSummary = ChannelResponse<'sessions.get'>;
type Ack = ChannelResponse<'sessions.markRecording'>;

export interface SessionState {
  summary: SessionSummary | null;
  entries: Entry[];
  loadError: CoreError | null;
  /** When the recording was marked, in ms since the epoch (our clock until acknowledged). */
  recordingStartedAtMs: number | null;
  append: (op: Op) => void;
  retry: (key: string) => void;
  /** Drops an unsaved entry from the screen (its text went back into the note box). */
  discard: (key: string) => void;
  /** Corrects a saved note (a new version; the original stays in the record). */
  correct: (key: string, text: string, reason: string) => Promise<CoreError | null>;
  reload: () => void;
}

function send(client: Client, sessionId: string, op: Op): Promise<Result<Ack>> {
  switch (op.type) {
    case 'note':
      return client.call('sessions.addNote', {
        sessionId,
        kind: op.kind,
        text: op.text,
        ...(op.keywords && op.keywords.length > 0 ? { keywords: op.keywords } : {}),
        ...(op.interpreted ? { interpreted: true } : {}),
        ...(op.original ? { original: op.original } : {}),
        ...(op.promptId ? { promptId: op.promptId } : {}),
        ...(op.suggestionId ? { suggestionId: op.suggestionId } : {}),
      });
    case 'phase-entered':
      return client.call('sessions.enterPhase', { sessionId, phaseId: op.phaseId });
    case 'checklist-item-done':
      return client.call('sessions.checkItem', {
        sessionId,
        phaseId: op.phaseId,
        itemId: op.itemId,
      });
    case 'break-started':
      return client.call('sessions.startBreak', { sessionId, reason: op.reason });
    case 'break-ended':
      return client.call('sessions.endBreak', { sessionId });
    case 'distress-observed':
      return client.call('sessions.markDistress', { sessionId });
    case 'reluctance-noted':
      return client.call('sessions.markReluctance', { sessionId });
    case 'reluctance-withdrawn':
      return client.call('sessions.withdrawReluctance', { sessionId });
    case 'reluctance-ended':
      return client.call('sessions.endReluctance', { sessionId });
    case 'person-named':
      return client.call('sessions.markPersonNamed', { sessionId });
    case 'person-named-withdrawn':
      return client.call('sessions.withdrawPersonNamed', { sessionId });
    case 'media-aid':
      return client.call('sessions.recordMedia', {
        sessionId,
        action: op.action,
        aid: op.aid,
        ...(op.note ? { note: op.note } : {}),
      });
    case 'paused':
      return client.call('sessions.pause', {
        sessionId,
        ...(op.reason ? { reason: op.reason } : {}),
      });
    case 'resumed':
      return client.call('sessions.resume', { sessionId });
    case 'recording-marker':
      return client.call('sessions.markRecording', { sessionId });
  }
}

let localCounter = 0;

export function useSession(sessionId: string): SessionState {
  const client = useClient();
  const [summary, setSummary] = useState<SessionSummary | null>(null);
  const [entries, setEntries] = useState<Entry[]>([]);
  const [loadError, setLoadError] = useState<CoreError | null>(null);
  const [recordingStartedAtMs, setRecordingStartedAtMs] = useState<number | null>(null);
  const queue = useRef<Promise<void>>(Promise.resolve());
  const startedAtMs = useRef(Date.now());
  const entriesRef = useRef<Entry[]>([]);
  entriesRef.current = entries;

  const load = useCallback(async () => {
    const [got, timeline] = await Promise.all([
      client.call('sessions.get', { sessionId }),
      client.call('sessions.timeline', { sessionId }),
    ]);
    if (!got.ok) return setLoadError(got.error);
    if (!timeline.ok) return setLoadError(timeline.error);
    setLoadError(null);
    startedAtMs.current = Date.parse(got.value.startedAt);
    setSummary(got.value);
    setRecordingStartedAtMs(
      got.value.recordingStartedAt ? Date.parse(got.value.recordingStartedAt) : null,
    );
    setEntries(entriesFromTimeline(timeline.value.events));
  }, [client, sessionId]);

  useEffect(() => {
    void load();
  }, [load]);

  const patch = useCallback((key: string, change: Partial<Entry>) => {
    setEntries((list) => list.map((e) => (e.key === key ? { ...e, ...change } : e)));
  }, []);

  const enqueue = useCallback(
    (key: string, op: Op) => {
      queue.current = queue.current.then(async () => {
        const result = await send(client, sessionId, op);
        if (result.ok) {
          const ack = result.value;
          patch(key, {
            status: 'saved',
            elapsedMs: ack.elapsedMs,
            recordingOffsetMs: ack.recordingOffsetMs,
            at: ack.at,
            ...('noteId' in ack && typeof ack.noteId === 'string' ? { noteId: ack.noteId } : {}),
            // Saved without the link (an earlier question asks that suggestion): say so, and
            // keep the entry as the vault has it.
            ...('suggestionNotLinked' in ack && ack.suggestionNotLinked && op.type === 'note'
              ? { notLinked: true, op: { ...op, suggestionId: undefined } }
              : {}),
          });
          if (op.type === 'recording-marker') setRecordingStartedAtMs(Date.parse(ack.at));
        } else {
          patch(key, { status: 'failed', error: result.error });
        }
      });
    },
    [client, sessionId, patch],
  );

  const append = useCallback(
    (op: Op) => {
      const key = `local-${++localCounter}`;
      const now = Date.now();
      setEntries((list) => [
        ...list,
        {
          key,
          op,
          status: 'saving',
          elapsedMs: Math.max(0, now - startedAtMs.current),
          recordingOffsetMs: null,
        },
      ]);
      if (op.type === 'recording-marker') setRecordingStartedAtMs(now);
      enqueue(key, op);
    },
    [enqueue],
  );

  const retry = useCallback(
    (key: string) => {
      const entry = entriesRef.current.find((e) => e.key === key);
      if (!entry || entry.status !== 'failed') return;
      patch(key, { status: 'saving' });
      enqueue(key, entry.op);
    },
    [enqueue, patch],
  );

  const discard = useCallback((key: string) => {
    setEntries((list) => list.filter((e) => e.key !== key || e.status !== 'failed'));
  }, []);

  const correct = useCallback(
    async (key: string, text: string, reason: string): Promise<CoreError | null> => {
      const entry = entriesRef.current.find((e) => e.key === key);
      if (!entry || entry.op.type !== 'note' || !entry.noteId) return null;
      const result = await client.call('sessions.editNote', {
        sessionId,
        noteId: entry.noteId,
        text,
        ...(entry.op.keywords ? { keywords: entry.op.keywords } : {}),
        ...(reason.trim() ? { reason: reason.trim() } : {}),
      });
      if (!result.ok) return result.error;
      const op = { ...entry.op, text };
      patch(key, { op, version: result.value.version });
      return null;
    },
    [client, sessionId, patch],
  );

  return {
    correct,
    summary,
    entries,
    loadError,
    recordingStartedAtMs,
    append,
    retry,
    discard,
    reload: () => void load(),
  };
}
