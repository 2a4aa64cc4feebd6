// The note box: Enter saves (Shift+Enter for a new line), the kind is chosen by radio buttons
// or Alt+1..5, Alt+K keeps the selected words (or the whole note) as the child's keywords.
// Its text lives here, not in the screen, so a keystroke re-renders only this box and its
// hint: typing never waits on the vault or on the note list. What is typed but not yet saved
// is reported as a draft (kept per session by the app, across screens and locks), and a note
// that could not be saved comes back here with the reason under the box.
import {
  forwardRef,
  memo,
  useEffect,
  useImperativeHandle,
  useMemo,
  useRef,
  useState,
  type KeyboardEvent,
} from 'react';
import type { AnsweredQuestion, ClassifyContext } from '../../src/questions';
import { useTranslation } from 'react-i18next';
import type { NoteDraft } from './draft-store';
import { NOTE_KINDS, type NoteKind } from './entries';
import { QuestionHint } from './question-hint';
import { RenderingHint } from './rendering-hint';
import {
  InterpretedFields,
  interpretedPayload,
  NO_INTERPRETATION,
  type InterpretedValue,
} from './interpreted-fields';

export interface NoteBoxHandle {
  focus(): void;
  setKind(kind: NoteKind): void;
  /**
   * Replaces the text (an invitation from a chip or a prompt) and focuses the box. `promptId`:
   * the suggested prompt it came from, saved with the question (the interviewer may fill its
   * blanks first) until the box is emptied or another text is put in. `suggestionId`: the
   * observer suggestion whose decided wording it is ("Use this wording"), kept the same way.
   */
  insert(text: string, kind: NoteKind, promptId?: string, suggestionId?: string): void;
  markKeyword(): void;
  useSuggestion(): void;
  text(): string;
  /**
   * Puts a note that could not be saved back into the box, if the box is empty (the
   * interviewer may have moved on to the next note). Returns whether it did.
   */
  restore(draft: NoteDraft): boolean;
  /** Saves what the box holds, as Enter does (the "Try again" under the box). */
  submit(): void;
}

/** Why the last note was not saved, shown under the box, with a way to try again. */
export interface SaveProblem {
  message: string;
  onRetry?: () => void;
}

interface NoteBoxProps {
  language: 'en' | 'es';
  childAgeYears: number;
  childWords: readonly string[];
  /** The session types no child turns (liveChildContext): the coach codes without the child's
   * words and says so. */
  childWordsUnrecorded?: boolean;
  /** The session's questions with the child's replies (answeredOfEntries): a question asked
   * again after the child answered it is coded asked-and-answered. */
  answered?: readonly AnsweredQuestion[];
  /** Where the interview is (stageOfPhase): outside the substantive part the coach never
   * suggests the allegation invitation. */
  stage?: ClassifyContext['stage'];
  /** The session protocol's stance on media (plan.media.stance): the coach reads media
   * questions by it (classifyQuestion's context.mediaStance). */
  mediaStance: NonNullable<ClassifyContext['mediaStance']>;
  disabled: boolean;
  /** Saves a note; returns a problem (the text then stays in the box) or null when accepted. */
  onSave: (
    kind: NoteKind,
    text: string,
    keywords: string[],
    interpretation?: ReturnType<typeof interpretedPayload>,
    promptId?: string,
    suggestionId?: string,
  ) => SaveProblem | null;
  /** Default language of the own-words field (the child's, when the interview is interpreted). */
  ownWordsLanguage?: string;
  /** The unsent note this session had when the box was last shown. */
  initialDraft?: NoteDraft | undefined;
  /** Every change of the unsent note (kind, text, keywords). */
  onDraftChange?: ((draft: NoteDraft) => void) | undefined;
  /** A save that failed after it was accepted (the vault refused it). */
  problem?: SaveProblem | null | undefined;
  /** The team break: the interpreter fields fold to one line (B19f-3). */
  atBreak?: boolean;
}

/** The box's interpreter fields from a draft (or the defaults when it has none). */
function fromDraft(draft: NoteDraft | undefined): InterpretedValue {
  return {
    ...NO_INTERPRETATION,
    interpreted: draft?.interpreted ?? false,
    original: draft?.original?.text ?? '',
    language: draft?.original?.language ?? '',
  };
}

/** The value as shown and saved: a language not chosen ('') is the child's, when known. */
function withDefaultLanguage(value: InterpretedValue, ownWordsLanguage?: string): InterpretedValue {
  return value.language || !ownWordsLanguage ? value : { ...value, language: ownWordsLanguage };
}

/** The draft's interpreter fields for the box's value. */
function toDraft(value: InterpretedValue): Pick<NoteDraft, 'interpreted' | 'original'> {
  return {
    ...(value.interpreted ? { interpreted: true } : {}),
    ...(value.original.trim()
      ? { original: { text: value.original, language: value.language } }
      : {}),
  };
}

export const NoteBox = memo(
  forwardRef<NoteBoxHandle, NoteBoxProps>(function NoteBox(
    {
      language,
      childAgeYears,
      childWords,
      childWordsUnrecorded,
      answered,
      stage,
      mediaStance,
      disabled,
      onSave,
      ownWordsLanguage,
      initialDraft,
      onDraftChange,
      problem: laterProblem,
      atBreak = false,
    },
    ref,
  ) {
    const { t } = useTranslation();
    const [kind, setKind] = useState<NoteKind>(initialDraft?.kind ?? 'question');
    const [text, setText] = useState(initialDraft?.text ?? '');
    const [keywords, setKeywords] = useState<string[]>(initialDraft?.keywords ?? []);
    const [suggestion, setSuggestion] = useState<string | null>(null);
    // The suggested prompt the text came from (Use), kept until the box is emptied.
    const [promptId, setPromptId] = useState<string | undefined>(initialDraft?.promptId);
    // The observer suggestion the text came from (Use this wording), kept until the box is emptied.
    // Kept in the draft too: leaving the screen or a lock must not cut the question's link.
    const [suggestionId, setSuggestionId] = useState<string | undefined>(
      initialDraft?.suggestionId,
    );
    const [interpretation, setInterpretation] = useState<InterpretedValue>(() =>
      fromDraft(initialDraft),
    );
    // The child's language arrives after the box is shown (read from the case). It is not copied
    // into the state by an effect: a field's change built from the last render would overwrite
    // the copy (B19d-2: ticking "Interpreted turn" just as it arrived left "Not known"). Only a
    // choice is kept ('' = none yet); the shown language is the choice, else the child's. A
    // chosen "Not known" is 'und', so it stays.
    const shown = useMemo(
      () => withDefaultLanguage(interpretation, ownWordsLanguage),
      [interpretation, ownWordsLanguage],
    );
    const [ownProblem, setOwnProblem] = useState<SaveProblem | null>(null);
    const area = useRef<HTMLTextAreaElement>(null);
    const problem = ownProblem ?? laterProblem ?? null;

    // A refused save's message sits under the box: on a short window with banners above (break,
    // phase Undo) it could fall below the fold, so bring it into view (no-op in jsdom).
    const problemLine = useRef<HTMLParagraphElement>(null);
    const problemMessage = problem?.message;
    useEffect(() => {
      if (problemMessage) problemLine.current?.scrollIntoView?.({ block: 'nearest' });
    }, [problemMessage]);

    const reportDraft = useRef(onDraftChange);
    reportDraft.current = onDraftChange;
    useEffect(() => {
      reportDraft.current?.({
        kind,
        text,
        keywords,
        ...toDraft(shown),
        ...(promptId ? { promptId } : {}),
        ...(suggestionId ? { suggestionId } : {}),
      });
    }, [kind, text, keywords, shown, promptId, suggestionId]);

    const markKeyword = () => {
      const el = area.current;
      if (!el) return;
      const selected = el.value.slice(el.selectionStart, el.selectionEnd).trim();
      const word = (selected || el.value).trim().replace(/^["'“”«»]+|["'“”«».,;:!?¡¿]+$/g, '');
      if (!word || word.length > 100) return;
      setKeywords((list) => (list.includes(word) ? list : [...list, word]));
      if (kind !== 'child') setKind('child');
    };

    useImperativeHandle(ref, () => ({
      focus: () => area.current?.focus(),
      setKind: (k) => setKind(k),
      insert: (value, k, id, suggestion) => {
        setText(value);
        setKind(k);
        setPromptId(id);
        setSuggestionId(suggestion);
        requestAnimationFrame(() => {
          area.current?.focus();
          area.current?.setSelectionRange(value.length, value.length);
        });
      },
      markKeyword,
      useSuggestion: () => {
        if (suggestion) setText(suggestion);
        area.current?.focus();
      },
      text: () => text,
      restore: (draft) => {
        if (text.trim() !== '') return false;
        setText(draft.text);
        setKind(draft.kind);
        setKeywords(draft.keywords);
        setPromptId(draft.promptId);
        setSuggestionId(draft.suggestionId);
        // The own words and their language come back with the note: nothing is dropped.
        setInterpretation(fromDraft(draft));
        return true;
      },
      submit: () => save(),
    }));

    const save = () => {
      if (text.trim() === '' || disabled) return;
      const refused = onSave(
        kind,
        text,
        keywords,
        interpretedPayload(shown),
        kind === 'question' ? promptId : undefined,
        kind === 'question' ? suggestionId : undefined,
      );
      setOwnProblem(refused);
      if (refused) return;
      setText('');
      setPromptId(undefined);
      setSuggestionId(undefined);
      setKeywords([]);
      // The interpreter stays for the next turn; the own words belong to this one.
      setInterpretation((v) => ({ ...v, original: '' }));
    };

    const onKeyDown = (e: KeyboardEvent<HTMLTextAreaElement>) => {
      if (
        e.key === 'Enter' &&
        !e.shiftKey &&
        !e.altKey &&
        !e.ctrlKey &&
        !e.nativeEvent.isComposing
      ) {
        e.preventDefault();
        save();
      }
    };

    const context = useMemo(
      () =>
        ({
          ...(childWordsUnrecorded
            ? { childWordsUnrecorded: true }
            : { childWords, ...(answered ? { answered } : {}) }),
          ...(stage ? { stage } : {}),
          childAgeYears,
          mediaStance,
        }) satisfies ClassifyContext,
      [childWords, childWordsUnrecorded, answered, stage, childAgeYears, mediaStance],
    );

    return (
      <div className="note-box">
        <fieldset className="kinds">
          <legend>{t('live.noteKind')}</legend>
          {NOTE_KINDS.map((k, i) => (
            <span className="kind" key={k}>
              <input
                type="radio"
                id={`kind-${k}`}
                name="note-kind"
                value={k}
                checked={kind === k}
                onChange={() => setKind(k)}
              />
              <label htmlFor={`kind-${k}`}>
                {t(`noteKinds.${k}`)} <kbd>{t('live.altKey', { key: i + 1 })}</kbd>
              </label>
            </span>
          ))}
        </fieldset>
        <label htmlFor="note-text" className="note-label">
          {t('live.noteLabel')}
        </label>
        <textarea
          id="note-text"
          ref={area}
          className="note-text"
          rows={2}
          value={text}
          disabled={disabled}
          aria-describedby={`${problem ? 'note-problem ' : ''}note-help question-hint`}
          aria-invalid={ownProblem ? true : undefined}
          onChange={(e) => {
            setText(e.target.value);
            // Cleared by hand: what is typed next is not the suggested prompt.
            if (e.target.value.trim() === '') {
              setPromptId(undefined);
              setSuggestionId(undefined);
            }
            if (ownProblem) setOwnProblem(null);
          }}
          onKeyDown={onKeyDown}
        />
        {problem ? (
          <p id="note-problem" ref={problemLine} className="note-problem" role="status">
            {problem.message}{' '}
            {problem.onRetry ? (
              <button type="button" className="button-quiet small" onClick={problem.onRetry}>
                {t('common.tryAgain')}
              </button>
            ) : null}
          </p>
        ) : null}
        <p id="note-help" className="field-hint">
          {t('live.noteHelp')}
        </p>
        {/* The hint sits right under the box, where the interviewer's eyes are: nothing that
            can grow (interpreter fields, keywords) comes between them. */}
        <QuestionHint
          text={kind === 'question' ? text : ''}
          language={language}
          context={context}
          onSuggestion={setSuggestion}
        />
        <InterpretedFields
          value={shown}
          // Each field's change is merged into the latest state, never a whole value from the
          // last render (that would undo a change React has not rendered yet).
          onChange={(change) => setInterpretation((v) => ({ ...v, ...change }))}
          disabled={disabled}
          ownWordsHint={
            // A question's own-language words are what the child heard: coded in their own
            // language with the same context, as the break queue codes a rendering (B19c-11).
            kind === 'question' ? (
              <RenderingHint text={shown.original} languageTag={shown.language} context={context} />
            ) : null
          }
          onKeyword={(word) => {
            setKeywords((list) => (list.includes(word) ? list : [...list, word]));
            if (kind !== 'child') setKind('child');
          }}
          rendering={kind === 'question'}
          folded={atBreak}
        />
        {keywords.length > 0 ? (
          <p className="pending-keywords">
            {t('live.keywordsForNote')}{' '}
            {keywords.map((k) => (
              <span className="chip static" key={k}>
                {k}
              </span>
            ))}
          </p>
        ) : null}
      </div>
    );
  }),
);
