// The team in the observation room (issue #19): observers suggest questions while the interview
// runs; the queue opens at the break, where the interviewer accepts ("will ask as written"),
// rephrases (the question coach checks the wording) or declines each with a reason; a wording the
// coach does not recommend needs a reason too. Everything is sealed in the session record; an
// accepted suggestion shows when it was asked: "Use this wording" puts it in the note box linked
// to the suggestion, and the question note saved from it carries the suggestion's id.
// Same machine for now (a panel); the record format lets a second device join later.
import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChannelResponse, CoreError } from '../bridge/client';
import { useClient } from '../bridge/context';
import { ErrorNotice } from '../common/error-notice';
import { classifyQuestion } from '../../src/questions';
import { langAttribute, useSpokenLanguageName } from '../common/language-select';
import { coachLanguageOfTag } from '../live/rendering-hint';
import { observerWindowUrl } from './observer-route';

export interface CoachContext {
  language: 'en' | 'es';
  childWords: readonly string[];
  /** The session types no child turns: coded without the child's words (liveChildContext). */
  childWordsUnrecorded?: boolean;
  childAgeYears: number;
}

function coachOn(text: string, context: CoachContext) {
  return classifyQuestion(text, context.language, {
    ...(context.childWordsUnrecorded
      ? { childWordsUnrecorded: true }
      : { childWords: [...context.childWords] }),
    childAgeYears: context.childAgeYears,
  });
}

/** The question coach's verdict on a wording, before the interviewer decides (break and finish). */
export function CoachLine({ text, context }: { text: string; context: CoachContext }) {
  const { t } = useTranslation('team');
  if (!text.trim()) return null;
  const c = coachOn(text, context);
  return (
    <p className={c.recommended ? 'field-hint' : 'notice'}>
      {c.recommended
        ? t('observers.coachOk', { reason: c.reason })
        : t('observers.coachWarn', { reason: c.reason })}
    </p>
  );
}

export type Queue = ChannelResponse<'observers.queue'>;
export type Item = Queue['suggestions'][number];

export const OBSERVER_ROLES = [
  'law-enforcement',
  'cps',
  'prosecutor',
  'advocate',
  'medical',
  'other',
] as const;
type Role = (typeof OBSERVER_ROLES)[number];
/** Roles that must give a name or agency (src/interview/observers.ts NAMED_ROLES). */
const NAMED: ReadonlySet<Role> = new Set(['law-enforcement', 'prosecutor']);

/**
 * Who is sending, as the record will name them: "Victim advocate · Det. Ruiz", or the role alone
 * when no name is given. Shown beside the send button (its description) so the person at the
 * keyboard confirms it each time (audit 19g, B19g-1: one laptop goes round the observation room).
 */
function SenderLine({ id, role, name }: { id: string; role: Role | ''; name: string }) {
  const { t } = useTranslation('team');
  const roleName = role === '' ? '' : t(`observers.roles.${role}`);
  return (
    <p id={id} className="suggest-sender">
      {role === ''
        ? t('observers.sendingAsNone')
        : name.trim()
          ? t('observers.sendingAs', { role: roleName, name: name.trim() })
          : t('observers.sendingAsUnnamed', { role: roleName })}
    </p>
  );
}

/**
 * The observer's form. The sender is chosen, never assumed: no role until one is picked, and a
 * new role clears the name, so one observer's name never carries over to the next observer's
 * suggestion (B19g-1: an advocate's question was sealed under a detective's name). Role and name
 * stay after a send (the same person often sends several), shown as "Sending as: …" by the
 * button.
 */
export function SuggestForm({ sessionId, onSent }: { sessionId: string; onSent: () => void }) {
  const { t } = useTranslation('team');
  const client = useClient();
  const id = useId();
  const [role, setRole] = useState<Role | ''>('');
  const [name, setName] = useState('');
  const [text, setText] = useState('');
  const [error, setError] = useState<CoreError | null>(null);
  const [sent, setSent] = useState(false);
  const nameNeeded = role !== '' && NAMED.has(role);
  const ready = role !== '' && text.trim() !== '' && (!nameNeeded || name.trim() !== '');
  const send = async () => {
    if (!ready) return;
    const result = await client.call('observers.suggest', {
      sessionId,
      role,
      text,
      ...(name.trim() ? { name: name.trim() } : {}),
    });
    if (!result.ok) return setError(result.error);
    setError(null);
    setText('');
    setSent(true);
    onSent();
  };
  return (
    <form
      className="suggest-form"
      aria-labelledby={`${id}-title`}
      onSubmit={(e) => {
        e.preventDefault();
        void send();
      }}
    >
      <h3 id={`${id}-title`}>{t('observers.suggestTitle')}</h3>
      <div className="field">
        <label htmlFor={`${id}-role`}>{t('observers.role')}</label>
        <select
          id={`${id}-role`}
          value={role}
          required
          onChange={(e) => {
            // Another person (or the same person corrected): the name was the previous sender's.
            setRole(e.target.value as Role);
            setName('');
            setSent(false);
          }}
        >
          <option value="" disabled>
            {t('observers.rolePick')}
          </option>
          {OBSERVER_ROLES.map((r) => (
            <option key={r} value={r}>
              {t(`observers.roles.${r}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-name`}>
          {nameNeeded
            ? t('observers.nameRequired', { role: t(`observers.roles.${role}`) })
            : t('observers.name')}
        </label>
        <input
          id={`${id}-name`}
          value={name}
          required={nameNeeded}
          maxLength={100}
          onChange={(e) => {
            setName(e.target.value);
            setSent(false);
          }}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-text`}>{t('observers.text')}</label>
        <textarea
          id={`${id}-text`}
          rows={2}
          value={text}
          onChange={(e) => {
            setText(e.target.value);
            setSent(false);
          }}
        />
      </div>
      <SenderLine id={`${id}-as`} role={role} name={name} />
      <button
        type="submit"
        className="button-quiet"
        disabled={!ready}
        aria-describedby={`${id}-as`}
      >
        {t('observers.send')}
      </button>
      {sent ? (
        <p role="status" className="field-hint">
          {t('observers.sent')}
        </p>
      ) : null}
      <ErrorNotice error={error} />
    </form>
  );
}

export function Decide({
  sessionId,
  item,
  onDone,
  coach,
  describedBy,
}: {
  sessionId: string;
  item: Item;
  /** Called once the decision is recorded, with the decided suggestion's id. */
  onDone: (suggestionId: string) => void;
  coach: CoachContext;
  /**
   * Ids of the suggestion's author line and text: each button is then heard with the suggestion
   * it decides ("Decline" alone, eight times over, says nothing).
   */
  describedBy?: string;
}) {
  const { t } = useTranslation('team');
  const client = useClient();
  const id = useId();
  const [mode, setMode] = useState<'accepted' | 'rephrased' | 'declined' | null>(null);
  const [text, setText] = useState('');
  const [reason, setReason] = useState('');
  const [error, setError] = useState<CoreError | null>(null);
  // The wording that would be asked, and whether the coach recommends it: if not, the
  // interviewer gives a reason for asking it anyway (kept in the record).
  const wording = mode === 'rephrased' ? text : item.text;
  const coachWarns =
    mode !== 'declined' && wording.trim() !== '' && !coachOn(wording, coach).recommended;
  const decide = async (decision: 'accepted' | 'rephrased' | 'declined') => {
    const why = decision === 'declined' ? text : reason;
    const result = await client.call('observers.decide', {
      sessionId,
      suggestionId: item.suggestionId,
      decision,
      ...(decision === 'rephrased' ? { text } : {}),
      ...(why.trim() ? { reason: why } : {}),
    });
    if (!result.ok) return setError(result.error);
    onDone(item.suggestionId);
  };
  // Keyboard users: opening a form replaces the button that had the focus, so the focus goes into
  // the field that opened (B19d-1: it fell to the page and typing reached the interview's note
  // box); Cancel gives it back to the card's first button. Never left on the page body.
  const firstField = useRef<HTMLTextAreaElement>(null);
  const firstButton = useRef<HTMLButtonElement>(null);
  const returnFocus = useRef(false);
  useEffect(() => {
    if (mode !== null) firstField.current?.focus();
    else if (returnFocus.current) firstButton.current?.focus();
    returnFocus.current = false;
  }, [mode]);
  const accept = () => {
    if (coachOn(item.text, coach).recommended) return void decide('accepted');
    setMode('accepted');
    setReason('');
  };
  if (mode === null)
    return (
      <div className="decide-actions">
        <button
          ref={firstButton}
          type="button"
          className="button-quiet"
          onClick={accept}
          aria-describedby={describedBy}
        >
          {t('observers.ask')}
        </button>
        <button
          type="button"
          className="button-quiet"
          aria-describedby={describedBy}
          onClick={() => {
            setMode('rephrased');
            setText('');
          }}
        >
          {t('observers.rephrase')}
        </button>
        <button
          type="button"
          className="button-quiet"
          aria-describedby={describedBy}
          onClick={() => {
            setMode('declined');
            setText('');
          }}
        >
          {t('observers.decline')}
        </button>
        <ErrorNotice error={error} />
      </div>
    );
  return (
    <form
      className="decide-form"
      aria-describedby={describedBy}
      onSubmit={(e) => {
        e.preventDefault();
        void decide(mode);
      }}
    >
      {mode !== 'accepted' ? (
        <div className="field">
          <label htmlFor={`${id}-text`}>
            {mode === 'rephrased' ? t('observers.rephraseLabel') : t('observers.reason')}
          </label>
          <textarea
            ref={firstField}
            id={`${id}-text`}
            rows={2}
            value={text}
            onChange={(e) => setText(e.target.value)}
          />
        </div>
      ) : null}
      {mode === 'rephrased' ? <CoachLine text={text} context={coach} /> : null}
      {coachWarns ? (
        <div className="field">
          <label htmlFor={`${id}-reason`}>{t('observers.reasonDespiteCoach')}</label>
          <textarea
            ref={mode === 'accepted' ? firstField : undefined}
            id={`${id}-reason`}
            rows={2}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
          />
        </div>
      ) : null}
      <button
        type="submit"
        className="button-primary"
        disabled={(mode !== 'accepted' && !text.trim()) || (coachWarns && !reason.trim())}
      >
        {t('observers.confirm')}
      </button>{' '}
      <button
        type="button"
        className="button-quiet"
        onClick={() => {
          returnFocus.current = true;
          setMode(null);
        }}
      >
        {t('observers.cancel')}
      </button>
      <ErrorNotice error={error} />
    </form>
  );
}

/** The interpreter's rendering of the question and the coach's verdict on it (Powell et al. 2017). */
function RenderingLine({
  rendering,
  verdict: stored,
  context,
}: {
  rendering: { text: string; language: string } | undefined;
  verdict: { recommended: boolean; reason: string } | undefined;
  context: CoachContext;
}) {
  const { t, i18n } = useTranslation('team');
  const nameOf = useSpokenLanguageName();
  if (!rendering) return null;
  // The core explains its verdict in the rendering's language. As the live hint does (B19d-3),
  // the reason is read in the interface language: the rendering is coded again in its own
  // language and explained in the UI's; the core's verdict stands, and its own reason is kept
  // if the two disagree (audit 19f, B19f-4).
  const coded = coachLanguageOfTag(rendering.language);
  const explainIn = coachLanguageOfTag(i18n.language) ?? 'en';
  const again =
    stored && coded && coded !== explainIn
      ? classifyQuestion(
          rendering.text,
          coded,
          {
            ...(context.childWordsUnrecorded
              ? { childWordsUnrecorded: true }
              : { childWords: [...context.childWords] }),
            childAgeYears: context.childAgeYears,
          },
          explainIn,
        )
      : undefined;
  const verdict =
    stored && again && again.recommended === stored.recommended
      ? { recommended: stored.recommended, reason: again.reason }
      : stored;
  const language = nameOf(rendering.language);
  return (
    <>
      <p className="suggestion-asked">
        {t('observers.rendering', { language })}:{' '}
        <span lang={langAttribute(rendering.language)}>{rendering.text}</span>
      </p>
      {verdict ? (
        <p className={verdict.recommended ? 'field-hint' : 'notice'}>
          {/* One "Coach" prefix (B19d-3: "Coach on the rendering: Coach: …" said it twice). */}
          {t(verdict.recommended ? 'observers.coachRenderingOk' : 'observers.coachRenderingWarn', {
            language,
            reason: verdict.reason,
          })}
        </p>
      ) : null}
    </>
  );
}

/** Puts a decided wording in the note box, linked to its suggestion (B19-1). */
export type UseWording = (text: string, suggestionId: string) => void;

/** The wording to ask for an accepted or rephrased suggestion not yet asked, else undefined. */
export function wordingToAsk(item: Item): string | undefined {
  if (item.askedIn || (item.status !== 'accepted' && item.status !== 'rephrased')) return undefined;
  return item.decision?.text ?? item.text;
}

function UseWordingButton({ item, onUse }: { item: Item; onUse: UseWording | undefined }) {
  const { t } = useTranslation('team');
  const wording = wordingToAsk(item);
  if (!onUse || wording === undefined) return null;
  return (
    <button
      type="button"
      className="button-quiet"
      onClick={() => onUse(wording, item.suggestionId)}
    >
      {t('observers.useWording')}
    </button>
  );
}

/**
 * After the break: the accepted or rephrased suggestions not yet asked, each with "Use this
 * wording", so the question note that asks one carries its id (the record then shows it asked).
 */
function ToAskList({ queue, onUse }: { queue: Queue | null; onUse: UseWording }) {
  const { t } = useTranslation('team');
  const toAsk = (queue?.suggestions ?? []).filter((s) => wordingToAsk(s) !== undefined);
  if (toAsk.length === 0) return null;
  return (
    <>
      <h3>{t('observers.toAskTitle')}</h3>
      <ul className="suggestion-list">
        {toAsk.map((item) => (
          <li key={item.suggestionId} className={`suggestion status-${item.status}`}>
            <p className="suggestion-text">{wordingToAsk(item)}</p>
            <UseWordingButton item={item} onUse={onUse} />
          </li>
        ))}
      </ul>
    </>
  );
}

/**
 * Who suggested it: the observer's role first and in bold (the interviewer weighs a suggestion
 * by who sent it), the name or agency when given, and where the suggestion stands.
 */
export function SuggestionHead({
  item,
  id,
  status = false,
}: {
  item: Item;
  id: string;
  status?: boolean;
}) {
  const { t } = useTranslation('team');
  return (
    <p className="suggestion-from" id={`${id}-from`}>
      <span className="suggestion-role">
        {t('observers.from', { role: t(`observers.roles.${item.role}`) })}
      </span>
      {item.name ? <span className="suggestion-name"> · {item.name}</span> : null}
      {status ? (
        <>
          {' '}
          <span className="tag">{t(`observers.status.${item.status}`)}</span>
        </>
      ) : null}
    </p>
  );
}

function QueueItem({
  sessionId,
  item,
  open,
  onDone,
  coachContext,
  onUse,
}: {
  sessionId: string;
  item: Item;
  open: boolean;
  onDone: (suggestionId: string) => void;
  coachContext: CoachContext;
  onUse?: UseWording | undefined;
}) {
  const { t } = useTranslation('team');
  const id = useId();
  const coach = item.decision?.coach;
  return (
    <li className={`suggestion status-${item.status}`} data-suggestion-id={item.suggestionId}>
      <SuggestionHead item={item} id={id} status />
      <p className="suggestion-text" id={`${id}-text`}>
        {item.text}
      </p>
      {item.decision?.text && item.status === 'rephrased' ? (
        <p className="suggestion-asked">→ {item.decision.text}</p>
      ) : null}
      {item.decision?.reason ? <p className="field-hint">{item.decision.reason}</p> : null}
      {coach ? (
        <p className={coach.recommended ? 'field-hint' : 'notice'}>
          {coach.recommended
            ? t('observers.coachOk', { reason: coach.reason })
            : t('observers.coachWarn', { reason: coach.reason })}
        </p>
      ) : null}
      <RenderingLine
        rendering={item.askedIn?.rendering ?? item.decision?.rendering}
        verdict={item.askedIn?.renderingCoach ?? item.decision?.renderingCoach}
        context={coachContext}
      />
      {item.status === 'accepted' || item.status === 'rephrased' ? (
        <p className="field-hint">
          {item.askedIn
            ? t('observers.askedAt', { time: item.askedIn.at.slice(11, 16) })
            : t('observers.notAsked')}
        </p>
      ) : null}
      {open ? <UseWordingButton item={item} onUse={onUse} /> : null}
      {open && item.status === 'pending' ? (
        <>
          {/* The decision buttons right under the wording, the coach's verdict under them: a
              not-recommended reason runs to eleven lines in the break's narrow column and pushed
              the first card's buttons below the fold at 1024×768 (audit 19g, B19g-3). */}
          <Decide
            sessionId={sessionId}
            item={item}
            onDone={onDone}
            coach={coachContext}
            describedBy={`${id}-from ${id}-text`}
          />
          <CoachLine text={item.text} context={coachContext} />
        </>
      ) : null}
    </li>
  );
}

/**
 * The break's order: the suggestions still waiting first, then the decided ones, each in arrival
 * order. The count at the top ("1 suggestion waiting") leads to the card it counts; at a later
 * break a new suggestion was listed last, under every decided and asked card (audit 19g, B19g-2).
 * The sealed record keeps arrival order.
 */
export function waitingFirst(suggestions: readonly Item[]): Item[] {
  return [
    ...suggestions.filter((s) => s.status === 'pending'),
    ...suggestions.filter((s) => s.status !== 'pending'),
  ];
}

/** How often the open queue is re-read (ms): calm enough to cost nothing, quick enough for a break. */
export const QUEUE_POLL_MS = 5000;

export function ObserverPanel({
  sessionId,
  onBreak,
  sealed,
  language,
  childWords,
  childWordsUnrecorded,
  childAgeYears,
  onUseWording,
  focusQueue,
  onQueueFocusDone,
  questionsSaved = 0,
}: {
  sessionId: string;
  /** How many question notes the vault has saved: a new one re-reads the queue at once, so a
   * wording it just asked is no longer offered with "Use this wording" (audit 19f, B19f-5). */
  questionsSaved?: number;
  onBreak: boolean;
  sealed: boolean;
  /** Fills the live note box with a decided wording, linked to its suggestion. */
  onUseWording?: UseWording;
  /** A break has just started: once the queue is read, its heading takes the focus if
   * suggestions are waiting (what the break is for), then onQueueFocusDone is called either way. */
  focusQueue?: boolean;
  onQueueFocusDone?: () => void;
} & CoachContext) {
  const { t } = useTranslation('team');
  const client = useClient();
  const [queue, setQueue] = useState<Queue | null>(null);
  const [error, setError] = useState<CoreError | null>(null);
  const reload = useCallback(() => {
    void client.call('observers.queue', { sessionId }).then((r) => {
      if (r.ok) setQueue(r.value);
      else setError(r.error);
    });
  }, [client, sessionId]);
  useEffect(reload, [reload, onBreak, questionsSaved]);
  // After a decision the decided card's buttons go away: the focus moves to the next waiting
  // suggestion's first button (after the decided one, else before it), or to the queue itself
  // when none is left, never to the page body (B19d-1).
  const queueRegion = useRef<HTMLDivElement>(null);
  const decided = useRef<string | null>(null);
  const onDecided = useCallback(
    (suggestionId: string) => {
      decided.current = suggestionId;
      reload();
    },
    [reload],
  );
  useEffect(() => {
    const region = queueRegion.current;
    const done = decided.current;
    if (!region || done === null || !queue) return;
    if (queue.suggestions.find((s) => s.suggestionId === done)?.status === 'pending') return;
    decided.current = null;
    const cards = [...region.querySelectorAll<HTMLElement>('[data-suggestion-id]')];
    const at = cards.findIndex((c) => c.dataset.suggestionId === done);
    const order = [...cards.slice(at + 1), ...cards.slice(0, Math.max(at, 0))];
    const next = order
      .map((c) => c.querySelector<HTMLButtonElement>('.decide-actions button'))
      .find((b) => b !== null);
    (next ?? region).focus();
  }, [queue]);
  // A keyboard user who starts a break lands on the queue, the break's task, not the note box
  // (the screen focuses the box first and keeps it when nothing waits). The heading is focused,
  // not a card, so a screen reader says where they are and how many wait (its description).
  const queueHeading = useRef<HTMLHeadingElement>(null);
  const open = onBreak && !sealed;
  // Only from where starting the break left it (the note box, or nowhere): a queue read late
  // never takes the focus from a field the interviewer has gone to; a failed read ends the wait.
  useEffect(() => {
    if (!focusQueue || !open || (!queue && !error)) return;
    const at = document.activeElement;
    const untouched = !at || at === document.body || at.id === 'note-text';
    if (queue && queue.pending > 0 && untouched) queueHeading.current?.focus();
    onQueueFocusDone?.();
  }, [focusQueue, open, queue, error, onQueueFocusDone]);
  // Suggestions also arrive from the observation room's own window, and the core sends no event
  // for them: while the session is open, re-read the queue calmly so the count is never stale.
  useEffect(() => {
    if (sealed) return undefined;
    const timer = window.setInterval(reload, QUEUE_POLL_MS);
    return () => window.clearInterval(timer);
  }, [reload, sealed]);

  // At the break the queue comes first; the suggest form follows it.
  const form = !sealed ? (
    <>
      {/* The observation room's own window (electron allows exactly this address). */}
      <button
        type="button"
        className="button-quiet"
        onClick={() => window.open(observerWindowUrl(sessionId, window.location), '_blank')}
      >
        {t('observerWindow.open')}
      </button>
      <SuggestForm sessionId={sessionId} onSent={reload} />
    </>
  ) : null;
  const items = (open ? waitingFirst(queue?.suggestions ?? []) : (queue?.suggestions ?? [])).map(
    (item) => (
      <QueueItem
        key={item.suggestionId}
        sessionId={sessionId}
        item={item}
        open={open}
        onDone={onDecided}
        coachContext={{ language, childWords, childWordsUnrecorded, childAgeYears }}
        onUse={onUseWording}
      />
    ),
  );

  return (
    <section
      className={open ? 'observer-panel panel at-break' : 'observer-panel panel'}
      aria-labelledby="observer-panel-title"
    >
      {/* At the break the queue's own heading names the task; the panel's title stays for
          screen readers only, so the first card's decision buttons fit at 1024×768 (B19f-3). */}
      <h2 id="observer-panel-title" className={open ? 'visually-hidden' : undefined}>
        {t('observers.title')}
      </h2>
      {open ? null : form}
      <h3
        id="observer-queue-title"
        ref={queueHeading}
        tabIndex={-1}
        aria-describedby="observer-queue-count"
      >
        {t('observers.queueTitle')}
      </h3>
      <p id="observer-queue-count" role="status">
        {t('observers.pending', { count: queue?.pending ?? 0 })}
      </p>
      {!onBreak && (queue?.pending ?? 0) > 0 ? (
        <p className="field-hint">{t('observers.waitForBreak')}</p>
      ) : null}
      {queue && queue.suggestions.length === 0 ? (
        <p className="field-hint">{t('observers.none')}</p>
      ) : null}
      {open && queue && queue.suggestions.length > 0 ? (
        // Its own scroll area, so a long queue never pushes the panel's heading and count out of
        // view; focusable, so it also scrolls from the keyboard (Tab moves through its buttons).
        <div
          ref={queueRegion}
          className="break-queue"
          role="region"
          aria-labelledby="observer-queue-title"
          tabIndex={0}
        >
          <ul className="suggestion-list">{items}</ul>
        </div>
      ) : null}
      {sealed ? <ul className="suggestion-list">{items}</ul> : null}
      {!onBreak && !sealed && onUseWording ? (
        <ToAskList queue={queue} onUse={onUseWording} />
      ) : null}
      <ErrorNotice error={error} />
      {open ? form : null}
      <p className="source-note">{t('observers.source')}</p>
    </section>
  );
}
