// A practice interview: the trainee types a question, Enter sends it through training.ask, and
// the simulated child's answer appears as the child's words. Phases, prompts, keyword chips and
// the quiet question-type hint are the live screen's own components, so practice feels like the
// real thing; everything is labelled as practice and nothing here can be exported.
import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { planSession, reduceGuidance, type SessionPlan } from '../../src/protocols';
import type { ChannelResponse, CoreError } from '../bridge/client';
import { useClient } from '../bridge/context';
import { ErrorNotice } from '../common/error-notice';
import { ScreenHeading } from '../common/heading';
import {
  entriesFromTimeline,
  guidanceEvents,
  keywordsOf,
  type CarriedIn,
  type Entry,
} from '../live/entries';
import { PromptList } from '../live/guidance-panel';
import { invitationFor } from '../live/invitation';
import { KeywordChips } from '../live/keyword-chips';
import { chipWords } from './chip-words';
import { NoteList } from '../live/note-list';
import { QuestionHint } from '../live/question-hint';
import { ReluctanceControl, ReluctanceStatus } from '../live/reluctance';
import { ConclusionChoice, type Conclusion } from './conclusion-choice';
import { PracticeBriefing } from './briefing';
import {
  asTrainingLanguage,
  BADGE,
  BARE_LIST,
  childContext,
  type ChildGender,
  type Feedback,
} from './types';

type Summary = ChannelResponse<'sessions.get'>;
type TimelineEvent = ChannelResponse<'sessions.timeline'>['events'][number];
type Coding = ChannelResponse<'training.ask'>['coding'];

const noop = () => undefined;

export function PracticeInterview({
  sessionId,
  title,
  gender,
  onFinished,
}: {
  sessionId: string;
  title: string;
  /** The scenario child's gender, when the scenario gives one (Spanish grammar only). */
  gender?: ChildGender;
  onFinished: (feedback: Feedback) => void;
}) {
  const { t } = useTranslation('trainingUi');
  // The live screen's own words for the reluctance confirmation (the ui namespace).
  const { t: tUi } = useTranslation();
  const client = useClient();
  const [summary, setSummary] = useState<Summary | null>(null);
  const [events, setEvents] = useState<TimelineEvent[]>([]);
  const [error, setError] = useState<CoreError | null>(null);
  const [text, setText] = useState('');
  const [pending, setPending] = useState<string | null>(null);
  const [lastCoding, setLastCoding] = useState<Coding | null>(null);
  const [suggestion, setSuggestion] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [finishing, setFinishing] = useState(false);
  const [conclusion, setConclusion] = useState<Conclusion | null>(null);
  const box = useRef<HTMLTextAreaElement>(null);

  const reload = useCallback(async () => {
    const [s, tl] = await Promise.all([
      client.call('sessions.get', { sessionId }),
      client.call('sessions.timeline', { sessionId }),
    ]);
    if (!s.ok) return setError(s.error);
    if (!tl.ok) return setError(tl.error);
    setSummary(s.value);
    setEvents(tl.value.events);
  }, [client, sessionId]);
  useEffect(() => void reload(), [reload]);

  // A second session with the same child starts with the reluctance the trainee noted in an
  // earlier one still standing, as a live extended interview does: support first, no option-posing
  // or last-resort prompt (revised NICHD; Hershkowitz et al. 2021; review B3). Read once.
  const [carriedIn, setCarriedIn] = useState<CarriedIn | null>(null);
  useEffect(() => {
    void client.call('training.continuity', { sessionId }).then((r) => {
      if (!r.ok) return setError(r.error);
      const from = r.value.reluctance;
      setCarriedIn(from ? { session: from.session, startedAt: from.startedAt } : null);
    });
  }, [client, sessionId]);

  const language = asTrainingLanguage(summary?.language);
  const plan = useMemo((): SessionPlan | null => {
    if (!summary) return null;
    try {
      return planSession(summary.protocolId, summary.ageYears, language, {});
    } catch {
      return null;
    }
  }, [summary, language]);

  const entries = useMemo(() => {
    const saved = entriesFromTimeline(events);
    if (pending === null) return saved;
    const last = saved[saved.length - 1];
    const waiting: Entry = {
      key: 'pending',
      op: { type: 'note', kind: 'question', text: pending },
      status: 'saving',
      elapsedMs: last?.elapsedMs ?? 0,
      recordingOffsetMs: null,
    };
    return [...saved, waiting];
  }, [events, pending]);

  const guidance = useMemo(() => {
    if (!plan) return null;
    const gEvents = guidanceEvents(entries, language, false, undefined, carriedIn);
    return reduceGuidance(plan, gEvents, gEvents[gEvents.length - 1]?.elapsedMs ?? 0);
  }, [plan, entries, language, carriedIn]);

  const phases = useMemo(() => plan?.sessions.flatMap((s) => s.phases) ?? [], [plan]);
  // The child's words from the vault's list plus those on the answers (the same merge as live).
  const keywords = useMemo(
    () => keywordsOf(entries, summary?.keywords ?? []),
    [entries, summary?.keywords],
  );
  // Chips cue on the child's phrases ("dog", "the bus station"), never a repeated sentence.
  const chips = useMemo(() => chipWords(keywords), [keywords]);
  const hintContext = useMemo(
    () => ({ childWords: keywords, childAgeYears: summary?.ageYears ?? 7 }),
    [keywords, summary?.ageYears],
  );

  const put = useCallback((value: string) => {
    setText(value);
    requestAnimationFrame(() => {
      box.current?.focus();
      box.current?.setSelectionRange(value.length, value.length);
    });
  }, []);

  const useKeyword = useCallback(
    (k: string) => {
      if (plan) put(invitationFor(plan, k, guidance?.interviewerFirst ?? []));
    },
    [plan, put, guidance],
  );
  // Ctrl+1..9 inserts a cued invitation on the child's n-th word, as the chips show.
  useEffect(() => {
    const onKey = (e: globalThis.KeyboardEvent) => {
      if (!e.ctrlKey || e.altKey || e.metaKey) return;
      const digit = /^Digit([1-9])$/.exec(e.code);
      const keyword = digit ? chips[Number(digit[1]) - 1] : undefined;
      if (keyword !== undefined) {
        e.preventDefault();
        useKeyword(keyword);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [chips, useKeyword]);

  const ask = async () => {
    const question = text;
    if (question.trim() === '' || pending !== null) return;
    setPending(question);
    setText('');
    setError(null);
    const r = await client.call('training.ask', { sessionId, text: question });
    if (r.ok) {
      setLastCoding(r.value.coding);
      await reload();
    } else {
      // Nothing typed is lost: the question goes back into the box.
      setText(question);
      setError(r.error);
    }
    setPending(null);
    box.current?.focus();
  };

  const enterPhase = async (phaseId: string) => {
    setError(null);
    const r = await client.call('sessions.enterPhase', { sessionId, phaseId });
    if (!r.ok) setError(r.error);
    await reload();
    box.current?.focus();
  };

  // The same "Child reluctant" as on the live screen: the guidance then offers support first.
  const [reluctanceNoted, setReluctanceNoted] = useState(false);
  const noteReluctance = async () => {
    setError(null);
    const r = await client.call('sessions.markReluctance', { sessionId });
    if (!r.ok) setError(r.error);
    else setReluctanceNoted(true);
    await reload();
    box.current?.focus();
  };

  // "Reluctance ended", as on the live screen: a sealed `reluctance-ended` event (through the
  // training channel, which also ends reluctance carried from an earlier session with the child).
  const endReluctance = async () => {
    setError(null);
    const r = await client.call('training.endReluctance', { sessionId });
    if (!r.ok) setError(r.error);
    else setReluctanceNoted(false);
    await reload();
    box.current?.focus();
  };

  // "What do you conclude happened?" is a step of the practice, not an option: feedback on the
  // conclusion as well as on the questions is what improved later interviews (Pompedda,
  // Zappalà & Santtila 2015; issue #18). Nothing is lost: the dialog stays open.
  const [conclusionNeeded, setConclusionNeeded] = useState(false);
  const finish = async () => {
    if (!conclusion) {
      setConclusionNeeded(true);
      return;
    }
    setConclusionNeeded(false);
    setFinishing(true);
    setError(null);
    const r = await client.call('training.finish', {
      sessionId,
      ...(conclusion ? { conclusion } : {}),
    });
    setFinishing(false);
    if (r.ok) onFinished(r.value.feedback);
    else {
      setConfirming(false);
      setError(r.error);
    }
  };

  const onKeyDown = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    if (e.key === 'Enter' && !e.shiftKey && !e.altKey && !e.ctrlKey && !e.nativeEvent.isComposing) {
      e.preventDefault();
      void ask();
    } else if (e.altKey && e.code === 'KeyI' && suggestion) {
      // The hint offers Alt+I for its better invitation, as on the live screen.
      e.preventDefault();
      put(suggestion);
    }
  };

  const current = guidance?.currentPhase ?? null;
  const next = guidance?.nextPhase ?? null;

  return (
    <div className="practice">
      <p className="tag practice-badge" style={BADGE} data-testid="practice-badge">
        {t('practiceBadge')}
      </p>
      <ScreenHeading>{t('practice.heading', { title })}</ScreenHeading>
      <p className="quiet-box">{t('practiceNote')}</p>
      {summary ? (
        <p className="lead">
          {t('practice.childNoAlias', {
            age: summary.ageYears,
            context: childContext(gender, summary.ageYears),
          })}
        </p>
      ) : (
        <p>{t('loading')}</p>
      )}
      {/* The briefing in full before the first question; folded away once practice is under way. */}
      {summary && entries.length === 0 ? (
        <PracticeBriefing title={title} ageYears={summary.ageYears} />
      ) : null}
      {summary && entries.length > 0 ? (
        <details className="quiet-box" data-testid="briefing-folded">
          <summary>{t('briefing.heading')}</summary>
          <PracticeBriefing title={title} ageYears={summary.ageYears} />
        </details>
      ) : null}
      <ErrorNotice error={error} />
      <div className="live-layout">
        <div className="live-main">
          <section aria-labelledby="current-phase">
            <h2 id="current-phase">
              {current
                ? t('practice.currentPhase', { title: current.title })
                : t('practice.notStarted')}
            </h2>
            {current ? <p className="phase-goal-large">{current.goal}</p> : null}
          </section>
          {guidance ? (
            <ReluctanceStatus
              reluctance={guidance.reluctance}
              onEnd={() => void endReluctance()}
              disabled={finishing}
            />
          ) : null}
          {guidance ? <PromptList prompts={guidance.nextPrompts} onUse={put} /> : null}
          <div className="note-box">
            <label htmlFor="practice-question" className="note-label">
              {t('practice.questionLabel')}
            </label>
            <textarea
              id="practice-question"
              ref={box}
              className="note-text"
              rows={2}
              value={text}
              aria-describedby="practice-help question-hint"
              onChange={(e) => setText(e.target.value)}
              onKeyDown={onKeyDown}
            />
            <p id="practice-help" className="field-hint">
              {t('practice.questionHelp')}
            </p>
            <QuestionHint
              text={text}
              language={language}
              context={hintContext}
              onSuggestion={setSuggestion}
            />
            <div className="actions">
              <button
                type="button"
                className="button-primary"
                disabled={pending !== null || text.trim() === ''}
                onClick={() => void ask()}
              >
                {t('practice.ask')}
              </button>
              {pending !== null ? <span role="status">{t('practice.asking')}</span> : null}
            </div>
          </div>
          {lastCoding ? <LastCoding coding={lastCoding} onUse={put} /> : null}
          {/* Chips appear once the child has said words worth cueing (their own words). */}
          {chips.length > 0 ? <KeywordChips keywords={chips} onUse={useKeyword} /> : null}
          <NoteList entries={entries} onRetry={noop} />
        </div>
        <aside className="live-side" aria-label={t('practice.phases')}>
          <h2>{t('practice.phases')}</h2>
          <ol className="plain-list phase-steps" style={BARE_LIST}>
            {phases.map((p) =>
              current?.id === p.id ? (
                // The current phase is plain text, not a disabled (low-contrast) button.
                <li key={p.id} aria-current="step" className="phase-current">
                  <strong>
                    {p.title} ({t('practice.current')})
                  </strong>
                </li>
              ) : (
                <li key={p.id}>
                  <button
                    type="button"
                    className="button-quiet small"
                    aria-label={t('practice.goTo', { title: p.title })}
                    onClick={() => void enterPhase(p.id)}
                  >
                    {p.title}
                  </button>
                </li>
              ),
            )}
          </ol>
          <div className="side-actions">
            <ReluctanceControl
              disabled={finishing}
              onNote={() => void noteReluctance()}
              label={t('practice.reluctant', {
                context: childContext(gender, summary?.ageYears),
              })}
            />
            {reluctanceNoted ? (
              <p className="field-hint" role="status">
                {tUi('live.reluctance.noted')}
              </p>
            ) : null}
            {next ? (
              <button
                type="button"
                className="button-quiet"
                onClick={() => void enterPhase(next.id)}
              >
                {t('practice.nextPhase', { title: next.title })}
              </button>
            ) : null}
            {confirming ? (
              <div className="quiet-box" role="group" aria-label={t('practice.finish')}>
                <p>{t('practice.finishConfirm')}</p>
                <ConclusionChoice
                  value={conclusion}
                  onChange={(c) => {
                    setConclusion(c);
                    setConclusionNeeded(false);
                  }}
                />
                {conclusionNeeded ? (
                  <p className="notice" role="alert" data-testid="conclusion-needed">
                    {t('practice.conclusionNeeded')}
                  </p>
                ) : null}
                <div className="row-actions">
                  <button
                    type="button"
                    className="button-primary"
                    disabled={finishing}
                    onClick={() => void finish()}
                  >
                    {t('practice.finishYes')}
                  </button>
                  <button
                    type="button"
                    className="button-quiet"
                    onClick={() => setConfirming(false)}
                  >
                    {t('practice.finishNo')}
                  </button>
                </div>
                {finishing ? <p role="status">{t('practice.finishing')}</p> : null}
              </div>
            ) : (
              <button type="button" className="button-primary" onClick={() => setConfirming(true)}>
                {t('practice.finish')}
              </button>
            )}
          </div>
        </aside>
      </div>
    </div>
  );
}

/** The coding of the question just asked, as quiet as the live hint: never an alarm. */
function LastCoding({ coding, onUse }: { coding: Coding; onUse: (text: string) => void }) {
  const { t } = useTranslation('trainingUi');
  const { t: tUi } = useTranslation();
  const better = !coding.recommended ? coding.suggestion : undefined;
  return (
    <div className="question-hint" data-testid="last-coding" aria-live="polite">
      <p className={coding.recommended ? 'hint-ok' : 'hint-care'}>
        <span className="hint-type">
          {t('practice.lastCoding', { type: tUi(`questionTypes.${coding.type}`) })}
        </span>
        {coding.recommended ? null : <span className="hint-reason"> · {coding.reason}</span>}
      </p>
      {better ? (
        <p className="hint-suggestion">
          {t('practice.betterInvitation')} <q>{better}</q>{' '}
          <button type="button" className="button-quiet small" onClick={() => onUse(better)}>
            {t('practice.useBetter')}
          </button>
        </p>
      ) : null}
    </div>
  );
}
