// The live interview, usable with the keyboard alone while the child is in the room: phase,
// goal and next prompts; timers; a note box that stamps on Enter; quick keys; keyword chips;
// a quiet question-type hint; break reminders. Nothing here flashes or makes a sound.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { invitationFor } from './invitation';
import { liveChildContext, withEarlierSessions } from '../../src/questions';
import { stageOfPhase } from '../../src/protocols';
import { reduceGuidance, type PlanOptions, type SessionPlan } from '../../src/protocols';
import { NOTE_TEXT_MAX_CHARS } from '../../src/api/contract';
import { useClient } from '../bridge/context';
import { useApp } from '../app/app-context';
import { ErrorNotice } from '../common/error-notice';
import { plainError } from '../common/errors';
import { planOfSession } from '../common/session-plan';
import { ScreenHeading } from '../common/heading';
import { asInterviewLanguage } from '../plan/languages';
import { languagesDiffer } from '../../src/protocols/interpreter-need';
import { ObserverPanel } from '../observers/observer-panel';
import { useDrafts, type NoteDraft } from './draft-store';
import {
  breakStartedAtMs,
  answeredOfEntries,
  childWordsOf,
  questionCountOf,
  guidanceEvents,
  isPaused,
  keywordsOf,
  NOTE_KINDS,
  type Entry,
  type NoteKind,
} from './entries';
import {
  Checklist,
  TransitionLadder,
  PhaseWarnings,
  PromptList,
  QuietAlerts,
} from './guidance-panel';
import {
  ContinuityPanel,
  earlierTopics,
  promptsAskedBefore,
  reluctantEarlierSession,
  useContinuity,
} from './continuity-panel';
import {
  RELUCTANCE_UNDO_MS,
  ReluctanceControl,
  ReluctanceStatus,
  ReluctanceUndo,
} from './reluctance';
import { PersonNamedControl, PersonNamedUndo } from './person-named';
import { MediaAidButton, MediaAidForm, type MediaRecord } from './media-aid';
import { SourceLabel } from '../sources/source-label';
import { KeywordChips } from './keyword-chips';
import type { interpretedPayload } from './interpreted-fields';
import { NoteBox, type NoteBoxHandle, type SaveProblem } from './note-box';
import { NoteList } from './note-list';
import { PhaseUndo, type PhaseMove } from './phase-undo';
import { BreakControl, BreakStatus, PauseAndDistress } from './session-controls';
import { ShortcutHelp } from './shortcut-help';
import { Timers } from './timers';
import { useClock } from './use-clock';
import { useSession } from './use-session';
import { YouthGuidance } from '../plan/youth-guidance';
import { exploitationConcernOf } from '../planning/planning-panel';

const GUIDANCE_TICK_MS = 5_000;

export function LiveInterview({
  sessionId,
  planOptions,
}: {
  sessionId: string;
  planOptions?: PlanOptions;
}) {
  const { t, i18n } = useTranslation();
  const client = useClient();
  const { go } = useApp();
  const session = useSession(sessionId);
  const { summary, entries, append, retry, discard, correct } = session;
  const [options, setOptions] = useState<PlanOptions | null>(planOptions ?? null);
  const box = useRef<NoteBoxHandle>(null);
  const drafts = useDrafts();
  // Read once: the box owns its text from then on and reports every change back.
  const [initialDraft] = useState(() => drafts.get(sessionId));
  const onDraftChange = useCallback(
    (draft: NoteDraft) => drafts.set(sessionId, draft),
    [drafts, sessionId],
  );
  // While this interview can take notes, a lock comes back to it after the unlock.
  const canWrite = summary !== null && summary.status !== 'sealed';
  useEffect(() => {
    if (!canWrite) return undefined;
    drafts.resumable = sessionId;
    return () => {
      if (drafts.resumable === sessionId) drafts.resumable = null;
    };
  }, [drafts, sessionId, canWrite]);
  const [laterProblem, setLaterProblem] = useState<SaveProblem | null>(null);
  const [phaseMove, setPhaseMove] = useState<PhaseMove | null>(null);
  const [pickingBreak, setPickingBreak] = useState(false);
  // The guidance (break reminder, prompts) is refreshed every few seconds; the timers tick
  // every second in their own component, so the screen (and the note list) is not re-rendered
  // each second while the interviewer types.
  const now = useClock(GUIDANCE_TICK_MS);

  // Resumed (after a lock, a restart, or opened from the case): the plan screen's choices come
  // from the session itself (kept with it: break reminder, the putative-confession decision), the
  // blind flag from the case, the interpreter from the sealed session too (an interpreter among
  // its observers: the same fact the export header prints), and the exploitation concern from
  // the planning record (hidden, so false, on an allegation-blind case), so a resumed session
  // shows what the plan showed, "Child named the person" included.
  useEffect(() => {
    if (options || !summary) return;
    const kept: PlanOptions = { ...summary.planOptions };
    const caseId = summary.caseId;
    if (!caseId) return setOptions(kept);
    void Promise.all([
      client.call('cases.get', { caseId }),
      client.call('planning.get', { caseId }),
    ]).then(([r, planning]) =>
      setOptions(
        r.ok
          ? {
              ...kept,
              allegationBlind: r.value.allegationBlind,
              interpreter:
                r.value.interpreterNeeded ||
                summary.observers.some((o) => o.role === 'interpreter'),
              ...(planning.ok && exploitationConcernOf(planning.value)
                ? { exploitationConcern: true }
                : {}),
            }
          : kept,
      ),
    );
  }, [client, options, summary]);

  const language = asInterviewLanguage(summary?.language ?? 'en');
  // The own-words field starts in the child's language when the centre recorded one that is not
  // the interview's (B19d-2): the rendering coach then runs without a pick per turn, and the
  // record says the language rather than "not recorded". The interviewer can still change it.
  const childLanguage = useChildLanguage(summary?.caseId);
  const ownWordsLanguage =
    childLanguage && languagesDiffer(childLanguage, language) ? childLanguage : undefined;
  // Session k of an extended interview follows its own session's plan (its place is recorded in
  // its sealed chain), the one the plan screen previewed and the core checks phases against.
  const plan = useMemo(
    (): SessionPlan | null => (summary && options ? planOfSession(summary, options) : null),
    [summary, options],
  );

  const startedAtMs = summary ? Date.parse(summary.startedAt) : now;
  const elapsedMs = Math.max(0, now - startedAtMs);
  const sealed = summary?.status === 'sealed';
  // A later session of an extended interview: what the child said in the earlier sessions is
  // context for the coach (never listed on this screen; practitioner review 5, N0).
  const earlierWords = useEarlierChildWords(sessionId, (summary?.extended?.index ?? 1) > 1);
  // The continuity summary (its panel) and the prompts asked in earlier sessions (no-repeat rule).
  const continuity = useContinuity(sessionId, (summary?.extended?.index ?? 1) > 1);
  const askedBefore = useMemo(() => promptsAskedBefore(continuity.value), [continuity.value]);
  // The words the child said first in earlier sessions, as chips beside this session's own.
  const earlierChips = useMemo(
    () => (plan ? earlierTopics(continuity.value, plan) : []),
    [continuity.value, plan],
  );
  // Reluctance noted in an earlier session: this session's guidance starts with support.
  const reluctantBefore = useMemo(
    () => reluctantEarlierSession(continuity.value),
    [continuity.value],
  );
  const events = useMemo(
    () => guidanceEvents(entries, language, sealed, earlierWords, reluctantBefore),
    [entries, language, sealed, earlierWords, reluctantBefore],
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
  // Kept words an interviewer question said first: their chips never cue "You said, …".
  const interviewerFirst = useMemo(() => guidance?.interviewerFirst ?? [], [guidance]);
  // The coach's context: the child's notes and keywords (issue #16: the live hint knows them).
  // A session that has asked questions but typed no child turn records the child on video only:
  // its empty list is unknown, not "the child said nothing" (practitioner review 4, X1). When
  // known, an extended interview's earlier sessions' words come first (withEarlierSessions).
  const coachContext = useMemo(
    () =>
      withEarlierSessions(
        liveChildContext(childWordsOf(entries, keywords), questionCountOf(entries)),
        earlierWords,
      ),
    [entries, keywords, earlierWords],
  );
  const childWords = useMemo(() => coachContext.childWords ?? [], [coachContext]);
  // The questions the child has answered: the coach flags one asked again (asked-answered.ts).
  const answered = useMemo(() => answeredOfEntries(entries), [entries]);
  const questionsSaved = useMemo(
    () =>
      entries.filter(
        (e) => e.op.type === 'note' && e.op.kind === 'question' && e.status === 'saved',
      ).length,
    [entries],
  );
  const childWordsUnrecorded = coachContext.childWordsUnrecorded === true;

  // A note the vault will refuse is kept in the box with the reason, before it is sent.
  const onSave = useCallback(
    (
      kind: NoteKind,
      text: string,
      kws: string[],
      interpretation: ReturnType<typeof interpretedPayload> = {},
      promptId?: string,
      suggestionId?: string,
    ): SaveProblem | null => {
      if (text.length > NOTE_TEXT_MAX_CHARS) {
        return {
          message: t('liveControls.tooLong', {
            max: NOTE_TEXT_MAX_CHARS.toLocaleString(i18n.language),
            over: (text.length - NOTE_TEXT_MAX_CHARS).toLocaleString(i18n.language),
          }),
        };
      }
      setLaterProblem(null);
      setPhaseMove(null);
      append({
        type: 'note',
        kind,
        text,
        ...(kws.length > 0 ? { keywords: kws } : {}),
        ...interpretation,
        ...(promptId && kind === 'question' ? { promptId } : {}),
        ...(suggestionId && kind === 'question' ? { suggestionId } : {}),
      });
      return null;
    },
    [append, t, i18n.language],
  );

  // A note the vault refused after it left the box: back into the box when the box is empty
  // (the usual case: the next note has not been started), with the reason under it; otherwise
  // it stays in the list, marked, and the line under the box offers to try again.
  const seenFailures = useRef(new Set<string>());
  useEffect(() => {
    const failed = entries.filter(
      (e): e is Entry & { op: { type: 'note' } } =>
        e.status === 'failed' && e.op.type === 'note' && !seenFailures.current.has(e.key),
    );
    const latest = failed[failed.length - 1];
    failed.forEach((e) => seenFailures.current.add(e.key));
    if (!latest || latest.op.type !== 'note') return;
    const { what, next } = plainError(t, latest.error ?? { code: 'INTERNAL', message: '' });
    // One statement that it was not saved (the reasons say what happened, not that again), and
    // where the text is: back in the box, or still in the list when a new note was begun.
    const where = (restored: boolean | undefined) =>
      restored ? t('liveControls.textKept') : t('liveControls.keptInList');
    const message = (restored: boolean | undefined) =>
      `${t('liveControls.notSaved')} ${what} ${next} ${where(restored)}`;
    const op = latest.op;
    const restored = box.current?.restore({
      kind: op.kind,
      text: op.text,
      keywords: op.keywords ?? [],
      ...(op.interpreted ? { interpreted: true } : {}),
      ...(op.original ? { original: op.original } : {}),
    });
    if (restored) {
      discard(latest.key);
      seenFailures.current.delete(latest.key);
      setLaterProblem({ message: message(true), onRetry: () => box.current?.submit() });
    } else {
      setLaterProblem({
        message: message(false),
        onRetry: () => {
          setLaterProblem(null);
          seenFailures.current.delete(latest.key);
          retry(latest.key);
        },
      });
    }
  }, [entries, discard, retry, t]);
  const useKeyword = useCallback(
    (keyword: string) => {
      if (!plan) return;
      box.current?.insert(invitationFor(plan, keyword, interviewerFirst), 'question');
    },
    [plan, interviewerFirst],
  );
  const usePrompt = useCallback(
    (text: string, promptId?: string) => box.current?.insert(text, 'question', promptId),
    [],
  );
  // An observer suggestion's decided wording, linked to it, so the record shows it asked (B19-1).
  const useWording = useCallback(
    (text: string, suggestionId: string) =>
      box.current?.insert(text, 'question', undefined, suggestionId),
    [],
  );
  const onCheck = useCallback(
    (phaseId: string, itemId: string) => append({ type: 'checklist-item-done', phaseId, itemId }),
    [append],
  );

  const onBreak = guidance?.onBreak ?? false;
  // At the break the side column shows the team's queue first: back to its top, where it is (the
  // column may have been scrolled down to the break button).
  const side = useRef<HTMLElement>(null);
  useEffect(() => {
    if (onBreak && side.current) side.current.scrollTop = 0;
  }, [onBreak]);
  const paused = useMemo(() => isPaused(entries), [entries]);
  const breakSinceMs = useMemo(
    () => (onBreak ? breakStartedAtMs(entries) : null),
    [entries, onBreak],
  );
  // Alt+B on a break ends it; otherwise it asks why (Enter takes the first reason).
  const toggleBreak = useCallback(() => {
    if (onBreak) {
      append({ type: 'break-ended' });
      box.current?.focus();
    } else setPickingBreak((v) => !v);
  }, [append, onBreak]);
  // At a break the team's waiting suggestions take the focus from the box (ObserverPanel's
  // focusQueue); the box has it meanwhile and keeps it when none wait.
  const [queueFocus, setQueueFocus] = useState(false);
  const queueFocusDone = useCallback(() => setQueueFocus(false), []);
  const startBreak = useCallback(
    (reason: string) => {
      setPickingBreak(false);
      append({ type: 'break-started', reason });
      box.current?.focus();
      setQueueFocus(true);
    },
    [append],
  );
  const cancelBreak = useCallback(() => {
    setPickingBreak(false);
    box.current?.focus();
  }, []);
  // The confirmation shows for the button and for Alt+D alike, so nobody presses twice to be sure.
  const [distressNoted, setDistressNoted] = useState(false);
  const markDistress = useCallback(() => {
    append({ type: 'distress-observed' });
    setDistressNoted(true);
  }, [append]);
  // "Child reluctant" (Alt+L): a sealed event the guidance reads (support first, escalating
  // prompts withheld). Confirmed for the button and the key alike.
  // Undo for a mistaken press (Alt+Z, as for a phase change): a withdrawal event, never an erasure.
  // One mark at a time can be undone: the latest press, "Child reluctant" or "Child named the person".
  const [markUndo, setMarkUndo] = useState<'reluctance' | 'person-named' | null>(null);
  const markReluctance = useCallback(() => {
    append({ type: 'reluctance-noted' });
    setMarkUndo('reluctance');
  }, [append]);
  // "Child named the person" (Alt+P, only with Ten Step's putative-confession option enabled):
  // the sealed event that opens the prompt's gate, with its time (P8-2).
  const pcEnabled = plan?.putativeConfession != null;
  const markPersonNamed = useCallback(() => {
    append({ type: 'person-named' });
    setMarkUndo('person-named');
  }, [append]);
  const withdrawMark = useCallback(() => {
    if (markUndo === null) return;
    append({ type: markUndo === 'reluctance' ? 'reluctance-withdrawn' : 'person-named-withdrawn' });
    setMarkUndo(null);
    box.current?.focus();
  }, [append, markUndo]);
  const endMarkUndo = useCallback(() => setMarkUndo(null), []);
  // "Reluctance ended" (beside the reluctance line): a sealed `reluctance-ended` event; the
  // guidance stops putting support first, and a later session starts without the reluctance.
  const endReluctance = useCallback(() => {
    append({ type: 'reluctance-ended' });
    setMarkUndo((m) => (m === 'reluctance' ? null : m));
    box.current?.focus();
  }, [append]);
  // "Media aid…" (Alt+M): the form quoting the protocol's stance; a sealed media-aid event (P8-3).
  const [mediaOpen, setMediaOpen] = useState(false);
  const [mediaRecorded, setMediaRecorded] = useState(false);
  const openMedia = useCallback(() => {
    setMediaRecorded(false);
    setMediaOpen(true);
  }, []);
  const recordMedia = useCallback(
    (r: MediaRecord) => {
      append({ type: 'media-aid', action: r.action, aid: r.aid, note: r.note });
      setMediaOpen(false);
      setMediaRecorded(true);
      box.current?.focus();
    },
    [append],
  );
  // The confirmation stays a few seconds, as the Undo lines do, then gives its room back.
  useEffect(() => {
    if (!mediaRecorded) return undefined;
    const timer = window.setTimeout(() => setMediaRecorded(false), RELUCTANCE_UNDO_MS);
    return () => window.clearTimeout(timer);
  }, [mediaRecorded]);
  const cancelMedia = useCallback(() => {
    setMediaOpen(false);
    box.current?.focus();
  }, []);
  const pause = useCallback(() => append({ type: 'paused' }), [append]);
  const resume = useCallback(() => append({ type: 'resumed' }), [append]);

  const nextPhase = guidance?.nextPhase ?? null;
  const currentPhase = guidance?.currentPhase ?? null;
  const openHere = guidance?.openItems.length ?? 0;
  const goNextPhase = useCallback(() => {
    // While the last move can still be undone, Alt+N does nothing more: no skipping by accident.
    if (!nextPhase || phaseMove) return;
    append({ type: 'phase-entered', phaseId: nextPhase.id });
    setPhaseMove({
      fromId: currentPhase?.id ?? null,
      fromTitle: currentPhase?.title ?? '',
      toTitle: nextPhase.title,
      leftOpen: openHere,
    });
  }, [append, nextPhase, phaseMove, currentPhase, openHere]);
  const undoPhase = useCallback(() => {
    if (!phaseMove || phaseMove.fromId === null) return;
    append({ type: 'phase-entered', phaseId: phaseMove.fromId });
    setPhaseMove(null);
    box.current?.focus();
  }, [append, phaseMove]);
  const endPhaseUndo = useCallback(() => setPhaseMove(null), []);
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
          KeyZ: markUndo ? withdrawMark : phaseMove ? undoPhase : undefined,
          KeyD: sealed ? undefined : markDistress,
          KeyL: sealed ? undefined : markReluctance,
          KeyP: sealed || !pcEnabled ? undefined : markPersonNamed,
          KeyM: sealed || !plan ? undefined : openMedia,
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
  }, [
    toggleBreak,
    goNextPhase,
    phaseMove,
    undoPhase,
    markUndo,
    withdrawMark,
    pcEnabled,
    markPersonNamed,
    plan,
    openMedia,
    sealed,
    markDistress,
    markReluctance,
    markRecording,
    keywords,
    useKeyword,
  ]);

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

  // Keyboard-first: once the interview is on screen, the note box has the focus (after "Start
  // the interview", after an unlock, after coming back from another screen).
  const ready = summary !== null && plan !== null;
  useEffect(() => {
    if (ready) box.current?.focus();
  }, [ready]);

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
  // Outside the substantive part the coach suggests a rapport invitation, never the allegation one.
  const planned =
    plan.sessions.find((s) => s.number === guidance.sessionNumber) ?? plan.sessions[0];
  const stage = stageOfPhase(planned?.phases ?? [], phase?.id);
  const phaseSource = planned?.phases.find((p) => p.id === phase?.id)?.source;

  // At the break the team's queue is what the interviewer works on: it comes first in the side
  // column, and the side column widens (the note box needs less room then), so each suggestion
  // reads as a whole and its decision buttons sit beside it (issue #19 audit B19-11).
  const queueFirst = onBreak && !sealed;
  const observerPanel = (
    <ObserverPanel
      sessionId={sessionId}
      onBreak={onBreak}
      sealed={sealed}
      language={language}
      childWords={childWords}
      childWordsUnrecorded={childWordsUnrecorded}
      childAgeYears={summary.ageYears}
      onUseWording={useWording}
      focusQueue={queueFocus}
      onQueueFocusDone={queueFocusDone}
      questionsSaved={questionsSaved}
    />
  );
  return (
    <section className="screen live">
      <div className="live-head">
        <div>
          <ScreenHeading focus={false}>{phase ? phase.title : t('live.notStarted')}</ScreenHeading>
          <p className="phase-goal-large">{phase ? phase.goal : t('live.startHint')}</p>
          {phaseSource ? <SourceLabel compact source={phaseSource} /> : null}
        </div>
        {/* The quick control sits under the timers, in view at 1024×700 without scrolling the
            side column away from the child (newcomer 7, findings 1-2). */}
        <div className="live-head-side">
          <Timers
            startedAtMs={startedAtMs}
            phaseEnteredAtMs={phase ? phase.enteredAtMs : null}
            recordingStartedAtMs={session.recordingStartedAtMs}
          />
          <div className="live-quick">
            <ReluctanceControl disabled={sealed} onNote={markReluctance} />
            {pcEnabled ? <PersonNamedControl disabled={sealed} onNote={markPersonNamed} /> : null}
            <MediaAidButton disabled={sealed || !plan} open={mediaOpen} onOpen={openMedia} />
          </div>
        </div>
      </div>
      {sealed ? <p className="quiet-box">{t('live.sealed')}</p> : null}
      <BreakStatus startedAtMs={startedAtMs} breakSinceMs={breakSinceMs} paused={paused} />
      <PhaseUndo move={phaseMove} onUndo={undoPhase} onExpire={endPhaseUndo} />
      <ReluctanceUndo
        open={markUndo === 'reluctance' && !sealed}
        onUndo={withdrawMark}
        onExpire={endMarkUndo}
      />
      <PersonNamedUndo
        open={markUndo === 'person-named' && !sealed}
        onUndo={withdrawMark}
        onExpire={endMarkUndo}
      />
      {mediaOpen && plan && !sealed ? (
        <MediaAidForm plan={plan} onRecord={recordMedia} onCancel={cancelMedia} />
      ) : null}
      {mediaRecorded && !mediaOpen ? (
        <p className="phase-undo" role="status" data-testid="media-recorded">
          {t('live.media.recorded')}
        </p>
      ) : null}
      <div className={queueFirst ? 'live-layout on-break' : 'live-layout'}>
        <div className="live-main">
          <ReluctanceStatus
            reluctance={guidance.reluctance}
            onEnd={sealed ? undefined : endReluctance}
          />
          {/* At the team break nobody asks a question: the suggested next prompts step aside so
              the note list shows the child's last turn whole, with its rendering, beside the
              queue the team's suggestions are judged in (audit 19f, B19f-3: 83 px at 1024×768). */}
          {queueFirst ? null : (
            <PromptList
              prompts={guidance.nextPrompts}
              onUse={usePrompt}
              askedBefore={askedBefore}
            />
          )}
          <NoteList entries={entries} onRetry={retry} onCorrect={correct} followNewest />
          <NoteBox
            ref={box}
            language={language}
            childAgeYears={summary.ageYears}
            childWords={childWords}
            childWordsUnrecorded={childWordsUnrecorded}
            answered={answered}
            {...(stage ? { stage } : {})}
            mediaStance={plan.media.stance}
            disabled={sealed}
            onSave={onSave}
            {...(ownWordsLanguage ? { ownWordsLanguage } : {})}
            initialDraft={initialDraft}
            onDraftChange={onDraftChange}
            problem={laterProblem}
            atBreak={queueFirst}
          />
        </div>
        <aside ref={side} className="live-side" aria-label={t('live.sideLabel')}>
          {queueFirst ? observerPanel : null}
          <ContinuityPanel continuity={continuity} plan={plan} onUseLine={usePrompt} />
          <KeywordChips
            keywords={keywords}
            interviewerFirst={interviewerFirst}
            onUse={useKeyword}
            earlier={earlierChips}
            onUseLine={usePrompt}
          />
          <QuietAlerts guidance={guidance} />
          <PhaseWarnings warnings={phase?.warnings ?? []} />
          {plan ? (
            <YouthGuidance
              plan={plan}
              folded
              openAtFirst={phase?.id === plan.sessions[0]?.phases[0]?.id}
            />
          ) : null}
          <TransitionLadder ladder={guidance.ladder} />
          <Checklist guidance={guidance} onCheck={onCheck} />
          <div className="side-actions">
            {!recordingStarted ? (
              <button type="button" className="button-quiet" onClick={markRecording}>
                {t('live.markRecording')} <kbd>{t('live.altKey', { key: 'R' })}</kbd>
              </button>
            ) : null}
            <BreakControl
              onBreak={onBreak}
              disabled={sealed}
              picking={pickingBreak}
              onPick={startBreak}
              onCancel={cancelBreak}
              onToggle={toggleBreak}
            />
            <PauseAndDistress
              paused={paused}
              disabled={sealed}
              onPause={pause}
              onResume={resume}
              onDistress={markDistress}
              distressNoted={distressNoted}
            />
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
          {queueFirst ? null : observerPanel}
        </aside>
      </div>
    </section>
  );
}

const NO_WORDS: readonly string[] = [];

/**
 * The child's language as the centre recorded it: the planning record's interpreter section
 * first, else the case's language (as the plan screen reads it); undefined while loading, for a
 * session without a case, or when neither can be read.
 */
function useChildLanguage(caseId: string | undefined): string | undefined {
  const client = useClient();
  const [code, setCode] = useState<string | undefined>(undefined);
  useEffect(() => {
    if (!caseId) return undefined;
    let live = true;
    void Promise.all([
      client.call('cases.get', { caseId }),
      client.call('planning.get', { caseId }),
    ]).then(([theCase, planning]) => {
      const planned = planning.ok ? planning.value.interpreter.childLanguage : undefined;
      const recorded = planned || (theCase.ok ? theCase.value.language : undefined);
      if (live && recorded) setCode(recorded);
    });
    return () => {
      live = false;
    };
  }, [client, caseId]);
  return code;
}

/**
 * The child's words in the earlier sessions of this extended interview (sessions.earlierChildWords),
 * fetched once; none for a single session or session 1, or when the core refuses (the coach then
 * works from this session's words alone, as before).
 */
function useEarlierChildWords(sessionId: string, later: boolean): readonly string[] {
  const client = useClient();
  const [words, setWords] = useState<readonly string[]>(NO_WORDS);
  useEffect(() => {
    if (!later) return undefined;
    let live = true;
    void client.call('sessions.earlierChildWords', { sessionId }).then((r) => {
      if (live && r.ok && r.value.words.length > 0) setWords(r.value.words);
    });
    return () => {
      live = false;
    };
  }, [client, sessionId, later]);
  return words;
}
