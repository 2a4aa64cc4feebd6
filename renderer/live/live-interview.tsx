// The live interview, usable with the keyboard alone while the child is in the room: phase,
// goal and next prompts; timers; a note box that stamps on Enter; quick keys; keyword chips;
// a quiet question-type hint; break reminders. Nothing here flashes or makes a sound.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { interpolateKeyword } from './invitation';
import {
  planSession,
  reduceGuidance,
  type PlanOptions,
  type SessionPlan,
} from '../../src/protocols';
import { useClient } from '../bridge/context';
import { useApp } from '../app/app-context';
import { ErrorNotice } from '../common/error-notice';
import { ScreenHeading } from '../common/heading';
import { asInterviewLanguage } from '../plan/languages';
import { childWordsOf, guidanceEvents, keywordsOf, NOTE_KINDS, type NoteKind } from './entries';
import { Checklist, PromptList, QuietAlerts } from './guidance-panel';
import { KeywordChips } from './keyword-chips';
import { NoteBox, type NoteBoxHandle } from './note-box';
import { ObserverPanel } from '../observers/observer-panel';
import { NoteList } from './note-list';
import { ShortcutHelp } from './shortcut-help';
import { Timers } from './timers';
import { useClock } from './use-clock';

const GUIDANCE_TICK_MS = 5_000;
import { useSession } from './use-session';

export function LiveInterview({
  sessionId,
  planOptions,
}: {
  sessionId: string;
  planOptions?: PlanOptions;
}) {
  const { t } = useTranslation();
  const client = useClient();
  const { go } = useApp();
  const session = useSession(sessionId);
  const { summary, entries, append, retry, correct } = session;
  const [options, setOptions] = useState<PlanOptions | null>(planOptions ?? null);
  const box = useRef<NoteBoxHandle>(null);
  // The guidance (break reminder, prompts) is refreshed every few seconds; the timers tick
  // every second in their own component, so the screen (and the note list) is not re-rendered
  // each second while the interviewer types.
  const now = useClock(GUIDANCE_TICK_MS);

  // Resumed from the case list: the plan options come from the case.
  useEffect(() => {
    if (options || !summary) return;
    if (!summary.caseId) return setOptions({});
    void client
      .call('cases.get', { caseId: summary.caseId })
      .then((r) =>
        setOptions(
          r.ok
            ? { allegationBlind: r.value.allegationBlind, interpreter: r.value.interpreterNeeded }
            : {},
        ),
      );
  }, [client, options, summary]);

  const language = asInterviewLanguage(summary?.language ?? 'en');
  const plan = useMemo((): SessionPlan | null => {
    if (!summary || !options) return null;
    try {
      return planSession(summary.protocolId, summary.ageYears, language, options);
    } catch {
      return null;
    }
  }, [summary, options, language]);

  const startedAtMs = summary ? Date.parse(summary.startedAt) : now;
  const elapsedMs = Math.max(0, now - startedAtMs);
  const sealed = summary?.status === 'sealed';
  const events = useMemo(
    () => guidanceEvents(entries, language, sealed),
    [entries, language, sealed],
  );
  const guidance = useMemo(
    () =>
      plan
        ? reduceGuidance(
            plan,
            events,
            Math.max(elapsedMs, events[events.length - 1]?.elapsedMs ?? 0),
          )
        : null,
    [plan, events, elapsedMs],
  );
  const keywords = useMemo(
    () => keywordsOf(entries, summary?.keywords ?? []),
    [entries, summary?.keywords],
  );
  // The coach's context: the child's notes and keywords (issue #16: the live hint knows them).
  const childWords = useMemo(() => childWordsOf(entries, keywords), [entries, keywords]);

  const onSave = useCallback(
    (kind: NoteKind, text: string, kws: string[], interpretation = {}) =>
      append({
        type: 'note',
        kind,
        text,
        ...(kws.length > 0 ? { keywords: kws } : {}),
        ...interpretation,
      }),
    [append],
  );
  const useKeyword = useCallback(
    (keyword: string) => {
      if (!plan) return;
      box.current?.insert(interpolateKeyword(plan.texts.pairedInvitation, keyword), 'question');
    },
    [plan],
  );
  const usePrompt = useCallback((text: string) => box.current?.insert(text, 'question'), []);
  const onCheck = useCallback(
    (phaseId: string, itemId: string) => append({ type: 'checklist-item-done', phaseId, itemId }),
    [append],
  );

  const onBreak = guidance?.onBreak ?? false;
  const toggleBreak = useCallback(() => {
    if (onBreak) append({ type: 'break-ended' });
    else append({ type: 'break-started', reason: t('live.breakReason') });
  }, [append, onBreak, t]);
  const nextPhase = guidance?.nextPhase ?? null;
  const goNextPhase = useCallback(() => {
    if (nextPhase) append({ type: 'phase-entered', phaseId: nextPhase.id });
  }, [append, nextPhase]);
  const recordingStarted = session.recordingStartedAtMs !== null;
  const markRecording = useCallback(() => {
    if (!recordingStarted) append({ type: 'recording-marker' });
  }, [append, recordingStarted]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.altKey && !e.ctrlKey && !e.metaKey) {
        const digit = /^Digit([1-5])$/.exec(e.code);
        const kind = digit ? NOTE_KINDS[Number(digit[1]) - 1] : undefined;
        const action: Record<string, (() => void) | undefined> = {
          KeyK: () => box.current?.markKeyword(),
          KeyI: () => box.current?.useSuggestion(),
          KeyB: toggleBreak,
          KeyN: goNextPhase,
          KeyR: markRecording,
        };
        const run = kind ? () => box.current?.setKind(kind) : action[e.code];
        if (run) {
          e.preventDefault();
          run();
        }
      } else if (e.ctrlKey && !e.altKey && !e.metaKey) {
        const digit = /^Digit([1-9])$/.exec(e.code);
        const keyword = digit ? keywords[Number(digit[1]) - 1] : undefined;
        if (keyword !== undefined) {
          e.preventDefault();
          useKeyword(keyword);
        }
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [toggleBreak, goNextPhase, markRecording, keywords, useKeyword]);

  // The same actions from the shell's native menu (Ctrl+N, Ctrl+Shift+B).
  useEffect(
    () =>
      client.onEvent((event) => {
        if (event.type !== 'menu') return;
        if (event.action === 'new-note') box.current?.focus();
        if (event.action === 'mark-break') toggleBreak();
      }),
    [client, toggleBreak],
  );

  if (session.loadError) {
    return (
      <section className="screen">
        <ScreenHeading>{t('live.title')}</ScreenHeading>
        <ErrorNotice error={session.loadError} onRetry={session.reload} />
      </section>
    );
  }
  if (!summary || !plan || !guidance) {
    return (
      <section className="screen">
        <ScreenHeading>{t('live.title')}</ScreenHeading>
        <p>{t('common.loading')}</p>
      </section>
    );
  }

  const phase = guidance.currentPhase;

  return (
    <section className="screen live">
      <div className="live-head">
        <div>
          <ScreenHeading>{phase ? phase.title : t('live.notStarted')}</ScreenHeading>
          <p className="phase-goal-large">{phase ? phase.goal : t('live.startHint')}</p>
        </div>
        <Timers
          startedAtMs={startedAtMs}
          phaseEnteredAtMs={phase ? phase.enteredAtMs : null}
          recordingStartedAtMs={session.recordingStartedAtMs}
        />
      </div>
      {sealed ? <p className="quiet-box">{t('live.sealed')}</p> : null}
      {onBreak ? (
        <p className="quiet-box" role="status">
          {t('live.onBreak')}
        </p>
      ) : null}
      <div className="live-layout">
        <div className="live-main">
          <PromptList prompts={guidance.nextPrompts} onUse={usePrompt} />
          <NoteBox
            ref={box}
            language={language}
            childAgeYears={summary.ageYears}
            childWords={childWords}
            disabled={sealed}
            onSave={onSave}
          />
          <KeywordChips keywords={keywords} onUse={useKeyword} />
          <NoteList entries={entries} onRetry={retry} onCorrect={correct} />
        </div>
        <aside className="live-side" aria-label={t('live.sideLabel')}>
          <QuietAlerts guidance={guidance} />
          <Checklist guidance={guidance} onCheck={onCheck} />
          <div className="side-actions">
            {!recordingStarted ? (
              <button type="button" className="button-quiet" onClick={markRecording}>
                {t('live.markRecording')} <kbd>{t('live.altKey', { key: 'R' })}</kbd>
              </button>
            ) : null}
            <button type="button" className="button-quiet" onClick={toggleBreak} disabled={sealed}>
              {onBreak ? t('live.endBreak') : t('live.startBreak')}{' '}
              <kbd>{t('live.altKey', { key: 'B' })}</kbd>
            </button>
            <button
              type="button"
              className="button-quiet"
              onClick={goNextPhase}
              disabled={!nextPhase || sealed}
            >
              {nextPhase ? t('live.nextPhase', { title: nextPhase.title }) : t('live.lastPhase')}{' '}
              <kbd>{t('live.altKey', { key: 'N' })}</kbd>
            </button>
            <button
              type="button"
              className="button-primary"
              onClick={() => go({ name: 'finish', sessionId })}
            >
              {t('live.finish')}
            </button>
          </div>
          <ShortcutHelp />
          <ObserverPanel
            sessionId={sessionId}
            onBreak={onBreak}
            sealed={sealed}
            language={language}
            childWords={keywords}
            childAgeYears={summary.ageYears}
          />
        </aside>
      </div>
    </section>
  );
}
